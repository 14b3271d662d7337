"""The FastAPI app: REST API (`/api/...`), the page (`/`), self-hosted API docs (`/docs`).

`create_app(settings)` builds one app; the pipeline is built once at startup and every
analysis runs in a bounded thread pool with a per-request time limit, so one slow or
huge article can neither block the event loop nor pile up unbounded work.
"""

from __future__ import annotations

import asyncio
import logging
import pathlib
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from quellenlage import __version__
from quellenlage.errors import InputError, QuellenlageError
from quellenlage.io import DEFAULT_MAX_BYTES, read_bytes
from quellenlage.model import Article
from quellenlage.web.security import SecurityMiddleware

log = logging.getLogger("quellenlage.web")

STATIC_DIR = pathlib.Path(__file__).parent / "static"

AnalyzeFn = Callable[[Article], dict]


@dataclass
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    db: str | None = None
    token: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 30.0  # seconds per analysis
    workers: int = 2  # analysis threads
    max_pending: int = 32  # analyses queued or running before new ones get 503
    body_timeout: float = 30.0  # seconds to receive a request body (slow clients get 408)


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


_FORMATS = {"application/json": "json", "text/html": "html", "application/xhtml+xml": "html",
            "text/plain": "text"}

_ANALYZE_BODY = {
    "requestBody": {
        "required": True,
        "description": "One German article: plain text (optional `id:` line, headline, blank line, "
                       "body), a JSON article object, an HTML page, or a multipart upload.",
        "content": {
            "text/plain": {"schema": {"type": "string"},
                           "example": "Hat Putin einen Pakt geschlossen?\n\nDer Geheimdienst warnt ..."},
            "application/json": {"schema": {
                "type": "object", "required": ["body"],
                "properties": {k: {"type": "string"} for k in
                               ("id", "title", "body", "text", "url", "outlet", "published", "lang")}}},
            "text/html": {"schema": {"type": "string"}},
            "multipart/form-data": {"schema": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary",
                                        "description": ".txt, .json or .html file"},
                               "text": {"type": "string", "description": "pasted article text"},
                               "format": {"type": "string", "enum": ["text", "json", "html"]}}}},
        },
    },
    "responses": {
        "200": {"description": "the claim map (`quellenlage.claim-map/1`)"},
        "400": {"description": "malformed request"}, "401": {"description": "token required"},
        "413": {"description": "body over the size limit"},
        "422": {"description": "input cannot be analysed (empty, binary, not German, ...)"},
        "503": {"description": "server busy"}, "504": {"description": "analysis over the time limit"},
    },
}


