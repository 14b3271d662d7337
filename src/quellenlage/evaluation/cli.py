"""`quellenlage eval claims|quotes GOLD_DIR`."""

from __future__ import annotations

import argparse

EXAMPLES = """examples:
  quellenlage eval claims ../shared/eval/dev
  quellenlage eval claims ../shared/eval/dev --json --pred-out /tmp/pred
  quellenlage eval quotes ../shared/data/german-news-quotation-attribution-2024/dev
"""


def register_cli(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score the tool on a gold directory",
                       description="Run the tool over a gold directory and print the figures "
                       "of the shared scorers (score_claims.py / score_quotes.py).",
                       epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    esub = p.add_subparsers(dest="eval_command", metavar="WHAT")
    for name, help_ in (("claims", "certainty, attribution and headline gold (GUIDELINES.md)"),
                        ("quotes", "WikiNews German quotation attribution gold")):
        e = esub.add_parser(name, help=help_, description=f"Score the tool on {help_}.",
                            epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
        e.add_argument("gold_dir", help="directory of gold JSON files")
        e.add_argument("--json", action="store_true", help="print one JSON object")
        e.add_argument("--pred-out", help="also keep the predicted claim maps in this directory")
        e.set_defaults(func=_dispatch, what=name)
    p.set_defaults(func=lambda a: p.print_help() or 2)


def _dispatch(args: argparse.Namespace) -> int:
    if args.what == "claims":
        from quellenlage.evaluation.claims import run
    else:
        from quellenlage.evaluation.quotes import run
    return run(args)
