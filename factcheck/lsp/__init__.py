"""The edge in the editor: ``factcheck lsp``, a Language Server over stdio (pygls, lsprotocol).

Open Markdown, HTML, text and JSON Lines documents are checked as ``factcheck check`` checks
files, with the configuration found from each document's folder; findings come back as
diagnostics, claims explain themselves on hover, and code actions suppress a finding, open the
rule file at its fact or show a relation's arithmetic (docs/editors.md).

``projects`` finds and keeps each configuration's rules, corpus and archive; ``checking`` checks
the open buffers; ``positions`` converts columns to the client's encoding; ``diagnostics``,
``hovers`` and ``actions`` turn checked buffers into what the editor shows; ``server`` holds the
server's state and scheduling, ``features`` the protocol's handlers.  Only ``serve`` needs pygls.
"""
from __future__ import annotations

import importlib
import logging
import sys

from factcheck.lsp.projects import Settings

NEEDS = ("lsprotocol", "pygls")


def missing() -> str | None:
    """The first package the server needs that cannot be imported, or None."""
    for name in NEEDS:
        try:
            importlib.import_module(name)
        except ImportError:
            return name
    return None


def serve(settings: Settings) -> None:
    """Run the language server on standard input and output until the client exits."""
    from factcheck.lsp.features import register
    from factcheck.lsp.server import FactcheckServer
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing printed may corrupt the protocol
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="factcheck lsp: %(message)s")
    server = FactcheckServer(settings)
    register(server)
    try:
        server.start_io(sys.stdin.buffer, out)
    finally:
        server.shutdown_worker()


__all__ = ["NEEDS", "Settings", "missing", "serve"]
