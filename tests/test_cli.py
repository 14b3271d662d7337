"""End-to-end CLI behaviour: analyze in every format, batch, errors as one line + exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES, SEED, needs_shared
from quellenlage.schema import validate_claim_map

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def ql(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quellenlage", *args], input=stdin, capture_output=True,
                          env=ENV, timeout=300)


def check_offsets(cm: dict, body: str) -> None:
    pos = 0
    for s in cm["sentences"]:
        assert pos <= s["start"] < s["end"] <= len(body)
        assert body[pos:s["start"]].strip() == "", "sentences must cover the body in order"
        pos = s["end"]
    assert body[pos:].strip() == ""


def test_example_json_validates_against_schema() -> None:
    r = ql("analyze", str(EXAMPLES / "artikel.txt"), "--format", "json")
    assert r.returncode == 0, r.stderr
    cm = json.loads(r.stdout)
    validate_claim_map(cm)
    assert cm["article"]["title"].startswith("Schock am Hafen!")
    from quellenlage.io import read_path

    check_offsets(cm, read_path(EXAMPLES / "artikel.txt").body)


@needs_shared
def test_seed_json_validates_title_and_offsets() -> None:
    r = ql("analyze", str(SEED), "--format", "json")
    assert r.returncode == 0, r.stderr
    cm = json.loads(r.stdout)
    validate_claim_map(cm)
    assert cm["article"]["title"].startswith("Atom-Alarm! Hat Putin")
    assert cm["article"]["id"] == "173086"
    from quellenlage.io import read_path

    check_offsets(cm, read_path(SEED).body)


def test_terminal_md_html_outputs() -> None:
    for fmt, marker in (("terminal", "Headline verdict"), ("md", "## Sources"), ("html", "<!DOCTYPE html>")):
        r = ql("analyze", str(EXAMPLES / "artikel.txt"), "--format", fmt)
        assert r.returncode == 0, r.stderr
        assert marker in r.stdout.decode()


def test_stdin_input() -> None:
    r = ql("analyze", "-", "--format", "json", stdin=(EXAMPLES / "artikel.txt").read_bytes())
    assert r.returncode == 0
    assert json.loads(r.stdout)["article"]["id"] == "demo-1"


def test_html_output_escapes_script(tmp_path) -> None:
    art = {"title": "Alarm <script>alert(1)</script>", "body":
           "Der Minister sagte am Montag, <script>alert(1)</script> die Lage sei ernst. "
           "Es wird vermutet, dass die Regierung <img src=x onerror=alert(2)> bald handelt."}
    p = tmp_path / "boese.json"
    p.write_text(json.dumps(art), encoding="utf-8")
    r = ql("analyze", str(p), "--format", "html")
    assert r.returncode == 0, r.stderr
    page = r.stdout.decode()
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_batch_writes_one_map_per_input_and_reports_bad_files(tmp_path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes((EXAMPLES / "artikel.txt").read_bytes())
    (src / "b.json").write_text(json.dumps({"title": "Titel", "body": "Die Regierung hat das Gesetz am "
                                            "Freitag beschlossen, sagte ein Sprecher der Stadt."}), encoding="utf-8")
    (src / "kaputt.txt").write_bytes(os.urandom(3000))
    out = tmp_path / "out"
    r = ql("analyze", str(src), "--format", "json", "--out", str(out))
    assert r.returncode == 2
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]
    errors = [line for line in r.stderr.decode().splitlines() if "error" in line]
    assert len(errors) == 1 and "kaputt.txt" in errors[0]
    for f in out.iterdir():
        validate_claim_map(json.loads(f.read_text()))


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "english", "large"])
def test_bad_inputs_one_line_exit_2(tmp_path, case: str) -> None:
    p = tmp_path / f"{case}.txt"
    args: list[str] = []
    if case == "empty":
        p.write_text("")
    elif case == "binary":
        p.write_bytes(os.urandom(3000))
    elif case == "english":
        p.write_text("Storm hits the coast\n\nA powerful storm hit the northern coast on Monday, the "
                     "weather service said. Thousands of homes were without power and several roads "
                     "were closed as emergency crews worked through the night to clear fallen trees.\n")
    elif case == "large":
        p.write_text("Die Stadt hat einen Haushalt. " * 200)
        args = ["--max-bytes", "1000"]
    r = ql("analyze", str(p), *args)
    assert r.returncode == 2
    lines = r.stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("quellenlage: error:")
    assert "Traceback" not in r.stderr.decode()


def test_version_and_help() -> None:
    r = ql("--version")
    assert r.returncode == 0 and r.stdout.decode().startswith("quellenlage ")
    for cmd in ("analyze", "tag", "eval", "eval claims", "eval quotes", "corpus", "corpus run",
                "corpus report", "corpus query", "corpus export", "serve"):
        h = ql(*cmd.split(), "--help")
        assert h.returncode == 0, (cmd, h.stderr)
        assert b"example" in h.stdout.lower(), cmd
