"""`quellenlage eval claims GOLD_DIR`: run the default pipeline over a gold directory and print
exactly the figures of ``../shared/eval/score_claims.py``.

The shared scorer is imported when it sits next to the gold directory (or at ../shared/eval);
otherwise a byte-faithful copy shipped in this package (`_score_claims_ref.py`) is used, so the
command also works without ../shared. Inputs are written the way ``score_claims.py --inputs``
writes them, and the tool runs in-process over them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from quellenlage.errors import InputError
from quellenlage.evaluation.common import load_reference, write_claim_maps

# The same lines score_claims.py prints (kept in one place so they cannot drift).
_FORMAT = (
    "{articles} articles, {sentences} sentences, {missing} without prediction",
    "certainty  macro-F1 {cm:.3f}  acc {ca:.3f}  hedge-F1 {hf:.3f}",
    "attribution macro-F1 {am:.3f}  acc {aa:.3f}  attributed-F1 {af:.3f}  source-kind acc {sk:.3f}",
    "headline   form acc {fa:.3f}  clickbait-F1 {cb:.3f}  support macro-F1 {sm:.3f}  overstates-F1 {of:.3f}",
)


def load_scorer(gold_dir: Path | None = None) -> ModuleType:
    """The shared reference scorer if reachable (also beside the gold directory), else the copy."""
    extra = [] if gold_dir is None else [gold_dir.parent / "score_claims.py",
                                         gold_dir.parent.parent / "eval" / "score_claims.py"]
    return load_reference("score_claims.py", "_score_claims_ref", extra)


def format_lines(r: dict) -> list[str]:
    return [
        _FORMAT[0].format(articles=r["articles"], sentences=r["sentences"], missing=r["missing_predictions"]),
        _FORMAT[1].format(cm=r["certainty"]["macro_f1"], ca=r["certainty"]["accuracy"],
                          hf=r["hedge_detection_f1"]),
        _FORMAT[2].format(am=r["attribution"]["macro_f1"], aa=r["attribution"]["accuracy"],
                          af=r["attributed_detection_f1"], sk=r["source_kind_accuracy"]),
        _FORMAT[3].format(fa=r["headline_form_accuracy"], cb=r["clickbait_f1"],
                          sm=r["headline_support"]["macro_f1"], of=r["overstates_f1"]),
    ]


def predict_dir(inputs: Path, pred_dir: Path) -> None:
    """Analyse every input article (score_claims.py --inputs format) into pred_dir/<same name>."""
    from quellenlage.io import article_from_dict

    write_claim_maps(((f.name, article_from_dict(json.loads(f.read_text(encoding="utf-8"))))
                      for f in sorted(inputs.glob("*.json"))), pred_dir)


def claim_accuracy(gold_dir: Path, pred_dir: Path, scorer: ModuleType) -> float:
    """Claim-worthiness accuracy (sentence `claim` flag), aligned the way the scorer aligns."""
    pairs = []
    for f in sorted(gold_dir.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        try:
            psents = json.loads((pred_dir / f.name).read_text(encoding="utf-8"))["sentences"]
        except (OSError, ValueError, KeyError):
            psents = []
        off = scorer.body_start(g)
        for s in g["sentences"]:
            ps = scorer.best_sentence(psents, s["start"] - off, s["end"] - off) or {}
            pairs.append((bool(s["claim"]), ps.get("claim")))
    return round(sum(a == b for a, b in pairs) / len(pairs), 4) if pairs else 0.0


def evaluate(gold_dir: Path, pred_out: Path | None = None) -> tuple[dict, ModuleType, Path]:
    if not gold_dir.is_dir() or not any(gold_dir.glob("*.json")):
        raise InputError(f"gold directory {gold_dir} does not exist or holds no *.json files")
    scorer = load_scorer(gold_dir)
    tmp = tempfile.TemporaryDirectory(prefix="ql-eval-")
    inputs = Path(tmp.name) / "inputs"
    pred_dir = pred_out if pred_out is not None else Path(tmp.name) / "pred"
    scorer.write_inputs(gold_dir, inputs)
    predict_dir(inputs, pred_dir)
    result = scorer.score(gold_dir, pred_dir)
    result["_tmp"] = tmp  # keep the temp dir alive for callers that read pred_dir
    return result, scorer, pred_dir


def run(args: argparse.Namespace) -> int:
    gold_dir = Path(args.gold_dir)
    pred_out = Path(args.pred_out) if getattr(args, "pred_out", None) else None
    r, _, _ = evaluate(gold_dir, pred_out)
    r.pop("_tmp").cleanup()
    if getattr(args, "json", False):
        print(json.dumps(r))
    else:
        for line in format_lines(r):
            print(line)
    sys.stdout.flush()
    return 0


def component_timings(gold_dir: Path, passes: int = 3) -> dict[str, float]:
    """Mean milliseconds per article for each pipeline component over a gold directory."""
    import time

    from quellenlage.model import Article, Doc
    from quellenlage.pipeline import get_pipeline

    pipe = get_pipeline()
    scorer = load_scorer(gold_dir)
    arts = []
    for f in sorted(gold_dir.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        arts.append(Article(body=g["text"][scorer.body_start(g):], title=g["headline"]["text"]))
    tot = dict.fromkeys(pipe.names, 0.0)
    for _ in range(passes):
        for a in arts:
            doc = Doc(article=a)
            for name, comp in zip(pipe.names, pipe.components, strict=True):
                t = time.perf_counter()
                doc = comp(doc)
                tot[name] += time.perf_counter() - t
    n = passes * len(arts) or 1
    return {k: round(1000 * v / n, 2) for k, v in tot.items()}


if __name__ == "__main__":  # python -m quellenlage.evaluation.claims --speed GOLD_DIR
    ap = argparse.ArgumentParser(description="per-component timings over a gold directory")
    ap.add_argument("--speed", type=Path, required=True, metavar="GOLD_DIR")
    print(json.dumps({"ms_per_article": component_timings(ap.parse_args().speed)}))
