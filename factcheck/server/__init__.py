"""The editor's page: a local web app over the checker (``factcheck serve``).

``checker`` holds what the page asks of factcheck (no HTTP); ``app`` serves it.

``create_app`` builds the Starlette app around loaded rules and an optional archive;
``serve`` binds a socket and runs it with uvicorn.  The JSON API (documented in
docs/serve.md):

* ``POST /api/check`` ``{"text": ..., "date": "YYYY-MM-DD", "filename": "draft.md"}`` → the
  versioned report of ``factcheck check --format json`` plus a ``view`` block giving each
  claim's and finding's character offsets in the text shown to the editor;
* ``GET /api/facts`` → the loaded facts (with their timelines) and relations;
* ``GET /api/facts/{id}/chart.svg[?mark=VALUE@DATE]`` → the fact's timeline as SVG.

Safety: every response carries a strict Content-Security-Policy; requests whose Host header
is not the bound address are refused (DNS rebinding); request bodies are limited while they
stream in; nothing in a request touches the file system (the file name only picks a reader).
"""
from __future__ import annotations

from factcheck.server.app import (DEFAULT_HOST, DEFAULT_MAX_BODY, DEFAULT_PORT, STATIC, Guard, allowed_hosts,
                                  create_app, is_loopback, parse_size, serve)
from factcheck.server.checker import (Checker, RequestError, corpus_history, fact_record, load_corpus,
                                      open_archive, parse_check_request, relation_record)

__all__ = ["Checker", "Guard", "RequestError", "create_app", "serve", "parse_size", "parse_check_request",
           "allowed_hosts", "is_loopback", "open_archive", "load_corpus", "corpus_history", "fact_record",
           "relation_record", "STATIC", "DEFAULT_HOST", "DEFAULT_PORT", "DEFAULT_MAX_BODY"]
