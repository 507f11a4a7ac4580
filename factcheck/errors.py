"""The one user-error hierarchy, caught once in the CLI (exit code 2).

Anything else that escapes is a bug in factcheck and is reported as such.
"""
from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def shown(path: str) -> str:
    """A path as a line of output shows it: control characters (a newline in a file name)
    escaped as Python writes them (``\\n``, ``\\t``, ``\\x1b``), so a name cannot split a line."""
    if not _CONTROL.search(path):
        return path
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], path)


class FactcheckError(Exception):
    """A problem the user can fix: bad rules, bad input, bad usage.

    ``path``/``line``/``column`` locate it when known; ``hint`` says what to do.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = shown(self.path)
            if self.line:
                where += f":{self.line}"
                if self.column:
                    where += f":{self.column}"
            where += ": "
        text = where + self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class RuleError(FactcheckError):
    """A rule file is invalid."""


class InputError(FactcheckError):
    """An article or archive cannot be read."""


class ConfigError(FactcheckError):
    """The configuration is invalid."""


class UsageError(FactcheckError):
    """The command line is invalid."""
