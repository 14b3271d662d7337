"""The corpus store: one DuckDB file with articles, claim maps, sources, quotes, claims, errors, runs.

Writes happen only in the main process of a run, several finished batches per transaction: a
run killed at any moment leaves the file at its last commit, and the next run skips every
record already in `records`. Read-only query functions at the bottom (`summary`,
`top_sources`, `top_channels`, `claim_groups`, `drift`, `errors`, `article`) are what the
report, the CLI and the web app use; each opens the file read-only when given a path.
"""

from __future__ import annotations

import contextlib
import json
import pathlib
from collections.abc import Iterator
from typing import Any

from quellenlage.errors import QuellenlageError

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP, status VARCHAR,
    engine VARCHAR, workers INTEGER, inputs VARCHAR, analysed BIGINT, skipped BIGINT,
    duplicates BIGINT, errors BIGINT, seconds DOUBLE, peak_rss_worker BIGINT, pipeline VARCHAR);
-- every input record ever handled (ok, duplicate of a stored article, or error): resume skips these
CREATE TABLE IF NOT EXISTS records (
    raw_hash VARCHAR PRIMARY KEY, ref VARCHAR, input_index BIGINT, status VARCHAR, uid VARCHAR,
    run_id INTEGER);
CREATE TABLE IF NOT EXISTS articles (
    uid VARCHAR PRIMARY KEY, id VARCHAR, content_hash VARCHAR, title VARCHAR, outlet VARCHAR,
    url VARCHAR, published VARCHAR, published_ts TIMESTAMP, lang VARCHAR, n_chars INTEGER,
    input_index BIGINT, ref VARCHAR, run_id INTEGER);
CREATE TABLE IF NOT EXISTS claim_maps (uid VARCHAR PRIMARY KEY, claim_map JSON);
CREATE TABLE IF NOT EXISTS sources (
    uid VARCHAR, source_id VARCHAR, name VARCHAR, kind VARCHAR, role VARCHAR, mentions INTEGER);
CREATE TABLE IF NOT EXISTS quotes (
    uid VARCHAR, quote_id VARCHAR, type VARCHAR, source_id VARCHAR, channel_id VARCHAR,
    speaker VARCHAR, cue VARCHAR, content VARCHAR);
CREATE TABLE IF NOT EXISTS claims (
    uid VARCHAR, claim_id VARCHAR, sentence_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR,
    certainty VARCHAR, cues JSON, mode VARCHAR, source_id VARCHAR, channel_id VARCHAR,
    is_headline BOOLEAN, shingles UINTEGER[], bands UBIGINT[]);
CREATE TABLE IF NOT EXISTS errors (
    ref VARCHAR, input_index BIGINT, reason VARCHAR, raw_hash VARCHAR, run_id INTEGER);
