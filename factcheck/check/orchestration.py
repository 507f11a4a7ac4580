"""The one check orchestration: a run's documents compared with each other, with the
``--corpus`` articles and with an archive index, into one ``Report``.

The command line (``factcheck check``) and the editor's page (``factcheck serve``) both call
``run_check``; they differ only in where their documents' results come from (the file cache,
or a draft in memory).
"""
from __future__ import annotations

import os
from typing import Callable, Iterable, Protocol, Sequence

from factcheck.check.cache import Cache, CrossMemo
from factcheck.check.engine import DocResult, Options, combine
from factcheck.cross.consistency import compared
from factcheck.cross.mentions import Mention
from factcheck.models import Report
from factcheck.rules.loading import rules_digest
from factcheck.rules.model import RuleSet


class Archive(Protocol):
    """What a check needs of an archive index (``archive.Index`` is one)."""

    @property
    def dollar(self) -> str:
        """The currency a bare "$" meant when the archive was built."""

    def counterparts(self, mentions: Sequence[Mention], exclude: set, *, window_days: float) -> list[Mention]:
        """The stored mentions that may be compared with ``mentions`` (paths in ``exclude`` left out)."""


def run_check(results: Iterable[DocResult], rules: RuleSet | None, options: Options, *,
              corpus: Sequence[Mention] = (), archive: Archive | None = None, errors: Sequence[str] = (),
              keep: Callable[[str, int], bool] | None = None, cache: Cache | None = None,
              on_note: Callable[[str], None] | None = None, stats: dict | None = None) -> Report:
    """The report of a run: every document's findings, and their cross-article comparison.

    ``corpus`` are mentions of articles only compared with (those of the run's own files are
    left out); ``archive`` adds the stored mentions near the run's own; ``cache`` keeps the
    cross-article findings of an identical run (not with an archive, which changes under it).
    ``keep(path, line)`` limits what is reported (``--diff-base``).  ``stats``, when given,
    receives how many other articles and figures the run's figures were compared with.
    """
    extra: list[Mention] = []
    if options.cross and (corpus or archive is not None):
        results = list(results)
        own = {r.document.path for r in results}
        if corpus:
            absolute = {os.path.abspath(p) for p in own}
            extra = [m for m in corpus if os.path.abspath(m.located.path) not in absolute]
        if archive is not None:
            if archive.dollar != options.dollar and on_note is not None:
                on_note(f"the archive was indexed with a bare $ meaning {archive.dollar}, this check reads it "
                        f"as {options.dollar}: their dollar figures are not compared")
            extra += archive.counterparts([m for r in results for m in r.mentions], own,
                                          window_days=options.window_days)
    if stats is not None:
        results = list(results)
        near = compared([m for r in results for m in r.mentions], extra, options.window_days)
        stats.update(articles=len({m.doc for m in near}), figures=len(near), window_days=options.window_days)
    memo = None
    if cache is not None and archive is None:
        memo = CrossMemo(cache, f"{rules_digest(rules)}|{options.window_days}|{len(extra) if corpus else -1}")
    return combine(results, rules, options, errors, extra_mentions=extra, keep=keep, memo=memo)


__all__ = ["Archive", "run_check"]
