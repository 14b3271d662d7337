"""A small, dependency-free language check: is this text German?

Counts very frequent function words of German and of the languages a German news
crawl most often mixes in. Good enough to refuse an English article with a clear
message; it does not try to be a general language identifier.
"""

from __future__ import annotations

import re

_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
_GERMAN_LETTERS = re.compile(r"[äöüßÄÖÜ]")

STOPWORDS: dict[str, frozenset[str]] = {
    "de": frozenset("der die das und ist nicht ein eine sich mit auf für den dem des im zu von auch "
                    "es sie er wir ich wird werden hat haben wurde sind war als bei nach aus noch "
                    "wie aber über dass oder einen einer vor um zum zur nur durch mehr so sei am an in "
                    "ins vom beim seit gegen ohne unter bis".split()),
    "en": frozenset("the and is not a an of to in that it for on with as was were be by this are from "
                    "at have has had which or but his her they their we you he she will would".split()),
    "fr": frozenset("le la les et est pas un une des du de en que qui dans pour sur avec au il elle "
                    "ne se sont été par plus ce cette".split()),
    "nl": frozenset("het een en van is niet dat de in op te voor met zijn er ook als bij maar om "
                    "werd worden heeft deze naar".split()),
    "es": frozenset("el la los las y es no un una de en que por con para del se al lo como más pero "
                    "su sus fue ha".split()),
    "it": frozenset("il lo la gli le e è non un una di in che per con del della si al come più ma "
                    "sono stato".split()),
}


def detect(text: str, sample_chars: int = 20000) -> tuple[str | None, float]:
    """Return (language code, share of counted words) or (None, 0.0) if undecidable."""
    words = [w.lower() for w in _WORDS.findall(text[:sample_chars])]
    if not words:
        return None, 0.0
    counts = {lang: sum(w in sw for w in words) for lang, sw in STOPWORDS.items()}
    best = max(counts, key=lambda k: counts[k])
    total = sum(counts.values())
    if counts[best] == 0:
        return None, 0.0
    return best, counts[best] / total


def is_german(text: str) -> bool:
    lang, share = detect(text)
    # Very short texts (a headline and one line) rarely hit enough function words:
    # refuse them only when another language clearly wins.
    if lang is None:
        # No function word of any language: only accept it when it at least looks German.
        return bool(_GERMAN_LETTERS.search(text))
    return lang == "de" or share < 0.5
