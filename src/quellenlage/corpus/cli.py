"""`quellenlage corpus run|report|query|export` (owned by the corpus engine).

Heavy imports (duckdb, dask, the pipeline) happen inside the handlers, not at CLI start.
"""

from __future__ import annotations

import argparse
import sys

RUN_EPILOG = """examples:
  quellenlage corpus run crawl.warc.gz --db news.duckdb
  quellenlage corpus run articles.jsonl texts/ --db news.duckdb --workers 4
  quellenlage corpus run big.jsonl --db news.duckdb --engine dask --scheduler tcp://10.0.0.5:8786
  quellenlage corpus report --db news.duckdb --format html > report.html
  quellenlage corpus query --db news.duckdb "SELECT outlet, count(*) FROM articles GROUP BY 1"
  quellenlage corpus export --db news.duckdb --format jsonl --out maps.jsonl
"""


def _positive(v: str) -> int:
    n = int(v)
    if n < 0:
        raise argparse.ArgumentTypeError("must be >= 0")
    return n


def register_cli(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("corpus", help="analyse news crawls and corpora into a DuckDB store",
                       description="Analyse many articles into a DuckDB store, group claims across "
                       "outlets, report, query and export.", epilog=RUN_EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.set_defaults(func=lambda a: p.print_help() or 2)
    csub = p.add_subparsers(dest="corpus_command", metavar="ACTION")

    r = csub.add_parser("run", help="analyse JSONL / WARC / article files into the store (resumable)",
                          epilog=RUN_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    r.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="JSONL (.jsonl/.jsonl.gz), WARC (.warc/.warc.gz), .txt/.json/.html files, or directories")
    r.add_argument("--db", required=True, help="DuckDB file (created if missing; re-runs skip what is in it)")
    r.add_argument("--workers", type=_positive, default=None,
                   help="worker processes (default: CPU count; 0 = analyse in this process)")
    r.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local worker processes (default) or a Dask cluster (see docs/corpus.md)")
    r.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786 "
                   "(default with --engine dask: a local cluster of --workers processes)")
    r.add_argument("--max-bytes", type=int, default=None, help="size limit per article/page (default 2 MB)")
    r.add_argument("--batch-size", type=int, default=None, help="articles per worker batch (default 16)")
    r.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help="local engine: seconds without a finished batch before workers count as hung "
                   "(default 600; the record that hangs is recorded as an error)")
    r.add_argument("--no-groups", action="store_true", help="do not rebuild the claim groups at the end")
    r.add_argument("--retry-errors", action="store_true",
                   help="analyse records that failed in earlier runs again (e.g. after a pipeline fix)")
    r.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                   help="progress bar (auto: only on a terminal)")
    r.add_argument("--log-commits", action="store_true", help=argparse.SUPPRESS)  # tests: one line per commit
    r.set_defaults(func=_run)

    rp = csub.add_parser("report", help="top sources, channels, claim groups and certainty drift",
                          epilog=RUN_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    rp.add_argument("--db", required=True)
    rp.add_argument("--format", choices=("text", "html", "json"), default="text")
    rp.add_argument("--limit", type=int, default=20, help="rows per section (default 20)")
    rp.add_argument("--out", help="write to this file instead of stdout")
    rp.set_defaults(func=_report)

    q = csub.add_parser("query", help="run a read-only SQL query on the store",
                          epilog=RUN_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    q.add_argument("--db", required=True)
    q.add_argument("sql", help="SQL (tables: articles, claim_maps, sources, quotes, claims, errors, runs, "
                   "records, claim_group_members)")
    q.add_argument("--format", choices=("table", "json", "csv"), default="table")
    q.set_defaults(func=_query)

    e = csub.add_parser("export", help="export claim maps as JSONL (one per line) or Parquet",
                          epilog=RUN_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    e.add_argument("--db", required=True)
    e.add_argument("--format", choices=("jsonl", "parquet"), required=True)
    e.add_argument("--out", required=True, help="output file")
    e.set_defaults(func=_export)


def _run(args: argparse.Namespace) -> int:
    from quellenlage.corpus.engine import DEFAULT_BATCH, DEFAULT_TIMEOUT, run_corpus, summary_line
    from quellenlage.io import DEFAULT_MAX_BYTES

    def log(n: int, stats: dict) -> None:
        print(f"commit {n} analysed={stats['analysed']} errors={stats['errors']}", file=sys.stderr, flush=True)

    progress = {"auto": None, "always": True, "never": False}[args.progress]
    stats = run_corpus(args.inputs, args.db, workers=args.workers, engine=args.engine, scheduler=args.scheduler,
                       max_bytes=args.max_bytes or DEFAULT_MAX_BYTES, batch_size=args.batch_size or DEFAULT_BATCH,
                       progress=progress, on_commit=log if args.log_commits else None,
                       group=not args.no_groups, retry_errors=args.retry_errors,
                       timeout=args.timeout or DEFAULT_TIMEOUT)
    print(summary_line(stats), file=sys.stderr)
    return 0


def _report(args: argparse.Namespace) -> int:
    from quellenlage.corpus.report import render

    text = render(args.db, args.format, args.limit)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


def _query(args: argparse.Namespace) -> int:
    from quellenlage.corpus.export import run_query

    sys.stdout.write(run_query(args.db, args.sql, args.format))
    return 0


def _export(args: argparse.Namespace) -> int:
    from quellenlage.corpus.export import export

    n = export(args.db, args.format, args.out)
    print(f"corpus: exported {n:,} claim maps to {args.out}", file=sys.stderr)
    return 0
