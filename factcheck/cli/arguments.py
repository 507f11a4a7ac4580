"""The command line's arguments: every subcommand, option and default (``build_parser``).

The subcommands themselves run in ``cli``; configuration files fill what the command line
leaves out (``config.configure``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os

from factcheck import __version__

FORMATS = ("table", "json", "jsonl", "github", "sarif", "junit", "gitlab", "markdown")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {value!r} (expected YYYY-MM-DD)") from None


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid number of jobs {value!r} (expected a whole number, 0 = all cores)") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"invalid number of jobs {value!r} (expected 0 or more)")
    return n if n > 0 else (os.cpu_count() or 1)


def _days(value: str) -> float:
    try:
        days = float(value)
    except ValueError:
        days = -1.0
    if not 0 <= days < 36_500:
        raise argparse.ArgumentTypeError(f"invalid number of days {value!r} (expected 0 or more, e.g. 2 or 0.5)")
    return days


def _port(value: str) -> int:
    if not value.isdigit() or int(value) > 65_535:
        raise argparse.ArgumentTypeError(f"invalid port {value!r} (expected 0 to 65535; 0 picks a free one)")
    return int(value)


def _millis(value: str) -> float:
    try:
        ms = float(value)
    except ValueError:
        ms = -1.0
    if not 0 <= ms <= 60_000:
        raise argparse.ArgumentTypeError(f"invalid delay {value!r} (expected 0 to 60000 milliseconds)")
    return ms


def _size(value: str) -> str:
    from factcheck.server.app import parse_size
    try:
        parse_size(value)
    except Exception as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    return value


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (with where to find help) and exit 2."""

    def error(self, message: str):  # noqa: D102 (argparse's own hook)
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _dollar(value: str) -> str:
    from factcheck.extract.dollars import check_code
    code = check_code(value)
    if code is None:
        raise argparse.ArgumentTypeError(f"invalid currency {value!r} (expected an ISO 4217 code such as CAD)")
    return code


def _add_dollar_arg(p: argparse.ArgumentParser, default: str | None = "USD", shown: str = "USD") -> None:
    p.add_argument("--dollar", type=_dollar, default=default, metavar="CODE",
                   help=f"currency a bare $ means where an article's metadata names none, e.g. CAD "
                        f"(default: {shown})")


def _add_input_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or directories (.md .markdown .html .htm .txt .jsonl .docx; .json: ninjs or ANS; "
                        ".xml: NITF, NewsML-G2 or a WordPress export); - reads standard input "
                        "(default: paths from the configuration)")
    p.add_argument("--config", metavar="FILE",
                   help="configuration file (default: factcheck.yaml, .factcheck.yaml or pyproject.toml "
                        "[tool.factcheck], searched upward)")
    p.add_argument("--include", action="append", metavar="GLOB", help="only read matching files (repeatable)")
    p.add_argument("--exclude", action="append", metavar="GLOB", help="skip matching files (repeatable)")
    p.add_argument("--jsonl-text", metavar="FIELD", help="JSON Lines field holding the article text")
    p.add_argument("--jsonl-date", metavar="FIELD", help="JSON Lines field holding the date")
    p.add_argument("--jsonl-id", metavar="FIELD", help="JSON Lines field holding the article id")
    p.add_argument("--drafts", action="store_true",
                   help="also read the posts of WordPress exports that are not published (drafts, pending, "
                        "private, scheduled)")
    p.add_argument("--stdin-name", default="<stdin>", metavar="NAME",
                   help="file name for text read from standard input (its extension picks the reader)")
    p.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="worker processes (0 = all cores; default 1)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the report here instead of standard output")
    _add_dollar_arg(p)


