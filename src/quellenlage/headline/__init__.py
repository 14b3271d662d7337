"""Headline component: form, clickbait (score + cues), support by the body, overstatement.

Runs after the certainty component, so it can judge the body claims that carry the headline's
central claim by their certainty and attribution. All offsets are into the title.
"""

from __future__ import annotations

import re

from quellenlage.certainty.rules import analyze_sentence, tokens_of
from quellenlage.headline.clickbait import ClickbaitResult, clickbait
from quellenlage.headline.support import judge_support
from quellenlage.model import Doc, Headline
from quellenlage.pipeline import register

_QUOTE_START = re.compile(r"^\s*[„“\"«»‚‘']")


def headline_form(text: str) -> str:
    """question | quote | statement (GUIDELINES §4): a headline that is or begins with a quotation
    is a quote; otherwise any question mark makes it a question."""
    if _QUOTE_START.match(text):
        return "quote"
    if "?" in text:
        return "question"
    return "statement"


class HeadlineComponent:
    def __call__(self, doc: Doc) -> Doc:
        h = doc.headline
        if h is None:
            return doc
        text = h.text
        if not h.tokens:  # a language layer without headline tokens: tokenise here (offsets into title)
            h.tokens = tokens_of(text)
        toks = h.tokens
        h.form = headline_form(text)
        # The headline's own hedges ("soll feststehen", "So könnte …"); a question is 'open'.
        h.certainty = analyze_sentence(text, toks, 0, heading=False)
        cb: ClickbaitResult = clickbait(text, toks, h.form)
        h.is_clickbait, h.clickbait_score, h.clickbait_cues = cb.is_clickbait, cb.score, cb.cues
        verdict = judge_support(doc, h, cb)
        h.support, h.support_reason, h.evidence = verdict.support, verdict.reason, verdict.evidence
        h.overstates, h.overstates_reason = self._overstates(h, cb, verdict.support)
        return doc

    @staticmethod
    def _overstates(h: Headline, cb: ClickbaitResult, support: str) -> tuple[bool, str | None]:
        own_hedge = h.certainty.level in ("probable", "possible", "alleged")
        if h.form == "statement" and support in ("hedged", "unsupported", "contradicted") and not own_hedge:
            return True, (f"the headline states as fact what the body has only as {support}"
                          if support == "hedged" else f"the headline states a claim the body leaves {support}")
        if h.form == "question" and support in ("hedged", "unsupported") and cb.has_alarm:
            return True, ("an alarmist question insinuates a claim for which the body offers only "
                          f"{'hedged, second-hand' if support == 'hedged' else 'no'} evidence")
        if support == "contradicted":
            return True, "the body says the opposite of the headline"
        if own_hedge and support in ("hedged", "unsupported"):
            return False, "the headline itself hedges (" + ", ".join(c.text for c in h.certainty.cues) + ")"
        return False, None


@register("headline")
def make_headline() -> HeadlineComponent:
    return HeadlineComponent()
