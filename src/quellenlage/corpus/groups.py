"""Group the same claim across articles and outlets, and trace its certainty ("drift").

Candidates come from the MinHash/LSH bands stored with every claim (see minhash.py):
DuckDB does the bucketing (a GROUP BY over the unnested band keys, out of core), Python
checks candidate pairs on their exact shingle sets and joins them with union-find.
Headlines are claims too, so "könnte" in an original body that turns into a flat
statement in a later headline shows up as drift inside one group.
"""

from __future__ import annotations

from typing import Any

from quellenlage.corpus.minhash import similar
from quellenlage.model.doc import CERTAINTY_PRIORITY

# Buckets bigger than this are not compared pairwise (quadratic): members are matched against
# a bounded set of representatives instead, which still catches syndicated copies.
PAIRWISE_MAX = 60
MAX_REPS = 40

# strength of a statement: certain 4 > probable 3 > possible 2 > alleged 1 > open 0
STRENGTH = {lvl: len(CERTAINTY_PRIORITY) - 1 - p for lvl, p in CERTAINTY_PRIORITY.items()}


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        p = self.parent.setdefault(x, x)
        while p != self.parent.setdefault(p, p):
            self.parent[p] = self.parent[self.parent[p]]
            p = self.parent[p]
        self.parent[x] = p
        return p

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # smallest key = root: deterministic groups


def rebuild_groups(con: Any) -> int:
    """Recompute `claim_group_members` from all stored claims; returns the number of groups."""
    con.execute("""CREATE OR REPLACE TEMP TABLE _ck AS
        SELECT row_number() OVER (ORDER BY a.input_index, c.uid, c.is_headline DESC, c.claim_id) AS k,
               c.uid, c.claim_id, c.shingles, c.bands
        FROM claims c JOIN articles a USING (uid) WHERE len(c.bands) > 0""")
    # identical fingerprints (boilerplate, syndicated copies) are one claim: join them directly and
    # let only one representative per distinct shingle set take part in the LSH comparisons
    con.execute("""CREATE OR REPLACE TEMP TABLE _rep AS
        SELECT min(k) AS rep, list(k ORDER BY k) AS ks, any_value(bands) AS bands FROM _ck GROUP BY shingles""")
    uf = _UnionFind()
    for (ks,) in con.execute("SELECT ks FROM _rep WHERE len(ks) > 1").fetchall():
        for k in ks[1:]:
            uf.union(ks[0], k)
    buckets = con.execute("""
        SELECT list(rep ORDER BY rep) FROM (SELECT rep, unnest(bands) AS b FROM _rep)
        GROUP BY b HAVING count(*) > 1""").fetchall()
    needed = sorted({k for (ks,) in buckets for k in ks})
    shingle_sets: dict[int, frozenset[int]] = {}
    if needed:
        for k, sh in con.execute("SELECT k, shingles FROM _ck WHERE k IN (SELECT unnest(?::BIGINT[]))",
                                 [needed]).fetchall():
            shingle_sets[k] = frozenset(sh)
    checked: set[tuple[int, int]] = set()

    def check(a: int, b: int) -> bool:
        key = (a, b) if a < b else (b, a)
        if key in checked:
            return False
        checked.add(key)
        if similar(shingle_sets[a], shingle_sets[b]):
            uf.union(a, b)
            return True
        return False

    for (ks,) in buckets:
        if len(ks) <= PAIRWISE_MAX:
            for i in range(len(ks)):
                for j in range(i + 1, len(ks)):
                    check(ks[i], ks[j])
        else:
            reps: list[int] = []
            for k in ks:
                if not any(check(k, r) for r in reps) and len(reps) < MAX_REPS:
                    reps.append(k)
    members: dict[int, list[int]] = {}
    for k in uf.parent:
        members.setdefault(uf.find(k), []).append(k)
    groups = sorted((sorted(v) for v in members.values() if len(v) > 1), key=lambda v: v[0])
    rows = [(gid, k) for gid, ks in enumerate(groups, 1) for k in ks]
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM claim_group_members")
    if rows:
        import pyarrow as pa

        t = pa.table({"group_id": pa.array([r[0] for r in rows], pa.int32()),
                      "k": pa.array([r[1] for r in rows], pa.int64())})
        con.register("_g", t)
        con.execute("INSERT INTO claim_group_members SELECT g.group_id, c.uid, c.claim_id "
                    "FROM _g g JOIN _ck c ON c.k = g.k")
        con.unregister("_g")
    con.execute("COMMIT")
    con.execute("DROP TABLE IF EXISTS _ck")
    con.execute("DROP TABLE IF EXISTS _rep")
    return len(groups)


