"""Linear (averaged-perceptron) token classifiers: feature templates, scoring, (de)serialisation.

Weights are one float matrix ``W[n_features + 1, n_classes]`` (row 0 = unknown feature = zeros)
plus a feature-string -> row dict. Scoring a whole sentence is a single numpy gather-and-sum,
which keeps the per-token Python overhead to building the feature strings.
"""

from __future__ import annotations

import gzip
import json
import threading
from pathlib import Path

import numpy as np

_SHAPE_CACHE: dict[str, str] = {}


def shape(w: str) -> str:
    """Collapsed word shape: "US-Geheimdienst" -> "X-Xx", "26.08." -> "d.d.", "dpa" -> "x"."""
    s = _SHAPE_CACHE.get(w)
    if s is not None:
        return s
    out = []
    prev = ""
    for ch in w:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if c != prev:
            out.append(c)
            prev = c
    s = "".join(out)
    if len(_SHAPE_CACHE) < 200_000:
        _SHAPE_CACHE[w] = s
    return s


_CLAUSE_SEP = frozenset({",", ";", ":", "(", ")", "–", "-", '"', "„", "“"})


def _pos_self(w: str) -> list[str]:
    lw = w.lower()
    return ["b", "w=" + w, "l=" + lw, "s1=" + lw[-1:], "s2=" + lw[-2:], "s3=" + lw[-3:], "s4=" + lw[-4:],
            "s5=" + lw[-5:], "p3=" + lw[:3]]


def _pos_left1(w: str) -> list[str]:
    if w == "<s>":
        return ["l-1=<s>", "s-1=<s>", "h-1=<s>"]
    lw = w.lower()
    return ["l-1=" + lw, "s-1=" + lw[-3:], "h-1=" + shape(w)]


def _pos_right1(w: str) -> list[str]:
    if w == "</s>":
        return ["l+1=</s>", "s+1=</s>", "h+1=</s>"]
    lw = w.lower()
    return ["l+1=" + lw, "s+1=" + lw[-3:], "h+1=" + shape(w)]


def _pos_left2(w: str) -> list[str]:
    return ["l-2=" + (w if w == "<s>" else w.lower())]


def _pos_right2(w: str) -> list[str]:
    return ["l+2=" + (w if w == "</s>" else w.lower())]


def _pos_context(words: list[str]) -> list[list[str]]:
    """Features that combine several positions (computed per token, not cacheable)."""
    n = len(words)
    low = [w.lower() for w in words]
    pad_l = ["<s>", "<s>"] + low + ["</s>", "</s>"]
    out = []
    shape_get = _SHAPE_CACHE.get
    cf = "<s>"  # first word of the current clause (after , ; : or sentence start)
    newclause = True
    for i in range(n):
        lw = low[i]
        j = i + 2
        if newclause:
            cf = lw
            newclause = False
        elif lw in _CLAUSE_SEP:
            newclause = True
        s2 = lw[-2:]
        nxt = pad_l[j + 1]
        w = words[i]
        out.append([
            "cf=" + cf,
            "cfs=" + cf + "|" + s2,
            "nxs=" + nxt + "|" + s2,
            "h=" + (shape_get(w) or shape(w)) + ("^" if i == 0 else ""),
            "l-1l=" + pad_l[j - 1] + "|" + lw,
            "ll+1=" + lw + "|" + nxt,
        ])
    return out


POS_TEMPLATES = (_pos_self, _pos_left1, _pos_right1, _pos_left2, _pos_right2)


def window_features(words: list[str], templates: tuple, context: list[list[str]]) -> list[list[str]]:
    """Feature strings per token: templates over (self, -1, +1, -2, +2) + per-token context features."""
    self_t, l1, r1, l2, r2 = templates
    pad = ["<s>", "<s>"] + list(words) + ["</s>", "</s>"]
    out = []
    for i, w in enumerate(words):
        j = i + 2
        out.append(self_t(w) + l1(pad[j - 1]) + r1(pad[j + 1]) + l2(pad[j - 2]) + r2(pad[j + 2]) + context[i])
    return out


def pos_features(words: list[str]) -> list[list[str]]:
    """Feature strings per token for the POS tagger (context window of +-2 words)."""
    return window_features(words, POS_TEMPLATES, _pos_context(words))


