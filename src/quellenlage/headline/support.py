"""Does the body support the headline's central claim? (GUIDELINES §4 `support`)

1. Decide whether the headline makes a factual claim at all (`n/a` for open wh-questions,
   "we"-questions and pure topic labels such as "News-Ticker vom …").
2. Find the body claims that carry it: weighted overlap of content-word stems (capitalised
   words = nouns/names weigh double; compounds match by containment: "Abnehmspritze" ~ "Spritze").
3. Judge from the evidence claims' certainty and attribution: a certain claim in the writer's voice
   or from a named source supports; only probable/possible/alleged or anonymous/impersonal
   material hedges; no carrying claim at all leaves the headline unsupported; a carrying claim
   that negates what the headline asserts contradicts it.
Linear in the body length (one pass per claim over its tokens).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quellenlage.headline.clickbait import ClickbaitResult, is_wh_question
from quellenlage.model import Claim, Doc, Headline, Token

_STOP = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und", "oder",
    "aber", "mit", "von", "vom", "zum", "zur", "im", "in", "an", "am", "auf", "für", "aus", "bei", "nach",
    "über", "unter", "vor", "gegen", "seit", "bis", "ohne", "um", "nicht", "nur", "auch", "noch", "sehr",
    "mehr", "ist", "sind", "war", "waren", "wird", "werden", "wurde", "hat", "haben", "hatte", "sich", "es",
    "er", "sie", "wir", "ihr", "ich", "du", "man", "so", "wie", "was", "wer", "wann", "dass", "als", "zu",
    "soll", "sollen", "kann", "können", "könnte", "jetzt", "neue", "neuen", "neuer", "neues", "diese",
    "dieser", "dieses", "alle", "beim", "ins", "durch", "sein", "seine", "ihre", "dies", "hier", "dort",
}
_TOPIC_LABEL = re.compile(r"\b(news|ticker|liveblog|live-?ticker|überblick|entwicklungen|alles\s+zu|"
                          r"die\s+wichtigsten|infos?\b|fragen\s+und\s+antworten|faq|chronik|dossier)", re.I)
_SUPERLATIVE_NOMINAL = re.compile(r"^\s*die\s+\w+sten\b", re.I)
_SUFFIXES = ("ungen", "ung", "innen", "ern", "en", "er", "es", "em", "e", "n", "s")
_NAMED_KINDS = {"person", "organization", "government", "media"}
# Headlines that report an utterance ("Streeck lobt … und warnt vor …"): the claim is that the
# source said so, which the body supports by reporting the statement, whatever hedges it contains.
_SPEECH_ACT = re.compile(r"\b(lobt|loben|warnt|warnen|fordert|fordern|kritisiert|kritisieren|sagt|sagen|betont|"
                         r"attackiert|attackieren|räumt|räumen|verteidigt|droht|drohen|wirft|nennt|erklärt|"
                         r"kündigt|bestätigt|dementiert|bestreitet|mahnt|appelliert|beklagt|begrüßt)\b", re.I)


@dataclass(slots=True)
class SupportVerdict:
    support: str = "n/a"
    reason: str = ""
    evidence: list[str] = field(default_factory=list)


def _stem(w: str) -> str:
    w = w.lower()
    for suf in _SUFFIXES:
        if len(w) - len(suf) >= 4 and w.endswith(suf):
            w = w[: -len(suf)]
            break
    return w[:8]


def content_keys(tokens: list[Token]) -> dict[str, float]:
    keys: dict[str, float] = {}
    for t in tokens:
        base = t.lemma if t.lemma else t.text
        for part in re.split(r"[-–/]", base):
            if len(part) < 3 or not part[:1].isalnum() or part.lower() in _STOP:
                continue
            weight = 2.0 if part[:1].isupper() or part[:1].isdigit() else 1.0
            k = _stem(part)
            keys[k] = max(keys.get(k, 0.0), weight)
    return keys


def _overlap(h: dict[str, float], s: dict[str, float]) -> float:
    total = sum(h.values()) or 1.0
    got = 0.0
    for k, w in h.items():
        if k in s:
            got += w
        elif len(k) >= 5 and any(len(x) >= 5 and (k in x or x in k) for x in s):
            got += 0.7 * w  # compound containment
    return got / total


def _has_finite_verb_headline(text: str, tokens: list[Token]) -> bool:
    from quellenlage.certainty import has_finite_verb

    return has_finite_verb(tokens)


def judge_support(doc: Doc, h: Headline, cb: ClickbaitResult) -> SupportVerdict:
    text = h.text
    tail = text.split(":")[-1].strip()
    # 1. Does the headline make a factual claim?
    if h.form == "question":
        q = [seg for seg in re.split(r"(?<=[?!.])\s+", text) if seg.endswith("?")]
        qtext = q[-1] if q else text
        if is_wh_question(qtext):
            return SupportVerdict("n/a", "the headline asks an open wh-question; it asserts nothing")
        if re.search(r"\b(wir|uns)\b", qtext, re.I):
            return SupportVerdict("n/a", "the headline asks the reader's opinion ('wir'); it asserts nothing")
    elif is_wh_question(tail) and not tail.lower().startswith(("so ", "wie gut", "was ")):
        return SupportVerdict("n/a", "the headline announces an open topic (indirect wh-question)")
    if h.form != "question" and (_SUPERLATIVE_NOMINAL.match(tail) or (
            _TOPIC_LABEL.search(text) and not _has_finite_verb_headline(text, h.tokens))):
        return SupportVerdict("n/a", "the headline is a topic label without a factual claim")

    # 2. Body claims that carry the headline's content.
    hkeys = content_keys(h.tokens)
    if not hkeys or not doc.claims:
        return SupportVerdict("unsupported" if hkeys else "n/a",
                              "the body has no claims" if hkeys else "the headline has no content words")
    sent_index = {s.id: i for i, s in enumerate(doc.sentences)}
    sent_by_id = {s.id: s for s in doc.sentences}
    scored: list[tuple[float, int]] = []
    for ci, c in enumerate(doc.claims):
        sent = sent_by_id.get(c.sentence_id)
        toks = sent.tokens if sent is not None else []
        sc = _overlap(hkeys, content_keys(toks))
        pos = sent_index.get(c.sentence_id, 99)
        if pos < 3 and sc > 0:
            sc += 0.1  # the lead restates the headline's claim
        scored.append((sc, ci))
    scored.sort(key=lambda x: -x[0])
    best = scored[0][0]
    if best < 0.2:
        return SupportVerdict("unsupported", "no body claim shares the headline's central content words")
    chosen = [doc.claims[ci] for sc, ci in scored[:3] if sc >= max(0.25, 0.75 * best)]
    evidence = [c.id for c in chosen]

    # 3. Judge from certainty and attribution.
    def strong(c: Claim) -> bool:
        if c.certainty.level != "certain":
            return False
        if c.mode in ("none", "direct", "indirect"):
            src = doc.source(c.source_id)
            return src is None or src.kind in _NAMED_KINDS
        return False

    # Reasons name claim and sentence ids ("c2/s7") so renderers can point at the sentence.
    label = {c.id: f"{c.id}/{c.sentence_id}" for c in chosen}
    strong_ids = [label[c.id] for c in chosen if strong(c)]
    hedges = sorted({cue.text for c in chosen for cue in c.certainty.cues})
    top = chosen[0]
    # Contradiction needs a strong match whose polarity differs from the headline's, and no
    # carrying claim of the same polarity (negation detection is shallow, so be strict).
    if best >= 0.75 and len(chosen) >= 2 and not h.certainty.negated and all(c.certainty.negated for c in chosen) \
            and not any(strong(c) and not c.certainty.negated for c in chosen):
        return SupportVerdict("contradicted", f"the body claim {label[top.id]} negates what the headline asserts",
                              evidence)
    # The writer's own distance ("mutmaßlich", reportative "soll") on a carrying claim outweighs
    # other plain mentions: the body then does not vouch for the claim itself.
    distanced = [c.id for c in chosen if c.certainty.level == "alleged"]
    if h.form == "statement" and _SPEECH_ACT.search(text) and not distanced:
        reported = [label[c.id] for c in chosen if c.certainty.level == "certain"]
        if reported:
            return SupportVerdict("supported", "the headline reports a statement, which the body reports as "
                                  "made: " + ", ".join(reported), evidence)
    if (strong(top) or len(strong_ids) * 2 > len(chosen)) and not distanced:
        return SupportVerdict("supported", "body states it as certain: " + ", ".join(strong_ids), evidence)
    why = f"hedged by {', '.join(hedges)}" if hedges else "only second-hand/anonymous"
    return SupportVerdict("hedged", f"the body carries the claim only hedged ({why}) in "
                          + ", ".join(label[e] for e in evidence), evidence)
