"""Tokenizer and sentence splitter for German news text (rule-based, offsets-preserving).

Design choices (why):
- Hyphenated compounds ("US-Geheimdienst", "Nordkorea-Russland-Pakt") stay ONE token: the NER
  training data (GermEval 2014) and the gazetteers treat them as one word, and downstream
  components match them whole. (UD GSD splits them; the benchmark reports the alignment cost.)
- Abbreviations keep their period ("Dr.", "z.", "B.", "Nr.") so that a bare "." token is a
  sentence-end candidate and nothing else.
- A line break always ends a sentence; a line without final punctuation is a sub-heading.
- Closing quotes/brackets after the final punctuation belong to the sentence ('... sein.“').
"""

from __future__ import annotations

import re

# Abbreviations that take a period (case-sensitive forms; lowercase variants are added below).
# Ambiguous short words ("so", "Art", "Mo") are deliberately left out: "Er tat es so." must split.
_ABBREV = """
Abb Abs Abt Adr Akad allg Anh Anm Aufl Az Bd Bde beil bes betr Bez Bhf bspw Bspw bzgl bzw
ca Ca Chr Co Corp dgl Dipl Dir Dr dt ebd eigtl engl entspr erg etc ev evtl Evtl exkl Fa
ff Fr frz Gbr geb Gebr gegr gest ggf Ggf ggü Hbf Hg hg Hr Hrn Hrsg Inc inkl Inkl insb Ing
Jh Jhd Jr jr kath Kfm lat lt Ltd Mio Mrd Mr Mrs Ms Mwst MwSt Nachf Nr Nrn Obb Pfd Pkt pp
Prof Prov rd sog Sog Sr St Str stv Tel Tsd usw uvm Univ urspr Verf Verl vgl Vgl Vors vs
wg Ziff zit zzgl zz zZ Feb Apr Aug Sept Okt Nov Dez
""".split()
# Letters that form multi-part abbreviations: z. B., d. h., u. a., o. ä., s. o., v. a., i. d. R.
_SHORT = set("zBdhuaoäÄsvRiwcgnmSUAu")
ABBREVIATIONS = frozenset(_ABBREV)
# Abbreviations that commonly end a sentence ("... und so weiter usw.").
_SENT_FINAL_ABBREV = frozenset({"usw.", "etc.", "u.a.", "uvm.", "ff.", "Co.", "Inc.", "Ltd.", "Corp."})
MONTHS = frozenset("""Januar Februar März April Mai Juni Juli August September Oktober November
Dezember Jänner Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez""".split())

