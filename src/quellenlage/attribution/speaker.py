"""Speaker choice as a trained ranking over candidate noun phrases (averaged perceptron).

For each detected quote the candidates are: the speaker the rules found, the speakers of the
quotes before it, every noun phrase of its sentence and the three sentences before, and
"no speaker". Symbolic features (distance, side of the content, closeness to the cue, kind of
mention, subject position, the rules' choice ...) are scored with weights trained on the
WikiNews quotation train split (training/attribution/train_speaker.py; CC BY-NC-SA 4.0, see
docs/models/attribution.md). Without the weights file the rules' speaker is kept.
"""

from __future__ import annotations

import json
import pathlib

from quellenlage.attribution import lexicon as L
from quellenlage.attribution.rules import RawQuote, Toks, np_after
from quellenlage.attribution.sources import is_role_word

WEIGHTS = pathlib.Path(__file__).resolve().parents[1] / "models" / "attribution" / "speaker_ranker.json"
NO_INSIDE_OTHER = True  # the ranker may not pick a plain thing named inside the quote itself
# ... judged by the phrase's head: "die Herstellung der Deutschen Einheit" is a thing although a name
# follows in the genitive (train: 14 speakers better, 5 worse, mostly cue-less continuations)
NO_INSIDE_HEAD = True
_ATTACH = {"der", "des", "von", "vom", "für", "an", "auf", "über", "mit", "in", "im", "aus", "zur", "zum", "gegen"}
KEEP_FRAMED = True  # a quote continuing a framed quote of the sentence before keeps that speaker
WINDOW = 3  # sentences before the quote's sentence that may name its speaker
_PREV_TOK = {"laut", "nach", "so", "von", "vom", "gegenüber", "wie", "durch", "in", "im", "bei", "aus", "mit",
             "für", "zufolge", ",", ":", "und"}

Span = tuple[int, int]


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


class SentenceNPs:
    """Noun phrases per sentence, computed once per document (keeps the cost linear)."""

    def __init__(self, t: Toks) -> None:
        self.t = t
        self.cache: dict[int, list[Span]] = {}

    def get(self, si: int) -> list[Span]:
        if si not in self.cache:
            t = self.t
            lo, hi = t.sent_range[si]
            out: list[Span] = []
            j = lo
            while j < hi:
                if t.inq[j] or not t.is_word(j) or not (
                        t.w[j][:1].isupper() or t.low[j] in L.DETERMINERS or t.low[j] in L.PRONOUNS):
                    j += 1
                    continue
                np = np_after(t, j, hi)
                if np and np[1] - np[0] <= 16:
                    out.append(np)
                    j = np[1]
                else:
                    j += 1
            self.cache[si] = out
        return self.cache[si]


def candidates(t: Toks, q: RawQuote, prev: list[Span | None], nps: SentenceNPs) -> list[Span | None]:
    cands: list[Span | None] = [None]
    seen: set[Span] = set()

    def add(c: Span | None) -> None:
        if c is not None and c not in seen:
            seen.add(c)
            cands.append(c)

    add(q.speaker)
    for p in prev[-4:]:
        add(p)
    for si in range(max(0, q.sent - WINDOW), min(len(t.sent_range), q.sent + 1)):
        for c in nps.get(si):
            add(c)
    return cands


def features(t: Toks, q: RawQuote, c: Span | None, prev: list[Span | None]) -> list[str]:
    ty = q.type
    if c is None:
        f = ["NONE", f"NONE|{ty}", f"NONE|inh={q.inherited}", f"NONE|rule={q.speaker is None}",
             f"NONE|imp={q.impersonal}", f"NONE|cue={bool(q.cue)}"]
        return f
    f: list[str] = []
    if c == q.speaker:
        f += ["rule", f"rule|{ty}", f"rule|inh={q.inherited}", f"rule|cue={bool(q.cue)}"]
    for k, p in enumerate(reversed(prev[-4:])):
        if p == c:
            f.append(f"prev={k}|{ty}")
            break
    sc = t.sent[c[0]]
    d = q.sent - sc
    f.append(f"dist={_bucket(d, (0, 1, 2))}|{ty}")
    cs, ce = (q.content[0][0], q.content[-1][1]) if q.content else (0, 0)
    inside = any(a <= c[0] < b for a, b in q.content)
    side = "inside" if inside else ("before" if c[1] <= cs else "after")
    f.append(f"side={side}|{ty}")
    f.append(f"side={side}|d={_bucket(d, (0, 1))}")
    cues = [a for a, _ in q.cue] + [a for a, _ in q.display_cue]
    if cues:
        cd = min(min(abs(c[0] - x), abs(c[1] - 1 - x)) for x in cues)
        f.append(f"cuedist={_bucket(cd, (1, 2, 4, 8))}|{ty}")
    else:
        f.append(f"nocue|{ty}")
    words = t.w[c[0]:c[1]]
    kind, role = _quick_kind(t, c)
    f.append(f"kind={kind}|{ty}")
    f.append(f"kind={kind}|d={_bucket(d, (0, 1))}")
    f.append(f"role={role}")
    f.append(f"len={_bucket(len(words), (1, 2, 3, 5, 8))}")
    f.append(f"det={t.low[c[0]] in L.DETERMINERS}")
    f.append(f"srcnoun={any(t.low[k] in L.SOURCE_NOUNS for k in range(c[0], c[1]))}")
    lo, _ = t.sent_range[sc]
    f.append(f"sentstart={c[0] <= lo + 1}|{ty}")
    if c[1] < t.n:
        nu = t.upos[c[1]] or ("VERB" if t.low[c[1]] in L.VERB_FORMS else "x")
        f.append(f"next_upos={nu}")
        if t.low[c[1]] in {"zufolge", ",", ":", "sagte", "sagt", "erklärte", "so"}:
            f.append(f"next={t.low[c[1]]}")
    if c[0] > 0:
        pw = t.low[c[0] - 1]
        f.append(f"prevtok={pw if pw in _PREV_TOK else ('VERB' if (t.upos[c[0] - 1] in ('VERB', 'AUX') or pw in L.VERB_FORMS) else 'x')}|{ty}")
    return f


