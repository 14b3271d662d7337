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
NO_ADVERB = True  # "Weiterhin", "Besonders", "Aufgrund der Zerstörung": adverbials are no speaker candidates
# "Die Tat bezeichnete er als sinnlos": a nominative-only pronoun right after the cue verb is the subject, the
# fronted phrase an object
POSTVERB_PRON = True
_NOM_PRON = {"er", "ich", "wir", "du"}
# ... also for reported speech, whose verb is only a shown cue ("Die Tat bezeichnete er als sinnlos."; train: +0.0002)
POSTVERB_DISPLAY = True
# the ranker may not replace the speaker the rules carried over to reported speech by a plain thing ("die Ortung der
# Standortdaten") that no earlier quote had as its speaker; frameless direct quotes are left to the ranker (train:
# better so). Off after round 3 (last 150 lower); on again in round 4 with OWN_CARRY (off -> on: train speaker 0.7263 -> 0.7300,
# last 150 0.7705 -> 0.7728, first 550 0.7156 -> 0.7196)
KEEP_OVER_THING = True
# ... nor pick such a thing where the rules found no speaker: none then ("Jetzt droht ein Streik. Der Lohn liege …")
# (off -> on: train speaker 0.7287 -> 0.7300, last 150 0.7694 -> 0.7728)
KEEP_NONE_OVER_THING = True
# attribution.OUTSIDE_SPK moves a speaker out of its own content, but not where the speaker's sentence holds a frame
# verb inside the content ("erklärte der Rat, …, die Lage sei ruhig" taken in whole: the content is wrong, not the
# speaker) or the speaker follows "für" (train speaker 0.7338 -> 0.7356, with OUTSIDE_SPK)
OUTSIDE_FRAME_KEEP = True
# compounds of bodies and documents ("Robert-Koch-Institut", "Staatsanwaltschaft", "Expertenmeinung")
_BODY_ENDINGS = tuple(sorted({w for w in L.ORGANIZATION | L.GOVERNMENT | L.SOURCE_NOUNS | L.MEDIA if len(w) >= 4}
                             | {"schaft"}))
# "heißt es in dem Bericht", "Aus Paris hieß es": the WikiNews gold marks the place the words come from as the
# speaker of an agentless "heißt es"
HEISST_SOURCE = True
_HEISST = {"heißt", "hieß", "heisst", "hiess", "hieße"}
_SOURCE_PREPS = {"in", "im", "bei", "beim", "aus", "auf"}
_TIME_HEADS = {"nacht", "woche", "wochen", "jahr", "jahren", "tag", "tagen", "monat", "monaten", "vergangenheit",
               "zwischenzeit", "vorjahr", "folge", "regel", "zukunft", "morgen", "abend", "anfang", "ende", "zeit"}
# "Laut Unternehmenschef Richard Canny … . Zwar sei es ein Schritt – so Canny –, …": a carried-over speaker named
# again (by the same last name) in the quote's own sentence is marked there
NEAR_NAME = True
WINDOW = 3  # sentences before the quote's sentence that may name its speaker
_PREV_TOK = {"laut", "nach", "so", "von", "vom", "gegenüber", "wie", "durch", "in", "im", "bei", "aus", "mit",
             "für", "zufolge", ",", ":", "und"}

Span = tuple[int, int]


def in_content(q: RawQuote, k: int) -> bool:
    """Token k lies inside the quote's content spans."""
    return any(a <= k < b for a, b in q.content)


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
    inside = in_content(q, c[0])
    side = "inside" if inside else ("before" if c[1] <= cs else "after")
    f.append(f"side={side}|{ty}")
    f.append(f"side={side}|d={_bucket(d, (0, 1))}")
    cues = [a for a, _ in q.cue] + [a for a, _ in q.display_cue]
    if cues:
        cd = min(min(abs(c[0] - x), abs(c[1] - 1 - x)) for x in cues)
        f.append(f"cuedist={_bucket(cd, (1, 2, 4, 8))}|{ty}")
    else:
        f.append(f"nocue|{ty}")
    kind, mention, around, sentstart, prevtok = _candidate_parts(t, c)
    f.append(f"{kind}|{ty}")
    f.append(f"{kind}|d={_bucket(d, (0, 1))}")
    f += mention
    f.append(f"{sentstart}|{ty}")
    f += around
    if prevtok is not None:
        f.append(f"{prevtok}|{ty}")
    return f


