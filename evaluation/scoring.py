"""Span scoring: precision, recall and F1 per label and overall, by exact or overlap matching.

A predicted span matches a gold span of the same label when both offsets are equal (``exact``)
or when they share at least one character (``overlap``). Matching is one-to-one: each gold span
is matched by at most one predicted span and each predicted span matches at most one gold span,
so a prediction that covers two gold names counts once, and so does a name predicted twice.
The largest such matching is taken (augmenting paths); as every exact pair is also an overlapping
pair, relaxed counts are never below strict ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

Matching = Literal["exact", "overlap"]
MATCHINGS: tuple[Matching, ...] = ("exact", "overlap")


@dataclass(frozen=True, slots=True)
class LabelledSpan:
    """A labelled stretch of a document: character offsets, end exclusive."""

    start: int
    end: int
    label: str

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or negative span: {self.start}..{self.end}")

    def overlaps(self, other: LabelledSpan) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives, and the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def gold(self) -> int:
        """Number of gold spans."""
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        """Number of predicted spans."""
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        """Share of predicted spans that match a gold span (0 when nothing was predicted)."""
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Share of gold spans matched by a predicted span (0 when there is no gold span)."""
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def matches(a: LabelledSpan, b: LabelledSpan, matching: Matching) -> bool:
    """Whether ``a`` and ``b`` match: same label and equal (exact) or shared (overlap) offsets."""
    if a.label != b.label:
        return False
    if matching == "exact":
        return a.start == b.start and a.end == b.end
    return a.overlaps(b)


def matched_pairs(
    gold: Sequence[LabelledSpan], predicted: Sequence[LabelledSpan], matching: Matching
) -> list[tuple[int, int]]:
    """A largest one-to-one matching, as (gold index, predicted index) pairs sorted by gold."""
    candidates = [[j for j, p in enumerate(predicted) if matches(g, p, matching)] for g in gold]
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        if candidates[i]:
            augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def score_document(
    gold: Iterable[LabelledSpan], predicted: Iterable[LabelledSpan], matching: Matching
) -> dict[str, Counts]:
    """Counts per label for one document (every label of either side has an entry)."""
    gold_by_label: dict[str, list[LabelledSpan]] = {}
    predicted_by_label: dict[str, list[LabelledSpan]] = {}
    for span in gold:
        gold_by_label.setdefault(span.label, []).append(span)
    for span in predicted:
        predicted_by_label.setdefault(span.label, []).append(span)
    counts: dict[str, Counts] = {}
    for label in gold_by_label.keys() | predicted_by_label.keys():
        g = gold_by_label.get(label, [])
        p = predicted_by_label.get(label, [])
        tp = len(matched_pairs(g, p, matching))
        counts[label] = Counts(tp, len(p) - tp, len(g) - tp)
    return counts


def total(counts: Iterable[Counts]) -> Counts:
    """The sum of several counts (micro-average when scored)."""
    result = Counts()
    for c in counts:
        result += c
    return result


@dataclass(slots=True)
class Scoreboard:
    """Counts per matching and label, summed over the documents added."""

    counts: dict[Matching, dict[str, Counts]] = field(
        default_factory=lambda: {m: {} for m in MATCHINGS}
    )

    def add(self, gold: Sequence[LabelledSpan], predicted: Sequence[LabelledSpan]) -> None:
        """Score one document under every matching and add its counts."""
        for matching in MATCHINGS:
            by_label = self.counts[matching]
            for label, c in score_document(gold, predicted, matching).items():
                by_label[label] = by_label.get(label, Counts()) + c

    def label(self, matching: Matching, label: str) -> Counts:
        """Counts of one label (zero when the label was never seen)."""
        return self.counts[matching].get(label, Counts())

    def overall(self, matching: Matching) -> Counts:
        """Counts over every label (micro-average)."""
        return total(self.counts[matching].values())

    def labels(self) -> list[str]:
        """Every label seen, sorted."""
        return sorted({label for by_label in self.counts.values() for label in by_label})


__all__ = [
    "MATCHINGS",
    "Counts",
    "LabelledSpan",
    "Matching",
    "Scoreboard",
    "matched_pairs",
    "matches",
    "score_document",
    "total",
]
