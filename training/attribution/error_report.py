"""Where the WikiNews quotation figures lose their tokens (error breakdown for tuning).

    python training/attribution/error_report.py GOLD_DIR PRED_DIR

PRED_DIR holds one claim map per gold file (e.g. `quellenlage eval quotes GOLD_DIR --pred-out
PRED_DIR`). Uses the alignment of the shared scorer (score_quotes.py) and splits each
role's token errors into those inside aligned quote pairs and those of unaligned quotes
(missed gold quotes, spurious predicted quotes), then prints what F1 would be if one kind
of error went away — the ceilings that tell which kind of work can reach a target.
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import sys

from quellenlage.evaluation.quotes import load_scorer

PARTS = ("content", "cue", "speaker", "addressee")


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp or fp or fn else 0.0


def breakdown(gold_dir: pathlib.Path, pred_dir: pathlib.Path, simplified: bool) -> dict[str, collections.Counter]:
    sc = load_scorer()
    out = {p: collections.Counter() for p in PARTS}
    out["quotes"] = collections.Counter()
    for f in sorted(gold_dir.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        toks = g["tokens"]
        gold = [{"content": set(a["quote"]["tokenIds"]), "nested": bool(a.get("isNested")),
                 **{r: set((a.get(r) or {}).get("tokenIds") or []) for r in sc.ROLES}} for a in g["annotations"]]
        try:
            pq = json.loads((pred_dir / f.name).read_text(encoding="utf-8")).get("quotes", [])
        except (OSError, ValueError):
            pq = []
        pred = [{"content": sc.token_ids(q.get("content"), toks), **{r: sc.token_ids(q.get(r), toks) for r in sc.ROLES}}
                for q in pq]
        pairs = sc.align(pred, gold)
        if simplified:  # the scorer's simplified task: non-nested gold, predictions not aligned to nested ones
            pred = [p for i, p in enumerate(pred) if not any(i == a and gold[b]["nested"] for a, b in pairs)]
            gold = [q for q in gold if not q["nested"]]
            pairs = sc.align(pred, gold)
        for i, j in pairs:
            for r in PARTS:
                p, q = pred[i][r], gold[j][r]
                out[r]["tp"] += len(p & q)
                out[r]["fp"] += len(p - q)
                out[r]["fn"] += len(q - p)
        pi, gj = {i for i, _ in pairs}, {j for _, j in pairs}
        out["quotes"]["aligned"] += len(pairs)
        out["quotes"]["spurious"] += len(pred) - len(pi)
        out["quotes"]["missed"] += len(gold) - len(gj)
        for i, p in enumerate(pred):
            if i not in pi:
                for r in PARTS:
                    out[r]["spurious"] += len(p[r])
        for j, q in enumerate(gold):
            if j not in gj:
                for r in PARTS:
                    out[r]["missed"] += len(q[r])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=pathlib.Path)
    ap.add_argument("pred", type=pathlib.Path)
    a = ap.parse_args()
    for simplified in (False, True):
        b = breakdown(a.gold, a.pred, simplified)
        q = b["quotes"]
        print(f"{'simplified (non-nested gold)' if simplified else 'full task'}: "
              f"{q['aligned']} aligned, {q['missed']} missed gold, {q['spurious']} spurious predicted quotes")
        print(f"  {'tokens':10s} {'tp':>6s} {'fp':>6s} {'fn':>6s} {'missed':>7s} {'spur.':>6s}   F1  | aligned-only"
              f" | no spurious | no missed")
        for r in PARTS:
            c = b[r]
            tp, fp, fn, mi, sp = c["tp"], c["fp"], c["fn"], c["missed"], c["spurious"]
            print(f"  {r:10s} {tp:6d} {fp:6d} {fn:6d} {mi:7d} {sp:6d}  {_f1(tp, fp + sp, fn + mi):.3f} | "
                  f"{_f1(tp, fp, fn):.3f}        | {_f1(tp, fp, fn + mi):.3f}       | {_f1(tp, fp + sp, fn):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
