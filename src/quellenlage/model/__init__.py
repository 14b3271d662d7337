"""Data model: the input article, the annotated `Doc`, and its claim-map serialisation."""

from quellenlage.model.claim_map import SCHEMA_ID, to_dict
from quellenlage.model.doc import (
    Article,
    Certainty,
    Claim,
    Doc,
    Entity,
    Headline,
    Quote,
    Sentence,
    Source,
    Span,
    Token,
)

__all__ = ["SCHEMA_ID", "Article", "Certainty", "Claim", "Doc", "Entity", "Headline", "Quote",
           "Sentence", "Source", "Span", "Token", "to_dict"]