-- claim groups: rebuilt after each run from the claims' MinHash bands (see groups.py)
CREATE TABLE IF NOT EXISTS claim_group_members (group_id INTEGER, uid VARCHAR, claim_id VARCHAR);
"""

ARTICLE_COLS = ("uid", "id", "content_hash", "title", "outlet", "url", "published", "published_ts", "lang", "n_chars",
                "input_index", "ref", "run_id")
SOURCE_COLS = ("uid", "source_id", "name", "kind", "role", "mentions")
QUOTE_COLS = ("uid", "quote_id", "type", "source_id", "channel_id", "speaker", "cue", "content")
CLAIM_COLS = ("uid", "claim_id", "sentence_id", "start", "end", "text", "certainty", "cues", "mode",
              "source_id", "channel_id", "is_headline", "shingles", "bands")


def connect_rw(path: str | pathlib.Path) -> Any:
    import duckdb

    try:
        con = duckdb.connect(str(path))
    except duckdb.IOException as exc:
        raise QuellenlageError(f"{path}: cannot open the corpus database ({str(exc).splitlines()[0]})") from None
    # one DuckDB thread: the cores belong to the analysis workers; the writes are small batches
    con.execute("SET threads = 1")
    con.execute(SCHEMA)
    con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
    return con


@contextlib.contextmanager
def open_ro(db: Any) -> Iterator[Any]:
    """A read-only connection for a path (closed afterwards), or the given connection as is."""
    if not isinstance(db, (str, pathlib.Path)):
        yield db
        return
    import duckdb

    p = pathlib.Path(db)
    if not p.is_file():
        raise QuellenlageError(f"{p}: no such corpus database (create it with `quellenlage corpus run`)")
    try:
        con = duckdb.connect(str(p), read_only=True)
    except duckdb.Error as exc:
        raise QuellenlageError(f"{p}: cannot open the corpus database read-only "
                               f"({str(exc).splitlines()[0]}); is a run still writing to it?") from None
    try:
        yield con
    finally:
        con.close()


def _rows(con: Any, sql: str, params: list | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


# --- writing (main process of a run) -------------------------------------------------------------

class Writer:
    """Batch writer: `write_batch` is one transaction; nothing of a batch is visible before COMMIT."""

    def __init__(self, con: Any, run_id: int) -> None:
        self.con = con
        self.run_id = run_id
        # `errors` rows can only go away when there are some: with none stored, the per-batch
        # DELETE of records that succeed now is skipped (until this writer stores an error)
        self._errors_stored = bool(con.execute("SELECT count(*) FROM errors").fetchone()[0])

    def known_records(self, raw_hashes: list[str]) -> set[str]:
        if not raw_hashes:
            return set()
        rows = self.con.execute("SELECT raw_hash FROM records WHERE raw_hash IN (SELECT unnest(?::VARCHAR[]))",
                                [raw_hashes]).fetchall()
        return {r[0] for r in rows}

    def known_articles(self, uids: list[str]) -> set[str]:
        if not uids:
            return set()
        rows = self.con.execute("SELECT uid FROM articles WHERE uid IN (SELECT unnest(?::VARCHAR[]))", [uids]).fetchall()
        return {r[0] for r in rows}

    def write_batch(self, results: list[dict[str, Any]], duplicates: list[tuple[str, str, int, str]],
                    checked_uids: set[str] | frozenset[str] = frozenset(),
                    tables: list[dict[str, Any]] | None = None) -> dict:
        """Store one batch of worker results (+ records that duplicate stored articles) atomically.

        `checked_uids`: article keys the caller has already looked up in the store for this batch
        (and kept unique among the records in flight); only the others are looked up here.
        `tables`: the rows of the analysed articles as Arrow tables, built by the workers
        (`result_tables`; each ok result names its part and row: `table`, `row`); without them
        the rows are taken from the results themselves."""
        import pyarrow as pa

        counts = {"analysed": 0, "duplicates": len(duplicates), "errors": 0}
        existing = self.known_articles([r["uid"] for r in results
                                        if r["status"] == "ok" and r["uid"] not in checked_uids])
        records: list[tuple] = [(h, ref, idx, "duplicate", uid, self.run_id) for h, ref, idx, uid in duplicates]
        arts: list[dict] = []
        dropped = False  # an analysed result is not stored (its article is stored already)
        seen: set[str] = set()
        for r in results:
            if r["status"] != "ok":
                counts["errors"] += 1
                if not r.get("transient"):
                    records.append((r["raw_hash"], r["ref"], r["index"], "error", None, self.run_id))
                continue
            if r["uid"] in existing or r["uid"] in seen:  # same id + content hash: store once
                counts["duplicates"] += 1
                dropped = True
                records.append((r["raw_hash"], r["ref"], r["index"], "duplicate", r["uid"], self.run_id))
                continue
            seen.add(r["uid"])
            counts["analysed"] += 1
            records.append((r["raw_hash"], r["ref"], r["index"], "ok", r["uid"], self.run_id))
            arts.append(r)
        errs = [(r["ref"], r["index"], r["reason"], r["raw_hash"], self.run_id)
                for r in results if r["status"] != "ok"]
        # one record per raw hash even if the same bytes occur twice in a batch
        uniq: dict[str, tuple] = {}
        for rec in records:
            uniq.setdefault(rec[0], rec)
        records = list(uniq.values())
        if not arts:
            parts = {}
        elif tables is None:
            parts = result_tables(arts)
        else:
            parts = _kept_rows(tables, arts if dropped else None)

        # The Arrow tables are read by DuckDB's replacement scan of this frame's local variables
        # (`FROM _ql_records` etc.): cheaper per statement than register/unregister.
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if records:
                _ql_records = _table(("raw_hash", "ref", "input_index", "status", "uid", "run_id"),  # noqa: F841
                                     records, {"uid": pa.string(), "input_index": pa.int64(), "run_id": pa.int32()})
                con.execute("INSERT OR IGNORE INTO records SELECT * FROM _ql_records")
            if errs:
                _ql_errors = _table(("ref", "input_index", "reason", "raw_hash", "run_id"), errs,  # noqa: F841
                                    {"input_index": pa.int64(), "run_id": pa.int32()})
                con.execute("INSERT INTO errors SELECT * FROM _ql_errors "
                            "WHERE raw_hash NOT IN (SELECT raw_hash FROM errors)")
                self._errors_stored = True
            done = [r["raw_hash"] for r in results if r["status"] == "ok"]
            if done and self._errors_stored:  # a record that failed before (retried, or transient) is fine now
                con.execute("DELETE FROM errors WHERE raw_hash IN (SELECT unnest(?::VARCHAR[]))", [done])
            if arts:
                _ql_articles = parts["articles"]  # noqa: F841
                con.execute("INSERT INTO articles SELECT uid, id, content_hash, title, outlet, url, published, "
                            "TRY_CAST(published_ts AS TIMESTAMP), lang, n_chars, input_index, ref, ?::INTEGER "
                            "FROM _ql_articles", [self.run_id])
                _ql_maps = parts["claim_maps"]  # noqa: F841
                con.execute("INSERT INTO claim_maps SELECT uid, claim_map FROM _ql_maps")
                for name, cols in (("sources", SOURCE_COLS), ("quotes", QUOTE_COLS), ("claims", CLAIM_COLS)):
                    if parts[name].num_rows:  # (the worker's `_row` column is not stored)
                        _ql_part = parts[name]  # noqa: F841
                        con.execute(f"INSERT INTO {name} SELECT {_column_list(cols)} FROM _ql_part")
            con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(Exception):
                con.execute("ROLLBACK")
            raise
        return counts


def _column_list(cols: tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in cols)


def _table(cols: tuple[str, ...], rows: list[tuple], types: dict[str, Any] | None = None) -> Any:
    import pyarrow as pa

    types = types or {}
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(cols)
    return pa.table({c: pa.array(columns[i], type=types.get(c)) for i, c in enumerate(cols)})


def result_tables(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The store rows of analysed articles (worker results with status ok) as Arrow tables.

    Built in the workers, so that the main process of a run (the one writer, which every
    worker waits for) only hands finished columns to DuckDB. Column `_row`: the position
    of the article among `results` (to drop the rows of an article stored already)."""
    import pyarrow as pa

    strs = {c: pa.string() for c in ("id", "title", "outlet", "url", "published", "published_ts", "lang", "name",
                                     "kind", "role", "type", "source_id", "channel_id", "speaker", "cue",
                                     "content", "sentence_id", "mode")}
    ints = {"input_index": pa.int64(), "n_chars": pa.int32(), "mentions": pa.int32(), "start": pa.int32(),
            "end": pa.int32(), "_row": pa.int32()}
    types = strs | ints | {"shingles": pa.list_(pa.uint32()), "bands": pa.list_(pa.uint64())}
    arts = [(r["uid"], r["id"], r["content_hash"], r["title"], r["outlet"], r["url"], r["published"],
             r.get("published_ts"), r["lang"], r["n_chars"], r["index"], r["ref"], k)
            for k, r in enumerate(results)]
    return {
        "articles": _table((*ARTICLE_COLS[:-1], "_row"), arts, types),
        # claim maps: str, or UTF-8 bytes (read by Arrow without another encoding)
        "claim_maps": _table(("uid", "claim_map", "_row"), [(r["uid"], r["claim_map"], k)
                                                            for k, r in enumerate(results)],
                             {"claim_map": pa.string(), "_row": pa.int32()}),
        "sources": _table((*SOURCE_COLS, "_row"), [(r["uid"], *s, k) for k, r in enumerate(results)
                                                   for s in r["sources"]], types),
        "quotes": _table((*QUOTE_COLS, "_row"), [(r["uid"], *q, k) for k, r in enumerate(results)
                                                 for q in r["quotes"]], types),
        "claims": _table((*CLAIM_COLS, "_row"), [(r["uid"], *c, k) for k, r in enumerate(results)
                                                 for c in r["claims"]], types),
    }


