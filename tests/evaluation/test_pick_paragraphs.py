"""Drawing paragraphs for a blind event set: the lead sentences of a document."""

from __future__ import annotations

from evaluation.pick_paragraphs import headers, lead

BODY = (
    "Mansfield Mayor Curtis McCoy wants to start a pastor on patrol program for the police. "
    "He has selected as his first candidate a self-described minister with a controversial "
    "past. The Rev. Roy Jones' most recent job was a convenience store clerk. The council "
    "will vote on the program next week, the mayor said. Jones declined to comment on it."
)


def test_the_lead_follows_the_title_and_the_dateline_and_ends_with_a_sentence() -> None:
    title = "Controversial pastor picked for patrol program"
    text = f"{title}. By Vickie Welborn March 24, 2009 MANSFIELD -- {BODY}"
    span = lead({"id": "d", "title": title, "text": text})
    assert span is not None
    start, end = span
    assert text[start:].startswith("Mansfield Mayor Curtis McCoy")
    assert text[start:end].endswith("convenience store clerk.")  # four sentence ends ("Rev." one)


def test_the_lead_stays_in_the_first_paragraph_and_a_short_one_is_none() -> None:
    text = "A title\n\nThe council met on Monday and voted to close the park.\n\nMore text."
    assert lead({"id": "d", "title": None, "text": text}) is None  # under 120 characters
    first = "The council met on Monday and voted to close the park for the whole summer. " * 2
    text = f"A title\n\n{first.strip()}\n\nAnother paragraph that is not part of the lead."
    start, end = lead({"id": "d", "title": None, "text": text}) or (0, 0)
    assert text[start:end] == first.strip()


def test_headers_name_the_paragraphs_of_a_set_in_order() -> None:
    rows = [("lgl", {"id": "lgl-1", "dct": "2009-03-24T10:00"}, 5, 200)]
    assert headers("blind20", rows, "en").splitlines()[:8] == [
        "[[paragraph]]",
        'id = "blind20-en-01"',
        'set = "lgl"',
        'doc = "lgl-1"',
        "start = 5",
        "end = 200",
        'lang = "en"',
        'published = "2009-03-24"',
    ]
