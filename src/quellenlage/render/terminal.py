"""Terminal rendering (default): the article with sources, cues and certainty marked,
the headline verdict, source chains and the scorecard, colour-coded with rich."""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quellenlage.model import Doc
from quellenlage.render.marks import chains, collect_marks, segments

CERTAINTY_STYLE = {"certain": "green", "probable": "yellow", "possible": "dark_orange",
                   "alleged": "red", "open": "magenta"}
KIND_STYLE = {"person": "bold cyan", "organization": "bold blue", "government": "bold bright_blue",
              "media": "bold magenta", "anonymous": "bold yellow", "impersonal": "bold bright_black"}
MARK_STYLE = {"quote": "italic", "attribution_cue": "underline bright_white",
              "certainty_cue": "bold reverse"}


def _headline_panel(doc: Doc) -> Panel:
    h = doc.headline
    if h is None:
        return Panel(Text("(no headline)", style="dim"), title="Headline")
    title = Text()
    pos = 0
    for cue in sorted(h.clickbait_cues, key=lambda c: c.start):
        if cue.start < pos:
            continue
        title.append(h.text[pos:cue.start])
        title.append(h.text[cue.start:cue.end], style="bold red underline")
        pos = cue.end
    title.append(h.text[pos:])
    lines = [title, Text()]
    verdict = Text()
    verdict.append("form ", style="dim")
    verdict.append(h.form, style="bold")
    verdict.append("   clickbait ", style="dim")
    verdict.append(f"{'yes' if h.is_clickbait else 'no'} ({h.clickbait_score:.2f})",
                   style="bold red" if h.is_clickbait else "green")
    verdict.append("   support ", style="dim")
    verdict.append(h.support, style="bold yellow" if h.support != "supported" else "bold green")
    verdict.append("   overstates ", style="dim")
    verdict.append("YES" if h.overstates else "no", style="bold red" if h.overstates else "green")
    lines.append(verdict)
    if h.clickbait_cues:
        lines.append(Text("clickbait cues: " + " · ".join(f"{c.text} ({c.kind})" for c in h.clickbait_cues),
                          style="red"))
    for reason in (h.support_reason, h.overstates_reason):
        if reason:
            lines.append(Text(reason, style="dim"))
    if h.evidence:
        lines.append(Text("evidence: " + ", ".join(h.evidence), style="dim"))
    return Panel(Group(*lines), title="Headline verdict", border_style="red" if h.overstates else "blue")


def _article(doc: Doc) -> Table:
    marks = collect_marks(doc)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", justify="right", no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for s in doc.sentences:
        badge = Text(f"{s.certainty.level[:4]:<4}", style=f"bold {CERTAINTY_STYLE.get(s.certainty.level, 'white')}")
        badge.append({"none": "   ", "direct": " »«", "indirect": " ›‹", "impersonal": " ??"}.get(s.attribution, "   "),
                     style="cyan")
        line = Text(style="bold" if s.heading else "")
        for piece, cover in segments(doc.text, s.start, s.end, marks):
            style = []
            for m in cover:
                if m.kind in ("source", "channel"):
                    style.append(KIND_STYLE.get(m.css, "bold"))
                else:
                    style.append(MARK_STYLE.get(m.kind, ""))
                    if m.kind == "certainty_cue":
                        style.append(CERTAINTY_STYLE.get(m.css, ""))
            line.append(piece.replace("\n", " "), style=" ".join(style))
        src = doc.source(s.source_id)
        if src:
            line.append(f"  ← {src.name}", style=KIND_STYLE.get(src.kind, "bold"))
            ch = doc.source(s.channel_id)
            if ch:
                line.append(f" via {ch.name}", style=KIND_STYLE["media"])
        grid.add_row(s.id, badge, line)
    return grid


def _sources(doc: Doc) -> Table:
    t = Table(title="Sources", expand=True)
    t.add_column("source")
    t.add_column("kind")
    t.add_column("role")
    t.add_column("mentions", justify="right")
    for s in doc.sources:
        t.add_row(Text(s.name, style=KIND_STYLE.get(s.kind, "")), s.kind, s.role or "", str(len(s.mentions)))
    return t


def _chains(doc: Doc) -> Group:
    lines = [Text("Chains (source → channel → article)", style="bold")]
    for name, kind, channel, n in chains(doc):
        line = Text("  ")
        line.append(name, style=KIND_STYLE.get(kind, "bold"))
        if channel:
            line.append(" → ")
            line.append(channel, style=KIND_STYLE["media"])
        line.append(" → article")
        line.append(f"  ({n} {'statement' if n == 1 else 'statements'})", style="dim")
        lines.append(line)
    if len(lines) == 1:
        lines.append(Text("  none: the article attributes nothing", style="dim"))
    return Group(*lines)


def _scorecard(doc: Doc) -> Table:
    t = Table(title="Scorecard", show_header=False, expand=True)
    t.add_column("figure", no_wrap=True)
    t.add_column("value", no_wrap=True)
    t.add_column("why", style="dim", ratio=1)
    explain = doc.scorecard.get("explain") or {}
    for k, v in doc.scorecard.items():
        if isinstance(v, (dict, list)):
            continue
        t.add_row(k.replace("_", " "), str(v), explain.get(k, ""))
    return t


def renderables(doc: Doc) -> list:
    legend = Text("certainty: ", style="dim")
    for lvl, st in CERTAINTY_STYLE.items():
        legend.append(lvl + " ", style=f"bold {st}")
    legend.append("  attribution: »« direct ›‹ indirect ?? impersonal   ", style="dim")
    legend.append("cue", style="bold reverse")
    legend.append(" hedge cue  ", style="dim")
    legend.append("cue", style="underline")
    legend.append(" reporting cue", style="dim")
    a = doc.article
    meta = " · ".join(x for x in (a.id, a.outlet, a.published, a.url) if x)
    return [_headline_panel(doc), Text(meta, style="dim"), legend, Text(), _article(doc), Text(),
            _sources(doc), _chains(doc), Text(), _scorecard(doc)]


def print_terminal(doc: Doc, console: Console | None = None) -> None:
    console = console or Console()
    for r in renderables(doc):
        console.print(r)


def render_plain(doc: Doc, width: int = 100, color: bool = False) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color, color_system="standard" if color else None)
    print_terminal(doc, console)
    return buf.getvalue()