def _kept_rows(tables: list[dict[str, Any]], kept: list[dict[str, Any]] | None) -> dict[str, Any]:
    """The workers' tables of one commit, concatenated; with `kept`, only the rows of those results."""
    import pyarrow as pa

    out = {}
    for name in tables[0]:
        parts = [t[name] for t in tables]
        if kept is not None:  # (rare: pyarrow.compute takes a fifth of a second to import)
            import pyarrow.compute as pc

            rows = [{r["row"] for r in kept if r["table"] == i} for i in range(len(tables))]
            parts = [p.filter(pc.is_in(p["_row"], value_set=pa.array(sorted(rows[i]), type=pa.int32())))
                     for i, p in enumerate(parts)]
        out[name] = pa.concat_tables(parts) if len(parts) > 1 else parts[0]
    return out


def start_run(con: Any, engine: str, workers: int, inputs: list[str], pipeline: str) -> int:
    # We hold the only read-write handle (DuckDB locks the file), so a run still marked
    # 'running' died without finishing (killed): say so.
    con.execute("UPDATE runs SET status = 'killed' WHERE status = 'running'")
    run_id = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()[0]
    con.execute("INSERT INTO runs (run_id, started, status, engine, workers, inputs, pipeline) "
                "VALUES (?, now(), 'running', ?, ?, ?, ?)",
                [run_id, engine, workers, json.dumps(inputs, ensure_ascii=False), pipeline])
    return int(run_id)


