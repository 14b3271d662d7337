"""`quellenlage serve`: the web app and REST API (FastAPI + uvicorn).

Imports of FastAPI/uvicorn happen inside `run`, so the CLI starts fast for other commands.
"""

from __future__ import annotations

import argparse
import os
import pathlib

from quellenlage.errors import QuellenlageError

TOKEN_ENV = "QUELLENLAGE_TOKEN"


EPILOG = f"""examples:
  quellenlage serve                                   page on http://127.0.0.1:8000/, API docs at /docs
  quellenlage serve --db news.duckdb                  plus the corpus view and /api/corpus/...
  {TOKEN_ENV}=$(openssl rand -hex 24) quellenlage serve --host 0.0.0.0
                                                      reachable from other hosts: token required
  curl -s --data-binary @artikel.txt -H 'Content-Type: text/plain' http://127.0.0.1:8000/api/analyze
"""


def register_cli(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve", help="web app and REST API",
        description="Serve the page (/) and the REST API (/api/analyze, /api/health, docs at /docs). "
                    "Binds to 127.0.0.1 by default; any other address needs a bearer token "
                    f"(--token or ${TOKEN_ENV}).",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--db", metavar="FILE", help="corpus database (DuckDB): adds read-only corpus endpoints")
    p.add_argument("--token", help=f"bearer token required on /api (default: ${TOKEN_ENV})")
    p.add_argument("--max-bytes", type=int, default=2_000_000, metavar="N",
                   help="request body size limit in bytes (default: 2000000)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="S",
                   help="time limit per analysis in seconds (default: 30)")
    p.add_argument("--workers", type=int, default=2, metavar="N", help="analysis threads (default: 2)")
    p.set_defaults(func=run)


def settings_from_args(args: argparse.Namespace):  # -> Settings
    from quellenlage.web.app import Settings
    from quellenlage.web.security import is_loopback

    token = args.token or os.environ.get(TOKEN_ENV) or None
    if not is_loopback(args.host) and not token:
        raise QuellenlageError(f"refusing to bind {args.host} without a bearer token: "
                               f"give --token TOKEN or set ${TOKEN_ENV} (or bind 127.0.0.1)")
    if token is not None and len(token) < 16:
        raise QuellenlageError("the bearer token must be at least 16 characters long")
    if args.max_bytes <= 0 or args.timeout <= 0 or args.workers <= 0:
        raise QuellenlageError("--max-bytes, --timeout and --workers must be positive")
    if not 0 < args.port < 65536:
        raise QuellenlageError(f"invalid port {args.port}")
    if args.db and not pathlib.Path(args.db).is_file():
        raise QuellenlageError(f"{args.db}: no such corpus database")
    return Settings(host=args.host, port=args.port, db=args.db, token=token, max_bytes=args.max_bytes,
                    timeout=args.timeout, workers=args.workers)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    import uvicorn

    from quellenlage.web.app import create_app

    app = create_app(settings)
    print(f"quellenlage: serving on http://{settings.host}:{settings.port}/  (API docs: /docs)")
    # limit_concurrency: connections beyond it get 503 from uvicorn instead of queueing forever
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning",
                limit_concurrency=256, timeout_keep_alive=5, server_header=False)
    return 0
