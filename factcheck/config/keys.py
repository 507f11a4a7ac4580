"""The configuration keys: each value's checker, the overrides, and loading one file into values.

Every problem is a ``ConfigError`` naming the file, the key and (when it can be found) the
line; an unknown key comes with a did-you-mean.  ``apply_overrides`` is the pure step that
turns the ``overrides`` list into changed severities and disabled findings.
"""
from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from factcheck.config.files import Source, read_source
from factcheck.errors import ConfigError
from factcheck.models import Finding, Severity

LEVELS = ("error", "warning", "info")
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


def _dollar(value: Any, key: str) -> str:
    from factcheck.extract.dollars import check_code
    code = check_code(value)
    if code is None:
        raise ValueError(f"'{key}' must be an ISO 4217 currency code such as CAD or AUD, not {value!r}")
    return code


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
    "dollar": (_dollar, False, "USD"),
    "jobs": (_jobs, False, 1),
    "cache": (_cache, True, DEFAULT_CACHE),
}
TOP_KEYS = tuple(dict.fromkeys(k.split(".")[0] for k in KEYS))


def _suggest(name: str, known: Sequence[str]) -> str | None:
    import difflib
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(known)}"




def _flatten(src: Source) -> dict[str, tuple[Any, tuple]]:
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


def rebase(value: Any, base: str) -> Any:
    """A path from a config file made relative to the working directory (absolute when above it)."""
    if isinstance(value, tuple):
        return tuple(rebase(v, base) for v in value)
    if not isinstance(value, str) or os.path.isabs(value):
        return value
    joined = os.path.normpath(os.path.join(base, value))
    rel = os.path.relpath(joined)
    return joined if rel.startswith("..") else rel


def _overrides(src: Source, value: Any, where: tuple, base: str) -> tuple[Override, ...]:
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
        out.append(Override(paths, rebase(rules, base), tuple(levels), disable))
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
            values[key] = rebase(value, base) if relative else value
        origins[key] = src.origin(where)
    return values, origins




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




__all__ = ["KEYS", "TOP_KEYS", "LEVELS", "DEFAULT_CACHE", "Override", "check_glob", "load_config", "rebase",
           "apply_overrides", "globs_match", "rule_matches"]