def _candidate_parts(t: Toks, c: Span) -> tuple[str, list[str], list[str], str, str | None]:
    """The quote-independent features of a candidate (kind, mention shape, neighbours), once per document;
    `features` joins them with the quote's type in the original order, so the scores stay the same."""
    parts = t.cand_memo.get(c)
    if parts is None:
        kind, role = _quick_kind(t, c)
        mention = [f"role={role}", f"len={_bucket(c[1] - c[0], (1, 2, 3, 5, 8))}",
                   f"det={t.low[c[0]] in L.DETERMINERS}",
                   f"srcnoun={any(t.low[k] in L.SOURCE_NOUNS for k in range(c[0], c[1]))}"]
        around: list[str] = []
        if c[1] < t.n:
            nu = t.upos[c[1]] or ("VERB" if t.low[c[1]] in L.VERB_FORMS else "x")
            around.append(f"next_upos={nu}")
            if t.low[c[1]] in {"zufolge", ",", ":", "sagte", "sagt", "erklärte", "so"}:
                around.append(f"next={t.low[c[1]]}")
        prevtok = None
        if c[0] > 0:
            pw = t.low[c[0] - 1]
            verb = t.upos[c[0] - 1] in ("VERB", "AUX") or pw in L.VERB_FORMS
            prevtok = f"prevtok={pw if pw in _PREV_TOK else ('VERB' if verb else 'x')}"
        lo, _ = t.sent_range[t.sent[c[0]]]
        parts = t.cand_memo[c] = (f"kind={kind}", mention, around, f"sentstart={c[0] <= lo + 1}", prevtok)
    return parts


def _adverbial(t: Toks, c: Span) -> bool:
    """A candidate opened by an adverb, conjunction or verb (the chunker takes any capitalised
    sentence start): an adverbial, not a mention."""
    return t.upos[c[0]] in ("ADV", "SCONJ", "CCONJ", "VERB", "AUX") and t.low[c[0]] not in L.PRONOUNS


def _thing(t: Toks, c: Span) -> bool:
    """A plain thing: no person, body, medium, role, source noun or pronoun ("die Ortung der Standortdaten")."""
    h = _head(t, c)
    return _quick_kind(t, h) == ("other", False) and not any(
        t.upos[k] == "PROPN" or (t.ent[k] or "") or t.low[k].endswith(_BODY_ENDINGS) for k in range(h[0], h[1]))


def _head(t: Toks, c: Span) -> Span:
    """The noun phrase up to its first genitive or prepositional attachment."""
    for k in range(c[0] + 1, c[1]):
        if t.low[k] in _ATTACH and not t.w[k][:1].isupper():
            return (c[0], k)
    return c


def _quick_kind(t: Toks, c: Span) -> tuple[str, bool]:
    """Cheap mention kind for ranking features (lexicons and entity labels only, no gazetteer), once per
    document and span."""
    kind = t.kind_memo.get(c)
    if kind is None:
        kind = t.kind_memo[c] = _mention_kind(t, c)
    return kind


def _mention_kind(t: Toks, c: Span) -> tuple[str, bool]:
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


def postverbal_pronoun(t: Toks, q: RawQuote) -> None:
    """Move a speaker found before the cue verb to the nominative pronoun right after it."""
    cues = q.cue or (q.display_cue if POSTVERB_DISPLAY else [])
    if not POSTVERB_PRON or q.speaker is None or not cues:
        return
    a, b = cues[0]
    sp = q.speaker
    if b < t.n and t.low[b] in _NOM_PRON and sp[1] <= a and t.sent[sp[0]] == t.sent[a] == t.sent[b] \
            and t.low[sp[0]] not in L.PRONOUNS and not any(t.w[k] in {",", ":", ";"} for k in range(sp[1], a)):
        q.speaker = (b, b + 1)


