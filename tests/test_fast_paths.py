"""The speed-ups of the pipeline give exactly the results of the plain definitions they replace."""

from __future__ import annotations

import random
import re
import threading
import zlib

import numpy as np
import pytest

from quellenlage.certainty import rules, subjectivity
from quellenlage.language import gazetteer
from quellenlage.language.perceptron import (
    POS_TEMPLATES,
    LinearModel,
    WindowEncoder,
    _pos_context,
    pos_features,
)

SENTENCES = [
    "Der US-Geheimdienst warnt, dass Matt Shoemaker „habe“ gelogen.",
    "Es ist unklar, ob die Regierung das Gerücht bestätigt; Medienberichten zufolge soll er zurücktreten.",
    "Experten erwarten, dass die Zinsen steigen – man geht davon aus, dass die EZB handelt.",
    "Ob das so bleibt, ist fraglich. Vermutlich nicht!",
    "Das Bundesinnenministerium, der BND und die Polizei ermitteln wegen Verdachts auf Spionage.",
    "ES IST NICHT AUSZUSCHLIESSEN, DASS DIE ARMEE EINGREIFT.",
    "Die Lage scheint sich zu beruhigen, sagte ein Sprecher des Pentagon.",
    "Wıe es heißt, ſoll das İnnenministerium befürchten, dass …",
    "",
    "?!",
]


def _h(s: str) -> int:
    return zlib.crc32(s.encode("utf-8")) & (subjectivity.N_FEATURES - 1)


def _reference_features(sentence: str) -> list[int]:
    """The subjectivity features as first defined: `_h` of each feature string."""
    toks = subjectivity._WORD_RE.findall(sentence)
    low = [t.lower() for t in toks]
    feats: list[int] = []
    for i, t in enumerate(low):
        feats.append(_h("w:" + t))
        if i + 1 < len(low):
            feats.append(_h("b:" + t + " " + low[i + 1]))
        if t in subjectivity._STANCE:
            feats.append(_h("s:" + t))
        if toks[i][:1].isupper() and i > 0:
            feats.append(_h("cap"))
    for w in low:
        if len(w) < 3 or not w[0].isalnum():
            continue
        padded = f" {w} "
        feats.extend(_h(f"c{n}:" + padded[j:j + n]) for n in (3, 4, 5) for j in range(len(padded) - n + 1))
    feats.append(_h(f"len:{min(len(toks) // 8, 6)}"))
    if sentence.rstrip().endswith("?"):
        feats.append(_h("end:?"))
    if sentence.rstrip().endswith("!"):
        feats.append(_h("end:!"))
    return feats


@pytest.mark.parametrize("sentence", SENTENCES + ["Grüße aus Köln – schön, oder? 😀 naïve café ẞ"])
def test_subjectivity_features_equal_hashed_strings(sentence: str) -> None:
    assert subjectivity.features(sentence) == _reference_features(sentence)


def test_subjectivity_vectorize_equals_row_by_row() -> None:
    data, idx, indptr = subjectivity.vectorize(SENTENCES)
    for k, s in enumerate(SENTENCES):
        counts: dict[int, int] = {}
        for f in _reference_features(s):
            counts[f] = counts.get(f, 0) + 1
        vals = np.log1p(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
        norm = float(np.sqrt((vals ** 2).sum())) or 1.0
        a, b = indptr[k], indptr[k + 1]
        assert idx[a:b].tolist() == list(counts)
        assert np.array_equal(data[a:b], vals / norm)


def test_phrase_prescreen_never_skips_a_matching_pattern() -> None:
    rng = random.Random(5)
    texts = SENTENCES + [s.upper() for s in SENTENCES] + [s.title() for s in SENTENCES]
    words = [w for s in SENTENCES for w in s.split()]
    texts += [" ".join(rng.choice(words) for _ in range(12)) for _ in range(300)]
    for t in texts:
        matching = {i for i, (p, _, _) in enumerate(rules._PHRASES) if p.search(t)}
        assert matching <= set(rules._phrase_candidates(t)), t
        assert rules.has_rumour(t) == bool(rules.RUMOUR_RE.search(t)), t


def test_government_heads_equal_the_regexes() -> None:
    words = ["Innenministerium", "INNENMINISTERIUM", "Stadtverwaltung", "Verwaltung\n", "Polizeı", "Amtſ",
             "İnnenministerium", "Streitkräfte", "STREITKRÄFTE", "Ämter", "Sprecherin", "Haus", ""]
    for w in words:
        for rx, ws in ((gazetteer._GOV_HEADS, gazetteer._GOV_HEAD_WORDS),
                       (gazetteer._WEAK_HEADS, gazetteer._WEAK_HEAD_WORDS)):
            assert gazetteer._ends_with(w, ws, rx) == bool(rx.search(w)), w


def _tiny_pos_model(words: list[str]) -> LinearModel:
    feats = sorted({f for fs in pos_features(words) for f in fs})
    rng = np.random.default_rng(0)
    keep = {f: i + 1 for i, f in enumerate(f for f in feats if rng.random() < 0.7)}
    return LinearModel(keep, rng.standard_normal((len(keep) + 1, 5)).astype(np.float32), list("abcde"))


def test_window_encoder_rows_and_scores_equal_reference_across_cache_generations() -> None:
    sents = [re.findall(r"\w+|[^\w\s]", s) for s in SENTENCES if s.strip()]
    model = _tiny_pos_model([w for s in sents for w in s])
    enc = WindowEncoder(model.feats, POS_TEMPLATES, max_cache=12)  # forces new cache generations
    for _ in range(3):
        rows = enc.encode_many(sents, [_pos_context(s) for s in sents])
        ref = np.concatenate([model.rows(pos_features(s)) for s in sents])
        assert np.array_equal(rows, ref)
        assert np.array_equal(model.scores_rows(rows), model.W[ref].sum(axis=1))


def test_window_encoder_is_thread_safe() -> None:
    sents = [re.findall(r"\w+|[^\w\s]", s) for s in SENTENCES if s.strip()]
    words = sorted({w for s in sents for w in s})
    model = _tiny_pos_model(words)
    enc = WindowEncoder(model.feats, POS_TEMPLATES, max_cache=40)
    rng = random.Random(1)
    jobs = [[rng.sample(words, 6) for _ in range(4)] for _ in range(60)]
    errors: list[str] = []

    def run(part: list[list[list[str]]]) -> None:
        for job in part:
            got = enc.encode_many(job, [_pos_context(s) for s in job])
            if not np.array_equal(got, np.concatenate([model.rows(pos_features(s)) for s in job])):
                errors.append(" ".join(job[0]))

    threads = [threading.Thread(target=run, args=(jobs[k::4],)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
