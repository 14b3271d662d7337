#!/usr/bin/env python3
# ruff: noqa  -- verbatim copy of ../shared/eval/score_claims.py (the reference scorer), used when ../shared is absent
"""Score claim maps against sentence-level gold (certainty, attribution, headline).

Gold files follow GUIDELINES.md (see dev/). Predictions are claim maps
(schema quellenlage.claim-map/1, see ../design/claim-map.md), one JSON file per gold
file with the same name, whose offsets refer to the article body.

    score_claims.py --gold DIR --pred DIR [--json]
    score_claims.py --gold DIR --inputs DIR      # writes the article inputs to feed the tool

The body of a gold article is text[headline.end + 2:] (headline, blank line, body).
"""
import argparse, json, pathlib, sys
from collections import Counter

CERTAINTY = ["certain", "probable", "possible", "alleged", "open"]
ATTRIBUTION = ["none", "direct", "indirect", "impersonal"]
SUPPORT = ["supported", "hedged", "unsupported", "contradicted", "n/a"]


def body_start(gold):
    return gold["headline"]["end"] + 2


def write_inputs(gold_dir, out_dir):
    out_dir.mkdir(parents=True, exist_ok=True)
    for f in sorted(gold_dir.glob("*.json")):
        g = json.loads(f.read_text())
        art = {"id": g["id"], "title": g["headline"]["text"],
               "body": g["text"][body_start(g):], "outlet": g.get("outlet")}
        (out_dir / f.name).write_text(json.dumps(art, ensure_ascii=False))


def f1_table(pairs, labels):
    """Per-label and macro F1 for (gold, pred) pairs."""
    per = {}
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        if tp + fn == 0:
            continue  # label absent from gold: not part of the macro average
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn)
        per[lab] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    macro = sum(per.values()) / len(per) if per else 0.0
    acc = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
    return {"macro_f1": round(macro, 4), "accuracy": round(acc, 4),
            "per_label_f1": {k: round(v, 4) for k, v in per.items()}}


def binary_f1(pairs):
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if not g and p)
    fn = sum(1 for g, p in pairs if g and not p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0


def best_sentence(pred_sents, start, end):
    best, best_ov = None, 0
    for s in pred_sents:
        ov = min(end, s["end"]) - max(start, s["start"])
        if ov > best_ov:
            best, best_ov = s, ov
    return best


def score(gold_dir, pred_dir):
    cert, attr, hedged, attributed, kinds = [], [], [], [], []
    form, click, support, overst = [], [], [], []
    missing = []
    for f in sorted(gold_dir.glob("*.json")):
        g = json.loads(f.read_text())
        pf = pred_dir / f.name
        try:
            p = json.loads(pf.read_text())
            psents = p["sentences"]
            sources = {s["id"]: s for s in p.get("sources", [])}
            h = p["headline"]
        except (OSError, ValueError, KeyError, TypeError):
            missing.append(f.name)
            p, psents, sources, h = None, [], {}, {}
        off = body_start(g)
        for s in g["sentences"]:
            ps = best_sentence(psents, s["start"] - off, s["end"] - off) or {}
            pc, pa = ps.get("certainty", "MISSING"), ps.get("attribution", "MISSING")
            cert.append((s["certainty"], pc))
            attr.append((s["attribution"], pa))
            hedged.append((s["certainty"] != "certain", pc not in ("certain", "MISSING")))
            attributed.append((s["attribution"] != "none", pa not in ("none", "MISSING")))
            if s["attribution"] != "none" and pa not in ("none", "MISSING"):
                kind = sources.get(ps.get("source_id"), {}).get("kind", "MISSING")
                kinds.append((s["source_kind"], kind))
        gh = g["headline"]
        form.append((gh["form"], h.get("form", "MISSING")))
        click.append((gh["clickbait"], bool((h.get("clickbait") or {}).get("is_clickbait"))))
        support.append((gh["support"], h.get("support", "MISSING")))
        overst.append((gh["overstates"], bool(h.get("overstates"))))
    return {
        "articles": len(form), "sentences": len(cert), "missing_predictions": len(missing),
        "certainty": f1_table(cert, CERTAINTY),
        "hedge_detection_f1": binary_f1(hedged),
        "attribution": f1_table(attr, ATTRIBUTION),
        "attributed_detection_f1": binary_f1(attributed),
        "source_kind_accuracy": round(sum(a == b for a, b in kinds) / len(kinds), 4) if kinds else 0.0,
        "headline_form_accuracy": round(sum(a == b for a, b in form) / len(form), 4) if form else 0.0,
        "clickbait_f1": binary_f1(click),
        "headline_support": f1_table(support, SUPPORT),
        "overstates_f1": binary_f1(overst),
        "gold_label_counts": {"certainty": dict(Counter(g for g, _ in cert)),
                              "attribution": dict(Counter(g for g, _ in attr))},
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", required=True, type=pathlib.Path)
    ap.add_argument("--pred", type=pathlib.Path)
    ap.add_argument("--inputs", type=pathlib.Path, help="write tool inputs here and exit")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
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
        print(f"{r['articles']} articles, {r['sentences']} sentences, {r['missing_predictions']} without prediction")
        print(f"certainty  macro-F1 {r['certainty']['macro_f1']:.3f}  acc {r['certainty']['accuracy']:.3f}  hedge-F1 {r['hedge_detection_f1']:.3f}")
        print(f"attribution macro-F1 {r['attribution']['macro_f1']:.3f}  acc {r['attribution']['accuracy']:.3f}  attributed-F1 {r['attributed_detection_f1']:.3f}  source-kind acc {r['source_kind_accuracy']:.3f}")
        print(f"headline   form acc {r['headline_form_accuracy']:.3f}  clickbait-F1 {r['clickbait_f1']:.3f}  support macro-F1 {r['headline_support']['macro_f1']:.3f}  overstates-F1 {r['overstates_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
