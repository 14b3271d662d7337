"""Corpus throughput benchmark on the 1,028 articles of 10kGNAD test.csv.

Measures, in one run on the same texts:
  * `quellenlage corpus run` (JSONL -> DuckDB, claim groups included) with 1 and 2 local workers:
    articles/s, articles/s per worker, peak RSS per worker, 2-worker speed-up;
  * the baseline: plain SoMaJo tokenisation + HanTa tagging of the same texts. HanTa is slow
    (~1.6k tokens/s), so by default it is timed on a subset and extrapolated by token count
    (stated in the output); SoMaJo runs on all texts.

    .venv/bin/python benchmarks/corpus.py                      # full run, prints a summary
    .venv/bin/python benchmarks/corpus.py --limit 200 --hanta-subset 20
    .venv/bin/python benchmarks/corpus.py --markdown benchmarks/results/corpus.md
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import pathlib
import platform
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "10kgnad" / "test.csv"
TARGETS = {"per_worker": 20.0, "vs_baseline": 5.0, "rss_gb": 1.5, "speedup": 1.7}


def load(limit: int | None) -> list[str]:
    if not DATA.is_file():
        sys.exit(f"benchmark data not found: {DATA} (the shared datasets live next to the repo)")
    csv.field_size_limit(10_000_000)
    with open(DATA, encoding="utf-8", newline="") as f:
        texts = [row[1] for row in csv.reader(f, delimiter=";", quotechar="'") if len(row) >= 2]
    return texts[:limit] if limit else texts


def _steal_jiffies() -> int:
    """CPU time the hypervisor gave to others (all CPUs, /proc/stat `steal`), 0 where unknown."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            fields = f.readline().split()
        return int(fields[8])
    except (OSError, IndexError, ValueError):
        return 0


def bench_corpus(jsonl: pathlib.Path, n: int, workers: int, tmp: pathlib.Path) -> dict:
    from quellenlage.corpus.engine import run_corpus

    db = tmp / f"bench-{workers}.duckdb"
    for p in (db, db.with_suffix(".duckdb.wal")):
        p.unlink(missing_ok=True)
    marks: list[tuple[float, int]] = []  # (time, articles done) at each commit: steady-state rate

    def on_commit(_n: int, st: dict) -> None:
        marks.append((time.perf_counter(), st["analysed"] + st["errors"]))

    load_before, steal0 = os.getloadavg()[0], _steal_jiffies()
    stats = run_corpus([str(jsonl)], str(db), workers=workers, progress=False, on_commit=on_commit)
    steal = (_steal_jiffies() - steal0) / os.sysconf("SC_CLK_TCK")
    steady = 0.0
    if len(marks) >= 3 and marks[-1][0] > marks[0][0]:
        steady = (marks[-1][1] - marks[0][1]) / (marks[-1][0] - marks[0][0])
    if stats["analysed"] + stats["errors"] != n:
        sys.exit(f"corpus run handled {stats['analysed'] + stats['errors']} of {n} articles")
    secs = stats["seconds"]
    cpu = sum(stats["worker_cpu"].values())  # worker CPU seconds (incl. start-up), robust to contention
    return {"workers": workers, "seconds": secs, "analysed": stats["analysed"], "errors": stats["errors"],
            "rate": n / secs, "per_worker": n / secs / workers, "worker_cpu_seconds": cpu,
            "cpu_rate_per_worker": n / cpu if cpu else 0.0, "main_cpu_seconds": stats["main_cpu_seconds"],
            "peak_rss_worker_mb": stats["peak_rss_worker"] / 2**20, "groups": stats["groups"],
            "steady_rate": steady, "load_before": load_before, "load_after": os.getloadavg()[0],
            "steal_seconds": steal}


