"""Run a corpus through the pipeline: stream inputs, analyse in worker processes or on Dask, store.

The main process reads the inputs (streaming), drops what the store already has, cuts the
rest into batches and keeps at most ``2 x workers`` batches in flight (bounded memory).
Results are written in input order, finished batches together in one transaction, so local and Dask runs
produce the same store, and a killed run resumes where its last commit ended.
"""

from __future__ import annotations

import collections
import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

from quellenlage.corpus import store
from quellenlage.corpus.inputs import Task, expand_inputs, iter_tasks, total_bytes
from quellenlage.errors import QuellenlageError
from quellenlage.io import DEFAULT_MAX_BYTES

DEFAULT_BATCH = 16
LOOKUP_CHUNK = 512  # records checked against the store per query
DEFAULT_TIMEOUT = 600.0
MAX_COMMIT = 512  # results per transaction at most (finished batches are written together)
# A commit when this many results wait (at most COMMIT_BATCHES batches), or COMMIT_SECONDS after the
# last one: each transaction costs the one writer a few milliseconds of CPU that the workers
# would otherwise have, and a killed run only repeats the uncommitted batches.
COMMIT_ARTICLES = 128
COMMIT_BATCHES = 8
COMMIT_SECONDS = 3.0


def _init_worker() -> None:
    from quellenlage.corpus.worker import warm_up

    warm_up()


class WorkerDied(Exception):
    """A worker process died while analysing a batch (crash, out of memory, killed)."""