def finish_run(con: Any, run_id: int, status: str, stats: dict[str, Any]) -> None:
    con.execute("UPDATE runs SET finished = now(), status = ?, analysed = ?, skipped = ?, duplicates = ?, "
                "errors = ?, seconds = ?, peak_rss_worker = ? WHERE run_id = ?",
                [status, stats.get("analysed", 0), stats.get("skipped", 0), stats.get("duplicates", 0),
                 stats.get("errors", 0), stats.get("seconds", 0.0), stats.get("peak_rss_worker", 0), run_id])


# --- read-only queries (report, CLI, web app) ---------------------------------------------------

def summary(db: Any) -> dict[str, Any]:
    """Counts of the store: articles, outlets, claims, sources, quotes, errors, groups, runs."""
    with open_ro(db) as con:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "outlets": one("SELECT count(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL"),
            "claims": one("SELECT count(*) FROM claims WHERE NOT is_headline"),
            "headlines": one("SELECT count(*) FROM claims WHERE is_headline"),
            "sources": one("SELECT count(*) FROM sources"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "errors": one("SELECT count(*) FROM errors"),
            "claim_groups": one("SELECT count(DISTINCT group_id) FROM claim_group_members"),
            "runs": one("SELECT count(*) FROM runs"),
        }


def top_sources(db: Any, limit: int = 20) -> list[dict[str, Any]]:
    """Sources by the number of articles citing them: name, kind, articles, outlets, claims, mentions."""
    with open_ro(db) as con:
        return _rows(con, """
            WITH c AS (SELECT uid, source_id, count(*) AS n FROM claims WHERE source_id IS NOT NULL
                       GROUP BY ALL)
            SELECT s.name, s.kind, count(DISTINCT s.uid) AS articles, count(DISTINCT a.outlet) AS outlets,
                   coalesce(sum(c.n), 0)::BIGINT AS claims, sum(s.mentions)::BIGINT AS mentions
            FROM sources s JOIN articles a USING (uid)
            LEFT JOIN c ON c.uid = s.uid AND c.source_id = s.source_id
            GROUP BY s.name, s.kind ORDER BY articles DESC, claims DESC, s.name LIMIT ?""", [limit])


