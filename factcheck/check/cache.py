"""The extraction cache: each file's check results, stored under a hash of what produced them.

The key is a hash of the file's path and bytes (results name their path, so two identical
files are two entries), the rule files' bytes, the options that change a
document's result (date, cross-article mentions, JSON Lines fields), the factcheck version
and a stamp of factcheck's own source files (so an edited checkout never reuses stale
results).  Values are the ``DocResult`` records of the file, pickled and compressed, in one
SQLite database ``cache.sqlite`` in the cache directory.  Reading uses a restricted
unpickler that only rebuilds factcheck's records, dates and builtin containers, so a cache
directory planted in a repository cannot run code.  A corrupt or unreadable cache is
dropped and rebuilt, never an error; a cache that cannot be written is skipped.
"""
from __future__ import annotations

import dataclasses
import enum
import functools
import io
import os
import pickle
import sqlite3
import sys
import zlib
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import factcheck
from factcheck.check.engine import DocResult, Options, check_document
from factcheck.check.runner import Runner, progress_bar
from factcheck.documents import JsonlFields, decode, iter_paths, read_file, read_text
from factcheck.errors import FactcheckError, InputError
from factcheck.rules.loading import rules_digest

SCHEMA = 1
DB_NAME = "cache.sqlite"
_SAFE_BUILTINS = {"frozenset", "set", "tuple", "list", "dict", "object", "slice", "complex",
                  "bytes", "bytearray", "str", "int", "float", "bool", "range"}
_SAFE = {("datetime", n) for n in ("date", "datetime", "time", "timedelta", "timezone")} | {
    ("copyreg", "_reconstructor"), ("copyreg", "__newobj__"), ("copyreg", "__newobj_ex__"),
    ("collections", "OrderedDict"), ("decimal", "Decimal"), ("re", "_compile")}


