"""Scorecard figures and their explanations."""

from __future__ import annotations

from conftest import SEED, needs_shared
from quellenlage.model import Article, Certainty, Doc, Headline, Quote, Sentence, Source
from quellenlage.scorecard import ScorecardComponent, source_origin


def _doc() -> Doc:
    doc = Doc(article=Article(body="x" * 40, title="T"))
    doc.sentences = [
        Sentence("s1", 0, 10, attribution="direct", source_id="p", quote_ids=["q1"]),
        Sentence("s2", 10, 20, attribution="indirect", source_id="v", channel_id="m", quote_ids=["q2"],
                 certainty=Certainty("possible")),
        Sentence("s3", 20, 30, certainty=Certainty("open"), claim=False),
        Sentence("s4", 30, 40, attribution="impersonal", source_id="a", certainty=Certainty("alleged")),
    ]
    doc.sources = [Source("p", "Anna Muster", "person"), Source("v", "Matt Shoemaker", "person"),
                   Source("m", "Daily Express", "media"), Source("a", "Experten", "anonymous")]
    doc.quotes = [Quote("q1", "direct", source_id="p"), Quote("q2", "indirect", source_id="v", channel_id="m")]
    doc.headline = Headline(text="T", support="hedged", overstates=True, clickbait_score=0.7,
                            support_reason="only hedged")
    return doc


def test_primary_vs_second_hand() -> None:
    origin = source_origin(_doc())
    assert origin == {"p": "primary", "v": "second-hand", "m": "second-hand", "a": "second-hand"}


def test_figures_and_explanations() -> None:
    card = ScorecardComponent()(_doc()).scorecard
    assert card["claims"] == 3
    assert card["share_attributed"] == 1.0
    assert card["share_hedged"] == round(2 / 3, 3)
    assert (card["named_sources"], card["anonymous_sources"], card["media_sources"]) == (2, 1, 1)
    assert (card["primary_sources"], card["second_hand_sources"]) == (1, 3)
    assert card["headline_support"] == "hedged" and card["headline_overstates"] is True
    assert card["clickbait_score"] == 0.7
    for key in ("claims", "share_attributed", "share_hedged", "primary_sources", "headline_support"):
        assert isinstance(card["explain"][key], str) and card["explain"][key]
    assert card["explain"]["headline_support"] == "only hedged"


def test_empty_doc() -> None:
    card = ScorecardComponent()(Doc(article=Article(body=""))).scorecard
    assert card["claims"] == 0 and card["share_hedged"] == 0.0 and card["headline_support"] == "n/a"


@needs_shared
def test_seed_scorecard() -> None:
    from quellenlage.pipeline import get_pipeline

    lines = SEED.read_text(encoding="utf-8").split("\n")
    card = get_pipeline()(Article(body="\n".join(lines[4:]), title=lines[2])).scorecard
    assert card["share_hedged"] >= 0.4
    assert card["headline_primary_confirmation"] is False  # no primary source confirms the deal
    assert card["headline_overstates"] is True
