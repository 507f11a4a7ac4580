"""Configuration: found, read and validated; merged as defaults < config file < command line.

A configuration is ``[tool.factcheck]`` in ``pyproject.toml`` or a ``factcheck.yaml`` /
``.factcheck.yaml`` file, searched upward from the working directory; the search stops at
the first directory that holds one, at a directory containing ``.git`` (the project root)
or at the filesystem root.  Within one directory ``factcheck.yaml`` wins over
``.factcheck.yaml``, which wins over ``pyproject.toml``.  Relative paths in a file are
relative to the file's directory.  Every problem is a ``ConfigError`` naming the file, the
key and (when it can be found) the line.  The keys are documented in docs/config.md.
"""
from __future__ import annotations

import difflib
import fnmatch
import os
import re
import sys
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

import yaml

from factcheck.errors import ConfigError
from factcheck.models import Finding, Severity

FILES = ("factcheck.yaml", ".factcheck.yaml", "pyproject.toml")
LEVELS = ("error", "warning", "info")
DEFAULT = "default"
COMMAND_LINE = "command line"
DEFAULT_CACHE = ".factcheck-cache"
JSONL_KEYS = ("text", "date", "id")
OVERRIDE_KEYS = ("paths", "rules", "severity", "disable")


@dataclass(frozen=True)
class Override:
    """Settings for the documents whose path matches one of ``paths`` (globs, relative to the root).

    ``rules`` are extra rule files for them, ``severity`` maps a rule id (or a glob such as
    ``*`` or ``captives-*``) to a level, ``disable`` lists rule ids (or globs) not reported.
    """

    paths: tuple[str, ...]
    rules: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    disable: tuple[str, ...] = ()

    def applies(self, path: str, root: str) -> bool:
        """True when the document at ``path`` (as findings show it) is one of this override's."""
        return globs_match(_relative(path, root), self.paths)


@dataclass(frozen=True)
class Config:
    """The effective configuration: each key's value and where it came from.

    ``origins`` says ``default``, ``command line`` or ``FILE[:LINE]`` for every key;
    ``root`` is the project root (the config file's directory, else the directory holding
    ``.git``, else the working directory).
    """

    values: Mapping[str, Any]
    origins: Mapping[str, str]
    file: str | None = None
    root: str = "."

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    @property
    def overrides(self) -> tuple[Override, ...]:
        return self.values.get("overrides", ())

    def rows(self) -> list[tuple[str, Any, str]]:
        """``(key, value, origin)`` for every key, in documentation order."""
        return [(k, _plain(self.values[k]), self.origins[k]) for k in KEYS if k in self.values]

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "root": self.root,
                "values": {k: {"value": v, "from": o} for k, v, o in self.rows()}}


# ---------------------------------------------------------------- value checkers

def _paths(value: Any, key: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) and v for v in items):
        raise ValueError(f"'{key}' must be a path or a list of paths")
    return tuple(items)


def check_glob(pattern: str) -> str | None:
    """Why ``pattern`` is not a usable glob, or None when it is."""
    if not pattern.strip():
        return "an empty pattern"
    i = 0
    while i < len(pattern):
        if pattern[i] == "[":
            close = pattern.find("]", i + 2 if pattern[i + 1:i + 2] in ("!", "]") else i + 1)
            if close == -1:
                return f"'[' at position {i + 1} is never closed"
            i = close
        i += 1
    if pattern.startswith("/") or re.match(r"[A-Za-z]:[\\/]", pattern):
        return "an absolute path (globs are relative to the configuration's directory)"
    return None


