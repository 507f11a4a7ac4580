"""The archive's commands: ``index`` builds or updates a store, ``report`` reads it back."""
from __future__ import annotations

import sys

from factcheck.cli.common import EXIT_ERROR, EXIT_OK, jsonl_fields, note_skipped, project_dollar, write_output
from factcheck.errors import UsageError


def cmd_index(args) -> int:
    """``factcheck index``: build or update an archive index."""
    from factcheck.archive.index import open_index
    from factcheck.rules.loading import load_rules
    rules = load_rules(args.rules) if args.rules else None
    failed = []

    def on_error(err) -> None:
        failed.append(err)
        print(f"factcheck: {err}", file=sys.stderr)

    dollar = args.dollar or project_dollar()
    if args.engine == "spark":
        from factcheck.archive import spark_index
        from factcheck.check.engine import Options
        summary = spark_index.index(args.paths, args.db, rules, Options(window_days=args.window, dollar=dollar),
                                    jsonl_fields(args), parquet=args.parquet, conf=args.spark_conf,
                                    on_error=on_error)
    else:
        with open_index(args.db, create=True) as archive:
            summary = archive.update(args.paths, rules, jobs=args.jobs, jsonl=jsonl_fields(args),
                                     on_error=on_error, progress=True, dollar=dollar,
                                     on_skip=note_skipped, on_wait=lambda note: note_skipped(args.db, note))
    print(f"factcheck: {args.db}: {summary}", file=sys.stderr)
    return EXIT_ERROR if failed and not (summary.indexed or summary.unchanged) else EXIT_OK


def cmd_report(args) -> int:
    """``factcheck report``: the archive's inconsistent figures, story by story."""
    from factcheck.archive import history
    from factcheck.archive.index import open_index
    from factcheck.archive.stories import stories
    from factcheck.report.history import render
    from factcheck.rules.loading import load_rules
    facts = {f.id: f for f in load_rules(args.rules).facts} if args.rules else None
    if not args.db:
        raise UsageError("report needs --db FILE (the index `factcheck index` built)")
    with open_index(args.db) as archive:
        if args.engine == "spark":
            from factcheck.archive import spark_index
            entries = spark_index.report(args.db, args.parquet, facts, window_days=args.window,
                                         conf=args.spark_conf, all_keys=args.all)
        else:
            entries = history.entries(archive, facts, window_days=args.window, jobs=args.jobs, all_keys=args.all)
        found, calm = stories(entries, archive, everything=args.all)
        write_output(args, render(args.format, found, calm, charts=args.charts))
    return EXIT_OK


__all__ = ["cmd_index", "cmd_report"]
