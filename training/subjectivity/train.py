#!/usr/bin/env python3
"""Train the sentence subjectivity model (hashed n-gram logistic regression).

    .venv/bin/python training/subjectivity/train.py [--data ../shared/data/checkthat2025-task1-subjectivity/german]

Trains on train_de (+ dev_de for the final model, --final), picks C and the decision threshold on
dev_de, reports macro-F1 on dev_test_de, writes src/quellenlage/models/subjectivity/subjectivity_lr.npz.
Needs scipy (training only; inference is numpy).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from scipy.sparse import csr_matrix

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
from quellenlage.certainty.subjectivity import MODEL_PATH, N_FEATURES, vectorize  # noqa: E402


def load(path: Path) -> tuple[list[str], np.ndarray]:
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r["sentence"] for r in rows], np.array([r["label"] == "SUBJ" for r in rows], dtype=float)


def matrix(sents: list[str]) -> csr_matrix:
    d, i, p = vectorize(sents)
    return csr_matrix((d, i, p), shape=(len(sents), N_FEATURES))


def fit(X: csr_matrix, y: np.ndarray, l2: float, pos_weight: float) -> tuple[np.ndarray, float]:
    sw = np.where(y > 0, pos_weight, 1.0)

    def f(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        z = X @ w + b
        p = 1 / (1 + np.exp(-z))
        eps = 1e-12
        loss = -(sw * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))).sum() + 0.5 * l2 * w @ w
        g = sw * (p - y)
        return loss, np.concatenate([X.T @ g + l2 * w, [g.sum()]])

    res = minimize(f, np.zeros(N_FEATURES + 1), jac=True, method="L-BFGS-B", options={"maxiter": 400})
    return res.x[:-1], float(res.x[-1])


def macro_f1(y: np.ndarray, pred: np.ndarray) -> tuple[float, float]:
    f1s = []
    for lab in (1, 0):
        tp = ((pred == lab) & (y == lab)).sum()
        fp = ((pred == lab) & (y != lab)).sum()
        fn = ((pred != lab) & (y == lab)).sum()
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return float(np.mean(f1s)), float(f1s[0])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path,
                    default=ROOT.parent / "shared/data/checkthat2025-task1-subjectivity/german")
    ap.add_argument("--final", action="store_true", help="refit on train+dev with the chosen settings")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    a = ap.parse_args()
    tr_s, tr_y = load(a.data / "train_de.tsv")
    dv_s, dv_y = load(a.data / "dev_de.tsv")
    te_s, te_y = load(a.data / "dev_test_de.tsv")
    Xtr, Xdv, Xte = matrix(tr_s), matrix(dv_s), matrix(te_s)
    best = None
    for l2 in (0.3, 1.0, 3.0):
        for pw in (1.0, 1.5):
            w, b = fit(Xtr, tr_y, l2, pw)
            pdv = 1 / (1 + np.exp(-(Xdv @ w + b)))
            for th in np.arange(0.3, 0.71, 0.05):
                m, _ = macro_f1(dv_y, (pdv >= th).astype(float))
                if best is None or m > best[0]:
                    best = (m, l2, pw, float(th), w, b)
            print(f"l2={l2} pos_weight={pw} best dev macro-F1 so far {best[0]:.4f}", file=sys.stderr)
    m_dev, l2, pw, th, w, b = best
    if a.final:
        w, b = fit(matrix(tr_s + dv_s), np.concatenate([tr_y, dv_y]), l2, pw)
    pte = 1 / (1 + np.exp(-(Xte @ w + b)))
    m_te, subj_te = macro_f1(te_y, (pte >= th).astype(float))
    report = {"l2": l2, "pos_weight": pw, "threshold": round(th, 2), "dev_macro_f1": round(m_dev, 4),
              "final_refit_on_train_dev": a.final,
              "dev_test_macro_f1": round(m_te, 4), "dev_test_subj_f1": round(subj_te, 4)}
    print(json.dumps(report))
    a.out.parent.mkdir(parents=True, exist_ok=True)
    # float16 keeps the file small; precision loss is irrelevant for a linear scorer.
    np.savez_compressed(a.out, w=w.astype(np.float16), b=np.float64(b), threshold=np.float64(th))
    (a.out.parent / "metrics.json").write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
