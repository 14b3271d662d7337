"""`quellenlage tag`: the language layer's output for inspection (owned by the language layer)."""

from __future__ import annotations

import argparse


def register_cli(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tag", help="show sentences, tokens, POS, lemma, mood and entities",
                       description="The language layer's output for inspection.",
                       epilog="example: quellenlage tag examples/artikel.txt --format conllu",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", help="article file (.txt, .json, .html) or - for stdin")
    p.add_argument("--format", choices=["jsonl", "conllu"], default="jsonl")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("tag: not implemented yet")
