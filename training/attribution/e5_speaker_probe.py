"""Probe: can a speaker tagger over contextual e5 vectors beat the rules' speakers? (not shipped)

    python training/attribution/e5_speaker_probe.py GOLD_DIR PRED_DIR [--cache DIR] [--folds 5] [--epochs 12]

GOLD_DIR: WikiNews quotation train files; PRED_DIR: the shipped pipeline's claim maps of them
(`quellenlage eval quotes GOLD_DIR --pred-out PRED_DIR`). Needs PyTorch for training only
(`pip install torch==2.13.0`, a CPU build); the product never imports it.

For every predicted quote a window (its sentences and the two before, at most 160 tokens) gets
the multilingual-e5-small states (layer 9 of 12, per sentence, the vectors of the accurate NER
mode) plus indicators of the quote's content, cue and rule speaker, its type and the sentence
offset; a bidirectional GRU tags the gold speaker tokens. Trained and predicted in k-fold
cross-validation over documents, the tagger's speakers replace the pipeline's where it is more
confident than in the rules' choice by `gate`, and the shared scorer rescores all / last 150 /
first 550 documents. Results of the 2026-11-27 run are in docs/models/attribution.md.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import sys
import tempfile

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).parent))

TYPES = ["direct", "indirect", "free_indirect", "reported"]
MAXW = 160
N_IND = 12


def e5_states(gold_dir: pathlib.Path, cache: pathlib.Path) -> None:
    """Cache per document: e5 word states of the language layer's tokens, with their offsets."""
    cache.mkdir(parents=True, exist_ok=True)
    todo = [f for f in sorted(gold_dir.glob("*.json")) if not (cache / (f.stem + ".npz")).exists()]
    if not todo:
        return
    import quellenlage.language  # noqa: F401 - registers "language"
    from quellenlage.language.ner_e5 import E5Encoder
    from quellenlage.model import Article, Doc
    from quellenlage.pipeline import REGISTRY

    lang, enc = REGISTRY["language"](), E5Encoder(layers=(8,))
    for f in todo:
        out = cache / (f.stem + ".npz")
        doc = lang(Doc(article=Article(body=json.loads(f.read_text(encoding="utf-8"))["originalText"])))
        xs, starts, ends = [], [], []
        for s in doc.sentences:
            if s.tokens:
                xs.append(enc.word_states([t.text for t in s.tokens]).astype(np.float16))
                starts += [t.start for t in s.tokens]
                ends += [t.end for t in s.tokens]
        np.savez(out, X=np.concatenate(xs) if xs else np.zeros((0, 384), np.float16),
                 s=np.array(starts, dtype=np.int64), e=np.array(ends, dtype=np.int64))


def _mask(spans, s: np.ndarray, e: np.ndarray) -> np.ndarray:
    """Tokens (start offsets s, end offsets e) overlapping any of the character spans."""
    mm = np.zeros(len(s), bool)
    for sp in spans or []:
        a, b = (sp["start"], sp["end"]) if isinstance(sp, dict) else sp
        mm |= (s < b) & (a < e)
    return mm