def bench_baseline(texts: list[str], hanta_subset: int) -> dict:
    from HanTa import HanoverTagger as ht
    from somajo import SoMaJo

    t0, c0 = time.perf_counter(), time.process_time()
    tok = SoMaJo("de_CMC", split_camel_case=True)
    sents_all = [[[t.text for t in s] for s in tok.tokenize_text([text])] for text in texts]
    t_somajo, c_somajo = time.perf_counter() - t0, time.process_time() - c0
    n_tokens = sum(len(s) for doc in sents_all for s in doc)
    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    subset = sents_all[: hanta_subset or len(sents_all)]
    sub_tokens = sum(len(s) for doc in subset for s in doc)
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in subset:
        for s in doc:
            tagger.tag_sent(s, taglevel=1)  # HanTa's default: (word, lemma, POS)
    t_hanta_sub, c_hanta_sub = time.perf_counter() - t0, time.process_time() - c0
    hanta_rate = sub_tokens / t_hanta_sub
    t_hanta = n_tokens / hanta_rate  # extrapolated by tokens when the subset is smaller than the corpus
    c_hanta = n_tokens / (sub_tokens / c_hanta_sub)
    total = t_somajo + t_hanta
    cpu_total = c_somajo + c_hanta
    return {"tokens": n_tokens, "somajo_seconds": t_somajo, "somajo_tokens_per_s": n_tokens / t_somajo,
            "hanta_subset_articles": len(subset), "hanta_subset_tokens": sub_tokens,
            "hanta_tokens_per_s": hanta_rate, "hanta_seconds_extrapolated": t_hanta,
            "extrapolated": len(subset) < len(sents_all),
            "seconds": total, "rate": len(texts) / total, "cpu_seconds": cpu_total,
            "cpu_rate": len(texts) / cpu_total, "load_after": os.getloadavg()[0]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to run (default 1 2)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per worker count, interleaved (default 3)")
    ap.add_argument("--hanta-subset", type=int, default=60,
                    help="articles HanTa tags (rate extrapolated to all); 0 = all (slow)")
    ap.add_argument("--no-baseline", action="store_true", help="skip SoMaJo + HanTa")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    ap.add_argument("--markdown", metavar="PATH", help="also write a results file (markdown)")
    args = ap.parse_args()

    texts = load(args.limit)
    n = len(texts)
    res: dict = {"articles": n, "chars": sum(map(len, texts)), "machine": f"{platform.machine()}, "
                 f"{os.cpu_count()} CPU(s), Python {platform.python_version()}", "runs": [],
                 "load_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory(prefix="ql-bench-") as tmpd:
        tmp = pathlib.Path(tmpd)
        jsonl = tmp / "10kgnad-test.jsonl"
        with open(jsonl, "w", encoding="utf-8") as f:
            for i, text in enumerate(texts):
                f.write(json.dumps({"id": f"10kgnad-test-{i}", "body": text, "outlet": "derStandard.at"},
                                   ensure_ascii=False) + "\n")
        for rep in range(max(1, args.repeat)):
            for w in args.workers:
                r = bench_corpus(jsonl, n, w, tmp)
                r["repeat"] = rep + 1
                res["runs"].append(r)
                print(f"  corpus run {rep + 1}, {w} worker(s): {r['seconds']:.1f} s, {r['rate']:.1f} articles/s "
                      f"({r['per_worker']:.1f}/worker), peak RSS/worker {r['peak_rss_worker_mb']:.0f} MB, "
                      f"steal {r['steal_seconds']:.1f} s", flush=True)
    if not args.no_baseline:
        b = bench_baseline(texts, args.hanta_subset)
        res["baseline"] = b
        print(f"  SoMaJo + HanTa: {b['seconds']:.1f} s, {b['rate']:.2f} articles/s "
              f"({'HanTa timed on ' + str(b['hanta_subset_articles']) + ' articles, extrapolated' if b['extrapolated'] else 'all articles'})",
              flush=True)
    lines = summarize(res)
    print("\n".join(lines))
    if args.json:
        print(json.dumps(res, indent=1))
    if args.markdown:
        pathlib.Path(args.markdown).write_text(markdown(res, lines, " ".join(sys.argv)), encoding="utf-8")
    return 0


def summarize(res: dict) -> list[str]:
    by_workers: dict[int, list[dict]] = {}
    for r in res["runs"]:
        by_workers.setdefault(r["workers"], []).append(r)
    loads = [res["load_before"]] + [r["load_after"] for r in res["runs"]]
    if res.get("baseline"):
        loads.append(res["baseline"]["load_after"])
    out = [f"corpus benchmark: {res['articles']:,} articles ({res['chars']:,} chars), {res['machine']}",
           f"  load average (1 min) before/after each step: {' / '.join(f'{x:.1f}' for x in loads)}"
           + (" -- machine busy: wall-clock figures are provisional, CPU-time figures are the fairer ones"
              if max(loads) > (os.cpu_count() or 1) + 0.5 else "")]
    med: dict[int, dict] = {}
    for w, rs in sorted(by_workers.items()):
        rates = [r["rate"] for r in rs]
        m = _median_run(rs)
        med[w] = m
        rss = max(r["peak_rss_worker_mb"] for r in rs)
        ok = m["per_worker"] >= TARGETS["per_worker"]
        out.append(f"  {w} worker(s), median of {len(rs)}: {m['rate']:7.1f} articles/s = {m['per_worker']:6.1f}/worker "
                   f"[target >= {TARGETS['per_worker']:.0f}: {'met' if ok else 'MISSED'}]; "
                   f"peak RSS/worker {rss:.0f} MB "
                   f"[<= {TARGETS['rss_gb'] * 1024:.0f}: {'met' if rss <= TARGETS['rss_gb'] * 1024 else 'MISSED'}]")
        out.append(f"      all runs (articles/s, in order): {', '.join(f'{x:.1f}' for x in rates)}")
        out.append(f"      steady state (first to last commit, without start-up and grouping), median run: "
                   f"{m['steady_rate']:.1f} articles/s = {m['steady_rate'] / w:.1f}/worker")
        out.append(f"      by CPU time, median run: {m['cpu_rate_per_worker']:6.1f} articles per worker-CPU-second "
                   f"(workers {m['worker_cpu_seconds']:.1f} s CPU, main process {m['main_cpu_seconds']:.1f} s CPU, "
                   f"wall {m['seconds']:.1f} s)")
    if 1 in med and 2 in med:
        sp = med[2]["rate"] / med[1]["rate"]
        pairs = [b["rate"] / a["rate"] for a, b in zip(by_workers[1], by_workers[2], strict=False)]
        out.append(f"  2-worker speed-up (median rates): {sp:.2f}x [target >= {TARGETS['speedup']}: "
                   f"{'met' if sp >= TARGETS['speedup'] else 'MISSED'}]; run by run: "
                   f"{', '.join(f'{x:.2f}x' for x in pairs)}")
    b = res.get("baseline")
    if b:
        out.append(f"  SoMaJo + HanTa baseline: {b['rate']:.2f} articles/s ({b['tokens']:,} tokens; SoMaJo "
                   f"{b['somajo_tokens_per_s']:,.0f} tok/s on all; HanTa {b['hanta_tokens_per_s']:,.0f} tok/s"
                   f"{' on ' + str(b['hanta_subset_articles']) + ' articles, extrapolated' if b['extrapolated'] else ''})")
        out.append(f"      by CPU time: {b['cpu_rate']:.2f} articles per CPU-second")
        if 1 in med:
            ratio = med[1]["rate"] / b["rate"]
            cratio = med[1]["cpu_rate_per_worker"] / b["cpu_rate"]
            out.append(f"  1 worker (median run) vs baseline (1 process each): {ratio:.1f}x wall-clock, "
                       f"{cratio:.1f}x by CPU time "
                       f"[target >= {TARGETS['vs_baseline']:.0f}: {'met' if ratio >= TARGETS['vs_baseline'] else 'MISSED'}]")
    return out


def _median_run(runs: list[dict]) -> dict:
    """The run with the median rate (the lower middle one for an even count: no flattering)."""
    ordered = sorted(runs, key=lambda r: r["rate"])
    return ordered[(len(ordered) - 1) // 2]


def markdown(res: dict, lines: list[str], cmd: str) -> str:
    return (f"# Corpus benchmark\n\nCommand: `{cmd}`\n\nMachine: {res['machine']}\n\n```\n" + "\n".join(lines)
            + "\n```\n")


if __name__ == "__main__":
    raise SystemExit(main())
