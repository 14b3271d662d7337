"""`quellenlage eval quotes`: same figures as the shared reference scorer."""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys

import pytest

from conftest import SHARED, needs_shared
from quellenlage.errors import InputError
from quellenlage.evaluation import _score_quotes
from quellenlage.evaluation.quotes import run

TEXT = ("Der Minister sagte, dass die Steuern steigen würden. "
        "„Wir haben keine andere Wahl mehr“, sagte Müller am Montag.")


def _tokens(text: str) -> list[dict]:
    import re

    return [{"id": i, "charBegin": m.start(), "charEnd": m.end()}
            for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", text))]


def _span_ids(toks: list[dict], s: int, e: int) -> list[int]:
    return [t["id"] for t in toks if t["charBegin"] < e and s < t["charEnd"]]


def make_gold(d: pathlib.Path) -> pathlib.Path:
    """A tiny gold directory in the WikiNews quotation format."""
    d.mkdir(parents=True, exist_ok=True)
    toks = _tokens(TEXT)

    def role(sub: str, nth: int = 0) -> dict:
        s = -1
        for _ in range(nth + 1):
            s = TEXT.index(sub, s + 1)
        return {"tokenIds": _span_ids(toks, s, s + len(sub))}

    ann = [
        {"type": "Indirect", "isNested": False, "quote": role("dass die Steuern steigen würden"),
         "cue": role("sagte"), "speaker": role("Der Minister"), "addressee": None},
        {"type": "Direct", "isNested": False, "quote": role("„Wir haben keine andere Wahl mehr“"),
         "cue": role("sagte", 1), "speaker": role("Müller"), "addressee": None},
    ]
    doc = {"documentName": "t1", "originalText": TEXT, "tokens": toks, "annotations": ann, "sentences": []}
    (d / "t1.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return d


def test_eval_quotes_runs_and_scores(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture) -> None:
    gold = make_gold(tmp_path / "gold")
    pred = tmp_path / "pred"
    rc = run(argparse.Namespace(gold_dir=str(gold), json=True, pred_out=str(pred)))
    assert rc == 0
    r = json.loads(capsys.readouterr().out)
    assert r["documents"] == 1 and r["gold_quotes"] == 2 and r["missing_predictions"] == 0
    assert r["message"]["f1"] > 0.9 and r["simplified"]["speaker"]["f1"] > 0.9
    # same figures as the bundled copy of the reference metric on the written claim maps
    assert r == _score_quotes.score(gold, pred)
    cm = json.loads((pred / "t1.json").read_text(encoding="utf-8"))
    assert cm["schema"] == "quellenlage.claim-map/1"


def test_eval_quotes_text_output(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture) -> None:
    gold = make_gold(tmp_path / "gold")
    assert run(argparse.Namespace(gold_dir=str(gold), json=False, pred_out=None)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("1 documents, 2 gold")
    assert out[1].startswith("message ") and out[4].startswith("type F1")


def test_eval_quotes_bad_dir(tmp_path: pathlib.Path) -> None:
    with pytest.raises(InputError):
        run(argparse.Namespace(gold_dir=str(tmp_path / "missing"), json=False, pred_out=None))
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError):
        run(argparse.Namespace(gold_dir=str(tmp_path / "empty"), json=False, pred_out=None))


@needs_shared
def test_bundled_scorer_is_the_reference(tmp_path: pathlib.Path) -> None:
    ref = (SHARED / "eval" / "score_quotes.py").read_text(encoding="utf-8")
    mine = pathlib.Path(_score_quotes.__file__).read_text(encoding="utf-8")
    strip = [ln for ln in mine.splitlines() if not ln.startswith(("# Faithful copy", "# ruff: noqa"))]
    assert "\n".join(strip) == ref.rstrip("\n")


@needs_shared
def test_same_output_as_reference_script(tmp_path: pathlib.Path) -> None:
    gold = make_gold(tmp_path / "gold")
    pred = tmp_path / "pred"
    ours = subprocess.run([sys.executable, "-m", "quellenlage", "eval", "quotes", str(gold), "--pred-out", str(pred)],
                          capture_output=True, text=True, timeout=300)
    assert ours.returncode == 0, ours.stderr
    ref = subprocess.run([sys.executable, str(SHARED / "eval" / "score_quotes.py"), "--gold", str(gold),
                          "--pred", str(pred)], capture_output=True, text=True, timeout=300)
    assert ours.stdout == ref.stdout
