"""The command line: parses arguments, runs a subcommand, maps errors to exit codes.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings that do; 2 usage, config, rule
or input error; 3 an internal error (a bug in factcheck: please report it).
"""
from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from factcheck.cli.archive_commands import cmd_index, cmd_report
from factcheck.cli.arguments import build_parser
from factcheck.cli.common import (EXIT_CRASH, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, jsonl_fields, named_documents,
                                  note_skipped, project_dollar, write_output)
from factcheck.errors import FactcheckError, UsageError



def cmd_claims(args) -> int:
    """``factcheck claims``: list every claim (``--explain``: every number and the rule that decided
    it; ``--rules``: the fact each claim attached to, and why)."""
    from factcheck.check.engine import Options, check_documents, extract_documents
    from factcheck.report.text import CLAIM_REPORTERS
    errors: list[str] = []
    if getattr(args, "explain", False):
        from factcheck.cli import decisions
        found, documents = decisions.located(named_documents(args, errors))
        write_output(args, decisions.RENDERERS[args.format](found, documents, errors))
        return EXIT_ERROR if errors else EXIT_OK
    if args.rules:
        from factcheck.rules import load_rules
        options = Options(jobs=args.jobs, dollar=args.dollar, cross=False, explain=True, date=args.date)
        report = check_documents(named_documents(args, errors), load_rules(args.rules), options)
    else:
        report = extract_documents(named_documents(args, errors), Options(jobs=args.jobs, dollar=args.dollar))
    report = type(report)(report.documents, report.claims, report.findings, tuple(errors))
    write_output(args, CLAIM_REPORTERS[args.format](report))
    return EXIT_ERROR if errors else EXIT_OK


def cmd_text(args) -> int:
    """``factcheck text``: the text factcheck reads from each document."""
    from factcheck.report.text import DOCUMENT_REPORTERS
    errors: list[str] = []
    render = DOCUMENT_REPORTERS[args.text_format]
    write_output(args, "".join(render(doc) for doc in named_documents(args, errors)))
    return EXIT_ERROR if errors else EXIT_OK


def cmd_check(args) -> int:
    """``factcheck check``: check articles, report, and gate on ``--fail-on``."""
    from factcheck.check.engine import Options
    from factcheck.report.formats import render, step_summary
    from factcheck.rules.loading import RuleSet, load_rules
    rules = load_rules(args.rules) if args.rules else RuleSet()
    accepted = _baseline(args.baseline) if getattr(args, "baseline", None) else None
    errors: list[str] = []
    options = Options(date=args.date, cross=not args.no_cross, window_days=args.window, jobs=args.jobs,
                      dollar=args.dollar)
    report = _check_report(args, rules, options, errors)
    report, failing = _gate(args, report, accepted)
    write_output(args, render(args.format, report, rules))
    if args.format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append(os.environ["GITHUB_STEP_SUMMARY"], step_summary(report))
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing and not (args.exit_zero or args.write_baseline) else EXIT_OK


def _baseline(path: str):
    from factcheck.report.baseline import load
    return load(path)


def _gate(args, report, accepted):
    """--write-baseline, --baseline, --min-level, --fail-on: the report to show and whether the run fails.

    ``--fail-on`` looks at every finding not in the baseline, shown or not; ``--min-level``
    only filters what is shown.
    """
    import dataclasses

    from factcheck.models import Severity
    if args.write_baseline or accepted is not None:
        from factcheck.report import baseline
    if args.write_baseline:
        _append(args.write_baseline, baseline.dumps(report.findings), mode="w")
        n = len(report.findings)
        print(f"factcheck: wrote {n} finding{'' if n == 1 else 's'} to {args.write_baseline}", file=sys.stderr)
    if accepted is not None:
        cmp = baseline.compare(report.findings, accepted)
        for e in cmp.stale:
            print(f"factcheck: note: {args.baseline}: stale entry {e.fingerprint} ({e.path}: {e.rule}: "
                  f"{e.text!r}) no longer found; write the baseline again to drop it", file=sys.stderr)
        report = dataclasses.replace(report, findings=cmp.new, baseline=cmp.as_dict())
    failing = [f for f in report.findings if f.severity >= Severity.parse(args.fail_on)]
    shown = tuple(f for f in report.findings if f.severity >= Severity.parse(args.min_level))
    hidden = [f for f in failing if f.severity < Severity.parse(args.min_level)]
    if hidden:
        print(f"factcheck: note: {len(hidden)} finding{'' if len(hidden) == 1 else 's'} below --min-level "
              f"{args.min_level}, not shown, at or above --fail-on {args.fail_on}", file=sys.stderr)
    return dataclasses.replace(report, findings=shown), bool(failing)