def _globs(value: Any, key: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise ValueError(f"'{key}' must be a glob or a list of globs")
    for g in items:
        why = check_glob(g)
        if why:
            raise ValueError(f"'{key}' has a bad glob {g!r}: {why}")
    return tuple(items)


def _level(value: Any, key: str) -> str:
    if not isinstance(value, str) or value.lower() not in LEVELS:
        raise ValueError(f"'{key}' must be one of {', '.join(LEVELS)}, not {value!r}")
    return value.lower()


def _window(value: Any, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ValueError(f"'{key}' must be a number of days (0 or more), not {value!r}")
    return float(value)


def _jobs(value: Any, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"'{key}' must be a whole number of processes (0 = all cores), not {value!r}")
    return value


def _format(value: Any, key: str) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"'{key}' must be an output format name, not {value!r}")
    return value


def _cache(value: Any, key: str) -> str | None:
    if value is False:
        return None
    if value is True:
        return DEFAULT_CACHE
    if isinstance(value, str) and value:
        return value
    raise ValueError(f"'{key}' must be a directory or false, not {value!r}")


def _field(value: Any, key: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(v, str) and v for v in items):
        raise ValueError(f"'{key}' must be a field name or a list of field names")
    return tuple(items)


# key → (checker, holds paths relative to the config file, default)
KEYS: dict[str, tuple[Callable[[Any, str], Any], bool, Any]] = {
    "rules": (_paths, True, ()),
    "paths": (_paths, True, ()),
    "include": (_globs, False, ()),
    "exclude": (_globs, False, ()),
    "jsonl.text": (_field, False, None),
    "jsonl.date": (_field, False, None),
    "jsonl.id": (_field, False, None),
    "overrides": (None, False, ()),  # checked by _overrides
    "fail-on": (_level, False, "error"),
    "min-level": (_level, False, "info"),
    "format": (_format, False, "table"),
    "window": (_window, False, 2.0),
    "jobs": (_jobs, False, 1),
    "cache": (_cache, True, DEFAULT_CACHE),
}
TOP_KEYS = tuple(dict.fromkeys(k.split(".")[0] for k in KEYS))


def _suggest(name: str, known: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(known)}"


# ---------------------------------------------------------------- reading files

class _Source:
    """One configuration file's mapping plus a way to find the line of a key."""

    def __init__(self, path: str, data: Mapping[str, Any], lines: Mapping[tuple, int], text: str,
                 section_line: int = 0):
        self.path, self.data, self.lines, self.text = path, data, lines, text
        self.section_line = section_line

    def line(self, where: tuple) -> int | None:
        for n in range(len(where), 0, -1):
            if where[:n] in self.lines:
                return self.lines[where[:n]]
        for name in (w for w in reversed(where) if isinstance(w, str)):
            pattern = re.compile(r"^\s*(?:[\"']?" + re.escape(name) + r"[\"']?\s*[=:]|\[\[?\s*tool\.factcheck\."
                                 + re.escape(name) + r"\s*\])", re.M)
            for m in pattern.finditer(self.text):
                n = self.text.count("\n", 0, m.start()) + 1
                if n > self.section_line:
                    return n
        return None

    def error(self, where: tuple, message: str, hint: str | None = None) -> ConfigError:
        return ConfigError(message, path=self.path, line=self.line(where), hint=hint)

    def origin(self, where: tuple) -> str:
        n = self.line(where)
        return f"{self.path}:{n}" if n else self.path


def _yaml_lines(node: yaml.Node, where: tuple, out: dict) -> None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            key = where + (str(k.value),)
            out.setdefault(key, k.start_mark.line + 1)
            _yaml_lines(v, key, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out.setdefault(where + (i,), item.start_mark.line + 1)
            _yaml_lines(item, where + (i,), out)


def _read_yaml(path: str, text: str) -> _Source:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise ConfigError(f"not valid YAML: {getattr(e, 'problem', None) or e}", path=path,
                          line=mark.line + 1 if mark else None,
                          column=mark.column + 1 if mark else None) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("the configuration must be a mapping of keys to values", path=path, line=1)
    lines: dict = {}
    if node is not None:
        _yaml_lines(node, (), lines)
    return _Source(path, data, lines, text)


def _toml():
    if sys.version_info >= (3, 11):
        import tomllib
        return tomllib
    import tomli  # type: ignore[import-not-found]
    return tomli


def _read_pyproject(path: str, text: str) -> _Source | None:
    toml = _toml()
    try:
        data = toml.loads(text)
    except toml.TOMLDecodeError as e:
        m = re.search(r"line (\d+), column (\d+)", str(e))
        raise ConfigError(f"not valid TOML: {str(e).split(' (at')[0]}", path=path,
                          line=int(m[1]) if m else None, column=int(m[2]) if m else None) from None
    section = data.get("tool", {}).get("factcheck") if isinstance(data.get("tool"), dict) else None
    if section is None:
        return None
    if not isinstance(section, dict):
        raise ConfigError("[tool.factcheck] must be a table", path=path)
    m = re.search(r"^\s*\[\s*tool\.factcheck\s*\]", text, re.M)
    first = text.count("\n", 0, m.start()) + 1 if m else 0
    return _Source(path, section, {(): first} if first else {}, text, section_line=first)


def read_source(path: str) -> _Source | None:
    """The ``_Source`` of one configuration file (None: a pyproject.toml without [tool.factcheck])."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except UnicodeDecodeError as e:
        raise ConfigError(f"not UTF-8 text (byte {e.start})", path=path) from None
    except OSError as e:
        raise ConfigError(f"cannot read configuration: {e.strerror or e}", path=path) from None
    if os.path.basename(path) == "pyproject.toml" or path.endswith(".toml"):
        return _read_pyproject(path, text)
    return _read_yaml(path, text)


def find_config(start: str = ".") -> tuple[str | None, str]:
    """The configuration file that applies in ``start`` (or None) and the project root.

    Walks up from ``start``; stops at the first directory holding a configuration, at a
    directory containing ``.git`` or at the filesystem root.  The root is the config file's
    directory, else the ``.git`` directory's parent, else ``start``.
    """
    here = os.path.abspath(start)
    while True:
        for name in FILES:
            candidate = os.path.join(here, name)
            if os.path.isfile(candidate):
                if name != "pyproject.toml" or _has_section(candidate):
                    return candidate, here
        if os.path.exists(os.path.join(here, ".git")):
            return None, here
        parent = os.path.dirname(here)
        if parent == here:
            return None, os.path.abspath(start)
        here = parent


def _has_section(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as fh:
            return re.search(r"^\s*\[\s*tool\.factcheck[\].]", fh.read(), re.M) is not None
    except (OSError, UnicodeDecodeError):
        return False


# ---------------------------------------------------------------- validation

def _flatten(src: _Source) -> dict[str, tuple[Any, tuple]]:
    """``{key: (raw value, where)}`` with ``jsonl`` split into ``jsonl.text`` …; unknown keys raise."""
    out: dict[str, tuple[Any, tuple]] = {}
    for raw_key, value in src.data.items():
        key = str(raw_key).replace("_", "-")
        if key not in TOP_KEYS:
            raise src.error((str(raw_key),), f"unknown key '{raw_key}' in the configuration",
                            _suggest(key, TOP_KEYS))
        if key == "jsonl":
            if not isinstance(value, dict):
                raise src.error((raw_key,), "'jsonl' must be a mapping with text, date and id")
            for sub, v in value.items():
                if sub not in JSONL_KEYS:
                    raise src.error((raw_key, sub), f"unknown key 'jsonl.{sub}' in the configuration",
                                    _suggest(str(sub), JSONL_KEYS))
                out[f"jsonl.{sub}"] = (v, (raw_key, sub))
        else:
            out[key] = (value, (raw_key,))
    return out


def _rebase(value: Any, base: str) -> Any:
    if isinstance(value, tuple):
        return tuple(_rebase(v, base) for v in value)
    if not isinstance(value, str) or os.path.isabs(value):
        return value
    joined = os.path.normpath(os.path.join(base, value))
    rel = os.path.relpath(joined)
    return joined if rel.startswith("..") else rel


def _overrides(src: _Source, value: Any, where: tuple, base: str) -> tuple[Override, ...]:
    if not isinstance(value, list):
        raise src.error(where, "'overrides' must be a list of {paths, rules, severity, disable}")
    out = []
    for i, item in enumerate(value):
        at = where + (i,)
        if not isinstance(item, dict):
            raise src.error(at, f"overrides[{i}] must be a mapping with paths and rules/severity/disable")
        for k in item:
            if k not in OVERRIDE_KEYS:
                raise src.error(at + (k,), f"unknown key '{k}' in overrides[{i}]", _suggest(str(k), OVERRIDE_KEYS))
        if "paths" not in item:
            raise src.error(at, f"overrides[{i}] needs 'paths' (the globs it applies to)")
        try:
            paths = _globs(item["paths"], f"overrides[{i}].paths")
            rules = _paths(item["rules"], f"overrides[{i}].rules") if "rules" in item else ()
            disable = _globs(item["disable"], f"overrides[{i}].disable") if "disable" in item else ()
        except ValueError as e:
            raise src.error(at + (next(k for k in ("paths", "rules", "disable") if k in item),), str(e)) from None
        severity = item.get("severity", {})
        if not isinstance(severity, dict):
            raise src.error(at + ("severity",), f"overrides[{i}].severity must map rule ids (or *) to levels")
        levels = []
        for rid, level in severity.items():
            try:
                levels.append((str(rid), Severity.parse(_level(level, f"overrides[{i}].severity.{rid}"))))
            except ValueError as e:
                raise src.error(at + ("severity", rid), str(e)) from None
        out.append(Override(paths, _rebase(rules, base), tuple(levels), disable))
    return tuple(out)


def load_config(path: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The validated values of one configuration file and, for each, ``FILE[:LINE]``.

    Paths (``rules``, ``paths``, ``cache``, override ``rules``) are rebased onto the file's
    directory; a ``pyproject.toml`` without ``[tool.factcheck]`` gives nothing.
    """
    src = read_source(path)
    if src is None:
        if os.path.basename(path) == "pyproject.toml":
            raise ConfigError("no [tool.factcheck] table in this file", path=path)
        return {}, {}
    base = os.path.dirname(os.path.abspath(path))
    values, origins = {}, {}
    for key, (raw, where) in _flatten(src).items():
        if key == "overrides":
            values[key] = _overrides(src, raw, where, base)
        else:
            check, relative, _ = KEYS[key]
            try:
                value = check(raw, key)
            except ValueError as e:
                raise src.error(where, str(e)) from None
            values[key] = _rebase(value, base) if relative else value
        origins[key] = src.origin(where)
    return values, origins


def resolve(cli: Mapping[str, Any] | None = None, config_file: str | None = None, cwd: str = ".",
            defaults: Mapping[str, Any] | None = None, choices: Mapping[str, Sequence[str]] | None = None,
            discover: bool = True) -> Config:
    """Defaults < configuration file < ``cli`` (values given on the command line, by key).

    ``config_file`` overrides discovery; ``defaults`` replaces the built-in default of a key
    (the parser's); ``choices`` restricts a key's values (``format``: the known formats).
    """
    root = os.path.abspath(cwd)
    if config_file is None and discover:
        config_file, root = find_config(cwd)
    elif config_file is not None:
        if not os.path.isfile(config_file):
            raise ConfigError("no such configuration file", path=config_file)
        root = os.path.dirname(os.path.abspath(config_file))
    values = {k: spec[2] for k, spec in KEYS.items()}
    values.update({k: v for k, v in (defaults or {}).items() if k in KEYS})
    origins = {k: DEFAULT for k in KEYS}
    if values["cache"] == DEFAULT_CACHE:
        values["cache"] = _rebase(DEFAULT_CACHE, root)
    shown = None
    if config_file is not None:
        shown = _display(config_file)
        file_values, file_origins = load_config(shown)
        for key, value in file_values.items():
            allowed = (choices or {}).get(key)
            if allowed and value not in allowed:
                raise ConfigError(f"'{key}' must be one of {', '.join(allowed)}, not {value!r}",
                                  path=shown, line=_line_of(file_origins[key]))
        values.update(file_values)
        origins.update(file_origins)
    for key, value in (cli or {}).items():
        values[key] = value
        origins[key] = COMMAND_LINE
    return Config(values, origins, shown, root)


def _line_of(origin: str) -> int | None:
    tail = origin.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


def _display(path: str) -> str:
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Override):
        d: dict[str, Any] = {"paths": list(value.paths)}
        if value.rules:
            d["rules"] = list(value.rules)
        if value.severity:
            d["severity"] = {k: str(v) for k, v in value.severity}
        if value.disable:
            d["disable"] = list(value.disable)
        return d
    return value


# ---------------------------------------------------------------- overrides on findings

def _relative(path: str, root: str) -> str:
    rel = os.path.relpath(os.path.abspath(path), root)
    return rel.replace(os.sep, "/")


def globs_match(rel: str, patterns: Sequence[str]) -> bool:
    """True when a relative path, or its file name, matches one glob (``*`` crosses ``/``)."""
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(name, p) for p in patterns)