class WindowEncoder:
    """Feature rows for a window model, with the per-word parts cached by word form.

    Produces exactly the rows of `window_features` (same strings, same dict, same column order)
    but builds and looks up the word-only features once per word type: each type gets an
    integer id and one row per template in a numpy table, so encoding an article is one dict
    lookup per token plus a few array gathers (the per-token context features stay strings).

    Thread-safe without locking the lookups: (ids, tables) is published as one tuple; new types
    are added under a lock, their rows written before their ids become visible; past
    `max_cache` types a new (ids, tables) generation starts (bounded memory), and an encoding
    that straddles the switch is redone.
    """

    def __init__(self, feats: dict[str, int], templates: tuple, max_cache: int = 300_000) -> None:
        self.get = feats.get
        self.templates = templates
        self.max_cache = max_cache
        self.widths = [len(t("<s>")) for t in templates]
        self._lock = threading.Lock()
        self._state: tuple[dict[str, int], list[np.ndarray]] = ({}, [])
        self._n = 0
        self._new_generation()

    def _rows(self, words: list[str]) -> list[np.ndarray]:
        get = self.get
        out = []
        for tpl, k in zip(self.templates, self.widths, strict=True):
            block = [[get(f, 0) for f in tpl(w)] for w in words]
            if any(len(r) != k for r in block):
                raise ValueError(f"feature template {tpl.__name__} must give {k} features per word")
            out.append(np.array(block, dtype=np.int32).reshape(len(words), k))
        return out

    def _new_generation(self) -> None:
        """Fresh (ids, tables) with the sentence pads as types 0 and 1 (called under the lock)."""
        tables = [np.zeros((4096, k), dtype=np.int32) for k in self.widths]
        for table, block in zip(tables, self._rows(["<s>", "</s>"]), strict=True):
            table[:2] = block
        self._n = 2
        self._state = ({"<s>": 0, "</s>": 1}, tables)

    def _add(self, words: list[str]) -> None:
        with self._lock:
            if self._n + len(words) > self.max_cache:
                self._new_generation()
            ids, tables = self._state
            new = [w for w in dict.fromkeys(words) if w not in ids]
            if not new:
                return
            n, m = self._n, len(new)
            if n + m > len(tables[0]):
                cap = max(2 * len(tables[0]), n + m)
                grown = [np.zeros((cap, t.shape[1]), dtype=np.int32) for t in tables]
                for g, t in zip(grown, tables, strict=True):
                    g[:n] = t[:n]
                tables = grown
            for table, block in zip(tables, self._rows(new), strict=True):
                table[n:n + m] = block
            self._state = (ids, tables)  # rows first, then the ids that point at them
            ids.update(zip(new, range(n, n + m), strict=True))
            self._n = n + m

    def encode(self, words: list[str], context: list[list[str]]) -> np.ndarray:
        return self.encode_many([words], [context])

    def encode_many(self, sentences: list[list[str]], contexts: list[list[list[str]]]) -> np.ndarray:
        """Rows of all tokens of `sentences` (each with its context features), in order."""
        while True:
            ids, _ = self._state
            get = ids.get
            seq: list[int] = []
            for words in sentences:
                seq += (0, 0)
                seq += [get(w, -1) for w in words]
                seq += (1, 1)
            if -1 in seq:
                self._add([w for words in sentences for w in words if w not in ids])
                continue
            state = self._state
            if state[0] is ids:  # (else a new generation started meanwhile: look up again)
                break
        t_self, t_l1, t_r1, t_l2, t_r2 = state[1]
        lens = [len(w) for w in sentences]
        n = sum(lens)
        get = self.get
        flat = [get(f, 0) for ctx in contexts for fs in ctx for f in fs]
        ctx = np.array(flat, dtype=np.int32).reshape(n, len(flat) // n if n else 0)
        a = np.array(seq, dtype=np.intp)
        # position of every token in `seq`: two pads before each sentence, two after
        pos = np.arange(n) + 2 + 4 * np.repeat(np.arange(len(sentences)), lens)
        return np.concatenate((t_self[a[pos]], t_l1[a[pos - 1]], t_r1[a[pos + 1]], t_l2[a[pos - 2]],
                               t_r2[a[pos + 2]], ctx), axis=1)


def gzip_text_writer(path: Path):
    """Text writer for a .gz file with a fixed header timestamp (byte-identical retraining)."""
    import io

    return io.TextIOWrapper(gzip.GzipFile(str(path), "wb", mtime=0), encoding="utf-8")


class LinearModel:
    """Feature dict + weight matrix; `scores` gives [n_tokens, n_classes]."""

    def __init__(self, feats: dict[str, int], weights: np.ndarray, classes: list[str]) -> None:
        self.feats = feats
        self.W = weights
        self.classes = classes

    def rows(self, feats: list[list[str]]) -> np.ndarray:
        get = self.feats.get
        return np.array([[get(f, 0) for f in fs] for fs in feats], dtype=np.int32)

    def scores(self, feats: list[list[str]]) -> np.ndarray:
        if not feats:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        return self.scores_rows(self.rows(feats))

    def scores_rows(self, rows: np.ndarray) -> np.ndarray:
        """Sum of the weight rows of each token's features: `W[rows].sum(axis=1)`, accumulated one
        feature column at a time (the same float32 additions in the same order as numpy's reduction
        over the middle axis, without materialising the [tokens, features, classes] gather)."""
        W = self.W
        out = W[rows[:, 0]]
        for j in range(1, rows.shape[1]):
            out += W[rows[:, j]]
        return out

    def save(self, path: Path) -> None:
        """Weights as float16 .npz + features/classes as gzipped JSON (order = row index)."""
        inv = sorted(self.feats.items(), key=lambda kv: kv[1])
        np.savez_compressed(path.with_suffix(".npz"), W=self.W.astype(np.float16))
        with gzip_text_writer(path.with_suffix(".json.gz")) as f:
            json.dump({"classes": self.classes, "features": [k for k, _ in inv]}, f, ensure_ascii=False)

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        W = np.load(path.with_suffix(".npz"))["W"].astype(np.float32)
        with gzip.open(path.with_suffix(".json.gz"), "rt", encoding="utf-8") as f:
            meta = json.load(f)
        feats = {k: i + 1 for i, k in enumerate(meta["features"])}
        return cls(feats, W, meta["classes"])


def train_perceptron(
    X: list[list[str]], y: list[int], n_classes: int, epochs: int = 6, min_count: int = 1,
    seed: int = 0, order: list[list[int]] | None = None, log=None,
) -> tuple[dict[str, int], np.ndarray]:
    """Averaged perceptron over independent token instances (features -> class).

    `X` holds the feature strings of every training token; `order` optionally groups them
    (e.g. by sentence) for shuffling. Returns (feature dict, averaged weights) with row 0 = zeros.
    """
    from collections import Counter

    cnt = Counter(f for fs in X for f in fs)
    feats = {f: i + 1 for i, f in enumerate(sorted(f for f, c in cnt.items() if c >= min_count))}
    rows = [np.array([feats[f] for f in fs if f in feats], dtype=np.int64) for fs in X]
    W = np.zeros((len(feats) + 1, n_classes), dtype=np.float64)
    U = np.zeros_like(W)  # sum of c * update, for averaging
    rng = np.random.default_rng(seed)
    idx = np.arange(len(X))
    c = 1
    for ep in range(epochs):
        rng.shuffle(idx)
        err = 0
        for k in idx:
            r = rows[k]
            g = y[k]
            p = int(W[r].sum(axis=0).argmax())
            if p != g:
                err += 1
                W[r, g] += 1.0
                W[r, p] -= 1.0
                U[r, g] += c
                U[r, p] -= c
            c += 1
        if log:
            log(f"  epoch {ep + 1}: train error {err / len(X):.4f}")
    avg = W - U / c
    avg[0] = 0.0
    return feats, avg.astype(np.float32)


def prune(feats: dict[str, int], W: np.ndarray, threshold: float = 1e-3) -> tuple[dict[str, int], np.ndarray]:
    """Drop features whose weights are all ~0 (saves most of the size)."""
    keep = np.abs(W).max(axis=1) > threshold
    keep[0] = True
    new_index = np.cumsum(keep) - 1
    new_feats = {f: int(new_index[i]) for f, i in feats.items() if keep[i]}
    return new_feats, W[keep]
