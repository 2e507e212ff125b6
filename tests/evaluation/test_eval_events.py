"""The event evaluation: gold reading and its checks, name agreement, matching, scores."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from evaluation.eval_events import (
    Scores,
    annotated,
    coded,
    held_by_both,
    match,
    miss_cause,
    names_agree,
    predictions,
    same_date,
    score_paragraph,
)
from evaluation.events_gold import DATA, GoldError, GoldEvent, GoldParagraph, read_gold

from newsevents.records import Analysis, Argument, Article, Event, Provenance, Span

TEXT = "Le Pérou a fermé la frontière jeudi. Des milliers de personnes ont manifesté."
GOLD = f'''
[[paragraph]]
id = "fr-01"
lang = "fr"
published = "2025-11-29"
text = """{TEXT}"""

[[paragraph.events]]
type = "COERCE"
trigger = "fermé"
status = "occurred"
mode = "border_closure"
actor = ["Pérou", "Le Pérou"]
date = "2025-11-27"

[[paragraph.events]]
type = "PROTEST"
trigger = "manifesté"
status = "occurred"
'''


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gold.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_gold_is_read_with_trigger_offsets(tmp_path: Path) -> None:
    (paragraph,) = read_gold(write(tmp_path, GOLD))
    closed, protest = paragraph.events
    assert closed.trigger_start == TEXT.index("fermé")
    assert closed.actor == ("Pérou", "Le Pérou")
    assert protest.date is None and protest.actor == ()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('type = "PROTEST"', 'type = "RIOT"'), "is not one of"),
        (('trigger = "manifesté"', 'trigger = "défilé"'), "occurs fewer than 1 times"),
        (('mode = "border_closure"', 'mode = "closure"'), "mode 'closure'"),
        (('date = "2025-11-27"', 'date = "2025-11-27"\nwhere = "x"'), "unknown fields"),
        (('actor = ["Pérou", "Le Pérou"]', 'actor = "Chili"'), "does not occur"),
    ],
)
def test_gold_breaking_the_rules_is_refused(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    with pytest.raises(GoldError, match=message):
        read_gold(write(tmp_path, GOLD.replace(*change)))


@pytest.mark.parametrize("name", ["fr", "es", "en"])
def test_the_project_gold_sets_follow_the_rules(name: str) -> None:
    paragraphs = read_gold(DATA / f"{name}.toml")
    assert len(paragraphs) >= 20
    assert any(not p.events for p in paragraphs)  # paragraphs with nothing to code


def test_names_agree_through_words_and_surnames() -> None:
    assert names_agree(["José Antonio Kast"], ["Kast"])
    assert names_agree(["le Pérou"], ["Pérou"])
    assert names_agree(["Peruvian police"], ["police"])
    assert not names_agree(["Chile"], ["Peru"])
    assert names_agree(["UN"], ["UN human rights office"])  # an acronym, not the article "un"
    assert same_date("2025-01-26TEV", "2025-01-26") and not same_date("2025-01-2", "2025-01-26")


def _event(eid: str, type_: str, start: int, end: int, status: str = "occurred") -> Event:
    return Event(
        id=eid,
        text=TEXT[start:end],
        start=start,
        end=end,
        type=type_,
        sentence=Span(TEXT[:36], 0, 36),
        status=status,  # type: ignore[arg-type]
        actors=(Argument("Pérou", 3, 8),),
        date_value="2025-11-27",
        date_source="text",
    )


def test_scores_count_matches_arguments_and_status(tmp_path: Path) -> None:
    (paragraph,) = read_gold(write(tmp_path, GOLD))
    start = TEXT.index("fermé")
    predicted = (
        _event("ev1", "COERCE", start, start + 5),
        _event("ev2", "ASSAULT", start, start + 5, "negated"),
    )
    analysis = Analysis(
        article=Article(id="fr-01", text=TEXT),
        provenance=Provenance("test", "fr"),
        events=predicted,
    )
    scores = Scores()
    score_paragraph(paragraph, predictions(analysis), scores)
    events = scores["events"]
    assert (events.right, events.predicted, events.gold) == (1, 2, 2)
    actor = scores["actor"]
    assert (actor.right, actor.predicted, actor.gold) == (1, 2, 1)
    assert (scores["date"].right, scores["status"].right, scores["tuple"].right) == (1, 1, 1)
    assert any("missed PROTEST" in e for e in scores.errors)
    assert any("false ASSAULT" in e for e in scores.errors)
    # only the surer events: the ASSAULT below the bar is left out
    sure = Scores()
    surer = (predicted[0], replace(predicted[1], confidence=0.5))
    score_paragraph(paragraph, predictions(replace(analysis, events=surer), 0.6), sure)
    assert (sure["events"].right, sure["events"].predicted) == (1, 1)


def test_matching_needs_the_type_and_the_gold_trigger_in_the_evidence() -> None:
    gold = GoldEvent("COERCE", "fermé", TEXT.index("fermé"), "occurred")
    paragraph = GoldParagraph("p", "fr", "2025-11-29", "other", TEXT, (gold,))
    start = TEXT.index("manifesté")
    elsewhere = Event(
        id="ev1",
        text="manifesté",
        start=start,
        end=start + 9,
        type="COERCE",
        sentence=Span(TEXT[37:], 37, len(TEXT)),
    )
    analysis = Analysis(article=Article(id="p", text=TEXT), provenance=Provenance("test", "fr"))
    assert match(paragraph.events, [coded(elsewhere, analysis)]) == []


SECOND = GOLD.replace('actor = ["Pérou", "Le Pérou"]', 'actor = "Pérou"').replace(
    'date = "2025-11-27"', 'date = "2025-11-28"'
)


def test_a_second_annotation_is_scored_as_the_coder_is(tmp_path: Path) -> None:
    (first,) = read_gold(write(tmp_path, GOLD))
    (second,) = read_gold(write(tmp_path, SECOND.replace('type = "PROTEST"', 'type = "ASSAULT"')))
    sentences = [(0, 36), (37, len(TEXT))]
    predicted = [annotated(e, second.text, sentences) for e in second.events]
    assert predicted[1].sentences == ((37, len(TEXT)),)  # read from its trigger's sentence
    scores = Scores()
    score_paragraph(first, predicted, scores)
    assert (scores["events"].right, scores["events"].predicted, scores["events"].gold) == (1, 2, 2)
    assert scores["actor"].right == 1  # "Pérou" agrees with "Le Pérou"
    assert scores["date"].right == 0  # the annotators read the day differently
    assert any("false ASSAULT" in e for e in scores.errors)


@pytest.mark.parametrize(
    ("kind", "trigger", "cause"),
    [
        ("COERCE", "arrested", "dropped"),  # a word of the type that coded nothing
        ("CONSULT", "arrested", "other type"),  # the lexicon reads the word otherwise
        ("REQUEST", "pinged", "no word"),  # the lexicon has no entry for the word
    ],
)
def test_a_missed_event_is_sorted_by_what_the_lexicon_holds_for_its_trigger(
    kind: str, trigger: str, cause: str
) -> None:
    import spacy
    from spacy.tokens import Doc

    from newsevents.events.lexicon import event_lexicon

    words = ["Police", "arrested", "and", "pinged", "him", "."]
    lemmas = ["police", "arrest", "and", "ping", "he", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, lemmas=lemmas)
    event = GoldEvent(
        type=kind, trigger=trigger, trigger_start=doc.text.index(trigger), status="occurred"
    )
    assert miss_cause(event, doc, event_lexicon("en")) == cause


def test_the_events_both_annotators_hold_are_those_of_one_type_in_one_sentence(
    tmp_path: Path,
) -> None:
    (first,) = read_gold(write(tmp_path, GOLD))
    # the second annotator reads the closure's arguments otherwise, the protest as an attack
    (second,) = read_gold(write(tmp_path, SECOND.replace('type = "PROTEST"', 'type = "ASSAULT"')))
    sentences = [(0, 36), (37, len(TEXT))]
    assert [e.trigger for e in held_by_both(first, second, sentences).events] == ["fermé"]
    assert len(held_by_both(first, first, sentences).events) == 2