def rule_matches(finding: Finding, patterns: Sequence[str]) -> bool:
    """True when a finding's rule, fact, relation or kind matches one of the id globs."""
    names = {finding.rule, finding.kind, finding.fact, finding.relation} - {None}
    return any(fnmatch.fnmatchcase(n, p) for n in names for p in patterns)


def apply_overrides(findings: Sequence[Finding], overrides: Sequence[Override],
                    root: str) -> tuple[list[Finding], list[Finding]]:
    """The findings with override severities applied, and those an override disables.

    Later overrides win over earlier ones; within one override an exact id wins over a glob.
    """
    import dataclasses
    kept, disabled = [], []
    for f in findings:
        severity, off = f.severity, False
        for o in overrides:
            if not o.applies(f.path, root):
                continue
            if o.disable and rule_matches(f, o.disable):
                off = True
            exact = [lvl for rid, lvl in o.severity if rid in (f.rule, f.fact, f.relation, f.kind)]
            globbed = [lvl for rid, lvl in o.severity if rule_matches(f, [rid])]
            if exact or globbed:
                severity = (exact or globbed)[-1]
        if off:
            disabled.append(f)
        else:
            kept.append(f if severity == f.severity else dataclasses.replace(f, severity=severity))
    return kept, disabled


# ---------------------------------------------------------------- the command line

