"""Writing through the API: tokens, posted articles, analyses sent by ``newsevents ingest``."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsevents.jobs import ingest_paths
from newsevents.records import RECORD_KINDS, to_dict
from newsevents.serve import create_app
from newsevents.serve import writer as writer_module
from newsevents.serve.writer import (
    RemoteStore,
    ServerInfo,
    find_server,
    remove_serve_file,
    serve_file,
    write_serve_file,
)
from newsevents.store import DatabaseBusyError, Store

from ..store.conftest import make_analysis
from .conftest import run_server

TEXT = "Le 3 mars 2026, des centaines de migrants ont manifesté à Tacna contre la fermeture."


@pytest.fixture
def writer(fresh_store: Store) -> TestClient:
    return TestClient(create_app(fresh_store, token="secret", local_token="local"))


def test_posting_needs_the_token(writer: TestClient) -> None:
    assert writer.post("/api/articles", json={"text": TEXT}).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert writer.post("/api/articles", json={"text": TEXT}, headers=wrong).status_code == 401


def test_posting_is_forbidden_without_a_configured_token(fresh_store: Store) -> None:
    client = TestClient(create_app(fresh_store))
    response = client.post("/api/articles", json={"text": TEXT}, headers={"Authorization": "x"})
    assert response.status_code == 403
    assert "token" in response.json()["detail"]


def test_posted_article_is_analysed_and_stored_once(writer: TestClient, blank_models: None) -> None:
    auth = {"Authorization": "Bearer secret"}
    before = writer.get("/api/status").json()["revision"]
    body = {"text": TEXT, "title": "Tacna", "published": "2026-03-04", "lang": "fr"}
    response = writer.post("/api/articles", json=body, headers=auth)
    assert response.status_code == 201, response.text
    stored = response.json()
    assert stored["status"] == "stored"
    assert writer.get("/api/status").json()["revision"] > before
    analysis = writer.get(f"/api/articles/{stored['id']}").json()
    assert stored["counts"] == {kind: len(analysis[kind]) for kind in RECORD_KINDS}
    assert analysis["article"]["text"] == TEXT
    assert analysis["article"]["published"] == "2026-03-04"
    again = writer.post("/api/articles", json=body, headers=auth).json()
    assert (again["status"], again["duplicate_of"]) == ("duplicate", stored["id"])


def test_posted_article_needs_a_text(writer: TestClient) -> None:
    response = writer.post(
        "/api/articles", json={"text": "   "}, headers={"Authorization": "Bearer secret"}
    )
    assert response.status_code == 422


def test_analyses_are_stored_with_duplicate_checks(writer: TestClient) -> None:
    new, old = make_analysis("new-one", city="Iquique"), make_analysis("fr-arica")
    lines = "\n".join(json.dumps(to_dict(a)) for a in (new, old))
    headers = {"Authorization": "Bearer local", "Content-Type": "application/x-ndjson"}
    response = writer.post("/api/analyses", content=lines, headers=headers)
    assert response.status_code == 200, response.text
    outcomes = response.json()["outcomes"]
    assert [(o["id"], o["stored"]) for o in outcomes] == [("new-one", True), ("fr-arica", False)]
    assert writer.get("/api/articles/new-one").json() == to_dict(new)


def test_analyses_need_a_token(writer: TestClient) -> None:
    assert writer.post("/api/analyses", content="[]").status_code == 401


def test_malformed_analyses_are_422(writer: TestClient) -> None:
    headers = {"Authorization": "Bearer local"}
    assert writer.post("/api/analyses", content="[{}]", headers=headers).status_code == 422


def test_serve_file_is_private_and_removed_by_its_writer(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    path = write_serve_file(db, ServerInfo("http://127.0.0.1:1", os.getpid(), "t"))
    assert path == serve_file(db) == tmp_path / "x.duckdb.serve.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert find_server(db) == ServerInfo("http://127.0.0.1:1", os.getpid(), "t")
    remove_serve_file(db, os.getpid() + 1)  # not its writer: kept
    assert path.exists()
    remove_serve_file(db, os.getpid())
    assert not path.exists()


def test_stale_serve_file_is_ignored_with_a_warning(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    write_serve_file(db, ServerInfo("http://127.0.0.1:1", 2**22 + 12345, "t"))
    said: list[str] = []
    assert find_server(db, said.append) is None
    assert "not running" in said[0]


def test_ingest_goes_through_the_server_that_owns_the_store(
    tmp_path: Path, example_path: Path, blank_models: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "owned.duckdb"
    with Store(db) as store:

        def held(path: object) -> Store:  # as another process would find it
            raise DatabaseBusyError(str(path), "another process is using it")

        monkeypatch.setattr(writer_module, "Store", held)
        for url in run_server(create_app(store, local_token="local")):
            write_serve_file(db, ServerInfo(url, os.getpid(), "local"))
            said: list[str] = []
            report = ingest_paths([example_path], db, warn=said.append)
            assert (report.stored, report.failed) == (1, 0)
            assert "storing through it" in said[0]
            info = find_server(db)
            assert info is not None
            again = ingest_paths([example_path], RemoteStore(info))
            assert (again.stored, again.duplicates) == (0, 1)
            remove_serve_file(db, os.getpid())
        assert store.counts()["articles"] == 1


def test_busy_store_without_a_server_says_so(
    tmp_path: Path, example_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def held(path: object) -> Store:
        raise DatabaseBusyError(str(path), "another process is using it")

    monkeypatch.setattr(writer_module, "Store", held)
    with pytest.raises(DatabaseBusyError, match="another process"):
        ingest_paths([example_path], tmp_path / "x.duckdb")
