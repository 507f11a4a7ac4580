"""What the commands share: reading the named documents, writing output, the exit codes."""
from __future__ import annotations

import sys

from factcheck.errors import FactcheckError, UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_CRASH = 0, 1, 2, 3


def jsonl_fields(args):
    """The JSON Lines field names given on the command line."""
    from factcheck.documents import JsonlFields
    kw = {}
    for name in ("text", "date", "id"):
        v = getattr(args, f"jsonl_{name}", None)
        if v:
            kw[name] = (v,) if isinstance(v, str) else tuple(v)
    return JsonlFields(**kw)


def named_documents(args, errors: list[str]):
    """The documents the command names; each unreadable one is reported and added to ``errors``."""
    from factcheck.documents import iter_documents

    def on_error(err: FactcheckError) -> None:
        errors.append(str(err))
        print(f"factcheck: {err}", file=sys.stderr)

    return iter_documents(args.paths, on_error=on_error, jsonl=jsonl_fields(args),
                          stdin_name=args.stdin_name, include=getattr(args, "include", None),
                          exclude=getattr(args, "exclude", None), drafts=getattr(args, "drafts", False),
                          on_skip=note_skipped)


def note_skipped(path: str, why: str) -> None:
    """Say on standard error why ``path`` was passed over."""
    print(f"factcheck: note: {path}: {why}", file=sys.stderr)


def write_output(args, text) -> None:
    """Write ``text`` (a string, or its pieces as they come) to ``--output`` or standard output."""
    pieces = [text] if isinstance(text, str) else text
    if getattr(args, "output", None):
        try:
            with open(args.output, "w", encoding="utf-8") as fh:
                fh.writelines(pieces)
        except OSError as e:
            raise UsageError(f"cannot write {args.output}: {e.strerror}") from None
    else:
        sys.stdout.writelines(pieces)


def project_dollar() -> str:
    """The configuration's ``dollar`` (searched upward from here), for commands without ``--config``."""
    from factcheck.config import resolve
    return resolve()["dollar"]


__all__ = ["EXIT_CRASH", "EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "jsonl_fields", "named_documents", "note_skipped",
           "project_dollar", "write_output"]
