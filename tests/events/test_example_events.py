"""The example article's events through the French pipeline (loads a spaCy model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.pipeline import Analyzer
from newsevents.read import read_paths
from newsevents.records import Event


@pytest.mark.model
def test_example_article_events(example_path: Path) -> None:
    [article] = list(read_paths([example_path]))
    analysis = Analyzer().analyse(article)
    text = article.text
    entities = {e.id: e for e in analysis.entities}
    times = {t.id: t for t in analysis.times}
    amounts = {a.id: a for a in analysis.amounts}
    for event in analysis.events:
        assert text[event.start : event.end] == event.text
        for span in (event.sentence, *event.evidence):
            assert text[span.start : span.end] == span.text
        for arg in (*event.actors, *event.targets):
            assert text[arg.start : arg.end] == arg.text

    def find(type_: str, status: str) -> list[Event]:
        return [e for e in analysis.events if (e.type, e.status) == (type_, status)]

    (threat,) = find("THREATEN", "threatened")
    assert threat.mode == "expel" and "migration" in threat.contexts
    assert [entities[a.entity].name for a in threat.actors if a.entity] == ["José Antonio Kast"]
    assert threat.deadline is not None and times[threat.deadline].ends_on == "2026-03-11"
    assert any(amounts[a].value == 330000 for a in threat.amounts)
    assert len(threat.evidence) == 2  # the threat told in the lead and again with its numbers
    assert threat.quotes  # Kast's own words in the video
    places = {p.id: p for p in analysis.places}
    # the migrants "en situation irrégulière au Chili": where they are, not where they are sent
    assert threat.place is not None and places[threat.place].name == "Chile"

    (blocked,) = find("COERCE", "occurred")
    assert (blocked.mode, blocked.date_value, blocked.date_source) == (
        "restrict",
        "2025-11-28",
        "text",
    )
    # dozens of migrants, and the Venezuelan migrant who speaks for them ("nous laisser entrer")
    assert [t.text for t in blocked.targets] == [
        "Des dizaines de migrants",
        "un migrant vénézuélien",
    ]
    # refused entry by Peru, in the migrant's words: the same blocking, told again
    assert [entities[a.entity].name for a in blocked.actors if a.entity] == ["Pérou"]
    assert len(blocked.evidence) == 2 and blocked.quotes
    assert blocked.place is not None and places[blocked.place].name == "Chacalluta–Santa Rosa"

    (emergency,) = find("MOBILIZE", "planned")
    assert emergency.mode == "military"
    assert [entities[a.entity].name for a in emergency.actors if a.entity] == ["José Jeri"]

    (background,) = find("MOBILIZE", "historical")
    assert background.date_value == "2023-04"

    (runoff,) = find("CONSULT", "planned")
    assert (runoff.mode, runoff.date_value) == ("vote", "2025-12-14")
    assert "election" in runoff.contexts
