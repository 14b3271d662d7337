"""Read-only corpus endpoints of `quellenlage serve --db FILE`."""

from __future__ import annotations

import hashlib
import pathlib

import pytest
from fastapi.testclient import TestClient

from quellenlage.web.app import Settings, create_app
from test_web_helpers import build_corpus


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return build_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(Settings(db=db))) as c:
        yield c


def test_health_announces_corpus(client):
    assert client.get("/api/health").json()["corpus"] is True


def test_summary(client):
    r = client.get("/api/corpus/summary")
    assert r.status_code == 200, r.text
    s = r.json()
    assert s["articles"] == 3 and s["outlets"] == 3 and s["claim_groups"] >= 1


def test_sources_and_channels(client):
    r = client.get("/api/corpus/sources", params={"limit": 5})
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"sources", "channels"}
    assert len(body["sources"]) <= 5
    assert all({"name", "kind", "articles"} <= set(s) for s in body["sources"])


def test_claim_groups_with_certainty_path(client):
    groups = client.get("/api/corpus/claim-groups").json()["groups"]
    stadtbahn = [g for g in groups if "Stadtbahn" in g["label"]]
    assert stadtbahn, groups
    g = stadtbahn[0]
    assert g["articles"] == 3 and g["outlets"] == ["Tagesblatt", "Abendpost", "Boulevard"]
    assert [p["published"] for p in g["certainty_path"]] == ["2024-03-01", "2024-03-02", "2024-03-03"]


def test_drift(client):
    events = client.get("/api/corpus/drift").json()["events"]
    assert events and events[0]["direction"] == "hardened"
    assert events[0]["to_level"] == "certain" and events[0]["from"]["outlet"] == "Tagesblatt"


@pytest.mark.parametrize("query", ["limit=0", "limit=100000", "limit=abc", "min_articles=0"])
def test_limits_validated(client, query):
    path = "/api/corpus/claim-groups?" + query
    r = client.get(path)
    assert r.status_code == 422 and "error" in r.json()


def test_store_is_not_modified_and_no_path_from_request(client, db):
    before = hashlib.sha256(pathlib.Path(db).read_bytes()).hexdigest()
    for path in ("/api/corpus/summary", "/api/corpus/sources", "/api/corpus/claim-groups", "/api/corpus/drift"):
        # a `db`/`path` query parameter is ignored: the file is fixed on the command line
        r = client.get(path, params={"db": "/etc/passwd", "path": "/etc/passwd"})
        assert r.status_code == 200 and "root:" not in r.text
    assert hashlib.sha256(pathlib.Path(db).read_bytes()).hexdigest() == before
    assert client.post("/api/corpus/summary").status_code == 405  # read-only: no writing verbs


def test_locked_store_answers_503(db):
    import duckdb

    writer = duckdb.connect(db)  # a running `corpus run` holds the file for writing
    try:
        with TestClient(create_app(Settings(db=db))) as c:
            r = c.get("/api/corpus/summary")
        assert r.status_code == 503 and "\n" not in r.json()["error"]
    finally:
        writer.close()
