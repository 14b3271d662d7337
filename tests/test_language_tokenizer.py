"""Tokenizer and sentence splitter of the language layer."""

from __future__ import annotations

import json

from conftest import SEED, SHARED, needs_shared
from quellenlage.language.tokenizer import split_sentences, tokenize


def toks(text: str) -> list[str]:
    return [text[s:e] for s, e in tokenize(text)]


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e, _, _ in split_sentences(text)]


def test_compounds_abbreviations_numbers():
    t = "Der US-Geheimdienst warnt vor dem Nordkorea-Russland-Pakt, z. B. am 26.08.2024 um 10:30 Uhr."
    out = toks(t)
    assert "US-Geheimdienst" in out and "Nordkorea-Russland-Pakt" in out
    assert out[out.index("z."):out.index("z.") + 2] == ["z.", "B."]
    assert "26.08.2024" in out and "10:30" in out
    assert out[-1] == "."
    assert toks("Dr. Müller, Nr. 5, u. a. Bayern")[:3] == ["Dr.", "Müller", ","]
    assert toks("Ein- und Ausfuhr")[0] == "Ein-"
    assert toks("Es kostet 5,99 Euro (dpa).") == ["Es", "kostet", "5,99", "Euro", "(", "dpa", ")", "."]


def test_quotes_all_kinds():
    assert toks("„Hallo“, «Welt», ‚x‘ ``y''") == ["„", "Hallo", "“", ",", "«", "Welt", "»", ",", "‚", "x", "‘",
                                                 "``", "y", "''"]


def test_abbreviations_do_not_split():
    text = "Dr. Meier kam z. B. am 3. Oktober nach Berlin. Prof. Schmidt u. a. blieb dort."
    assert sents(text) == ["Dr. Meier kam z. B. am 3. Oktober nach Berlin.", "Prof. Schmidt u. a. blieb dort."]


def test_quote_closing_after_period_belongs_to_sentence():
    text = "Er sagte: „Das wird teuer sein.“ Danach ging er. \"Wirklich?\", fragte sie."
    assert sents(text) == ["Er sagte: „Das wird teuer sein.“", "Danach ging er.", "\"Wirklich?\", fragte sie."]


def test_ordinals_and_dates():
    assert sents("Er kam auf den 15. Platz. Der 1. FC Köln gewann am 1. Mai.") == [
        "Er kam auf den 15. Platz.", "Der 1. FC Köln gewann am 1. Mai."]


def test_line_breaks_and_headings():
    text = "Erster Satz.\n\nEine Zwischenüberschrift\n\n\"Ein Zitat beginnt hier.\n\nUnd geht weiter\", sagte er."
    out = split_sentences(text)
    got = [(text[s:e], h) for s, e, h, _ in out]
    assert got == [("Erster Satz.", False), ("Eine Zwischenüberschrift", True),
                   ("\"Ein Zitat beginnt hier.", False), ("Und geht weiter\", sagte er.", False)]
    # spans are in order and inside the text
    assert all(0 <= s < e <= len(text) for s, e, _, _ in out)
    assert all(a[1] <= b[0] for a, b in zip(out, out[1:], strict=False))


def test_token_spans_inside_sentences():
    text = "Berlin (dpa) - Die Regierung hat's geschafft. Oder?"
    for s, e, _, spans in split_sentences(text):
        assert spans[0][0] == s and spans[-1][1] == e
        assert all(s <= a < b <= e for a, b in spans)


@needs_shared
def test_seed_article_sentences():
    gold = json.loads((SHARED / "eval" / "dev" / "atom-alarm.json").read_text(encoding="utf-8"))
    off = gold["headline"]["end"] + 2
    body = gold["text"][off:]
    assert SEED.read_text(encoding="utf-8").endswith(body.rstrip("\n")) or body in SEED.read_text(encoding="utf-8")
    ours = {(s, e) for s, e, _, _ in split_sentences(body)}
    for g in gold["sentences"]:
        assert (g["start"] - off, g["end"] - off) in ours, g["text"]


@needs_shared
def test_dev_gold_boundaries():
    ok = tot = 0
    for f in sorted((SHARED / "eval" / "dev").glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        off = d["headline"]["end"] + 2 if d.get("headline") else 0
        ours = {(s, e) for s, e, _, _ in split_sentences(d["text"][off:])}
        for g in d["sentences"]:
            tot += 1
            ok += (g["start"] - off, g["end"] - off) in ours
    assert ok / tot >= 0.98
