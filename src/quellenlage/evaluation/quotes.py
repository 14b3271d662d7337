"""`quellenlage eval quotes GOLD_DIR`: run the tool over WikiNews quotation gold and score it.

The metric is that of ``../shared/eval/score_quotes.py`` (the reference). When the shared
scorer is present it is loaded and used as is; otherwise the faithful copy in
`quellenlage.evaluation._score_quotes` is used, so the command works without ../shared.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import tempfile
from types import ModuleType

from quellenlage.errors import InputError
from quellenlage.evaluation.common import load_reference, write_claim_maps


def load_scorer() -> ModuleType:
    """The shared reference scorer if available, else the bundled copy."""
    return load_reference("score_quotes.py", "_score_quotes")


def predict(gold_dir: pathlib.Path, pred_dir: pathlib.Path) -> int:
    """Analyse each gold article (its `originalText` is the body, as `score_quotes.py --inputs` writes
    it) into a claim map of the same file name."""
    from quellenlage.model import Article

    def articles():
        for f in sorted(gold_dir.glob("*.json")):
            g = json.loads(f.read_text(encoding="utf-8"))
            yield f.name, Article(body=g["originalText"], title=None, id=g["documentName"])

    return write_claim_maps(articles(), pred_dir)


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
