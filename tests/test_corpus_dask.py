"""`--engine dask` on a small LocalCluster (2 processes) writes the same claim maps as the local engine."""

from __future__ import annotations

import pathlib

import pytest

from quellenlage.corpus import store
from quellenlage.corpus.engine import run_corpus
from test_corpus_fixtures import write_jsonl, write_warc

pytest.importorskip("distributed")


def _dump(db: pathlib.Path) -> dict:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "maps": con.execute("SELECT a.input_index, a.uid, m.claim_map::VARCHAR FROM articles a "
                                "JOIN claim_maps m USING (uid) ORDER BY a.input_index").fetchall(),
            "claims": con.execute("SELECT * FROM claims ORDER BY uid, claim_id").fetchall(),
            "sources": con.execute("SELECT * FROM sources ORDER BY ALL").fetchall(),
            "errors": con.execute("SELECT ref, input_index, reason FROM errors ORDER BY ALL").fetchall(),
            "groups": con.execute("SELECT * FROM claim_group_members ORDER BY ALL").fetchall(),
        }
    finally:
        con.close()


def _first_diff(x: list, y: list) -> str:
    import difflib
    import json

    for u, v in zip(x, y, strict=False):
        if u != v:
            pu = [json.dumps(json.loads(c), indent=1, ensure_ascii=False) if isinstance(c, str) and c[:1] == "{"
                  else repr(c) for c in u]
            pv = [json.dumps(json.loads(c), indent=1, ensure_ascii=False) if isinstance(c, str) and c[:1] == "{"
                  else repr(c) for c in v]
            lines = difflib.unified_diff("\n".join(pu).splitlines(), "\n".join(pv).splitlines(), lineterm="", n=1)
            return "\n".join(list(lines)[:40])
    return f"lengths {len(x)} != {len(y)}"


def test_dask_and_local_give_identical_results(tmp_path: pathlib.Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", 24, bad_lines={4: "{kaputt"})
    write_warc(tmp_path / "c.warc.gz", 5, corrupt=2)
    inputs = [str(tmp_path / "a.jsonl"), str(tmp_path / "c.warc.gz")]
    local = run_corpus(inputs, str(tmp_path / "local.duckdb"), workers=2, batch_size=3, progress=False)
    dask = run_corpus(inputs, str(tmp_path / "dask.duckdb"), workers=2, engine="dask", batch_size=5,
                      progress=False)
    assert local["analysed"] == dask["analysed"] == 28 and local["errors"] == dask["errors"] == 2
    a, b = _dump(tmp_path / "local.duckdb"), _dump(tmp_path / "dask.duckdb")
    assert len(a["maps"]) == 28
    for key in a:
        assert a[key] == b[key], (key, _first_diff(a[key], b[key]))
    assert store.runs(tmp_path / "dask.duckdb")[0]["engine"] == "dask"
    assert len(dask["worker_peaks"]) >= 1 and dask["peak_rss_worker"] > 0
