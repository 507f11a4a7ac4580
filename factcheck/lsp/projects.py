"""Projects: the configuration that applies to a document, and what it loads, kept warm.

A document's project is found as the command line finds its configuration, searching
upward from the document's folder (``config.find_config``): ``factcheck.yaml``,
``.factcheck.yaml`` or ``pyproject.toml`` ``[tool.factcheck]``, up to the directory holding
``.git``.  One ``Project`` per configuration file (or per root without one) keeps the rules,
the rule sets of the per-path overrides, the mentions of the configured corpus (``paths``)
and the ``--against`` archive, loaded on first use and dropped when a rule file or the
configuration changes; a corpus article saved in the editor is read again.  A broken rule file or configuration is recorded as ``problems``
(the last rules that loaded stay in use); nothing here raises a ``FactcheckError``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Sequence

from factcheck.archive import Index, open_index
from factcheck.check.cache import Cache, check_files
from factcheck.check.engine import Options
from factcheck.config import FILES, Config, find_config, resolve
from factcheck.cross.mentions import Mention
from factcheck.documents import JsonlFields
from factcheck.errors import FactcheckError
from factcheck.rules import RuleSet, load_rules


@dataclass(frozen=True)
class Settings:
    """How the server was started: ``factcheck lsp`` options, or the client's initialization options.

    ``rules`` replaces the configuration's rules when given; ``against`` is an archive index
    (``factcheck index``) every document is also compared with; ``debounce`` is the pause in
    seconds after a change before re-checking; ``corpus`` reads the configuration's ``paths``
    as articles to compare with.
    """

    rules: tuple[str, ...] = ()
    against: str | None = None
    debounce: float = 0.3
    corpus: bool = True


def _inside(path: str, root: str) -> bool:
    path, root = os.path.abspath(path), os.path.abspath(root)
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


class Project:
    """One configuration and what it loads: rules, override rule sets, corpus mentions, archive.

    Used from one thread at a time (the server's checking thread).
    """

    def __init__(self, config: Config, settings: Settings, problem: FactcheckError | None = None):
        self.config = config
        self.settings = settings
        self.problems: list[FactcheckError] = [problem] if problem else []
        self.rule_paths = settings.rules or tuple(config["rules"])
        self.generation = 0
        self._rules: RuleSet | None = None
        self._loaded = False
        self._sets: dict[tuple[str, ...], RuleSet] = {}
        self._corpus: dict[str, tuple[Mention, ...]] | None = None
        self._mentions: tuple[Mention, ...] | None = None
        self._archive: Index | None = None
        self._archive_tried = False

    @property
    def key(self) -> str:
        """The configuration file, or the root when there is none."""
        return self.config.file or self.config.root

    @property
    def options(self) -> Options:
        """The check options the configuration gives (window, dollar)."""
        return Options(cross=True, window_days=float(self.config["window"]), dollar=self.config["dollar"])

    def rules(self) -> RuleSet | None:
        """The configured rules (None without any); a broken file keeps the last ones that loaded."""
        if not self._loaded:
            self._loaded = True
            if self.rule_paths:
                try:
                    self._rules = load_rules(list(self.rule_paths))
                except FactcheckError as err:
                    self.problems.append(err)
        return self._rules

    def rules_for(self, path: str) -> RuleSet | None:
        """The rules for one document: the configured ones plus its overrides' extra rule files."""
        extra = tuple(r for o in self.config.overrides if o.rules and o.applies(path, self.config.root)
                      for r in o.rules)
        return self._with(extra)

    def combined(self) -> RuleSet | None:
        """Every rule any document of the project uses (for the cross-article comparison)."""
        return self._with(tuple(r for o in self.config.overrides for r in o.rules))

    def _with(self, extra: tuple[str, ...]) -> RuleSet | None:
        base = self.rules()
        if not extra:
            return base
        if extra not in self._sets:
            try:
                self._sets[extra] = load_rules([*self.rule_paths, *extra])
            except FactcheckError as err:
                self.problems.append(err)
                self._sets[extra] = base or RuleSet()
        return self._sets[extra]

    def corpus(self) -> tuple[Mention, ...]:
        """The mentions of the configuration's ``paths`` (read once; through the file cache)."""
        if self._corpus is None:
            self._corpus, self._mentions = {}, None
            paths = list(self.config["paths"]) if self.settings.corpus else []
            if paths:
                self._corpus = self._read_corpus(paths)
        if self._mentions is None:
            self._mentions = tuple(m for found in self._corpus.values() for m in found)
        return self._mentions

    def saved(self, path: str) -> None:
        """An article was saved: read it again when the corpus holds it."""
        key = os.path.abspath(path)
        if self._corpus and key in self._corpus:
            self._corpus.update(self._read_corpus([path]))
            self._mentions = None

    def _read_corpus(self, paths: list[str]) -> dict[str, tuple[Mention, ...]]:
        """The mentions of every article under ``paths``, by absolute path (unreadable ones skipped)."""
        config = self.config
        cache = Cache(config["cache"]) if config["cache"] else None
        fields = {k: config[f"jsonl.{k}"] for k in ("text", "date", "id") if config[f"jsonl.{k}"]}
        found: dict[str, list[Mention]] = {}
        unreadable: list[FactcheckError] = []
        for result in check_files(paths, self.rules_for, self.options, cache=cache, on_error=unreadable.append,
                                  jsonl=JsonlFields(**fields), include=config["include"] or None,
                                  exclude=config["exclude"] or None):
            found.setdefault(os.path.abspath(result.document.path), []).extend(result.mentions)
        return {path: tuple(ms) for path, ms in found.items()}

    def archive(self) -> Index | None:
        """The ``--against`` archive index, opened once (None without one, or when it cannot be)."""
        if not self._archive_tried:
            self._archive_tried = True
            if self.settings.against:
                try:
                    self._archive = open_index(self.settings.against)
                except FactcheckError as err:
                    self.problems.append(err)
        return self._archive

    def watches(self, path: str) -> bool:
        """Whether a change to the file at ``path`` changes this project (a rule file or its configuration)."""
        if self.config.file and os.path.abspath(path) == os.path.abspath(self.config.file):
            return True
        rules = [*self.rule_paths, *(r for o in self.config.overrides for r in o.rules)]
        loaded = self._rules.files if self._rules else ()
        return any(_inside(path, r) for r in [*rules, *loaded])

    def reload(self) -> None:
        """Load the rules again on next use (keeping these until new ones load) and forget the corpus
        mentions (their claims are matched to the rules)."""
        self._loaded, self._sets, self._corpus = False, {}, None
        self.problems = []
        self.generation += 1

    def take_problems(self) -> list[FactcheckError]:
        """The problems recorded since the last call (each reported once)."""
        out, self.problems = self.problems, []
        return out

    def close(self) -> None:
        """Close the archive index."""
        if self._archive is not None:
            self._archive.close()
            self._archive = None


class Projects:
    """Every project the open documents belong to, by configuration file (or root)."""

    def __init__(self, settings: Settings, fallback: str = "."):
        self.settings = settings
        self.fallback = fallback
        self._by_folder: dict[str, Project] = {}
        self._by_key: dict[str, Project] = {}

    def for_path(self, path: str | None) -> Project:
        """The project of the document at ``path`` (None: an unsaved buffer, the workspace's)."""
        folder = os.path.dirname(os.path.abspath(path)) if path else os.path.abspath(self.fallback)
        project = self._by_folder.get(folder)
        if project is None:
            project = self._load(folder)
            project = self._by_key.setdefault(project.key, project)
            self._by_folder[folder] = project
        return project

    def _load(self, folder: str) -> Project:
        try:
            return Project(resolve(cwd=folder), self.settings)
        except FactcheckError as err:
            _, root = find_config(folder)
            return Project(resolve(cwd=root, discover=False), self.settings, err)

    def changed(self, paths: Sequence[str]) -> bool:
        """Reload what a change to these files affects; True when a project changed.

        A rule file reloads the projects using it; a configuration file (any of ``FILES``)
        makes every folder look for its configuration again.
        """
        if any(os.path.basename(p) in FILES for p in paths):
            self.close()
            self._by_folder, self._by_key = {}, {}
            return True
        touched = [project for project in self._by_key.values() if any(project.watches(p) for p in paths)]
        for project in touched:
            project.reload()
        return bool(touched)

    def saved(self, path: str) -> None:
        """An article was saved: every project whose corpus holds it reads it again."""
        for project in self._by_key.values():
            project.saved(path)

    def all(self) -> list[Project]:
        """The projects loaded so far."""
        return list(self._by_key.values())

    def close(self) -> None:
        """Close every project's archive."""
        for project in self._by_key.values():
            project.close()


__all__ = ["Project", "Projects", "Settings"]
