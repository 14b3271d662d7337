"""Train the speaker ranker (averaged perceptron) on WikiNews quotation train.

    python training/attribution/train_speaker.py /tmp/attr/train [--holdout 150] [--epochs 8]

For every rule-detected quote aligned to a gold quote, the target candidate is the one
whose tokens best match the gold speaker (token F1 >= 0.5; "no speaker" when gold has
none). Data licence: CC BY-NC-SA 4.0 — the weights in
src/quellenlage/models/attribution/speaker_ranker.json are derived from it.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
import sys
from collections import defaultdict

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _pipe import LangAttr  # noqa: E402
from train_filter import score_with  # noqa: E402

from quellenlage.attribution import _entity_labels  # noqa: E402
from quellenlage.attribution.filter import QuoteFilter  # noqa: E402
from quellenlage.attribution.rules import Detector  # noqa: E402
from quellenlage.attribution.speaker import (  # noqa: E402
    WEIGHTS,
    SentenceNPs,
    SpeakerRanker,
    candidates,
    features,
    rankable,
)
from quellenlage.evaluation.quotes import load_scorer  # noqa: E402
from quellenlage.model import Article, Doc  # noqa: E402


def examples(lang, g: dict, sc, qf: QuoteFilter) -> list[tuple[list[list[str]], int]]:
    doc = lang(Doc(article=Article(body=g["originalText"])))
    det = Detector(doc)
    t = det.t
    _entity_labels(doc, t)
    raw = qf.keep(t, det.run(), [det.is_line(i) for i in range(len(doc.sentences))])
    raw.sort(key=lambda q: (t.s[q.content[0][0]] if q.content else 0))
    toks = g["tokens"]

    def ids(spans):
        return sc.token_ids([{"start": t.s[a], "end": t.e[b - 1]} for a, b in spans], toks)

    pred = [{"content": ids(q.content)} for q in raw]
    gold = [{"content": set(a["quote"]["tokenIds"]), "speaker": set((a.get("speaker") or {}).get("tokenIds") or [])}
            for a in g["annotations"]]
    out = []
    nps = SentenceNPs(t)
    rule = [q.speaker for q in raw]
    for i, j in sc.align(pred, gold):
        if sc.f1(pred[i]["content"], gold[j]["content"]) < 0.3:
            continue
        q = raw[i]
        if not rankable(t, q):
            continue
        prev = rule[max(0, i - 4):i]
        cands = candidates(t, q, prev, nps)
        gs = gold[j]["speaker"]
        best, best_f = -1, 0.0
        for k, c in enumerate(cands):
            if c is None:
                f = 1.0 if not gs else 0.0
            else:
                f = sc.f1(ids([c]), gs) if gs else 0.0
            if f > best_f:
                best, best_f = k, f
        if best < 0 or best_f < 0.5:
            continue
        out.append(([features(t, q, c, prev) for c in cands], best))
    return out


def train(data, epochs: int) -> dict[str, float]:
    w: dict[str, float] = defaultdict(float)
    tot: dict[str, float] = defaultdict(float)
    stamp: dict[str, int] = defaultdict(int)
    n = 0
    rng = random.Random(0)
    for _ in range(epochs):
        rng.shuffle(data)
        for cands, gold in data:
            n += 1
            scores = [sum(w.get(x, 0.0) for x in fs) for fs in cands]
            p = max(range(len(cands)), key=lambda k: scores[k])
            if p != gold:
                for x, d in [(x, 1.0) for x in cands[gold]] + [(x, -1.0) for x in cands[p]]:
                    tot[x] += (n - stamp[x]) * w[x]
                    stamp[x] = n
                    w[x] += d
    for x in w:
        tot[x] += (n - stamp[x]) * w[x]
    return {x: round(v / n, 5) for x, v in tot.items() if abs(v / n) > 1e-6}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("train", type=pathlib.Path)
    ap.add_argument("--holdout", type=int, default=150)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--out", type=pathlib.Path, default=WEIGHTS)
    ap.add_argument("--no-final-fit", action="store_true",
                    help="keep the model fitted without the held-out documents (for fair comparisons)")
    a = ap.parse_args()
    sc = load_scorer()
    qf = QuoteFilter()
    files = sorted(a.train.glob("*.json"))
    fit_files, hold = files[: len(files) - a.holdout], files[len(files) - a.holdout:]
    la = LangAttr(real=True)
    data = []
    for f in fit_files:
        data += examples(la.lang, json.loads(f.read_text()), sc, qf)
    print(f"{len(data)} training quotes", file=sys.stderr)
    w = train(data, a.epochs)
    la.attr.ranker = SpeakerRanker(pathlib.Path("/nonexistent"))
    r0 = score_with(hold, la, qf, sc)
    la.attr.ranker.w = w
    r1 = score_with(hold, la, qf, sc)
    for name, r in (("rules", r0), ("ranker", r1)):
        print(f"holdout {name}: message {r['message']['f1']} roles {r['roles']['f1']} joint {r['joint']['f1']} "
              f"speaker {r['simplified']['speaker']['f1']}", file=sys.stderr)
    if not a.no_final_fit:
        for f in hold:
            data += examples(la.lang, json.loads(f.read_text()), sc, qf)
        w = train(data, a.epochs)
    a.out.write_text(json.dumps({"model": "averaged perceptron ranking speaker candidates",
                                 "trained_on": "german-news-quotation-attribution-2024 train (CC BY-NC-SA 4.0)",
                                 "use": r1["roles"]["f1"] >= r0["roles"]["f1"],
                                 "weights": dict(sorted(w.items()))}, ensure_ascii=False, indent=0),
                     encoding="utf-8")
    print(f"{len(w)} weights -> {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
