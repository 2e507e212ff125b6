"""The library calls the README shows, on blank pipelines (no model)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsevents.jobs import ReadOptions, ingest_paths
from newsevents.pipeline import Analyzer
from newsevents.read import read_text
from newsevents.records import to_dict
from newsevents.serve import create_app
from newsevents.store import Filters, Store


@pytest.mark.usefixtures("blank_models")
def test_the_readme_calls_work(tmp_path: Path, example_path: Path) -> None:
    article = read_text(
        "Des dizaines de migrants étaient bloqués à la frontière avec le Pérou.",
        published=dt.date(2025, 11, 29),
    )
    analysis = Analyzer().analyse(article)
    amounts = to_dict(analysis)["amounts"]
    assert [(a["text"], a["low"], a["high"], a["unit"]) for a in amounts] == [
        ("Des dizaines", 20, 99, "migrant")
    ]
    with Store(tmp_path / "store.duckdb") as store:
        report = ingest_paths([example_path], store, ReadOptions(lang="fr"))
        assert (report.stored, report.failures) == (1, [])
        assert [row.lang for row in store.articles(Filters(lang="fr"))] == ["fr"]

    with TestClient(create_app(tmp_path / "store.duckdb")) as client:
        status = client.get("/api/status").json()
    assert status["counts"]["articles"] == 1
