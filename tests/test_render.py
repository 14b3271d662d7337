"""Renderers on a hand-built Doc: highlights, chains, escaping — independent of the models."""

from __future__ import annotations

from quellenlage.model import Article, Certainty, Doc, Headline, Quote, Sentence, Source, Span, to_dict
from quellenlage.render.html_out import render_html
from quellenlage.render.markdown import render_markdown
from quellenlage.render.marks import chains, collect_marks, segments
from quellenlage.render.terminal import render_plain
from quellenlage.schema import validate_claim_map

BODY = '"Das <b>Werk</b> schließt", sagte Meier gegenüber der "Zeitung". Es könnte regnen.'


def make_doc() -> Doc:
    doc = Doc(article=Article(body=BODY, title="Alarm! <i>Werk</i> zu?", id="t1"))
    i_meier = BODY.index("Meier")
    i_zeit = BODY.index("Zeitung")
    i_sagte = BODY.index("sagte")
    i_k = BODY.index("könnte")
    s1_end = BODY.index(".") + 1
    doc.sources = [Source("src1", "Meier", "person", "Sprecher", [Span(i_meier, i_meier + 5, "Meier")]),
                   Source("src2", "Zeitung", "media", None, [Span(i_zeit, i_zeit + 7, "Zeitung")])]
    doc.quotes = [Quote("q1", "direct", content=[Span(1, 24, BODY[1:24])], cue=[Span(i_sagte, i_sagte + 5, "sagte")],
                        speaker=[Span(i_meier, i_meier + 5, "Meier")], source_id="src1", channel_id="src2")]
    doc.sentences = [
        Sentence("s1", 0, s1_end, attribution="direct", source_id="src1", channel_id="src2", quote_ids=["q1"]),
        Sentence("s2", s1_end + 1, len(BODY),
                 certainty=Certainty("possible", [Span(i_k, i_k + 6, "könnte", "konjunktiv2")])),
    ]
    doc.headline = Headline(text=doc.article.title or "", form="question", is_clickbait=True, clickbait_score=0.9,
                            clickbait_cues=[Span(0, 6, "Alarm!", "alarm")], support="hedged", overstates=True)
    return doc


def test_segments_cover_text_exactly_once() -> None:
    doc = make_doc()
    marks = collect_marks(doc)
    for s in doc.sentences:
        pieces = segments(doc.text, s.start, s.end, marks)
        assert "".join(p for p, _ in pieces) == doc.text[s.start:s.end]
    cue = [c for p, c in segments(doc.text, 0, len(BODY), marks) if p == "könnte"]
    assert cue and cue[0][-1].kind == "certainty_cue"


def test_chain_source_channel_article() -> None:
    assert chains(make_doc()) == [("Meier", "person", "Zeitung", 1)]


def test_html_is_escaped_and_shows_cues_and_chain() -> None:
    page = render_html(make_doc())
    assert "<b>" not in page and "<i>" not in page and "&lt;b&gt;Werk&lt;/b&gt;" in page
    assert "<script" not in page
    assert "cue-certainty_cue" in page and ">könnte<" in page
    assert "Meier → Zeitung → article" in page
    assert "overstates: yes" in page


def test_terminal_and_markdown_show_verdict_and_chain() -> None:
    text = render_plain(make_doc(), width=160)
    assert "overstates YES" in text and "Meier → Zeitung → article" in text
    md = render_markdown(make_doc())
    assert "**könnte**" in md and "Meier → Zeitung → article" in md
    assert "\\<b\\>" in md


def test_hand_built_doc_matches_schema() -> None:
    validate_claim_map(to_dict(make_doc()))
