"""The places evaluation script on a tiny gold file written by the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation import eval_places
from newsevents.gazetteer.index import load_gazetteer

TEXT = "Flooding hit Paris and Lyon in France. Zqxwv Plaza was closed."


def write_set(root: Path, name: str) -> None:
    def top(surface: str, lat: float, lon: float, gid: int | None, kind: str) -> dict[str, object]:
        start = TEXT.index(surface)
        return {
            "start": start,
            "end": start + len(surface),
            "text": surface,
            "geonameid": gid,
            "lat": lat,
            "lon": lon,
            "type": kind,
            "non_locational": False,
        }

    toponyms = [
        top("Paris", 48.85341, 2.3488, 2988507, "Literal"),
        top("Lyon", 45.74846, 4.84671, 2996944, "Literal"),
        top("France", 46.0, 2.0, 3017382, "Metonymic"),
        top("Zqxwv Plaza", 10.0, 10.0, None, "Literal"),
    ]
    folder = root / name
    folder.mkdir(parents=True)
    record = {"id": "d1", "text": TEXT, "toponyms": toponyms}
    (folder / f"{name}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")


def test_resolution_mode_scores_each_resolver(tmp_path: Path) -> None:
    write_set(tmp_path, "geowebnews")
    gazetteer = load_gazetteer()
    docs = eval_places.load_set(
        tmp_path / "geowebnews" / "geowebnews.jsonl",
        "geowebnews",
        eval_places._country_of_id(gazetteer),
    )
    assert [g.literal for g in docs[0].gold] == [True, True, False, True]
    scores = eval_places.run_resolution(docs, gazetteer)
    ours = scores["literal/newsevents"]
    assert (ours.gold, ours.found, ours.resolved, ours.within) == (3, 3, 2, 2)
    assert ours.exact_id == 2 and ours.with_id == 2
    assert ours.row()[:3] == ["1.000", "0.667", "1.000"]
    assert scores["all/newsevents"].gold == 4
    assert scores["literal/naive"].resolved == 2


def test_missing_eval_folder_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert eval_places.main(["--eval-dir", str(tmp_path), "--mode", "resolution"]) == 2
    assert "evaluation data not found" in capsys.readouterr().err


def test_main_prints_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_set(tmp_path, "geowebnews")
    code = eval_places.main(
        ["--eval-dir", str(tmp_path), "--set", "geowebnews", "--mode", "resolution"]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "| geowebnews literal | resolution | newsevents |" in out
    assert "| geowebnews all     | resolution | naive      |" in out
