"""5-fold cross-validation of the quote filter on the WikiNews train split (feature and threshold choice).

    python training/attribution/cv_filter.py /tmp/attr/train [--thresholds 0.3,0.35,0.4,0.45,0.5]
    python training/attribution/cv_filter.py /tmp/attr/train --verbs     # with the verb-lemma features
    python training/attribution/cv_filter.py /tmp/attr/train --mainlem   # with the cue's main-verb lemma

Every train document is predicted by a filter fitted on the other four folds; the out-of-fold
predictions of all 700 documents are scored once per threshold with the shared metric. Unlike
the single held-out part of train_filter.py this uses all of train and is not biased by the
shipped weights having seen the held-out documents. Dev is not used.
"""

from __future__ import annotations

import argparse
import copy
import json
import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _pipe import LangAttr, score_maps  # noqa: E402
from train_filter import candidates, fit  # noqa: E402

import quellenlage.attribution.filter as filter_module  # noqa: E402
from quellenlage.evaluation.quotes import load_scorer  # noqa: E402
from quellenlage.model import Article, Doc, to_dict  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("train", type=pathlib.Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--thresholds", default="0.3,0.35,0.4,0.45,0.5")
    ap.add_argument("--verbs", action="store_true", help="add the sentence's verb-lemma features (FILTER_VERBS)")
    ap.add_argument("--mainlem", action="store_true", help="add the cue's main-verb lemma (FILTER_MAINLEM)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the fold split")
    a = ap.parse_args()
    filter_module.FILTER_VERBS = a.verbs
    filter_module.FILTER_MAINLEM = a.mainlem
    sc = load_scorer()
    files = sorted(a.train.glob("*.json"))
    order = list(range(len(files)))
    random.Random(a.seed).shuffle(order)
    folds = [set(order[k::a.folds]) for k in range(a.folds)]
    la = LangAttr(real=True)
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    lang_docs = [la.lang(Doc(article=Article(body=g["originalText"]))) for g in golds]
    # candidates of every document once (the language layer's output is reused, copied per use)
    cands = [candidates(lambda _d, i=i: copy.deepcopy(lang_docs[i]), golds[i], sc) for i in range(len(files))]
    thresholds = [float(x) for x in a.thresholds.split(",")]
    preds: dict[float, dict[str, dict]] = {th: {} for th in thresholds}
    for test in folds:
        X: list[list[str]] = []
        y: list[int] = []
        for i in range(len(files)):
            if i not in test:
                X += cands[i][0]
                y += cands[i][1]
        w = fit(X, y)
        for th in thresholds:
            qf = filter_module.QuoteFilter(pathlib.Path("/nonexistent"))
            qf.w, qf.threshold = w, th
            la.attr.filter = qf
            for i in test:
                preds[th][files[i].name] = to_dict(la.attr(copy.deepcopy(lang_docs[i])))
    for th in thresholds:
        r = score_maps(sc, files, preds[th])
        print(f"threshold {th}: message {r['message']['f1']} roles {r['roles']['f1']} joint {r['joint']['f1']} "
              f"type {r['type_f1']} speaker {r['simplified']['speaker']['f1']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
