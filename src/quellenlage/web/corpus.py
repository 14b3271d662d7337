"""Read-only corpus endpoints (`serve --db FILE`) over the corpus store's query functions.

The database path comes from the server's command line only; no request can name a file.
Every query opens the DuckDB file read-only (`corpus.store.open_ro`), so the web app can
never change the store, and a store being written by a run answers 503 instead of failing.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Query
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from quellenlage.errors import QuellenlageError


class CorpusReader:
    """The corpus store at a fixed path, read-only."""

    def __init__(self, path: str) -> None:
        self.path = path

    def _call(self, fn_name: str, **kwargs: Any) -> Any:
        from quellenlage.corpus import store

        return getattr(store, fn_name)(self.path, **kwargs)

    def summary(self) -> dict[str, Any]:
        return self._call("summary")

    def sources(self, limit: int) -> dict[str, Any]:
        return {"sources": self._call("top_sources", limit=limit),
                "channels": self._call("top_channels", limit=limit)}

    def claim_groups(self, limit: int, min_articles: int) -> dict[str, Any]:
        return {"groups": self._call("claim_groups", limit=limit, min_articles=min_articles)}

    def drift(self, limit: int) -> dict[str, Any]:
        return {"events": self._call("drift", limit=limit)}


def _answer(fn: Any, *args: Any) -> JSONResponse:
    try:
        data = fn(*args)
    except QuellenlageError as exc:  # e.g. the file is locked by a running `corpus run`
        return JSONResponse({"error": str(exc).splitlines()[0]}, status_code=503)
    return JSONResponse(jsonable_encoder(data), headers={"cache-control": "no-store"})


def register_routes(app: FastAPI, corpus: CorpusReader) -> None:
    # plain `def` endpoints: FastAPI runs them in its thread pool, DuckDB never blocks the event loop
    @app.get("/api/corpus/summary", tags=["corpus"], summary="counts of the corpus store")
    def corpus_summary() -> JSONResponse:
        return _answer(corpus.summary)

    @app.get("/api/corpus/sources", tags=["corpus"],
             summary="top sources and channels (the media through which sources reached articles)")
    def corpus_sources(limit: int = Query(20, ge=1, le=500)) -> JSONResponse:
        return _answer(corpus.sources, limit)

    @app.get("/api/corpus/claim-groups", tags=["corpus"],
             summary="the same claim across articles: outlets, sources, channels, certainty path, drift")
    def corpus_groups(limit: int = Query(20, ge=1, le=500),
                      min_articles: int = Query(2, ge=1, le=1000)) -> JSONResponse:
        return _answer(corpus.claim_groups, limit, min_articles)

    @app.get("/api/corpus/drift", tags=["corpus"],
             summary="claim groups that became more certain after their first appearance")
    def corpus_drift(limit: int = Query(50, ge=1, le=500)) -> JSONResponse:
        return _answer(corpus.drift, limit)
