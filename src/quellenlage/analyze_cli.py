"""`quellenlage analyze PATH...`: claim maps of one or many articles."""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

from quellenlage.errors import InputError, QuellenlageError
from quellenlage.io import DEFAULT_MAX_BYTES, iter_input_files, read_path
from quellenlage.model import Doc, to_dict
from quellenlage.render import FORMATS, SUFFIX, get_renderer

EPILOG = """examples:
  quellenlage analyze examples/artikel.txt
  quellenlage analyze artikel.json --format json > map.json
  cat artikel.txt | quellenlage analyze - --format md
  quellenlage analyze texts/ more.html --format json --out maps/

input: plain text (optional "ID:" line, headline line, blank line, body), a JSON article
{"id","title","body"|"text","url","outlet","published"}, or an HTML page; - reads stdin.
"""


def register_cli(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyze", help="claim map of one or more articles",
                       description="Analyse German news articles: claims, sources, channels, "
                       "certainty and the headline verdict.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or directories, - for stdin")
    p.add_argument("--format", "-f", choices=FORMATS, default="terminal",
                   help="terminal (default, colour), json (the claim map), html (one page), md")
    p.add_argument("--out", "-o", metavar="DIR",
                   help="write one output file per input into DIR (named like the input)")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help=f"refuse inputs larger than this (default {DEFAULT_MAX_BYTES:,})")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help="colour in terminal output (default: when writing to a terminal)")
    p.set_defaults(func=run)


def _out_name(path: str, fmt: str, taken: set[str]) -> str:
    stem = "stdin" if path == "-" else pathlib.Path(path).stem
    name = stem + SUFFIX[fmt]
    n = 2
    while name in taken:
        name = f"{stem}-{n}{SUFFIX[fmt]}"
        n += 1
    taken.add(name)
    return name


def run(args: argparse.Namespace) -> int:
    paths = list(iter_input_files(args.paths))
    if not paths:
        raise InputError("no article files found (looked for .txt, .json, .html)")
    if len(paths) > 1 and args.out is None and args.format in ("html", "md"):
        raise QuellenlageError(f"{len(paths)} inputs: use --out DIR to write one {args.format} file each")
    if args.max_bytes <= 0:
        raise QuellenlageError("--max-bytes must be positive")

    from quellenlage.pipeline import get_pipeline

    pipeline = get_pipeline()
    out_dir = pathlib.Path(args.out) if args.out else None
    if out_dir:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise QuellenlageError(f"{out_dir}: cannot create output directory ({exc.strerror})") from None
    failed = 0
    taken: set[str] = set()
    progress = None
    if out_dir and len(paths) > 1 and sys.stderr.isatty():
        from rich.progress import Progress

        progress = Progress(transient=True)
        progress.start()
        task = progress.add_task("analysing", total=len(paths))
    try:
        for path in paths:
            try:
                article = read_path(path, max_bytes=args.max_bytes)
            except InputError as exc:
                failed += 1
                print(f"quellenlage: error: {exc}", file=sys.stderr)
                if len(paths) == 1:
                    return 2
                continue
            doc = pipeline(article)
            if out_dir:
                fmt = args.format
                text = get_renderer(fmt)(doc)
                (out_dir / _out_name(path, fmt, taken)).write_text(text, encoding="utf-8")
            elif args.format == "terminal":
                _print_terminal(doc, args.color)
            elif args.format == "json" and len(paths) > 1:
                sys.stdout.write(json.dumps(to_dict(doc), ensure_ascii=False) + "\n")
            else:
                sys.stdout.write(get_renderer(args.format)(doc))
            if progress:
                progress.advance(task)
    finally:
        if progress:
            progress.stop()
    if out_dir:
        done = len(paths) - failed
        print(f"quellenlage: wrote {done} claim map(s) to {out_dir}"
              + (f"; {failed} input(s) failed" if failed else ""), file=sys.stderr)
    return 2 if failed else 0


def _print_terminal(doc: Doc, color: str) -> None:
    from rich.console import Console

    from quellenlage.render.terminal import print_terminal

    force = {"always": True, "never": False}.get(color)
    console = Console(force_terminal=force, no_color=color == "never", highlight=False)
    print_terminal(doc, console)
