"""Command line: `quellenlage analyze|tag|eval|corpus|serve`.

Each area registers its own sub-command (`register_cli(subparsers)`), so the CLI is
only the frame: one-line errors with exit code 2 instead of tracebacks.
"""

from __future__ import annotations

import argparse
import sys

from quellenlage import __version__
from quellenlage.errors import QuellenlageError

EPILOG = """examples:
  quellenlage analyze examples/artikel.txt              coloured claim map in the terminal
  quellenlage analyze artikel.html --format json        the claim map as JSON
  quellenlage analyze texts/ --format json --out maps/  one claim map per input file
  quellenlage tag artikel.txt --format conllu           the language layer's output
  quellenlage eval claims ../shared/eval/dev            figures of score_claims.py
  quellenlage corpus run crawl.warc.gz --db news.duckdb analyse a news crawl
  quellenlage serve                                     web app on http://127.0.0.1:8000
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quellenlage",
        description="Claim maps of German news articles: every claim, who says it, through "
        "which outlet it reached the article, how certain, and whether the headline overstates.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"quellenlage {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    from quellenlage.analyze_cli import register_cli as reg_analyze
    from quellenlage.corpus.cli import register_cli as reg_corpus
    from quellenlage.evaluation.cli import register_cli as reg_eval
    from quellenlage.language.cli import register_cli as reg_tag
    from quellenlage.web.cli import register_cli as reg_serve

    for reg in (reg_analyze, reg_tag, reg_eval, reg_corpus, reg_serve):
        reg(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except QuellenlageError as exc:
        print(f"quellenlage: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("quellenlage: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
