"""Certainty component: per-sentence certainty with cues, claim detection, claim units and
sentence subjectivity.

Runs after the attribution component, so claims copy the sentence's attribution mode, quote,
source and channel (this component never sets attribution fields itself).
"""

from __future__ import annotations

import re

from quellenlage.certainty.rules import analyze_sentence, has_rumour
from quellenlage.certainty.subjectivity import SubjectivityModel
from quellenlage.model import Claim, Doc, Sentence, Span, Token
from quellenlage.pipeline import register

_FINITE_COMMON = {
    "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat", "haben", "hatte", "hatten",
    "gibt", "gab", "kommt", "kam", "geht", "ging", "soll", "sollen", "kann", "können", "muss", "müssen",
    "will", "wollen", "darf", "dürfen", "sei", "seien", "habe", "wäre", "hätte", "bleibt", "steht", "liegt",
    "zeigt", "macht", "fällt", "heißt", "sagt", "sagte", "feiert", "lobt", "warnt", "setzt", "öffnet",
}
_NON_VERB = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
             "und", "oder", "mit", "von", "vom", "zum", "zur", "im", "in", "an", "am", "auf", "für", "aus",
             "bei", "nach", "über", "unter", "vor", "gegen", "seit", "bis", "ohne", "um", "nicht", "nur",
             "auch", "noch", "sehr", "mehr", "weniger", "neu", "neuen", "alle", "allen", "jetzt", "heute"}
_ARTICLES = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
             "im", "am", "zum", "zur", "vom", "beim", "mit", "in", "von", "für", "aus", "bei", "auf"}
_CALL_TO_ACTION = re.compile(r"^(jetzt|hier|klicken|lesen sie|sehen sie|mehr zum|zum angebot|abonnieren)\b", re.I)
_DIGIT = re.compile(r"\d")


def has_finite_verb(tokens: list[Token]) -> bool:
    """Finite verb present? Uses the language layer's POS/mood when available, else a lexical guess."""
    if any(t.upos is not None for t in tokens):
        return any(t.upos in ("VERB", "AUX") and (t.mood not in (None, "") or (t.xpos or "").endswith("FIN"))
                   or (t.xpos or "").endswith("FIN") or (t.xpos or "") == "VVPP" for t in tokens)
    lows = [t.text.lower() for t in tokens]
    for i, (t, w) in enumerate(zip(tokens, lows, strict=True)):
        if w in _FINITE_COMMON:
            return True
        if i == 0 or not t.text[:1].islower() or not t.text.isalpha() or w in _NON_VERB:
            continue
        prev = lows[i - 1]
        if w.endswith("t") and len(w) > 3 and prev not in _ARTICLES:
            return True
        if w.endswith("en") and prev not in _ARTICLES and not prev[:1].isupper() and i + 1 < len(lows) \
                and not tokens[i + 1].text[:1].isupper():
            return True
    return False


class CertaintyComponent:
    def __init__(self) -> None:
        self.subj = SubjectivityModel()  # loads the weights once per process

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        rumour = has_rumour(text)
        doc.claims = []
        texts = [text[s.start:s.end] for s in doc.sentences]
        subjectivity = self.subj.label_many(texts) if self.subj.available else []
        for i, sent in enumerate(doc.sentences):
            stext = texts[i]
            sent.certainty = analyze_sentence(stext, sent.tokens, sent.start, heading=sent.heading, rumour=rumour)
            if subjectivity:
                sent.subjectivity, p = subjectivity[i]
                sent.subjectivity_score = round(p, 3)
            sent.claim, sent.claim_cues = self._claim(sent, stext)
            if sent.claim:
                doc.claims.append(self._claim_unit(doc, sent, stext, len(doc.claims) + 1))
        return doc

    def _claim(self, sent: Sentence, stext: str) -> tuple[bool, list[Span]]:
        """Checkable factual claim? False for questions, headings without a verb, datelines,
        exclamations/calls to action and opinions without facts. Returns the flag and its cue."""
        toks = sent.tokens
        words = [t for t in toks if t.text[:1].isalnum()]

        def cue(kind: str) -> list[Span]:
            return [Span(sent.start, sent.end, stext, kind)]

        if sent.certainty.level == "open":
            return False, [c for c in sent.certainty.cues if c.kind in ("question", "ob_clause")]
        if len(words) <= 2:
            return False, cue("fragment")
        if sent.heading and not has_finite_verb(toks) and not _DIGIT.search(stext):
            return False, cue("heading")
        if stext.rstrip(" \"“”»«'’").endswith("!") or _CALL_TO_ACTION.match(stext):
            return False, cue("exclamation")
        if sent.subjectivity == "subjective" and (sent.subjectivity_score or 0) >= 0.8 and not _DIGIT.search(stext):
            return False, cue("opinion")
        return True, []

    @staticmethod
    def _claim_unit(doc: Doc, sent: Sentence, stext: str, n: int) -> Claim:
        """One claim per claim sentence; attribution copied from the attribution component's result.
        For attributed sentences the span is narrowed to the reported content inside the sentence
        (without "sagte X gegenüber Y"), so the claim text is what is claimed."""
        s, e = sent.start, sent.end
        if sent.quote_ids:
            by_id = {q.id: q for q in doc.quotes}
            parts = [(max(c.start, s), min(c.end, e)) for qid in sent.quote_ids if qid in by_id
                     for c in by_id[qid].content if c.end > s and c.start < e]
            parts = [(a, b) for a, b in parts if b > a]
            if parts:
                cs, ce = min(a for a, _ in parts), max(b for _, b in parts)
                text = doc.text
                while cs < ce and (text[cs].isspace() or text[cs] in "\"„“”»«‚‘’',:"):
                    cs += 1
                while ce > cs and (text[ce - 1].isspace() or text[ce - 1] in "\"„“”»«‚‘’',:"):
                    ce -= 1
                if ce - cs >= 10:  # keep the whole sentence when the content is a fragment
                    s, e = cs, ce
        return Claim(id=f"c{n}", sentence_id=sent.id, start=s, end=e, text=doc.text[s:e],
                     certainty=sent.certainty, mode=sent.attribution,
                     quote_id=sent.quote_ids[0] if sent.quote_ids else None,
                     source_id=sent.source_id, channel_id=sent.channel_id)


@register("certainty")
def make_certainty() -> CertaintyComponent:
    return CertaintyComponent()