def heisst_source(t: Toks, q: RawQuote) -> None:
    """Give an agentless "heißt es" quote the prepositional phrase next to the cue as its speaker."""
    if not HEISST_SOURCE or not q.impersonal or q.speaker is not None or not q.cue:
        return
    k = next((a for a, _ in q.cue if t.low[a] in _HEISST), None)
    if k is None:
        return
    lo, hi = t.sent_range[t.sent[k]]
    pp: Span | None = None
    j = k + 1
    while j < hi and j <= k + 3 and (t.low[j] == "es" or t.low[j] in L.ADVERBS):
        j += 1
    if j < hi and t.low[j] in _SOURCE_PREPS and not t.inq[j]:
        np = np_after(t, j + 1, hi, appos=False)
        pp = (j, np[1]) if np else None
    elif k > lo and t.low[lo] in _SOURCE_PREPS and not t.inq[lo]:
        np = np_after(t, lo + 1, k, appos=False)
        pp = (lo, np[1]) if np and np[1] == k else None  # "Aus Paris hieß es"
    if pp is None or any(t.low[x] in _TIME_HEADS for x in range(pp[0], pp[1])):
        return
    content: list[Span] = []
    for a, b in q.content:  # the phrase leaves the content it was read into
        if a < pp[1] and pp[0] < b:
            if a == pp[0] or b == pp[1]:
                a, b = (pp[1], b) if a == pp[0] else (a, pp[0])
                while a < b and not t.is_word(a):
                    a += 1
                while b > a and t.w[b - 1] in {",", ":"}:
                    b -= 1
            else:
                return  # the phrase sits inside a clause of the content: leave it
        if a < b:
            content.append((a, b))
    if content:
        q.content = content
        # the gold leaves out a plain preposition ("heißt es in dem Bericht" -> "dem Bericht"), not "im"/"beim"
        q.speaker = pp if t.low[pp[0]] in ("im", "beim") else (pp[0] + 1, pp[1])


def nearest_name(t: Toks, q: RawQuote) -> None:
    """Move a speaker from an earlier sentence to a repetition of its last name in the quote's sentence."""
    if not NEAR_NAME or q.speaker is None or not q.content:
        return
    a, b = q.speaker
    last = b - 1
    while last > a and not t.cap(last):
        last -= 1
    if not t.cap(last) or is_role_word(t.w[last]) or len(t.w[last]) < 3 or not (t.ent[last] or "").endswith("PER"):
        return
    s0, s1 = t.sent[q.content[0][0]], t.sent[q.content[-1][1] - 1]
    if t.sent[a] >= s0:
        return
    lo, hi = t.sent_range[s0][0], t.sent_range[s1][1]
    hits = [k for k in range(lo, hi) if t.w[k] == t.w[last] and not any(x <= k < y for x, y in q.content)]
    if hits:
        k = hits[0]
        j = k
        while j > lo and t.cap(j - 1) and t.w[j - 1] in t.w[a:b] and not any(x <= j - 1 < y for x, y in q.content):
            j -= 1  # "Hans Dieter Pötsch" repeated in full
        q.speaker = (j, k + 1)
        q.inherited = False


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
                cands = [c for c in cands if c is None or c == q.speaker or not in_content(q, c[0])
                         or _quick_kind(t, _head(t, c) if NO_INSIDE_HEAD else c) != ("other", False)]
            if NO_ADVERB:
                cands = [c for c in cands if c is None or c == q.speaker or not _adverbial(t, c)]
            scores = {c: self.score(features(t, q, c, prev)) for c in cands}
            ranked = sorted(cands, key=lambda c: -scores[c])  # stable: ties keep the candidates' order
            q.ranking = (ranked, prev)
            best = ranked[0]
            if q.type != "direct" and best is not None and best != q.speaker and best not in prev and _thing(t, best) \
                    and (KEEP_OVER_THING if q.speaker is not None else KEEP_NONE_OVER_THING):
                best = q.speaker
            if best != q.speaker:
                q.speaker = best
                q.inherited = best is not None and t.sent[best[0]] != q.sent


def _frame_verb_inside(t: Toks, q: RawQuote, si: int) -> bool:
    """A reporting-verb form of sentence si inside the content with ",", "dass" or ":" after it (up to the token
    right after its span): one backward pass per span, not a scan of the span's rest per token."""
    for a, b in q.content:
        marker = False  # a complement marker at some later position of (k, b]
        for k in range(min(b, t.n - 1), a - 1, -1):
            if k < b and marker and t.sent[k] == si and t.low[k] in L.VERB_FORMS:
                return True
            marker = marker or t.low[k] in (",", "dass", ":")
    return False


def outside_speaker(t: Toks, q: RawQuote) -> Span | None:
    """The best-ranked speaker outside the quote's final content: WikiNews never puts the speaker of a direct
    or indirect quote inside its own words ("Das Unternehmen werde die Probleme lösen." continues Larson)."""
    ranked, prev = q.ranking or ([], [])
    if OUTSIDE_FRAME_KEEP and q.speaker is not None and (
            q.speaker[0] > 0 and t.low[q.speaker[0] - 1] == "für" or _frame_verb_inside(t, q, t.sent[q.speaker[0]])):
        return q.speaker  # a frame verb of the speaker inside the content: the content is wrong, not the speaker
    for c in ranked:
        if c is None:
            return None
        if in_content(q, c[0]):
            continue
        return None if _thing(t, c) and c not in prev else c
    return None
