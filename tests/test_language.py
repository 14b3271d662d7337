"""Language layer: POS, lemma, mood, entities, gazetteers, `quellenlage tag`."""

from __future__ import annotations

import json

import numpy as np
import pytest

from conftest import SEED, needs_shared
from quellenlage.language import LanguageLayer
from quellenlage.language.gazetteer import is_government, media_name
from quellenlage.model import Article, Doc


@pytest.fixture(scope="module")
def layer() -> LanguageLayer:
    return LanguageLayer()


def run(layer: LanguageLayer, body: str, title: str | None = None) -> Doc:
    return layer(Doc(article=Article(body=body, title=title)))


def tok(doc: Doc, text: str):
    return next(t for s in doc.sentences for t in s.tokens if t.text == text)


@pytest.mark.parametrize("sentence,word,mood", [
    ("Er sagte, Russland habe Waffen geliefert.", "habe", "subj1"),
    ("Der Minister sagte, er sei nicht informiert worden.", "sei", "subj1"),
    ("Die Behörden erklärten, die Lage werde sich bald bessern.", "werde", "subj1"),
    ("Sie könnten darauf hindeuten, dass Putin hilft.", "könnten", "subj2"),
    ("Das könnte teuer werden.", "könnte", "subj2"),
    ("Ohne die Hilfe wäre das Projekt gescheitert.", "wäre", "subj2"),
    ("Er würde gern kommen.", "würde", "subj2"),
    ("Ich habe das gestern gesehen.", "habe", "ind"),
    ("Russland liefert Waffen an Nordkorea.", "liefert", "ind"),
    ("Die Polizei nahm den Mann fest.", "nahm", "ind"),
])
def test_mood(layer, sentence, word, mood):
    assert tok(run(layer, sentence), word).mood == mood


def test_non_finite_words_have_no_mood(layer):
    doc = run(layer, "Er sagte, Russland habe Waffen geliefert.")
    assert tok(doc, "geliefert").mood is None
    assert tok(doc, "Waffen").mood is None
    assert tok(doc, "geliefert").upos == "VERB"


def test_pos_and_lemma(layer):
    doc = run(layer, "Der US-Geheimdienst warnt vor einem geheimen Abkommen zwischen Russland und Nordkorea.")
    t = {x.text: x for x in doc.sentences[0].tokens}
    assert t["Der"].upos == "DET" and t["Der"].xpos == "ART"
    assert t["US-Geheimdienst"].upos == "NOUN"
    assert t["warnt"].upos == "VERB" and t["warnt"].lemma == "warnen" and t["warnt"].mood == "ind"
    assert t["geheimen"].upos == "ADJ" and t["geheimen"].lemma == "geheim"
    assert t["Russland"].upos == "PROPN"
    assert t["."].upos == "PUNCT"
    assert all(x.upos and x.xpos and x.lemma for x in doc.sentences[0].tokens)


def test_entities_and_media(layer):
    body = ("Berlin (dpa) - Matt Shoemaker sagte gegenüber dem \"Daily Express\", Wladimir Putin "
            "habe mit Kim Jong Un verhandelt.")
    doc = run(layer, body)
    ents = {(e.text, e.label) for e in doc.entities}
    assert ("dpa", "MEDIA") in ents
    assert ("Daily Express", "MEDIA") in ents
    assert ("Matt Shoemaker", "PER") in ents
    assert ("Wladimir Putin", "PER") in ents
    for e in doc.entities:
        assert body[e.start:e.end] == e.text
    shoemaker = [t for t in doc.sentences[0].tokens if t.text in ("Matt", "Shoemaker")]
    assert [t.ent for t in shoemaker] == ["B-PER", "I-PER"]


def test_organisation_heads_and_state_bodies(layer):
    doc = run(layer, "Ein Offizier der Defense Intelligence Agency sprach mit Reportern von Reuters.")
    ents = {(e.text, e.label) for e in doc.entities}
    assert ("Defense Intelligence Agency", "ORG") in ents
    assert ("Reuters", "MEDIA") in ents
    assert all(e.label in ("PER", "ORG", "LOC", "MEDIA", "MISC") for e in doc.entities)


