"""PolNeAR quote scoring: content matching, speakers by span, name and pronoun, the regex peer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from evaluation.eval_quotes import (
    GoldAttribution,
    GoldDocument,
    Prediction,
    Tally,
    main,
    matches,
    read_gold,
    readings,
    referent,
    run_regex,
    score,
    speaker_right,
)

TEXT = (
    'Mr. Clarke spoke on Monday. "We will win the vote," Mr. Clarke said. '
    '"And we will keep going," he added. Critics said the plan would fail.'
)


def _span(text: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return start, start + len(text)


def _gold(content: str, source: str, occurrence: int = 0, direct: bool = True) -> GoldAttribution:
    return GoldAttribution((_span(content),), (_span(source, occurrence),), source, direct)


FIRST = _gold('"We will win the vote,"', "Mr. Clarke", occurrence=1)
_HE = TEXT.index("he added")
SECOND = GoldAttribution((_span('"And we will keep going,"'),), ((_HE, _HE + 2),), "he", True)
THIRD = _gold("the plan would fail", "Critics", direct=False)
DOC = GoldDocument("d1", TEXT, "2016-01-01", (FIRST, SECOND, THIRD))


def _prediction(content: str, speaker: str | None, speaker_text: str | None) -> Prediction:
    start, end = _span(content)
    if speaker_text is None:
        return Prediction(start, end, speaker)
    if speaker_text == "he":
        return Prediction(start, end, speaker, _HE, _HE + 2)
    s, e = _span(speaker_text, 1 if speaker_text == "Mr. Clarke" else 0)
    return Prediction(start, end, speaker, s, e)


def test_content_matches_at_half_of_the_shorter_span() -> None:
    start, end = _span("We will win the vote")
    assert matches(Prediction(start, end), FIRST)
    assert matches(Prediction(start, start + 8), FIRST)  # a partial quote inside the gold
    assert not matches(Prediction(start - 40, start + 2), FIRST)


def test_a_named_speaker_is_right_by_span_or_by_name() -> None:
    assert speaker_right(DOC, _prediction("We will win the vote", "Clarke", "Mr. Clarke"), FIRST)
    assert speaker_right(DOC, _prediction("We will win the vote", "Clarke", None), FIRST)
    assert not speaker_right(DOC, _prediction("We will win the vote", "Critics", None), FIRST)


def test_a_pronoun_is_right_only_when_resolved_to_its_person() -> None:
    assert referent(DOC, SECOND) is FIRST
    resolved = _prediction("And we will keep going", "Mr. Clarke", "he")
    bare = _prediction("And we will keep going", "he", "he")
    assert speaker_right(DOC, resolved, SECOND)
    assert not speaker_right(DOC, bare, SECOND)


def test_scores_of_direct_quotes_and_of_all_attributions() -> None:
    predictions = [
        _prediction("We will win the vote", "Mr. Clarke", "Mr. Clarke"),
        _prediction("And we will keep going", "he", "he"),
        Prediction(*_span("the plan would fail"), "Critics", *_span("Critics"), kind="indirect"),
    ]
    direct, every = Tally(), Tally()
    score(DOC, predictions, direct_only=True, tally=direct)
    score(DOC, predictions, direct_only=False, tally=every)
    assert (direct.gold, direct.predicted, direct.right, direct.right_speaker) == (2, 2, 2, 1)
    assert direct.scores("content") == (1.0, 1.0, 1.0)
    assert direct.scores("speaker") == (0.5, 0.5, 0.5)
    assert (every.gold, every.found, every.found_speaker) == (3, 3, 2)


def test_a_quote_inside_indirect_gold_is_left_out_of_the_direct_table() -> None:
    predictions = [Prediction(*_span("plan would"), "Critics")]
    tally = Tally()
    score(DOC, predictions, direct_only=True, tally=tally)
    assert (tally.predicted, tally.left_out) == (0, 1)


def test_the_regex_peer_reads_said_next_to_quotes() -> None:
    (predictions,) = run_regex([DOC])
    assert [(p.speaker, TEXT[p.start : p.end]) for p in predictions] == [
        ("Mr. Clarke", "We will win the vote,"),
        (None, "And we will keep going,"),  # "he added": only "said", "says", "told"
    ]


def test_gold_with_swapped_source_and_cue_is_read_from_the_cue(tmp_path: Path) -> None:
    row = {
        "id": "d2",
        "dct": "2016-01-01",
        "text": '"Go," said Mulgrew.',
        "attributions": [
            {
                "source": [{"start": 6, "end": 10, "text": "said"}],
                "cue": [{"start": 11, "end": 18, "text": "Mulgrew"}],
                "content": [{"start": 0, "end": 5, "text": '"Go,"'}],
                "content_in_quotes": True,
            }
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (doc,) = read_gold(path)
    assert doc.attributions[0].source_text == "Mulgrew"
    assert doc.attributions[0].source == ((11, 18),)


def test_a_missing_gold_folder_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--shared", str(tmp_path / "nowhere"), "--systems", "regex"]) == 2
    assert "gold data not found" in capsys.readouterr().err


OBAMA_TEXT = (
    "Mr. Tribe said the rules were unlawful. Mr. Obama dismissed the criticism on Monday. "
    '"I still like him," he said.'
)
_OBAMA_HE = OBAMA_TEXT.index("he said")


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


TRIBE = GoldAttribution(
    (_at(OBAMA_TEXT, "the rules were unlawful"),),
    (_at(OBAMA_TEXT, "Mr. Tribe"),),
    "Mr. Tribe",
    False,
)
OBAMA_QUOTE = GoldAttribution(
    (_at(OBAMA_TEXT, '"I still like him,"'),), ((_OBAMA_HE, _OBAMA_HE + 2),), "he", True
)
OBAMA_DOC = GoldDocument("d3", OBAMA_TEXT, "2016-01-01", (TRIBE, OBAMA_QUOTE))


def test_a_gold_pronoun_may_stand_for_the_name_opening_the_sentence_before() -> None:
    assert referent(OBAMA_DOC, OBAMA_QUOTE) is TRIBE  # the old rule: the nearest named source
    assert [r.source_text for r in readings(OBAMA_DOC, OBAMA_QUOTE)] == ["Mr. Tribe", "Mr. Obama"]
    start, end = _at(OBAMA_TEXT, "I still like him,")
    obama = Prediction(start, end, "Barack Obama", _OBAMA_HE, _OBAMA_HE + 2)
    assert not speaker_right(OBAMA_DOC, obama, OBAMA_QUOTE, rule="old")
    assert speaker_right(OBAMA_DOC, obama, OBAMA_QUOTE, rule="new")
    nobody = Prediction(start, end, "Hillary Clinton", _OBAMA_HE, _OBAMA_HE + 2)
    assert not speaker_right(OBAMA_DOC, nobody, OBAMA_QUOTE, rule="new")


def test_the_sentence_opening_reading_skips_honorifics_of_the_other_gender() -> None:
    text = 'Mrs. Lane spoke on Monday. "We will win," he said.'
    he = text.index("he said")
    gold = GoldAttribution((_at(text, '"We will win,"'),), ((he, he + 2),), "he", True)
    assert readings(GoldDocument("d4", text, None, (gold,)), gold) == []
