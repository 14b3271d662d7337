"""Input layer: text/JSON/HTML readers and the refusal of bad input."""

from __future__ import annotations

import json

import pytest

from quellenlage.errors import InputError
from quellenlage.io import parse_text, read_bytes, read_path

GERMAN = ("Die Stadt hat am Montag einen neuen Haushalt beschlossen. Der Bürgermeister sagte, "
          "die Schulden seien zu hoch. Es wird vermutet, dass die Steuern steigen.")


def test_plain_text_with_id_and_headline_keeps_body_exact() -> None:
    text = "173086:\n\nEin Titel hier\n\n" + GERMAN + "\n"
    a = parse_text(text)
    assert a.id == "173086"
    assert a.title == "Ein Titel hier"
    assert a.body == GERMAN + "\n"
    assert text.endswith(a.body)


def test_text_without_headline_is_all_body() -> None:
    a = parse_text(GERMAN)
    assert a.title is None and a.body == GERMAN
    # two paragraphs, first one longer than a line: first line is still the headline form
    a2 = parse_text("Erster Absatz ohne Leerzeile\nzweite Zeile\n\nDritter")
    assert a2.title is None


def test_json_article_accepts_text_alias_and_metadata() -> None:
    obj = {"id": 7, "title": "T", "text": GERMAN, "url": "https://example.org/a", "outlet": "Beispiel",
           "published": "2024-01-02"}
    a = read_bytes(json.dumps(obj).encode(), "a.json")
    assert (a.id, a.title, a.body, a.outlet, a.published) == ("7", "T", GERMAN, "Beispiel", "2024-01-02")


def test_html_page_main_text_and_title() -> None:
    html = ("<html><head><title>Haushalt beschlossen</title></head><body><nav>Menü Start Impressum</nav>"
            f"<article><h1>Haushalt beschlossen</h1><p>{GERMAN}</p><p>{GERMAN}</p></article></body></html>")
    a = read_bytes(html.encode(), "seite.html")
    assert "Haushalt" in (a.title or "")
    assert "Bürgermeister sagte" in a.body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (bytes(range(256)) * 12, "binary"),
        ("Grüße aus Köln, die Stadt ist schön.".encode("latin-1"), "UTF-8"),
        (b"hello", "not German"),
        (b"The city council approved a new budget on Monday. The mayor said that the debt was too high "
         b"and that taxes would have to rise for all of the residents in the region.", "not German"),
    ],
)
def test_bad_input_raises_one_line_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as exc:
        read_bytes(data, "x.txt")
    assert message in str(exc.value)
    assert "\n" not in str(exc.value)


def test_size_limit_is_configurable(tmp_path) -> None:
    p = tmp_path / "gross.txt"
    p.write_text(GERMAN * 50, encoding="utf-8")
    with pytest.raises(InputError, match="size limit"):
        read_path(p, max_bytes=1000)
    assert read_path(p, max_bytes=100_000).body.startswith("Die Stadt")


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path("/nonexistent/artikel.txt")
