"""Attribution speed relative to the language layer (target: adds at most 30 %).

    python benchmarks/attribution.py [--repeat 3] [--out benchmarks/results/attribution.md]

Articles: the WikiNews quotation dev split and the claim-map dev set (bodies only), from
../shared when present, else a synthetic news text. Times are per article, best of N
repeats (the CPU is shared; figures measured under contention are provisional).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import platform
import statistics
import time

from quellenlage.model import Article, Doc
from quellenlage.pipeline import REGISTRY, Pipeline

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def articles() -> list[str]:
    out: list[str] = []
    wn = SHARED / "data" / "german-news-quotation-attribution-2024" / "dev"
    for f in sorted(wn.glob("*.json")) if wn.is_dir() else []:
        out.append(json.loads(f.read_text(encoding="utf-8"))["originalText"])
    ev = SHARED / "eval" / "dev"
    for f in sorted(ev.glob("*.json")) if ev.is_dir() else []:
        g = json.loads(f.read_text(encoding="utf-8"))
        out.append(g["text"][g["headline"]["end"] + 2:])
    if not out:
        para = ('Der Minister sagte, dass die Steuern steigen würden. "Wir haben keine Wahl", sagte Müller '
                "gegenüber dem Spiegel. Laut Polizei wurden drei Menschen verletzt. Es wird vermutet, dass ... ")
        out = [para * 20] * 50
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=pathlib.Path)
    a = ap.parse_args()
    Pipeline(["language", "attribution"])  # registers and warms up the components
    lang, attr = REGISTRY["language"](), REGISTRY["attribution"]()
    texts = articles()
    t_lang: list[float] = []
    t_attr: list[float] = []
    for text in texts:
        best_l = best_a = float("inf")
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            doc = lang(Doc(article=Article(body=text)))
            t1 = time.perf_counter()
            attr(doc)
            t2 = time.perf_counter()
            best_l, best_a = min(best_l, t1 - t0), min(best_a, t2 - t1)
        t_lang.append(best_l)
        t_attr.append(best_a)
    # linearity: one article repeated 1x / 4x / 16x -> attribution time per 1000 characters
    base = max(texts, key=len)
    per_kchar = []
    for k in (1, 4, 16):
        text = "\n\n".join([base] * k)
        doc = lang(Doc(article=Article(body=text)))
        t0 = time.perf_counter()
        attr(doc)
        per_kchar.append((k, 1000 * (time.perf_counter() - t0) / (len(text) / 1000)))
    chars = sum(len(x) for x in texts)
    ratio = sum(t_attr) / sum(t_lang)
    lines = [
        f"articles: {len(texts)} ({chars / len(texts):.0f} chars on average), best of {a.repeat} runs each",
        f"language layer: mean {1000 * statistics.mean(t_lang):.2f} ms/article, "
        f"median {1000 * statistics.median(t_lang):.2f} ms",
        f"attribution:    mean {1000 * statistics.mean(t_attr):.2f} ms/article, "
        f"median {1000 * statistics.median(t_attr):.2f} ms",
        f"attribution / language time: {100 * ratio:.1f} % (target <= 30 %)",
        f"attribution throughput: {chars / sum(t_attr) / 1000:.0f} k chars/s",
        "linearity (same article x1/x4/x16, ms per 1000 chars): "
        + ", ".join(f"x{k}: {v:.2f}" for k, v in per_kchar),
        f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
    ]
    print("\n".join(lines))
    if a.out:
        a.out.parent.mkdir(parents=True, exist_ok=True)
        a.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
