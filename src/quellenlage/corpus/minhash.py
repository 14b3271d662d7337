"""Claim fingerprints for grouping the same claim across articles: shingles + MinHash/LSH.

A claim is reduced to the set of its content words (lemma when the language layer gives
one, else a crudely stemmed lower-case form), without stop words and without the
certainty cues themselves, so "X könnte Y getan haben" and "X hat Y getan" share their
fingerprint. MinHash with NUM_PERM permutations, banded into BANDS bands of ROWS rows:
claims that agree on all rows of any band are candidates; candidates are then checked
on their exact shingle sets (Jaccard or containment).
"""

from __future__ import annotations

import re
import zlib

import numpy as np

ROWS = 3
BANDS = 24
NUM_PERM = ROWS * BANDS
_rng = np.random.RandomState(20240611)  # fixed: same fingerprints in every process and run
# one 64-bit seed per permutation; the hash is splitmix64(x ^ seed): independent-looking permutations
_SEEDS = _rng.randint(0, 1 << 62, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)


def _perm_hash(x: np.ndarray) -> np.ndarray:
    """(n,) uint64 shingles -> (n, NUM_PERM) hash values, one column per permutation."""
    with np.errstate(over="ignore"):
        z = x[:, None] ^ _SEEDS[None, :]
        z = (z ^ (z >> np.uint64(30))) * _M1
        z = (z ^ (z >> np.uint64(27))) * _M2
        return z ^ (z >> np.uint64(31))

# Function words and certainty/attribution cues: they say nothing about *what* is claimed.
STOPWORDS = frozenset("""
der die das den dem des ein eine einen einem einer eines und oder aber doch sondern denn als wie
auch noch nur schon so sehr mehr nicht kein keine keinen keinem keiner ist sind war waren wird werden
wurde wurden worden sei seien wäre wären hat haben hatte hatten habe hätte hätten kann können könnte
könnten konnte konnten muss müssen müsste soll sollen sollte sollten soll darf dürfen dürfte dürften
mag möge will wollen wollte er sie es ich du wir ihr man sich sein seine seiner seinem seinen ihre
ihrem ihren ihres ihm ihn uns euch mich mir dich dir im in an am auf aus bei mit nach von vom zu zum
zur für über unter vor hinter neben zwischen durch gegen ohne um bis seit ab dass daß ob wenn weil
da dort hier dies diese dieser dieses diesem diesen jene jener jenes was wer wo wann warum welche
welcher welches alle allem allen aller alles viel viele vielen einige etwa rund laut zufolge sagte
sagt sagten sagen berichtet berichtete erklärte erklärt meinte teilte mit angeblich möglicherweise
vermutlich wahrscheinlich offenbar offenbart anscheinend scheinbar vielleicht womöglich eventuell
wohl demnach heißt hieß es gibt gab dabei damit dann dazu davon darauf daran darüber jedoch zudem
bereits jetzt heute gestern morgen immer wieder nun etwa ja nein sowie bzw usw etc
""".split())

_WORD = re.compile(r"\w[\w\-]*\w|\w", re.UNICODE)
_SUFFIXES = ("ern", "en", "er", "es", "em", "e", "n", "s")


def _stem(word: str) -> str:
    # crude, but stable: enough to let "Nuklear-Pakts" meet "Nuklear-Pakt" without a lemmatiser
    for suf in _SUFFIXES:
        if len(word) > len(suf) + 3 and word.endswith(suf):
            return word[: -len(suf)]
    return word


_SHINGLE_CACHE: dict[str, int] = {}  # word as given -> its shingle, or -1 for none


def _shingle(w: str) -> int:
    lw = w.lower()
    if lw in STOPWORDS or not any(c.isalnum() for c in lw):  # numbers stay: "32 Tote" is not "18 Tote"
        sh = -1
    else:
        sh = zlib.crc32(_stem(lw).encode("utf-8", "surrogatepass"))
    if len(_SHINGLE_CACHE) < 200_000:
        _SHINGLE_CACHE[w] = sh
    return sh


def shingles(words: list[str]) -> list[int]:
    """Sorted unique 32-bit hashes of the content words (already lemmatised or not)."""
    get = _SHINGLE_CACHE.get
    out: set[int] = set()
    for w in words:
        sh = get(w)
        if sh is None:
            sh = _shingle(w)
        if sh >= 0:
            out.add(sh)
    return sorted(out)


def text_shingles(text: str) -> list[int]:
    return shingles(_WORD.findall(text))


def signature(sh: list[int]) -> np.ndarray:
    """MinHash signature (NUM_PERM uint64) of a shingle set; all-max for an empty set."""
    if not sh:
        return np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    return _perm_hash(np.asarray(sh, dtype=np.uint64)).min(axis=0)


_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93],
                dtype=np.uint64)[:ROWS]
_BAND_SALT = (np.arange(BANDS, dtype=np.uint64) * np.uint64(0x27D4EB2F165667C5))


def _band_keys(sig: np.ndarray) -> np.ndarray:
    """(n, NUM_PERM) signatures -> (n, BANDS) bucket keys (< 2^63 so they fit signed/unsigned columns)."""
    rows = sig.reshape(len(sig), BANDS, ROWS)
    with np.errstate(over="ignore"):  # wrap-around multiplication is the point
        keys = (rows * _MIX).sum(axis=2, dtype=np.uint64) ^ _BAND_SALT
    return keys >> np.uint64(1)


def bands(sh: list[int]) -> list[int]:
    """One bucket key per band (band number mixed in, so keys of different bands differ)."""
    return _band_keys(signature(sh)[None, :])[0].tolist()


def bands_many(shs: list[list[int]]) -> list[list[int]]:
    """`bands` for many shingle sets in one vectorised pass (empty list for empty sets)."""
    nonempty = [i for i, sh in enumerate(shs) if sh]
    out: list[list[int]] = [[] for _ in shs]
    if not nonempty:
        return out
    flat = np.fromiter((x for i in nonempty for x in shs[i]), dtype=np.uint64)
    lens = np.array([len(shs[i]) for i in nonempty])
    starts = np.concatenate(([0], np.cumsum(lens)[:-1]))
    sig = np.minimum.reduceat(_perm_hash(flat), starts, axis=0)
    for i, row in zip(nonempty, _band_keys(sig).tolist(), strict=True):
        out[i] = row
    return out


def similar(a: list[int] | set[int], b: list[int] | set[int], jaccard: float = 0.5,
            containment: float = 0.8, min_shared: int = 3) -> bool:
    """Same claim? Jaccard over the shingle sets, or the smaller one (a headline) mostly inside the larger."""
    sa = a if isinstance(a, set | frozenset) else set(a)  # (grouping passes frozensets: no copies)
    sb = b if isinstance(b, set | frozenset) else set(b)
    inter = len(sa & sb)
    if inter < min_shared:
        return False
    if inter / (len(sa) + len(sb) - inter) >= jaccard:
        return True
    return inter / min(len(sa), len(sb)) >= containment
