"""kill -9 in the middle of a corpus run, then resume: every article exactly once, nothing corrupted."""

from __future__ import annotations

import os
import pathlib
import random
import signal
import subprocess
import sys
import time

from test_corpus_fixtures import write_jsonl

N = 240
BAD = 2


def _start(jsonl: pathlib.Path, db: pathlib.Path, workers: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, "-m", "quellenlage", "corpus", "run", str(jsonl), "--db", str(db), "--workers",
         str(workers), "--batch-size", "2", "--progress", "never", "--log-commits"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
        start_new_session=True)  # own process group: the kill takes the workers with it, like a crash


def _kill_after(proc: subprocess.Popen, commits: int, extra_delay: float) -> int:
    """SIGKILL the run (and its workers) once it has logged `commits` commits (+ a delay); returns commits seen."""
    seen = 0
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("commit "):
            seen += 1
            if seen >= commits:
                break
    time.sleep(extra_delay)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    return seen


def _check(db: pathlib.Path) -> dict:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "distinct_ids": one("SELECT count(DISTINCT id) FROM articles"),
            "maps": one("SELECT count(*) FROM claim_maps"),
            "orphan_maps": one("SELECT count(*) FROM claim_maps WHERE uid NOT IN (SELECT uid FROM articles)"),
            "dup_claims": one("SELECT count(*) FROM (SELECT uid, claim_id FROM claims GROUP BY ALL "
                              "HAVING count(*) > 1)"),
            "headlines": one("SELECT count(*) FROM claims WHERE is_headline"),
            "records": one("SELECT count(*) FROM records"),
            "errors": one("SELECT count(*) FROM errors"),
            "statuses": [r[0] for r in con.execute("SELECT status FROM runs ORDER BY run_id").fetchall()],
        }
    finally:
        con.close()


def test_kill_minus_9_then_resume_every_article_exactly_once(tmp_path: pathlib.Path) -> None:
    jsonl = tmp_path / "big.jsonl"
    write_jsonl(jsonl, N, bad_lines={17: "{not json", 150: '{"id": "leer", "body": "   "}'})
    db = tmp_path / "c.duckdb"
    rng = random.Random(3)
    # 1st run: killed right after a commit; 2nd run (resumes): killed at an arbitrary moment
    p = _start(jsonl, db, workers=1)
    assert _kill_after(p, 3, 0.0) == 3
    first = _check(db)
    assert 0 < first["articles"] < N and first["maps"] == first["articles"]
    p = _start(jsonl, db, workers=2)
    _kill_after(p, 4, rng.uniform(0.0, 0.05))
    second = _check(db)
    assert second["articles"] >= first["articles"] and second["orphan_maps"] == 0
    # final run to completion
    done = subprocess.run([sys.executable, "-m", "quellenlage", "corpus", "run", str(jsonl), "--db", str(db),
                           "--workers", "1"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    # in a pipe: no progress bar, just the one summary line
    assert done.stderr.count("\n") == 1 and "articles analysed" in done.stderr and "ETA" not in done.stderr
    final = _check(db)
    assert final["articles"] == N and final["distinct_ids"] == N and final["maps"] == N
    assert final["headlines"] == N and final["dup_claims"] == 0 and final["orphan_maps"] == 0
    assert final["records"] == N + BAD and final["errors"] == BAD
    assert final["statuses"] == ["killed", "killed", "done"]
    # and one more run changes nothing
    again = subprocess.run([sys.executable, "-m", "quellenlage", "corpus", "run", str(jsonl), "--db", str(db),
                            "--workers", "0", "--progress", "never"], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and f"0 articles analysed, {N + BAD:,} already done" in again.stderr
    assert {k: v for k, v in _check(db).items() if k != "statuses"} == \
        {k: v for k, v in final.items() if k != "statuses"}
