"""The seed article end to end: what the terminal and HTML renderings must show a reader."""

from __future__ import annotations

import re

from conftest import SEED, needs_shared
from quellenlage.io import read_path
from quellenlage.pipeline import get_pipeline
from quellenlage.render.html_out import render_html
from quellenlage.render.terminal import render_plain


@needs_shared
def test_seed_sources_are_merged_per_person() -> None:
    doc = get_pipeline()(read_path(SEED))
    shoemaker = [s for s in doc.sources if "Shoemaker" in s.name or s.name == "Matt"]
    assert [s.name for s in shoemaker] == ["Matt Shoemaker"]
    assert shoemaker[0].kind == "person" and "Defense Intelligence Agency" in (shoemaker[0].role or "")


@needs_shared
def test_seed_terminal_shows_verdict_chain_and_cues() -> None:
    doc = get_pipeline()(read_path(SEED))
    text = render_plain(doc, width=200)
    assert "form question" in text and "support hedged" in text and "overstates YES" in text
    assert "Matt Shoemaker → Daily Express → article" in text
    assert "Atom-Alarm! (alarm)" in text
    coloured = render_plain(doc, width=200, color=True)
    # hedge cues are drawn in reverse video (ESC[7m) — "möglicherweise" among them
    assert re.search(r"\x1b\[[0-9;]*7[0-9;]*m[^\x1b]*möglicherweise", coloured)


@needs_shared
def test_seed_html_shows_verdict_chain_and_highlighted_cues() -> None:
    page = render_html(get_pipeline()(read_path(SEED)))
    assert "support: hedged" in page and "overstates: yes" in page and "form: question" in page
    assert "Matt Shoemaker → Daily Express → article" in page
    assert re.search(r"<span class='cue-certainty_cue' title='possible: [^']*'>möglicherweise</span>", page)
    assert re.search(r"<mark class='cb'[^>]*>Atom-Alarm!</mark>", page)
    assert "<script" not in page