def _add_engine_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=("local", "spark"), default="local",
                   help="local: this machine's processes (default); spark: Apache Spark (factcheck[spark]; "
                        "JSON Lines and Parquet inputs, local or s3a://, gs://, hdfs:// paths; docs/spark.md)")
    p.add_argument("--spark-conf", action="append", default=[], metavar="KEY=VALUE",
                   help="a Spark setting for --engine spark, e.g. spark.master=local[4] (repeatable)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = Parser(
        prog="factcheck", description="Keeps the numbers in journalism straight.",
        epilog="Articles are read from Markdown, HTML, plain text, JSON Lines, Word .docx, IPTC ninjs and "
               "Arc XP ANS (.json), NITF, IPTC NewsML-G2 and WordPress exports (.xml); docs/formats.md lists "
               "the fields each gives.")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("claims", help="list every numeric claim in articles")
    _add_input_args(p)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--rules", action="append", default=[], metavar="PATH",
                   help="also show which fact each claim attached to and why, or why not (repeatable)")
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="date of articles that carry none")
    p.add_argument("--explain", action="store_true",
                   help="list every number-looking span instead, with the rule of the claim policy that took or "
                        "dropped it and why (docs/claim-policy.md)")

    p = sub.add_parser("text", help="print the text factcheck reads from each document, where claims come from")
    _add_input_args(p)
    p.add_argument("--format", dest="text_format", choices=("text", "jsonl"), default="text",
                   help="text: a header line per document, then its text; jsonl: one JSON object per document "
                        "(path, id, date, title, text)")

    p = sub.add_parser("check", help="check articles against rule files and each other")
    _add_input_args(p)
    p.add_argument("--rules", action="append", default=[], metavar="PATH",
                   help="rule file or directory (repeatable)")
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="output format (default: table; CI formats are described in docs/ci.md)")
    p.add_argument("--fail-on", choices=("error", "warning", "info"), default="error",
                   help="lowest severity that makes the exit code 1 (default: error); looks at every "
                        "finding, shown or not")
    p.add_argument("--min-level", choices=("error", "warning", "info"), default="info",
                   help="lowest severity shown (default: info); does not change what fails")
    p.add_argument("--exit-zero", action="store_true",
                   help="exit 0 even when findings fail the run (errors still exit 2)")
    p.add_argument("--baseline", metavar="FILE", help="report and fail only on findings not in this baseline")
    p.add_argument("--write-baseline", metavar="FILE",
                   help="record the current findings as accepted in FILE, then exit 0")
    p.add_argument("--corpus", action="append", metavar="PATH",
                   help="more articles to compare with, not reported on (repeatable; default with PATHs "
                        "given: the configuration's paths)")
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                   help="date of articles that carry none (default: the newest figure of each fact)")
    p.add_argument("--no-cross", action="store_true", help="do not compare articles with each other")
    p.add_argument("--window", type=_days, default=2.0, metavar="DAYS",
                   help="rule-less cross-article comparisons only between articles this many days apart")
    p.add_argument("--diff-base", metavar="REF",
                   help="report only findings on lines changed since git REF (merge base; plus uncommitted "
                        "changes); every article is still compared")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the extraction cache")
    p.add_argument("--cache-dir", metavar="DIR", help="extraction cache directory (default: .factcheck-cache "
                                                      "in the project root)")

    p.add_argument("--against", metavar="DB", help="also compare with the articles of this archive index "
                                                   "(built by `factcheck index`)")
    _add_engine_args(p)

    p = sub.add_parser("index", help="index an archive of articles into a SQLite file (incremental)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or directories to index")
    p.add_argument("--db", required=True, metavar="FILE", help="the index file (created when missing)")
    p.add_argument("--rules", action="append", default=[], metavar="PATH", help="rule file or directory (repeatable)")
    p.add_argument("-j", "--jobs", type=_jobs, default="0", metavar="N", help="worker processes (default 0 = all cores)")
    p.add_argument("--jsonl-text", metavar="FIELD", help="JSON Lines field holding the article text")
    p.add_argument("--jsonl-date", metavar="FIELD", help="JSON Lines field holding the date")
    p.add_argument("--jsonl-id", metavar="FIELD", help="JSON Lines field holding the article id")
    _add_dollar_arg(p, None, "the configuration's, else USD")
    _add_engine_args(p)
    p.add_argument("--parquet", metavar="DIR",
                   help="with --engine spark: where to write the run's Parquet (documents, mentions, findings; "
                        "default: the index file's name with .parquet)")
    p.add_argument("--window", type=float, default=2.0, metavar="DAYS",
                   help="with --engine spark: the window of the archive's own findings (default 2)")

    p = sub.add_parser("report", help="the archive's inconsistent figures, story by story: values over time, outliers")
    p.add_argument("--db", metavar="FILE", help="the index file (factcheck index)")
    p.add_argument("--rules", action="append", default=[], metavar="PATH", help="rule file or directory (repeatable)")
    p.add_argument("--format", choices=("table", "markdown", "json", "csv"), default="table")
    p.add_argument("--all", action="store_true",
                   help="also evolving figures and the quantities whose articles agree (default: only disagreements)")
    p.add_argument("--charts", metavar="DIR",
                   help="draw each quantity's values over time as an SVG in DIR (linked from --format markdown)")
    p.add_argument("--window", type=_days, default=2.0, metavar="DAYS",
                   help="rule-less comparisons only between articles this many days apart")
    p.add_argument("-o", "--output", metavar="FILE", help="write the report here instead of standard output")
    p.add_argument("-j", "--jobs", type=_jobs, default="0", metavar="N",
                   help="worker processes judging the keys (default 0 = all cores)")
    _add_engine_args(p)
    p.add_argument("--parquet", metavar="DIR",
                   help="with --engine spark: the Parquet an `index --engine spark` wrote (default: the index "
                        "file's name with .parquet)")

    p = sub.add_parser("config", help="show the effective configuration and where each value comes from")
    _add_input_args(p)
    p.add_argument("--rules", action="append", metavar="PATH", help="rule file or directory (repeatable)")
    p.add_argument("--fail-on", choices=("error", "warning", "info"))
    p.add_argument("--min-level", choices=("error", "warning", "info"))
    p.add_argument("--window", type=_days, metavar="DAYS")
    p.add_argument("--no-cache", action="store_true")
    p.add_argument("--cache-dir", metavar="DIR")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output of this command")

    p = sub.add_parser("explain", help="show a fact or relation: values over time, terms, example claims")
    p.add_argument("id", metavar="ID", help="a fact or relation id")
    p.add_argument("--rules", action="append", default=[], metavar="PATH",
                   help="rule file or directory (repeatable; default: from the configuration)")
    p.add_argument("--in", dest="paths", action="append", default=[], metavar="PATH",
                   help="articles to take example claims from (repeatable; default: the configuration's "
                        "paths, else samples/)")
    p.add_argument("--config", metavar="FILE", help="configuration file")

    p = sub.add_parser("rules", help="validate rule files, or write a starter rule from a claim")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--check", action="store_true", help="only validate (the default action)")
    p.add_argument("--new", metavar="FILE:LINE[:COL]",
                   help="print a starter fact (YAML) for the claim at this position, as factcheck claims prints it")

    p = sub.add_parser("serve", help="the editor's page: check drafts in a browser (local web server)")
    p.add_argument("--rules", action="append", default=[], metavar="PATH",
                   help="rule file or directory (repeatable)")
    p.add_argument("--db", metavar="FILE", help="archive index to compare drafts with (factcheck index)")
    p.add_argument("--corpus", action="append", default=[], metavar="PATH",
                   help="articles to compare drafts with, read once at start (repeatable)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=_port, default=8765, help="port (default: 8765; 0 picks a free one)")
    p.add_argument("--max-body", type=_size, default="5MB", metavar="SIZE", help="largest request accepted (default: 5MB)")
    _add_dollar_arg(p, None, "the archive's, else the configuration's, else USD")

    p = sub.add_parser("lsp", help="the language server: findings in the editor as you type (stdio; "
                                   "needs factcheck[lsp])")
    p.add_argument("--rules", action="append", default=[], metavar="PATH",
                   help="rule file or directory (repeatable; default: each document's configuration)")
    p.add_argument("--against", metavar="DB", help="also compare with the articles of this archive index")
    p.add_argument("--debounce", type=_millis, default=300, metavar="MS",
                   help="pause after a change before re-checking (default: 300 ms)")
    p.add_argument("--no-corpus", action="store_true",
                   help="do not read the configuration's paths as articles to compare with")
    p.add_argument("--stdio", action="store_true", help="talk over standard input and output (the default and "
                                                        "only transport; accepted since editors pass it)")
    return parser


__all__ = ["FORMATS", "build_parser"]
