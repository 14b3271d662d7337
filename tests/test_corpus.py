"""Corpus engine: inputs, errors, idempotence, store, grouping, report/query/export (generated data)."""

from __future__ import annotations

import json
import pathlib

import pytest

from quellenlage.cli import main
from quellenlage.corpus import store
from quellenlage.corpus.engine import run_corpus
from quellenlage.errors import QuellenlageError
from test_corpus_fixtures import article, write_jsonl, write_warc


def _q(db: pathlib.Path, sql: str) -> list[tuple]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One run over JSONL (with a malformed and a non-German line) + a WARC with a corrupt record."""
    d = tmp_path_factory.mktemp("corpus")
    arts = write_jsonl(d / "a.jsonl", 30, bad_lines={
        5: '{"id": "kaputt", "body": "Der Satz',
        9: json.dumps({"id": "en", "body": "This is an English article about the weather and the economy "
                       "of the United States, which is not what this tool analyses."}),
    })
    write_warc(d / "crawl.warc.gz", 8, corrupt=3)
    db = d / "c.duckdb"
    stats = run_corpus([str(d / "a.jsonl"), str(d / "crawl.warc.gz")], str(db), workers=2, batch_size=4,
                       progress=False)
    return {"dir": d, "db": db, "stats": stats, "arts": arts}


def test_run_stores_articles_and_records_errors(corpus: dict) -> None:
    db, stats = corpus["db"], corpus["stats"]
    assert stats["analysed"] == 30 + 7, (stats, _q(db, "SELECT ref, status, uid FROM records ORDER BY input_index"),
                                          _q(db, "SELECT ref, reason FROM errors"))
    assert stats["errors"] == 3
    errors = {ref: reason for ref, reason in _q(db, "SELECT ref, reason FROM errors")}
    jsonl = str(corpus["dir"] / "a.jsonl")
    assert "invalid JSON" in errors[f"{jsonl}:6"]  # malformed line: its line number, and the run went on
    assert "not German" in errors[f"{jsonl}:11"]
    warc = [r for r in errors if "crawl.warc.gz@" in r]
    assert len(warc) == 1 and "corrupt WARC record" in errors[warc[0]]
    # all records after the broken ones were analysed; WARC pages keyed by URL, outlet from the page
    ids = {r[0] for r in _q(db, "SELECT id FROM articles")}
    assert {a["id"] for a in corpus["arts"]} <= ids
    assert {f"https://www.testzeitung.de/artikel/{i}" for i in (0, 1, 2, 4, 5, 6, 7)} <= ids
    assert _q(db, "SELECT DISTINCT outlet FROM articles WHERE id LIKE 'https:%'") == [("Testzeitung",)]
    # input order recorded: JSONL lines first, then WARC records, broken records included in the count
    idx = dict(_q(db, "SELECT id, input_index FROM articles"))
    assert idx["art-0"] == 0 and idx["art-29"] == 31 and idx["https://www.testzeitung.de/artikel/0"] == 32
    # every article has its claim map, sources/claims rows belong to stored articles
    assert _q(db, "SELECT count(*) FROM claim_maps")[0][0] == 37
    assert _q(db, "SELECT count(*) FROM claims WHERE uid NOT IN (SELECT uid FROM articles)")[0][0] == 0
    assert _q(db, "SELECT count(*) FROM claims WHERE is_headline")[0][0] == 37
    run = store.runs(db)[-1]
    assert run["status"] == "done" and run["analysed"] == 37 and run["errors"] == 3
    assert stats["peak_rss_worker"] > 0 and len(stats["worker_peaks"]) == 2


def test_claim_map_matches_single_article_pipeline(corpus: dict) -> None:
    from quellenlage.io import article_from_dict, validate
    from quellenlage.pipeline import get_pipeline

    a = corpus["arts"][3]
    stored = store.article(corpus["db"], a["id"])
    assert stored == json.loads(json.dumps(get_pipeline().analyze(validate(article_from_dict(a))), ensure_ascii=False))


def test_rerun_is_idempotent(corpus: dict, tmp_path: pathlib.Path) -> None:
    import shutil

    db = tmp_path / "copy.duckdb"
    shutil.copy(corpus["db"], db)
    before = _q(db, "SELECT count(*), (SELECT count(*) FROM claims), (SELECT count(*) FROM errors) FROM articles")
    stats = run_corpus([str(corpus["dir"] / "a.jsonl"), str(corpus["dir"] / "crawl.warc.gz")], str(db),
                       workers=0, progress=False)
    assert stats["analysed"] == 0 and stats["errors"] == 0 and stats["skipped"] == 40
    after = _q(db, "SELECT count(*), (SELECT count(*) FROM claims), (SELECT count(*) FROM errors) FROM articles")
    assert before == after


def test_retry_errors(corpus: dict, tmp_path: pathlib.Path) -> None:
    import shutil

    db = tmp_path / "copy.duckdb"
    shutil.copy(corpus["db"], db)
    stats = run_corpus([str(corpus["dir"] / "a.jsonl")], str(db), workers=0, progress=False, retry_errors=True)
    assert stats["analysed"] == 0 and stats["errors"] == 2 and stats["skipped"] == 30  # same bad lines again
    assert _q(db, "SELECT count(*) FROM errors")[0][0] == 3  # still failing: recorded once each


def test_same_id_and_content_is_not_analysed_again(tmp_path: pathlib.Path) -> None:
    import random

    a = article(1, random.Random(1))
    (tmp_path / "one.jsonl").write_text(json.dumps(a, ensure_ascii=False) + "\n", encoding="utf-8")
    d = tmp_path / "dir"
    d.mkdir()
    (d / "same.json").write_text(json.dumps(a, ensure_ascii=False, indent=1), encoding="utf-8")  # other bytes
    changed = dict(a, body=a["body"] + " Nachtrag: Die Sitzung wurde verschoben.")
    (d / "update.jsonl").write_text(json.dumps(changed, ensure_ascii=False) + "\n", encoding="utf-8")
    (d / "notes.txt").write_text("Stadt stellt Bericht vor\n\nDer Bericht über die Stadt wurde am Montag im Rathaus vorgestellt.\n",
                                 encoding="utf-8")
    db = tmp_path / "c.duckdb"
    stats = run_corpus([str(tmp_path / "one.jsonl"), str(d)], str(db), workers=0, progress=False)
    assert stats["analysed"] == 3 and stats["duplicates"] == 1
    rows = _q(db, "SELECT id, count(*) FROM articles GROUP BY id ORDER BY id")
    assert rows == [(a["id"], 2), ("notes", 1)]  # same id, new content = a new version; .txt id = file stem
    assert _q(db, "SELECT status, count(*) FROM records GROUP BY 1 ORDER BY 1") == [("duplicate", 1), ("ok", 3)]
    # the duplicate was analysed in the same batch: none of its rows is stored (the writer drops them)
    assert _q(db, "SELECT count(*) FROM claim_maps") == [(3,)]
    for table, key in (("claims", "claim_id"), ("sources", "source_id"), ("quotes", "quote_id")):
        assert _q(db, f"SELECT count(*) FROM (SELECT uid, {key} FROM {table} GROUP BY ALL HAVING count(*) > 1)") \
            == [(0,)]
    assert _q(db, "SELECT count(DISTINCT uid) FROM claims") == [(3,)]


def test_warc_readers_resynchronise_after_a_broken_record(tmp_path: pathlib.Path) -> None:
    from quellenlage.corpus.inputs import expand_inputs, iter_tasks

    for gz in (True, False):
        path = tmp_path / ("c.warc.gz" if gz else "c.warc")
        write_warc(path, 7, corrupt=3, gz=gz)
        tasks = list(iter_tasks(expand_inputs([str(path)]), 2_000_000))
        urls = [t.name.rsplit("/", 1)[-1] for t in tasks if t.kind == "html"]
        errors = [t for t in tasks if t.kind == "error"]
        if gz:  # the broken gzip member is one error
            assert len(errors) == 1 and "corrupt WARC record" in errors[0].payload
        else:  # a wrong Content-Length: warcio skips the rest; the cut-off page fails later, in its worker
            cut = [t for t in tasks if t.kind == "html" and t.name.endswith("/3")]
            assert errors or len(cut[0].payload) < 100
        assert {"0", "1", "2", "4", "5", "6"} <= set(urls)  # nothing after the broken record is lost
        assert [t.index for t in tasks] == list(range(len(tasks)))


def _result(uid: str, index: int, outlet: str, published: str, claims: list[tuple[str, str, bool]]) -> dict:
    from quellenlage.corpus.minhash import bands, text_shingles

    rows = []
    for n, (text, level, head) in enumerate(claims):
        sh = text_shingles(text)
        rows.append(("headline" if head else f"c{n}", None if head else "s1", 0, len(text), text, level, "[]",
                     "none", None, None, head, sh, bands(sh)))
    return {"status": "ok", "uid": uid, "index": index, "ref": f"x:{index}", "raw_hash": uid, "content_hash": uid,
            "id": uid, "title": None, "outlet": outlet, "url": None, "published": published,
            "published_ts": published, "lang": "de",
            "n_chars": 10, "claim_map": "{}", "sources": [], "quotes": [], "claims": rows}


def test_claim_groups_and_certainty_drift(tmp_path: pathlib.Path) -> None:
    """Grouping works on the stored claims: paraphrase + headline grouped, hedged → flat = drift."""
    from quellenlage.corpus.groups import rebuild_groups

    db = tmp_path / "g.duckdb"
    con = store.connect_rw(db)
    w = store.Writer(con, store.start_run(con, "local", 0, [], "test"))
    w.write_batch([
        # input order differs from publication order: the 'original' comes second in the input
        _result("later", 0, "Boulevardblatt", "2024-05-03",
                [("Russland hat heimlich Raketen an Nordkorea geliefert", "certain", True),
                 ("Die Regierung in Seoul reagierte zunächst nicht auf Anfragen.", "certain", False)]),
        _result("orig", 1, "Nachrichtenagentur", "2024-05-01",
                [("Russland könnte heimlich Raketen an Nordkorea geliefert haben, vermuten Experten.",
                  "possible", False),
                 ("Die Bundesregierung will im Herbst über den Haushalt für Schulen beraten.", "certain", False)]),
        _result("copy", 2, "Regionalzeitung", "2024-05-02",
                [("Experten vermuten, Russland habe heimlich Raketen an Nordkorea geliefert.", "alleged", False)]),
        _result("other", 3, "Fachblatt", None,
                [("Die Bundesregierung will im Herbst über den Haushalt für Schulen beraten.", "certain", False)]),
    ], [])
    assert rebuild_groups(con) == 2
    con.close()
    groups = store.claim_groups(db)
    assert len(groups) == 2
    g = next(x for x in groups if "Raketen" in x["label"])
    assert g["articles"] == 3 and g["first"]["article_uid"] == "orig"
    assert g["outlets"] == ["Nachrichtenagentur", "Regionalzeitung", "Boulevardblatt"]
    assert [m["certainty"] for m in g["certainty_path"]] == ["possible", "alleged", "certain"]
    assert g["drift"]["direction"] == "hardened" and g["drift"]["to"]["is_headline"]
    d = store.drift(db)
    assert len(d) == 1 and d[0]["from_level"] == "possible" and d[0]["to_level"] == "certain"
    assert d[0]["from"]["outlet"] == "Nachrichtenagentur" and d[0]["to"]["outlet"] == "Boulevardblatt"
    assert store.claim_group(db, g["group_id"]) == g and store.claim_group(db, 999) is None
    h = next(x for x in groups if "Haushalt" in x["label"])
    assert h["first"]["article_uid"] == "orig" and h["drift"] is None  # published first, unpublished last


def test_report_query_export(corpus: dict, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture) -> None:
    db = str(corpus["db"])
    assert main(["corpus", "report", "--db", db]) == 0
    text = capsys.readouterr().out
    assert "Top sources" in text and "Claim groups" in text and "corrupt WARC record" in text
    assert main(["corpus", "report", "--db", db, "--format", "json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["summary"]["articles"] == 37 and {"top_sources", "top_channels", "claim_groups", "drift"} <= set(rep)
    assert main(["corpus", "report", "--db", db, "--format", "html", "--out", str(tmp_path / "r.html")]) == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "http://" not in page
    assert main(["corpus", "query", "--db", db, "--format", "json",
                 "SELECT outlet, count(*) AS n FROM articles GROUP BY 1 ORDER BY 1"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert sum(r["n"] for r in rows) == 37
    # read-only: writes are refused with a one-line error, not a traceback
    assert main(["corpus", "query", "--db", db, "DELETE FROM articles"]) == 2
    assert "read-only" in capsys.readouterr().err
    out = tmp_path / "maps.jsonl"
    assert main(["corpus", "export", "--db", db, "--format", "jsonl", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 37 and all(json.loads(x)["schema"] == "quellenlage.claim-map/1" for x in lines)
    assert json.loads(lines[0])["article"]["id"] == "art-0"
    pq = tmp_path / "maps.parquet"
    assert main(["corpus", "export", "--db", db, "--format", "parquet", "--out", str(pq)]) == 0
    import pyarrow.parquet as papq

    t = papq.read_table(pq)
    assert t.num_rows == 37 and json.loads(t.column("claim_map")[0].as_py())["article"]["id"] == "art-0"


def test_html_report_escapes_article_text(tmp_path: pathlib.Path) -> None:
    from quellenlage.corpus.report import render

    a = article(0, __import__("random").Random(0))
    a["title"] = "<script>alert(1)</script> Stadt berät über Radwege"
    (tmp_path / "x.jsonl").write_text(json.dumps(a, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "x.duckdb"
    run_corpus([str(tmp_path / "x.jsonl")], str(db), workers=0, progress=False)
    page = render(str(db), "html")
    assert "<script>" not in page


def test_bad_invocations_are_one_line_errors(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["corpus", "report", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no such corpus database" in capsys.readouterr().err
    assert main(["corpus", "run", str(tmp_path / "missing.jsonl"), "--db", str(tmp_path / "x.duckdb")]) == 2
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(QuellenlageError):
        store.summary(tmp_path / "none.duckdb")


def test_a_record_that_kills_its_worker_becomes_an_error(tmp_path: pathlib.Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    arts = write_jsonl(tmp_path / "a.jsonl", 12)
    monkeypatch.setenv("_QUELLENLAGE_TEST_CRASH_ON", "Vorgang Nummer 5.")  # the worker os._exit()s on art-5
    db = tmp_path / "c.duckdb"
    stats = run_corpus([str(tmp_path / "a.jsonl")], str(db), workers=1, batch_size=4, progress=False)
    assert stats["analysed"] == 11 and stats["errors"] == 1, (
        stats, _q(db, "SELECT ref, status, uid FROM records ORDER BY input_index"))
    (ref, reason), = _q(db, "SELECT ref, reason FROM errors")
    assert ref.endswith("a.jsonl:6") and "worker process died" in reason
    assert {r[0] for r in _q(db, "SELECT id FROM articles")} == {a["id"] for a in arts} - {"art-5"}
    # a worker death may be transient (out of memory): the record is tried again by the next run
    monkeypatch.delenv("_QUELLENLAGE_TEST_CRASH_ON")
    again = run_corpus([str(tmp_path / "a.jsonl")], str(db), workers=0, progress=False)
    assert again["analysed"] == 1 and again["skipped"] == 11
    assert _q(db, "SELECT count(*) FROM articles")[0][0] == 12
    assert _q(db, "SELECT count(*) FROM errors")[0][0] == 0  # and its error row is gone


def test_end_to_end_claim_travels_and_hardens(tmp_path: pathlib.Path) -> None:
    """Real pipeline: a hedged claim in an agency report comes back as a flat headline elsewhere."""
    arts = [
        {"id": "tabloid", "outlet": "Boulevardblatt", "published": "2024-05-03T08:00:00+02:00",
         "title": "Russland hat heimlich Raketen an Nordkorea geliefert",
         "body": "Die Regierung in Seoul reagierte am Freitag zunächst nicht auf Anfragen. "
                 "Der Bericht sorgte in Asien für große Aufregung."},
        {"id": "agency", "outlet": "Nachrichtenagentur", "published": "2024-05-01T10:00:00Z",
         "title": "Experten rätseln über Waffenlieferungen",
         "body": "Russland könnte heimlich Raketen an Nordkorea geliefert haben, vermuten westliche Experten. "
                 "Beweise dafür gibt es bisher nicht."},
        {"id": "other", "outlet": "Regionalzeitung", "published": "2024-05-02",
         "title": "Stadtrat beschließt neuen Haushalt",
         "body": "Der Stadtrat hat am Donnerstag den Haushalt für das kommende Jahr beschlossen."},
    ]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts),
                                      encoding="utf-8")
    db = tmp_path / "e.duckdb"
    run_corpus([str(tmp_path / "a.jsonl")], str(db), workers=0, progress=False)
    groups = store.claim_groups(db)
    g = next(x for x in groups if {m["article_id"] for m in x["certainty_path"]} >= {"agency", "tabloid"})
    assert g["first"]["article_id"] == "agency"  # by `published`, although it comes second in the input
    assert g["outlets"][:2] == ["Nachrichtenagentur", "Boulevardblatt"]
    hedged = g["first"]["certainty"] != "certain"
    if hedged:  # the certainty layer marks "könnte": then the flat headline is drift
        assert g["drift"] and g["drift"]["direction"] == "hardened" and g["drift"]["to"]["is_headline"]
        assert any(d["group_id"] == g["group_id"] for d in store.drift(db))


def test_a_record_that_hangs_its_worker_is_timed_out(tmp_path: pathlib.Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    write_jsonl(tmp_path / "a.jsonl", 8)
    monkeypatch.setenv("_QUELLENLAGE_TEST_HANG_ON", "Vorgang Nummer 2.")  # the worker sleeps on art-2
    db = tmp_path / "c.duckdb"
    stats = run_corpus([str(tmp_path / "a.jsonl")], str(db), workers=1, batch_size=4, progress=False, timeout=5)
    assert stats["analysed"] == 7 and stats["errors"] == 1, stats
    (ref, reason), = _q(db, "SELECT ref, reason FROM errors")
    assert ref.endswith("a.jsonl:3") and "hung" in reason


def test_finished_batches_share_a_commit(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The one writer commits several finished batches at once (fewer transactions), and the last
    results are committed too: every article is stored."""
    from quellenlage.corpus import engine

    monkeypatch.setattr(engine, "COMMIT_SECONDS", 1e9)  # commits by size only (a slow machine commits earlier)
    write_jsonl(tmp_path / "a.jsonl", 40)
    db = tmp_path / "c.duckdb"
    seen: list[int] = []
    stats = run_corpus([str(tmp_path / "a.jsonl")], str(db), workers=1, batch_size=2, progress=False,
                       on_commit=lambda _n, st: seen.append(st["analysed"]))
    per_commit = min(engine.COMMIT_ARTICLES, engine.COMMIT_BATCHES * 2)  # 16 with batches of 2
    assert stats["analysed"] == 40 and seen[-1] == 40
    assert _q(db, "SELECT count(*) FROM articles")[0][0] == 40
    assert len(seen) <= 40 // per_commit + 1  # not one commit per batch of 2
    assert all(b - a >= per_commit for a, b in zip([0, *seen[:-2]], seen[:-1], strict=True)), seen


def test_progress_only_moves_forward(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bar's position (bytes read) never goes back when a commit empties the waiting results."""
    from quellenlage.corpus import engine

    positions: list[int] = []

    class Recording(engine._Progress):
        def __init__(self, total: int, enabled: bool) -> None:
            super().__init__(total, False)
            self.total = total

        def update(self, pos: int, stats: dict, waiting: list[dict] | None = None) -> None:
            positions.append(pos)

    monkeypatch.setattr(engine, "_Progress", Recording)
    monkeypatch.setattr(engine, "COMMIT_SECONDS", 1e9)
    write_jsonl(tmp_path / "a.jsonl", 40)
    run_corpus([str(tmp_path / "a.jsonl")], str(tmp_path / "c.duckdb"), workers=0, batch_size=2, progress=True)
    assert len(positions) > 3 and positions == sorted(positions), positions
    assert positions[-1] == (tmp_path / "a.jsonl").stat().st_size
