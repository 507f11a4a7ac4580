"""The language server over stdio (pygls): open documents checked as the editor types.

Opening or saving an article checks it at once; a change re-checks it after a pause
(``Settings.debounce``), a newer change cancelling the older check.  Checks run one at a time
on one worker thread (which alone touches the projects and their caches), so the protocol
keeps answering; a check whose document changed meanwhile is dropped before it starts and
its result is not published.  Each check covers every open document of the project, so a
cross-article finding appears, and goes, in both documents at once.

Saving a rule file or the configuration (or the client reporting it changed on disk)
reloads the projects that use it and re-checks the open documents; a broken rule file or
configuration is shown with ``window/showMessage`` (``file:line: …``), once, and the last
rules that loaded stay in use.  Nothing a user can fix stops the server.
"""
from __future__ import annotations

import asyncio
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from factcheck import __version__
from factcheck.documents.formats import HEAD, sniff_text
from factcheck.errors import FactcheckError
from factcheck.lsp.checking import Buffer, Checked, Checker, display_path
from factcheck.lsp.diagnostics import diagnostics, disk_lines, problem_diagnostics
from factcheck.lsp.positions import UTF16, Lines
from factcheck.lsp.projects import Projects, Settings

log = logging.getLogger("factcheck.lsp")
LANGUAGES = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text", "jsonl": "jsonl",
             "jsonlines": "jsonl"}
ARTICLES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".txt": "text",
            ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".xml": "xml"}
SUFFIX = {"markdown": ".md", "html": ".html", "text": ".txt", "jsonl": ".jsonl"}
WATCHED = ("**/*.yaml", "**/*.yml", "**/pyproject.toml")


