"""Train the POS tagger (UPOS + STTS heads over shared features) and build the lemma lexicon.

Data (see docs/models/pos-tagger.md):
- gold: UD German GSD dev (UPOS + STTS) and UD German PUD (UPOS only; its xpos are PTB tags);
- silver: HanTa over the GermEval 2014 sentences (STTS + lemma), UPOS via a STTS->UPOS map
  learned from GSD dev (majority UPOS per (STTS, lowercased word), else per STTS tag).
GSD test is never read here.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from training.language.data import GSD_DEV, PUD, read_surface

from quellenlage.language.perceptron import (
    LinearModel,
    gzip_text_writer,
    pos_features,
    prune,
    train_perceptron,
)

OUT = Path(__file__).resolve().parents[2] / "src" / "quellenlage" / "models" / "language"
SILVER = Path("/tmp/lang/silver_germeval.jsonl")
SILVER2 = Path("/tmp/lang/silver_gepade.jsonl")

GERMEVAL_DEV_SENTS = 2200  # silver_germeval.jsonl = NER-de-dev (2,200 sentences) then NER-de-test

# HanTa tag spellings -> the STTS variant used in UD GSD.
HANTA_FIX = {"ADJ(A)": "ADJA", "ADJ(D)": "ADJD", "NNA": "NN", "NNI": "NN", "PROAV": "PAV", "PPOSS": "PPOSS"}


def ensure_silver() -> list[Path]:
    """HanTa silver files (GermEval 7,300 sentences; GePaDe 10,020 sentences), made once and cached."""
    from training.language import silver_hanta

    SILVER.parent.mkdir(parents=True, exist_ok=True)
    if not SILVER.exists() or sum(1 for _ in SILVER.open()) < 7300:
        silver_hanta.main(str(SILVER))
    if not SILVER2.exists() or sum(1 for _ in SILVER2.open()) < 10020:
        silver_hanta.main(str(SILVER2), None, "gepade")
    return [SILVER, SILVER2]


def stts_upos_map(gsd) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    by_word: dict[tuple[str, str], Counter] = defaultdict(Counter)
    by_tag: dict[str, Counter] = defaultdict(Counter)
    for s in gsd:
        for w, u, x in zip(s.tokens, s.upos, s.xpos, strict=False):
            by_word[(x, w.lower())][u] += 1
            by_tag[x][u] += 1
    wmap = {k: c.most_common(1)[0][0] for k, c in by_word.items() if sum(c.values()) >= 2}
    tmap = {k: c.most_common(1)[0][0] for k, c in by_tag.items()}
    # tags GSD dev lacks
    tmap.setdefault("VAIMP", "AUX")
    tmap.setdefault("PPOSS", "PRON")
    tmap.setdefault("PIDAT", "DET")
    return wmap, tmap


def main(log=print, gsd_weight: int = 2, silver_upos: bool = True, epochs: int = 6) -> dict:
    t0 = time.time()
    gsd = read_surface(GSD_DEV)
    pud = read_surface(PUD, stts=False)
    wmap, tmap = stts_upos_map(gsd)
    silver = []
    germeval_silver, gepade_silver = ensure_silver()
    # the NER held-out fifth of GermEval test (lines 2200 + i, i % 5 == 4) is left out of the silver
    # data too, so that the POS feature of the NER model has not seen those sentences
    lines = [ln for k, ln in enumerate(germeval_silver.open(encoding="utf-8"))
             if not (k >= GERMEVAL_DEV_SENTS and (k - GERMEVAL_DEV_SENTS) % 5 == 4)]
    lines += list(gepade_silver.open(encoding="utf-8"))
    for line in lines:
        toks = json.loads(line)
        words = [t[0] for t in toks]
        xpos = [HANTA_FIX.get(t[2], t[2]) for t in toks]
        upos = [wmap.get((x, w.lower()), tmap.get(x, "X")) for w, x in zip(words, xpos, strict=False)]
        silver.append((words, upos, xpos, [t[1] for t in toks]))

    # sentences: (words, upos, xpos|None) ; GSD twice (gold, in-domain conventions)
    sents = [(s.tokens, s.upos, s.xpos) for s in gsd] * gsd_weight
    sents += [(s.tokens, s.upos, None) for s in pud]
    sents += [(w, u if silver_upos else None, x) for w, u, x, _ in silver]
    upos_classes = sorted({u for _, us, _ in sents if us for u in us})
    xpos_classes = sorted({x for _, _, xs in sents if xs for x in xs})
    log(f"POS: {len(sents)} sentences, {sum(len(s[0]) for s in sents)} tokens, "
        f"{len(upos_classes)} UPOS, {len(xpos_classes)} STTS classes")

    X_u, y_u, X_x, y_x = [], [], [], []
    ui = {c: i for i, c in enumerate(upos_classes)}
    xi = {c: i for i, c in enumerate(xpos_classes)}
    for words, us, xs in sents:
        F = pos_features(words)
        if us:
            X_u.extend(F)
            y_u.extend(ui[u] for u in us)
        if xs:
            X_x.extend(F)
            y_x.extend(xi[x] for x in xs)
    log("training UPOS head")
    fu, Wu = train_perceptron(X_u, y_u, len(upos_classes), epochs=epochs, min_count=2, log=log)
    log("training STTS head")
    # same feature dict for both heads so that one gather scores both
    fx, Wx = train_perceptron(X_x, y_x, len(xpos_classes), epochs=epochs, min_count=2, log=log)
    allf = sorted(set(fu) | set(fx))
    feats = {f: i + 1 for i, f in enumerate(allf)}
    W = np.zeros((len(allf) + 1, len(upos_classes) + len(xpos_classes)), dtype=np.float32)
    for f, r in feats.items():
        if f in fu:
            W[r, : len(upos_classes)] = Wu[fu[f]]
        if f in fx:
            W[r, len(upos_classes):] = Wx[fx[f]]
    feats, W = prune(feats, W, threshold=0.05)
    classes = [f"U:{c}" for c in upos_classes] + [f"X:{c}" for c in xpos_classes]
    OUT.mkdir(parents=True, exist_ok=True)
    LinearModel(feats, W, classes).save(OUT / "pos")
    # UPOS/STTS compatibility (pairs seen >= 2 times in GSD dev or the silver mapping): joint decoding
    pair_c: Counter = Counter()
    for _, us, xs in sents:
        if us and xs:
            pair_c.update(zip(us, xs, strict=False))
    C = np.full((len(upos_classes), len(xpos_classes)), -1e4, dtype=np.float32)
    for (u, x), n in pair_c.items():
        if n >= 2:
            C[ui[u], xi[x]] = 0.0
    np.savez_compressed(OUT / "pos_compat.npz", C=C)
    log(f"POS model: {len(feats)} features, saved in {time.time() - t0:.0f}s")

    # lemma lexicon: word -> {upos: lemma} (gold first, silver fills gaps)
    lex: dict[str, Counter] = defaultdict(Counter)
    for s in gsd + pud:
        for w, u, lem in zip(s.tokens, s.upos, s.lemmas, strict=False):
            if lem and lem != "_":
                lex[w][(u, lem)] += 3
    for words, us, _, lems in silver:
        for w, u, lem in zip(words, us, lems, strict=False):
            if lem and lem != "--":
                lex[w][(u, lem)] += 1
    lemmas: dict[str, dict[str, str]] = {}
    for w, c in lex.items():
        best: dict[str, tuple[int, str]] = {}
        for (u, lem), n in c.items():
            if u not in best or n > best[u][0]:
                best[u] = (n, lem)
        d = {u: lem for u, (_, lem) in best.items() if lem != w}
        if d:
            lemmas[w] = d
    with gzip_text_writer(OUT / "lemmas.json.gz") as f:
        json.dump(lemmas, f, ensure_ascii=False, separators=(",", ":"))
    log(f"lemma lexicon: {len(lemmas)} forms")
    return {"pos_features": len(feats), "lemma_forms": len(lemmas)}


if __name__ == "__main__":
    import os

    main(gsd_weight=int(os.environ.get("GSDW", "2")), silver_upos=os.environ.get("SILVERU", "1") == "1",
         epochs=int(os.environ.get("EPOCHS", "6")))