def _append(path: str, text: str, mode: str = "a") -> None:
    try:
        with open(path, mode, encoding="utf-8") as fh:
            fh.write(text)
    except OSError as e:
        raise UsageError(f"cannot write {path}: {e.strerror}") from None


def _check_report(args, rules, options, errors: list[str]):
    """``check``'s report: cached per-file results, config overrides, suppressions, --diff-base."""
    import dataclasses
    if getattr(args, "engine", "local") == "spark":
        return _spark_check_report(args, rules, options, errors)

    from factcheck.check.cache import Cache, check_files
    from factcheck.check.orchestration import run_check
    from factcheck.config import apply_overrides
    from factcheck.rules import load_rules
    config = args.configuration
    sets = {(): rules}

    def rules_for(path: str):
        extra = tuple(r for o in config.overrides if o.rules and o.applies(path, config.root) for r in o.rules)
        if extra not in sets:
            sets[extra] = load_rules([*args.rules, *extra])
        return sets[extra]

    def on_error(err: FactcheckError) -> None:
        errors.append(str(err))
        print(f"factcheck: {err}", file=sys.stderr)

    keep = None
    if getattr(args, "diff_base", None):
        from factcheck.cli.diff_base import changes
        keep = changes(args.diff_base).covers
    cache = Cache(args.cache_dir) if args.cache_dir and not args.no_cache else None
    files = dict(jsonl=jsonl_fields(args), include=args.include, exclude=args.exclude, drafts=args.drafts,
                 on_skip=note_skipped)
    results = check_files(args.paths, rules_for, options, cache=cache, on_error=on_error,
                          stdin_name=args.stdin_name, progress=True, **files)
    corpus_paths = _corpus(args) if options.cross else []
    corpus = []
    if corpus_paths:
        results = list(results)
        corpus = [m for r in check_files(corpus_paths, rules_for, options, cache=cache, on_error=on_error, **files)
                  for m in r.mentions]
    extra = [r for o in config.overrides for r in o.rules]
    combined = load_rules([*args.rules, *extra]) if extra else rules

    def on_note(note: str) -> None:
        print(f"factcheck: note: {args.against}: {note}", file=sys.stderr)

    if options.cross and getattr(args, "against", None):
        from factcheck.archive import open_index
        with open_index(args.against) as archive:
            report = run_check(results, combined, options, corpus=corpus, archive=archive, errors=errors,
                               keep=keep, on_note=on_note)
    else:
        report = run_check(results, combined, options, corpus=corpus, errors=errors, keep=keep, cache=cache)
    kept, disabled = apply_overrides(report.findings, config.overrides, config.root)
    for note in report.notes + ((f"warning: {cache.disabled}",) if cache and cache.disabled else ()):
        print(f"factcheck: {note}", file=sys.stderr)
    return dataclasses.replace(report, findings=tuple(kept), suppressed=report.suppressed + len(disabled))


def _spark_check_report(args, rules, options, errors: list[str]):
    """``check --engine spark``: the same report, computed by Spark (``archive.spark``)."""
    import dataclasses

    from factcheck.archive import spark
    from factcheck.config import apply_overrides
    config = args.configuration
    for value, flag in ((args.against, "--against"), (args.corpus, "--corpus"), (args.diff_base, "--diff-base")):
        if value:
            raise UsageError(f"{flag} is not supported with --engine spark")
    if any(o.rules for o in config.overrides):
        raise UsageError("--engine spark checks every article with one rule set; the configuration's per-path "
                         "rules need --engine local")

    def on_error(message: str) -> None:
        errors.append(message)
        print(f"factcheck: {message}", file=sys.stderr)

    report = spark.check(args.paths, rules, options, jsonl_fields(args), conf=args.spark_conf,
                         include=args.include, exclude=args.exclude, on_error=on_error)
    kept, disabled = apply_overrides(report.findings, config.overrides, config.root)
    for note in report.notes:
        print(f"factcheck: {note}", file=sys.stderr)
    return dataclasses.replace(report, findings=tuple(kept), suppressed=report.suppressed + len(disabled))


