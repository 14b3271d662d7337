"""Certainty: cue detection and, above all, disambiguation (GUIDELINES §2)."""

from __future__ import annotations

import pytest

from conftest import SEED, needs_shared
from quellenlage.certainty.rules import analyze_sentence
from quellenlage.model import Article


def cert(text: str, **kw):
    return analyze_sentence(text, [], 0, **kw)


@pytest.mark.parametrize("text,level", [
    # epistemic könnte vs ability/permission kann
    ("Russland könnte Nordkorea Atomwissen liefern.", "possible"),
    ("Die Bürger können ab Montag wählen.", "certain"),
    ("Der Tanker kann über 300.000 Tonnen Rohöl transportieren.", "certain"),
    ("Es gibt Lebensmittel, die dir helfen können, wieder gesund zu werden.", "possible"),
    # reportative sollen vs plan
    ("Putin soll Kim ein Atomabkommen angeboten haben.", "alleged"),
    ("Dabei sollen 44 Menschen getötet worden sein.", "alleged"),
    ("Feuerwehrleute sollen später in Pension.", "certain"),
    ("Ende 2024 soll das Zahlungssystem in Onlineshops eingeführt werden.", "certain"),
    ("Der Wirkstoff soll beim Abnehmen helfen.", "alleged"),
    ("Er muss zurücktreten.", "certain"),
    # Konjunktiv II: guess vs conditional vs reported speech
    ("Dies hätte weitreichende Konsequenzen für die Sicherheit.", "possible"),
    ("Und dann wäre Deutschland offiziell in einer Rezession.", "certain"),
    ("Wenn das Wetter hält, wäre das Fest ein Erfolg.", "certain"),
    ("Er sagte, sie hätten keine Wahl gehabt.", "certain"),
    # adverbs, adjectives, belief verbs
    ("Die Kosten dürften insgesamt sinken.", "probable"),
    ("Er war offenbar betrunken.", "probable"),
    ("Es wird vermutet, dass Russland Raketen verkauft hat.", "probable"),
    ("Es wird angenommen, dass Russland möglicherweise Wissen weitergegeben hat.", "possible"),
    ("Der Geheimdienst warnt vor einem angeblichen Atomabkommen.", "alleged"),
    ("Zwei mutmaßliche Spione wurden festgenommen.", "alleged"),
    ("Experten warnen vor einem möglichen Pakt.", "possible"),
    ("Eine Lösung ist nicht möglich.", "certain"),
    ("Es gibt eine Vielzahl möglicher Kombinationen.", "certain"),
    ("Die Befürchtung besteht, dass Kim sein Arsenal ausbauen könnte.", "possible"),
    ("Seit Wochen kursiert das Gerücht, dass ein neues Modell erscheint.", "alleged"),
    ("Die Bahn rechnet damit, dass sechs Millionen Kunden kommen.", "probable"),
    ("Das ist pure Ignoranz.", "certain"),
    # open: questions and whether-clauses
    ("Hat Putin einen geheimen Pakt mit Kim ausgehandelt?", "open"),
    ("„Wo ist der Wumms?“, fragt der Chefökonom angesichts der Zahlen.", "open"),
    ("Ob es ein Abkommen geben wird, ist völlig ungewiss.", "open"),
    ("Es ist unklar, ob die Waffen geliefert wurden.", "open"),
    ("Das Gericht soll nun prüfen, ob die Lieferungen rechtmäßig waren.", "certain"),
    ("Ob Radler oder Politiker - zwei Rankings lassen tief blicken.", "certain"),
])
def test_levels(text: str, level: str) -> None:
    assert cert(text).level == level, (text, cert(text))


def test_priority_and_cue_offsets() -> None:
    text = "Angeblich könnte Russland vermutlich liefern."
    c = cert(text)
    assert c.level == "alleged"  # alleged > possible > probable
    kinds = {(x.text, x.kind) for x in c.cues}
    assert ("Angeblich", "adverb") in kinds and ("könnte", "konjunktiv2") in kinds
    for cue in c.cues:
        assert text[cue.start:cue.end] == cue.text