# key → the argparse destination of its command-line option
DESTS = {"rules": "rules", "paths": "paths", "include": "include", "exclude": "exclude",
         "jsonl.text": "jsonl_text", "jsonl.date": "jsonl_date", "jsonl.id": "jsonl_id",
         "fail-on": "fail_on", "min-level": "min_level", "format": "format", "window": "window",
         "jobs": "jobs", "cache": "cache_dir"}


def _subparser(parser, name: str):
    import argparse
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices.get(name)
    return None


def _given(build_parser: Callable[[], Any], argv: Sequence[str] | None, command: str) -> dict[str, Any]:
    """The options the command line states explicitly (re-parsed with every default suppressed)."""
    import argparse
    parser = build_parser()
    sub = _subparser(parser, command)
    for action in sub._actions if sub else ():
        if action.dest != "help":
            action.default = argparse.SUPPRESS
    return vars(parser.parse_args(argv))


def configure(args, argv: Sequence[str] | None, build_parser: Callable[[], Any],
              cwd: str = ".") -> Config:
    """Resolve the configuration for parsed ``args`` and fill in the options not given.

    Defaults and allowed values come from the ``check`` subcommand's parser; the result is
    also stored as ``args.configuration``.
    """
    given = _given(build_parser, argv, args.command)
    check = _subparser(build_parser(), "check")
    defaults: dict[str, Any] = {}
    choices: dict[str, Sequence[str]] = {}
    for action in check._actions if check else ():
        key = next((k for k, d in DESTS.items() if d == action.dest), None)
        if key and key != "cache":
            if action.default is not None:
                defaults[key] = action.default
            if action.choices:
                choices[key] = tuple(action.choices)
    cli: dict[str, Any] = {}
    for key, dest in DESTS.items():
        if dest in given and not (key == "format" and args.command == "config"):
            value = given[dest]
            cli[key] = tuple(value) if isinstance(value, list) else value
    if given.get("no_cache"):
        cli["cache"] = None
    for key in ("jsonl.text", "jsonl.date", "jsonl.id"):
        if isinstance(cli.get(key), str):
            cli[key] = (cli[key],)
    config = resolve(cli, getattr(args, "config", None), cwd, defaults, choices)
    for key, dest in DESTS.items():
        if not hasattr(args, dest) or dest in given or (key == "format" and args.command == "config"):
            continue
        value = config[key]
        if config.origins[key] == DEFAULT and key != "cache":
            continue
        if key == "jobs" and value == 0:
            value = os.cpu_count() or 1
        setattr(args, dest, list(value) if isinstance(value, tuple) and key in ("rules", "paths", "include", "exclude")
                else value)
    if hasattr(args, "no_cache") and getattr(args, "no_cache"):
        args.cache_dir = None
    args.configuration = config
    return config


def table(config: Config) -> str:
    """The effective configuration as ``key  value  from`` lines."""
    from tabulate import tabulate
    rows = [(k, _show(v), o) for k, v, o in config.rows()]
    head = f"configuration file: {config.file or '(none)'}\nproject root: {config.root}\n\n"
    return head + tabulate(rows, headers=("key", "value", "from"), tablefmt="simple",
                           disable_numparse=True) + "\n"


def _show(value: Any) -> str:
    import json
    if value is None:
        return "-"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False) if value else "[]"
    return str(value)


__all__ = ["Config", "Override", "KEYS", "FILES", "DESTS", "find_config", "load_config", "resolve",
           "configure", "table", "apply_overrides", "globs_match", "rule_matches", "check_glob",
           "read_source"]
