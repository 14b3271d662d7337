"""Output renderers: terminal (rich), JSON, HTML, Markdown. All read a `Doc`."""

from __future__ import annotations

from collections.abc import Callable

from quellenlage.model import Doc

FORMATS = ("terminal", "json", "html", "md")
SUFFIX = {"terminal": ".txt", "json": ".json", "html": ".html", "md": ".md"}


def get_renderer(fmt: str) -> Callable[[Doc], str]:
    if fmt == "json":
        from quellenlage.render.json_out import render_json as fn
    elif fmt == "html":
        from quellenlage.render.html_out import render_html as fn
    elif fmt == "md":
        from quellenlage.render.markdown import render_markdown as fn
    elif fmt == "terminal":
        from quellenlage.render.terminal import render_plain as fn
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return fn
