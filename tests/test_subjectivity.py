"""Sentence subjectivity model (hashed n-gram logistic regression, numpy only)."""

from __future__ import annotations

from conftest import SHARED, needs_shared
from quellenlage.certainty.subjectivity import MODEL_PATH, SubjectivityModel, features


def test_features_are_deterministic() -> None:
    s = "Das ist pure Ignoranz!"
    assert features(s) == features(s) and len(features(s)) > 10


def test_model_ships_and_ranks_opinion_above_report() -> None:
    assert MODEL_PATH.exists(), "weights must ship in src/quellenlage/models/subjectivity/"
    m = SubjectivityModel()
    opinion = m.score("Das ist doch eine unerträgliche Heuchelei dieser arroganten Regierung!")
    report = m.score("Der Bundestag hat am Donnerstag den Haushalt für 2024 beschlossen.")
    assert 0.0 <= report < opinion <= 1.0
    label, p = m.label("Der Bundestag hat am Donnerstag den Haushalt für 2024 beschlossen.")
    assert label == "objective" and p == report


def test_missing_model_is_not_fatal(tmp_path) -> None:
    m = SubjectivityModel(tmp_path / "none.npz")
    assert not m.available


@needs_shared
def test_shipped_model_reaches_target_on_dev_test() -> None:
    import csv

    path = SHARED / "data" / "checkthat2025-task1-subjectivity" / "german" / "dev_test_de.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    m = SubjectivityModel()
    gold = [r["label"] == "SUBJ" for r in rows]
    pred = [m.label(r["sentence"])[0] == "subjective" for r in rows]
    f1s = []
    for lab in (True, False):
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn))
    assert sum(f1s) / 2 >= 0.72
