"""The read endpoints of the API over the filled store of ``conftest``."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from newsevents.records import to_dict
from newsevents.store import Store

from .conftest import SERVE_ANALYSES, XSS_ID

HAND_EVENTS = sum(len(a.events) for a in SERVE_ANALYSES)
HAND_IDS = {a.article.id for a in SERVE_ANALYSES}


def hand(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items of the hand-made articles (the example article's depend on the extractors)."""
    return [i for i in items if i["article_id"] in HAND_IDS]


def test_status_counts_what_is_stored(client: TestClient, serve_store: Store) -> None:
    body = client.get("/api/status").json()
    assert body["counts"] == serve_store.counts()
    assert body["counts"]["articles"] == len(SERVE_ANALYSES) + 1
    assert body["counts"]["events"] >= HAND_EVENTS
    assert body["revision"] == len(SERVE_ANALYSES) + 1
    assert body["full_text"] is True


def test_events_are_ordered_by_date_with_their_place_and_article(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert (body["total"], body["limit"], body["offset"]) == (len(body["items"]), 100, 0)
    days = [item["date_from"] for item in body["items"]]
    assert days == sorted(days)
    first = hand(body["items"])[0]
    assert (first["id"], first["type"], first["status"]) == (
        "fr-tacna-ev1",
        "MOBILIZE",
        "historical",
    )
    assert (first["date_from"], first["date_to"]) == ("2023-04-01", "2023-04-30")
    assert first["place"]["country_code"] == "PE"
    assert first["article"]["title"].startswith("Manifestation à Tacna")


def test_event_spans_point_into_the_article_text(client: TestClient) -> None:
    item = client.get("/api/events", params={"id": "fr-arica-ev0"}).json()["items"][0]
    text = client.get(f"/api/articles/{item['article_id']}").json()["article"]["text"]
    spans = [item["trigger"], item["sentence"], *item["evidence"], *item["targets"]]
    for s in spans:
        assert text[s["start"] : s["end"]] == s["text"]
    assert item["trigger"]["text"] == "bloqués"
    assert item["amounts"] == ["fr-arica-am0"]
    assert item["reasons"] == [f"status: {item['status']}"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"since": "2026-01-01", "until": "2026-01-31"},
            {"es-ceuta-ev0", "es-ceuta-ev1", "en-markup-ev0"},
        ),
        ({"since": "2023-04-15", "until": "2023-04-15"}, {"fr-tacna-ev1"}),
        ({"type": ["PROTEST", "agree"]}, {"fr-tacna-ev0", "en-markup-ev0", "en-dadaab-ev0"}),
        ({"type": "PROTEST,AGREE"}, {"fr-tacna-ev0", "en-markup-ev0", "en-dadaab-ev0"}),
        ({"mode": "deport"}, {"es-ceuta-ev0"}),
        ({"context": "election"}, {"fr-arica-ev1"}),
        ({"status": ["negated", "hypothetical"]}, {"fr-tacna-ev2", "en-darfur-ev2"}),
        ({"country": "sd"}, {"en-darfur-ev0", "en-darfur-ev1", "en-darfur-ev2"}),
        ({"lang": "es"}, {"es-ceuta-ev0", "es-ceuta-ev1"}),
        (
            {"bbox": "20,0,45,20"},
            {"en-darfur-ev0", "en-darfur-ev1", "en-darfur-ev2", "en-dadaab-ev0"},
        ),
        ({"q": "Dadaab"}, {"en-dadaab-ev0"}),
        ({"q": "frontiere manifeste"}, {"fr-tacna-ev0", "fr-tacna-ev1", "fr-tacna-ev2"}),
        ({"article": "es-ceuta", "type": "COOPERATE"}, {"es-ceuta-ev1"}),
    ],
)
def test_event_filters(client: TestClient, params: dict[str, object], expected: set[str]) -> None:
    body = client.get("/api/events", params=params).json()  # type: ignore[arg-type]
    assert {item["id"] for item in hand(body["items"])} == expected
    assert body["total"] == len(body["items"])


def test_pagination(client: TestClient) -> None:
    everything = [i["id"] for i in client.get("/api/events").json()["items"]]
    page = client.get("/api/events", params={"limit": 3, "offset": 2}).json()
    assert [i["id"] for i in page["items"]] == everything[2:5]
    assert (page["total"], page["limit"], page["offset"]) == (len(everything), 3, 2)


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"since": "yesterday"}, "since"),
        ({"since": "2026-02-01", "until": "2026-01-01"}, "since"),
        ({"type": "EXPLODE"}, "type"),
        ({"status": "rumoured"}, "status"),
        ({"country": "Chile"}, "country"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "0,50,10,40"}, "bbox"),
        ({"limit": 1001}, "limit"),
        ({"offset": -1}, "offset"),
    ],
)
def test_bad_filters_are_422_naming_the_parameter(
    client: TestClient, params: dict[str, object], param: str
) -> None:
    response = client.get("/api/events", params=params)  # type: ignore[arg-type]
    assert response.status_code == 422
    assert param in json.dumps(response.json()["detail"])


def test_article_analysis_is_the_stored_analysis(client: TestClient) -> None:
    expected = next(a for a in SERVE_ANALYSES if a.article.id == "es-ceuta")
    assert client.get("/api/articles/es-ceuta").json() == to_dict(expected)


def test_unknown_article_is_404(client: TestClient) -> None:
    response = client.get("/api/articles/nope")
    assert response.status_code == 404
    assert "nope" in response.json()["detail"]


