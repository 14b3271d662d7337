"""Read one article from plain text, JSON or HTML, and check it can be analysed.

Every failure raises `InputError` with a one-line message; the CLI prints it and
exits with code 2, the corpus engine records it in its `errors` table and goes on.
"""

from __future__ import annotations

import json
import pathlib
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from quellenlage.errors import InputError
from quellenlage.io.langid import detect, is_german
from quellenlage.model import Article

DEFAULT_MAX_BYTES = 2_000_000
INPUT_SUFFIXES = (".txt", ".json", ".html", ".htm")

_ID_LINE = re.compile(r"[^\s:]{1,80}:[ \t]*\r?\n")
# headline: one non-empty line followed by a blank line
_HEADLINE = re.compile(r"[ \t]*(\S[^\n]*?)[ \t]*\r?\n[ \t]*\r?\n")


def parse_text(text: str) -> Article:
    """Plain-text article: optional ``id:`` line, headline line, blank line, body.

    The body is the rest of the file exactly as written, so offsets into it match
    the file. A text without a single headline line set off by a blank line is all body.
    """
    article_id = None
    rest = text.lstrip("\ufeff")
    m = _ID_LINE.match(rest)
    if m:
        article_id = m.group()[: m.group().index(":")]
        rest = rest[m.end():]
        rest = rest[len(rest) - len(rest.lstrip("\r\n")):]  # blank lines after the id line
    h = _HEADLINE.match(rest)
    if h and rest[h.end():].strip():
        return Article(body=rest[h.end():], title=h.group(1), id=article_id)
    return Article(body=rest, title=None, id=article_id)


def _opt_str(obj: dict[str, Any], key: str) -> str | None:
    v = obj.get(key)
    if v is None:
        return None
    if isinstance(v, (int, float)):
        return str(v)
    if not isinstance(v, str):
        raise InputError(f"JSON field {key!r} must be a string, not {type(v).__name__}")
    return v


def article_from_dict(obj: Any) -> Article:
    """One article object of the contract: body (or text), optional id/title/url/outlet/published/lang."""
    if not isinstance(obj, dict):
        raise InputError(f"a JSON article must be an object, not {type(obj).__name__} "
                         "(for many articles use JSONL with `quellenlage corpus run`)")
    body = obj.get("body", obj.get("text"))
    if body is None:
        raise InputError("JSON article has no 'body' (or 'text') field")
    if not isinstance(body, str):
        raise InputError(f"JSON field 'body' must be a string, not {type(body).__name__}")
    return Article(body=body, title=_opt_str(obj, "title"), id=_opt_str(obj, "id"),
                   url=_opt_str(obj, "url"), outlet=_opt_str(obj, "outlet"),
                   published=_opt_str(obj, "published"), lang=_opt_str(obj, "lang"))


def parse_json(text: str) -> Article:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    return article_from_dict(obj)


def parse_html(html: str, url: str | None = None) -> Article:
    """Main text, title, date and outlet of a news page (trafilatura)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        raise InputError("no article text found in the HTML page")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = data.get("text") or ""
    return Article(body=body, title=data.get("title"), url=data.get("url") or url,
                   outlet=data.get("sitename"), published=data.get("date"), id=data.get("id"))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def decode(data: bytes, name: str = "input") -> str:
    if _looks_binary(data):
        raise InputError(f"{name}: binary data, not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-8 text (byte 0x{data[exc.start]:02x} at offset "
                         f"{exc.start}); convert it to UTF-8") from None


def sniff_format(text: str, name: str | None) -> str:
    suffix = pathlib.Path(name).suffix.lower() if name else ""
    if suffix == ".json":
        return "json"
    if suffix in (".html", ".htm"):
        return "html"
    if suffix == ".txt":
        return "text"
    head = text.lstrip()[:1000].lower()
    if head.startswith("{"):
        return "json"
    if head.startswith("<") and re.search(r"<(html|body|article|p|div|!doctype)\b", head):
        return "html"
    return "text"


def validate(article: Article, name: str = "input") -> Article:
    """Refuse what cannot be analysed: empty bodies and text that is not German."""
    text = article.body
    if not text.strip():
        raise InputError(f"{name}: empty article (no body text)")
    if article.lang and not article.lang.lower().startswith("de"):
        raise InputError(f"{name}: article language is {article.lang!r}; Quellenlage analyses German")
    sample = f"{article.title or ''}\n{text}"
    if not is_german(sample):
        lang, _ = detect(sample)
        raise InputError(f"{name}: text is not German (looks like {lang or 'another language'!s}); "
                         "Quellenlage analyses German news")
    if article.lang is None:
        article.lang = "de"
    return article


def read_bytes(data: bytes, name: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
               fmt: str | None = None) -> Article:
    """One article from raw bytes; `fmt` is text|json|html or guessed from name and content."""
    label = name or "input"
    if len(data) > max_bytes:
        raise InputError(f"{label}: {len(data):,} bytes is over the size limit of {max_bytes:,} bytes "
                         "(raise it with --max-bytes)")
    if not data.strip():
        raise InputError(f"{label}: empty input")
    text = decode(data, label)
    fmt = fmt or sniff_format(text, name)
    if fmt == "json":
        article = parse_json(text)
    elif fmt == "html":
        article = parse_html(text)
    else:
        article = parse_text(text)
    if article.id is None and name and name != "-":
        article.id = pathlib.Path(name).stem
    return validate(article, label)


def read_path(path: str | pathlib.Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """One article from a file path, or from stdin when `path` is ``-``."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return read_bytes(data, "-", max_bytes)
    p = pathlib.Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory (give files, or use --out DIR for a batch)")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(f"{p}: {size:,} bytes is over the size limit of {max_bytes:,} bytes "
                             "(raise it with --max-bytes)")
        data = p.read_bytes()
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    return read_bytes(data, str(p), max_bytes)


def iter_input_files(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories into their article files (sorted); other paths pass through."""
    for raw in paths:
        p = pathlib.Path(raw)
        if raw != "-" and p.is_dir():
            yield from (str(f) for f in sorted(p.rglob("*"))
                        if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES)
        else:
            yield raw