def _corpus(args) -> list[str]:
    """Articles only compared with: --corpus, else the configuration's paths when PATHs were given."""
    if getattr(args, "corpus", None):
        return list(args.corpus)
    config = args.configuration
    if config.file is None or config.origins.get("paths") != "command line":
        return []
    from factcheck.config import load_config
    return list(load_config(config.file)[0].get("paths", ()))


def cmd_config(args) -> int:
    """``factcheck config``: the effective configuration and where each value came from."""
    import json

    from factcheck.config import table
    config = args.configuration
    write_output(args, json.dumps(config.as_dict(), indent=2, ensure_ascii=False) + "\n" if args.format == "json"
           else table(config))
    return EXIT_OK


def cmd_rules(args) -> int:
    """``factcheck rules --check``: validate rule files; ``--new FILE:LINE``: a starter rule."""
    from factcheck.rules.loading import load_rules
    if args.new:
        from factcheck.cli import starter
        from factcheck.documents import read_file
        path, line, column = starter.parse_where(args.new)
        doc, loc = starter.pick(read_file(path), line, column)
        sys.stdout.write(starter.starter_rule(doc, loc))
        return EXIT_OK
    if not args.paths:
        raise UsageError("rules needs rule files to check, or --new FILE:LINE")
    rules = load_rules(args.paths)
    print(f"{len(rules.files)} rule file{'' if len(rules.files) == 1 else 's'} OK: "
          f"{len(rules.facts)} fact{'' if len(rules.facts) == 1 else 's'}, "
          f"{len(rules.relations)} relation{'' if len(rules.relations) == 1 else 's'}")
    return EXIT_OK


def cmd_serve(args) -> int:
    """``factcheck serve``: the local editor's page."""
    from factcheck.server import parse_size, serve
    serve(args.rules, db=args.db, host=args.host, port=args.port, max_body=parse_size(args.max_body),
          corpus=args.corpus, dollar=args.dollar or (None if args.db else project_dollar()))
    return EXIT_OK


def cmd_explain(args) -> int:
    """``factcheck explain ID``: a fact or relation, with example claims."""
    from factcheck.cli import explain
    from factcheck.documents import iter_documents
    from factcheck.rules.loading import load_rules
    if not args.rules:
        raise UsageError("explain needs --rules FILE|DIR (or `rules` in the configuration)")
    rules = load_rules(args.rules)
    item = explain.find(rules, args.id)
    paths = args.paths or (["samples"] if os.path.isdir("samples") else [])

    def on_error(err: FactcheckError) -> None:
        print(f"factcheck: {err}", file=sys.stderr)

    docs = iter_documents(paths, on_error=on_error, jsonl=jsonl_fields(args))
    examples, total, searched = explain.gather(docs, rules, item, dollar=args.configuration["dollar"])
    sys.stdout.write(explain.describe(item, rules, examples, total, searched))
    return EXIT_OK


def cmd_lsp(args) -> int:
    """``factcheck lsp``: the language server over stdio (the ``lsp`` extra: pygls, lsprotocol)."""
    from factcheck import lsp
    needed = lsp.missing()
    if needed:
        raise UsageError(f"factcheck lsp needs {needed}, which is not installed: pip install 'factcheck[lsp]'")
    lsp.serve(lsp.Settings(rules=tuple(args.rules), against=args.against, debounce=max(args.debounce, 0) / 1000,
                           corpus=not args.no_corpus))
    return EXIT_OK


COMMANDS = {"claims": cmd_claims, "text": cmd_text, "check": cmd_check, "config": cmd_config, "rules": cmd_rules,
            "serve": cmd_serve, "explain": cmd_explain, "index": cmd_index, "report": cmd_report,
            "lsp": cmd_lsp}


def _configure(args, argv: Sequence[str] | None) -> None:
    """Fill the options not given on the command line from the configuration (claims, check, config)."""
    if args.command not in ("claims", "text", "check", "config", "explain"):
        return
    from factcheck.config import configure
    configure(args, argv, build_parser)
    if not args.paths and args.command not in ("config", "explain"):
        raise UsageError("no articles to read: give PATH… or set `paths` in the configuration")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, --version, or a usage error already printed in one line
        return done.code if isinstance(done.code, int) else EXIT_ERROR
    try:
        _configure(args, argv)
        return COMMANDS[args.command](args)
    except FactcheckError as err:
        print(f"factcheck: error: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as err:  # a bug: one line, no traceback unless asked for
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        print(f"factcheck: internal error: {type(err).__name__}: {err} "
              "(a bug in factcheck; rerun with FACTCHECK_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_CRASH