def _head(t: Toks, c: Span) -> Span:
    """The noun phrase up to its first genitive or prepositional attachment."""
    for k in range(c[0] + 1, c[1]):
        if t.low[k] in _ATTACH and not t.w[k][:1].isupper():
            return (c[0], k)
    return c


def _quick_kind(t: Toks, c: Span) -> tuple[str, bool]:
    """Cheap mention kind for ranking features (lexicons and entity labels only, no gazetteer)."""
    low = t.low[c[0]:c[1]]
    ents = t.ent[c[0]:c[1]]
    role = any(is_role_word(w) for w in t.w[c[0]:c[1]])
    if len(low) == 1 and low[0] in L.PRONOUNS:
        return "pron", role
    if any((e or "").endswith("PER") for e in ents):
        return "person", role
    if any(w in L.MEDIA for w in low) or any((e or "").endswith("MEDIA") for e in ents):
        return "media", role
    if any(w in L.GOVERNMENT for w in low):
        return "government", role
    if any(w in L.ORGANIZATION for w in low) or any((e or "").endswith("ORG") for e in ents):
        return "organization", role
    if any(w in L.ANONYMOUS for w in low):
        return "anonymous", role
    return ("person" if role else "other"), role


def rankable(t: Toks, q: RawQuote) -> bool:
    """Quotes whose speaker the ranker may change: not agentless, not a channel frame, and not a
    speaker the rules found next to a cue in the quote's own sentence."""
    if q.impersonal or q.channel is not None:
        return False
    if (q.cue or q.display_cue) and q.speaker is not None and t.sent[q.speaker[0]] == q.sent:
        return False
    return True


def framed_continuation(t: Toks, q: RawQuote, before: RawQuote | None) -> bool:
    """The quote carries over the speaker of the quote just before it, which has a cue of its own and
    ends in the same or the previous sentence ("X sagte, ... . Man müsse ..."): the ranker keeps it."""
    return KEEP_FRAMED and before is not None and q.inherited and q.speaker is not None and bool(before.cue) \
        and before.speaker == q.speaker and bool(before.content) and t.sent[before.content[-1][1] - 1] >= q.sent - 1


class SpeakerRanker:
    def __init__(self, path: pathlib.Path = WEIGHTS) -> None:
        self.w: dict[str, float] = {}
        if path.is_file():
            self.w = json.loads(path.read_text(encoding="utf-8"))["weights"]

    def score(self, feats: list[str]) -> float:
        return sum(self.w.get(x, 0.0) for x in feats)

    def choose(self, t: Toks, quotes: list[RawQuote]) -> None:
        """Re-pick each quote's speaker (in text order, so earlier choices feed later ones)."""
        if not self.w:
            return
        nps = SentenceNPs(t)
        rule = [q.speaker for q in quotes]  # features see the rules' speakers of earlier quotes
        for i, q in enumerate(quotes):
            if not rankable(t, q) or framed_continuation(t, q, quotes[i - 1] if i else None):
                continue  # explicit frames and agentless cues stay with the rules
            prev = rule[max(0, i - 4):i]
            cands = candidates(t, q, prev, nps)
            if NO_INSIDE_OTHER:
                # a thing named inside the quote's own words is its topic, not its source
                cands = [c for c in cands if c is None or c == q.speaker or not any(a <= c[0] < b for a, b in q.content)
                         or _quick_kind(t, _head(t, c) if NO_INSIDE_HEAD else c) != ("other", False)]
            best = max(cands, key=lambda c: self.score(features(t, q, c, prev)))
            if best != q.speaker:
                q.speaker = best
                q.inherited = best is not None and t.sent[best[0]] != q.sent