class _Unpickler(pickle.Unpickler):
    """Rebuilds only factcheck's dataclasses and enums, dates and builtin containers."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name in _SAFE_BUILTINS or (module, name) in _SAFE:
            return super().find_class(module, name)
        if module == "factcheck" or module.startswith("factcheck."):
            obj = super().find_class(module, name)
            if isinstance(obj, type) and (dataclasses.is_dataclass(obj) or issubclass(obj, enum.Enum)
                                          or obj.__name__ == "SourceMap"):
                return obj
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")


def _unpickle(blob: bytes) -> Any:
    return _Unpickler(io.BytesIO(zlib.decompress(blob))).load()


def dumps(results: Sequence) -> bytes:
    """Records (results, or a run's findings) pickled and compressed for the cache."""
    return zlib.compress(pickle.dumps(list(results), protocol=pickle.HIGHEST_PROTOCOL), 1)


def loads(blob: bytes) -> list[DocResult]:
    """Results back from ``dumps``, through the restricted unpickler."""
    value = _unpickle(blob)
    if not isinstance(value, list) or not all(isinstance(r, DocResult) for r in value):
        raise pickle.UnpicklingError("not a list of DocResult")
    return value


@functools.lru_cache(maxsize=1)
def code_stamp() -> str:
    """factcheck's version plus a hash of its own source and data files and the version of
    trafilatura, which chooses the article blocks of a web page."""
    import hashlib
    h = hashlib.blake2b(factcheck.__version__.encode(), digest_size=16)
    h.update(_installed("trafilatura").encode())
    pkg = Path(factcheck.__file__).parent
    for p in sorted([*pkg.rglob("*.py"), *pkg.rglob("*.tsv"), *pkg.rglob("words/*.txt")]):
        h.update(str(p.relative_to(pkg)).encode() + b"\0" + p.read_bytes())
    return f"{factcheck.__version__}/{h.hexdigest()}"


def _installed(name: str) -> str:
    """The ``NAME-VERSION.dist-info`` folder of an installed package ("" when there is none): its
    version without ``importlib.metadata``, which costs 20 to 50 ms to import."""
    import importlib.util
    import os
    try:
        spec = importlib.util.find_spec(name)
        folder = os.path.dirname(os.path.dirname(spec.origin)) if spec and spec.origin else ""
        return " ".join(sorted(n for n in os.listdir(folder) if n.startswith(name + "-") and n.endswith(".dist-info")))
    except (OSError, ImportError, ValueError):
        return ""


def options_digest(options: Options, jsonl: Any = None) -> str:
    """What in ``options`` (and the JSON Lines fields) changes one document's result."""
    return repr((options.date.isoformat() if options.date else None, options.cross, repr(jsonl), options.dollar))


class Cache:
    """One SQLite database of results; opened lazily, every failure turns caching off."""

    def __init__(self, directory: str | os.PathLike, stamp: str | None = None):
        self.directory = Path(directory)
        self.path = self.directory / DB_NAME
        self.stamp = stamp
        self.db: sqlite3.Connection | None = None
        self.disabled: str | None = None
        self.hits = self.misses = 0
        self.keys: list[str | None] = []

    def open(self) -> bool:
        """Open (or create) the database; False when caching is off or broken."""
        if self.db is not None or self.disabled:
            return self.db is not None
        stamp = self.stamp or code_stamp()
        for attempt in (1, 2):
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                ignore = self.directory / ".gitignore"
                if not ignore.exists():
                    ignore.write_text("# created by factcheck\n*\n", encoding="utf-8")
                db = sqlite3.connect(str(self.path), timeout=5)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
                db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, path TEXT, value BLOB)")
                db.execute("CREATE INDEX IF NOT EXISTS entries_path ON entries(path)")
                db.execute("CREATE TABLE IF NOT EXISTS runs (key TEXT PRIMARY KEY, value BLOB)")
                row = db.execute("SELECT value FROM meta WHERE name = 'stamp'").fetchone()
                if row is None or row[0] != f"{SCHEMA}/{stamp}":
                    db.execute("DELETE FROM entries")
                    db.execute("DELETE FROM runs")
                    db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (f"{SCHEMA}/{stamp}",))
                    db.commit()
                self.db = db
                return True
            except sqlite3.DatabaseError as e:
                self._drop()
                if attempt == 2:
                    self.disabled = f"cache disabled: {e}"
            except OSError as e:
                self.disabled = f"cache disabled: cannot write {self.directory}: {e.strerror or e}"
                return False
        return False

    def _drop(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(str(self.path) + suffix)
            except OSError:
                pass

    def get(self, key: str) -> list[DocResult] | None:
        """The cached results under ``key``, or None (a miss, or a corrupt entry)."""
        if not self.open():
            return None
        try:
            row = self.db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
            value = loads(row[0]) if row else None
        except sqlite3.DatabaseError:
            self.close()
            self._drop()
            value = None
        except Exception:  # a corrupt entry: recompute it
            value = None
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def put(self, key: str, path: str, results: Sequence[DocResult]) -> None:
        """Store a file's results under ``key``, replacing its older entries."""
        if not self.open():
            return
        try:
            self.db.execute("DELETE FROM entries WHERE path = ? AND key <> ?", (path, key))
            self.db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", (key, path, dumps(results)))
        except (sqlite3.DatabaseError, pickle.PicklingError, TypeError, AttributeError):
            pass

    def close(self) -> None:
        """Commit and close; the next use opens it again."""
        if self.db is not None:
            try:
                self.db.commit()
                self.db.close()
            except sqlite3.DatabaseError:
                pass
            self.db = None


class CrossMemo:
    """The cross-article findings of a whole run, kept under a hash of every file's cache key.

    A re-run over unchanged files (and the same rules and options) reuses them instead of
    comparing every mention again; one changed file changes the key.  Only the last
    ``RUNS_KEPT`` runs are kept.  Without a key for every file (standard input, an
    unreadable file) nothing is memoized.
    """

    RUNS_KEPT = 4

    def __init__(self, cache: Cache, salt: str):
        self.cache, self.salt = cache, salt

    def key(self) -> str | None:
        """The run's key, or None when a file has none (standard input, unreadable)."""
        keys = self.cache.keys
        if not keys or None in keys:
            return None
        import hashlib
        h = hashlib.blake2b(self.salt.encode(), digest_size=20)
        for k in keys:
            h.update(b"\0" + k.encode())
        return h.hexdigest()

    def get(self) -> list | None:
        """The findings of an identical earlier run, or None."""
        key = self.key()
        if key is None or not self.cache.open():
            return None
        try:
            row = self.cache.db.execute("SELECT value FROM runs WHERE key = ?", (key,)).fetchone()
            value = _unpickle(row[0]) if row else None
        except Exception:  # a corrupt or unreadable entry: compare again
            return None
        return value if isinstance(value, list) else None

    def put(self, findings: Sequence) -> None:
        """Keep this run's cross-article findings."""
        key = self.key()
        if key is None or not self.cache.open():
            return
        try:
            db = self.cache.db
            db.execute("INSERT OR REPLACE INTO runs VALUES (?, ?)", (key, dumps(findings)))
            db.execute("DELETE FROM runs WHERE rowid NOT IN (SELECT rowid FROM runs ORDER BY rowid DESC LIMIT ?)",
                       (self.RUNS_KEPT,))
        except (sqlite3.DatabaseError, pickle.PicklingError, TypeError, AttributeError):
            pass
        finally:
            self.cache.close()


def file_key(data: bytes, prefix: str) -> str:
    """A file's cache key: a hash of ``prefix`` (code, options, rules, path) and its bytes."""
    import hashlib
    return hashlib.blake2b(prefix.encode() + b"\0" + data, digest_size=20).hexdigest()


def _work(task, rulesets, options):
    index, doc, which = task
    return index, check_document(doc, rulesets[which], options)


def check_files(paths: Sequence[str], rules_for: Callable[[str], Any], options: Options, *,
                cache: Cache | None, on_error: Callable[[FactcheckError], None], jsonl: Any = None,
                include: Sequence[str] | None = None, exclude: Sequence[str] | None = None,
                stdin_name: str = "<stdin>", drafts: bool = False,
                on_skip: Callable[[str, str], None] | None = None, progress: bool = False) -> Iterator[DocResult]:
    """``check_document`` over every document of every file, in order, with cached files skipped.

    ``rules_for(path)`` is the RuleSet for a file.  Files are read once to hash them; those
    the cache does not hold are read again, checked (on ``options.jobs`` processes) and
    stored, unless reading them raised an input error.  ``drafts`` and ``on_skip`` are
    ``iter_documents``'.  ``progress`` shows a bar with the total and an ETA on a terminal.
    """
    jsonl = jsonl or JsonlFields()
    rulesets: list[Any] = []
    digests: dict[int, tuple[int, str]] = {}

    def ruleset(path: str) -> tuple[int, str]:
        rules = rules_for(path)
        if id(rules) not in digests:
            rulesets.append(rules)
            digests[id(rules)] = (len(rulesets) - 1, rules_digest(rules) if cache is not None else "")
        return digests[id(rules)]

    prefix = f"{code_stamp()}|{options_digest(options, jsonl)}|{drafts}" if cache is not None else ""
    hits: dict[int, list[DocResult]] = {}
    todo: list[tuple[int, str, str | None, int]] = []
    n = 0

    def unlisted(err: FactcheckError) -> None:
        if cache is not None:
            cache.keys.append(None)
        on_error(err)

    for given in paths:
        try:
            for path in iter_paths([given], include=include, exclude=exclude, on_skip=on_skip, on_error=unlisted):
                which, digest = ruleset(path)
                key = None
                if path != "-" and cache is not None:
                    try:
                        data = Path(path).read_bytes()
                    except OSError as e:
                        cache.keys.append(None)
                        on_error(InputError(f"cannot read: {e.strerror or e}", path=path))
                        continue
                    key = file_key(data, f"{prefix}|{digest}|{path}")
                    found = cache.get(key)
                    if found is not None:
                        cache.keys.append(key)
                        hits[n] = found
                        n += 1
                        continue
                if cache is not None:
                    cache.keys.append(key)
                todo.append((n, path, key, which))
                n += 1
        except FactcheckError as err:
            if cache is not None:
                cache.keys.append(None)
            on_error(err)
    failed: set[int] = set()

    def tasks():
        for index, path, _, which in todo:
            def bad(err, index=index):
                failed.add(index)
                on_error(err)
            try:
                if path == "-":
                    docs = read_text(decode(sys.stdin.buffer.read(), stdin_name), stdin_name,
                                     jsonl=jsonl, on_error=bad, drafts=drafts)
                else:
                    docs = read_file(path, jsonl=jsonl, on_error=bad, drafts=drafts)
                for doc in docs:
                    yield index, doc, which
            except FactcheckError as err:
                bad(err)

    work = functools.partial(_work, rulesets=tuple(rulesets), options=options)
    runner = Runner(work, options.jobs if len(todo) > 1 else 1)
    stream = runner.imap(tasks())
    keys = {index: (path, key) for index, path, key, _ in todo}
    bar = progress_bar(progress and n > 1, total=n, unit=" files")
    try:
        pending: list[DocResult] = []
        current = -1
        for index, result in _merge(hits, stream, n):
            if index != current:
                _store(cache, keys.get(current), pending, current in failed)
                bar.update(index - max(current, 0) if current >= 0 else 1)
                current, pending = index, []
            if index in keys:
                pending.append(result)
            yield result
        _store(cache, keys.get(current), pending, current in failed)
    finally:
        bar.close()
        runner.close(ok=False)
        if cache is not None:
            cache.close()


def _merge(hits: dict[int, list[DocResult]], stream, n: int) -> Iterator[tuple[int, DocResult]]:
    """Cached and fresh results in file order (the stream is ordered by file index)."""
    nxt = next(stream, None)
    for index in range(n):
        if index in hits:
            for r in hits[index]:
                yield index, r
            continue
        while nxt is not None and nxt[0] == index:
            yield nxt
            nxt = next(stream, None)


def _store(cache: Cache | None, entry, results: list[DocResult], failed: bool) -> None:
    if cache is not None and entry is not None and entry[1] is not None and results and not failed:
        cache.put(entry[1], entry[0], results)


__all__ = ["Cache", "CrossMemo", "check_files", "code_stamp", "options_digest", "file_key",
           "dumps", "loads"]
