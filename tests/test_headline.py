"""Headline verdict: form, clickbait cues, support and overstatement (GUIDELINES §4)."""

from __future__ import annotations

import pytest

from conftest import SEED, needs_shared
from quellenlage.certainty.rules import tokens_of
from quellenlage.headline import headline_form
from quellenlage.headline.clickbait import clickbait
from quellenlage.model import Article


@pytest.mark.parametrize("text,form", [
    ("Atom-Alarm! Hat Putin einen Pakt mit Kim ausgehandelt? Angst vor Achse des Bösen!", "question"),
    ("«Die israelische Zurückhaltung hat viel mit den USA zu tun»", "quote"),
    ("„Dem Teufel begegnet“: Geisel erlebte Missbrauch", "quote"),
    ("Feuerwehrleute sollen später in Pension", "statement"),
    ("Wie gefährlich Billigware aus China wirklich ist", "statement"),
])
def test_form(text: str, form: str) -> None:
    assert headline_form(text) == form


def cb(text: str):
    return clickbait(text, tokens_of(text), headline_form(text))


def test_seed_headline_clickbait_cues() -> None:
    r = cb("Atom-Alarm! Hat Putin einen geheimen Nuklear-Pakt mit Kim ausgehandelt? Angst vor Achse des Bösen!")
    assert r.is_clickbait and r.score > 0.9 and r.has_alarm
    got = {(c.text, c.kind) for c in r.cues}
    assert ("Atom-Alarm!", "alarm") in got
    assert ("Angst", "alarm") in got
    assert ("Achse des Bösen!", "loaded_label") in got
    assert ("Hat Putin einen geheimen Nuklear-Pakt mit Kim ausgehandelt?", "insinuating_question") in got


@pytest.mark.parametrize("text,kind", [
    ("Abnehmspritze kommt - So teuer wird sie", "teaser"),
    ("Diese Nahrungsmittel helfen dir, wieder fit zu werden", "second_person"),
    ("Stuttgart: Die Fleißigsten und Fahrradfreundlichsten", "hyperbole"),
    ("Russlands Schattenflotte: USA stoppen Geisterschiff", "loaded_label"),
    ("Baerbock zur UN: Nur eine Etappe zum nächsten Karriereschritt?", "insinuating_question"),
])
def test_clickbait_kinds(text: str, kind: str) -> None:
    r = cb(text)
    assert r.is_clickbait, (text, r)
    assert kind in {c.kind for c in r.cues}
    for c in r.cues:
        assert text[c.start:c.end] == c.text


@pytest.mark.parametrize("text", [
    "Deutsche Bank nominiert Aufsichtsratschef für zweite Amtszeit",
    "ÖPNV-Streiks: Ein existenzielles Problem für Beschäftigte?",
    "Post-Vac-Syndrom nach COVID-19-Impfung: Was wissen wir?",
    "Rückbau von Atomkraftwerk: Kühltürme gesprengt",
])
def test_not_clickbait(text: str) -> None:
    assert not cb(text).is_clickbait, cb(text)


def analyze(title: str, body: str):
    from quellenlage.pipeline import get_pipeline

    return get_pipeline()(Article(body=body, title=title))


def test_support_supported_and_hedged() -> None:
    body = ("Die Stadt hat am Montag die Kühltürme des Kraftwerks gesprengt. "
            "Tausende Menschen sahen zu.")
    h = analyze("Kühltürme des Kraftwerks gesprengt", body).headline
    assert h.support == "supported" and h.evidence and not h.overstates
    body2 = ("Zwei mutmaßliche Agenten sollen Forscher ausgespäht haben. "
             "Die Agenten könnten auch Drohnen im Visier gehabt haben.")
    h2 = analyze("Agenten spähen Forscher aus", body2).headline
    assert h2.support == "hedged"
    assert h2.overstates and "hedged" in (h2.overstates_reason or "")
    assert h2.support_reason


def test_support_na_for_open_question_and_topic_label() -> None:
    assert analyze("Wer ist Boris Nadeschdin?", "Nadeschdin ist Politiker.").headline.support == "n/a"
    h = analyze("Krieg in Nahost im News-Ticker vom 26. August", "Es gab Angriffe.").headline
    assert h.support == "n/a"


def test_no_headline_is_fine() -> None:
    doc = analyze(None, "Nur ein Satz ohne Überschrift.")  # type: ignore[arg-type]
    assert doc.headline is None


@needs_shared
def test_seed_headline_verdict() -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    h = analyze(lines[2], "\n".join(lines[4:])).headline
    assert h.form == "question"
    assert h.is_clickbait and {"Atom-Alarm!", "Angst", "Achse des Bösen!"} <= {c.text for c in h.clickbait_cues}
    assert h.support == "hedged" and h.evidence
    assert h.overstates and h.overstates_reason


@pytest.mark.parametrize("title", ["", "!!!", "?", "„“", "a" * 2000])
def test_odd_headlines_do_not_crash(title: str) -> None:
    from quellenlage.certainty import CertaintyComponent
    from quellenlage.headline import HeadlineComponent
    from quellenlage.model import Doc, Headline, Sentence
    from quellenlage.scorecard import ScorecardComponent

    body = "Ein Satz."
    doc = Doc(article=Article(body=body, title=title), sentences=[Sentence("s1", 0, len(body))],
              headline=Headline(text=title))
    doc = ScorecardComponent()(HeadlineComponent()(CertaintyComponent()(doc)))
    h = doc.headline
    assert h.form in ("statement", "question", "quote") and h.support in (
        "supported", "hedged", "unsupported", "contradicted", "n/a")
    assert 0.0 <= h.clickbait_score <= 1.0
    assert isinstance(doc.scorecard["explain"]["headline_support"], str)