_TOKEN_RE = re.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s<>"“”„»«]+[^\s<>"“”„»«.,;:!?)\]']
        | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
        | \b[\w-]+(?:\.[\w-]+)*\.(?:de|at|ch|com|org|net|eu|info)\b)
    | (?P<num>\d+(?:[.,:/]\d+)*(?:\.(?=\s+(?:\d|[a-zäöüß]|(?:"""
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r""")\b)))?)
    | (?P<word>\w+(?:[-‐‑/]\w+)*(?:['’](?!s\b)\w+)*(?:[-‐‑](?=\s*(?:,|und\b|oder\b|bis\b|sowie\b|bzw\.)))?
        (?:[-‐‑](?=[„"»«]))?)
    | (?P<punct>\.{2,}|…|-{2,}|``|''|,,|:-?[()]|[!?]+|\S)
    """,
    re.VERBOSE | re.UNICODE,
)

# Words after which "<number>." is an ordinal, not a sentence end.
_ORDINAL_LEFT = frozenset("""der die das des dem den am im zum zur vom beim ab seit bis zum ihr ihre ihrem
ihren seine seinem seinen sein ihrer seiner unser unsere dieser diese diesem diesen""".split())
_FINAL = frozenset({".", "!", "?", "…", "...", "!?", "?!", "!!", "??", "!!!"})
_CLOSERS = frozenset({'"', "“", "”", "»", "«", "‘", "’", "'", "''", ")", "]", "›", "‹"})
_OPENERS = frozenset({'"', "„", "“", "»", "«", "‚", "‘", "(", "[", "``", "›", "‹", "'", "-", "–", "—"})
_FINAL_LAST_CHARS = frozenset(".!?…")
# Characters that make a line count as "finished" (not a sub-heading).
_LINE_FINAL_CHARS = set(".!?:…;")


_WORD_GROUP = _TOKEN_RE.groupindex["word"]  # (the top-level groups contain no other capturing group)


def _word_tokens(text: str, base: int) -> list[tuple[int, int]]:
    n = len(text)
    out: list[tuple[int, int]] = []
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        # abbreviation: "Dr." / "z." / "Nr." / single capital initial "F."
        if m.lastindex == _WORD_GROUP and e < n and text[e] == ".":
            w = text[s:e]
            if w in ABBREVIATIONS or (e - s == 1 and (w.isupper() or w in _SHORT)):
                e += 1
        # ("geht's" / "für's" stay one word token, as UD GSD has them)
        out.append((s, e))
    # merge abbreviation periods that the regex left as separate punctuation
    res: list[tuple[int, int]] = []
    for s, e in out:
        if res and res[-1][1] > s:  # overlap from the abbreviation extension above: skip the "."
            continue
        # ordinal after an article/preposition: "des 1. FC", "auf den 15. Platz"
        if (e - s == 1 and text[s] == "." and len(res) >= 2 and res[-1][1] == s
                and text[res[-1][0]:s].isdigit() and s - res[-1][0] <= 3
                and text[res[-2][0]:res[-2][1]].lower() in _ORDINAL_LEFT
                and e < n and text[e] == " "):
            res[-1] = (res[-1][0], e)
            continue
        res.append((s, e))
    if base:
        return [(s + base, e + base) for s, e in res]
    return res


def tokenize(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Token spans (absolute offsets = `offset` + position in `text`)."""
    return _word_tokens(text, offset)


def _ends_line_sentence(tok: str) -> bool:
    return tok in _FINAL or (len(tok) > 1 and set(tok) == {"."}) or (len(tok) > 1 and tok[-1] in "!?" and set(tok) <= set("!?"))


def split_sentences(text: str) -> list[tuple[int, int, bool, list[tuple[int, int]]]]:
    """Sentences as (start, end, heading, token spans) over `text`, in order.

    A line break always ends a sentence; within a line, ". ! ? …" (plus closing quotes and
    brackets) end one when the next token can start a sentence.
    """
    out: list[tuple[int, int, bool, list[tuple[int, int]]]] = []
    for line in re.finditer(r"[^\n]+", text):
        ls = line.start()
        toks = _word_tokens(line.group(), ls)
        if not toks:
            continue
        n = len(toks)
        cur: list[tuple[int, int]] = []
        i = 0
        while i < n:
            s, e = toks[i]
            t = text[s:e]
            cur.append((s, e))
            boundary = False
            # (every sentence-final token and abbreviation ends in one of ".!?…": a cheap first test)
            if t[-1] in _FINAL_LAST_CHARS and (_ends_line_sentence(t) or t in _SENT_FINAL_ABBREV):
                j = i + 1
                # closing quotes / brackets directly after the final punctuation
                while j < n and text[toks[j][0]:toks[j][1]] in _CLOSERS and (
                    toks[j][0] == cur[-1][1] or text[toks[j][0]:toks[j][1]] == ")"
                ):
                    # a '"' followed by a word without space is an opener of the next sentence
                    if (j + 1 < n and toks[j + 1][0] == toks[j][1] and text[toks[j][0]] in '"\''
                            and text[toks[j + 1][0]].isalnum()):
                        break
                    cur.append(toks[j])
                    j += 1
                if j >= n:
                    boundary = True
                else:
                    nxt = text[toks[j][0]:toks[j][1]]
                    c = nxt[0]
                    if t in _SENT_FINAL_ABBREV:
                        boundary = c.isupper() and nxt not in MONTHS
                    elif t == "." and len(cur) >= 2 and _is_number(text[cur[-2][0]:cur[-2][1]]) and (
                        nxt in MONTHS
                    ):
                        boundary = False
                    else:
                        boundary = c.isupper() or c.isdigit() or nxt in _OPENERS or c in "„“‚»«"
                i = j
            else:
                i += 1
            if boundary:
                out.append((cur[0][0], cur[-1][1], False, cur))
                cur = []
        if cur:
            out.append((cur[0][0], cur[-1][1], False, cur))
        # the line's last sentence is a heading when the line has no final punctuation
        last = out[-1]
        last_tok = text[last[3][-1][0]:last[3][-1][1]]
        stripped = last_tok
        k = len(last[3]) - 1
        while k > 0 and stripped in _CLOSERS:
            k -= 1
            stripped = text[last[3][k][0]:last[3][k][1]]
        if not (stripped[-1:] in _LINE_FINAL_CHARS or stripped in _FINAL):
            out[-1] = (last[0], last[1], True, last[3])
    return out


def _is_number(tok: str) -> bool:
    return bool(tok) and tok[0].isdigit()
