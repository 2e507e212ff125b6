"""Span scorer: exact and overlap matching, one-to-one, counts and scores per label and overall."""

from __future__ import annotations

import pytest
from evaluation.scoring import (
    Counts,
    LabelledSpan,
    Matching,
    Scoreboard,
    matched_pairs,
    matches,
    score_document,
    total,
)


def span(start: int, end: int, label: str = "PER") -> LabelledSpan:
    return LabelledSpan(start, end, label)


@pytest.mark.parametrize(
    ("gold", "predicted", "exact", "overlap"),
    [
        (span(0, 5), span(0, 5), True, True),
        (span(0, 5), span(0, 5, "LOC"), False, False),
        (span(0, 5), span(2, 5), False, True),
        (span(0, 5), span(4, 9), False, True),
        (span(0, 5), span(5, 9), False, False),  # end is exclusive: touching is not sharing
        (span(3, 4), span(0, 9), False, True),
    ],
)
def test_matches(gold: LabelledSpan, predicted: LabelledSpan, exact: bool, overlap: bool) -> None:
    assert matches(gold, predicted, "exact") is exact
    assert matches(gold, predicted, "overlap") is overlap


@pytest.mark.parametrize(("start", "end"), [(3, 3), (5, 2), (-1, 4)])
def test_empty_or_negative_span_is_refused(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="span"):
        LabelledSpan(start, end, "PER")


def test_counts_scores() -> None:
    c = Counts(tp=3, fp=1, fn=2)
    assert (c.gold, c.predicted) == (5, 4)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_empty_counts_score_zero() -> None:
    assert (Counts().precision, Counts().recall, Counts().f1) == (0.0, 0.0, 0.0)
    assert Counts(fp=3).precision == 0.0
    assert Counts(fn=3).recall == 0.0


def test_counts_add() -> None:
    assert Counts(1, 2, 3) + Counts(10, 20, 30) == Counts(11, 22, 33)
    assert total([Counts(1, 0, 0), Counts(0, 1, 0), Counts(0, 0, 1)]) == Counts(1, 1, 1)
    assert total([]) == Counts()


def test_one_prediction_covering_two_names_matches_one() -> None:
    gold = [span(0, 4), span(5, 9)]  # "Jean" "Dupont" annotated apart
    predicted = [span(0, 9)]
    assert score_document(gold, predicted, "overlap") == {"PER": Counts(1, 0, 1)}
    assert score_document(gold, predicted, "exact") == {"PER": Counts(0, 1, 2)}


def test_duplicate_prediction_counts_once() -> None:
    gold = [span(0, 4)]
    predicted = [span(0, 4), span(0, 4)]
    assert score_document(gold, predicted, "exact") == {"PER": Counts(1, 1, 0)}


def test_matching_is_largest_not_greedy() -> None:
    # Taking the widest overlap first (A with X) would leave B unmatched; A-Y and B-X match both.
    gold = [span(0, 10), span(8, 12)]
    predicted = [span(5, 12), span(0, 3)]
    assert sorted(matched_pairs(gold, predicted, "overlap")) == [(0, 1), (1, 0)]
    assert score_document(gold, predicted, "overlap") == {"PER": Counts(2, 0, 0)}


def test_labels_are_scored_apart() -> None:
    gold = [span(0, 5, "PER"), span(10, 15, "LOC"), span(20, 25, "ORG")]
    predicted = [span(0, 5, "PER"), span(10, 15, "ORG"), span(30, 35, "MISC")]
    assert score_document(gold, predicted, "exact") == {
        "PER": Counts(1, 0, 0),
        "LOC": Counts(0, 0, 1),
        "ORG": Counts(0, 1, 1),
        "MISC": Counts(0, 1, 0),
    }


@pytest.mark.parametrize("matching", ["exact", "overlap"])
def test_no_predictions_and_no_gold(matching: Matching) -> None:
    assert score_document([span(0, 3)], [], matching) == {"PER": Counts(0, 0, 1)}
    assert score_document([], [span(0, 3)], matching) == {"PER": Counts(0, 1, 0)}
    assert score_document([], [], matching) == {}


def test_scoreboard_sums_documents_per_label_and_overall() -> None:
    board = Scoreboard()
    board.add([span(0, 5, "PER"), span(10, 15, "LOC")], [span(0, 5, "PER"), span(11, 15, "LOC")])
    board.add([span(0, 5, "PER")], [span(1, 3, "PER"), span(7, 9, "ORG")])
    assert board.labels() == ["LOC", "ORG", "PER"]
    assert board.label("exact", "PER") == Counts(1, 1, 1)
    assert board.label("overlap", "PER") == Counts(2, 0, 0)
    assert board.label("exact", "LOC") == Counts(0, 1, 1)
    assert board.label("overlap", "LOC") == Counts(1, 0, 0)
    assert board.label("exact", "MISC") == Counts()
    assert board.overall("exact") == Counts(1, 3, 2)
    assert board.overall("overlap") == Counts(3, 1, 0)


def test_relaxed_never_below_strict() -> None:
    gold = [span(0, 4), span(4, 8), span(8, 12), span(20, 30, "LOC")]
    predicted = [span(0, 4), span(3, 9), span(8, 12), span(20, 25, "LOC"), span(21, 30, "LOC")]
    strict = total(score_document(gold, predicted, "exact").values())
    relaxed = total(score_document(gold, predicted, "overlap").values())
    assert strict.tp == 2
    assert relaxed.tp == 4
    assert relaxed.tp >= strict.tp
