"""Rule-based certainty analysis of one German sentence (GUIDELINES §2).

Finding hedge words is easy; the rules here are about telling their meanings apart:
epistemic "könnte" vs ability "kann"; reportative "soll … haben" vs a plan ("sollen später in
Pension"); Konjunktiv II guesses vs conditionals and politeness; attributive "möglichen" vs
predicative "möglich"; questions and open whether-clauses vs rhetorical "Ob X oder Y".
Each cue keeps its text, offsets and kind; the sentence label is the highest-priority cue
level (open > alleged > possible > probable > certain). Everything is one linear pass over
the tokens, plus a few precompiled regexes over the sentence text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from quellenlage.model.doc import CERTAINTY_PRIORITY, Certainty, Span, Token

_TOK_RE = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)
_OPEN_Q = set('"„“«»‚‘’\'”')
_CLOSE_Q = set('"“”»«’‘\'')


@dataclass(slots=True)
class Cue:
    span: Span
    level: str


# --- lexicons (lower-case token -> (level, kind)) -------------------------------------------
_ADVERBS: dict[str, tuple[str, str]] = {
    # probable
    "wahrscheinlich": ("probable", "adverb"), "vermutlich": ("probable", "adverb"),
    "voraussichtlich": ("probable", "adverb"), "offenbar": ("probable", "adverb"),
    "anscheinend": ("probable", "adverb"), "scheinbar": ("probable", "adverb"),
    "höchstwahrscheinlich": ("probable", "adverb"), "mutmaßlich": ("alleged", "adverb"),
    # possible
    "möglicherweise": ("possible", "adverb"), "vielleicht": ("possible", "adverb"),
    "eventuell": ("possible", "adverb"), "womöglich": ("possible", "adverb"),
    "denkbar": ("possible", "adjective"), "unter umständen": ("possible", "adverb"),
    # alleged
    "angeblich": ("alleged", "adverb"), "vorgeblich": ("alleged", "adverb"),
    "mutmasslich": ("alleged", "adverb"),
}
_ALLEGED_ADJ_PREFIXES = ("angeblich", "mutmaßlich", "mutmasslich", "vorgeblich")
_MODAL_PROBABLE = {"dürfte", "dürften", "dürftest"}
_MODAL_POSSIBLE = {"könnte", "könnten", "könntest"}
_SOLL = {"soll", "sollen", "sollst", "sollt"}
_KONJ2_HYPO = {"hätte", "hätten", "wäre", "wären"}
_PARTICIPLE_AUX_END = {"haben", "sein"}
_NEGATIONS = {"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals",
              "keineswegs", "nirgends", "niemand"}
# Verbs that report / frame speech: Konjunktiv II inside them replaces Konjunktiv I (not a guess).
_REPORT_VERBS = re.compile(
    r"\b(sagt|sagte|sagten|erklärt|erklärte|betont|betonte|meint|meinte|so|laut|zufolge|berichtet|"
    r"berichtete|teilte|teilt|hieß|heißt|hiess|heisst|sprach|fordert|forderte|kritisiert|kritisierte|warnt|warnte|"
    r"schreibt|schrieb|argumentiert|argumentierte|räumte|räumt|verwies|verweist|ergänzt|ergänzte|"
    r"fügte|fügt|behauptet|behauptete)\b", re.I)
_CONDITIONAL = re.compile(r"\b(wenn|falls|sofern|dann|sonst|ohne|andernfalls|gegebenenfalls)\b", re.I)
# Article-level rumour context: there "soll" is reportative even for future events.
RUMOUR_RE = re.compile(r"(gerücht|durchgesickert|geleakt|\bleak|insider|hat erfahren|"
                       r"haben erfahren|will erfahren haben|unbestätigt)", re.I)
# State/effect verbs: "soll X sein/helfen/stammen" reports a property, not a plan.
_SOLL_STATE_VERBS = {"helfen", "wirken", "stammen", "gehören", "besitzen", "enthalten", "kosten",
                     "betragen", "verursachen", "verursacht", "schützen", "heilen", "lindern",
                     "tun", "gewesen", "worden", "existieren", "bestehen", "leben", "wohnen",
                     "steckt", "stecken", "verantwortlich", "beteiligt", "getötet", "verletzt"}
_PURPOSE_BEFORE_SOLL = re.compile(r"\b(mit|durch|über)\s+(der|dem|den|denen|die|das)\b[^,]*$", re.I)

_PHRASES: list[tuple[re.Pattern[str], str, str]] = [
    # open: whether/wh-clauses under an ignorance predicate
    (re.compile(r"\b(ist|bleibt|sei|war|scheint)\s+(noch\s+|weiterhin\s+|völlig\s+|weitgehend\s+|"
                r"bislang\s+|derzeit\s+)*(unklar|ungewiss|offen|fraglich|unbekannt|ungeklärt)\b", re.I),
     "open", "ob_clause"),
    (re.compile(r"\b(unklar|ungewiss|fraglich|ungeklärt)\s+(ist|bleibt|sei|war)\b", re.I), "open", "ob_clause"),
    (re.compile(r"\bstellt\s+sich\s+(\w+\s+){0,2}die\s+frage\b", re.I), "open", "ob_clause"),
    (re.compile(r"\b(weiß|wissen|wusste)\s+(noch\s+|bislang\s+|bisher\s+)?niemand\b", re.I), "open", "ob_clause"),
    (re.compile(r"\bniemand\s+(weiß|wusste)\b", re.I), "open", "ob_clause"),
    (re.compile(r"\b(konnte|konnten|kann|können)\s+(er|sie|man|es)\s+nicht\s+sagen\b", re.I), "open", "ob_clause"),
    (re.compile(r"\bbleibt\s+abzuwarten\b", re.I), "open", "ob_clause"),
    # alleged: rumours and reports without a named source
    (re.compile(r"\b(gerüchten|medienberichten|berichten|informationen|angaben)\s+zufolge\b", re.I),
     "alleged", "reportative"),
    (re.compile(r"\b(kursier\w+|geht|gehen)\s+(\w+\s+){0,2}(das\s+)?gerücht\w*", re.I), "alleged", "noun"),
    (re.compile(r"\bgerücht(e|en)?\b", re.I), "alleged", "noun"),
    (re.compile(r"^\s*berichte\s+über\b", re.I), "alleged", "noun"),
    # possible
    (re.compile(r"\bnicht\s+(auszuschließen|ausgeschlossen)\b", re.I), "possible", "adjective"),
    (re.compile(r"\b(niemand|keiner)\s+ausschließen\b", re.I), "possible", "verb"),
    (re.compile(r"\bausschließen\s+(kann|können|lässt)\s+(sich\s+)?(das\s+)?(niemand|keiner|man\s+nicht)\b", re.I),
     "possible", "verb"),
    (re.compile(r"\b(es|das)\s+(kann|könnte)\s+sein\b", re.I), "possible", "modal"),
    (re.compile(r"\bes\s+ist\s+(gut\s+|durchaus\s+|also\s+)?möglich,?\s+dass\b", re.I), "possible", "adjective"),
    (re.compile(r"\bunter\s+umständen\b", re.I), "possible", "adverb"),
    (re.compile(r"\bbefürcht\w*", re.I), "possible", "noun"),
    (re.compile(r"\b(fürchte\w*|sorge|sorgen|angst|ängste)\s*,?\s+(dass|zu)\b", re.I), "possible", "noun"),
    # probable: belief verbs (impersonal passives first)
    (re.compile(r"\b(wird|werden|wurde|wurden)\s+(\w+\s+){0,5}(vermutet|angenommen|erwartet|befürchtet)\b", re.I),
     "probable", "impersonal_belief"),
    (re.compile(r"\b(vermute\w*)\b", re.I), "probable", "belief_verb"),
    (re.compile(r"\b(geht|gehen|gehe|ging|gingen)\s+(\w+\s+){0,3}davon\s+aus\b", re.I), "probable", "belief_verb"),
    (re.compile(r"\bwird\s+davon\s+ausgegangen\b", re.I), "probable", "impersonal_belief"),
    (re.compile(r"\b(rechnet|rechnen|rechne|rechnete|rechneten)\s+(\w+\s+){0,2}(damit|mit)\b", re.I),
     "probable", "belief_verb"),
    (re.compile(r"\b(prognostizier\w*|schätzen,?\s+dass|schätzt,?\s+dass)\b", re.I), "probable", "belief_verb"),
    (re.compile(r"(?<!einen )\b(verdacht)\b", re.I), "probable", "noun"),
    (re.compile(r"\bgilt\s+als\s+(wahrscheinlich|sicher|ausgemacht)\b", re.I), "probable", "belief_verb"),
    (re.compile(r"\b(scheint|scheinen|schien|schienen)\b(?=.*\bzu\b)", re.I), "probable", "verb"),
    (re.compile(r"\bvermuten\s+würde\s+ich\b|\bich\s+würde\s+(sagen|vermuten|schätzen)\b", re.I),
     "probable", "konjunktiv2"),
    (re.compile(r"\b(wir|ich|experten|analysten|beobachter)\s+(\w+\s+){0,1}erwarten\b|\berwarten\s+(wir|experten|analysten)\b",
                re.I), "probable", "belief_verb"),
    (re.compile(r"\bgenau\s+weiß\s+ich\s+das\s+(\w+\s+)?nicht\b", re.I), "probable", "belief_verb"),
]


# Literal pre-screen for _PHRASES (most sentences match none of them, and running ~30 regexes over
# every sentence was most of this module's time). For each phrase pattern, groups of lower-case
# substrings: a sentence the pattern matches contains at least one string of every group (in the
# match, or for pattern 27 in its look-ahead), so a pattern whose groups are not all present in
# the lower-cased sentence cannot match and is skipped (tests/test_fast_paths.py checks this). Lower-casing agrees with the patterns' re.I matching except for the few characters
# that re.I folds onto Latin letters without str.lower() doing so (dotless i, long s, capital I
# with dot): a sentence containing one of them runs every pattern.
_PHRASE_NEEDLES: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("unklar", "ungewiss", "offen", "fraglich", "unbekannt", "ungeklärt"),),
    (("unklar", "ungewiss", "fraglich", "ungeklärt"),),
    (("stellt",), ("frage",)),
    (("niemand",),),
    (("niemand",),),
    (("nicht",), ("sagen",)),
    (("abzuwarten",),),
    (("zufolge",),),
    (("gerücht",),),
    (("gerücht",),),
    (("berichte",),),
    (("auszuschließen", "ausgeschlossen"),),
    (("ausschließen",),),
    (("ausschließen",),),
    (("sein",), ("kann", "könnte")),
    (("möglich",),),
    (("umständen",),),
    (("befürcht",),),
    (("fürchte", "sorge", "angst", "ängste"),),
    (("vermutet", "angenommen", "erwartet", "befürchtet"),),
    (("vermute",),),
    (("davon",),),
    (("ausgegangen",),),
    (("rechne",),),
    (("prognostizier", "schätz"),),
    (("verdacht",),),
    (("gilt",),),
    (("schein", "schien"), ("zu",)),
    (("würde",),),
    (("erwarten",),),
    (("genau",),),
)
if len(_PHRASE_NEEDLES) != len(_PHRASES):
    raise RuntimeError("every _PHRASES pattern needs its entry in _PHRASE_NEEDLES")
_NEEDLES = tuple(sorted({n for groups in _PHRASE_NEEDLES for g in groups for n in g}))
_BY_NEEDLE: dict[str, list[int]] = {}
for _i, _groups in enumerate(_PHRASE_NEEDLES):
    for _n in {n for g in _groups for n in g}:
        _BY_NEEDLE.setdefault(_n, []).append(_i)
_CASE_TRAPS = ("ı", "ſ", "İ")


_RUMOUR_NEEDLES = ("gerücht", "durchgesickert", "geleakt", "leak", "insider", "erfahren", "unbestätigt")


def has_rumour(text: str) -> bool:
    """`RUMOUR_RE.search(text)`, with the literal pre-screen of `_phrase_candidates` (every match
    contains one of `_RUMOUR_NEEDLES`): most articles contain none, and the regex scans slowly."""
    if text.isascii() or not any(c in text for c in _CASE_TRAPS):
        low = text.lower()
        if not any(n in low for n in _RUMOUR_NEEDLES):
            return False
    return bool(RUMOUR_RE.search(text))


def _phrase_candidates(text: str) -> list[int] | range:
    """Indices (in order) of the _PHRASES that can match `text`."""
    if not text.isascii() and any(c in text for c in _CASE_TRAPS):
        return range(len(_PHRASES))
    low = text.lower()
    present = {n for n in _NEEDLES if n in low}
    if not present:
        return []
    cands = sorted({i for n in present for i in _BY_NEEDLE[n]})
    return [i for i in cands if all(not present.isdisjoint(g) for g in _PHRASE_NEEDLES[i])]


def tokens_of(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOK_RE.finditer(text)]


def _clause_end(toks: list[Token], i: int) -> int:
    """Index after the last token of the clause that starts after i (up to , ; : – or end)."""
    j = i + 1
    while j < len(toks) and toks[j].text not in {",", ";", ":", "–", "—", "(", ")", "?", "!"} \
            and not (toks[j].text == "." and j == len(toks) - 1):
        j += 1
    return j


def _is_participle(w: str) -> bool:
    lw = w.lower()
    return w[:1].islower() and (lw.startswith("ge") or lw.endswith(("iert", "t", "en"))) and len(lw) > 3


def _soll_reportative(toks: list[Token], i: int, text_before: str, rumour: bool, heading: bool) -> bool:
    """Reportative "soll" (someone says so) vs plan/purpose/deontic "soll"."""
    end = _clause_end(toks, i)
    clause = [t.text for t in toks[i + 1:end]]
    low = [w.lower() for w in clause]
    if not clause:  # verb-final: "…, dass X stattfinden soll" – look back in the clause instead
        k = i - 1
        while k >= 0 and toks[k].text not in {",", ";", ":"}:
            k -= 1
        low = [t.text.lower() for t in toks[k + 1:i]]
        clause = [t.text for t in toks[k + 1:i]]
    # Perfect infinitive (…getötet worden sein / … aufgebaut haben / gewesen sein): past events
    # cannot be planned, so "soll" reports someone's claim.
    if len(low) >= 2 and low[-1] in _PARTICIPLE_AUX_END and (
            _is_participle(clause[-2]) or low[-2] in {"worden", "gewesen"}):
        return True
    if low and low[-1] == "haben" and len(low) >= 3 and low[-3:-1] == ["zu", "tun"]:
        return True
    # Passive "soll … eingeführt werden" and purpose relatives ("mit der … sollen") are plans.
    if low and low[-1] == "werden":
        return rumour and not heading
    if _PURPOSE_BEFORE_SOLL.search(text_before):
        return False
    if low and (low[-1] in _SOLL_STATE_VERBS or (len(low) >= 2 and low[-2] in _SOLL_STATE_VERBS)):
        return True
    if rumour:
        return True
    return False


def analyze_sentence(text: str, toks: list[Token], start: int, *, heading: bool = False,
                     rumour: bool = False) -> Certainty:
    """Certainty of one sentence. `text` is the sentence text, starting at body offset `start`;
    `toks` are its tokens with body offsets."""
    if not toks:
        toks = tokens_of(text, start)
    cues: list[Cue] = []
    lows = [t.text.lower() for t in toks]
    n = len(toks)

    def add(i: int, j: int, level: str, kind: str) -> None:
        s, e = toks[i].start, toks[j].end
        cues.append(Cue(Span(s, e, text[s - start:e - start], kind), level))

    # Question: the sentence (or a quoted part ending it) closes with "?"
    q = _question_index(toks)
    if q is not None:
        add(q, q, "open", "question")

    report: list[bool] = []  # whether a reporting verb frames the sentence; searched when first needed

    def has_report() -> bool:
        if not report:
            report.append(bool(_REPORT_VERBS.search(text)))
        return report[0]

    for i, (t, w) in enumerate(zip(toks, lows, strict=True)):
        if w in _ADVERBS:
            level, kind = _ADVERBS[w]
            if w in ("offenbar", "wahrscheinlich") and i + 1 < n and toks[i + 1].text[:1].isupper() \
                    and toks[i + 1].text[:1].isalpha() and i > 0 and lows[i - 1] in {"der", "die", "das", "ein", "eine"}:
                continue  # attributive adjective use, rare for these; keep the hedge otherwise
            if w == "denkbar" and i > 0 and lows[i - 1] in {"nicht", "kaum", "un"}:
                continue
            add(i, i, level, kind)
        elif w.startswith(_ALLEGED_ADJ_PREFIXES):
            add(i, i, "alleged", "adjective")
        elif w == "offensichtlich":
            # epistemic adverb ("hat offensichtlich gelogen") vs adjective ("ein offensichtlicher Fehler",
            # "es ist offensichtlich"): only the sentence-adverb use hedges.
            if i > 0 and lows[i - 1] not in {"ist", "war", "sind", "waren", "sehr", "so", "ganz"}:
                add(i, i, "probable", "adverb")
        elif w == "wohl":
            prev = lows[i - 1] if i else ""
            nxt = lows[i + 1] if i + 1 < n else ""
            if prev in {"sehr", "durchaus", "zwar", "ob", "leb"} or nxt in {"aber", "fühlen", "gefühlt"} \
                    or "fühl" in text.lower():
                continue  # emphatic/concessive "sehr wohl", "zwar … wohl aber", "sich wohl fühlen"
            add(i, i, "probable", "adverb")
        elif w in _MODAL_PROBABLE:
            add(i, i, "probable", "modal")
        elif w in _MODAL_POSSIBLE:
            # "Könnten Sie …?" politeness is a question anyway; in a conditional antecedent
            # ("wenn wir könnten") it is not a guess about a fact.
            if i > 0 and lows[i - 1] in {"wenn", "falls"}:
                continue
            add(i, i, "possible", "konjunktiv2")
        elif w.startswith("mögliche") and w in {"mögliche", "möglichen", "möglicher", "mögliches", "möglichem"}:
            # Attributive "ein möglicher Haltepunkt" hedges the noun's existence; "eine Vielzahl
            # möglicher Kombinationen" / "alle möglichen" just enumerate options.
            prev = lows[i - 1] if i else ""
            if prev in {"vielzahl", "alle", "allen", "aller", "verschiedene", "verschiedener", "sämtliche",
                        "zahlreiche", "zahlreicher", "viele", "vieler", "bestmöglichen", "größtmöglichen"}:
                continue
            add(i, i, "possible", "adjective")
        elif w in _SOLL:
            if q is not None:
                continue
            before = text[: t.start - start]
            if _soll_reportative(toks, i, before, rumour, heading):
                add(i, i, "alleged", "reportative_sollen")
        elif w in _KONJ2_HYPO:
            if _konj2_hypothetical(toks, lows, i, text, has_report):
                add(i, i, "possible", "konjunktiv2")
        elif w in {"würde", "würden"}:
            # "Das würde bedeuten, dass …" guesses a consequence, like "Dies hätte …"; other "würde"
            # (conditionals, reported future, "würde gerne") is not a hedge (GUIDELINES §2).
            if 0 < i <= 2 and lows[i - 1] in {"dies", "das", "es", "diese", "dieser", "dieses"} \
                    and _konj2_hypothetical(toks, lows, i, text, has_report):
                add(i, i, "possible", "konjunktiv2")
        elif w in {"kann", "können"}:
            if _kann_epistemic(toks, lows, i):
                add(i, i, "possible", "modal")

    _scare_quotes(toks, cues, add)
    for pi in _phrase_candidates(text):
        pat, level, kind = _PHRASES[pi]
        for m in pat.finditer(text):
            if kind == "belief_verb" and heading:
                continue  # "Das erwarten wir" as a sub-heading announces, it does not hedge
            if pat.pattern.startswith(r"\b(ist|bleibt") and "ob" not in lows and not _has_wh(lows):
                continue  # "ist offen" (= frank/open) needs an embedded whether/wh-question
            if re.search(r"\b(als|wie)\s+$", text[max(0, m.start() - 5):m.start()], re.I) and kind != "ob_clause":
                continue  # "besser als befürchtet", "wie erwartet": a comparison with a past fear, not a hedge
            s, e = m.start() + start, m.end() + start
            if any(c.span.start <= s and e <= c.span.end for c in cues):
                continue
            cues.append(Cue(Span(s, e, text[m.start():m.end()], kind), level))
    # "Ob …, ist unklar" whether-clause as the subject
    if lows and lows[0] == "ob" and any(c.level == "open" for c in cues):
        add(0, 0, "open", "ob_clause")

    cues.sort(key=lambda c: c.span.start)
    level = "certain"
    for c in cues:
        if CERTAINTY_PRIORITY[c.level] > CERTAINTY_PRIORITY[level]:
            level = c.level
    return Certainty(level=level, cues=[c.span for c in cues], negated=_negated(toks, lows))


def _scare_quotes(toks: list[Token], cues: list[Cue], add: Callable[[int, int, str, str], None]) -> None:
    """Scare quotes: a short quoted phrase right after a distancing word ("angeblicher 'Formfehler'",
    "vor einem angeblichen 'geheimen Atomabkommen'"). Quoted terms and names on their own
    ("der sogenannte 'Job-Turbo'", "die Zeitung 'Yated Ne'eman'") are ordinary quotes, not distance,
    so a quote counts only next to such a cue (it then marks the distanced phrase itself)."""
    starts = {c.span.end for c in cues if c.level == "alleged" and c.span.kind in ("adjective", "adverb")}
    if not starts:
        return
    for i, t in enumerate(toks):
        if t.end not in starts:
            continue
        if i + 1 >= len(toks) or toks[i + 1].text not in _OPEN_Q:
            continue
        for j in range(i + 2, min(i + 8, len(toks))):
            if toks[j].text in _CLOSE_Q:
                if j > i + 2:
                    add(i + 1, j, "alleged", "scare_quotes")
                break


_WH = {"wie", "was", "wer", "wen", "wem", "wann", "warum", "weshalb", "wieso", "wo", "woher", "wohin",
       "welche", "welcher", "welches", "welchen", "ob", "inwieweit", "inwiefern"}


def _has_wh(lows: list[str]) -> bool:
    return any(w in _WH for w in lows)


def _question_index(toks: list[Token]) -> int | None:
    """Index of the "?" that makes the sentence a question: the last "?" followed only by closing
    quotes, or by a short speech tag (", fragt X." / ", habe er sich gefragt.")."""
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].text != "?":
            continue
        rest = [t.text for t in toks[k + 1:]]
        rest = [r for r in rest if r not in _CLOSE_Q and r not in _OPEN_Q]
        if not rest or rest == ["."]:
            return k
        if rest[0] == "," and (len(rest) <= 10 or any(r.lower().startswith(("frag", "gefragt")) for r in rest)):
            return k
        return None
    return None


def _konj2_hypothetical(toks: list[Token], lows: list[str], i: int, text: str,
                        has_report: Callable[[], bool]) -> bool:
    """'Dies hätte weitreichende Konsequenzen' (a guess) vs conditionals, reported speech and
    counterfactual pluperfect ('hätte … gewonnen')."""
    if _CONDITIONAL.search(text) or has_report():
        return False
    if any(t.mood == "subj1" for t in toks):
        return False  # Konjunktiv I elsewhere (language layer): reported speech, Konj. II stands in for it
    if i > 3 or (i > 0 and lows[i - 1] in {",", "dass", "als"}) or (
            i > 1 and lows[i - 2] == "," and lows[i - 1] in {"die", "der", "das", "den", "dem", "denen"}):
        return False  # only the finite verb of a verb-second main clause (not "…, das wäre")
    if "gern" in lows or "gerne" in lows or "lieber" in lows:
        return False  # politeness / wish
    end = _clause_end(toks, i)
    if any(t.xpos in ("VVPP", "VAPP", "VMPP") for t in toks[i + 1:end]):
        return False  # "hätten … begangen": pluperfect subjunctive = reported or counterfactual past
    last = toks[end - 1].text if end - 1 > i else ""
    if last and (_is_participle(last) and last.lower().startswith("ge") or last.lower() in {"können", "müssen"}):
        return False  # counterfactual past: "hätte … verhindert werden können"
    return True


def _kann_epistemic(toks: list[Token], lows: list[str], i: int) -> bool:
    """Indicative "kann/können" is ability or permission unless it takes an effect/state predicate
    ("die dir helfen können", "können schnell vergriffen sein")."""
    if "wie" in lows[max(0, i - 6):i] or "man" in lows[max(0, i - 2):i + 2]:
        return False
    # verb-final position: the predicate precedes the modal
    if i > 0 and lows[i - 1] in {"helfen", "unterstützen", "schützen", "auslösen", "verursachen"}:
        return True
    end = _clause_end(toks, i)
    clause = lows[i + 1:end]
    if clause and clause[-1] in {"helfen", "unterstützen", "auslösen", "verursachen"}:
        return True
    if len(clause) >= 3 and clause[-1] == "sein":
        # "können diese ziemlich schnell vergriffen sein": a state that may hold
        return any(w in {"schnell", "rasch", "leicht", "durchaus"} for w in clause)
    return False


def _negated(toks: list[Token], lows: list[str]) -> bool:
    """Is the main claim negated? A negation in the main clause (before the first subordinate
    clause), not the contrastive 'nicht nur … sondern'."""
    for i, w in enumerate(lows):
        if w in {",", ";", ":"} and i + 1 < len(lows) and lows[i + 1] in {"dass", "weil", "ob", "wenn", "die",
                                                                         "der", "das", "als", "da", "obwohl"}:
            break
        if w in _NEGATIONS:
            nxt = lows[i + 1] if i + 1 < len(lows) else ""
            if w == "nicht" and nxt in {"nur", "zuletzt", "weniger", "minder"}:
                continue
            return True
    return False
