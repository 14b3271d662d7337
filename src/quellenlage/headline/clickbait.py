"""Clickbait cues of a German headline, with a noisy-OR score.

Cue kinds (GUIDELINES §4): alarm (fear/alarm words, also inside compounds: "Atom-Alarm"),
exclamation, teaser (curiosity gap: "So teuer wird sie", "Diese Grafiken zeigen", "das
erwarten wir", "Wie gefährlich … wirklich"), insinuating_question, loaded_label ("Achse des
Bösen", "Geisterschiff"), hyperbole (superlatives, "Superlative", "Toller"), second_person
(du/dir/Sie), insinuation ("in Wahrheit", "wirklich"). Each cue carries its weight; the score is
1 - Π(1 - w), so one strong cue or two weaker ones make a headline clickbait.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quellenlage.model import Span, Token

WEIGHTS = {
    "alarm": 0.55, "exclamation": 0.35, "teaser": 0.6, "insinuating_question": 0.6, "question": 0.15,
    "loaded_label": 0.6, "hyperbole": 0.5, "second_person": 0.55, "insinuation": 0.3, "deal": 0.35,
}
THRESHOLD = 0.5

# Roots matched inside tokens (compounds: "Atom-Alarm", "Horror-Crash", "Schockvideo").
_ALARM_ROOTS = ("alarm", "schock", "horror", "panik", "angst", "drama", "skandal", "katastroph", "chaos",
                "albtraum", "alptraum", "terror", "wahnsinn", "hammer", "zoff", "eklat", "desaster",
                "entsetz", "grauen", "bedroh", "gefahr!")
_ALARM_WORDS = {"hilfe", "tot", "tote", "irre", "irrer", "fassungslos", "dramatisch", "brisant", "knallhart"}
_ALARM_EXCLUDE = {"angstforschung", "versicherungsschock"}
_LOADED = [re.compile(p, re.I) for p in (
    r"achse\s+des\s+bösen", r"\bgeister\w+", r"\bfundis?\b", r"\bteufel\w*", r"\buntier\w*", r"\bmonster\w*",
    r"\bbestie\w*", r"\blügenpresse\b", r"\bgutmensch\w*", r"\bbonzen\b", r"\bbekifft\w*", r"\bhölle\w*",
    r"\bkiller\w*", r"\bhorde\w*", r"\bschmarotzer\w*", r"\bpropaganda\w*")]
_TEASER = [re.compile(p, re.I) for p in (
    r"(?:^|[:–\-]\s*)so\s+\w+(?:\s+\w+)?",                       # "So teuer wird sie", "So könnte …"
    r"(?:^|[:–\-]\s*)(?:diese[rsnm]?)\s+[A-ZÄÖÜ]\w+(?:\s+\w+)?",   # "Diese Grafiken zeigen"
    r"\b(?:das|dies)\s+(?:steckt\s+dahinter|erwarten\s+wir|müssen\s+sie\s+wissen|sollten\s+sie\s+wissen|"
    r"ist\s+passiert|ändert\s+sich)\b",
    r"\bwas\s+\w+(?:\s+\w+){0,4}\s+steckt\b",
    r"(?:^|[:–\-]\s*)wie\s+(?:gefährlich|schlecht|gut|teuer|sicher|schlimm|gesund|groß|reich|arm|"
    r"viel|wenig|krank|riskant|gruselig)\b",
    r"\b\d+\s+(?:tipps|gründe|dinge|fakten|fehler|tricks|orte|fragen)\b",
)]
_DEAL = re.compile(r"\b(?:jetzt\s+)?(?:für\s+)?nur\s+(?:noch\s+)?\d+[,.]?\d*\s*(?:euro|€)|\bjetzt\s+für\s+nur\b", re.I)
_HYPER_WORDS = {"superlative", "toller", "tolle", "tolles", "irre", "krass", "mega", "sensationell",
                "unglaublich", "unfassbar", "gigantisch", "genial", "wahnsinns", "traumhaft", "spektakulär",
                "hat's", "hat’s"}
_SUPERLATIVE = re.compile(r"^\w+(?:ig|lich|isch|bar|sam|voll|haft|reich|freundlich|teuer|schön|best|"
                          r"größ|schlimm|höch|tief|billig|neu|schnell|stärk|reich)(?:st|est)(?:e|en|er|es)?$", re.I)
_NOT_SUPER = {"kosten", "osten", "westen", "posten", "listen", "gästen", "küsten", "lasten", "festen", "rasten",
              "fasten", "christen", "kisten", "meisten", "ersten", "letzten", "nächsten", "neuesten", "besten"}
_SECOND_PERSON = {"du", "dir", "dich", "dein", "deine", "deinen", "deinem", "deiner", "euch", "euer", "eure"}
_SIE_FORMAL = re.compile(r"(?<![.!?:]\s)(?<!^)\b(Sie|Ihnen|Ihr|Ihre|Ihren)\b")
_INSINUATION = re.compile(r"\bin\s+wahrheit\b|\bwirklich\b|\beigentlich\b|\bwahre[nr]?\s+grund\b", re.I)
_INSINUATING_Q = re.compile(r"\b(nur|etwa|geheim\w*|heimlich\w*|wirklich|zu\s+\w+|schon\s+wieder|"
                            r"verschwieg\w*|vertuscht?\w*|steckt|hinter)\b", re.I)
_WH_START = re.compile(r"^\s*(wie|was|wer|wen|wem|wann|warum|weshalb|wieso|wo|woher|wohin|welche[rsnm]?)\b", re.I)


@dataclass(slots=True)
class ClickbaitResult:
    is_clickbait: bool = False
    score: float = 0.0
    cues: list[Span] = field(default_factory=list)
    has_alarm: bool = False
    kinds: set[str] = field(default_factory=set)


def _segments(text: str) -> list[tuple[int, int]]:
    """Sentence-like segments of a headline: split after ?, ! and '.'."""
    segs, start = [], 0
    for m in re.finditer(r"[?!.](?=\s|$)", text):
        segs.append((start, m.end()))
        start = m.end()
    if start < len(text):
        segs.append((start, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in segs if text[s:e].strip()]


def is_wh_question(seg: str) -> bool:
    return bool(_WH_START.match(seg.split(":")[-1])) or bool(_WH_START.match(seg))


def clickbait(text: str, toks: list[Token], form: str) -> ClickbaitResult:
    cues: list[Span] = []

    def add(s: int, e: int, kind: str) -> None:
        if any(c.start <= s and e <= c.end for c in cues):
            return
        cues.append(Span(s, e, text[s:e], kind))

    for t in toks:
        w = t.text.lower()
        if not w[:1].isalpha():
            continue
        if (w in _ALARM_WORDS or any(r in w for r in _ALARM_ROOTS)) and w not in _ALARM_EXCLUDE:
            # "Atom-Alarm!" keeps its exclamation mark with it, as the gold cue does
            e = t.end + 1 if text[t.end:t.end + 1] == "!" else t.end
            add(t.start, e, "alarm")
        elif w in _SECOND_PERSON:
            add(t.start, t.end, "second_person")
        elif w in _HYPER_WORDS or (_SUPERLATIVE.match(w) and w not in _NOT_SUPER and len(w) > 6):
            add(t.start, t.end, "hyperbole")
    for m in _SIE_FORMAL.finditer(text):
        add(m.start(), m.end(), "second_person")
    for pat in _LOADED:
        for m in pat.finditer(text):
            e = m.end() + 1 if text[m.end():m.end() + 1] == "!" else m.end()
            add(m.start(), e, "loaded_label")
    for pat in _TEASER:
        for m in pat.finditer(text):
            s = m.start() + len(m.group()) - len(m.group().lstrip(":–- "))
            add(s, m.end(), "teaser")
    for m in _DEAL.finditer(text):
        add(m.start(), m.end(), "deal")
    for m in _INSINUATION.finditer(text):
        add(m.start(), m.end(), "insinuation")
    for s, e in _segments(text):
        seg = text[s:e]
        if seg.endswith("?"):
            # Part after a topic label ("Baerbock zur UN: Nur eine Etappe …?") is the question proper.
            qs = s + (seg.rfind(":") + 1 if ":" in seg else 0)
            qs += len(text[qs:e]) - len(text[qs:e].lstrip())
            q = text[qs:e]
            if is_wh_question(q):
                continue  # an open wh-question asks, it does not insinuate
            insinuating = bool(_INSINUATING_Q.search(q)) or bool(re.search(r"\b(wir|uns)\b", q, re.I))
            add(qs, e, "insinuating_question" if insinuating else "question")
        elif seg.endswith("!") and not any(c.end == e for c in cues):
            add(e - 1, e, "exclamation")
    cues.sort(key=lambda c: c.start)
    kinds = {c.kind or "" for c in cues}
    # An insinuating question framed by alarm words is the classic "Atom-Alarm! Hat Putin …?".
    if "question" in kinds and ("alarm" in kinds or "loaded_label" in kinds):
        for c in cues:
            if c.kind == "question":
                c.kind = "insinuating_question"
        kinds = {c.kind or "" for c in cues}
    p_not = 1.0
    for c in cues:
        p_not *= 1.0 - WEIGHTS.get(c.kind or "", 0.2)
    if any(c.text.endswith("!") for c in cues) and "exclamation" not in kinds:
        p_not *= 1.0 - WEIGHTS["exclamation"] / 2  # exclamation folded into an alarm cue still counts
    score = round(1.0 - p_not, 3)
    return ClickbaitResult(is_clickbait=score >= THRESHOLD, score=score, cues=cues,
                           has_alarm=bool(kinds & {"alarm", "loaded_label"}), kinds=kinds)
