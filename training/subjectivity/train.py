#!/usr/bin/env python3
"""Train the sentence subjectivity model (hashed n-gram logistic regression).

    .venv/bin/python training/subjectivity/train.py [--data ../shared/data/checkthat2025-task1-subjectivity/german]

Trains on train_de (+ dev_de for the final model, --final), optionally plus soft labels of
unlabelled news sentences from a stronger teacher (--pseudo, see teacher.py), picks L2, class
weight, pseudo-label weight and the decision threshold on dev_de, reports macro-F1 on dev_test_de
(never used for selection), writes src/quellenlage/models/subjectivity/subjectivity_lr.npz.
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
from scipy.sparse import csr_matrix, vstack

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


def fit_dense(X: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Plain L2 logistic regression on dense features (used by the distillation teacher)."""
    def f(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        p = 1 / (1 + np.exp(-(X @ w + b)))
        eps = 1e-12
        loss = -(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)).sum() + 0.5 * l2 * w @ w
        return loss, np.concatenate([X.T @ (p - y) + l2 * w, [(p - y).sum()]])

    res = minimize(f, np.zeros(X.shape[1] + 1), jac=True, method="L-BFGS-B")
    return res.x[:-1], float(res.x[-1])


def fit(X: csr_matrix, y: np.ndarray, l2: float, pos_weight: float,
        sample_weight: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """L2 logistic regression; y may be soft (teacher probabilities) for distillation."""
    sw = np.where(y > 0.5, pos_weight, 1.0)
    if sample_weight is not None:
        sw = sw * sample_weight

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
    ap.add_argument("--pseudo", type=Path, nargs="*", default=[], help="soft labels from teacher.py (distillation)")
    ap.add_argument("--final", action="store_true", help="refit on train+dev with the chosen settings")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    a = ap.parse_args()
    tr_s, tr_y = load(a.data / "train_de.tsv")
    dv_s, dv_y = load(a.data / "dev_de.tsv")
    te_s, te_y = load(a.data / "dev_test_de.tsv")
    Xtr, Xdv, Xte = matrix(tr_s), matrix(dv_s), matrix(te_s)
    ps_s: list[str] = []
    ps_y = np.zeros(0)
    for path in a.pseudo:
        z = np.load(path, allow_pickle=True)
        ps_s += [str(x) for x in z["s"]]
        ps_y = np.concatenate([ps_y, np.asarray(z["p"], dtype=float)])
    Xps = matrix(ps_s) if ps_s else None
    alphas = (0.0, 1.0, 4.0, 8.0) if ps_s else (0.0,)
    best = None
    for alpha in alphas:
        for l2 in (0.3, 1.0, 3.0):
            for pw in ((1.0, 1.5) if not alpha else (1.0,)):
                if alpha and Xps is not None:
                    X = vstack([Xtr, Xps]).tocsr()
                    y = np.concatenate([tr_y, ps_y])
                    sw = np.concatenate([np.ones(len(tr_y)), np.full(len(ps_y), alpha)])
                else:
                    X, y, sw = Xtr, tr_y, None
                w, b = fit(X, y, l2, pw, sw)
                pdv = 1 / (1 + np.exp(-(Xdv @ w + b)))
                for th in np.arange(0.3, 0.71, 0.05):
                    m, _ = macro_f1(dv_y, (pdv >= th).astype(float))
                    if best is None or m > best[0]:
                        best = (m, l2, pw, float(th), alpha, w, b)
                print(f"alpha={alpha} l2={l2} pos_weight={pw}: best dev macro-F1 so far {best[0]:.4f}",
                      file=sys.stderr)
    m_dev, l2, pw, th, alpha, w, b = best
    if a.final:
        X, y = vstack([Xtr, Xdv]).tocsr(), np.concatenate([tr_y, dv_y])
        sw = None
        if alpha and Xps is not None:
            X = vstack([X, Xps]).tocsr()
            y = np.concatenate([y, ps_y])
            sw = np.concatenate([np.ones(len(tr_y) + len(dv_y)), np.full(len(ps_y), alpha)])
        w, b = fit(X, y, l2, pw, sw)
    pte = 1 / (1 + np.exp(-(Xte @ w + b)))
    m_te, subj_te = macro_f1(te_y, (pte >= th).astype(float))
    report = {"l2": l2, "pos_weight": pw, "threshold": round(th, 2), "pseudo_weight": alpha,
              "pseudo_sentences": len(ps_s) if alpha else 0, "dev_macro_f1": round(m_dev, 4),
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