class _LocalEngine:
    """Worker processes of this machine (spawned: each builds the pipeline once); 0 = in this process."""

    def __init__(self, workers: int, timeout: float | None = None) -> None:
        self.workers = workers
        self.timeout = timeout
        self.pool = None
        self._killed = False
        self._starting: list[Any] = []
        self._exiting: Any = None
        if workers > 0:
            self.pool = self._make_pool()

    def _make_pool(self) -> Any:
        """Start the worker processes (they build their pipelines meanwhile; see `wait_ready`)."""
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        # spawn, not fork: workers start clean (no copy of DuckDB's or the caller's threads and locks)
        pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=mp.get_context("spawn"),
                                   initializer=_init_worker)
        self._starting = [pool.submit(os.getpid) for _ in range(self.workers)]
        return pool

    def wait_ready(self) -> None:
        """Wait until the workers are up and have built the pipeline: start-up (slow on a busy
        machine) must not count against the --timeout of the first batches."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            for fut in self._starting:
                fut.result()
        except BrokenProcessPool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
            raise QuellenlageError("the worker processes could not start (building the pipeline failed; "
                                   "see the messages above)") from None
        self._starting = []

    def submit(self, tasks: list[Task], max_bytes: int) -> Any:
        from concurrent.futures.process import BrokenProcessPool

        from quellenlage.corpus.worker import analyze_batch

        if self.workers == 0:
            return _Done(analyze_batch(tasks, max_bytes))
        if self._starting:  # the first batch: the workers were building their pipelines meanwhile
            self.wait_ready()
        try:
            return self.pool.submit(analyze_batch, tasks, max_bytes)
        except BrokenProcessPool:  # died since the last look: this batch goes through `isolate` too
            return _Done(None, failed=True)

    def result(self, fut: Any) -> dict:
        from concurrent.futures import TimeoutError as FutureTimeout
        from concurrent.futures.process import BrokenProcessPool

        try:
            return fut.result(timeout=self.timeout)
        except BrokenProcessPool:
            raise WorkerDied from None  # noqa: B904 - the pool's reason is always the same
        except FutureTimeout:
            # no result for `timeout` seconds: a record hangs its worker (e.g. pathological input);
            # kill the workers, and `isolate` finds the record with the same limit per record
            self._kill()
            raise WorkerDied from None

    def _kill(self) -> None:
        if self.pool is not None:
            for proc in list(getattr(self.pool, "_processes", {}).values()):
                proc.kill()
            self._killed = True

    def recover(self) -> None:
        """A worker died (crash, out of memory, killed): pending futures are lost; start a fresh pool."""
        # (a batch submitted before an earlier recovery may report the death of the old pool)
        if self.pool is not None and (self._killed or getattr(self.pool, "_broken", True)):
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._make_pool()
            self.wait_ready()
            self._killed = False

    def close(self, cancel: bool = False, wait: bool = True) -> None:
        """Stop the workers; `wait=False` lets them exit in the background (a later `close()` waits)."""
        if self.pool is not None:
            if cancel:
                self._kill()
            # the pool's manager thread joins the worker processes once they have exited
            self._exiting = getattr(self.pool, "_executor_manager_thread", None)
            self.pool.shutdown(wait=False, cancel_futures=cancel)
            self.pool = None
        if wait and not cancel and self._exiting is not None:
            self._exiting.join()
            self._exiting = None


class _Done:
    def __init__(self, value: Any, failed: bool = False) -> None:
        self.value = value
        self.failed = failed

    def done(self) -> bool:
        return True

    def result(self, timeout: float | None = None) -> Any:
        if self.failed:
            raise WorkerDied
        return self.value


class _DaskEngine:
    """A Dask cluster: the given scheduler, or a LocalCluster of `workers` single-threaded processes."""

    def __init__(self, workers: int, scheduler: str | None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise QuellenlageError("--engine dask needs dask[distributed] (pip install 'dask[distributed]')") from None
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="30s")
            else:
                self.cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=40)
                self.client = Client(self.cluster)
            if scheduler:  # give a fresh cluster a moment to get its workers
                self.client.wait_for_workers(1, timeout=120)
        except (OSError, TimeoutError) as exc:
            raise QuellenlageError(f"cannot use the Dask scheduler {scheduler}: {exc or 'no workers'}") from None
        info = self.client.scheduler_info().get("workers", {})
        # in-flight window = the cluster's task slots (threads over all workers)
        self.workers = sum(w.get("nthreads", 1) for w in info.values()) or max(1, workers)
        self.client.run(_init_worker)  # every worker builds the pipeline once, before the first batch

    def wait_ready(self) -> None:
        pass  # __init__ has had every worker build its pipeline

    def submit(self, tasks: list[Task], max_bytes: int) -> Any:
        from quellenlage.corpus.worker import analyze_batch

        return self.client.submit(analyze_batch, tasks, max_bytes, pure=False)

    def result(self, fut: Any) -> dict:
        from distributed import KilledWorker

        try:
            return fut.result()
        except KilledWorker:
            raise WorkerDied from None

    def recover(self) -> None:
        pass  # the scheduler replaces lost workers itself

    def close(self, cancel: bool = False, wait: bool = True) -> None:
        if not wait or self.client is None:
            return  # (a cluster's shutdown is not worth a thread of its own)
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = None


class _Progress:
    """rich progress bar (bytes of input -> ETA; articles/s) on a terminal; nothing in a pipe."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.bar = None
        self.started = time.perf_counter()
        if not enabled:
            return
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("[bold]corpus"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                            TextColumn("{task.fields[done]} articles · {task.fields[rate]} /s · "
                                       "{task.fields[errors]} errors"),
                            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                            transient=False, console=None, redirect_stdout=False, redirect_stderr=False)
        from rich.console import Console

        self.bar.live.console = Console(stderr=True)
        self.task = self.bar.add_task("corpus", total=max(total, 1), done=0, rate="-", errors=0)
        self.bar.start()

    def update(self, pos: int, stats: dict[str, Any], waiting: list[dict] | None = None) -> None:
        """`waiting`: finished results not yet committed (counted as done; the next commit stores them)."""
        if self.bar is None:
            return
        el = max(time.perf_counter() - self.started, 1e-6)
        done = stats["analysed"] + sum(r["status"] == "ok" for r in waiting or ())
        errors = stats["errors"] + sum(r["status"] != "ok" for r in waiting or ())
        self.bar.update(self.task, completed=pos, done=done, errors=errors, rate=f"{done / el:.1f}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


class _Pending:
    """Finished batches waiting for the next commit."""

    def __init__(self) -> None:
        self.results: list[dict] = []
        self.tables: list[dict] = []
        self.dups: list[tuple[str, str, int, str]] = []
        self.raws: list[str] = []
        self.uids: list[str] = []


def _ready(fut: Any) -> bool:
    return fut is None or fut.done()


def _collect(res: dict, results: list[dict], tables: list[dict]) -> None:
    """Add a batch result's records to `results` and its Arrow tables to `tables` (renumbering
    the tables each analysed record points to)."""
    base = len(tables)
    tables.extend(res.get("tables") or [])
    for r in res["results"]:
        if "table" in r:
            r["table"] += base
        results.append(r)


def _chunks(tasks: Iterator[Task], n: int) -> Iterator[list[Task]]:
    buf: list[Task] = []
    for t in tasks:
        buf.append(t)
        if len(buf) >= n:
            yield buf
            buf = []
    if buf:
        yield buf


def _batches(tasks: list[Task], size: int, total: int, workers: int) -> Iterator[list[Task]]:
    """Batches of `size` tasks; near the end of the input (estimated from the bytes read so far)
    half of that, so that no worker sits idle for long while another finishes a full batch."""
    i = 0
    while i < len(tasks):
        t = tasks[i]
        n = size
        if t.pos and total > t.pos:
            left = (total - t.pos) * (t.index + 1) / t.pos  # records still to come, roughly
            if left < workers * size:
                n = max(1, size // 2)
        yield tasks[i:i + n]
        i += n


def run_corpus(inputs: list[str], db: str, *, workers: int | None = None, engine: str = "local",
               scheduler: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, batch_size: int = DEFAULT_BATCH,
               progress: bool | None = None, on_commit: Callable[[int, dict], None] | None = None,
               group: bool = True, retry_errors: bool = False,
               timeout: float | None = DEFAULT_TIMEOUT) -> dict[str, Any]:
    """Analyse every input record not yet in the store `db`; returns the run statistics.

    `timeout`: seconds without a finished batch before the local workers are considered hung
    (killed; the batch is re-run record by record under the same limit)."""
    from quellenlage import __version__
    from quellenlage.corpus.groups import rebuild_groups
    from quellenlage.pipeline import DEFAULT_COMPONENTS

    files = expand_inputs(inputs)
    if not files:
        raise QuellenlageError("no input files (give JSONL, WARC, TXT/JSON/HTML files or directories)")
    if workers is None:
        workers = max(1, (os.cpu_count() or 1))
    if engine not in ("local", "dask"):
        raise QuellenlageError(f"unknown engine {engine!r} (local or dask)")
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    # local workers start first: they build their pipelines while the store is opened
    ex: Any = _LocalEngine(workers, timeout) if engine == "local" else None
    try:
        con = store.connect_rw(db)
        run_id = store.start_run(con, engine, workers, [str(f) for f in files],
                                 f"quellenlage {__version__}: {' -> '.join(DEFAULT_COMPONENTS)}")
        if retry_errors:  # records that failed before are read and analysed again
            con.execute("DELETE FROM records WHERE status = 'error'")  # (their `errors` rows go once they succeed)
        writer = store.Writer(con, run_id)
    except BaseException:
        if ex is not None:
            ex.close(cancel=True)
        raise
    stats: dict[str, Any] = {"run_id": run_id, "analysed": 0, "skipped": 0, "duplicates": 0, "errors": 0,
                             "records": 0, "seconds": 0.0, "peak_rss_worker": 0, "worker_peaks": {}, "worker_cpu": {},
                             "groups": 0, "engine": engine, "workers": workers, "db": str(db)}
    total = total_bytes(files)
    bar = _Progress(total, sys.stderr.isatty() if progress is None else progress)
    status = "interrupted"
    try:
        if ex is None:
            ex = _DaskEngine(workers, scheduler)
        window: collections.deque = collections.deque()
        stats["workers"] = ex.workers
        max_inflight = 2 * max(1, ex.workers)
        inflight_raw: set[str] = set()
        inflight_uid: set[str] = set()
        commits = 0

        def isolate(work: list[Task]) -> dict:
            """Re-run a batch whose worker died, one record at a time: the record that kills a
            worker again is recorded as an error, and the run goes on (a re-run would hit it again)."""
            ex.recover()
            out: list[dict] = []
            tables: list[dict] = []
            deaths = 0
            for t in work:
                try:
                    _collect(ex.result(ex.submit([t], max_bytes)), out, tables)
                    deaths = 0
                except WorkerDied:
                    deaths += 1
                    if deaths >= 3:  # not one bad record: the workers cannot run at all
                        raise QuellenlageError("worker processes keep dying (cannot build the pipeline, or out "
                                               "of memory); committed batches are kept, fix and run again") from None
                    ex.recover()
                    # `transient`: logged in `errors` but not in the ledger, so the next run tries it again
                    out.append({"index": t.index, "ref": t.ref, "raw_hash": t.raw_hash, "status": "error",
                                "transient": True, "reason": "a worker process died or hung while analysing "
                                                             "this record (crash, out of memory, or over "
                                                             "the --timeout)"})
            return {"results": out, "tables": tables, "pid": None, "peak_rss": 0}

        pending = _Pending()
        last_commit = time.perf_counter()
        commit_size = max(batch_size, min(COMMIT_ARTICLES, COMMIT_BATCHES * batch_size))

        def commit() -> None:
            """Write every finished batch not yet stored in one transaction."""
            nonlocal commits, last_commit, pending
            # the store was asked about these article keys when their records were read (and they
            # are unique among the records in flight): the writer need not look them up again
            counts = writer.write_batch(pending.results, pending.dups, checked_uids=set(pending.uids),
                                        tables=pending.tables)
            for k in ("analysed", "duplicates", "errors"):
                stats[k] += counts[k]
            inflight_raw.difference_update(pending.raws)
            inflight_uid.difference_update(pending.uids)
            pending = _Pending()
            commits += 1
            last_commit = time.perf_counter()
            if on_commit is not None:
                on_commit(commits, stats)

        def drain_one() -> None:
            """Wait for the oldest batch and take it, plus the batches after it that are already done;
            commit once enough results wait (or enough time has passed): fewer, larger transactions
            leave the CPU to the workers, and a kill loses at most one commit's work."""
            while True:
                fut, work, local_results, dups, pos, raws, uids = window.popleft()
                try:
                    res = ex.result(fut) if fut is not None else {"results": [], "tables": [], "pid": None,
                                                                  "peak_rss": 0}
                except WorkerDied:
                    res = isolate(work)
                if res.get("pid") is not None:
                    peaks, cpu = stats["worker_peaks"], stats["worker_cpu"]
                    peaks[res["pid"]] = max(peaks.get(res["pid"], 0), res["peak_rss"])
                    cpu[res["pid"]] = max(cpu.get(res["pid"], 0.0), res.get("cpu", 0.0))
                # error records read by the main process go in with the batch, in input order
                batch_results: list[dict] = []
                _collect(res, batch_results, pending.tables)
                pending.results.extend(sorted(batch_results + local_results, key=lambda r: r["index"]))
                pending.dups.extend(dups)
                pending.raws.extend(raws)
                pending.uids.extend(uids)
                if not window or len(pending.results) >= MAX_COMMIT or not _ready(window[0][0]):
                    break
            if len(pending.results) >= commit_size or time.perf_counter() - last_commit >= COMMIT_SECONDS:
                commit()
            bar.update(pos, stats, waiting=pending.results)  # (`pos`: the last batch taken, committed or not)

        for lookup in _chunks(iter_tasks(files, max_bytes), LOOKUP_CHUNK):
            stats["records"] += len(lookup)
            known = writer.known_records([t.raw_hash for t in lookup])
            known_uids = writer.known_articles([t.uid for t in lookup if t.uid])
            fresh: list[Task] = []
            dups: list[tuple[str, str, int, str]] = []
            for t in lookup:
                if t.raw_hash in known or t.raw_hash in inflight_raw:
                    stats["skipped"] += 1
                    continue
                inflight_raw.add(t.raw_hash)
                if t.uid and (t.uid in known_uids or t.uid in inflight_uid):
                    dups.append((t.raw_hash, t.ref, t.index, t.uid))  # same id + content: not analysed again
                    continue
                if t.uid:
                    inflight_uid.add(t.uid)
                fresh.append(t)
            pending_dups = dups
            for batch in _batches(fresh, batch_size, total, max(1, ex.workers)):
                errs = [{"index": t.index, "ref": t.ref, "raw_hash": t.raw_hash, "status": "error",
                         "reason": str(t.payload)} for t in batch if t.kind == "error"]
                work = [t for t in batch if t.kind != "error"]
                fut = ex.submit(work, max_bytes) if work else None
                window.append((fut, work, errs, pending_dups, max(t.pos for t in batch),
                               [t.raw_hash for t in batch], [t.uid for t in batch if t.uid]))
                pending_dups = []
                while len(window) >= max_inflight:
                    drain_one()
            if pending_dups:
                window.append((None, [], [], pending_dups, max(t.pos for t in lookup), [], []))
        while window:
            drain_one()
        if pending.results or pending.dups:
            commit()
        bar.update(total, stats)
        # the workers are done: let them exit while the claim groups are built
        ex.close(wait=False)
        if group and (stats["analysed"] or stats["duplicates"]
                      or not con.execute("SELECT count(*) FROM claim_group_members").fetchone()[0]):
            stats["groups"] = rebuild_groups(con)
        else:
            stats["groups"] = con.execute("SELECT count(DISTINCT group_id) FROM claim_group_members").fetchone()[0]
        status = "done"
    finally:
        bar.close()
        stats["seconds"] = time.perf_counter() - t0
        stats["main_cpu_seconds"] = time.process_time() - cpu0
        stats["peak_rss_worker"] = max(stats["worker_peaks"].values(), default=0)
        if ex is not None:
            with contextlib.suppress(Exception):  # never hide the error that ended the run
                ex.close(cancel=status != "done")
        with contextlib.suppress(Exception):
            store.finish_run(con, run_id, status, stats)
        with contextlib.suppress(Exception):
            con.close()
    return stats


def summary_line(stats: dict[str, Any]) -> str:
    rate = stats["analysed"] / stats["seconds"] if stats["seconds"] else 0.0
    workers = f"{stats['workers']} {stats['engine']} worker(s)" if stats["workers"] else "in-process"
    return (f"corpus: {stats['analysed']:,} articles analysed, {stats['skipped']:,} already done, "
            f"{stats['duplicates']:,} duplicates, {stats['errors']:,} errors, {stats['groups']:,} claim groups "
            f"in {stats['seconds']:.1f} s ({rate:.1f} articles/s, {workers}) -> {stats['db']}")
