"""The worker side of a corpus run: tasks in, rows out (same code for local processes and Dask).

Each worker process builds the single-article pipeline once (`get_pipeline()`), turns a
task into an `Article` with the readers of `quellenlage.io` (so a corpus article is read
exactly as `quellenlage analyze` reads it), analyses it and returns plain picklable rows
for the store. Any `InputError` (or a component failure) becomes an error row, never a crash.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import re
import resource
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from quellenlage.corpus.inputs import Task, article_uid, content_hash
from quellenlage.corpus.minhash import bands_many, shingles, text_shingles
from quellenlage.errors import InputError, QuellenlageError
from quellenlage.model import Article

# Function words say nothing about what is claimed (used when the language layer gives UPOS).
_FUNCTION_POS = frozenset({"AUX", "DET", "ADP", "PRON", "CCONJ", "SCONJ", "PART", "PUNCT", "SYM", "INTJ"})
# Result keys whose content goes into the Arrow tables of a batch (`store.result_tables`).
_TABLE_KEYS = ("content_hash", "id", "title", "outlet", "url", "published", "published_ts", "lang", "n_chars",
               "claim_map", "sources", "quotes", "claims")
# How many tokens a claim needs before it is fingerprinted for grouping.
MIN_SHINGLES = 3


def _article(task: Task, max_bytes: int) -> Article:
    from quellenlage.io import article_from_dict, parse_html, read_bytes, validate

    if task.kind == "article":
        return validate(article_from_dict(task.payload), task.ref)
    if task.kind == "file":
        return read_bytes(task.payload, task.name, max_bytes)
    if task.kind == "html":
        try:
            html = task.payload.decode("utf-8")
        except UnicodeDecodeError:
            html = task.payload.decode("cp1252", errors="replace")
        article = parse_html(html, task.name)
        if article.id is None:
            article.id = task.name  # the page URL identifies a crawled page
        if article.outlet is None and task.name:
            article.outlet = urlsplit(task.name).hostname
        return validate(article, task.ref)
    raise InputError(str(task.payload))


_DMY = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2}))?")


def published_utc(value: str | None) -> str | None:
    """`published` as a naive UTC ISO timestamp for ordering (ISO 8601, RFC 2822, 1.3.2024); None if unknown."""
    if not value:
        return None
    v = value.strip()
    dt = None
    try:
        dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        try:
            dt = parsedate_to_datetime(v)
        except (TypeError, ValueError, IndexError):
            m = _DMY.fullmatch(v)
            if m:
                d, mo, y, hh, mm = m.groups()
                try:
                    dt = datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0))
                except ValueError:
                    dt = None
    if dt is None:
        return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt.isoformat()


def _words_in(doc: Any, by_id: dict[str, Any], sid: str | None, start: int, end: int,
              headline: bool = False) -> list[str]:
    """Lemmas (else surface forms) of the tokens inside [start, end) of the body, or of the headline."""
    if headline:
        toks = doc.headline.tokens if doc.headline is not None else []
        return [t.lemma or t.text for t in toks if t.upos not in _FUNCTION_POS]
    sents = [by_id[sid]] if sid in by_id else [s for s in doc.sentences if s.start < end and s.end > start]
    return [t.lemma or t.text for s in sents for t in s.tokens
            if t.start >= start and t.end <= end and t.upos not in _FUNCTION_POS]


def _claim_rows(doc: Any, cmap: dict) -> list[tuple]:
    """Claims of the claim map (+ the headline as a claim), each with its grouping fingerprint.

    Until the pipeline emits `claims`, sentences marked `claim: true` stand in for them,
    so that grouping works on any pipeline version.
    """
    body = doc.article.body
    items: list[tuple[str, str | None, int, int, str, str, list, str, str | None, str | None, bool]] = []
    for c in cmap.get("claims") or []:
        att = c.get("attribution") or {}
        cert = c.get("certainty") or {}
        items.append((c["id"], c.get("sentence_id"), c["start"], c["end"], c.get("text") or body[c["start"]:c["end"]],
                      cert.get("level", "certain"), cert.get("cues") or [], att.get("mode", "none"),
                      att.get("source_id"), att.get("channel_id"), False))
    if not items:
        for s in cmap.get("sentences") or []:
            if s.get("claim") and not s.get("heading"):
                items.append((f"sentence:{s['id']}", s["id"], s["start"], s["end"], body[s["start"]:s["end"]],
                              s.get("certainty", "certain"), s.get("certainty_cues") or [],
                              s.get("attribution", "none"), s.get("source_id"), s.get("channel_id"), False))
    h = cmap.get("headline") or {}
    if h.get("text"):
        cert = h.get("certainty") or {}
        level = cert.get("level", "certain")
        if h.get("form") == "question" and level == "certain":
            level = "open"  # GUIDELINES: a question asserts nothing
        items.append(("headline", None, 0, len(h["text"]), h["text"], level, cert.get("cues") or [],
                      "none", None, None, True))
    by_id = {s.id: s for s in doc.sentences}
    shs = []
    for _cid, sid, start, end, text, *_rest, is_head in items:
        words = _words_in(doc, by_id, sid, start, end, headline=is_head)
        shs.append(shingles(words) if words else text_shingles(text))
    bnds = bands_many([sh if len(sh) >= MIN_SHINGLES else [] for sh in shs])
    return [(cid, sid, start, end, text, level, json.dumps(cues, ensure_ascii=False), mode, src, chan, is_head,
             sh, bnd)
            for (cid, sid, start, end, text, level, cues, mode, src, chan, is_head), sh, bnd
            in zip(items, shs, bnds, strict=True)]


def analyze_task(task: Task, max_bytes: int) -> dict[str, Any]:
    from quellenlage.model import to_dict
    from quellenlage.pipeline import get_pipeline

    base = {"index": task.index, "ref": task.ref, "raw_hash": task.raw_hash}
    try:
        article = _article(task, max_bytes)
        chash = content_hash(article.title, article.body)
        uid = article_uid(article.id, chash)
        doc = get_pipeline()(article)
        cmap = to_dict(doc)
    except QuellenlageError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else "error"
        if reason.startswith(f"{task.ref}: "):  # the record is named in the `ref` column already
            reason = reason[len(task.ref) + 2:]
        return {**base, "status": "error", "reason": reason}
    except RecursionError:
        return {**base, "status": "error", "reason": "pipeline failed: recursion too deep"}
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus run
        return {**base, "status": "error", "reason": f"pipeline failed: {type(exc).__name__}: {exc}"[:300]}
    a = cmap["article"]
    sources = [(s["id"], s.get("name"), s.get("kind"), s.get("role"), len(s.get("mentions") or []))
               for s in cmap.get("sources") or []]
    quotes = [(q["id"], q.get("type"), q.get("source_id"), q.get("channel_id"),
               " ".join(sp["text"] for sp in q.get("speaker") or []) or None,
               " ".join(sp["text"] for sp in q.get("cue") or []) or None,
               " … ".join(article.body[sp["start"]:sp["end"]] for sp in q.get("content") or []) or None)
              for q in cmap.get("quotes") or []]
    claim_map: str | bytes = json.dumps(cmap, ensure_ascii=False)
    with contextlib.suppress(UnicodeEncodeError):  # (lone surrogates: left as text, as before)
        # UTF-8 bytes: pickled to the main process and handed to Arrow without another encoding
        claim_map = claim_map.encode("utf-8")
    return {**base, "status": "ok", "uid": uid, "content_hash": chash,
            "id": a.get("id"), "title": a.get("title"), "outlet": a.get("outlet"), "url": a.get("url"),
            "published": a.get("published"), "published_ts": published_utc(a.get("published")),
            "lang": a.get("lang"), "n_chars": len(article.body),
            "claim_map": claim_map,
            "sources": sources, "quotes": quotes, "claims": _claim_rows(doc, cmap)}


def analyze_batch(tasks: list[Task], max_bytes: int) -> dict[str, Any]:
    """One batch; also reports this worker's pid and peak memory (for the run statistics)."""
    # tests only: simulate a worker that dies hard / hangs on a record
    for var, action in (("_QUELLENLAGE_TEST_CRASH_ON", lambda: os._exit(70)),
                        ("_QUELLENLAGE_TEST_HANG_ON", lambda: time.sleep(3600))):
        marker = os.environ.get(var)
        if marker and multiprocessing.parent_process() is not None and any(
                marker in json.dumps(t.payload, ensure_ascii=False) for t in tasks if t.kind == "article"):
            action()
    from quellenlage.corpus.store import result_tables

    results = [analyze_task(t, max_bytes) for t in tasks]
    ok = [r for r in results if r["status"] == "ok"]
    # the store rows travel as Arrow tables (built here, in parallel, not in the one writer);
    # each result keeps only what the writer decides with: status, keys, its row in the tables
    tables = [result_tables(ok)] if ok else []
    for row, r in enumerate(ok):
        for key in _TABLE_KEYS:
            del r[key]
        r["table"], r["row"] = 0, row
    ru = resource.getrusage(resource.RUSAGE_SELF)
    # ru_maxrss is KiB on Linux; cpu = this process's CPU seconds so far (benchmarks under contention)
    return {"pid": os.getpid(), "peak_rss": ru.ru_maxrss * 1024, "cpu": ru.ru_utime + ru.ru_stime,
            "results": results, "tables": tables}


def warm_up() -> int:
    """Build the pipeline now (worker initializer), so the first batch is not slowed by model loading."""
    from quellenlage.pipeline import get_pipeline

    get_pipeline()
    return os.getpid()
