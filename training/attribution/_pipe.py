"""language -> attribution without importing the other components (tuning only).

`LangAttr(real=False)` uses a frozen copy of the first rule-based language layer (tokens and
sentences only), so tuning runs are reproducible while the language layer changes;
`real=True` uses the registered language component.
"""

from __future__ import annotations

import json
import os
import pathlib
import re
import tempfile

from quellenlage.model import Article, Doc, Sentence, Token

_TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)
_ABBREV = {"z", "b", "dr", "nr", "u", "a", "bzw", "ca", "vgl", "prof", "st", "usw", "etc", "mio",
           "mrd", "jh", "inkl", "evtl", "ggf", "d", "h", "s", "sog", "tel", "jan", "feb", "aug",
           "sept", "okt", "nov", "dez", "hr", "fr", "abs", "art", "gegr", "geb"}
_CLOSERS = set('"“”»«’‘\')')


def _tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN_RE.finditer(text)]


def _split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        ls = line.start()
        toks = list(_TOKEN_RE.finditer(line.group()))
        start = None
        for i, m in enumerate(toks):
            if start is None:
                start = m.start()
            t = m.group()
            if t in ".!?:" or t == "…":
                if t == "." and i > 0 and toks[i - 1].group().lower() in _ABBREV and toks[i - 1].end() == m.start():
                    continue
                if t == "." and i > 0 and toks[i - 1].group().isdigit():
                    continue
                if t == ":" and not (i + 1 == len(toks)):
                    continue
                end = m.end()
                j = i + 1
                while j < len(toks) and toks[j].group() in _CLOSERS and toks[j].start() == end:
                    end = toks[j].end()
                    j += 1
                nxt = toks[j] if j < len(toks) else None
                if nxt is None or nxt.group()[0].isupper() or nxt.group()[0] in '"„“«»‚(' or nxt.group()[0].isdigit():
                    spans.append((ls + start, ls + end))
                    start = None
        if start is not None:
            spans.append((ls + start, ls + toks[-1].end()))
    return spans


class BaselineLanguage:
    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        doc.sentences = []
        for i, (s, e) in enumerate(_split(text), 1):
            sent = Sentence(id=f"s{i}", start=s, end=e, tokens=_tokenize(text[s:e], s))
            sent.heading = text[s:e][-1:] not in ".!?:\"“”»«'’)…"
            doc.sentences.append(sent)
        return doc


class LangAttr:
    def __init__(self, real: bool | None = None) -> None:
        import quellenlage.attribution  # noqa: F401 - registers "attribution"
        from quellenlage.pipeline import REGISTRY

        if real is None:
            real = os.environ.get("QL_TUNE_LANG", "real") == "real"
        if real:
            import quellenlage.language  # noqa: F401 - registers "language"

            self.lang = REGISTRY["language"]()
        else:
            self.lang = BaselineLanguage()
        self.attr = REGISTRY["attribution"]()

    def __call__(self, article: Article) -> Doc:
        return self.attr(self.lang(Doc(article=article)))


def score_maps(scorer, files: list[pathlib.Path], maps: dict[str, dict]) -> dict:
    """Score claim maps (gold file name -> claim map dict) against the gold `files` with the
    shared score_quotes metric."""
    with tempfile.TemporaryDirectory() as td:
        gd, pd = pathlib.Path(td, "g"), pathlib.Path(td, "p")
        gd.mkdir()
        pd.mkdir()
        for f in files:
            (gd / f.name).symlink_to(f.resolve())
            (pd / f.name).write_text(json.dumps(maps[f.name], ensure_ascii=False), encoding="utf-8")
        return scorer.score(gd, pd)
