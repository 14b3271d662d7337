"""Serialise a `Doc` as the contract's claim map (`quellenlage.claim-map/1`)."""

from __future__ import annotations

from typing import Any

from quellenlage.model.doc import Certainty, Doc, Span

SCHEMA_ID = "quellenlage.claim-map/1"


def _spans(spans: list[Span]) -> list[dict[str, Any]]:
    return [s.to_dict() for s in spans]


def _offsets(spans: list[Span]) -> list[dict[str, int]]:
    return [{"start": s.start, "end": s.end} for s in spans]


def _certainty(c: Certainty) -> dict[str, Any]:
    return {"level": c.level, "cues": _spans(c.cues), "negated": c.negated}


def to_dict(doc: Doc) -> dict[str, Any]:
    a = doc.article
    h = doc.headline
    headline: dict[str, Any] | None = None
    if h is not None:
        headline = {
            "text": h.text,
            "form": h.form,
            "clickbait": {"is_clickbait": h.is_clickbait, "score": round(h.clickbait_score, 3),
                          "cues": _spans(h.clickbait_cues)},
            "support": h.support,
            "support_reason": h.support_reason,
            "overstates": h.overstates,
            "overstates_reason": h.overstates_reason,
            "evidence": list(h.evidence),
            "certainty": _certainty(h.certainty),
        }
    else:
        headline = {"text": None, "form": "statement",
                    "clickbait": {"is_clickbait": False, "score": 0.0, "cues": []},
                    "support": "n/a", "support_reason": "no headline", "overstates": False,
                    "overstates_reason": None, "evidence": [],
                    "certainty": {"level": "certain", "cues": [], "negated": False}}
    return {
        "schema": SCHEMA_ID,
        "article": {"id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url,
                    "published": a.published, "lang": a.lang},
        "headline": headline,
        "sentences": [
            {"id": s.id, "start": s.start, "end": s.end,
             "certainty": s.certainty.level, "certainty_cues": _spans(s.certainty.cues),
             "negated": s.certainty.negated,
             "claim": s.claim, "heading": s.heading,
             "attribution": s.attribution, "source_id": s.source_id, "channel_id": s.channel_id,
             "quote_ids": list(s.quote_ids), "attribution_cues": _spans(s.attribution_cues),
             "claim_cues": _spans(s.claim_cues),
             "subjectivity": s.subjectivity, "subjectivity_score": s.subjectivity_score}
            for s in doc.sentences
        ],
        "quotes": [
            {"id": q.id, "type": q.type, "content": _offsets(q.content), "cue": _spans(q.cue),
             "speaker": _spans(q.speaker), "addressee": _spans(q.addressee),
             "source_id": q.source_id, "channel_id": q.channel_id}
            for q in doc.quotes
        ],
        "sources": [
            {"id": s.id, "name": s.name, "kind": s.kind, "role": s.role,
             "mentions": _spans(s.mentions)}
            for s in doc.sources
        ],
        "claims": [
            {"id": c.id, "sentence_id": c.sentence_id, "start": c.start, "end": c.end,
             "text": c.text, "certainty": _certainty(c.certainty),
             "attribution": {"mode": c.mode, "quote_id": c.quote_id, "source_id": c.source_id,
                             "channel_id": c.channel_id}}
            for c in doc.claims
        ],
        "entities": [{"text": e.text, "start": e.start, "end": e.end, "label": e.label}
                     for e in doc.entities],
        "scorecard": dict(doc.scorecard),
    }
