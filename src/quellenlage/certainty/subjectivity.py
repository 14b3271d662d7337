"""Sentence subjectivity (opinion vs objective reporting): hashed n-gram logistic regression.

Pure numpy at run time: the featurizer maps a sentence to hashed word/char n-gram ids, the
model is one weight vector + bias (trained by training/subjectivity/train.py on CheckThat! 2025
German data). Linear in sentence length; weights load once per process.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
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


_MASK = N_FEATURES - 1
# running CRCs of the n-gram prefixes "c3:", "c4:", "c5:"
_NGRAM_PREFIX = tuple((n, zlib.crc32(f"c{n}:".encode())) for n in (3, 4, 5))


@lru_cache(maxsize=1 << 16)
def _word_char_ngrams(w: str) -> tuple[int, ...]:
    """Hashed char 3-5-grams of one word (cached: words repeat, hashing dominates the cost).

    Each id is `_h(f"c{n}:" + n-gram)`: the CRC of the n-gram's UTF-8 bytes continued from the
    CRC of its prefix, the n-gram cut from the word's bytes at character boundaries."""
    padded = f" {w} "
    b = padded.encode("utf-8")
    if len(b) == len(padded):  # ASCII: byte offsets are character offsets
        offs: range | list[int] = range(len(b) + 1)
    else:
        offs = [0]
        acc = 0
        for ch in padded:
            acc += len(ch.encode("utf-8"))
            offs.append(acc)
    m = len(padded)
    crc32 = zlib.crc32
    return tuple([crc32(b[offs[j]:offs[j + n]], pre) & _MASK
                  for n, pre in _NGRAM_PREFIX for j in range(m - n + 1)])


_CAP = _h("cap")
_END_Q = _h("end:?")
_END_X = _h("end:!")
_LEN = [_h(f"len:{k}") for k in range(7)]
# lower-cased token -> (hash of "w:" + t, hash of "s:" + t or -1, UTF-8 bytes of t, running CRC of "b:" + t + " ")
_TOKEN_CACHE: dict[str, tuple[int, int, bytes, int]] = {}
_TOKEN_CACHE_MAX = 200_000


def _token_entry(t: str) -> tuple[int, int, bytes, int]:
    b = t.encode("utf-8")
    e = (zlib.crc32(b"w:" + b) & _MASK, (zlib.crc32(b"s:" + b) & _MASK) if t in _STANCE else -1, b,
         zlib.crc32(b"b:" + b + b" "))
    if len(_TOKEN_CACHE) < _TOKEN_CACHE_MAX:
        _TOKEN_CACHE[t] = e
    return e


def features(sentence: str) -> list[int]:
    """Hashed feature ids (with repetition) of one sentence.

    Per token: "w:" word, "b:" bigram, "s:" stance word, "cap"; then the char n-grams of each
    word; then length and final "?"/"!". The per-word hashes are cached, and a bigram's hash
    continues the CRC of its cached "b:<word> " prefix over the next word's bytes (the CRC of a
    concatenation), so every id equals `_h` of the feature string, in the same order.
    """
    toks = _WORD_RE.findall(sentence)
    low = [t.lower() for t in toks]
    get = _TOKEN_CACHE.get
    ents = [get(t) or _token_entry(t) for t in low]
    feats: list[int] = []
    ap = feats.append
    crc32 = zlib.crc32
    last = len(low) - 1
    for i, e in enumerate(ents):
        ap(e[0])
        if i < last:
            ap(crc32(ents[i + 1][2], e[3]) & _MASK)
        if e[1] >= 0:
            ap(e[1])
        if i and toks[i][:1].isupper():
            ap(_CAP)
    for w in low:
        if len(w) < 3 or not w[0].isalnum():
            continue
        feats.extend(_word_char_ngrams(w))
    ap(_LEN[min(len(toks) // 8, 6)])
    end = sentence.rstrip()
    if end.endswith("?"):
        ap(_END_Q)
    if end.endswith("!"):
        ap(_END_X)
    return feats


def vectorize(sentences: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR pieces (data, indices, indptr), rows L2-normalised over log-scaled counts.

    Counting keeps first-occurrence order (Counter counts in C); the log and the division run
    over all rows at once (elementwise, so the values are those of a row-by-row computation),
    the norms row by row (numpy's pairwise sum of each row, as before).
    """
    counts = [Counter(features(s)) for s in sentences]
    indptr = [0]
    indices: list[int] = []
    values: list[int] = []
    for c in counts:
        indices.extend(c.keys())
        values.extend(c.values())
        indptr.append(len(indices))
    vals = np.log1p(np.array(values, dtype=np.float64))
    sq = vals ** 2
    norms = [float(np.sqrt(sq[a:b].sum())) or 1.0 for a, b in zip(indptr, indptr[1:], strict=False)]
    data = vals / np.repeat(np.array(norms, dtype=np.float64), np.diff(indptr)) if len(vals) else vals
    return data, np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)


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
