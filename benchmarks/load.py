"""Load benchmark of `quellenlage serve` (not a unit test).

Starts one server (`python -m quellenlage serve`) on a free 127.0.0.1 port, then sends N
analyse requests from C concurrent clients (keep-alive connections) and reports errors,
p50/p95/p99 latency and requests per second. Loopback only: it never talks to another host.

    .venv/bin/python benchmarks/load.py                      # 200 requests, 8 clients, seed article
    .venv/bin/python benchmarks/load.py --requests 500 --concurrency 16 --write benchmarks/results/web.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import pathlib
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time

import httpx

ROOT = pathlib.Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "fixtures" / "atom-alarm.txt"
# used when ../shared is absent: a short German article of the same kind
FALLBACK = (
    "Schock-Bericht: Steht die Stadtbahn vor dem Aus?\n\n"
    "Die Stadtbahn soll angeblich im Jahr 2027 eingestellt werden. \"Das ist beschlossene Sache\", "
    "sagte Verkehrsdezernentin Anna Berg gegenüber dem \"Tagesblatt\". Experten halten eine Verlängerung "
    "der Strecke dagegen für möglich. Wie die Stadtwerke mitteilten, könnte eine Entscheidung im Herbst "
    "fallen. Es wird vermutet, dass der Stadtrat die Kosten scheut.\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, extra: list[str]) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "quellenlage", "serve", "--host", "127.0.0.1", "--port", str(port), *extra]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not come up within 120 s")


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def run_load(base: str, body: bytes, n: int, concurrency: int) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(n))

    def client() -> None:
        with httpx.Client(base_url=base, timeout=120, headers={"content-type": "text/plain"}) as c:
            while True:
                with lock:
                    if next(counter, None) is None:
                        return
                t0 = time.perf_counter()
                try:
                    r = c.post("/api/analyze", content=body)
                    # also a thread-safety check: every answer must equal the warm-up's claim map
                    ok = r.status_code == 200 and r.json() == expected
                    err = None if ok else f"HTTP {r.status_code}: {r.text[:200]}"
                except (httpx.HTTPError, ValueError) as exc:
                    err = f"{type(exc).__name__}: {exc}"
                elapsed = time.perf_counter() - t0
                with lock:
                    latencies.append(elapsed)
                    if err:
                        errors.append(err)

    # one warm-up request so that start-up costs are not counted as latency
    warm = httpx.post(base + "/api/analyze", content=body, headers={"content-type": "text/plain"}, timeout=120)
    if warm.status_code != 200:
        raise SystemExit(f"warm-up request failed: HTTP {warm.status_code}: {warm.text[:300]}")
    expected = warm.json()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    return {"requests": len(latencies), "errors": len(errors), "error_samples": errors[:5], "wall_s": wall,
            "rps": len(latencies) / wall, "p50_ms": percentile(latencies, 0.50) * 1000,
            "p95_ms": percentile(latencies, 0.95) * 1000, "p99_ms": percentile(latencies, 0.99) * 1000,
            "max_ms": max(latencies) * 1000, "mean_ms": statistics.mean(latencies) * 1000}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--article", type=pathlib.Path, help="article file (default: the seed, else a built-in one)")
    ap.add_argument("--workers", type=int, default=2, help="server analysis threads")
    ap.add_argument("--write", type=pathlib.Path, help="write the results as Markdown to this file")
    args = ap.parse_args(argv)

    if args.article:
        body, label = args.article.read_bytes(), str(args.article)
    elif SEED.exists():
        body, label = SEED.read_bytes(), "../shared/fixtures/atom-alarm.txt (seed)"
    else:
        body, label = FALLBACK.encode(), "built-in short article"
    load_before = os.getloadavg()[0]
    port = free_port()
    proc = start_server(port, ["--workers", str(args.workers), "--timeout", "120"])
    try:
        res = run_load(f"http://127.0.0.1:{port}", body, args.requests, args.concurrency)
    finally:
        proc.terminate()
        proc.wait(10)
    lines = [
        f"requests {res['requests']}, concurrency {args.concurrency}, errors {res['errors']}",
        f"throughput {res['rps']:.1f} req/s (wall {res['wall_s']:.1f} s)",
        f"latency p50 {res['p50_ms']:.0f} ms, p95 {res['p95_ms']:.0f} ms, p99 {res['p99_ms']:.0f} ms, "
        f"max {res['max_ms']:.0f} ms",
    ]
    print("\n".join(lines))
    for e in res["error_samples"]:
        print("error:", e)
    if args.write:
        cmd = "nice .venv/bin/python benchmarks/load.py " + " ".join(argv if argv is not None else sys.argv[1:])
        md = f"""# Web app load benchmark

Measured {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')} on {platform.node() or 'host'}:
{os.cpu_count()}-core CPU, Python {platform.python_version()}, {platform.system()}; load average
{load_before:.1f} when it started (the machine is shared with other jobs, so the figures are provisional). One `quellenlage serve` process (uvicorn, {args.workers} analysis
threads) on 127.0.0.1; {args.concurrency} concurrent keep-alive clients each POST the article as
text/plain to `/api/analyze` until {args.requests} requests are done (plus one warm-up request not counted).
An error is any answer that is not HTTP 200 with exactly the warm-up's claim map (so the figure
also checks that concurrent analyses do not disturb each other).

Command: `{cmd.strip()}`

Article: {label}, {len(body):,} bytes.

| requests | clients | errors | req/s | p50 | p95 | p99 | max |
|---:|---:|---:|---:|---:|---:|---:|---:|
| {res['requests']} | {args.concurrency} | {res['errors']} | {res['rps']:.1f} | {res['p50_ms']:.0f} ms | \
{res['p95_ms']:.0f} ms | {res['p99_ms']:.0f} ms | {res['max_ms']:.0f} ms |

Latency is per request as the client sees it, queueing included: with 8 clients and analysis
bound by one Python process, p50 ≈ 8 × (time of one analysis) ÷ (parallel speed-up).
"""
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text(md, encoding="utf-8")
    return 1 if res["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