def test_article_listing_and_search(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    assert body["total"] == len(SERVE_ANALYSES) + 1
    example = next(
        i for i in body["items"] if i["id"] not in {a.article.id for a in SERVE_ANALYSES}
    )
    assert example["entities"] > 0 and example["lang"] == "fr"
    found = client.get("/api/articles", params={"q": "Kast"}).json()["items"]
    assert "fr-arica" in {i["id"] for i in found}
    assert XSS_ID not in {i["id"] for i in found}
    dated = client.get("/api/articles", params={"since": "2026-03-01"}).json()["items"]
    assert [i["id"] for i in dated] == ["en-dadaab"]


def test_places_filter_on_their_own_country_and_box(client: TestClient) -> None:
    body = client.get("/api/places", params={"country": "PE"}).json()
    assert {(i["article_id"], i["name"]) for i in hand(body["items"])} == {
        ("fr-tacna", "Tacna"),
        (XSS_ID, "Lima"),
    }
    boxed = client.get("/api/places", params={"bbox": "-6,35,-5,36"}).json()["items"]
    assert [i["name"] for i in hand(boxed)] == ["Ceuta"]


def test_quotes_carry_their_article(client: TestClient) -> None:
    items = hand(client.get("/api/quotes", params={"lang": "en"}).json()["items"])
    assert [(i["article_id"], i["speaker"]) for i in items] == [("en-darfur", "Maria Lopez")]


def test_timeline_counts_events_per_bucket_by_type(client: TestClient) -> None:
    body = client.get("/api/timeline").json()
    assert body["interval"] == "week"  # April 2023 to March 2026: too long for days
    total = client.get("/api/events", params={"limit": 0}).json()["total"]
    assert sum(b["count"] for b in body["buckets"]) == total
    assert all(b["count"] == sum(b["types"].values()) for b in body["buckets"])
    daily = client.get("/api/timeline", params={"since": "2026-01-01", "interval": "day"}).json()
    assert daily["interval"] == "day"
    assert daily["buckets"][0] == {"date": "2026-01-05", "count": 1, "types": {"PROTEST": 1}}


def test_map_groups_near_events_and_splits_them_when_zoomed(client: TestClient) -> None:
    world = client.get("/api/map", params={"zoom": 2}).json()["clusters"]
    located = len(client.get("/api/events.geojson").json()["features"])
    assert sum(c["count"] for c in world) == located
    peru = next(c for c in world if "fr-tacna-ev0" in c["event_ids"])
    assert "fr-arica-ev0" in peru["event_ids"]  # Arica and Tacna are 60 km apart
    close = client.get("/api/map", params={"zoom": 10, "article": "fr-tacna"}).json()["clusters"]
    tacna = next(c for c in close if "fr-tacna-ev0" in c["event_ids"])
    assert (tacna["count"], tacna["place_name"]) == (3, "Tacna")
    assert tacna["types"] == {"PROTEST": 1, "MOBILIZE": 1, "COERCE": 1}
    assert len(client.get("/api/map", params={"zoom": 10}).json()["clusters"]) > len(world)


def test_map_takes_the_filters(client: TestClient) -> None:
    params = {"zoom": 5, "type": "ASSAULT", "country": "SD"}
    clusters = client.get("/api/map", params=params).json()["clusters"]
    assert clusters == [
        {
            "lat": 13.6279,
            "lon": 25.3494,
            "count": 1,
            "types": {"ASSAULT": 1},
            "event_ids": ["en-darfur-ev0"],
            "place_name": "El Fasher",
        }
    ]


def test_jsonl_export_has_every_matching_event(client: TestClient) -> None:
    response = client.get("/api/events.jsonl", params={"country": "PE"})
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert {i["id"] for i in hand(lines)} == {
        "fr-tacna-ev0",
        "fr-tacna-ev1",
        "fr-tacna-ev2",
        "en-markup-ev0",
    }
    assert lines == client.get("/api/events", params={"country": "PE"}).json()["items"]


def test_geojson_export_leaves_out_events_without_coordinates(client: TestClient) -> None:
    body = client.get("/api/events.geojson").json()
    assert body["type"] == "FeatureCollection"
    props = [f["properties"] for f in body["features"]]
    assert len(hand(props)) == HAND_EVENTS - 1  # the threat of fr-arica has no place
    assert all(p["place"]["lat"] is not None for p in props)
    darfur = next(f for f in body["features"] if f["properties"]["id"] == "en-darfur-ev0")
    assert darfur["geometry"] == {"type": "Point", "coordinates": [25.3494, 13.6279]}


def test_csv_export_is_the_filtered_selection(client: TestClient) -> None:
    response = client.get("/api/events.csv", params={"status": "planned"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {(r["id"], r["country_code"]) for r in rows if r["article_id"] in HAND_IDS} == {
        ("es-ceuta-ev0", "ES"),
        ("es-ceuta-ev1", "ES"),
    }


def test_openapi_documents_the_api_and_no_cdn_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/status", "/api/events", "/api/timeline", "/api/map", "/api/articles"):
        assert path in spec["paths"]
    assert "EventItem" in spec["components"]["schemas"]
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_live_server_answers_over_http(live_server: str) -> None:
    response = httpx.get(f"{live_server}/api/status", timeout=10)
    assert response.status_code == 200
    assert response.json()["counts"]["events"] >= HAND_EVENTS
