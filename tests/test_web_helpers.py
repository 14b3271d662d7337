"""Helpers for the web tests: a crafted claim map and a real uvicorn server in a thread.

The crafted analysis does not depend on the pipeline's current abilities, so the page can be
tested against every field of the contract (cues, quotes with speaker and channel, source
kinds, headline verdict with reasons) while the pipeline components are still growing.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

from quellenlage.model import Article

CRAFTED_TITLE = "Schock-Bericht: Steht die Stadtbahn vor dem Aus?"
CRAFTED_BODY = (
    "Die Stadtbahn soll angeblich im Jahr 2027 eingestellt werden. "
    "\"Das ist beschlossene Sache\", sagte Verkehrsdezernentin Anna Berg gegenüber dem \"Tagesblatt\". "
    "Experten halten eine Verlängerung der Strecke dagegen für möglich.\n\n"
    "Leser schickten uns diesen Kommentar: <script>window.__pwned = 1; alert('xss')</script> "
    "<img src=x onerror=\"window.__pwned = 2\"> und fragten, was davon stimmt."
)
CRAFTED_TEXT = f"{CRAFTED_TITLE}\n\n{CRAFTED_BODY}"


def _span(body: str, needle: str, kind: str | None = None, after: int = 0) -> dict[str, Any]:
    start = body.index(needle, after)
    d: dict[str, Any] = {"text": needle, "start": start, "end": start + len(needle)}
    if kind:
        d["kind"] = kind
    return d


def crafted_analyze(article: Article) -> dict[str, Any]:
    """A full claim map for CRAFTED_TEXT (any text containing its key phrases works)."""
    body, title = article.body, article.title or ""
    sentences = []
    for i, m in enumerate(re.finditer(r"\S[^\n]*?(?:[.!?]+\"?(?=\s)|[.!?]+\"?$|$)", body, re.M), 1):
        text = m.group()
        sent = {"id": f"s{i}", "start": m.start(), "end": m.end(), "certainty": "certain",
                "certainty_cues": [], "negated": False, "claim": True, "heading": False,
                "attribution": "none", "source_id": None, "channel_id": None, "quote_ids": [],
                "attribution_cues": [], "subjectivity": "objective"}
        if "angeblich" in text:
            sent.update(certainty="alleged", certainty_cues=[_span(body, "angeblich", "adverb", m.start())])
        if "für möglich" in text:
            sent.update(certainty="possible", certainty_cues=[_span(body, "für möglich", "adjective", m.start())],
                        attribution="impersonal", source_id="src3",
                        attribution_cues=[_span(body, "halten", "verb", m.start())])
        if "sagte" in text:
            sent.update(attribution="direct", source_id="src1", channel_id="src2", quote_ids=["q1"])
        sentences.append(sent)
    has_quote = "sagte" in body and "Anna Berg" in body
    quotes = []
    if has_quote:
        content = _span(body, "Das ist beschlossene Sache")
        quotes.append({"id": "q1", "type": "direct", "content": [{"start": content["start"], "end": content["end"]}],
                       "cue": [_span(body, "sagte")], "speaker": [_span(body, "Anna Berg")],
                       "addressee": [], "source_id": "src1", "channel_id": "src2"})
    sources = []
    if "Anna Berg" in body:
        sources.append({"id": "src1", "name": "Anna Berg", "kind": "person", "role": "Verkehrsdezernentin",
                        "mentions": [_span(body, "Anna Berg")]})
    if "Tagesblatt" in body:
        sources.append({"id": "src2", "name": "Tagesblatt", "kind": "media", "role": None,
                        "mentions": [_span(body, "Tagesblatt")]})
    if "Experten" in body:
        sources.append({"id": "src3", "name": "Experten", "kind": "anonymous", "role": None,
                        "mentions": [_span(body, "Experten")]})
    cues = [_span(title, c, k) for c, k in (("Schock-Bericht", "alarm"), ("Steht die Stadtbahn vor dem Aus?",
                                                                           "insinuating_question"))
            if c in title]
    return {
        "schema": "quellenlage.claim-map/1",
        "article": {"id": article.id, "title": article.title, "outlet": article.outlet, "url": None,
                    "published": None, "lang": "de"},
        "headline": {"text": article.title, "form": "question",
                     "clickbait": {"is_clickbait": bool(cues), "score": 0.82, "cues": cues},
                     "support": "hedged", "support_reason": "Das Aus steht im Text nur als „angeblich“.",
                     "overstates": True, "overstates_reason": "Alarmrahmung über einer vagen Meldung.",
                     "evidence": ["c1"], "certainty": {"level": "open", "cues": [], "negated": False}},
        "sentences": sentences, "quotes": quotes, "sources": sources, "entities": [],
        "claims": [{"id": "c1", "sentence_id": s1["id"], "start": s1["start"], "end": s1["end"],
                    "text": body[s1["start"]:s1["end"]],
                    "certainty": {"level": s1["certainty"], "cues": s1["certainty_cues"], "negated": False},
                    "attribution": {"mode": "none", "quote_id": None, "source_id": None, "channel_id": None}}
                   for s1 in sentences[:1]],
        "scorecard": {"sentences": len(sentences), "claims": len(sentences), "share_attributed": 0.5,
                      "share_hedged": 0.5, "sources": len(sources), "named_sources": 1,
                      "anonymous_sources": 1, "media_sources": 1, "clickbait_score": 0.82,
                      "headline_support": "hedged", "headline_overstates": True},
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(app: Any) -> Iterator[str]:
    """A real uvicorn server for `app` on a free loopback port, in a thread; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


CORPUS_ARTICLES = [
    {"id": "a1", "outlet": "Tagesblatt", "published": "2024-03-01", "title": "Zukunft der Stadtbahn offen",
     "body": "Die Stadtbahn könnte im Jahr 2027 eingestellt werden, sagte Verkehrsdezernentin Anna Berg "
             "gegenüber dem Tagesblatt. Der Stadtrat will im Herbst über die Zukunft der Strecke entscheiden. "
             "Die Fahrgastzahlen sind in den vergangenen Jahren deutlich gestiegen."},
    {"id": "a2", "outlet": "Abendpost", "published": "2024-03-02", "title": "Stadtbahn vor dem Aus?",
     "body": "Die Stadtbahn soll angeblich im Jahr 2027 eingestellt werden, wie das Tagesblatt berichtet. "
             "Der Stadtrat will im Herbst über die Zukunft der Strecke entscheiden. Experten halten eine "
             "Verlängerung für möglich."},
    {"id": "a3", "outlet": "Boulevard", "published": "2024-03-03", "title": "Aus für die Stadtbahn!",
     "body": "Die Stadtbahn wird im Jahr 2027 eingestellt. Der Stadtrat will im Herbst über die Zukunft der "
             "Strecke entscheiden. Pendler sind empört über die Entscheidung der Stadt."},
]


def build_corpus(tmp_dir: Any) -> str:
    """A small corpus store made by the real `quellenlage corpus run` (3 outlets, one drifting claim)."""
    import json
    import pathlib

    from quellenlage.cli import main

    d = pathlib.Path(tmp_dir)
    src = d / "articles.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in CORPUS_ARTICLES), encoding="utf-8")
    db = d / "corpus.duckdb"
    rc = main(["corpus", "run", str(src), "--db", str(db), "--workers", "0", "--progress", "never"])
    assert rc == 0 and db.is_file()
    return str(db)
