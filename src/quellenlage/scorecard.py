"""Scorecard: article-level figures derived from the annotation layers.

Flat scalar figures (renderers list them as they are) plus `explain`: one short sentence per
figure saying what it counts and why it matters, for the terminal/HTML/web renderings.
"""

from __future__ import annotations

from typing import Any

from quellenlage.model import Doc
from quellenlage.pipeline import register

_NAMED = {"person", "organization", "government"}


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def source_origin(doc: Doc) -> dict[str, str]:
    """source id -> 'primary' | 'second-hand'.

    Primary: a named person/organisation/government body whose words reach the article without
    an intermediary. Second-hand: reached the writer through another outlet (a channel) anywhere
    in the article (its unchannelled paraphrases most likely come from the same report), is itself
    a media report, or is anonymous/impersonal (no one to check with).
    """
    direct: set[str] = set()
    via_channel: set[str] = set()
    for q in doc.quotes:
        if q.source_id:
            (via_channel if q.channel_id else direct).add(q.source_id)
    for s in doc.sentences:
        if s.source_id and s.attribution != "none":
            (via_channel if s.channel_id else direct).add(s.source_id)
    out: dict[str, str] = {}
    for src in doc.sources:
        if src.kind in _NAMED and src.id not in via_channel:
            out[src.id] = "primary"
        else:
            out[src.id] = "second-hand"
    return out


class ScorecardComponent:
    def __call__(self, doc: Doc) -> Doc:
        sents = doc.sentences
        claims = [s for s in sents if s.claim]
        n_claims = len(claims)
        attributed = sum(s.attribution != "none" for s in claims)
        hedged = sum(s.certainty.level != "certain" for s in claims)
        cue_counts: dict[str, int] = {}
        for s in sents:
            for c in s.certainty.cues:
                cue_counts[c.kind or "other"] = cue_counts.get(c.kind or "other", 0) + 1
        kinds = [s.kind for s in doc.sources]
        origin = source_origin(doc)
        primary = sum(v == "primary" for v in origin.values())
        second = len(origin) - primary
        subjective = sum(s.subjectivity == "subjective" for s in sents)
        h = doc.headline
        # Does any primary source (or the writer) state the headline's claim as certain?
        by_id = {c.id: c for c in doc.claims}
        confirm = [cid for cid in (h.evidence if h else []) if cid in by_id
                   and by_id[cid].certainty.level == "certain"
                   and (by_id[cid].mode == "none" or origin.get(by_id[cid].source_id or "") == "primary")]
        card: dict[str, Any] = {
            "sentences": len(sents),
            "claims": n_claims,
            "share_attributed": _share(attributed, n_claims),
            "share_hedged": _share(hedged, n_claims),
            "sources": len(doc.sources),
            "named_sources": sum(k in _NAMED for k in kinds),
            "anonymous_sources": kinds.count("anonymous"),
            "media_sources": kinds.count("media"),
            "impersonal_sources": kinds.count("impersonal"),
            "primary_sources": primary,
            "second_hand_sources": second,
            "share_subjective": _share(subjective, len(sents)),
            "clickbait_score": round(h.clickbait_score, 3) if h else 0.0,
            "headline_form": h.form if h else None,
            "headline_support": h.support if h else "n/a",
            "headline_overstates": h.overstates if h else False,
            "headline_primary_confirmation": bool(confirm),
            "hedge_cues_by_kind": cue_counts,
        }
        most_cue = max(cue_counts, key=lambda k: cue_counts[k]) if cue_counts else None
        card["explain"] = {
            "claims": f"{n_claims} of {len(sents)} sentences make a checkable factual claim "
                      "(questions, headings, exclamations and bare opinions do not).",
            "share_attributed": f"{attributed} of {n_claims} claims are attributed to someone other than "
                                "the writer.",
            "share_hedged": f"{hedged} of {n_claims} claims are hedged (probable, possible, alleged or open)"
                            + (f"; most frequent cue type: {most_cue}." if most_cue else "."),
            "named_sources": "named people, organisations and state bodies that can be checked with.",
            "anonymous_sources": "unnamed sources ('Experten', 'Insider', 'Kreise'): not checkable.",
            "media_sources": "other outlets cited as the source of a claim.",
            "impersonal_sources": "impersonal attributions ('es wird vermutet', 'heißt es') with no agent.",
            "primary_sources": f"{primary} named sources speak to the article directly.",
            "second_hand_sources": f"{second} sources reach the article via another outlet, are media "
                                   "reports themselves, or are anonymous/impersonal.",
            "share_subjective": "share of sentences the subjectivity model rates as opinion.",
            "clickbait_score": (f"{h.clickbait_score:.2f}: " + (", ".join(
                f"{c.text} ({c.kind})" for c in h.clickbait_cues) or "no clickbait cues")) if h else "no headline",
            "headline_support": (h.support_reason or h.support) if h else "no headline",
            "headline_primary_confirmation": (
                f"confirmed as certain by the writer or a primary source in {', '.join(confirm)}" if confirm
                else "no primary source (nor the writer) states the headline's claim as certain"),
            "headline_overstates": ((h.overstates_reason or ("yes" if h.overstates else "no")) if h
                                    else "no headline"),
        }
        doc.scorecard = card
        return doc


@register("scorecard")
def make_scorecard() -> ScorecardComponent:
    return ScorecardComponent()