def top_channels(db: Any, limit: int = 20) -> list[dict[str, Any]]:
    """Channels (the media through which sources' words reached the writer), with the sources they carried."""
    with open_ro(db) as con:
        return _rows(con, """
            WITH links AS (
                SELECT uid, source_id, channel_id FROM claims WHERE channel_id IS NOT NULL
                UNION ALL SELECT uid, source_id, channel_id FROM quotes WHERE channel_id IS NOT NULL)
            SELECT ch.name AS channel, ch.kind, count(DISTINCT l.uid) AS articles,
                   count(*) AS links, list(DISTINCT src.name ORDER BY src.name)
                       FILTER (WHERE src.name IS NOT NULL) AS sources
            FROM links l
            JOIN sources ch ON ch.uid = l.uid AND ch.source_id = l.channel_id
            LEFT JOIN sources src ON src.uid = l.uid AND src.source_id = l.source_id
            GROUP BY ch.name, ch.kind ORDER BY articles DESC, links DESC, channel LIMIT ?""", [limit])


def claim_groups(db: Any, limit: int = 20, min_articles: int = 2) -> list[dict[str, Any]]:
    """Claim groups seen in at least `min_articles` articles, biggest first; members in order of appearance."""
    from quellenlage.corpus.groups import group_details

    with open_ro(db) as con:
        return group_details(con, limit=limit, min_articles=min_articles)


def claim_group(db: Any, group_id: int) -> dict[str, Any] | None:
    """One claim group with all its members (None if there is no such group)."""
    from quellenlage.corpus.groups import _group_view, _members

    with open_ro(db) as con:
        members = _members(con, [int(group_id)]).get(int(group_id))
    return _group_view(int(group_id), members) if members else None


def drift(db: Any, limit: int = 50) -> list[dict[str, Any]]:
    """Certainty drift: groups whose claim became more certain after its first appearance."""
    from quellenlage.corpus.groups import drift_events

    with open_ro(db) as con:
        return drift_events(con, limit=limit)


def errors(db: Any, limit: int = 100) -> list[dict[str, Any]]:
    with open_ro(db) as con:
        return _rows(con, "SELECT ref, input_index, reason, run_id FROM errors ORDER BY input_index, ref LIMIT ?",
                     [limit])


def runs(db: Any) -> list[dict[str, Any]]:
    with open_ro(db) as con:
        return _rows(con, "SELECT * FROM runs ORDER BY run_id")


def articles(db: Any, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    with open_ro(db) as con:
        return _rows(con, "SELECT uid, id, title, outlet, url, published, input_index FROM articles "
                          "ORDER BY input_index LIMIT ? OFFSET ?", [limit, offset])


def article(db: Any, key: str) -> dict[str, Any] | None:
    """The stored claim map of one article, by uid or article id (None if absent)."""
    with open_ro(db) as con:
        row = con.execute("SELECT m.claim_map FROM claim_maps m JOIN articles a USING (uid) "
                          "WHERE a.uid = ? OR a.id = ? ORDER BY a.input_index LIMIT 1", [key, key]).fetchone()
    return json.loads(row[0]) if row else None
