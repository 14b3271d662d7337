"""Named entities: greedy averaged-perceptron BIO tagger (PER/ORG/LOC/OTH) + MEDIA gazetteer overlay.

The statistical model is trained on GermEval 2014 (outer level; OTH is reported as MISC).
MEDIA is not in GermEval: after tagging, a span whose text is a known outlet
(`gazetteer.media_name`) is relabelled MEDIA, and unambiguous outlet names the model
missed ("dpa" in "(dpa)") are added.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from quellenlage.language.gazetteer import MEDIA_FIRST, MEDIA_TOKENS, is_government, media_name
from quellenlage.language.perceptron import LinearModel, shape

_GOV_WORD_CACHE: dict[str, bool] = {}


def _gov(w: str) -> bool:
    r = _GOV_WORD_CACHE.get(w)
    if r is None:
        r = w[:1].isupper() and is_government(w)
        if len(_GOV_WORD_CACHE) < 100_000:
            _GOV_WORD_CACHE[w] = r
    return r


def ner_features(words: list[str], upos: list[str]) -> list[list[str]]:
    n = len(words)
    low = [w.lower() for w in words]
    shp = [shape(w) for w in words]
    pl = ["<s>", "<s>"] + low + ["</s>", "</s>"]
    pw = ["<s>", "<s>"] + words + ["</s>", "</s>"]
    ph = ["<s>", "<s>"] + shp + ["</s>", "</s>"]
    pu = ["<s>", "<s>"] + upos + ["</s>", "</s>"]
    out = []
    for i in range(n):
        w = words[i]
        lw = low[i]
        j = i + 2
        last = w.rsplit("-", 1)[-1].lower() if "-" in w else lw
        f = [
            "b",
            "w=" + w,
            "l=" + lw,
            "h=" + shp[i] + ("^" if i == 0 else ""),
            "s3=" + lw[-3:],
            "s4=" + lw[-4:],
            "p3=" + lw[:3],
            "p4=" + lw[:4],
            "hd=" + last,
            "u=" + upos[i],
            "u-1=" + pu[j - 1],
            "u+1=" + pu[j + 1],
            "uu=" + pu[j - 1] + "|" + upos[i] + "|" + pu[j + 1],
            "w-1=" + pw[j - 1],
            "w+1=" + pw[j + 1],
            "l-2=" + pl[j - 2],
            "l+2=" + pl[j + 2],
            "h-1=" + ph[j - 1],
            "h+1=" + ph[j + 1],
            "wh+1=" + lw + "|" + ph[j + 1],
            "hw-1=" + ph[j - 1] + "|" + lw,
        ]
        # fixed-length feature lists (one gather per sentence): gazetteer flags always present
        f.append("gm=1" if w in MEDIA_TOKENS else "gm=0")
        f.append("gg=1" if _gov(w) else "gg=0")
        out.append(f)
    return out


class NerTagger:
    def __init__(self, model: LinearModel, trans: np.ndarray) -> None:
        self.model = model
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

    @classmethod
    def load(cls, model_dir: Path) -> NerTagger:
        m = LinearModel.load(model_dir / "ner")
        trans = np.load(model_dir / "ner_trans.npz")["T"].astype(np.float32)
        return cls(m, trans)

    def decode(self, S: np.ndarray) -> list[int]:
        out = []
        prev = self.start
        T = self.trans + self.mask
        for i in range(S.shape[0]):
            c = int((S[i] + T[prev]).argmax())
            out.append(c)
            prev = c
        return out

    def predict(self, words: list[str], upos: list[str]) -> list[str]:
        if not words:
            return []
        S = self.model.scores(ner_features(words, upos))
        labels = [self.labels[c] for c in self.decode(S)]
        return overlay_media(words, labels)


def overlay_media(words: list[str], labels: list[str]) -> list[str]:
    """Relabel entity spans that are known outlets as MEDIA; add unambiguous outlet names missed."""
    labels = ["B-MISC" if lab == "B-OTH" else "I-MISC" if lab == "I-OTH" else lab for lab in labels]
    n = len(words)
    i = 0
    while i < n:
        if labels[i].startswith("B-"):
            j = i + 1
            while j < n and labels[j].startswith("I-"):
                j += 1
            if labels[i][2:] != "PER" and media_name(" ".join(words[i:j])):
                labels[i] = "B-MEDIA"
                for k in range(i + 1, j):
                    labels[k] = "I-MEDIA"
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