class FactcheckServer(LanguageServer):
    """The server's state: settings, projects, the checker and what was last published."""

    def __init__(self, settings: Settings):
        super().__init__("factcheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.settings = settings
        self.projects = Projects(settings)
        self.checker = Checker(self.projects)
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factcheck-check")
        self.encoding = UTF16
        self.pending: dict[str, asyncio.Task] = {}
        self.versions: dict[str, int | None] = {}
        self.latest: dict[str, Checked] = {}
        self.published: dict[str, list] = {}
        self.reported: set[str] = set()
        self.broken: set[str] = set()

    # ---- documents

    def buffer(self, uri: str) -> Buffer | None:
        """The open document at ``uri`` as a Buffer, when it is an article factcheck reads."""
        try:
            if uri not in self.workspace.text_documents:  # (get_text_document would read it from disk)
                return None
            doc = self.workspace.get_text_document(uri)
        except RuntimeError:  # not initialized
            return None
        file = to_fs_path(uri) if uri.startswith("file:") else None
        name = file or uri.rsplit("/", 1)[-1].rsplit(":", 1)[-1] or "untitled"
        fmt = ARTICLES.get(os.path.splitext(name)[1].lower()) or LANGUAGES.get(doc.language_id or "")
        if fmt is None or (fmt in ("json", "xml") and sniff_text(doc.source[:HEAD], fmt) is None):
            return None  # (a .json or .xml file in no news format: configuration, data)
        path = display_path(file) if file else name
        if os.path.splitext(path)[1].lower() not in ARTICLES:
            path += SUFFIX[fmt]
        return Buffer(uri, path, doc.version, doc.source, file)

    def buffers(self) -> list[Buffer]:
        """Every open article."""
        return [b for uri in list(self.workspace.text_documents) if (b := self.buffer(uri)) is not None]

    # ---- checking

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` (and its project's other open documents) after ``delay`` seconds."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.get_event_loop().create_task(self._check_later(uri, delay))

    async def _check_later(self, uri: str | None, delay: float) -> None:
        me = asyncio.current_task()
        try:
            if delay > 0:
                await asyncio.sleep(delay)
            buffers = self.buffers()
            target = next((b for b in buffers if b.uri == uri), None)
            if uri is not None and target is None:
                return
            loop = asyncio.get_event_loop()
            outcome = await loop.run_in_executor(self.worker, self._work, target, buffers)
            if outcome is not None:
                self._deliver(*outcome, force={uri} if uri else set(outcome[0]))
        except asyncio.CancelledError:
            pass
        except Exception as err:  # a bug in factcheck: say so, keep serving
            log.exception("check failed")
            self._show(f"factcheck: internal error while checking: {type(err).__name__}: {err} (a bug in factcheck)")
        finally:
            if self.pending.get(uri or "") is me:
                del self.pending[uri or ""]

    def recheck_all(self) -> None:
        """Check every open document again (rules or configuration changed)."""
        old = self.pending.pop("", None)
        if old is not None:
            old.cancel()
        self.pending[""] = asyncio.get_event_loop().create_task(self._check_later(None, 0))

    def _work(self, target: Buffer | None, buffers: list[Buffer]):
        """On the worker thread: check the target's project (None: every project), unless the
        target changed since it was scheduled."""
        if target is not None:
            if self.versions.get(target.uri, target.version) != target.version:
                return None
            project = self.checker.project_of(target)
            buffers = [b for b in buffers if b.uri == target.uri or self.checker.project_of(b) is project]
        try:
            checked = self.checker.check(buffers)
        except FactcheckError as err:  # e.g. an archive that cannot be read
            return {}, {}, [err]
        texts = {b.path: Lines.of(b.text) for b in buffers}
        on_disk = disk_lines({})

        def lines_for(path: str) -> Lines | None:
            return texts.get(path) or on_disk(path)
        diags = {uri: diagnostics(c, self.encoding, lines_for) for uri, c in checked.items()}
        problems = [p for project in self.projects.all() for p in project.take_problems()]
        return checked, diags, problems

    def _deliver(self, checked: dict[str, Checked], diags: dict[str, list], problems: list[FactcheckError],
                 force: set[str]) -> None:
        """On the protocol's thread: publish what a check found, where its document did not change
        since; documents in ``force`` are published even when their diagnostics did not change."""
        for err in problems:
            self._show(f"factcheck: {err}")
        for uri, found in problem_diagnostics(problems, self.encoding).items():
            self.broken.add(uri)
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=found))
        for uri, c in checked.items():
            if uri not in self.versions or self.versions[uri] != c.buffer.version:
                continue  # closed, or changed since: a newer check is on its way
            self.latest[uri] = c
            if uri in force or self.published.get(uri) != diags[uri]:
                self.published[uri] = diags[uri]
                self.text_document_publish_diagnostics(
                    types.PublishDiagnosticsParams(uri=uri, diagnostics=diags[uri], version=c.buffer.version))

    def _show(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        """``window/showMessage``, once per distinct message until the rules or configuration change."""
        if message in self.reported:
            return
        self.reported.add(message)
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    async def files_changed(self, paths: list[str]) -> None:
        """Rule files or configuration changed: reload the projects using them, re-check everything."""
        loop = asyncio.get_event_loop()
        if await loop.run_in_executor(self.worker, self.projects.changed, paths):
            self.reported.clear()
            for uri in self.broken:
                self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
            self.broken.clear()
            self.recheck_all()

    def closed(self, uri: str) -> None:
        """A document was closed: forget it, clear its diagnostics, re-check the others."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.versions.pop(uri, None)
        self.latest.pop(uri, None)
        self.published.pop(uri, None)
        self.worker.submit(self.checker.forget, uri)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        self.recheck_all()

    def shutdown_worker(self) -> None:
        """Close archives on the worker thread, then stop it."""
        self.worker.submit(self.projects.close)
        self.worker.shutdown(wait=True, cancel_futures=True)

    def configure(self, options: Any) -> None:
        """Apply the client's ``initializationOptions`` (rules, against, debounce in ms, corpus); an
        option left empty keeps the command line's."""
        if not isinstance(options, dict):
            return
        s = self.settings
        rules = options.get("rules")
        rules = [rules] if isinstance(rules, str) else rules if isinstance(rules, list) else []
        debounce = options.get("debounce")
        against = options.get("against")
        self.settings = Settings(
            rules=tuple(str(r) for r in rules if r) or s.rules, against=str(against) if against else s.against,
            debounce=float(debounce) / 1000 if isinstance(debounce, (int, float)) else s.debounce,
            corpus=bool(options.get("corpus", s.corpus)))
        self.projects = Projects(self.settings)
        self.checker = Checker(self.projects)


__all__ = ["ARTICLES", "LANGUAGES", "WATCHED", "FactcheckServer"]
