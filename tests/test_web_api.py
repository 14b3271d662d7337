"""REST API of `quellenlage serve`: formats, errors, and every security behaviour."""

from __future__ import annotations

import json
import pathlib
import re
import threading
import time

import httpx
import pytest
from fastapi.testclient import TestClient

from conftest import SEED, needs_shared
from quellenlage.cli import main as cli_main
from quellenlage.errors import QuellenlageError
from quellenlage.model import Article
from quellenlage.web.app import STATIC_DIR, Settings, create_app
from quellenlage.web.security import is_loopback
from test_web_helpers import CRAFTED_BODY, CRAFTED_TEXT, CRAFTED_TITLE, crafted_analyze, running_server

TOKEN = "s3cret-token-for-tests-0123456789"


@pytest.fixture(scope="module")
def client():
    """The app with the real pipeline."""
    with TestClient(create_app(Settings())) as c:
        yield c


@pytest.fixture
def crafted():
    with TestClient(create_app(Settings(max_bytes=4000), analyze_fn=crafted_analyze)) as c:
        yield c


def _assert_security_headers(resp: httpx.Response) -> None:
    csp = resp.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert resp.headers["x-frame-options"] == "DENY"
    assert resp.headers["referrer-policy"] == "no-referrer"


# ------------------------------------------------------------------ basic endpoints

