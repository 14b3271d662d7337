#!/usr/bin/env python3
# Faithful copy of ../shared/eval/score_quotes.py (the reference metric), used when ../shared is absent.
# ruff: noqa
"""Score the `quotes` of claim maps against the German WikiNews quotation gold.

Gold: files of ../data/german-news-quotation-attribution-2024 (dev/ or train/).
Predictions: one claim map per gold file, same file name, offsets into the article
body, which is the gold `originalText` exactly.

    score_quotes.py --gold DIR --inputs DIR        # write the tool inputs (JSON articles)
    score_quotes.py --gold DIR --pred DIR [--json]

Metric (re-implemented from the GermEval 2023 SpkAtt task 2 description): predicted
and gold quotes are aligned one-to-one by maximum token-overlap F1 of their content
spans (optimal assignment); then, token-level and micro-averaged over the corpus,
TP/FP/FN for the content span ("message"), for the roles cue, speaker and addressee
("roles", the gold `frame` role is not scored), and for both together ("joint");
unaligned quotes count all their tokens as FP or FN. "type" is F1 over quotes whose
alignment also has the right type. "simplified" keeps only gold quotes that are not
nested (and drops predictions aligned to nested ones) and scores message + speaker. A predicted span covers a gold token when the
character ranges overlap.
"""
import argparse, json, pathlib, sys

ROLES = ("cue", "speaker", "addressee")
TYPE_MAP = {"Direct": {"direct"}, "Indirect": {"indirect"}, "Reported": {"reported"},
            "FreeIndirect": {"free_indirect"}, "IndirectFreeIndirect": {"indirect", "free_indirect"}}


def write_inputs(gold_dir, out_dir):
    out_dir.mkdir(parents=True, exist_ok=True)
    for f in sorted(gold_dir.glob("*.json")):
        g = json.loads(f.read_text())
        art = {"id": g["documentName"], "title": None, "body": g["originalText"]}
        (out_dir / f.name).write_text(json.dumps(art, ensure_ascii=False))


def token_ids(spans, tokens):
    ids = set()
    for sp in spans or []:
        s, e = sp["start"], sp["end"]
        ids.update(t["id"] for t in tokens if t["charBegin"] < e and s < t["charEnd"])
    return ids


def f1(a, b):
    inter = len(a & b)
    return 2 * inter / (len(a) + len(b)) if a or b else 0.0


def align(pred, gold):
    """One-to-one pairs (i, j) of predicted and gold quotes with overlapping content."""
    if not pred or not gold:
        return []
    m = [[f1(p["content"], g["content"]) for g in gold] for p in pred]
    try:
        from scipy.optimize import linear_sum_assignment
        rows, cols = linear_sum_assignment([[-x for x in row] for row in m])
        pairs = list(zip(rows.tolist(), cols.tolist()))
    except ImportError:  # greedy fallback, nearly always the same
        cand = sorted(((m[i][j], i, j) for i in range(len(pred)) for j in range(len(gold))), reverse=True)
        used_p, used_g, pairs = set(), set(), []
        for v, i, j in cand:
            if i not in used_p and j not in used_g:
                used_p.add(i); used_g.add(j); pairs.append((i, j))
    return [(i, j) for i, j in pairs if m[i][j] > 0]


class Counts:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, p, g):
        self.tp += len(p & g); self.fp += len(p - g); self.fn += len(g - p)

    def prf(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def score(gold_dir, pred_dir):
    msg, roles, joint, s_msg, s_spk = Counts(), Counts(), Counts(), Counts(), Counts()
    type_tp = n_pred = n_gold = 0
    missing = 0
    for f in sorted(gold_dir.glob("*.json")):
        g = json.loads(f.read_text())
        toks = g["tokens"]
        gold = []
        for a in g["annotations"]:
            q = {"content": set(a["quote"]["tokenIds"]), "type": a.get("type"),
                 "nested": bool(a.get("isNested"))}
            for r in ROLES:
                q[r] = set((a.get(r) or {}).get("tokenIds") or [])
            gold.append(q)
        try:
            pq = json.loads((pred_dir / f.name).read_text()).get("quotes", [])
        except (OSError, ValueError):
            pq, missing = [], missing + 1
        pred = []
        for q in pq:
            d = {"content": token_ids(q.get("content"), toks), "type": q.get("type")}
            for r in ROLES:
                d[r] = token_ids(q.get(r), toks)
            pred.append(d)
        n_pred += len(pred); n_gold += len(gold)
        pairs = align(pred, gold)
        for i, j in pairs:
            p, q = pred[i], gold[j]
            msg.add(p["content"], q["content"]); joint.add(p["content"], q["content"])
            for r in ROLES:
                roles.add(p[r], q[r]); joint.add(p[r], q[r])
            if p["type"] in TYPE_MAP.get(q["type"], set()):
                type_tp += 1
        pi, gj = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, p in enumerate(pred):
            if i not in pi:
                for c in (msg, joint):
                    c.add(p["content"], set())
                for r in ROLES:
                    roles.add(p[r], set()); joint.add(p[r], set())
        for j, q in enumerate(gold):
            if j not in gj:
                for c in (msg, joint):
                    c.add(set(), q["content"])
                for r in ROLES:
                    roles.add(set(), q[r]); joint.add(set(), q[r])
        # simplified task: non-nested gold quotes, message + speaker only
        sgold = [q for q in gold if not q["nested"]]
        spred = [p for i, p in enumerate(pred)
                 if not any(i == a and gold[b]["nested"] for a, b in pairs)]
        pred = spred
        spairs = align(pred, sgold)
        for i, j in spairs:
            s_msg.add(pred[i]["content"], sgold[j]["content"]); s_spk.add(pred[i]["speaker"], sgold[j]["speaker"])
        si, sj = {i for i, _ in spairs}, {j for _, j in spairs}
        for i, p in enumerate(pred):
            if i not in si:
                s_msg.add(p["content"], set()); s_spk.add(p["speaker"], set())
        for j, q in enumerate(sgold):
            if j not in sj:
                s_msg.add(set(), q["content"]); s_spk.add(set(), q["speaker"])
    tp_p = type_tp / n_pred if n_pred else 0.0
    tp_r = type_tp / n_gold if n_gold else 0.0
    return {"documents": len(list(gold_dir.glob('*.json'))), "missing_predictions": missing,
            "gold_quotes": n_gold, "pred_quotes": n_pred,
            "message": msg.prf(), "roles": roles.prf(), "joint": joint.prf(),
            "type_f1": round(2 * tp_p * tp_r / (tp_p + tp_r), 4) if tp_p + tp_r else 0.0,
            "simplified": {"message": s_msg.prf(), "speaker": s_spk.prf()}}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", required=True, type=pathlib.Path)
    ap.add_argument("--pred", type=pathlib.Path)
    ap.add_argument("--inputs", type=pathlib.Path)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if a.inputs:
        write_inputs(a.gold, a.inputs)
        return 0
    if not a.pred:
        ap.error("--pred or --inputs is required")
    r = score(a.gold, a.pred)
    if a.json:
        print(json.dumps(r))
    else:
        print(f"{r['documents']} documents, {r['gold_quotes']} gold / {r['pred_quotes']} predicted quotes, {r['missing_predictions']} without prediction")
        for k in ("message", "roles", "joint"):
            print(f"{k:8s} P {r[k]['p']:.3f} R {r[k]['r']:.3f} F1 {r[k]['f1']:.3f}")
        print(f"type F1 {r['type_f1']:.3f}   simplified: message F1 {r['simplified']['message']['f1']:.3f}  speaker F1 {r['simplified']['speaker']['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
