"""Train the NER tagger on GermEval 2014 (outer level, PER/ORG/LOC/OTH; *deriv/*part -> O).

Split (fixed, documented in docs/models/ner.md): train = NER-de-dev + test sentences with
index % 5 != 4; held out = test sentences with index % 5 == 4 (1,020 sentences).
Greedy decoding with a learned label-transition matrix; the POS feature is our own tagger's UPOS.
"""

from __future__ import annotations

import time

import numpy as np

from quellenlage.language.analyzer import Analyzer
from quellenlage.language.ner import NerTagger, ner_features
from quellenlage.language.perceptron import LinearModel, prune
from training.language.data import read_germeval
from training.language.train_pos import OUT

TYPES = ("PER", "ORG", "LOC", "OTH")


def norm(label: str) -> str:
    if label == "O" or label[2:] not in TYPES:
        return "O"
    return label


def split() -> tuple[list, list]:
    dev = read_germeval("dev")
    test = read_germeval("test")
    train = dev + [s for i, s in enumerate(test) if i % 5 != 4]
    held = [s for i, s in enumerate(test) if i % 5 == 4]
    return train, held


def spans(labels: list[str]) -> set[tuple[int, int, str]]:
    out = set()
    start = None
    for i, lab in enumerate(labels + ["O"]):
        if start is not None and (lab == "O" or lab.startswith("B-") or lab[2:] != typ):
            out.add((start, i, typ))
            start = None
        if lab != "O" and start is None:
            start, typ = i, lab[2:]
    return out


def evaluate(tagger: NerTagger, analyzer: Analyzer, held) -> dict:
    tp = fp = fn = 0
    per_type = {t: [0, 0, 0] for t in TYPES}
    for sent in held:
        words = [w for w, _ in sent]
        gold = spans([norm(lab) for _, lab in sent])
        upos, _ = analyzer.tag(words)
        S = tagger.model.scores(ner_features(words, upos))
        pred = spans([tagger.labels[c] for c in tagger.decode(S)])
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        for t in TYPES:
            g = {x for x in gold if x[2] == t}
            p = {x for x in pred if x[2] == t}
            per_type[t][0] += len(g & p)
            per_type[t][1] += len(p - g)
            per_type[t][2] += len(g - p)

    def f1(a, b, c):
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    P, R, F = f1(tp, fp, fn)
    return {"P": P, "R": R, "F1": F, "per_type": {t: f1(*v)[2] for t, v in per_type.items()},
            "sentences": len(held), "gold_entities": tp + fn}


def train(epochs: int = 8, log=print) -> dict:
    t0 = time.time()
    analyzer = Analyzer.load()
    tr, held = split()
    labels = ["O"] + [f"{p}-{t}" for t in TYPES for p in "BI"]
    li = {lab: i for i, lab in enumerate(labels)}
    data = []
    from collections import Counter

    cnt: Counter = Counter()
    for sent in tr:
        words = [w for w, _ in sent]
        upos, _ = analyzer.tag(words)
        F = ner_features(words, upos)
        cnt.update(f for fs in F for f in fs)
        data.append((F, [li[norm(lab)] for _, lab in sent]))
    feats = {f: i + 1 for i, f in enumerate(sorted(f for f, c in cnt.items() if c >= 1))}
    nl = len(labels)
    W = np.zeros((len(feats) + 1, nl))
    U = np.zeros_like(W)
    T = np.zeros((nl + 1, nl))
    TU = np.zeros_like(T)
    rows_all = [[np.array([feats[f] for f in fs], dtype=np.int64) for fs in F] for F, _ in data]
    rng = np.random.default_rng(0)
    order = np.arange(len(data))
    tmp = NerTagger(LinearModel({}, np.zeros((1, nl), dtype=np.float32), labels), np.zeros((nl + 1, nl)))
    mask = tmp.mask
    c = 1
    for ep in range(epochs):
        rng.shuffle(order)
        err = n = 0
        for k in order:
            rows = rows_all[k]
            gold = data[k][1]
            prev = nl
            for i, r in enumerate(rows):
                sc = W[r].sum(axis=0) + T[prev] + mask[prev]
                p = int(sc.argmax())
                g = gold[i]
                if p != g:
                    err += 1
                    W[r, g] += 1
                    W[r, p] -= 1
                    U[r, g] += c
                    U[r, p] -= c
                    T[prev, g] += 1
                    T[prev, p] -= 1
                    TU[prev, g] += c
                    TU[prev, p] -= c
                c += 1
                n += 1
                prev = p
        log(f"  NER epoch {ep + 1}: token error {err / n:.4f}")
    Wa = (W - U / c).astype(np.float32)
    Wa[0] = 0
    Ta = (T - TU / c).astype(np.float32)
    feats, Wa = prune(feats, Wa, threshold=0.05)
    model = LinearModel(feats, Wa, labels)
    model.save(OUT / "ner")
    np.savez_compressed(OUT / "ner_trans.npz", T=Ta.astype(np.float16))
    tagger = NerTagger(model, Ta)
    res = evaluate(tagger, analyzer, held)
    log(f"NER: {len(feats)} features, held-out F1 {res['F1']:.4f} (P {res['P']:.4f} R {res['R']:.4f}) "
        f"{res['per_type']} in {time.time() - t0:.0f}s")
    return res


if __name__ == "__main__":
    import os

    train(epochs=int(os.environ.get("EPOCHS", "8")))