_MEMBERS_SQL = """
    SELECT g.group_id, a.uid, a.id AS article_id, a.outlet, a.title, a.url, a.published,
           a.published_ts, a.input_index, c.claim_id, c.text, c.certainty, c.cues, c.is_headline,
           c.mode, s.name AS source, s.kind AS source_kind, ch.name AS channel
    FROM claim_group_members g
    JOIN claims c ON c.uid = g.uid AND c.claim_id = g.claim_id
    JOIN articles a ON a.uid = g.uid
    LEFT JOIN sources s ON s.uid = c.uid AND s.source_id = c.source_id
    LEFT JOIN sources ch ON ch.uid = c.uid AND ch.source_id = c.channel_id
    {where}
    ORDER BY g.group_id, a.published_ts NULLS LAST, a.input_index, c.is_headline DESC, c.claim_id
"""


def _members(con: Any, group_ids: list[int] | None) -> dict[int, list[dict[str, Any]]]:
    where, params = "", []
    if group_ids is not None:
        where, params = "WHERE g.group_id IN (SELECT unnest(?::INTEGER[]))", [group_ids]
    cur = con.execute(_MEMBERS_SQL.format(where=where), params)
    names = [d[0] for d in cur.description]
    out: dict[int, list[dict[str, Any]]] = {}
    while True:
        chunk = cur.fetchmany(10_000)
        if not chunk:
            break
        for row in chunk:
            m = dict(zip(names, row, strict=True))
            m.pop("published_ts")
            out.setdefault(m["group_id"], []).append(m)
    return out


def _member_view(m: dict[str, Any]) -> dict[str, Any]:
    return {"article_uid": m["uid"], "article_id": m["article_id"], "outlet": m["outlet"],
            "published": m["published"], "input_index": m["input_index"], "title": m["title"],
            "claim_id": m["claim_id"], "is_headline": m["is_headline"], "text": m["text"],
            "certainty": m["certainty"], "source": m["source"], "channel": m["channel"]}


def _drift(members: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Compare the certainty of the first appearance with what later articles make of it."""
    first_uid = members[0]["uid"]
    first = [m for m in members if m["uid"] == first_uid]
    later = [m for m in members if m["uid"] != first_uid]
    if not later:
        return None
    # the original's own wording: its body claim if it has one (its headline may already overstate)
    origin = min((m for m in first if not m["is_headline"]), default=first[0],
                 key=lambda m: STRENGTH.get(m["certainty"], 4))
    s0 = STRENGTH.get(origin["certainty"], 4)
    hard = max(later, key=lambda m: (STRENGTH.get(m["certainty"], 4), m["is_headline"]))
    soft = min(later, key=lambda m: STRENGTH.get(m["certainty"], 4))
    if STRENGTH.get(hard["certainty"], 4) > s0:
        direction, to = "hardened", hard
    elif STRENGTH.get(soft["certainty"], 4) < s0:
        direction, to = "softened", soft
    else:
        return None
    return {"direction": direction, "from_level": origin["certainty"], "to_level": to["certainty"],
            "steps": STRENGTH.get(to["certainty"], 4) - s0,
            "from": _member_view(origin), "to": _member_view(to)}


def _group_view(gid: int, members: list[dict[str, Any]]) -> dict[str, Any]:
    outlets: list[str] = []
    for m in members:
        if m["outlet"] and m["outlet"] not in outlets:
            outlets.append(m["outlet"])
    sources = sorted({(m["source"], m["source_kind"]) for m in members if m["source"]})
    channels = sorted({m["channel"] for m in members if m["channel"]})
    return {
        "group_id": gid,
        "label": members[0]["text"],
        "claims": len(members),
        "articles": len({m["uid"] for m in members}),
        "outlets": outlets,
        "first": _member_view(members[0]),
        "sources": [{"name": n, "kind": k} for n, k in sources],
        "channels": channels,
        "certainty_path": [_member_view(m) for m in members],
        "drift": _drift(members),
    }


def group_details(con: Any, limit: int = 20, min_articles: int = 2) -> list[dict[str, Any]]:
    ranked = con.execute("""
        SELECT g.group_id FROM claim_group_members g JOIN articles a USING (uid)
        GROUP BY g.group_id HAVING count(DISTINCT g.uid) >= ?
        ORDER BY count(DISTINCT g.uid) DESC, count(DISTINCT a.outlet) DESC, g.group_id LIMIT ?""",
                         [min_articles, limit]).fetchall()
    ids = [r[0] for r in ranked]
    if not ids:
        return []
    members = _members(con, ids)
    return [_group_view(gid, members[gid]) for gid in ids]


def drift_events(con: Any, limit: int = 50, direction: str | None = "hardened") -> list[dict[str, Any]]:
    """Groups whose certainty changed after the first appearance (default: became more certain)."""
    events = []
    for gid, members in _members(con, None).items():
        d = _drift(members)
        if d is None or (direction and d["direction"] != direction):
            continue
        events.append({"group_id": gid, "label": members[0]["text"],
                       "articles": len({m["uid"] for m in members}), **d})
    events.sort(key=lambda e: (-abs(e["steps"]), not e["to"]["is_headline"], -e["articles"], e["group_id"]))
    return events[:limit]
