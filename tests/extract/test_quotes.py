"""Quotes without a model: quotation marks, sentences, cues, speakers, pronouns, media, times."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.extract.components import add_extractors, doc_records
from newsevents.extract.quote_marks import Quoted, find_quoted, sentence_bounds
from newsevents.extract.quote_speakers import quote_lexicon
from newsevents.extract.quotes import extract_quotes
from newsevents.records import Entity, Quote, Span, Time

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "chile-peru-border-2025-11-29.txt"
FR_PAIRS = quote_lexicon("fr").pairs
ES = quote_lexicon("es")


def _inner(text: str, found: list[Quoted]) -> list[str]:
    return [text[q.start : q.end] for q in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a dit « Nous partirons » hier.", ["Nous partirons"]),
        ("Elle veut déclarer \"l'état d'urgence\" demain.", ["l'état d'urgence"]),
        ("“Nous partirons”, a-t-il dit.", ["Nous partirons"]),
        ("‹ Rien ›, dit-il.", ["Rien"]),
        ('"Nous partirons”, a-t-il dit.', ["Nous partirons"]),  # straight mark closed by a curly
        ("« Ils disent « jamais » », a-t-il dit.", ["Ils disent « jamais"]),
        ("Un texte sans citation, l'été.", []),
    ],
)
def test_find_quoted_marks(text: str, expected: list[str]) -> None:
    assert _inner(text, find_quoted(text, FR_PAIRS)) == expected


def test_an_open_quote_goes_on_in_the_next_paragraph() -> None:
    text = "“Nous partirons demain.\n\n“Et nous reviendrons”, a-t-il dit."
    found = find_quoted(text, FR_PAIRS)
    assert _inner(text, found) == ["Nous partirons demain.", "Et nous reviendrons"]
    assert found[0].continues and not found[0].closed and found[1].closed


def test_dialogue_dashes_give_the_words_around_the_aside() -> None:
    text = "—No vamos a ceder —afirmó el ministro—. Seguiremos trabajando."
    found = find_quoted(text, ES.pairs, ES.dashes)
    assert _inner(text, found) == ["No vamos a ceder", "Seguiremos trabajando."]
    assert all(q.dialogue for q in found)


def test_sentences_keep_quotes_and_abbreviations_whole() -> None:
    text = '"We will win. Then we rest," Mr. Clarke said. He left. "Go." The end.'
    quoted = find_quoted(text, quote_lexicon("en").pairs)
    bounds = sentence_bounds(text, quoted, quote_lexicon("en").abbreviations)
    assert [text[s:e] for s, e in bounds] == [
        '"We will win. Then we rest," Mr. Clarke said.',
        "He left.",
        '"Go."',
        "The end.",
    ]


def _blank(lang: str, text: str, **records: object) -> Doc:
    doc = spacy.blank(lang)(text)
    if records:
        doc_records(doc).update(records)  # type: ignore[arg-type]
    return doc


def _by_text(quotes: list[Quote], text: str) -> Quote:
    found = [q for q in quotes if q.text == text]
    assert found, f"no quote {text!r} among {[q.text for q in quotes]}"
    return found[0]


def test_the_example_article_on_a_blank_pipeline() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    quotes = extract_quotes(_blank("fr", text))
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.text[0] not in '«»“”"' and quote.text[-1] not in '«»“”"'
    migrant = _by_text(
        quotes,
        "Ils ne veulent pas nous laisser entrer au Pérou (...) on a peur qu'ils nous "
        "expulsent de force",
    )
    assert (migrant.kind, migrant.speaker, migrant.speaker_entity) == (
        "direct",
        "un migrant vénézuélien",
        None,
    )
    assert migrant.cue is not None and migrant.cue.text == "a déclaré"
    assert migrant.medium is not None and migrant.medium.text == "au média numérique The Clinic"
    minister = next(q for q in quotes if q.text.startswith("Il y a eu une concentration"))
    assert minister.speaker == "le ministre de la Sécurité, Luis Cordero"
    assert minister.medium is not None and minister.medium.text == "à la presse"
    candidate = next(q for q in quotes if q.text.startswith("Aux migrants"))
    assert candidate.speaker_span is not None and candidate.speaker_span.text == "il"
    assert candidate.medium is not None
    assert candidate.medium.text == "dans une vidéo publiée le 28 novembre sur ses réseaux sociaux"
    partial = next(q for q in quotes if q.text.startswith("l'état d'urgence"))
    assert partial.kind == "partial"
    assert partial.cue is not None and partial.cue.text == "a annoncé"
    assert partial.medium is not None and partial.medium.text == "sur X"
    assert [q.id for q in quotes] == [f"q{n}" for n in range(1, len(quotes) + 1)]


def _person(id_: str, name: str, text: str, role: tuple[int, int] | None = None) -> Entity:
    start = text.index(name)
    span = Span(name, start, start + len(name))
    role_span = Span(text[role[0] : role[1]], *role) if role else None
    return Entity(id_, name, span.start, span.end, "PER", name, (span,), role_span)


def test_a_pronoun_speaker_is_resolved_to_the_person_of_its_gender() -> None:
    text = (
        "José Antonio Kast affronte la candidate Jeannette Jara le 14 décembre. "
        "« Vous devrez partir », a-t-il déclaré."
    )
    role_start = text.index("candidate")
    entities = (
        _person("e1", "José Antonio Kast", text),
        _person("e2", "Jeannette Jara", text, (role_start, role_start + len("candidate"))),
    )
    (quote,) = extract_quotes(_blank("fr", text, entities=entities))
    assert (quote.speaker, quote.speaker_entity) == ("José Antonio Kast", "e1")
    assert quote.speaker_span is not None and quote.speaker_span.text == "il"


def test_a_named_speaker_links_to_its_entity_and_the_time_of_the_framing_clause() -> None:
    text = "« Nous fermerons la frontière », a déclaré Luis Cordero le 28 novembre."
    start = text.index("le 28 novembre")
    times = (Time("t1", "le 28 novembre", start, start + 14, "DATE", "2025-11-28"),)
    entities = (_person("e1", "Luis Cordero", text),)
    (quote,) = extract_quotes(_blank("fr", text, entities=entities, times=times))
    assert (quote.speaker, quote.speaker_entity, quote.said_on) == ("Luis Cordero", "e1", "t1")


@pytest.mark.parametrize(
    ("lang", "text", "quote", "speaker", "kind"),
    [
        (
            "es",
            "Según fuentes oficiales, unas 200 personas esperaban.",
            "unas 200 personas esperaban",
            "fuentes oficiales",
            "indirect",
        ),
        (
            "es",
            "«Tenemos miedo», contó un migrante venezolano. «No sabemos», agregó.",
            "No sabemos",
            "un migrante venezolano",
            "direct",
        ),
        (
            "en",
            '"We will win," said Sen. Lindsey Graham, a Republican.',
            "We will win,",
            "Sen. Lindsey Graham",
            "direct",
        ),
        (
            "en",
            "The minister said that the border would stay closed.",
            "the border would stay closed",
            "The minister",
            "indirect",
        ),
        (
            "fr",
            "D'après une source diplomatique, les négociations reprendront.",
            "les négociations reprendront",
            "une source diplomatique",
            "indirect",
        ),
        (
            "en",
            "“It was a disaster.” ― Karen Bobadilla",
            "It was a disaster.",
            "Karen Bobadilla",
            "direct",
        ),
    ],
)
def test_speakers_from_word_order(
    lang: str, text: str, quote: str, speaker: str, kind: str
) -> None:
    found = _by_text(extract_quotes(_blank(lang, text)), quote)
    assert (found.speaker, found.kind) == (speaker, kind)


def test_short_quotes_without_cue_are_not_speech() -> None:
    text = 'Le projet, baptisé "Frontera", a été lancé hier.'
    assert extract_quotes(_blank("fr", text)) == []


@pytest.mark.parametrize("lang", ["fr", "es", "en"])
@pytest.mark.parametrize("text", ["", '"', "« »", "«", '"""', "— —", "a\n\n“b\n\n”"])
def test_odd_input_does_not_crash(lang: str, text: str) -> None:
    for quote in extract_quotes(_blank(lang, text)):
        assert text[quote.start : quote.end] == quote.text


