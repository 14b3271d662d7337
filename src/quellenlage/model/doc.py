"""The data model: one input `Article`, and the `Doc` that flows through the pipeline.

A `Doc` holds the article plus every annotation layer the components add (tokens,
sentences, entities, quotes, sources, claims, headline verdict, scorecard). It is
plain data: components fill it, renderers read it, `claim_map.to_dict` serialises it
as the contract's `quellenlage.claim-map/1` JSON. Offsets are half-open ``[start, end)``
into ``article.body`` (headline offsets: into ``article.title``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CERTAINTY_LEVELS = ("certain", "probable", "possible", "alleged", "open")
# Priority of certainty labels (GUIDELINES §2): open > alleged > possible > probable > certain.
CERTAINTY_PRIORITY = {lvl: i for i, lvl in enumerate(CERTAINTY_LEVELS)}
ATTRIBUTION_MODES = ("none", "direct", "indirect", "impersonal")
SOURCE_KINDS = ("person", "organization", "government", "media", "anonymous", "impersonal")
QUOTE_TYPES = ("direct", "indirect", "free_indirect", "reported")
HEADLINE_FORMS = ("statement", "question", "quote")
SUPPORT_LABELS = ("supported", "hedged", "unsupported", "contradicted", "n/a")
ENTITY_LABELS = ("PER", "ORG", "LOC", "MEDIA", "MISC")


@dataclass(slots=True)
class Article:
    """One input article, as read from text, JSON or HTML."""

    body: str
    title: str | None = None
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    lang: str | None = None


@dataclass(slots=True)
class Span:
    """A stretch of text with its offsets; `kind` says what sort of cue it is, if any."""

    start: int
    end: int
    text: str
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end}
        if self.kind is not None:
            d["kind"] = self.kind
        return d


@dataclass(slots=True)
class Token:
    """One token of the language layer. `mood` is ind/subj1/subj2/imp for finite verbs."""

    text: str
    start: int
    end: int
    upos: str | None = None
    xpos: str | None = None
    lemma: str | None = None
    mood: str | None = None
    ent: str | None = None  # BIO label, e.g. "B-PER"
    space_after: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "upos": self.upos,
                "xpos": self.xpos, "lemma": self.lemma, "mood": self.mood, "ent": self.ent}


@dataclass(slots=True)
class Certainty:
    level: str = "certain"
    cues: list[Span] = field(default_factory=list)
    negated: bool = False


@dataclass(slots=True)
class Sentence:
    id: str
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)
    heading: bool = False  # a sub-heading line without final punctuation
    certainty: Certainty = field(default_factory=Certainty)
    claim: bool = True
    claim_cues: list[Span] = field(default_factory=list)
    attribution: str = "none"
    source_id: str | None = None
    channel_id: str | None = None
    quote_ids: list[str] = field(default_factory=list)
    attribution_cues: list[Span] = field(default_factory=list)
    subjectivity: str | None = None  # "subjective" | "objective"
    subjectivity_score: float | None = None


@dataclass(slots=True)
class Entity:
    text: str
    start: int
    end: int
    label: str


@dataclass(slots=True)
class Quote:
    id: str
    type: str
    content: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    speaker: list[Span] = field(default_factory=list)
    addressee: list[Span] = field(default_factory=list)
    source_id: str | None = None
    channel_id: str | None = None


@dataclass(slots=True)
class Source:
    id: str
    name: str
    kind: str
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Claim:
    id: str
    sentence_id: str
    start: int
    end: int
    text: str
    certainty: Certainty = field(default_factory=Certainty)
    mode: str = "none"
    quote_id: str | None = None
    source_id: str | None = None
    channel_id: str | None = None


@dataclass(slots=True)
class Headline:
    text: str
    tokens: list[Token] = field(default_factory=list)
    form: str = "statement"
    is_clickbait: bool = False
    clickbait_score: float = 0.0
    clickbait_cues: list[Span] = field(default_factory=list)
    support: str = "n/a"
    support_reason: str | None = None
    overstates: bool = False
    overstates_reason: str | None = None
    evidence: list[str] = field(default_factory=list)
    certainty: Certainty = field(default_factory=Certainty)


@dataclass(slots=True)
class Doc:
    """The article and all its annotation layers, filled in by the pipeline components."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    headline: Headline | None = None
    scorecard: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.body

    def source(self, source_id: str | None) -> Source | None:
        if source_id is None:
            return None
        for s in self.sources:
            if s.id == source_id:
                return s
        return None

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None
