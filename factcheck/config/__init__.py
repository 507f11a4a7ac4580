"""Configuration: found, read and validated; merged as defaults < config file < command line.

A configuration is ``[tool.factcheck]`` in ``pyproject.toml`` or a ``factcheck.yaml`` /
``.factcheck.yaml`` file, searched upward from the working directory; the search stops at
the first directory that holds one, at a directory containing ``.git`` (the project root)
or at the filesystem root.  Within one directory ``factcheck.yaml`` wins over
``.factcheck.yaml``, which wins over ``pyproject.toml``.  Relative paths in a file are
relative to the file's directory.  ``files`` finds and parses, ``keys`` validates; this
module merges and tells where each value came from.  The keys are documented in docs/config.md.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from factcheck.config.files import FILES, find_config, read_source
from factcheck.config.keys import (DEFAULT_CACHE, KEYS, Override, rebase, apply_overrides, check_glob,
                                   globs_match, load_config, rule_matches)
from factcheck.errors import ConfigError

DEFAULT = "default"
COMMAND_LINE = "command line"


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
        """The per-path overrides, in file order."""
        return self.values.get("overrides", ())

    def rows(self) -> list[tuple[str, Any, str]]:
        """``(key, value, origin)`` for every key, in documentation order."""
        return [(k, _plain(self.values[k]), self.origins[k]) for k in KEYS if k in self.values]

    def as_dict(self) -> dict[str, Any]:
        """Builtin values only, for ``factcheck config --format json``."""
        return {"file": self.file, "root": self.root,
                "values": {k: {"value": v, "from": o} for k, v, o in self.rows()}}




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
        values["cache"] = rebase(DEFAULT_CACHE, root)
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




# ---------------------------------------------------------------- the command line

# key → the argparse destination of its command-line option
DESTS = {"rules": "rules", "paths": "paths", "include": "include", "exclude": "exclude",
         "jsonl.text": "jsonl_text", "jsonl.date": "jsonl_date", "jsonl.id": "jsonl_id",
         "fail-on": "fail_on", "min-level": "min_level", "format": "format", "window": "window",
         "jobs": "jobs", "cache": "cache_dir", "dollar": "dollar"}


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
