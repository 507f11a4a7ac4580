"""Finding and reading configuration files: ``factcheck.yaml``, ``.factcheck.yaml``, ``pyproject.toml``.

``find_config`` walks up from a directory; ``read_source`` parses one file into a mapping
plus a way to find the line of a key (YAML: from the parser; TOML: by searching the text).
"""
from __future__ import annotations

import os
import re
import sys
from typing import Any, Mapping

import yaml

from factcheck.errors import ConfigError

FILES = ("factcheck.yaml", ".factcheck.yaml", "pyproject.toml")


class Source:
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


def _read_yaml(path: str, text: str) -> Source:
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
    return Source(path, data, lines, text)


def _toml():
    if sys.version_info >= (3, 11):
        import tomllib
        return tomllib
    import tomli  # type: ignore[import-not-found]
    return tomli


def _read_pyproject(path: str, text: str) -> Source | None:
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
    return Source(path, section, {(): first} if first else {}, text, section_line=first)


def read_source(path: str) -> Source | None:
    """The ``Source`` of one configuration file (None: a pyproject.toml without [tool.factcheck])."""
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




__all__ = ["FILES", "Source", "find_config", "read_source"]
