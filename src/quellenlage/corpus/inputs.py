"""Streaming input records for a corpus run: JSONL lines, WARC responses, article files.

Nothing here analyses or even fully parses HTML: the main process only cuts the input
into `Task`s (small, picklable) and hands them to the workers, so reading stays cheap
and memory stays bounded whatever the size of the input. Every task carries

* ``index``: its position in the input order (stable across re-runs of the same inputs),
* ``ref``: where it came from (``file.jsonl:17``, ``crawl.warc.gz@123456``, ``dir/a.txt``),
* ``raw_hash``: a hash of the raw record, so a re-run skips it before any work.

Broken records (a malformed JSONL line, a corrupt WARC record) come out as tasks with
``kind == "error"``; the engine records them and goes on.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import logging
import pathlib
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from quellenlage.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".json", ".html", ".htm")
CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".warc", ".warc.gz", ".jsonl.gz")


@dataclass(slots=True)
class Task:
    """One input record on its way to a worker."""

    index: int
    ref: str
    raw_hash: str
    kind: str  # "article" (a JSON object) | "file" (bytes of a txt/json/html file) | "html" | "error"
    payload: Any = None  # dict for "article", bytes for "file"/"html", reason (str) for "error"
    name: str | None = None  # file name for format sniffing, or the page URL for "html"
    pos: int = 0  # bytes of the input files read up to this record (progress and ETA by bytes)
    uid: str | None = None  # article key, when the main process can compute it cheaply


def raw_digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def content_hash(title: str | None, body: str) -> str:
    """Hash of what is analysed: title and body exactly as given."""
    return hashlib.sha1(f"{title or ''}\x00{body}".encode("utf-8", "surrogatepass")).hexdigest()


def article_uid(article_id: str | None, chash: str) -> str:
    """The article key: its id (content hash when it has none) together with the content hash."""
    return hashlib.sha1(f"{article_id or chash}\x00{chash}".encode("utf-8", "surrogatepass")).hexdigest()[:24]


def _suffix(p: pathlib.Path) -> str:
    name = p.name.lower()
    for s in (".warc.gz", ".jsonl.gz"):
        if name.endswith(s):
            return s
    return p.suffix.lower()


def expand_inputs(paths: Iterable[str]) -> list[pathlib.Path]:
    """Files in input order; directories expand (sorted, recursively) to their article/corpus files."""
    out: list[pathlib.Path] = []
    for raw in paths:
        p = pathlib.Path(raw)
        if p.is_dir():
            out.extend(f for f in sorted(p.rglob("*"))
                       if f.is_file() and _suffix(f) in ARTICLE_SUFFIXES + CORPUS_SUFFIXES)
        elif p.is_file():
            out.append(p)
        elif not p.exists():
            raise InputError(f"{p}: no such file or directory")
        else:
            raise InputError(f"{p}: not a regular file")
    return out


def total_bytes(files: list[pathlib.Path]) -> int:
    return sum(f.stat().st_size for f in files)


def iter_tasks(files: list[pathlib.Path], max_bytes: int) -> Iterator[Task]:
    """All records of all files, in input order, numbered from 0."""
    index = 0
    base = 0
    for f in files:
        suffix = _suffix(f)
        if suffix in (".jsonl", ".ndjson", ".jsonl.gz"):
            gen = _iter_jsonl(f, max_bytes)
        elif suffix in (".warc", ".warc.gz"):
            gen = _iter_warc(f, max_bytes)
        else:
            gen = _iter_file(f, max_bytes)
        for task in gen:
            task.index = index
            task.pos += base
            index += 1
            yield task
        base += f.stat().st_size


def _iter_file(f: pathlib.Path, max_bytes: int) -> Iterator[Task]:
    ref = str(f)
    try:
        size = f.stat().st_size
        if size > max_bytes:
            yield Task(0, ref, raw_digest(f"{ref}\x00{size}".encode()), "error",
                       f"{size:,} bytes is over the size limit of {max_bytes:,} bytes (raise it with --max-bytes)",
                       pos=size)
            return
        data = f.read_bytes()
    except OSError as exc:
        yield Task(0, ref, raw_digest(ref.encode()), "error", f"cannot read ({exc.strerror})")
        return
    # the file name is part of the record: a .txt article's id is its file name
    yield Task(0, ref, raw_digest(f.name.encode() + b"\x00" + data), "file", data, name=f.name, pos=len(data))


def _iter_jsonl(f: pathlib.Path, max_bytes: int) -> Iterator[Task]:
    from quellenlage.io import article_from_dict

    try:
        raw = open(f, "rb")
    except OSError as exc:
        yield Task(0, str(f), raw_digest(str(f).encode()), "error", f"cannot read ({exc.strerror})")
        return
    fh = gzip.GzipFile(fileobj=raw, mode="rb") if f.name.lower().endswith(".gz") else raw
    with raw, fh:
        lineno = 0
        while True:
            try:
                # readline with a limit: one giant line cannot eat the memory
                line = fh.readline(max_bytes + 1)
            except (OSError, EOFError, zlib.error) as exc:
                yield Task(0, f"{f}:{lineno + 1}", raw_digest(f"{f}:{lineno + 1}".encode()), "error",
                           f"cannot read the rest of the file ({exc})")
                return
            if not line:
                return
            lineno += 1
            ref = f"{f}:{lineno}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # skip the rest of the over-long line
                    line = fh.readline(1 << 20)
                yield Task(0, ref, raw_digest(ref.encode()), "error",
                           f"line is over the size limit of {max_bytes:,} bytes (raise it with --max-bytes)",
                           pos=raw.tell())
                continue
            stripped = line.strip()
            if not stripped:
                continue
            h = raw_digest(stripped)
            try:
                obj = json.loads(stripped)
                article = article_from_dict(obj)
            except json.JSONDecodeError as exc:
                yield Task(0, ref, h, "error", f"invalid JSON: {exc.msg} at column {exc.colno}", pos=raw.tell())
                continue
            except UnicodeDecodeError:
                yield Task(0, ref, h, "error", "not valid UTF-8 text", pos=raw.tell())
                continue
            except InputError as exc:
                yield Task(0, ref, h, "error", str(exc), pos=raw.tell())
                continue
            uid = article_uid(article.id, content_hash(article.title, article.body))
            yield Task(0, ref, h, "article", obj, pos=raw.tell(), uid=uid)


# --- WARC -------------------------------------------------------------------------------------

_GZ_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."


def _find_next(fh: io.BufferedReader, start: int, magic: bytes, at_line_start: bool) -> int | None:
    """Offset of the next record start after `start` (to resync after a corrupt record)."""
    fh.seek(start)
    pos = start
    tail = b""
    while True:
        chunk = fh.read(1 << 20)
        if not chunk:
            return None
        buf = tail + chunk
        base = pos - len(tail)
        i = 0
        while True:
            j = buf.find(magic, i)
            if j < 0:
                break
            if not at_line_start or (base + j == 0) or (j > 0 and buf[j - 1:j] == b"\n"):
                return base + j
            i = j + 1
        tail = buf[-(len(magic)):]
        pos += len(chunk)


def _error_text(exc: BaseException) -> str:
    msg = str(exc).split("\n")[0].split(", first line")[0]  # not the binary garbage itself
    msg = re.sub(r"[^\x20-\x7e]+", "?", msg)[:100]
    return f"corrupt WARC record ({type(exc).__name__}{': ' + msg if msg else ''})"


def _gz_member(fh: Any, pos: int, limit: int) -> tuple[bytes, bool, int, bool]:
    """Decompress the gzip member at `pos`: (data up to `limit`, truncated?, compressed length, clean end?).

    Raises zlib.error / EOFError when the member is corrupt or cut off. 'Clean end' means the
    member is followed by another gzip member or the end of the file; a corrupt deflate stream
    that happens to stop early is followed by garbage instead.
    """
    fh.seek(pos)
    d = zlib.decompressobj(31)  # gzip wrapper: CRC32 and length are checked at the end
    out = bytearray()
    truncated = False
    fed = 0
    while not d.eof:
        chunk = fh.read(1 << 16)
        if not chunk:
            raise EOFError("gzip member cut off")
        fed += len(chunk)
        data = chunk
        while data and not d.eof:
            part = d.decompress(data, 1 << 20)  # bounded output per step: no decompression bomb
            if len(out) + len(part) > limit:
                truncated = True
                part = part[: max(0, limit - len(out))]
            out += part
            data = d.unconsumed_tail
    length = fed - len(d.unused_data)
    fh.seek(pos + length)
    nxt = fh.read(3)
    return bytes(out), truncated, length, nxt in (b"", _GZ_MAGIC)


def _iter_warc(f: pathlib.Path, max_bytes: int) -> Iterator[Task]:
    logging.getLogger("warcio").setLevel(logging.ERROR)  # (its per-record warnings, see below)
    try:
        fh = open(f, "rb")
    except OSError as exc:
        yield Task(0, str(f), raw_digest(str(f).encode()), "error", f"cannot read ({exc.strerror})")
        return
    with fh:
        size = f.stat().st_size
        if f.name.lower().endswith(".gz"):
            if fh.read(3) != _GZ_MAGIC:
                yield Task(0, f"{f}@0", raw_digest(f"{f}\x00{size}".encode()), "error",
                           "not a gzip file (rename it to .warc if it is uncompressed)")
                return
            yield from _iter_warc_gz(f, fh, size, max_bytes)
        else:
            yield from _iter_warc_stream(f, fh, size, max_bytes)


def _iter_warc_gz(f: pathlib.Path, fh: Any, size: int, max_bytes: int) -> Iterator[Task]:
    """WARC.GZ the standard way, one gzip member per record: each member is decompressed and
    checked on its own, so a corrupt record costs exactly that record."""
    from warcio.archiveiterator import ArchiveIterator

    limit = max_bytes + (1 << 16)  # the page plus room for the WARC and HTTP headers
    pos: int | None = 0
    while pos is not None and pos < size:
        try:
            data, truncated, length, clean = _gz_member(fh, pos, limit)
            if not clean:
                raise zlib.error("gzip member followed by garbage")
        except (zlib.error, EOFError, OSError) as exc:
            ref = f"{f}@{pos}"
            yield Task(0, ref, raw_digest(f"{ref}\x00{size}".encode()), "error", _error_text(exc), pos=pos)
            pos = _find_next(fh, pos + 1, _GZ_MAGIC, at_line_start=False)
            continue
        if pos == 0 and length == size and size > limit:
            # one gzip stream for the whole file (not per record): read it as a stream instead
            fh.seek(0)
            yield from _iter_warc_stream(f, fh, size, max_bytes)
            return
        try:
            it = ArchiveIterator(io.BytesIO(data), arc2warc=True, check_digests=False)
            for n, record in enumerate(it):
                task = _warc_task(f, pos, record, max_bytes)
                if task is not None:
                    task.pos = pos
                    if n:  # several records in one member (non-standard): number them
                        task.ref += f"#{n}"
                    yield task
                if truncated:
                    break  # the rest of this member is the oversized record's own body
        except Exception as exc:  # noqa: BLE001 - a member that is not a WARC record
            ref = f"{f}@{pos}"
            yield Task(0, ref, raw_digest(f"{ref}\x00{size}".encode()), "error", _error_text(exc), pos=pos)
        pos += length


def _iter_warc_stream(f: pathlib.Path, fh: Any, size: int, max_bytes: int) -> Iterator[Task]:
    """Uncompressed WARC (or one gzip stream): warcio record by record, re-synchronising on the
    next ``WARC/1.`` header (gzip magic) after a record it cannot read."""
    from warcio.archiveiterator import ArchiveIterator

    gz = f.name.lower().endswith(".gz")
    start: int | None = 0
    while start is not None and start < size:
        fh.seek(start)
        it = None
        try:
            it = ArchiveIterator(fh, no_record_parse=False, arc2warc=True, check_digests=False)
            records = iter(it)
            while True:
                # warcio writes its own warnings about damaged records to stderr: the damage is
                # reported once, in `errors`, and a run in a pipe stays quiet
                with contextlib.redirect_stderr(io.StringIO()):
                    record = next(records, None)
                if record is None:
                    break
                # `it.offset` is the absolute start of this record (get_record_offset() would
                # consume the content stream before we read it)
                off = it.offset
                task = _warc_task(f, off, record, max_bytes)
                if task is not None:
                    task.pos = off
                    yield task
            return
        except Exception as exc:  # noqa: BLE001 - any decode failure = one corrupt record
            bad = it.offset if it is not None else start
            ref = f"{f}@{bad}"
            yield Task(0, ref, raw_digest(f"{ref}\x00{size}".encode()), "error", _error_text(exc), pos=bad)
            # resync on the next record header after the broken one
            start = _find_next(fh, bad + 1, _GZ_MAGIC if gz else _WARC_MAGIC, at_line_start=not gz)


def _warc_task(f: pathlib.Path, off: int, record: Any, max_bytes: int) -> Task | None:
    """A task for an HTML response record; None for requests, metadata, images, redirects..."""
    if record.rec_type not in ("response", "resource"):
        return None
    ref = f"{f}@{off}"
    ctype = ""
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return None
        ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    else:
        ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
    if "html" not in ctype:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    stream = record.content_stream()
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return Task(0, ref, raw_digest(f"{ref}\x00{url}".encode()), "error",
                    f"page is over the size limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    return Task(0, ref, raw_digest((url or "").encode() + b"\x00" + data), "html", data, name=url)