def test_quotes_run_before_the_event_coder_in_a_blank_pipeline() -> None:
    nlp = add_extractors(spacy.blank("es"))
    assert nlp.pipe_names[-2:] == ["newsevents_quotes", "newsevents_events"]
    doc = nlp("«No vamos a ceder», afirmó el ministro de Seguridad.")
    (quote,) = doc_records(doc)["quotes"]
    assert quote.speaker == "el ministro de Seguridad"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The new bridge, the mayor said, will open to traffic next spring.",
            "will open to traffic next spring",
            "the mayor",
        ),
        (
            "Repairs to the old dam will take two more years, officials said.",
            "Repairs to the old dam will take two more years",
            "officials",
        ),
    ],
)
def test_an_aside_between_commas_reports_the_rest_of_its_sentence(
    text: str, quote: str, speaker: str
) -> None:
    found = _by_text(extract_quotes(_blank("en", text)), quote)
    assert (found.kind, found.speaker) == ("indirect", speaker)
    assert found.cue is not None and found.cue.text == "said"


def test_a_pronoun_right_before_the_cue_is_the_speaker_not_the_sentence_before_it() -> None:
    text = 'Keep calm. Above all, "there is always a next election," she says.'
    found = _by_text(extract_quotes(_blank("en", text)), "there is always a next election,")
    assert found.speaker_span is not None and found.speaker_span.text == "she"


def test_a_given_name_tells_the_gender_of_a_person_named_without_title() -> None:
    text = 'Laura Petit met Mark Cole at the depot. "We will rebuild the road," she said.'
    entities = (_person("e1", "Laura Petit", text), _person("e2", "Mark Cole", text))
    (quote,) = extract_quotes(_blank("en", text, entities=entities))
    assert (quote.speaker, quote.speaker_entity) == ("Laura Petit", "e1")


def test_a_description_is_not_what_a_later_pronoun_stands_for() -> None:
    text = (
        'Ana Ruiz spoke first. "The plan is sound," the report said. '
        '"We will start in May," she said.'
    )
    entities = (_person("e1", "Ana Ruiz", text),)
    quotes = extract_quotes(_blank("en", text, entities=entities))
    assert _by_text(quotes, "We will start in May,").speaker == "Ana Ruiz"


@pytest.mark.model
def test_a_chain_of_pronoun_subjects_keeps_its_person() -> None:
    from newsevents.pipeline import load_pipeline

    text = (
        "Paul Ortiz told the crowd that the plant would stay open. "
        "He thanked Mark Weber for his help with the new contract. "
        "He also praised the workers. "
        '"We will keep every job in this town," he said.'
    )
    quotes = list(doc_records(load_pipeline("en")(text))["quotes"])
    found = _by_text(quotes, "We will keep every job in this town,")
    assert found.speaker == "Paul Ortiz"
    assert found.speaker_span is not None and found.speaker_span.text == "he"


def test_a_pronoun_before_a_colon_signs_the_quote_not_its_clause() -> None:
    text = 'The vote was lost. He sighed: "We will try again next year."'
    found = _by_text(extract_quotes(_blank("en", text)), "We will try again next year.")
    assert found.speaker_span is not None and found.speaker_span.text == "He"