def quote_window(q: dict, s: np.ndarray, e: np.ndarray, tsent: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """A predicted quote's window (its sentences and the two before, at most MAXW words: the start and
    the end) over words with offsets s/e in sentences tsent, and each word's indicators; None without content."""
    cm = _mask(q.get("content"), s, e)
    if not cm.any():
        return None
    idx = np.where(cm)[0]
    s0, s1 = tsent[idx[0]], tsent[idx[-1]]
    w = np.where((tsent >= s0 - 2) & (tsent <= s1))[0]
    if len(w) > MAXW:  # the start (context, opening) and the end (postposed frames)
        w = np.concatenate([w[: MAXW // 2], w[-MAXW // 2:]])
    ind = np.zeros((len(w), N_IND), np.float32)
    ind[:, 0], ind[:, 1], ind[:, 2] = cm[w], _mask(q.get("cue"), s, e)[w], _mask(q.get("speaker"), s, e)[w]
    ind[:, 3 + TYPES.index(q["type"])] = 1
    rel = tsent[w] - s0
    ind[:, 7], ind[:, 8], ind[:, 9], ind[:, 10] = rel == -2, rel == -1, rel == 0, rel > 0
    ind[:, 11] = bool(q.get("speaker"))
    return w, ind


def windows(gold_dir: pathlib.Path, pred_dir: pathlib.Path, cache: pathlib.Path, sc) -> list[dict]:
    out = []
    for f in sorted(gold_dir.glob("*.json")):
        z = np.load(cache / (f.stem + ".npz"))
        X, s, e = z["X"].astype(np.float32), z["s"], z["e"]
        m = json.loads((pred_dir / f.name).read_text(encoding="utf-8"))
        tsent = np.searchsorted(np.array([x["start"] for x in m["sentences"]]), s, side="right") - 1
        g = json.loads(f.read_text(encoding="utf-8"))
        toks = g["tokens"]
        span_of = {t["id"]: (t["charBegin"], t["charEnd"]) for t in toks}
        gold = [{"content": set(a["quote"]["tokenIds"]),
                 "speaker": [span_of[i] for i in ((a.get("speaker") or {}).get("tokenIds") or [])]}
                for a in g["annotations"]]
        pq = m.get("quotes", [])
        pairs = dict(sc.align([{"content": sc.token_ids(q.get("content"), toks)} for q in pq], gold))

        for i, q in enumerate(pq):
            win = quote_window(q, s, e, tsent)
            if win is None:
                continue
            w, ind = win
            y = _mask(gold[pairs[i]]["speaker"], s, e)[w].astype(np.float32) if i in pairs else None
            out.append({"doc": f.name, "qi": i, "w": w, "X": X[w], "ind": ind, "y": y, "s": s[w], "e": e[w]})
    return out


def cross_fit(data: list[dict], folds: int, epochs: int) -> dict[tuple[str, int], np.ndarray]:
    import torch
    from torch import nn

    torch.set_num_threads(2)

    class Tagger(nn.Module):
        def __init__(self, h: int = 128) -> None:
            super().__init__()
            self.proj, self.drop = nn.Linear(384 + N_IND, h), nn.Dropout(0.2)
            self.gru = nn.GRU(h, h, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * h, 1)

        def forward(self, x, ind):
            o, _ = self.gru(self.drop(torch.relu(self.proj(torch.cat([x, ind], -1)))))
            return self.out(self.drop(o)).squeeze(-1)

    allx = np.concatenate([d["X"] for d in data])
    mu, sd = torch.tensor(allx.mean(0)), torch.tensor(allx.std(0) + 1e-6)

    def batches(items, bs, rng):
        order = rng.permutation(len(items)) if rng is not None else np.arange(len(items))
        for i in range(0, len(order), bs):
            b = [items[j] for j in order[i:i + bs]]
            n = max(len(d["w"]) for d in b)
            x, ind, y, m = (np.zeros((len(b), n, k), np.float32) for k in (384, N_IND, 1, 1))
            for k, d in enumerate(b):
                L = len(d["w"])
                x[k, :L], ind[k, :L], m[k, :L, 0] = d["X"], d["ind"], 1
                if d["y"] is not None:
                    y[k, :L, 0] = d["y"]
            yield b, (torch.tensor(x) - mu) / sd, torch.tensor(ind), torch.tensor(y[..., 0]), torch.tensor(m[..., 0])

    docs = sorted({d["doc"] for d in data})
    fold = {doc: i % folds for i, doc in enumerate(docs)}
    probs: dict[tuple[str, int], np.ndarray] = {}
    for k in range(folds):
        torch.manual_seed(0)
        rng = np.random.default_rng(0)
        model = Tagger()
        opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-2)
        train = [d for d in data if fold[d["doc"]] != k and d["y"] is not None]
        for _ in range(epochs):
            model.train()
            for _, x, ind, y, m in batches(train, 32, rng):
                loss = (nn.functional.binary_cross_entropy_with_logits(model(x, ind), y, reduction="none") * m).sum() / m.sum()
                opt.zero_grad()
                loss.backward()
                opt.step()
        model.eval()
        test = [d for d in data if fold[d["doc"]] == k]
        with torch.no_grad():
            for b, x, ind, _, _ in batches(test, 64, None):
                p = torch.sigmoid(model(x, ind)).numpy()
                for j, d in enumerate(b):
                    probs[(d["doc"], d["qi"])] = p[j, :len(d["w"])]
        print(f"fold {k + 1}/{folds} done", file=sys.stderr, flush=True)
    return probs


def rescore(data, probs, gold_dir, pred_dir, sc, files, gate: float, which) -> tuple[int, dict]:
    """Replace the speakers the tagger is surer of than of the rules' choice (by `gate`), then score."""
    names = {f.name for f in files}
    maps = {f.name: json.loads((pred_dir / f.name).read_text(encoding="utf-8")) for f in files}
    changed = 0
    for d in data:
        if d["doc"] not in names or not which(d):
            continue
        p = probs[(d["doc"], d["qi"])]
        new, cur = p > 0.5, d["ind"][:, 2] > 0
        if (new == cur).all():
            continue
        conf_new = p[new].mean() if new.any() else 1 - p.max()
        conf_cur = p[cur].mean() if cur.any() else 1 - p.max()
        if conf_new - conf_cur < gate:
            continue
        runs: list[list[int]] = []
        for k in np.where(new)[0]:
            if runs and k == runs[-1][1] + 1 and d["w"][k] == d["w"][runs[-1][1]] + 1:
                runs[-1][1] = k
            else:
                runs.append([k, k])
        maps[d["doc"]]["quotes"][d["qi"]]["speaker"] = [
            {"start": int(d["s"][a]), "end": int(d["e"][b])} for a, b in runs]
        changed += 1
    # quellenlage is imported only to score: the fine-tune probe's training step imports this module
    from _pipe import score_maps

    return changed, score_maps(sc, files, maps)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=pathlib.Path)
    ap.add_argument("pred", type=pathlib.Path)
    ap.add_argument("--cache", type=pathlib.Path, default=pathlib.Path(tempfile.gettempdir()) / "ql-e5-states")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=12)
    a = ap.parse_args()
    from quellenlage.evaluation.quotes import load_scorer

    sc = load_scorer()
    e5_states(a.gold, a.cache)
    data = windows(a.gold, a.pred, a.cache, sc)
    probs = cross_fit(data, a.folds, a.epochs)
    files = sorted(a.gold.glob("*.json"))
    splits = {"all": files, "last150": files[-150:], "rest": files[:-150]}  # rest: the first 550 of train
    subsets = {"every quote": lambda d: True, "cue-less": lambda d: not d["ind"][:, 1].any(),
               "with cue": lambda d: bool(d["ind"][:, 1].any())}
    for sub, which in subsets.items():
        for gate in (None, 0.0, 0.3):
            row = []
            for name, fs in splits.items():
                ch, r = rescore(data, probs, a.gold, a.pred, sc, fs, 99.0 if gate is None else gate, which)
                row.append(f"{name} spk {r['simplified']['speaker']['f1']:.4f} roles {r['roles']['f1']:.4f} ({ch})")
            print(f"{sub:12s} gate {'rules' if gate is None else gate}: " + " | ".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