class Analyzer:
    """Runs read+analyse jobs in a thread pool with admission control and a time limit."""

    def __init__(self, settings: Settings, analyze_fn: AnalyzeFn | None) -> None:
        self.settings = settings
        self._analyze_fn = analyze_fn
        self._pool = ThreadPoolExecutor(max_workers=max(1, settings.workers),
                                        thread_name_prefix="quellenlage-analyze")
        self._pending = 0
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Build the pipeline (models load once per process, not per request)."""
        if self._analyze_fn is None:
            from quellenlage.pipeline import get_pipeline

            self._analyze_fn = get_pipeline().analyze

    def _job(self, data: bytes, name: str | None, fmt: str | None) -> dict:
        try:
            article = read_bytes(data, name, self.settings.max_bytes, fmt)
            self.warm_up()
            assert self._analyze_fn is not None
            claim_map = self._analyze_fn(article)
            # The page needs the analysed text (for an HTML upload it is extracted here, not known
            # to the client): add it to `article` — an additive field, offsets point into it.
            if isinstance(claim_map.get("article"), dict):
                claim_map["article"].setdefault("body", article.body)
            return claim_map
        finally:
            with self._lock:
                self._pending -= 1

    async def run(self, data: bytes, name: str | None, fmt: str | None) -> dict:
        with self._lock:
            if self._pending >= self.settings.max_pending:
                raise ApiError(503, "server busy: too many analyses in progress, try again shortly")
            self._pending += 1
        loop = asyncio.get_running_loop()
        try:
            future = loop.run_in_executor(self._pool, self._job, data, name, fmt)
        except RuntimeError:  # pool shut down
            with self._lock:
                self._pending -= 1
            raise ApiError(503, "server is shutting down") from None
        try:
            # shield: on timeout the thread runs on (Python threads cannot be killed), but the
            # client gets its answer now and the job still counts against max_pending until done.
            return await asyncio.wait_for(asyncio.shield(future), timeout=self.settings.timeout)
        except TimeoutError:
            raise ApiError(504, f"analysis took longer than the limit of {self.settings.timeout:g} s"
                           ) from None
        except InputError as exc:
            status = 413 if "over the size limit" in str(exc) else 422
            raise ApiError(status, str(exc)) from None
        except QuellenlageError as exc:
            raise ApiError(422, str(exc)) from None

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _safe_name(filename: str | None) -> str | None:
    """Only the last path component of an uploaded file's name: used to guess the format and
    the article id, never to open anything."""
    if not filename:
        return None
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name[:200] or None


def create_app(settings: Settings | None = None, analyze_fn: AnalyzeFn | None = None,
               corpus: Any = None) -> Any:
    """The ASGI app. `analyze_fn` replaces the default pipeline (tests); `corpus` a corpus
    reader (default: opened read-only from `settings.db`)."""
    settings = settings or Settings()
    analyzer = Analyzer(settings, analyze_fn)
    if corpus is None and settings.db:
        from quellenlage.web.corpus import CorpusReader

        corpus = CorpusReader(settings.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        await asyncio.get_running_loop().run_in_executor(None, analyzer.warm_up)
        yield
        analyzer.close()
        if corpus is not None and hasattr(corpus, "close"):
            corpus.close()

    app = FastAPI(title="Quellenlage API", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None,  # FastAPI's docs pull assets from a CDN
                  description="Claim maps of German news articles: every claim, who says it, through "
                              "which outlet it reached the article, how certain, and whether the "
                              "headline overstates. Contract: `quellenlage.claim-map/1`.")
    app.state.settings = settings
    app.state.analyzer = analyzer
    app.state.corpus = corpus

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"error": exc.message}, status_code=exc.status)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return JSONResponse({"error": f"invalid request: {where}: {first.get('msg', 'invalid')}"},
                            status_code=422)

    @app.exception_handler(Exception)
    async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s", request.url.path)  # traceback in the log only
        return JSONResponse({"error": "internal error (see the server log)"}, status_code=500)

    @app.get("/api/health", tags=["meta"], summary="liveness and settings")
    async def health() -> dict:
        return {"status": "ok", "version": __version__, "schema": "quellenlage.claim-map/1",
                "auth": settings.token is not None, "corpus": corpus is not None,
                "max_bytes": settings.max_bytes, "timeout_s": settings.timeout}

    @app.post("/api/analyze", tags=["analysis"], summary="claim map of one article",
              openapi_extra=_ANALYZE_BODY)
    async def analyze(request: Request,
                      format: str | None = Query(None, pattern="^(text|json|html)$",
                                                 description="input format; default: from the "
                                                             "content type, file name or content")
                      ) -> JSONResponse:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        name: str | None = None
        fmt = format
        if ctype == "multipart/form-data":
            try:
                # a pasted `text` field may be as big as the body limit (Starlette's default is 1 MB)
                form = await request.form(max_files=1, max_fields=8, max_part_size=settings.max_bytes)
            except Exception as exc:  # malformed multipart
                raise ApiError(400, f"malformed multipart body: {exc}") from None
            upload, text = form.get("file"), form.get("text")
            fmt = fmt or (form.get("format") if isinstance(form.get("format"), str) else None) or None
            if isinstance(upload, UploadFile) and (upload.filename or upload.size):
                data = await upload.read()
                name = _safe_name(upload.filename)
            elif isinstance(text, str) and text.strip():
                data = text.encode("utf-8")
            else:
                raise ApiError(400, "multipart body needs a 'file' upload or a 'text' field")
            if fmt not in (None, "text", "json", "html"):
                raise ApiError(400, f"unknown format {fmt!r} (text, json or html)")
        elif ctype == "application/x-www-form-urlencoded":
            raise ApiError(415, "send the article as text/plain, application/json, text/html "
                                "or multipart/form-data")
        else:
            data = await request.body()
            fmt = fmt or _FORMATS.get(ctype)
        claim_map = await analyzer.run(data, name, fmt)
        return JSONResponse(claim_map, headers={"cache-control": "no-store"})

    if corpus is not None:
        from quellenlage.web.corpus import register_routes

        register_routes(app, corpus)
    else:
        @app.get("/api/corpus/{rest:path}", include_in_schema=False)
        async def no_corpus(rest: str) -> JSONResponse:
            return JSONResponse({"error": "no corpus database: start the server with --db FILE"},
                                status_code=404)

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> FileResponse:
        # self-made docs page rendered from /openapi.json by static/docs.js (no CDN assets)
        return FileResponse(STATIC_DIR / "docs.html", media_type="text/html; charset=utf-8")

    # Only the package's own static directory; Starlette refuses paths that leave it.
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    return SecurityMiddleware(app, max_bytes=settings.max_bytes, token=settings.token,
                              body_timeout=settings.body_timeout)
