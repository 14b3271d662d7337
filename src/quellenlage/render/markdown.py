"""`--format md`: the claim map as Markdown (cues in bold, sources and chains as tables)."""

from __future__ import annotations

from quellenlage.model import Doc
from quellenlage.render.marks import chains, collect_marks, segments

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def _md(text: str | None) -> str:
    return (text or "").translate(_MD_SPECIAL).replace("\n", " ")


def render_markdown(doc: Doc) -> str:
    a, h = doc.article, doc.headline
    out = [f"# {_md(h.text) if h else '(no headline)'}", ""]
    if h:
        out.append(f"**Headline verdict:** form *{h.form}* · clickbait {'yes' if h.is_clickbait else 'no'} "
                   f"({h.clickbait_score:.2f}) · support *{h.support}* · overstates {'**yes**' if h.overstates else 'no'}")
        if h.clickbait_cues:
            out.append("")
            out.append("Clickbait cues: " + ", ".join(f"**{_md(c.text)}** ({c.kind})" for c in h.clickbait_cues))
        for r in (h.support_reason, h.overstates_reason):
            if r:
                out += ["", f"> {_md(r)}"]
        out.append("")
    meta = " · ".join(_md(x) for x in (a.id, a.outlet, a.published, a.url) if x)
    if meta:
        out += [f"*{meta}*", ""]
    out += ["## Article", "", "| id | certainty | attribution | sentence (hedge cues in **bold**) | source |",
            "|---|---|---|---|---|"]
    marks = [m for m in collect_marks(doc) if m.kind == "certainty_cue"]
    for s in doc.sentences:
        text = "".join(f"**{_md(p)}**" if cover else _md(p) for p, cover in segments(doc.text, s.start, s.end, marks))
        src, ch = doc.source(s.source_id), doc.source(s.channel_id)
        who = f"{_md(src.name)}{' via ' + _md(ch.name) if ch else ''}" if src else ""
        out.append(f"| {s.id} | {s.certainty.level} | {s.attribution} | {text} | {who} |")
    out += ["", "## Sources", "", "| source | kind | role |", "|---|---|---|"]
    out += [f"| {_md(s.name)} | {s.kind} | {_md(s.role)} |" for s in doc.sources]
    out += ["", "## Chains", ""]
    out += [f"- {_md(n)} → {_md(c)} → article" if c else f"- {_md(n)} → article" for n, _, c, _ in chains(doc)] or ["- none"]
    out += ["", "## Scorecard", ""]
    explain = doc.scorecard.get("explain") or {}
    out += [f"- {k.replace('_', ' ')}: {v}" + (f" — {_md(explain[k])}" if k in explain else "")
            for k, v in doc.scorecard.items() if not isinstance(v, (dict, list))]
    return "\n".join(out) + "\n"