def test_gazetteer_helpers():
    assert media_name("dem \"Daily Express\"") == "Daily Express"
    assert media_name("der Süddeutschen Zeitung") == "SZ"
    assert media_name("Reuters") == "Reuters"
    assert media_name("tagesschau.de") == "Tagesschau"
    assert media_name("Matt Shoemaker") is None
    assert is_government("der US-Geheimdienst")
    assert is_government("BND") and is_government("das Bundesinnenministerium")
    assert is_government("das Landgericht Köln") and is_government("die Bundeswehr")
    assert not is_government("Experten") and not is_government("Matt Shoemaker")
    assert not is_government("Yale School of Management")


def test_headline_and_offsets(layer):
    title = "Atom-Alarm! Hat Putin einen Pakt mit Kim?"
    body = "Erster Satz hier.\n\nZwischentitel\n\nDer Kreml schweigt."
    doc = run(layer, body, title)
    assert doc.headline is not None and doc.headline.text == title
    assert [t.text for t in doc.headline.tokens][:3] == ["Atom-Alarm", "!", "Hat"]
    assert all(title[t.start:t.end] == t.text and t.upos for t in doc.headline.tokens)
    assert [s.heading for s in doc.sentences] == [False, True, False]
    prev = 0
    for s in doc.sentences:
        assert prev <= s.start < s.end <= len(body)
        prev = s.end
        for t in s.tokens:
            assert s.start <= t.start < t.end <= s.end and body[t.start:t.end] == t.text


def test_empty_body(layer):
    doc = run(layer, "")
    assert doc.sentences == [] and doc.entities == []


def test_cached_encoder_matches_reference_features(layer):
    from quellenlage.language.ner import ner_features
    from quellenlage.language.perceptron import _pos_context, pos_features

    a = layer.analyzer
    words = "Der US-Geheimdienst warnt , dass Matt Shoemaker „ habe “ .".split()
    r_ref = a.pos.rows(pos_features(words))
    r_enc = a.pos_encoder.encode(words, _pos_context(words))
    assert np.array_equal(np.sort(r_ref, axis=1), np.sort(r_enc, axis=1))
    upos, _ = a.tag(words)
    ner = a.ner
    r_ref = ner.model.rows(ner_features(words, upos, ner.lex, ner.clusters, ner.loc))
    r_enc = ner.encoder.encode(words, ner.featurizer.context(words, upos))
    assert np.array_equal(np.sort(r_ref, axis=1), np.sort(r_enc, axis=1))


def test_tag_cli_jsonl_and_conllu(tmp_path, capsys):
    from quellenlage.cli import main

    p = tmp_path / "a.txt"
    body = "Der Sprecher sagte, die Regierung habe nichts gewusst.\n\nNeue Fragen\n"
    p.write_text("Ein Titel\n\n" + body, encoding="utf-8")
    assert main(["tag", str(p)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(lines) == 2
    s0 = lines[0]
    assert body[s0["start"]:s0["end"]] == "Der Sprecher sagte, die Regierung habe nichts gewusst."
    habe = next(t for t in s0["tokens"] if t["text"] == "habe")
    assert habe["mood"] == "subj1" and habe["upos"] == "AUX" and habe["lemma"] == "haben"
    assert set(habe) == {"text", "start", "end", "upos", "xpos", "lemma", "mood", "ent"}
    for t in s0["tokens"]:
        assert body[t["start"]:t["end"]] == t["text"]
    assert main(["tag", str(p), "--format", "conllu"]) == 0
    out = capsys.readouterr().out
    assert "# sent_id = s1" in out and "# heading = true" in out
    row = next(r.split("\t") for r in out.splitlines() if r.startswith(tuple("0123456789")) and "\thabe\t" in r)
    assert len(row) == 10 and row[5] == "Mood=Sub|VerbForm=Fin" and "Konjunktiv=1" in row[9]


def test_tag_cli_bad_input(tmp_path, capsys):
    from quellenlage.cli import main

    p = tmp_path / "empty.txt"
    p.write_text("", encoding="utf-8")
    assert main(["tag", str(p)]) == 2
    assert "error" in capsys.readouterr().err


@needs_shared
def test_seed_article(layer):
    from quellenlage.io.readers import read_path

    art = read_path(SEED)
    doc = layer(Doc(article=art))
    ents = {(e.text, e.label) for e in doc.entities}
    assert ("Daily Express", "MEDIA") in ents
    assert ("Matt Shoemaker", "PER") in ents
    moods = {t.text: t.mood for s in doc.sentences for t in s.tokens if t.mood}
    assert moods.get("könnte") == "subj2" and moods.get("warnt") == "ind"
    assert doc.headline is not None and doc.headline.tokens