def test_health(client):
    r = client.get("/api/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["auth"] is False and body["corpus"] is False
    assert body["max_bytes"] == 2_000_000


def test_analyze_plain_text_real_pipeline(client):
    r = client.post("/api/analyze", content=CRAFTED_TEXT.encode(), headers={"content-type": "text/plain"})
    assert r.status_code == 200, r.text
    m = r.json()
    assert m["schema"] == "quellenlage.claim-map/1"
    assert m["article"]["title"] == CRAFTED_TITLE
    assert m["article"]["body"] == CRAFTED_BODY  # additive: the text the offsets point into
    assert m["sentences"] and all(0 <= s["start"] < s["end"] <= len(CRAFTED_BODY) for s in m["sentences"])
    assert r.headers["cache-control"] == "no-store"


@needs_shared
def test_analyze_seed(client):
    r = client.post("/api/analyze", content=SEED.read_bytes(), headers={"content-type": "text/plain"})
    assert r.status_code == 200, r.text
    m = r.json()
    assert m["article"]["id"] == "173086"
    assert m["headline"]["text"].startswith("Atom-Alarm!")


def test_analyze_json_article(client):
    art = {"id": "a1", "title": CRAFTED_TITLE, "body": CRAFTED_BODY, "outlet": "Testblatt"}
    r = client.post("/api/analyze", json=art)
    assert r.status_code == 200, r.text
    assert r.json()["article"]["outlet"] == "Testblatt" and r.json()["article"]["id"] == "a1"


def test_analyze_html_upload(client):
    html = (f"<html><head><title>{CRAFTED_TITLE}</title></head><body><article><h1>{CRAFTED_TITLE}</h1>"
            "<p>Die Stadtbahn soll angeblich im Jahr 2027 eingestellt werden, berichtet die Zeitung. "
            "Der Verkehrsverbund hat dazu bisher keine Stellungnahme abgegeben und verweist auf den "
            "Stadtrat, der im Herbst über die Zukunft der Strecke entscheiden will.</p>"
            "<p>Experten halten eine Verlängerung der Strecke dagegen für möglich, weil die Zahl der "
            "Fahrgäste in den vergangenen Jahren deutlich gestiegen ist.</p></article></body></html>")
    r = client.post("/api/analyze", files={"file": ("seite.html", html.encode(), "text/html")})
    assert r.status_code == 200, r.text
    m = r.json()
    assert "Stadtbahn" in m["article"]["body"] and "<p>" not in m["article"]["body"]


def test_analyze_multipart_text_field(client):
    r = client.post("/api/analyze", data={"text": CRAFTED_TEXT}, files={"unused": ("", b"")})
    assert r.status_code == 200, r.text
    assert r.json()["article"]["title"] == CRAFTED_TITLE


def test_multipart_without_article_is_400(client):
    r = client.post("/api/analyze", files={"other": ("x.txt", b"abc", "text/plain")})
    assert r.status_code == 400
    assert "file" in r.json()["error"]


def test_form_urlencoded_is_415(client):
    r = client.post("/api/analyze", data={"text": CRAFTED_TEXT})
    assert r.status_code == 415


@pytest.mark.parametrize("payload,ctype,fragment", [
    (b"", "text/plain", "empty"),
    (b"\x00\x01\x02binary\x00" * 20, "application/octet-stream", "binary"),
    (b"\xff\xfe not utf-8 \xff", "text/plain", "UTF-8"),
    (b"{not json", "application/json", "invalid JSON"),
    (b'{"title": "x"}', "application/json", "body"),
    (b"The government said on Monday that the new railway line will open next year, officials "
     b"confirmed in a statement to reporters.", "text/plain", "not German"),
])
def test_bad_input_gets_one_line_error(client, payload, ctype, fragment):
    r = client.post("/api/analyze", content=payload, headers={"content-type": ctype})
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert fragment in err and "\n" not in err and "Traceback" not in err


def test_unknown_format_param_rejected(client):
    r = client.post("/api/analyze?format=pdf", content=b"x", headers={"content-type": "text/plain"})
    assert r.status_code == 422 and "format" in r.json()["error"]


def test_internal_error_is_json_without_traceback():
    def boom(article: Article) -> dict:
        raise RuntimeError("secret internals /home/x")

    with TestClient(create_app(Settings(), analyze_fn=boom), raise_server_exceptions=False) as c:
        r = c.post("/api/analyze", content=CRAFTED_TEXT.encode(), headers={"content-type": "text/plain"})
    assert r.status_code == 500
    assert r.json() == {"error": "internal error (see the server log)"}


# ------------------------------------------------------------------ security: size limit

def test_declared_content_length_over_limit_is_413(crafted):
    r = crafted.post("/api/analyze", content=b"a" * 4001, headers={"content-type": "text/plain"})
    assert r.status_code == 413
    assert "limit" in r.json()["error"]
    _assert_security_headers(r)


def test_streamed_body_over_limit_is_413(crafted):
    # a chunked body has no Content-Length: the limit must hold on the streamed bytes too
    def chunks():
        for _ in range(10):
            yield b"a" * 1000

    r = crafted.post("/api/analyze", content=chunks(), headers={"content-type": "text/plain"})
    assert r.status_code == 413


def test_streamed_body_over_limit_real_server():
    app = create_app(Settings(max_bytes=4000), analyze_fn=crafted_analyze)
    with running_server(app) as base:
        def chunks():
            for _ in range(20):
                yield b"a" * 1000

        r = httpx.post(base + "/api/analyze", content=chunks(), headers={"content-type": "text/plain"})
        assert r.status_code == 413
        r = httpx.post(base + "/api/analyze", content=b"a" * 5000, headers={"content-type": "text/plain"})
        assert r.status_code == 413


def test_upload_over_limit_is_413(crafted):
    r = crafted.post("/api/analyze", files={"file": ("big.txt", b"a" * 5000, "text/plain")})
    assert r.status_code == 413


def test_default_limit_is_2mb(client):
    r = client.post("/api/analyze", content=b"a" * (2_000_000 + 1), headers={"content-type": "text/plain"})
    assert r.status_code == 413


def test_body_under_limit_passes(crafted):
    r = crafted.post("/api/analyze", content=CRAFTED_TEXT.encode(), headers={"content-type": "text/plain"})
    assert r.status_code == 200


# ------------------------------------------------------------------ security: time limit and load

def test_time_limit_is_504():
    def slow(article: Article) -> dict:
        time.sleep(1.5)
        return crafted_analyze(article)

    with TestClient(create_app(Settings(timeout=0.2), analyze_fn=slow)) as c:
        t0 = time.monotonic()
        r = c.post("/api/analyze", content=CRAFTED_TEXT.encode(), headers={"content-type": "text/plain"})
        assert r.status_code == 504
        assert "time limit" in r.json()["error"] or "longer than" in r.json()["error"]
        assert time.monotonic() - t0 < 1.4  # answered at the limit, not after the analysis


def test_too_many_pending_is_503():
    gate = threading.Event()

    def blocked(article: Article) -> dict:
        gate.wait(10)
        return crafted_analyze(article)

    app = create_app(Settings(max_pending=1, workers=1), analyze_fn=blocked)
    with running_server(app) as base:
        results: list[int] = []
        first = threading.Thread(target=lambda: results.append(
            httpx.post(base + "/api/analyze", content=CRAFTED_TEXT.encode(), timeout=20).status_code))
        first.start()
        analyzer = app.app.state.analyzer
        for _ in range(200):  # wait until the first request occupies the only slot
            if analyzer._pending:
                break
            time.sleep(0.01)
        r = httpx.post(base + "/api/analyze", content=CRAFTED_TEXT.encode(), timeout=20)
        assert r.status_code == 503 and "busy" in r.json()["error"]
        gate.set()
        first.join(20)
        assert results == [200]


# ------------------------------------------------------------------ security: token

def test_token_required_on_api_when_set():
    with TestClient(create_app(Settings(token=TOKEN), analyze_fn=crafted_analyze)) as c:
        body = CRAFTED_TEXT.encode()
        r = c.post("/api/analyze", content=body)
        assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
        _assert_security_headers(r)
        assert c.post("/api/analyze", content=body,
                      headers={"authorization": "Bearer wrong"}).status_code == 401
        assert c.post("/api/analyze", content=body,
                      headers={"authorization": f"Basic {TOKEN}"}).status_code == 401
        assert c.post("/api/analyze", content=body,
                      headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200
        # liveness, page, static assets and docs carry no data: open
        health = c.get("/api/health")
        assert health.status_code == 200 and health.json()["auth"] is True
        assert c.get("/").status_code == 200
        assert c.get("/static/app.js").status_code == 200
        assert c.get("/openapi.json").status_code == 200
        assert c.get("/api/corpus/sources").status_code == 401


def test_token_checked_before_size_limit():
    # an unauthenticated client must not learn anything, not even the size limit
    with TestClient(create_app(Settings(token=TOKEN, max_bytes=10), analyze_fn=crafted_analyze)) as c:
        assert c.post("/api/analyze", content=b"a" * 100).status_code == 401


@pytest.mark.parametrize("host,loop", [("127.0.0.1", True), ("127.0.0.5", True), ("::1", True),
                                       ("localhost", True), ("0.0.0.0", False), ("::", False),
                                       ("192.168.1.10", False), ("example.org", False)])
def test_is_loopback(host, loop):
    assert is_loopback(host) is loop


def _serve_args(*argv: str):
    import argparse

    from quellenlage.web.cli import register_cli

    parser = argparse.ArgumentParser()
    register_cli(parser.add_subparsers(dest="command"))
    return parser.parse_args(["serve", *argv])


def test_serve_refuses_public_bind_without_token(monkeypatch, capsys):
    from quellenlage.web.cli import settings_from_args

    monkeypatch.delenv("QUELLENLAGE_TOKEN", raising=False)
    with pytest.raises(QuellenlageError, match="without a bearer token"):
        settings_from_args(_serve_args("--host", "0.0.0.0"))
    # through the real CLI: one line on stderr, exit code 2, nothing started
    assert cli_main(["serve", "--host", "0.0.0.0", "--port", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "token" in err


def test_serve_token_from_option_or_env(monkeypatch):
    from quellenlage.web.cli import settings_from_args

    monkeypatch.delenv("QUELLENLAGE_TOKEN", raising=False)
    s = settings_from_args(_serve_args("--host", "0.0.0.0", "--token", TOKEN))
    assert s.token == TOKEN and s.host == "0.0.0.0"
    monkeypatch.setenv("QUELLENLAGE_TOKEN", TOKEN)
    s = settings_from_args(_serve_args("--host", "0.0.0.0", "--max-bytes", "1000", "--timeout", "5"))
    assert (s.token, s.max_bytes, s.timeout) == (TOKEN, 1000, 5.0)
    with pytest.raises(QuellenlageError, match="16 characters"):
        settings_from_args(_serve_args("--token", "short"))


def test_serve_defaults_to_loopback(monkeypatch):
    from quellenlage.web.cli import settings_from_args

    monkeypatch.delenv("QUELLENLAGE_TOKEN", raising=False)
    s = settings_from_args(_serve_args())
    assert (s.host, s.port, s.token, s.max_bytes) == ("127.0.0.1", 8000, None, 2_000_000)


def test_serve_missing_db_is_one_line_error(tmp_path, capsys):
    assert cli_main(["serve", "--db", str(tmp_path / "nope.duckdb")]) == 2
    assert "no such corpus database" in capsys.readouterr().err


# ------------------------------------------------------------------ security: headers, escaping, paths

@pytest.mark.parametrize("path", ["/", "/docs", "/static/app.js", "/static/app.css", "/api/health",
                                  "/openapi.json", "/does-not-exist"])
def test_security_headers_everywhere(client, path):
    _assert_security_headers(client.get(path))


def test_page_has_no_inline_script_and_no_external_assets():
    for f in STATIC_DIR.iterdir():
        text = f.read_text(encoding="utf-8")
        # the only absolute URL allowed is the SVG namespace identifier (not fetched)
        urls = [u for u in re.findall(r"https?://[^\s\"')]+", text) if not u.startswith("http://www.w3.org/")]
        assert urls == [], f"{f.name} references external {urls}"
        if f.suffix == ".html":
            assert "<script>" not in text and "<style" not in text and not re.search(r"\son[a-z]+=", text)
            assert "<script src=\"/static/" in text
        if f.suffix == ".js":
            assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(", text)


def test_script_laden_article_is_returned_as_json_not_html(crafted):
    r = crafted.post("/api/analyze", content=CRAFTED_TEXT.encode(), headers={"content-type": "text/html"},
                     params={"format": "text"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    assert "<script>" in r.json()["article"]["body"]  # kept as data; the page renders it as text


def test_no_endpoint_reads_server_files(client):
    # an uploaded file name is only a label: the server never opens it
    r = client.post("/api/analyze", files={"file": ("../../../../etc/passwd", CRAFTED_TEXT.encode(), "text/plain")})
    assert r.status_code == 200 and "root:" not in r.text
    assert r.json()["article"]["body"] == CRAFTED_BODY and r.json()["article"]["id"] == "passwd"
    # a JSON article's url is metadata, never fetched or opened
    r = client.post("/api/analyze", json={"body": CRAFTED_BODY, "url": "file:///etc/passwd"})
    assert r.status_code == 200 and "root:" not in r.text
    # static files stay inside the package's static directory
    for p in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static//etc/passwd"):
        r = client.get(p)
        assert r.status_code == 404, p
        assert "create_app" not in r.text and "root:" not in r.text
    # no route takes a path
    for route in json.loads(client.get("/openapi.json").text)["paths"].values():
        for op in route.values():
            assert not [p for p in op.get("parameters", []) if "path" in p["name"] or "file" in p["name"]]


def test_openapi_and_self_hosted_docs(client):
    spec = client.get("/openapi.json").json()
    content = spec["paths"]["/api/analyze"]["post"]["requestBody"]["content"]
    assert {"text/plain", "application/json", "text/html", "multipart/form-data"} <= set(content)
    assert "/api/health" in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/docs.js" in docs.text
    assert "cdn" not in docs.text.lower()
    assert client.get("/redoc").status_code == 404


def test_no_corpus_endpoints_without_db(client):
    r = client.get("/api/corpus/sources")
    assert r.status_code == 404 and "--db" in r.json()["error"]


def test_static_files_are_packaged():
    names = {p.name for p in pathlib.Path(STATIC_DIR).iterdir()}
    assert {"index.html", "app.js", "app.css", "docs.html", "docs.js"} <= names


def test_cli_serve_real_process():
    """`quellenlage serve` as a user starts it: a real uvicorn process on loopback."""
    import subprocess
    import sys

    from test_web_helpers import free_port

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "quellenlage", "serve", "--port", str(port),
                             "--max-bytes", "5000", "--timeout", "20"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail("server did not start: " + proc.stderr.read1().decode())
        r = httpx.post(base + "/api/analyze", content=CRAFTED_TEXT.encode(),
                       headers={"content-type": "text/plain"}, timeout=30)
        assert r.status_code == 200 and r.json()["article"]["title"] == CRAFTED_TITLE
        _assert_security_headers(r)
        assert "server" not in r.headers  # no version banner
        r = httpx.post(base + "/api/analyze", content=b"a" * 5001, headers={"content-type": "text/plain"})
        assert r.status_code == 413
    finally:
        proc.terminate()
        proc.wait(10)


def test_slow_body_is_408():
    """A client that announces a body and then trickles it cannot hold the server: 408."""
    import socket

    app = create_app(Settings(body_timeout=0.5), analyze_fn=crafted_analyze)
    with running_server(app) as base:
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(b"POST /api/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                         b"Content-Length: 1000\r\n\r\nonly a little")
            t0 = time.monotonic()
            # the answer may arrive in several TCP segments (headers, then body): read until close
            chunks = []
            while chunk := sock.recv(4096):
                chunks.append(chunk)
                if b"not received within" in b"".join(chunks):
                    break
            answer = b"".join(chunks).decode("latin-1")
        assert answer.startswith("HTTP/1.1 408") and "not received within" in answer
        assert time.monotonic() - t0 < 5


def test_big_pasted_text_field_within_limit():
    # a `text` form field over Starlette's 1 MB default part size but within --max-bytes is accepted
    with TestClient(create_app(Settings(max_bytes=3_000_000), analyze_fn=crafted_analyze)) as c:
        text = CRAFTED_TEXT + "\n" + ("Der Stadtrat tagt. " * 70_000)
        assert 1_100_000 < len(text.encode()) < 2_900_000
        r = c.post("/api/analyze", data={"text": text}, files={"unused": ("", b"")})
        assert r.status_code == 200, r.text[:300]
