"""Generated corpus inputs for the corpus tests (JSONL, WARC) + a check that they are what they claim."""

from __future__ import annotations

import io
import json
import pathlib
import random

CITIES = ["Berlin", "Hamburg", "München", "Köln", "Leipzig", "Dresden", "Bremen", "Hannover", "Mainz", "Kiel"]
TOPICS = ["den Ausbau der Windenergie", "die Sanierung der Schulen", "neue Radwege", "den Nahverkehr",
          "die Förderung von Wohnungsbau", "die Digitalisierung der Verwaltung", "ein neues Hallenbad",
          "die Reform der Pflege", "mehr Polizeistellen", "den Hochwasserschutz"]
PEOPLE = ["Anna Becker", "Thomas Müller", "Sabine Wolf", "Markus Klein", "Julia Schneider", "Peter Braun"]


def article(i: int, rng: random.Random) -> dict:
    city, topic, person = rng.choice(CITIES), rng.choice(TOPICS), rng.choice(PEOPLE)
    n = rng.randint(2, 90)
    body = (f"Der Stadtrat von {city} hat am Dienstag über {topic} beraten. "
            f"Nach Angaben der Verwaltung sollen dafür in den kommenden Jahren {n} Millionen Euro bereitstehen. "
            f"Bürgermeisterin {person} sagte, die Pläne seien ein wichtiger Schritt für die Stadt. "
            f"Kritiker befürchten dagegen, dass die Kosten am Ende deutlich höher ausfallen könnten. "
            f"Eine Entscheidung wird für die Sitzung im nächsten Monat erwartet. Vorgang Nummer {i}.")
    return {"id": f"art-{i}", "title": f"{city} berät über {topic} ({i})", "body": body,
            "outlet": rng.choice(["Stadtanzeiger", "Tagesblatt", "Rundschau"]),
            "published": f"2024-03-{1 + i % 28:02d}"}


def write_jsonl(path: pathlib.Path, n: int, seed: int = 7, bad_lines: dict[int, str] | None = None) -> list[dict]:
    """`n` generated articles; `bad_lines` inserts raw (broken) lines before the given article numbers."""
    rng = random.Random(seed)
    arts = [article(i, rng) for i in range(n)]
    with open(path, "w", encoding="utf-8") as f:
        for i, a in enumerate(arts):
            if bad_lines and i in bad_lines:
                f.write(bad_lines[i] + "\n")
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    return arts


def page(i: int) -> bytes:
    a = article(i, random.Random(i))
    paras = "".join(f"<p>{s.strip()}.</p>" for s in a["body"].split(". ") if s.strip())
    return (f"<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>{a['title']}</title>"
            f"<meta property=\"og:site_name\" content=\"Testzeitung\"></head><body><article><h1>{a['title']}</h1>"
            f"{paras}</article></body></html>").encode()


def write_warc(path: pathlib.Path, n: int, corrupt: int | None = None, gz: bool = True) -> list[int]:
    """`n` HTML response records (+ one request record), gzipped per record unless `gz` is False;
    record `corrupt` gets garbled bytes (gzip) or a wrong Content-Length (uncompressed)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    offsets = []
    for i in range(n):
        offsets.append(buf.tell())
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://www.testzeitung.de/artikel/{i}", "response",
                                            payload=io.BytesIO(page(i)), http_headers=http))
        if i == 0:  # a request record: not an article, silently passed over
            req = StatusAndHeaders("GET /artikel/0 HTTP/1.1", [("Host", "www.testzeitung.de")], is_http_request=True)
            w.write_record(w.create_warc_record("https://www.testzeitung.de/artikel/0", "request",
                                                payload=io.BytesIO(b""), http_headers=req))
    data = bytearray(buf.getvalue())
    if corrupt is not None and gz:
        o = offsets[corrupt]
        for j in range(o + 30, o + 90):  # inside the deflate stream of that gzip member
            data[j] ^= 0x5A
    elif corrupt is not None:
        i = data.index(b"Content-Length: ", offsets[corrupt])
        data[i:data.index(b"\r\n", i)] = b"Content-Length: 99"  # the block now ends mid-page
    path.write_bytes(bytes(data))
    return offsets


def test_generated_inputs_are_german_articles(tmp_path: pathlib.Path) -> None:
    from quellenlage.io import article_from_dict, validate

    arts = write_jsonl(tmp_path / "a.jsonl", 3)
    for a in arts:
        validate(article_from_dict(a))
    assert len((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    offsets = write_warc(tmp_path / "c.warc.gz", 3)
    assert len(offsets) == 3 and (tmp_path / "c.warc.gz").read_bytes()[:2] == b"\x1f\x8b"
