"""`quellenlage eval claims` prints exactly what ../shared/eval/score_claims.py prints."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED, needs_shared
from quellenlage.errors import InputError
from quellenlage.evaluation import _score_claims_ref
from quellenlage.evaluation.claims import format_lines, run

REF = ROOT / "src" / "quellenlage" / "evaluation" / "_score_claims_ref.py"


def _synthetic_gold(d) -> None:
    title = "Kühltürme gesprengt"
    body = "Die Stadt hat die Kühltürme gesprengt. Hat das geklappt?"
    text = f"x1:\n\n{title}\n\n{body}"
    hs = text.index(title)
    b0 = hs + len(title) + 2
    g = {"id": "x1", "text": text,
         "headline": {"start": hs, "end": hs + len(title), "text": title, "form": "statement",
                      "clickbait": False, "clickbait_cues": [], "support": "supported", "overstates": False},
         "sentences": [
             {"sid": 1, "start": b0, "end": b0 + 38, "certainty": "certain", "claim": True, "cues": [],
              "attribution": "none", "source": None, "source_kind": None, "channel": None},
             {"sid": 2, "start": b0 + 39, "end": b0 + len(body), "certainty": "open", "claim": False,
              "cues": ["?"], "attribution": "none", "source": None, "source_kind": None, "channel": None}]}
    (d / "x1.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")


def test_in_package_scorer_runs_without_shared(tmp_path, capsys) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    _synthetic_gold(gold)
    preds = tmp_path / "pred"
    assert run(argparse.Namespace(gold_dir=str(gold), json=False, pred_out=str(preds))) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "1 articles, 2 sentences, 0 without prediction"
    assert out[1].startswith("certainty  macro-F1 1.000")
    r = _score_claims_ref.score(gold, preds)  # the in-package copy scores the same predictions
    assert format_lines(r) == out


def test_bad_gold_dir(tmp_path) -> None:
    with pytest.raises(InputError):
        run(argparse.Namespace(gold_dir=str(tmp_path / "missing"), json=False, pred_out=None))


@needs_shared
def test_copy_is_faithful() -> None:
    shared = (SHARED / "eval" / "score_claims.py").read_text(encoding="utf-8").splitlines()
    ours = [ln for ln in REF.read_text(encoding="utf-8").splitlines() if not ln.startswith("# ruff: noqa")]
    assert ours == shared


@needs_shared
@pytest.mark.parametrize("as_json", [False, True])
def test_identical_to_shared_scorer(tmp_path, capsys, as_json: bool) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in ("atom-alarm.json", "de_WDR_V1.json", "de_Gamestar_V1.json", "ch_SRF_V1.json"):
        shutil.copy(SHARED / "eval" / "dev" / name, gold / name)
    preds = tmp_path / "pred"
    assert run(argparse.Namespace(gold_dir=str(gold), json=as_json, pred_out=str(preds))) == 0
    ours = capsys.readouterr().out
    cmd = [sys.executable, str(SHARED / "eval" / "score_claims.py"), "--gold", str(gold), "--pred", str(preds)]
    ref = subprocess.run(cmd + (["--json"] if as_json else []), capture_output=True, text=True, check=True).stdout
    assert ours == ref
