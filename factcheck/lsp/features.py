"""The protocol's methods the server answers: the document lifecycle, watched files, hover,
code actions and the two commands they use.

``register(server)`` attaches every handler to a ``FactcheckServer``; handlers run on the
protocol's thread and only read what the last check left (``server.latest``) or schedule
a new check.
"""
from __future__ import annotations

import os

from lsprotocol import types
from pygls.uris import to_fs_path

from factcheck.config import FILES
from factcheck.lsp.actions import OPEN_RULE, SHOW_ARITHMETIC, code_actions, show_document
from factcheck.lsp.diagnostics import SOURCE, finding_range, span
from factcheck.lsp.hovers import hover_markdown
from factcheck.lsp.positions import Lines, choose_encoding
from factcheck.lsp.server import WATCHED, FactcheckServer


def _settings_file(uri: str) -> str | None:
    """The file system path of a rule file or configuration, or None for anything else."""
    path = to_fs_path(uri) if uri.startswith("file:") else None
    if path and (path.endswith((".yaml", ".yml")) or os.path.basename(path) in FILES):
        return path
    return None


def register(server: FactcheckServer) -> None:
    """Attach every handler to ``server``."""

    @server.feature(types.INITIALIZE)
    def initialize(ls: FactcheckServer, params: types.InitializeParams) -> None:
        ls.configure(params.initialization_options)
        agreed = ls.workspace.position_encoding  # pygls answers the client's offer; use what it announced
        ls.encoding = choose_encoding([str(getattr(agreed, "value", agreed))] if agreed else None)
        root = params.root_uri and to_fs_path(params.root_uri)
        if root:
            ls.projects.fallback = root

    @server.feature(types.INITIALIZED)
    def initialized(ls: FactcheckServer, params: types.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps else None
        if watched and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED])
            ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
                id="factcheck-rules", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactcheckServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.versions[params.text_document.uri] = params.text_document.version
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactcheckServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.versions[params.text_document.uri] = params.text_document.version
        ls.schedule(params.text_document.uri, ls.settings.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    async def did_save(ls: FactcheckServer, params: types.DidSaveTextDocumentParams) -> None:
        path = _settings_file(params.text_document.uri)
        if path is not None:
            await ls.files_changed([path])
        elif ls.buffer(params.text_document.uri) is not None:
            file = to_fs_path(params.text_document.uri)
            if file:
                ls.worker.submit(ls.projects.saved, file)  # before the check: one worker, in order
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactcheckServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.closed(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched(ls: FactcheckServer, params: types.DidChangeWatchedFilesParams) -> None:
        paths = [p for p in (_settings_file(c.uri) for c in params.changes) if p]
        if paths:
            await ls.files_changed(paths)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: FactcheckServer, params: types.HoverParams) -> types.Hover | None:
        checked = ls.latest.get(params.text_document.uri)
        if checked is None:
            return None
        text = ls.workspace.get_text_document(params.text_document.uri).source
        line, column = Lines.of(text).column(params.position.line, params.position.character, ls.encoding)
        loc = checked.claim_at(line, column)
        findings = checked.findings_at(line, column)
        markdown = hover_markdown(checked, loc, findings)
        if markdown is None:
            return None
        lines = Lines.of(checked.buffer.text)
        if loc is not None:
            where = span(lines, loc.line, loc.column, loc.end_column, ls.encoding)
        else:
            where = finding_range(lines, findings[0], ls.encoding)
        content = types.MarkupContent(kind=types.MarkupKind.Markdown, value=markdown)
        return types.Hover(contents=content, range=where)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: FactcheckServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        checked = ls.latest.get(uri)
        if checked is None:
            return None
        text = ls.workspace.get_text_document(uri).source
        lines = Lines.of(text)
        r = params.range
        found = checked.findings_between(lines.column(r.start.line, r.start.character, ls.encoding),
                                         lines.column(r.end.line, r.end.character, ls.encoding))
        ours = [d for d in params.context.diagnostics if d.source == SOURCE]
        for d in ours:
            data = d.data if isinstance(d.data, dict) else {}
            found += [f for f in checked.findings if f not in found and f.rule == d.code
                      and (f.line, f.column) == (data.get("line"), data.get("column"))]

        def resolves(f):
            return [d for d in ours if d.code == f.rule and d.range.start.line == f.line - 1]
        return code_actions(checked, found, text, ls.encoding, resolves) or None

    @server.command(OPEN_RULE)
    def open_rule(ls: FactcheckServer, *args) -> None:
        path, line = str(args[0]), int(args[1]) if len(args) > 1 else 1
        window = ls.client_capabilities.window
        if window and window.show_document and window.show_document.support:
            ls.window_show_document(show_document(path, line))
        else:
            ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Info, message=f"{path}:{line}"))

    @server.command(SHOW_ARITHMETIC)
    def show_arithmetic(ls: FactcheckServer, *args) -> None:
        text = str(args[0]) if args else ""
        ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Info, message=text))

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: FactcheckServer, *args) -> None:
        for task in ls.pending.values():
            task.cancel()


__all__ = ["register"]
