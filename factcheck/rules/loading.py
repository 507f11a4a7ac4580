"""Rule files: YAML facts (known figures) and relations between them, loaded and validated.

Files are composed into YAML nodes (safe: no objects are built) so that every key and value
keeps its line and column; every problem is a ``RuleError`` at ``path:line:column``.
The format is documented in docs/rules.md; the records built (``Fact``, ``Relation``,
``RuleSet``) live in ``facts`` and are importable from here too.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path
from typing import Sequence

import yaml

from factcheck.documents.dates import DateError, parse_when
from factcheck.errors import RuleError
from factcheck.models import Severity
from factcheck.rules import relation
from factcheck.rules.model import Fact, MatchSpec, Period, Relation, RuleSet, Term, Tolerance, compile_term, term_source
from factcheck.rules.yaml_nodes import compose
from factcheck.rules.nodes import KINDS, NULL, NodeReader, list_names, show, unknown_hint

FILE_KEYS = ("include", "facts", "relations")
FACT_KEYS = ("id", "label", "value", "timeline", "tolerance", "unit", "source", "severity", "tracked", "match",
             "during", "from", "until")
PERIOD_KEYS = ("value", "from", "tolerance", "source", "note")
MATCH_KEYS = ("all", "any", "none", "window")
RELATION_KEYS = ("id", "check", "message", "severity")


def load_rules(paths: Sequence[str | Path]) -> RuleSet:
    """Load rule files and directories (``*.yaml``/``*.yml``, recursively, sorted)."""
    loader = _Loader()
    for p in paths:
        path = Path(p)
        try:
            path.stat()
        except OSError as e:
            if not isinstance(e, FileNotFoundError):
                raise RuleError(f"cannot read: {e.strerror or e}", str(p)) from None
        if path.is_dir():
            found = sorted(q for q in path.rglob("*") if q.suffix in (".yaml", ".yml") and q.is_file())
            if not found:
                raise RuleError("no rule files (*.yaml, *.yml) in this directory", str(p))
            for q in found:
                loader.load_file(q, str(q), ())
        elif path.is_file():
            loader.load_file(path, str(p), ())
        else:
            raise RuleError("no such file or directory", str(p))
    return loader.finish()


def load_rules_text(text: str, name: str = "<rules>") -> RuleSet:
    """Load rules from a string; ``name`` is the path errors show (includes resolve next to it)."""
    loader = _Loader()
    loader.load_text(text, name, Path(name), ())
    return loader.finish()




class _Loader(NodeReader):
    """Reads rule files one by one into facts and relations; ``finish`` checks what spans files."""

    def __init__(self):
        self.facts: list[Fact] = []
        self.relations: list[tuple[Relation, str, yaml.Node, int]] = []
        self.files: list[str] = []
        self.seen: set[Path] = set()
        self.ids: dict[str, str] = {}

    # files

    def load_file(self, path: Path, where: str, stack: tuple[Path, ...]) -> None:
        real = path.resolve()
        if real in self.seen:
            return
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as e:
            raise RuleError(f"not UTF-8 text (byte {e.start})", where) from None
        except OSError as e:
            raise RuleError(f"cannot read rule file: {e.strerror or e}", where) from None
        self.load_text(text, where, path, stack)

    def load_text(self, text: str, where: str, path: Path, stack: tuple[Path, ...]) -> None:
        self.seen.add(path.resolve())
        stack = stack + (path.resolve(),)
        try:
            root = compose(text)
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            problem = e.problem or e.context or "invalid YAML"
            if e.context and problem.startswith("but "):
                problem = f"{e.context}, {problem}"
            raise RuleError(f"YAML syntax error: {problem}", where,
                            mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
        except yaml.YAMLError as e:
            raise RuleError(f"YAML syntax error: {e}", where) from None
        self.files.append(where)
        if root is None:
            return
        if not isinstance(root, yaml.MappingNode):
            self.fail(where, root, f"a rule file must be a mapping with keys {list_names(FILE_KEYS)}, "
                                   f"found {KINDS[type(root)]}")
        keys = self.mapping(where, root, FILE_KEYS, "the rule file")
        if "include" in keys:
            node = keys["include"][1]
            for item in [node] if isinstance(node, yaml.ScalarNode) and node.tag != NULL else \
                    self.items(where, node, "include"):
                self.include(where, path, item, stack)
        if "facts" in keys:
            for item in self.items(where, keys["facts"][1], "facts"):
                self.fact(where, item)
        if "relations" in keys:
            for item in self.items(where, keys["relations"][1], "relations"):
                self.relation(where, item)

    def include(self, where: str, path: Path, node: yaml.Node, stack: tuple[Path, ...]) -> None:
        name = self.text(where, node, "include", optional=False)
        target = path.parent / name
        shown = os.path.normpath(os.path.join(os.path.dirname(where), name))
        try:
            resolved, found = target.resolve(), target.is_file()
        except (OSError, ValueError) as e:  # a name too long for the file system, a NUL byte, …
            self.fail(where, node, f"cannot read included file: {getattr(e, 'strerror', None) or e}")
        if resolved in stack:
            chain = [p.name for p in stack[stack.index(target.resolve()):]] + [target.name]
            self.fail(where, node, "include cycle: " + " → ".join(chain))
        if not found:
            self.fail(where, node, f"included file {name!r} not found",
                      f"looked for {shown}" if shown != name else None)
        self.load_file(target, shown, stack)

    # records

    def fact(self, where: str, node: yaml.Node) -> None:
        keys = self.mapping(where, node, FACT_KEYS, "a fact")
        fid = self.id(where, node, keys, "fact")
        label = self.required(where, node, keys, "label", f"fact {fid!r}")
        label = self.text(where, label, "label", optional=False)
        get = lambda k: keys[k][1] if k in keys else None  # noqa: E731
        tracked = self.boolean(where, get("tracked"), "tracked") if "tracked" in keys else False
        tolerance = self.tolerance(where, get("tolerance")) if "tolerance" in keys else Tolerance()
        source = self.text(where, get("source"), "source") if "source" in keys else None
        if "value" in keys and "timeline" in keys:
            self.fail(where, keys["timeline"][0], f"fact {fid!r} has both 'value' and 'timeline'",
                      "give one: 'value' for a fixed figure, 'timeline' for one that changes")
        if tracked and ("value" in keys or "timeline" in keys):
            k = "value" if "value" in keys else "timeline"
            self.fail(where, keys[k][0], f"tracked fact {fid!r} cannot have a '{k}'",
                      "a tracked fact has no known figure; remove it or set tracked: false")
        if "value" in keys:
            timeline = (Period(self.number(where, get("value"), "value"), None, tolerance),)
        elif "timeline" in keys:
            timeline = self.timeline(where, get("timeline"), tolerance)
        elif tracked:
            timeline = ()
        else:
            self.fail(where, node, f"fact {fid!r} has no 'value' or 'timeline'",
                      "give one, or set tracked: true to compare it across articles only")
        match = self.required(where, node, keys, "match", f"fact {fid!r}")
        valid = self.validity(where, fid, keys)
        if valid[0] is not None and len(timeline) == 1 and timeline[0].start is None:
            timeline = (dataclasses.replace(timeline[0], start=valid[0]),)
        self.facts.append(Fact(
            id=fid, label=label, unit=self.unit(where, get("unit")) if "unit" in keys else None,
            severity=self.severity(where, get("severity")) if "severity" in keys else Severity.ERROR,
            source=source, tracked=tracked, timeline=timeline, match=self.match(where, match, fid),
            path=where, line=node.start_mark.line + 1, valid=valid))

    def validity(self, where: str, fid: str, keys: dict) -> tuple[dt.date | None, dt.date | None]:
        """The days a fact is about: ``during: 2014`` (a year, month or day), or ``from``/``until``."""
        if "during" in keys and ("from" in keys or "until" in keys):
            k = "from" if "from" in keys else "until"
            self.fail(where, keys[k][0], f"fact {fid!r} has both 'during' and '{k}'",
                      "give 'during' for one year or month, or 'from'/'until'")
        if ("from" in keys or "until" in keys) and "timeline" in keys:
            k = "from" if "from" in keys else "until"
            self.fail(where, keys[k][0], f"fact {fid!r} has '{k}' and a 'timeline'",
                      "a timeline gives each figure its own 'from'; 'until' ends the last with 'during' or not at all")
        if "during" in keys:
            node = keys["during"][1]
            try:
                when = parse_when(node.value.strip() if isinstance(node, yaml.ScalarNode) else None)
            except DateError:
                when = None
            if when is None:
                self.fail(where, node, f"invalid value {show(node)} for during (expected a year such as 2014, "
                                       f"a month such as 2014-11, or a day)")
            return when.first, when.last
        first = self.date(where, keys["from"][1], "from") if "from" in keys else None
        last = self.date(where, keys["until"][1], "until") if "until" in keys else None
        if first and last and last < first:
            self.fail(where, keys["until"][1], f"'until' {last.isoformat()} is before 'from' {first.isoformat()}")
        return first, last

    def timeline(self, where: str, node: yaml.Node, tolerance: Tolerance) -> tuple[Period, ...]:
        periods: list[Period] = []
        for item in self.items(where, node, "timeline"):
            keys = self.mapping(where, item, PERIOD_KEYS, "a timeline entry")
            value = self.required(where, item, keys, "value", "timeline entry")
            start = None
            if "from" in keys:
                start = self.date(where, keys["from"][1], "from")
            elif periods:
                self.fail(where, item, "timeline entry has no 'from' date",
                          "only the first entry may leave it out")
            if periods and periods[-1].start is not None and start <= periods[-1].start:
                what = "duplicate date" if start == periods[-1].start else "timeline is not in date order:"
                self.fail(where, keys["from"][1], f"{what} {start.isoformat()} "
                          f"(the entry before starts {periods[-1].start.isoformat()})")
            periods.append(Period(
                self.number(where, value, "value"), start,
                self.tolerance(where, keys["tolerance"][1]) if "tolerance" in keys else tolerance,
                self.text(where, keys["source"][1], "source") if "source" in keys else None,
                self.text(where, keys["note"][1], "note") if "note" in keys else None))
        if not periods:
            self.fail(where, node, "timeline is empty")
        return tuple(periods)

    def match(self, where: str, node: yaml.Node, fid: str) -> MatchSpec:
        keys = self.mapping(where, node, MATCH_KEYS, "match")
        terms = {k: self.terms(where, keys[k][1], k) for k in ("all", "any", "none") if k in keys}
        window = None
        if "window" in keys:
            window = self.number(where, keys["window"][1], "window")
            if window != int(window) or window < 1:
                self.fail(where, keys["window"][1], f"invalid value {keys['window'][1].value!r} for window "
                                                    "(expected a whole number of words, 1 or more)")
            window = int(window)
        if not terms.get("all") and not terms.get("any"):
            self.fail(where, node, f"empty match for fact {fid!r}", "give at least one term in 'all' or 'any'")
        return MatchSpec(terms.get("all", ()), terms.get("any", ()), terms.get("none", ()), window)

    def terms(self, where: str, node: yaml.Node, key: str) -> tuple[Term, ...]:
        out = []
        for item in (self.items(where, node, key) if not isinstance(node, yaml.ScalarNode) else [node]):
            text = self.text(where, item, f"a term in '{key}'", optional=False)
            try:
                term_source(text)
                out.append(Term(text))
            except ValueError as e:
                self.fail(where, item, f"invalid match term {text!r}: {e}")
        return tuple(out)

    def relation(self, where: str, node: yaml.Node) -> None:
        keys = self.mapping(where, node, RELATION_KEYS, "a relation")
        rid = self.id(where, node, keys, "relation")
        check = self.required(where, node, keys, "check", f"relation {rid!r}")
        text = self.text(where, check, "check", optional=False)
        line, col = check.start_mark.line + 1, check.start_mark.column + 1 + (check.style in ("'", '"'))
        expr = relation.parse(text, where, line, col)
        if not expr.names:
            self.fail(where, check, f"relation {rid!r} names no facts")
        rel = Relation(
            id=rid, check=text, message=self.text(where, keys["message"][1], "message") if "message" in keys else None,
            severity=self.severity(where, keys["severity"][1]) if "severity" in keys else Severity.ERROR,
            facts=expr.names, path=where, line=node.start_mark.line + 1, expression=expr)
        self.relations.append((rel, where, check, col))

    def finish(self) -> RuleSet:
        known = {f.id for f in self.facts}
        for rel, where, node, col in self.relations:
            for ref in rel.expression.refs:
                if ref.name not in known:
                    raise RuleError(f"unknown fact {ref.name!r} in relation {rel.id!r}", where,
                                    node.start_mark.line + 1, col + ref.offset, unknown_hint(ref.name, known))
        return RuleSet(tuple(self.facts), tuple(r[0] for r in self.relations), tuple(self.files))

def rules_digest(rules: RuleSet | None) -> str:
    """A hash of the rule files a RuleSet was loaded from (their paths and bytes)."""
    if rules is None:
        return "no-rules"
    import hashlib
    h = hashlib.blake2b(digest_size=16)
    for name in rules.files:
        h.update(str(name).encode() + b"\0")
        try:
            h.update(Path(name).read_bytes())
        except OSError:
            h.update(repr(rules).encode())
    if not rules.files:
        h.update(repr(rules).encode())
    return h.hexdigest()


__all__ = ["load_rules", "load_rules_text", "rules_digest", "RuleSet", "Fact", "Relation", "MatchSpec", "Period",
           "Term", "Tolerance", "compile_term"]
