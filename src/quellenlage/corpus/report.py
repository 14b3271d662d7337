"""`quellenlage corpus report`: top sources, channels, claim groups and certainty drift (text|html|json)."""

from __future__ import annotations

import html
import json
from typing import Any

from quellenlage.corpus import store


def collect(db: Any, limit: int = 20) -> dict[str, Any]:
    with store.open_ro(db) as con:
        return {
            "schema": "quellenlage.corpus-report/1",
            "summary": store.summary(con),
            "top_sources": store.top_sources(con, limit),
            "top_channels": store.top_channels(con, limit),
            "claim_groups": store.claim_groups(con, limit),
            "drift": store.drift(con, limit),
            "errors": store.errors(con, limit),
        }


def _when(m: dict[str, Any]) -> str:
    return m.get("published") or f"#{m['input_index']}"


def _where(m: dict[str, Any]) -> str:
    kind = "headline" if m["is_headline"] else "body"
    return f"{m.get('outlet') or 'article ' + str(m.get('article_id') or '?')} ({_when(m)}, {kind})"


def _clip(s: str | None, n: int = 110) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def render_text(rep: dict[str, Any]) -> str:
    s = rep["summary"]
    out = [f"Corpus: {s['articles']:,} articles from {s['outlets']:,} outlets · {s['claims']:,} claims · "
           f"{s['headlines']:,} headlines · {s['claim_groups']:,} claim groups · {s['errors']:,} errors"]
    out += ["", "Top sources (articles · claims · kind)"]
    out += [f"  {r['articles']:>5} · {r['claims']:>5} · {r['kind'] or '-':<12} {_clip(r['name'], 70)}"
            for r in rep["top_sources"]] or ["  (none)"]
    out += ["", "Top channels (articles · sources carried)"]
    out += [f"  {r['articles']:>5} · {_clip(r['channel'], 40)}: {_clip(', '.join(r['sources'] or []), 70)}"
            for r in rep["top_channels"]] or ["  (none)"]
    out += ["", "Claim groups (the same claim in several articles)"]
    for g in rep["claim_groups"]:
        outlets = f", {len(g['outlets'])} outlets" if g["outlets"] else ""
        out.append(f"  [{g['group_id']}] {g['articles']} articles{outlets}: \"{_clip(g['label'])}\"")
        out.append(f"      first: {_where(g['first'])} · certainty {g['first']['certainty']}")
        if g["sources"]:
            out.append(f"      sources: {_clip(', '.join(x['name'] for x in g['sources']), 100)}")
        if g["channels"]:
            out.append(f"      channels: {_clip(', '.join(g['channels']), 100)}")
        path = " → ".join(m["certainty"] for m in g["certainty_path"][:12])
        out.append(f"      certainty along the way: {path}")
    if not rep["claim_groups"]:
        out.append("  (none)")
    out += ["", "Certainty drift (a claim stated more firmly later than where it first appeared)"]
    for d in rep["drift"]:
        out.append(f"  [{d['group_id']}] {d['from_level']} → {d['to_level']}: \"{_clip(d['from']['text'], 80)}\"")
        out.append(f"      {_where(d['from'])} → {_where(d['to'])}: \"{_clip(d['to']['text'], 80)}\"")
    if not rep["drift"]:
        out.append("  (none)")
    if rep["errors"]:
        out += ["", f"Errors (first {len(rep['errors'])})"]
        out += [f"  {_clip(e['ref'], 60)}: {_clip(e['reason'], 100)}" for e in rep["errors"]]
    return "\n".join(out) + "\n"


_CSS = """body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222;padding:0 1em}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{padding:.2em .6em;border-bottom:1px solid #ddd;
text-align:left;vertical-align:top}th{background:#f3f3f3}.num{text-align:right}.group{border:1px solid #ddd;
border-radius:6px;padding:.6em 1em;margin:.8em 0}.lvl{display:inline-block;padding:0 .4em;border-radius:4px;
font-size:.85em}.certain{background:#d7f0d7}.probable{background:#e9f2c8}.possible{background:#fbefc0}
.alleged{background:#f8d8b8}.open{background:#e2e2f5}.hl{font-weight:600}.muted{color:#777}"""


