"""`quellenlage eval quotes GOLD_DIR`: run the tool over WikiNews quotation gold and score it.

The metric is that of ``../shared/eval/score_quotes.py`` (the reference). When the shared
scorer is present it is loaded and used as is; otherwise the faithful copy in
`quellenlage.evaluation._score_quotes` is used, so the command works without ../shared.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pathlib
import sys
import tempfile
from types import ModuleType

from quellenlage.errors import InputError

_SHARED_SCORER = pathlib.Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "score_quotes.py"


def load_scorer() -> ModuleType:
    """The shared reference scorer if available, else the bundled copy."""
    if _SHARED_SCORER.is_file():
        spec = importlib.util.spec_from_file_location("_shared_score_quotes", _SHARED_SCORER)
        if spec and spec.loader:
            mod = importlib.util.module_from_spec(spec)
            try:
                spec.loader.exec_module(mod)
                return mod
            except Exception:  # noqa: BLE001 - fall back to the bundled copy
                pass
    from quellenlage.evaluation import _score_quotes

    return _score_quotes


def predict(gold_dir: pathlib.Path, pred_dir: pathlib.Path) -> int:
    """Write the tool inputs like `score_quotes.py --inputs` does, analyse each, write claim maps."""
    from quellenlage.model import Article
    from quellenlage.pipeline import get_pipeline

    pipe = get_pipeline()
    pred_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for f in sorted(gold_dir.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        art = {"id": g["documentName"], "title": None, "body": g["originalText"]}
        cm = pipe.analyze(Article(body=art["body"], title=art["title"], id=art["id"]))
        (pred_dir / f.name).write_text(json.dumps(cm, ensure_ascii=False), encoding="utf-8")
        n += 1
    return n


def print_result(r: dict) -> None:
    # same text as score_quotes.py main()
    print(f"{r['documents']} documents, {r['gold_quotes']} gold / {r['pred_quotes']} predicted quotes, "
          f"{r['missing_predictions']} without prediction")
    for k in ("message", "roles", "joint"):
        print(f"{k:8s} P {r[k]['p']:.3f} R {r[k]['r']:.3f} F1 {r[k]['f1']:.3f}")
    print(f"type F1 {r['type_f1']:.3f}   simplified: message F1 {r['simplified']['message']['f1']:.3f}  "
          f"speaker F1 {r['simplified']['speaker']['f1']:.3f}")


def run(args: argparse.Namespace) -> int:
    gold = pathlib.Path(args.gold_dir)
    if not gold.is_dir():
        raise InputError(f"gold directory not found: {gold}")
    if not any(gold.glob("*.json")):
        raise InputError(f"no gold JSON files in {gold}")
    scorer = load_scorer()
    with tempfile.TemporaryDirectory(prefix="ql-quotes-") as td:
        pred = pathlib.Path(args.pred_out) if getattr(args, "pred_out", None) else pathlib.Path(td)
        try:
            predict(gold, pred)
        except (KeyError, ValueError) as e:
            raise InputError(f"{gold}: not in the WikiNews quotation format ({e})") from None
        r = scorer.score(gold, pred)
    if getattr(args, "json", False):
        print(json.dumps(r))
    else:
        print_result(r)
    sys.stdout.flush()
    return 0
