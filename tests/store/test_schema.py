"""The pure helpers of the schema: text hashes, event date ranges, column coverage."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from newsevents.records import RECORD_KINDS, date_range
from newsevents.store.schema import (
    RECORD_CLASSES,
    RECORD_COLUMNS,
    nested_fields,
    text_hash,
)

D = dt.date


def test_text_hash_ignores_whitespace_runs_and_ends() -> None:
    assert text_hash(" a  b\n\tc \u00a0") == text_hash("a b c")
    assert text_hash("a b c") != text_hash("a bc")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-11-28", (D(2025, 11, 28), D(2025, 11, 28))),
        ("2025-11-28T14:30", (D(2025, 11, 28), D(2025, 11, 28))),
        ("2023-04", (D(2023, 4, 1), D(2023, 4, 30))),
        ("2024-02", (D(2024, 2, 1), D(2024, 2, 29))),
        ("2025-12", (D(2025, 12, 1), D(2025, 12, 31))),
        ("2025-W48", (D(2025, 11, 24), D(2025, 11, 30))),
        ("2025", (D(2025, 1, 1), D(2025, 12, 31))),
        ("2025-Q1", (D(2025, 1, 1), D(2025, 12, 31))),
        ("2025-13-45", (None, None)),
        ("PRESENT_REF", (None, None)),
        ("P103D", (None, None)),
        ("", (None, None)),
        (None, (None, None)),
    ],
)
def test_date_range(value: str | None, expected: tuple[D | None, D | None]) -> None:
    assert date_range(value) == expected


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_columns_are_fields_of_their_record(kind: str) -> None:
    names = {f.name for f in dataclasses.fields(RECORD_CLASSES[kind])}
    assert {c.name for c in RECORD_COLUMNS[kind]} <= names
    assert "id" not in nested_fields(kind)