def _lvl(level: str) -> str:
    e = html.escape(level or "?")
    return f'<span class="lvl {e}">{e}</span>'


def render_html(rep: dict[str, Any]) -> str:
    e = html.escape
    s = rep["summary"]
    parts = ["<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">",
             "<title>Quellenlage – Korpusbericht</title>", f"<style>{_CSS}</style></head><body>",
             "<h1>Quellenlage corpus report</h1>",
             f"<p>{s['articles']:,} articles · {s['outlets']:,} outlets · {s['claims']:,} claims · "
             f"{s['headlines']:,} headlines · {s['claim_groups']:,} claim groups · {s['errors']:,} errors</p>",
             "<h2>Top sources</h2><table><tr><th>Source</th><th>Kind</th><th class=num>Articles</th>"
             "<th class=num>Outlets</th><th class=num>Claims</th></tr>"]
    for r in rep["top_sources"]:
        parts.append(f"<tr><td>{e(r['name'] or '')}</td><td>{e(r['kind'] or '')}</td><td class=num>{r['articles']}"
                     f"</td><td class=num>{r['outlets']}</td><td class=num>{r['claims']}</td></tr>")
    parts.append("</table><h2>Top channels</h2><table><tr><th>Channel</th><th class=num>Articles</th>"
                 "<th>Sources carried</th></tr>")
    for r in rep["top_channels"]:
        parts.append(f"<tr><td>{e(r['channel'] or '')}</td><td class=num>{r['articles']}</td>"
                     f"<td>{e(', '.join(r['sources'] or []))}</td></tr>")
    parts.append("</table><h2>Claim groups</h2>")
    for g in rep["claim_groups"]:
        parts.append(f"<div class=group><p class=hl>{e(g['label'])}</p><p class=muted>{g['articles']} articles · "
                     f"outlets: {e(', '.join(g['outlets']))} · first: {e(_where(g['first']))}</p>")
        if g["sources"]:
            parts.append(f"<p>Sources: {e(', '.join(x['name'] for x in g['sources']))}</p>")
        if g["channels"]:
            parts.append(f"<p>Channels: {e(', '.join(g['channels']))}</p>")
        parts.append("<table><tr><th>Where</th><th>Certainty</th><th>Text</th></tr>")
        for m in g["certainty_path"]:
            parts.append(f"<tr><td>{e(_where(m))}</td><td>{_lvl(m['certainty'])}</td><td>{e(m['text'] or '')}</td></tr>")
        parts.append("</table></div>")
    parts.append("<h2>Certainty drift</h2><table><tr><th>From</th><th></th><th>To</th></tr>")
    for d in rep["drift"]:
        parts.append(f"<tr><td>{_lvl(d['from_level'])} {e(_where(d['from']))}<br>{e(d['from']['text'] or '')}</td>"
                     f"<td>→</td><td>{_lvl(d['to_level'])} {e(_where(d['to']))}<br>{e(d['to']['text'] or '')}</td></tr>")
    parts.append("</table>")
    if rep["errors"]:
        parts.append("<h2>Errors</h2><table><tr><th>Record</th><th>Reason</th></tr>")
        parts += [f"<tr><td>{e(x['ref'])}</td><td>{e(x['reason'])}</td></tr>" for x in rep["errors"]]
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "".join(parts)


def render(db: Any, fmt: str = "text", limit: int = 20) -> str:
    rep = collect(db, limit)
    if fmt == "json":
        return json.dumps(rep, ensure_ascii=False, indent=1, default=str) + "\n"
    if fmt == "html":
        return render_html(rep)
    return render_text(rep)
