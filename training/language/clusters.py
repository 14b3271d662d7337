"""Distributional word clusters from unlabelled text (for NER features).

Context counts (left/right neighbour among the 1,500 most frequent words) -> PPMI -> truncated
SVD (64 dims) -> spherical k-means with 128 and 512 clusters. Words seen >= 3 times get a
cluster pair "c128|c512". Text: the GermEval training part (never the held-out part), GePaDe,
UD GSD dev + PUD, and (with `nc=True`) the WikiNews training texts and 10kGNAD (CC BY-NC-SA).
"""

from __future__ import annotations

import csv
import io
import json
import tarfile
from collections import Counter

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.linalg import svds
from training.language.data import GSD_DEV, PUD, SHARED, read_surface


def corpus(train_germeval: list, nc: bool) -> list[list[str]]:
    from training.language.silver_hanta import gepade_sentences

    sents = [[w for w, _ in s] for s in train_germeval]
    sents += gepade_sentences()
    sents += [s.tokens for s in read_surface(GSD_DEV)] + [s.tokens for s in read_surface(PUD, stts=False)]
    if nc:
        from quellenlage.language.tokenizer import tokenize

        with tarfile.open(SHARED / "german-news-quotation-attribution-2024" / "train.tar.xz") as tf:
            for m in tf.getmembers():
                if m.isfile() and m.name.endswith(".json"):
                    d = json.load(tf.extractfile(m))
                    toks = d["tokens"] if isinstance(d.get("tokens"), list) else None
                    if toks and isinstance(toks[0], str):
                        sents.append(toks)
                    elif toks and isinstance(toks[0], dict):
                        sents.append([t.get("text") or t.get("token") or "" for t in toks])
                    else:
                        text = d.get("originalText", "")
                        sents.append([text[a:b] for a, b in tokenize(text)])
        with open(SHARED / "10kgnad" / "test.csv", encoding="utf-8") as f:
            for row in csv.reader(f, delimiter=";", quotechar="'"):
                if len(row) >= 2:
                    text = row[1]
                    sents.append([text[a:b] for a, b in tokenize(text)])
    return sents


def build(sents: list[list[str]], min_count: int = 3, n_ctx: int = 1500, dim: int = 64,
          ks: tuple[int, ...] = (128, 512), log=print) -> dict[str, str]:
    cnt = Counter(w for s in sents for w in s)
    vocab = [w for w, c in cnt.items() if c >= min_count]
    vi = {w: i for i, w in enumerate(vocab)}
    ctx_words = [w for w, _ in Counter(w.lower() for s in sents for w in s).most_common(n_ctx)]
    ci = {w: i for i, w in enumerate(ctx_words)}
    rows, cols = [], []
    for s in sents:
        low = [w.lower() for w in s]
        for i, w in enumerate(s):
            r = vi.get(w)
            if r is None:
                continue
            for off, base in ((-1, 0), (1, n_ctx), (-2, 2 * n_ctx), (2, 3 * n_ctx)):
                j = i + off
                if 0 <= j < len(s):
                    c = ci.get(low[j])
                    if c is not None:
                        rows.append(r)
                        cols.append(base + c)
    M = coo_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                   shape=(len(vocab), 4 * n_ctx)).tocsr()
    M.sum_duplicates()
    total = M.sum()
    rs = np.asarray(M.sum(axis=1)).ravel() + 1e-9
    cs = np.asarray(M.sum(axis=0)).ravel() + 1e-9
    M = M.tocoo()
    pmi = np.log(M.data * total / (rs[M.row] * cs[M.col] ** 0.75 * (cs.sum() ** 0.25)))
    keep = pmi > 0
    P = coo_matrix((pmi[keep], (M.row[keep], M.col[keep])), shape=M.shape).tocsr()
    log(f"clusters: {len(vocab)} words, {P.nnz} PPMI entries")
    U, S, _ = svds(P, k=dim)
    X = U * np.sqrt(S)
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-9
    rng = np.random.default_rng(0)
    labels = []
    for k in ks:
        C = X[rng.choice(len(X), k, replace=False)]
        for _ in range(15):
            a = (X @ C.T).argmax(axis=1)
            for c in range(k):
                m = a == c
                if m.any():
                    v = X[m].sum(axis=0)
                    C[c] = v / (np.linalg.norm(v) + 1e-9)
        labels.append((X @ C.T).argmax(axis=1))
    return {w: "|".join(str(int(lab[i])) for lab in labels) for i, w in enumerate(vocab)}


if __name__ == "__main__":
    from training.language.train_ner import split

    tr, _ = split()
    out = build(corpus(tr, nc=True))
    print(len(out), list(out.items())[:5], io.StringIO)
