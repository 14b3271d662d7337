"""Read-only SQL for power users, and export of the stored claim maps (JSONL or Parquet)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from quellenlage.corpus.store import open_ro
from quellenlage.errors import QuellenlageError


def run_query(db: Any, sql: str, fmt: str = "table", max_rows: int = 10_000) -> str:
    """Run SQL on a read-only connection (writes fail there) and render the result."""
    import duckdb

    with open_ro(db) as con:
        try:
            con.execute("SET enable_external_access = false")  # no reading/writing other files from here
            cur = con.execute(sql)
        except duckdb.Error as exc:
            raise QuellenlageError(f"query failed: {str(exc).splitlines()[0]}") from None
        if cur.description is None:
            return ""
        names = [d[0] for d in cur.description]
        rows = cur.fetchmany(max_rows)
    if fmt == "json":
        return "".join(json.dumps(dict(zip(names, r, strict=True)), ensure_ascii=False, default=str) + "\n"
                       for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(names)
        w.writerows(rows)
        return buf.getvalue()
    cells = [[("" if v is None else str(v)).replace("\n", " ") for v in r] for r in rows]
    cells = [[c if len(c) <= 80 else c[:79] + "…" for c in r] for r in cells]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths, strict=True)).rstrip()  # noqa: E731
    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''}{', truncated' if len(rows) == max_rows else ''})")
    return "\n".join(out) + "\n"


def export(db: Any, fmt: str, out: str) -> int:
    """Claim maps in input order: JSONL (one claim map per line) or Parquet (article columns + claim_map)."""
    import duckdb

    with open_ro(db) as con:
        n = con.execute("SELECT count(*) FROM claim_maps").fetchone()[0]
        if fmt == "parquet":
            try:
                con.execute("COPY (SELECT a.uid, a.id, a.title, a.outlet, a.url, a.published, a.lang, "
                            "a.input_index, a.content_hash, m.claim_map::VARCHAR AS claim_map "
                            "FROM articles a JOIN claim_maps m USING (uid) ORDER BY a.input_index) "
                            "TO ? (FORMAT parquet)".replace("?", _sql_str(out)))
            except duckdb.Error as exc:
                raise QuellenlageError(f"export failed: {str(exc).splitlines()[0]}") from None
            return n
        if fmt != "jsonl":
            raise QuellenlageError(f"unknown export format {fmt!r} (jsonl or parquet)")
        cur = con.execute("SELECT m.claim_map::VARCHAR FROM articles a JOIN claim_maps m USING (uid) "
                          "ORDER BY a.input_index")
        try:
            with open(out, "w", encoding="utf-8") as f:
                while True:
                    chunk = cur.fetchmany(1000)
                    if not chunk:
                        break
                    # stored JSON re-serialised compactly: exactly one line per claim map
                    f.writelines(json.dumps(json.loads(r[0]), ensure_ascii=False) + "\n" for r in chunk)
        except OSError as exc:
            raise QuellenlageError(f"{out}: cannot write ({exc.strerror})") from None
        return n


def _sql_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"