def test_offsets_are_body_offsets() -> None:
    body = "Erster Satz. Kim könnte liefern."
    c = analyze_sentence(body[13:], [], 13)
    assert [(x.text, x.start, x.end) for x in c.cues] == [("könnte", 17, 23)]
    assert body[17:23] == "könnte"


def test_reportative_soll_in_rumour_context() -> None:
    s = "Das nächste Event soll dieses Jahr früher stattfinden."
    assert cert(s).level == "certain"  # a plain plan ...
    assert cert(s, rumour=True).level == "alleged"  # ... but a leak when the article trades in rumours


def test_negation() -> None:
    assert cert("Russland hat keine Raketen geliefert.").negated
    assert not cert("Russland hat Raketen geliefert.").negated
    assert not cert("Er präsentierte nicht nur seine Macht, sondern auch Waffen.").negated


def test_component_fills_sentences_and_claims() -> None:
    from quellenlage.pipeline import get_pipeline

    body = ("Was haben die beiden vor? Russland könnte Nordkorea Atomwissen liefern. "
            "Schoigu besuchte am Montag eine Parade in Pjöngjang.")
    doc = get_pipeline()(Article(body=body, title="Russland liefert Atomwissen"))
    levels = [s.certainty.level for s in doc.sentences]
    assert levels == ["open", "possible", "certain"]
    assert [s.claim for s in doc.sentences] == [False, True, True]
    assert [c.sentence_id for c in doc.claims] == [doc.sentences[1].id, doc.sentences[2].id]
    c = doc.claims[0]
    assert c.certainty.level == "possible" and body[c.start:c.end] == c.text
    assert c.mode == doc.sentences[1].attribution  # copied from the attribution component
    assert all(s.subjectivity in ("subjective", "objective") for s in doc.sentences)


@needs_shared
def test_seed_has_hedged_sentences_with_cues() -> None:
    from quellenlage.pipeline import get_pipeline

    lines = SEED.read_text(encoding="utf-8").split("\n")
    doc = get_pipeline()(Article(body="\n".join(lines[4:]), title=lines[2]))
    hedged = [s for s in doc.sentences if s.certainty.level in ("probable", "possible", "alleged")]
    assert len(hedged) >= 8
    assert all(s.certainty.cues for s in hedged)
    cue_texts = {c.text for s in hedged for c in s.certainty.cues}
    assert {"möglicherweise", "angeblichen", "könnte"} <= cue_texts


def test_scare_quotes_only_next_to_distance() -> None:
    c = cert("Der Geheimdienst warnt vor einem angeblichen „geheimen Atomabkommen“ zwischen Kim und Putin.")
    assert ("„geheimen Atomabkommen“", "scare_quotes") in {(x.text, x.kind) for x in c.cues}
    assert c.level == "alleged"
    plain = cert("Das soll mit dem sogenannten „Job-Turbo“ der Regierung zusammenhängen, sagte sie.")
    assert all(x.kind != "scare_quotes" for x in plain.cues)
    assert cert("Die Zeitung „Yated Ne'eman“ druckte einen Aufmacher.").level == "certain"


def test_comparison_with_fear_is_not_a_hedge() -> None:
    assert cert("Die Luft war besser als befürchtet.").level == "certain"


@needs_shared
def test_claim_span_is_the_reported_content() -> None:
    from quellenlage.pipeline import get_pipeline

    lines = SEED.read_text(encoding="utf-8").split("\n")
    doc = get_pipeline()(Article(body="\n".join(lines[4:]), title=lines[2]))
    for c in doc.claims:
        sent = next(s for s in doc.sentences if s.id == c.sentence_id)
        assert sent.start <= c.start < c.end <= sent.end
        assert doc.text[c.start:c.end] == c.text
    quoted = [c for c in doc.claims if c.mode == "direct"]
    assert quoted and all("sagte Shoemaker" not in c.text for c in quoted)


@pytest.mark.parametrize("text,level", [
    ("Das würde bedeuten, dass die Preise steigen.", "possible"),
    ("Die internationale Presse würde kommen, die Hollywoodstars.", "certain"),
    ("Wenn es regnet, würde das Fest verschoben.", "certain"),
    ("Er sagte, er würde auf dem Tempelberg eine Synagoge einrichten.", "certain"),
])
def test_wuerde(text: str, level: str) -> None:
    assert cert(text).level == level
