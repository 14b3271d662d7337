"""`--format html`: one self-contained page (no scripts, no external assets, all text escaped)."""

from __future__ import annotations

from html import escape

from quellenlage.model import Doc
from quellenlage.render.marks import chains, collect_marks, segments

CSS = """
body{font:16px/1.55 system-ui,-apple-system,Segoe UI,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
.meta{color:#666;font-size:.9rem}.verdict{border:2px solid #36c;border-radius:8px;padding:.6rem 1rem;margin:.8rem 0}
.verdict.over{border-color:#c33}.tag{display:inline-block;padding:0 .45rem;border-radius:4px;margin-right:.4rem;font-size:.85rem;background:#eee}
.bad{background:#fdd;color:#900}.good{background:#dfd;color:#060}.warn{background:#ffe7bf;color:#840}
.cb{background:#fdd;text-decoration:underline wavy #c00}
.s{display:block;margin:.25rem 0;padding:.15rem .4rem;border-left:5px solid #9c9}
.s.probable{border-color:#dc3}.s.possible{border-color:#e83}.s.alleged{border-color:#d33}.s.open{border-color:#a3a}
.badge{font-size:.72rem;color:#555;margin-right:.4rem;font-family:monospace}
.cue-certainty_cue{background:#ffd27a;font-weight:600;border-bottom:2px solid #c60}
.cue-attribution_cue{text-decoration:underline;text-decoration-thickness:2px}
.quote{font-style:italic}.src{font-weight:600;border-radius:3px;padding:0 2px}
.k-person{background:#d6f0ff}.k-organization{background:#dde3ff}.k-government{background:#cfd8ff}
.k-media{background:#f6d8ff}.k-anonymous{background:#fff1b8}.k-impersonal{background:#e6e6e6}
.from{color:#555;font-size:.85rem;margin-left:.4rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e4e4e4;padding:.3rem;text-align:left;vertical-align:top}
.chain{font-family:monospace}.legend span{margin-right:.8rem}
"""


def _e(text: str | None) -> str:
    return escape(text or "", quote=True)


def _headline(doc: Doc) -> str:
    h = doc.headline
    if h is None:
        return "<h1 class='meta'>(no headline)</h1>"
    parts, pos = [], 0
    for cue in sorted(h.clickbait_cues, key=lambda c: c.start):
        if cue.start < pos:
            continue
        parts.append(_e(h.text[pos:cue.start]))
        parts.append(f"<mark class='cb' title='{_e('clickbait cue: ' + (cue.kind or ''))}'>{_e(h.text[cue.start:cue.end])}</mark>")
        pos = cue.end
    parts.append(_e(h.text[pos:]))
    cls = "bad" if h.is_clickbait else "good"
    sup = "good" if h.support == "supported" else "warn"
    over = "bad" if h.overstates else "good"
    reasons = "".join(f"<div class='meta'>{_e(r)}</div>" for r in (h.support_reason, h.overstates_reason) if r)
    cues = ", ".join(f"{_e(c.text)} <span class='meta'>({_e(c.kind)})</span>" for c in h.clickbait_cues)
    return (f"<h1>{''.join(parts)}</h1><div class='verdict{' over' if h.overstates else ''}'>"
            f"<span class='tag'>form: {_e(h.form)}</span>"
            f"<span class='tag {cls}'>clickbait: {'yes' if h.is_clickbait else 'no'} ({h.clickbait_score:.2f})</span>"
            f"<span class='tag {sup}'>support: {_e(h.support)}</span>"
            f"<span class='tag {over}'>overstates: {'yes' if h.overstates else 'no'}</span>"
            f"{'<div>clickbait cues: ' + cues + '</div>' if cues else ''}{reasons}"
            f"{'<div class=meta>evidence: ' + _e(', '.join(h.evidence)) + '</div>' if h.evidence else ''}</div>")


def _article(doc: Doc) -> str:
    marks = collect_marks(doc)
    out = []
    for s in doc.sentences:
        pieces = []
        for piece, cover in segments(doc.text, s.start, s.end, marks):
            html = _e(piece)
            for m in cover:
                if m.kind in ("source", "channel"):
                    html = f"<span class='src k-{_e(m.css)}' title='{_e(m.label)}'>{html}</span>"
                elif m.kind == "quote":
                    html = f"<span class='quote' title='{_e(m.label)}'>{html}</span>"
                else:
                    html = f"<span class='cue-{m.kind}' title='{_e(m.label)}'>{html}</span>"
            pieces.append(html)
        src = doc.source(s.source_id)
        ch = doc.source(s.channel_id)
        frm = ""
        if src:
            frm = f"<span class='from'>← <span class='src k-{_e(src.kind)}'>{_e(src.name)}</span>"
            frm += f" via <span class='src k-media'>{_e(ch.name)}</span>" if ch else ""
            frm += "</span>"
        badge = f"{s.certainty.level} · {s.attribution}{' · claim' if s.claim else ''}"
        out.append(f"<span class='s {_e(s.certainty.level)}' id='{_e(s.id)}'><span class='badge'>{_e(s.id)} "
                   f"{_e(badge)}</span>{''.join(pieces)}{frm}</span>")
    return "\n".join(out)


def _sources(doc: Doc) -> str:
    rows = []
    ch = chains(doc)
    for s in doc.sources:
        links = [f"{_e(n)} → {_e(c)} → article" if c else f"{_e(n)} → article" for n, _, c, _ in ch if n == s.name]
        rows.append(f"<tr><td><span class='src k-{_e(s.kind)}'>{_e(s.name)}</span></td><td>{_e(s.kind)}</td>"
                    f"<td>{_e(s.role)}</td><td class='chain'>{'<br>'.join(links)}</td></tr>")
    return ("<table><tr><th>source</th><th>kind</th><th>role</th><th>chain (source → channel → article)</th></tr>"
            + "".join(rows) + "</table>")


def _scorecard(doc: Doc) -> str:
    explain = doc.scorecard.get("explain") or {}
    rows = "".join(f"<tr><td>{_e(k.replace('_', ' '))}</td><td>{_e(str(v))}</td>"
                   f"<td class='meta'>{_e(explain.get(k, ''))}</td></tr>"
                   for k, v in doc.scorecard.items() if not isinstance(v, (dict, list)))
    return f"<table>{rows}</table>"


def render_html(doc: Doc) -> str:
    a = doc.article
    meta = " · ".join(_e(x) for x in (a.id, a.outlet, a.published, a.url) if x)
    legend = ("<p class='legend meta'><span class='cue-certainty_cue'>hedge cue</span>"
              "<span class='cue-attribution_cue'>reporting cue</span>"
              + "".join(f"<span class='src k-{k}'>{k}</span>" for k in
                        ("person", "organization", "government", "media", "anonymous", "impersonal"))
              + "</p>")
    return ("<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width,initial-scale=1'>"
            "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>Quellenlage: {_e(a.title or a.id or 'claim map')}</title><style>{CSS}</style></head><body>"
            f"<p class='meta'>Quellenlage claim map{' · ' + meta if meta else ''}</p>{_headline(doc)}{legend}"
            f"<h2>Article</h2><div class='article'>{_article(doc)}</div>"
            f"<h2>Sources</h2>{_sources(doc)}<h2>Scorecard</h2>{_scorecard(doc)}</body></html>\n")
