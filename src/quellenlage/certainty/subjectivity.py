"""Sentence subjectivity (opinion vs objective reporting): hashed n-gram logistic regression.

Pure numpy at run time: the featurizer maps a sentence to hashed word/char n-gram ids, the
model is one weight vector + bias (trained by training/subjectivity/train.py on CheckThat! 2025
German data). Linear in sentence length; weights load once per process.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np

N_FEATURES = 1 << 18
MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "subjectivity" / "subjectivity_lr.npz"

_WORD_RE = re.compile(r"\w+|[!?„“”\"«»‚‘’:;()…–-]", re.UNICODE)
# Small closed-class cues of a writer's stance; counted as extra dense-ish features (hashed too).
_STANCE = {
    "ich", "wir", "uns", "unser", "unsere", "mein", "meine", "man", "doch", "ja", "eben", "halt", "wohl",
    "eigentlich", "gar", "bloß", "freilich", "natürlich", "offenbar", "leider", "zum", "glück", "endlich",
    "sogar", "schon", "nur", "nicht", "kein", "keine", "sollte", "müsste", "muss", "würde", "wäre",
}


def _h(s: str) -> int:
    return zlib.crc32(s.encode("utf-8")) & (N_FEATURES - 1)


@lru_cache(maxsize=1 << 16)
def _word_char_ngrams(w: str) -> tuple[int, ...]:
    """Hashed char 3-5-grams of one word (cached: words repeat, hashing dominates the cost)."""
    padded = f" {w} "
    return tuple(_h(f"c{n}:" + padded[j:j + n]) for n in (3, 4, 5) for j in range(len(padded) - n + 1))


def features(sentence: str) -> list[int]:
    """Hashed feature ids (with repetition) of one sentence."""
    toks = _WORD_RE.findall(sentence)
    low = [t.lower() for t in toks]
    feats: list[int] = []
    for i, t in enumerate(low):
        feats.append(_h("w:" + t))
        if i + 1 < len(low):
            feats.append(_h("b:" + t + " " + low[i + 1]))
        if t in _STANCE:
            feats.append(_h("s:" + t))
        if toks[i][:1].isupper() and i > 0:
            feats.append(_h("cap"))
    for w in low:
        if len(w) < 3 or not w[0].isalnum():
            continue
        feats.extend(_word_char_ngrams(w))
    n = len(toks)
    feats.append(_h(f"len:{min(n // 8, 6)}"))
    if sentence.rstrip().endswith("?"):
        feats.append(_h("end:?"))
    if sentence.rstrip().endswith("!"):
        feats.append(_h("end:!"))
    return feats


def vectorize(sentences: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR pieces (data, indices, indptr), rows L2-normalised over log-scaled counts."""
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for s in sentences:
        counts: dict[int, int] = {}
        for f in features(s):
            counts[f] = counts.get(f, 0) + 1
        vals = np.log1p(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
        norm = float(np.sqrt((vals ** 2).sum())) or 1.0
        indices.extend(counts.keys())
        data.extend((vals / norm).tolist())
        indptr.append(len(indices))
    return np.asarray(data), np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)


class SubjectivityModel:
    """Loads the weights once; `score(sentence)` = P(subjective)."""

    def __init__(self, path: Path = MODEL_PATH) -> None:
        self.available = path.exists()
        if self.available:
            z = np.load(path)
            self.w = z["w"].astype(np.float64)
            self.b = float(z["b"])
            self.threshold = float(z["threshold"]) if "threshold" in z.files else 0.5
        else:  # model missing (e.g. stripped install): leave the field empty rather than guess
            self.w, self.b, self.threshold = np.zeros(N_FEATURES), 0.0, 0.5

    def score(self, sentence: str) -> float:
        data, idx, _ = vectorize([sentence])
        z = float(data @ self.w[idx]) + self.b
        return 1.0 / (1.0 + np.exp(-z))

    def label_many(self, sentences: list[str]) -> list[tuple[str, float]]:
        """`label` for all sentences of an article: one vectorisation, the same arithmetic per row."""
        if not sentences:
            return []
        data, idx, indptr = vectorize(sentences)
        wv = self.w[idx]
        bounds = indptr.tolist()
        out = []
        for a, b in zip(bounds, bounds[1:], strict=False):
            p = 1.0 / (1.0 + np.exp(-(float(data[a:b] @ wv[a:b]) + self.b)))
            out.append(("subjective" if p >= self.threshold else "objective", p))
        return out

    def label(self, sentence: str) -> tuple[str, float]:
        p = self.score(sentence)
        return ("subjective" if p >= self.threshold else "objective"), p
