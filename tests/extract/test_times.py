"""Tests of ``extract_times``: one table of (lang, sentence, expected expressions) rows.

Every row is read on a blank pipeline (no tags, no parse) with an article published on Saturday
29 November 2025, the date of the example article; a few hand-built parses check the tense.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import NamedTuple

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsevents.extract.components import doc_records  # noqa: F401  (registers doc._.article)
from newsevents.extract.time_grammar import parse_number, time_grammar
from newsevents.extract.time_values import holiday_date
from newsevents.extract.times import PUBLISHED, extract_times
from newsevents.lang import MissingLanguageData, available_languages, load_data
from newsevents.records import Article, Time

PUBLISHED_ON = dt.date(2025, 11, 29)


@functools.cache
def blank(lang: str) -> Language:
    """A tokenizer-only pipeline: no tags, no parse, no morphology."""
    return spacy.blank(lang)


class Want(NamedTuple):
    """What one time expression should read."""

    text: str
    type: str
    value: str


def analysed(doc: Doc, published: dt.date | None = PUBLISHED_ON) -> Doc:
    doc._.article = Article(id="test", text=doc.text, published=published)
    return doc


def times(lang: str, sentence: str, published: dt.date | None = PUBLISHED_ON) -> list[Time]:
    return extract_times(analysed(blank(lang)(sentence), published))


ROWS: list[tuple[str, str, list[Want]]] = [
    # French, starting with the example article.
    (
        "fr",
        "Ils étaient bloqués le 28 novembre à la frontière.",
        [Want("le 28 novembre", "DATE", "2025-11-28")],
    ),
    (
        "fr",
        "Kast, favori du second tour du 14 décembre, promet d'expulser.",
        [Want("14 décembre", "DATE", "2025-12-14")],
    ),
    (
        "fr",
        "En avril 2023, le Pérou avait décrété pendant deux mois l'état d'urgence.",
        [Want("avril 2023", "DATE", "2023-04"), Want("deux mois", "DURATION", "P2M")],
    ),
    (
        "fr",
        "Je dis qu'il leur reste 103 jours pour partir.",
        [Want("103 jours", "DURATION", "P103D")],
    ),
    (
        "fr",
        "Hier, le ministre a parlé; il reviendra demain.",
        [Want("Hier", "DATE", "2025-11-28"), Want("demain", "DATE", "2025-11-30")],
    ),
    ("fr", "Le ministre est arrivé jeudi.", [Want("jeudi", "DATE", "2025-11-27")]),
    (
        "fr",
        "Il a voté lundi dernier et votera lundi prochain.",
        [Want("lundi dernier", "DATE", "2025-11-24"), Want("lundi prochain", "DATE", "2025-12-01")],
    ),
    (
        "fr",
        "La semaine dernière, ils ont manifesté.",
        [Want("La semaine dernière", "DATE", "2025-W47")],
    ),
    ("fr", "Il partira dans deux semaines.", [Want("dans deux semaines", "DATE", "2025-12-13")]),
    ("fr", "Il est parti il y a trois jours.", [Want("il y a trois jours", "DATE", "2025-11-26")]),
    (
        "fr",
        "L'an dernier et cette année, puis le mois prochain.",
        [
            Want("L'an dernier", "DATE", "2024"),
            Want("cette année", "DATE", "2025"),
            Want("le mois prochain", "DATE", "2025-12"),
        ],
    ),
    ("fr", "Je dis que mai sera décisif, mais je doute.", []),
    ("fr", "Il a été reçu par le ministre.", []),
    ("fr", "La sonde a atteint Mars hier.", [Want("hier", "DATE", "2025-11-28")]),
    ("fr", "Un homme de 37 ans a été arrêté.", []),
    (
        "fr",
        "Ce matin, puis hier soir vers 21 h 45.",
        [
            Want("Ce matin", "TIME", "2025-11-29TMO"),
            Want("hier soir vers 21 h 45", "TIME", "2025-11-28T21:45"),
        ],
    ),
    ("fr", "Le marché se tient chaque année.", [Want("chaque année", "SET", "P1Y")]),
    (
        "fr",
        "Il vit maintenant à Lima, où il est arrivé récemment.",
        [Want("maintenant", "DATE", "PRESENT_REF"), Want("récemment", "DATE", "PAST_REF")],
    ),
    ("fr", "L'été dernier, les passages ont doublé.", [Want("L'été dernier", "DATE", "2024-SU")]),
    (
        "fr",
        "Au troisième trimestre 2024, le chômage a baissé.",
        [Want("troisième trimestre 2024", "DATE", "2024-Q3")],
    ),
    (
        "fr",
        "Dans les années 1990, la frontière était ouverte.",
        [Want("les années 1990", "DATE", "199")],
    ),
    (
        "fr",
        "La loi entre en vigueur le 1er janvier 2026.",
        [Want("le 1er janvier 2026", "DATE", "2026-01-01")],
    ),
    ("fr", "Publié le 28/11/2025.", [Want("28/11/2025", "DATE", "2025-11-28")]),
    ("fr", "Ils attendent depuis plusieurs jours.", [Want("plusieurs jours", "DURATION", "PXD")]),
    ("fr", "Le week-end dernier, il a plu.", [Want("Le week-end dernier", "DATE", "2025-W47-WE")]),
    (
        "fr",
        "Le vote aura lieu samedi 6 décembre.",
        [Want("samedi 6 décembre", "DATE", "2025-12-06")],
    ),
    ("fr", "Depuis 2020, 2000 migrants ont passé la frontière.", [Want("2020", "DATE", "2020")]),
    (
        "fr",
        "Le 20 novembre, ils sont partis; le lendemain, ils sont arrivés.",
        [Want("Le 20 novembre", "DATE", "2025-11-20"), Want("le lendemain", "DATE", "2025-11-21")],
    ),
    (
        "fr",
        "Fin 2024, le pays comptait un quinquennat de retard.",
        [Want("Fin 2024", "DATE", "2024"), Want("un quinquennat", "DURATION", "P5Y")],
    ),
    (
        "fr",
        "Les trois dernières années ont été sèches.",
        [Want("Les trois dernières années", "DURATION", "P3Y")],
    ),
    # Spanish.
    (
        "es",
        "El Gobierno anunció el pasado martes nuevas medidas.",
        [Want("el pasado martes", "DATE", "2025-11-25")],
    ),
    (
        "es",
        "El 12 de octubre de 2024 hubo elecciones.",
        [Want("El 12 de octubre de 2024", "DATE", "2024-10-12")],
    ),
    (
        "es",
        "Hoy llegó el ministro, ayer habló y mañana viajará.",
        [
            Want("Hoy", "DATE", "2025-11-29"),
            Want("ayer", "DATE", "2025-11-28"),
            Want("mañana", "DATE", "2025-11-30"),
        ],
    ),
    (
        "es",
        "Esta mañana y el viernes por la mañana hubo protestas.",
        [
            Want("Esta mañana", "TIME", "2025-11-29TMO"),
            Want("el viernes por la mañana", "TIME", "2025-11-28TMO"),
        ],
    ),
    (
        "es",
        "La semana pasada, el próximo año y el mes que viene.",
        [
            Want("La semana pasada", "DATE", "2025-W47"),
            Want("el próximo año", "DATE", "2026"),
            Want("el mes que viene", "DATE", "2025-12"),
        ],
    ),
    (
        "es",
        "Este año creció; hace tres años cayó.",
        [Want("Este año", "DATE", "2025"), Want("hace tres años", "DATE", "2022")],
    ),
    ("es", "Volverá dentro de dos semanas.", [Want("dentro de dos semanas", "DATE", "2025-12-13")]),
    ("es", "Gobernó durante cuatro años.", [Want("cuatro años", "DURATION", "P4Y")]),
    ("es", "Deben salir en un plazo de 30 días.", [Want("30 días", "DURATION", "P30D")]),
    ("es", "Miles de personas marcharon en la Plaza de Mayo.", []),
    ("es", "Las ventas de enero de 2025 subieron.", [Want("enero de 2025", "DATE", "2025-01")]),
    (
        "es",
        "En los últimos 12 años y durante varios días.",
        [Want("los últimos 12 años", "DURATION", "P12Y"), Want("varios días", "DURATION", "PXD")],
    ),
    (
        "es",
        "Se publica cada semana y se revisa anualmente.",
        [Want("cada semana", "SET", "P1W"), Want("anualmente", "SET", "P1Y")],
    ),
    ("es", "Actualmente vive en Lima.", [Want("Actualmente", "DATE", "PRESENT_REF")]),
    (
        "es",
        "El índice cerró a las 16:08 UTC.",
        [Want("las 16:08 UTC", "TIME", "2025-11-29T16:08Z")],
    ),
    (
        "es",
        "Durante el fin de semana hubo lluvias.",
        [Want("el fin de semana", "DATE", "2025-W48-WE")],
    ),
    (
        "es",
        "En el tercer trimestre de 2024 la economía creció.",
        [Want("el tercer trimestre de 2024", "DATE", "2024-Q3")],
    ),
    (
        "es",
        "En la década de 1990 y en el 2009.",
        [Want("la década de 1990", "DATE", "199"), Want("el 2009", "DATE", "2009")],
    ),
    ("es", "El detenido tiene 40 años.", []),
    # A preposition before a modifier is not part of the expression ("a finales de", "à la fin").
    ("es", "A finales de 2024 llegó la crisis.", [Want("finales de 2024", "DATE", "2024")]),
    (
        "es",
        "El sábado 6 de diciembre se vota.",
        [Want("El sábado 6 de diciembre", "DATE", "2025-12-06")],
    ),
    ("es", "El ministro llegó el jueves.", [Want("el jueves", "DATE", "2025-11-27")]),
    ("es", "Publicado el 28/11/2025.", [Want("28/11/2025", "DATE", "2025-11-28")]),
    ("es", "La reforma durará un lustro.", [Want("un lustro", "DURATION", "P5Y")]),
    (
        "es",
        "Los precios subieron en los últimos años.",
        [Want("los últimos años", "DURATION", "PXY")],
    ),
    (
        "es",
        "La Plaza de Mayo se llenó el 1 de mayo de 2026.",
        [Want("el 1 de mayo de 2026", "DATE", "2026-05-01")],
    ),
    ("es", "La reunión fue a las 10 horas.", [Want("las 10 horas", "TIME", "2025-11-29T10:00")]),
    ("es", "En verano sube el turismo.", [Want("verano", "DATE", "2025-SU")]),
    ("es", "Llegaron hace unas horas.", [Want("hace unas horas", "DATE", "2025-11-29")]),
    (
        "es",
        "La desaparición de mayo inquieta; 1.500 migrantes cruzaron.",
        [Want("mayo", "DATE", "2026-05")],
    ),
    # English.
    ("en", "The minister spoke last Monday.", [Want("last Monday", "DATE", "2025-11-24")]),
    (
        "en",
        "On November 28, 2025 and on Nov. 28 the border closed.",
        [Want("November 28, 2025", "DATE", "2025-11-28"), Want("Nov. 28", "DATE", "2025-11-28")],
    ),
    (
        "en",
        "Results for the period ended Sept. 30 were weak.",
        [Want("Sept. 30", "DATE", "2025-09-30")],
    ),
    (
        "en",
        "Next month, last year and this week.",
        [
            Want("Next month", "DATE", "2025-12"),
            Want("last year", "DATE", "2024"),
            Want("this week", "DATE", "2025-W48"),
        ],
    ),
    (
        "en",
        "It began three years ago and ended two weeks ago.",
        [Want("three years ago", "DATE", "2022"), Want("two weeks ago", "DATE", "2025-11-15")],
    ),
    ("en", "They must leave within 90 days.", [Want("90 days", "DURATION", "P90D")]),
    ("en", "You may leave now.", [Want("now", "DATE", "PRESENT_REF")]),
    ("en", "A 12-year-old boy was found.", []),
    ("en", "Protesters march through the city.", []),
    (
        "en",
        "In the third quarter and the fourth quarter of 2024.",
        [
            Want("the third quarter", "DATE", "2025-Q3"),
            Want("the fourth quarter of 2024", "DATE", "2024-Q4"),
        ],
    ),
    ("en", "Prices fell in the 1990s.", [Want("the 1990s", "DATE", "199")]),
    (
        "en",
        "Patrols run every week and reports come daily.",
        [Want("every week", "SET", "P1W"), Want("daily", "SET", "P1D")],
    ),
    (
        "en",
        "The vote opens at 10:30 a.m. and closes at 3 p.m.",
        [
            Want("10:30 a.m.", "TIME", "2025-11-29T10:30"),
            Want("3 p.m.", "TIME", "2025-11-29T15:00"),
        ],
    ),
    (
        "en",
        "Yesterday morning and this morning it rained.",
        [
            Want("Yesterday morning", "TIME", "2025-11-28TMO"),
            Want("this morning", "TIME", "2025-11-29TMO"),
        ],
    ),
    (
        "en",
        "Elections were held in May 2024 and early 2009.",
        [Want("May 2024", "DATE", "2024-05"), Want("early 2009", "DATE", "2009")],
    ),
    (
        "en",
        "Over the past two months, several years of work ended.",
        [Want("the past two months", "DURATION", "P2M"), Want("several years", "DURATION", "PXY")],
    ),
    ("en", "Some 2,000 migrants arrived in 2023.", [Want("2023", "DATE", "2023")]),
    (
        "en",
        "Tomorrow the talks resume for a week.",
        [Want("Tomorrow", "DATE", "2025-11-30"), Want("a week", "DURATION", "P1W")],
    ),
    (
        "en",
        "The weekend was calm after more than a decade of conflict.",
        [
            Want("The weekend", "DATE", "2025-W48-WE"),
            Want("more than a decade", "DURATION", "P10Y"),
        ],
    ),
    ("en", "The 2020 election was close.", [Want("2020", "DATE", "2020")]),
    ("en", "The summit opens on 14 December.", [Want("14 December", "DATE", "2025-12-14")]),
    ("en", "Currently, talks are stalled.", [Want("Currently", "DATE", "PRESENT_REF")]),
    ("en", "The fall of the wall.", []),
    ("en", "Last summer the river flooded.", [Want("Last summer", "DATE", "2024-SU")]),
    ("en", "Shares rose 5% in the year to March 31.", [Want("March 31", "DATE", "2026-03-31")]),
    ("en", "The law took effect on 2025-11-28.", [Want("2025-11-28", "DATE", "2025-11-28")]),
    ("en", "The office opened 11/28/2025.", [Want("11/28/2025", "DATE", "2025-11-28")]),
    (
        "en",
        "Talks lasted 12 hours, then three days.",
        [Want("12 hours", "DURATION", "PT12H"), Want("three days", "DURATION", "P3D")],
    ),
    ("en", "They met at noon.", [Want("noon", "TIME", "2025-11-29T12:00")]),
    (
        "en",
        "Recent years were dry; the past decade too.",
        [Want("Recent years", "DATE", "PAST_REF"), Want("the past decade", "DATE", "201")],
    ),
    # Prepositions stay out of the extent; "al año" before "anterior" is not "per year".
    (
        "fr",
        "À la fin de l'année dernière, la crise est arrivée.",
        [Want("la fin de l'année dernière", "DATE", "2024")],
    ),
    ("fr", "Au début de 2024, la crise est arrivée.", [Want("début de 2024", "DATE", "2024")]),
    (
        "es",
        "Las ventas subieron respecto al año anterior.",
        [Want("año anterior", "DATE", "2024")],
    ),
    ("es", "La crisis en curso preocupa.", [Want("en curso", "DATE", "PRESENT_REF")]),
    (
        "en",
        "Profit rose in the current quarter and the current year.",
        [Want("the current quarter", "DATE", "2025-Q4"), Want("the current year", "DATE", "2025")],
    ),
    # A clock time and its day are one TIME (not in French, where the hour after a date is its own).
    (
        "en",
        "The polls close at 9 a.m. EST Tuesday.",
        [Want("9 a.m. EST Tuesday", "TIME", "2025-12-02T09:00")],
    ),
    ("en", "The fire started at noon Friday.", [Want("noon Friday", "TIME", "2025-11-28T12:00")]),
    (
        "es",
        "El sismo ocurrió hoy a las 15:30 UTC.",
        [Want("hoy a las 15:30 UTC", "TIME", "2025-11-29T15:30Z")],
    ),
    (
        "es",
        "Llegará a las 9:00 del lunes.",
        [Want("las 9:00 del lunes", "TIME", "2025-12-01T09:00")],
    ),
    (
        "fr",
        "Le concert a lieu le jeudi 27 novembre, à 20 h 30.",
        [
            Want("le jeudi 27 novembre", "DATE", "2025-11-27"),
            Want("20 h 30", "TIME", "2025-11-27T20:30"),
        ],
    ),
    # A month or a quarter and the year it is in are one DATE.
    (
        "en",
        "Sales fell in June last year and rose in the third quarter of this year.",
        [
            Want("June last year", "DATE", "2024-06"),
            Want("the third quarter of this year", "DATE", "2025-Q3"),
        ],
    ),
    (
        "en",
        "This year's third quarter was weak.",
        [Want("This year's third quarter", "DATE", "2025-Q3")],
    ),
    (
        "es",
        "En septiembre del año pasado y en el tercer trimestre de este año.",
        [
            Want("septiembre del año pasado", "DATE", "2024-09"),
            Want("el tercer trimestre de este año", "DATE", "2025-Q3"),
        ],
    ),
    (
        "fr",
        "En juin de l'année dernière et au troisième trimestre de cette année.",
        [
            Want("juin de l'année dernière", "DATE", "2024-06"),
            Want("troisième trimestre de cette année", "DATE", "2025-Q3"),
        ],
    ),
    # "ago" after a modifier or a vague number.
    (
        "en",
        "It began almost four years ago, several years ago.",
        [
            Want("almost four years ago", "DATE", "2021"),
            Want("several years ago", "DATE", "PAST_REF"),
        ],
    ),
    ("es", "Empezó hace casi dos años.", [Want("hace casi dos años", "DATE", "2023")]),
    (
        "fr",
        "Cela a commencé il y a près de deux ans.",
        [Want("il y a près de deux ans", "DATE", "2023")],
    ),
    # Years followed by what they count are a length, not an age.
    ("fr", "Il a été condamné à 10 ans de prison.", [Want("10 ans", "DURATION", "P10Y")]),
    ("fr", "Un homme de 37 ans a été arrêté.", []),
    ("es", "Fue condenado a 10 años de cárcel.", [Want("10 años", "DURATION", "P10Y")]),
    ("es", "Una mujer de 30 años de Madrid.", []),
    ("en", "He served 10 years of his term.", [Want("10 years", "DURATION", "P10Y")]),
    # "fall" is a season after "last/this/next"; English writes no article in a date.
    ("en", "Prices rose last fall.", [Want("last fall", "DATE", "2024-FA")]),
    ("en", "After the Oct. 8 meeting, talks ended.", [Want("Oct. 8", "DATE", "2025-10-08")]),
    # Days counted on a calendar of their own are days.
    (
        "en",
        "Shares fell over the past five trading days.",
        [Want("the past five trading days", "DURATION", "P5D")],
    ),
    (
        "fr",
        "Le délai est de cinq jours ouvrables.",
        [Want("cinq jours ouvrables", "DURATION", "P5D")],
    ),
    (
        "es",
        "Las acciones cayeron en las últimas cinco jornadas bursátiles.",
        [Want("las últimas cinco jornadas bursátiles", "DURATION", "P5D")],
    ),
    # "A year ago" in a report on a quarter: the quarter named before, a year back, each time.
    (
        "en",
        "Profit rose in the third quarter from a year ago, and sales from a year ago.",
        [
            Want("the third quarter", "DATE", "2025-Q3"),
            Want("a year ago", "DATE", "2024-Q3"),
            Want("a year ago", "DATE", "2024-Q3"),
        ],
    ),
    (
        "es",
        "En el tercer trimestre, el beneficio subió frente a hace un año y las ventas frente a"
        " hace un año.",
        [
            Want("el tercer trimestre", "DATE", "2025-Q3"),
            Want("hace un año", "DATE", "2024-Q3"),
            Want("hace un año", "DATE", "2024-Q3"),
        ],
    ),
    (
        "fr",
        "Au troisième trimestre, le bénéfice a progressé par rapport à il y a un an, et les"
        " ventes par rapport à il y a un an.",
        [
            Want("troisième trimestre", "DATE", "2025-Q3"),
            Want("il y a un an", "DATE", "2024-Q3"),
            Want("il y a un an", "DATE", "2024-Q3"),
        ],
    ),
    # The same period a year before: the quarter or month last named, a year back.
    (
        "en",
        "Profit rose in the third quarter from the year-earlier quarter, and from year-ago levels.",
        [
            Want("the third quarter", "DATE", "2025-Q3"),
            Want("the year-earlier quarter", "DATE", "2024-Q3"),
            Want("year-ago", "DATE", "2024-Q3"),
        ],
    ),
    (
        "es",
        "Las ventas de octubre subieron frente al mismo mes del año anterior.",
        [
            Want("octubre", "DATE", "2025-10"),
            Want("mismo mes del año anterior", "DATE", "2024-10"),
        ],
    ),
    (
        "fr",
        "Au troisième trimestre, les ventes ont baissé par rapport à la même période de l'année"
        " précédente.",
        [
            Want("troisième trimestre", "DATE", "2025-Q3"),
            Want("la même période de l'année précédente", "DATE", "2024-Q3"),
        ],
    ),
    (
        "en",
        "Sales fell from the same period last year.",
        [Want("the same period last year", "DATE", "2024")],
    ),
    # Halves of a year.
    (
        "en",
        "Growth slowed in the first half of 2024 and in the second half of the year; he scored in"
        " the second half.",
        [
            Want("the first half of 2024", "DATE", "2024-H1"),
            Want("the second half of the year", "DATE", "2025-H2"),
        ],
    ),
    (
        "fr",
        "Au premier semestre 2025, les ventes ont baissé.",
        [Want("premier semestre 2025", "DATE", "2025-H1")],
    ),
    (
        "es",
        "En el segundo semestre de 2024 crecieron.",
        [Want("el segundo semestre de 2024", "DATE", "2024-H2")],
    ),
    # Years said in words, as broadcast transcripts write them; "two thousand" alone is a count.
    (
        "en",
        "It began in nineteen ninety-six and will end by the year two thousand one.",
        [
            Want("nineteen ninety-six", "DATE", "1996"),
            Want("the year two thousand one", "DATE", "2001"),
        ],
    ),
    (
        "en",
        "Two thousand soldiers left in nineteen oh five.",
        [Want("nineteen oh five", "DATE", "1905")],
    ),
    # Deictic words that hold a part of the day.
    (
        "en",
        "He spoke last night and will speak again tonight.",
        [Want("last night", "TIME", "2025-11-28TNI"), Want("tonight", "TIME", "2025-11-29TNI")],
    ),
    ("es", "Anoche habló el ministro.", [Want("Anoche", "TIME", "2025-11-28TNI")]),
    # Holidays, by their rule: a fixed day, Easter, the n-th weekday of a month.
    (
        "en",
        "They met on Thanksgiving Day and last Christmas, and will meet on Easter 2026.",
        [
            Want("Thanksgiving Day", "DATE", "2025-11-27"),
            Want("last Christmas", "DATE", "2024-12-25"),
            Want("Easter 2026", "DATE", "2026-04-05"),
        ],
    ),
    (
        "fr",
        "À la Toussaint et à Noël dernier, puis à Pâques 2027.",
        [
            Want("la Toussaint", "DATE", "2025-11-01"),
            Want("Noël dernier", "DATE", "2024-12-25"),
            Want("Pâques 2027", "DATE", "2027-03-28"),
        ],
    ),
    (
        "es",
        "En Nochebuena y en la Navidad pasada, y el Viernes Santo de 2024.",
        [
            Want("Nochebuena", "DATE", "2025-12-24"),
            Want("la Navidad pasada", "DATE", "2024-12-25"),
            Want("el Viernes Santo de 2024", "DATE", "2024-03-29"),
        ],
    ),
    # A week of a month is the ISO week that holds most of its days in it.
    (
        "en",
        "Sales fell in the last week of March.",
        [Want("the last week of March", "DATE", "2026-W13")],
    ),
    (
        "es",
        "Cayó un 5% en un mismo día, la primera semana de enero de 2024.",
        [
            Want("un mismo día", "DURATION", "P1D"),
            Want("la primera semana de enero de 2024", "DATE", "2024-W01"),
        ],
    ),
    # "Quarter" as a share is no length of time.
    (
        "en",
        "Iraq imports about three-quarters of its food after several quarters of losses.",
        [Want("several quarters", "DURATION", "PXQ")],
    ),
    ("en", "It took a couple of years.", [Want("a couple of years", "DURATION", "P2Y")]),
    ("es", "Tardó un par de años.", [Want("un par de años", "DURATION", "P2Y")]),
    # Centuries, spelled decades, frequencies of a weekday or a month, "N more years".
    (
        "en",
        "In the nineties, as in the 20th century, they met each Thursday night and each July.",
        [
            Want("the nineties", "DATE", "199"),
            Want("the 20th century", "DATE", "19"),
            Want("each Thursday night", "SET", "XXXX-WXX-4TNI"),
            Want("each July", "SET", "XXXX-07"),
        ],
    ),
    (
        "fr",
        "Au XXe siècle, ils se voyaient chaque lundi.",
        [Want("XXe siècle", "DATE", "19"), Want("chaque lundi", "SET", "XXXX-WXX-1")],
    ),
    (
        "es",
        "En el siglo XXI se reúnen cada julio.",
        [Want("el siglo XXI", "DATE", "20"), Want("cada julio", "SET", "XXXX-07")],
    ),
    (
        "en",
        "It will take at least 20 more years and an additional year, and fiscal 1989 sales fell.",
        [
            Want("at least 20 more years", "DURATION", "P20Y"),
            Want("an additional year", "DURATION", "P1Y"),
            Want("fiscal 1989", "DATE", "1989"),
        ],
    ),
    (
        "en",
        "Profit rose from the year-ago third quarter.",
        [Want("the year-ago third quarter", "DATE", "2024-Q3")],
    ),
    # A year before a singular unit names a period, it does not count.
    (
        "en",
        "Profit rose in the third quarter from the 1988 quarter, after 2000 years of history.",
        [
            Want("the third quarter", "DATE", "2025-Q3"),
            Want("the 1988 quarter", "DATE", "1988-Q3"),
            Want("2000 years", "DURATION", "P2000Y"),
        ],
    ),
    # A holiday's name as a person's: before a capitalised word or after a title.
    ("fr", "Noël Mamère et M. Noël ont parlé à Noël.", [Want("Noël", "DATE", "2025-12-25")]),
    (
        "es",
        "Según La Jornada, la jornada laboral acabó; cayó en la jornada.",
        [Want("la jornada", "DATE", "2025-11-29")],
    ),
    # A plural unit after a singular word of frequency is no frequency.
    ("es", "Por siglos lo hicieron todos los días.", [Want("todos los días", "SET", "P1D")]),
    # A part of the day the text is telling is one of the last date named.
    (
        "fr",
        "Le 24 novembre, elle avait passé la soirée et la nuit chez un ami.",
        [
            Want("Le 24 novembre", "DATE", "2025-11-24"),
            Want("la soirée", "TIME", "2025-11-24TEV"),
            Want("la nuit", "TIME", "2025-11-24TNI"),
        ],
    ),
    (
        "es",
        "El 3 de noviembre la bolsa cayó un 2% en la jornada.",
        [Want("El 3 de noviembre", "DATE", "2025-11-03"), Want("la jornada", "DATE", "2025-11-03")],
    ),
]


@pytest.mark.parametrize(("lang", "sentence", "wanted"), ROWS)
def test_time_expressions(lang: str, sentence: str, wanted: list[Want]) -> None:
    found = times(lang, sentence)
    assert [Want(t.text, t.type, t.value) for t in found] == wanted
    for t in found:
        assert sentence[t.start : t.end] == t.text


def test_every_language_has_at_least_thirty_rows() -> None:
    counts = {lang: sum(row[0] == lang for row in ROWS) for lang in ("fr", "es", "en")}
    assert min(counts.values()) >= 30, counts


@pytest.mark.parametrize(
    ("lang", "sentence", "ends_on"),
    [
        ("fr", "Je dis qu'il leur reste 103 jours pour partir.", "2026-03-12"),
        ("fr", "D'ici 30 jours, la loi entrera en vigueur.", "2025-12-29"),
        ("es", "Deben salir en un plazo de 30 días.", "2025-12-29"),
        ("en", "They must leave within 90 days.", "2026-02-27"),
        ("en", "They have 103 days left.", "2026-03-12"),
    ],
)
def test_a_deadline_duration_gives_the_date_it_ends_on(
    lang: str, sentence: str, ends_on: str
) -> None:
    (deadline,) = [t for t in times(lang, sentence) if t.type == "DURATION"]
    assert (deadline.ends_on, deadline.anchor) == (ends_on, PUBLISHED)


def test_a_duration_that_sets_no_deadline_has_no_end() -> None:
    (duration,) = times("fr", "Le Pérou avait décrété pendant deux mois l'état d'urgence.")
    assert duration.ends_on is None


# The example article's statement: the quotation is dated by the video it was published in.
KAST = (
    "\"Aux migrants en situation irrégulière au Chili, je dis qu'il leur reste 103 jours pour "
    "quitter volontairement notre patrie (...) Si vous ne partez pas volontairement, vous devrez "
    "partir quand j'assumerai la présidence\", a-t-il déclaré dans une vidéo publiée le 28 "
    "novembre sur ses réseaux sociaux."
)


def test_a_statement_date_anchors_the_deadline_of_the_example_article() -> None:
    found = times("fr", KAST)
    deadline = next(t for t in found if t.text == "103 jours")
    video = next(t for t in found if t.text == "le 28 novembre")
    assert (video.value, video.anchor) == ("2025-11-28", PUBLISHED)
    assert (deadline.value, deadline.ends_on, deadline.anchor) == ("P103D", "2026-03-11", video.id)


def test_a_date_before_that_anchors_what_is_said_after_it() -> None:
    found = times("en", "On November 20 the minister said that the border would close tomorrow.")
    said, tomorrow = found
    assert (said.value, tomorrow.value, tomorrow.anchor) == ("2025-11-20", "2025-11-21", said.id)


def test_a_dated_speech_cue_after_a_comma_anchors_what_comes_before() -> None:
    said, deadline = sorted(
        times("fr", "Il leur reste 103 jours, a-t-il dit le 28 novembre."), key=lambda t: t.type
    )
    assert (said.text, deadline.ends_on, deadline.anchor) == (
        "le 28 novembre",
        "2026-03-11",
        said.id,
    )


def test_a_dateline_anchors_the_article() -> None:
    text = "Markets fall\nFebruary 20, 2009\nOn Thursday, the index closed lower."
    found = times("en", text)
    dateline, thursday = found
    assert (thursday.value, thursday.anchor) == ("2009-02-19", dateline.id)


def test_without_a_publication_date_relative_values_stay_unknown() -> None:
    found = times("fr", "Hier, jeudi, et le 28 novembre 2025.", published=None)
    assert [(t.value, t.anchor) for t in found] == [
        ("XXXX-XX-XX", None),
        ("XXXX-WXX-4", None),
        ("2025-11-28", None),
    ]


def test_ids_are_stable_and_unique() -> None:
    first = times("fr", "Hier et demain, puis le 28 novembre.")
    again = times("fr", "Hier et demain, puis le 28 novembre.")
    assert [t.id for t in first] == [t.id for t in again]
    assert len({t.id for t in first}) == len(first) == 3


def parsed(
    lang: str,
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    morphs: list[str],
    tags: list[str] | None = None,
    lemmas: list[str] | None = None,
    spaces: list[bool] | None = None,
) -> Doc:
    """A hand-built parsed document (heads are absolute token indices)."""
    doc = Doc(
        blank(lang).vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        morphs=morphs,
        tags=tags,
        lemmas=lemmas or [w.lower() for w in words],
    )
    return analysed(doc)


TENSES = [
    # "lundi" from Saturday: the nearest is 1 December; a past verb makes it 24 November.
    (
        parsed(
            "fr",
            ["Il", "a", "parlé", "lundi"],
            [2, 2, 2, 2],
            ["nsubj", "aux:tense", "ROOT", "obl:mod"],
            ["PRON", "AUX", "VERB", "NOUN"],
            ["", "Tense=Pres|VerbForm=Fin", "Tense=Past|VerbForm=Part", ""],
            lemmas=["il", "avoir", "parler", "lundi"],
        ),
        "2025-11-24",
    ),
    (
        parsed(
            "fr",
            ["Il", "parlera", "lundi"],
            [1, 1, 1],
            ["nsubj", "ROOT", "obl:mod"],
            ["PRON", "VERB", "NOUN"],
            ["", "Tense=Fut|VerbForm=Fin", ""],
        ),
        "2025-12-01",
    ),
    (
        parsed(
            "en",
            ["He", "spoke", "on", "Monday"],
            [1, 1, 3, 1],
            ["nsubj", "ROOT", "prep", "pobj"],
            ["PRON", "VERB", "ADP", "PROPN"],
            ["", "Tense=Past|VerbForm=Fin", "", ""],
            ["PRP", "VBD", "IN", "NNP"],
        ),
        "2025-11-24",
    ),
    (
        parsed(
            "en",
            ["He", "will", "speak", "on", "Monday"],
            [2, 2, 2, 4, 2],
            ["nsubj", "aux", "ROOT", "prep", "pobj"],
            ["PRON", "AUX", "VERB", "ADP", "PROPN"],
            ["", "VerbForm=Fin", "VerbForm=Inf", "", ""],
            ["PRP", "MD", "VB", "IN", "NNP"],
        ),
        "2025-12-01",
    ),
    # A verb of planning dates what it plans ahead, whatever its tense; a pluperfect does not.
    (
        parsed(
            "en",
            ["They", "planned", "to", "leave", "on", "Thursday"],
            [1, 1, 3, 1, 3, 4],
            ["nsubj", "ROOT", "aux", "xcomp", "prep", "pobj"],
            ["PRON", "VERB", "PART", "VERB", "ADP", "PROPN"],
            ["", "Tense=Past|VerbForm=Fin", "", "VerbForm=Inf", "", ""],
            ["PRP", "VBD", "TO", "VB", "IN", "NNP"],
            ["they", "plan", "to", "leave", "on", "thursday"],
        ),
        "2025-12-04",
    ),
    (
        parsed(
            "en",
            ["It", "had", "been", "due", "to", "expire", "Friday"],
            [2, 2, 2, 2, 5, 3, 5],
            ["nsubj", "aux", "ROOT", "acomp", "aux", "xcomp", "npadvmod"],
            ["PRON", "AUX", "AUX", "ADJ", "PART", "VERB", "PROPN"],
            ["", "Tense=Past|VerbForm=Fin", "Tense=Past|VerbForm=Part", "", "", "VerbForm=Inf", ""],
            ["PRP", "VBD", "VBN", "JJ", "TO", "VB", "NNP"],
            ["it", "have", "be", "due", "to", "expire", "friday"],
        ),
        "2025-11-28",
    ),
    (
        parsed(
            "fr",
            ["Ils", "ont", "prévu", "de", "partir", "jeudi"],
            [2, 2, 2, 4, 2, 4],
            ["nsubj", "aux:tense", "ROOT", "mark", "xcomp", "obl:mod"],
            ["PRON", "AUX", "VERB", "ADP", "VERB", "NOUN"],
            ["", "Tense=Pres|VerbForm=Fin", "Tense=Past|VerbForm=Part", "", "VerbForm=Inf", ""],
            lemmas=["il", "avoir", "prévoir", "de", "partir", "jeudi"],
        ),
        "2025-12-04",
    ),
    (
        parsed(
            "es",
            ["Aplazaron", "la", "votación", "hasta", "el", "martes"],
            [0, 2, 0, 5, 5, 0],
            ["ROOT", "det", "obj", "case", "det", "obl"],
            ["VERB", "DET", "NOUN", "ADP", "DET", "NOUN"],
            ["Mood=Ind|Tense=Past|VerbForm=Fin", "", "", "", "", ""],
            lemmas=["aplazar", "el", "votación", "hasta", "el", "martes"],
        ),
        "2025-12-02",
    ),
    # A past verb does not send a limit back: the nearest Tuesday, not last week's.
    (
        parsed(
            "en",
            ["The", "deadline", "was", "extended", "until", "Tuesday"],
            [1, 3, 3, 3, 3, 4],
            ["det", "nsubjpass", "auxpass", "ROOT", "prep", "pobj"],
            ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN"],
            ["", "", "Tense=Past|VerbForm=Fin", "Tense=Past|VerbForm=Part", "", ""],
            ["DT", "NN", "VBD", "VBN", "IN", "NNP"],
            ["the", "deadline", "be", "extend", "until", "tuesday"],
        ),
        "2025-12-02",
    ),
    # A past tense sends a day back when no near one lies that way, within ten months.
    (
        parsed(
            "en",
            ["The", "year", "ended", "March", "31"],
            [1, 2, 2, 2, 3],
            ["det", "nsubj", "ROOT", "npadvmod", "nummod"],
            ["DET", "NOUN", "VERB", "PROPN", "NUM"],
            ["", "", "Tense=Past|VerbForm=Fin", "", ""],
            ["DT", "NN", "VBD", "NNP", "CD"],
            ["the", "year", "end", "march", "31"],
        ),
        "2025-03-31",
    ),
    # A past participle after its noun tells what was done; "is to" tells what is to come.
    (
        parsed(
            "en",
            ["The", "injunction", "issued", "Tuesday", "stands"],
            [1, 4, 1, 2, 4],
            ["det", "nsubj", "acl", "npadvmod", "ROOT"],
            ["DET", "NOUN", "VERB", "PROPN", "VERB"],
            ["", "", "Tense=Past|VerbForm=Part", "", "Tense=Pres|VerbForm=Fin"],
            ["DT", "NN", "VBN", "NNP", "VBZ"],
            ["the", "injunction", "issue", "tuesday", "stand"],
        ),
        "2025-11-25",
    ),
    (
        parsed(
            "en",
            ["Trading", "is", "to", "resume", "Thursday"],
            [1, 1, 3, 1, 3],
            ["nsubj", "ROOT", "aux", "xcomp", "npadvmod"],
            ["NOUN", "AUX", "PART", "VERB", "PROPN"],
            ["", "Tense=Pres|VerbForm=Fin", "", "VerbForm=Inf", ""],
            ["NN", "VBZ", "TO", "VB", "NNP"],
            ["trading", "be", "to", "resume", "thursday"],
        ),
        "2025-12-04",
    ),
    # After "depuis", "since", "desde" a date is past whatever the verb's tense.
    (
        parsed(
            "fr",
            ["Il", "souffre", "depuis", "mardi"],
            [1, 1, 3, 1],
            ["nsubj", "ROOT", "case", "obl:mod"],
            ["PRON", "VERB", "ADP", "NOUN"],
            ["", "Mood=Ind|Tense=Pres|VerbForm=Fin", "", ""],
            lemmas=["il", "souffrir", "depuis", "mardi"],
        ),
        "2025-11-25",
    ),
    # A subjunctive auxiliary tells of what has not happened yet.
    (
        parsed(
            "fr",
            ["avant", "que", "le", "bilan", "soit", "rendu", "public", "jeudi"],
            [5, 5, 3, 5, 5, 5, 5, 5],
            ["mark", "mark", "det", "nsubj:pass", "aux:pass", "ROOT", "xcomp", "obl:mod"],
            ["ADP", "SCONJ", "DET", "NOUN", "AUX", "VERB", "ADJ", "NOUN"],
            [
                "",
                "",
                "",
                "",
                "Mood=Sub|Tense=Pres|VerbForm=Fin",
                "Tense=Past|VerbForm=Part",
                "",
                "",
            ],
            lemmas=["avant", "que", "le", "bilan", "être", "rendre", "public", "jeudi"],
        ),
        "2025-12-04",
    ),
    (
        parsed(
            "es",
            ["Votaron", "la", "ley", "el", "martes"],
            [0, 2, 0, 4, 0],
            ["ROOT", "det", "obj", "det", "obl"],
            ["VERB", "DET", "NOUN", "DET", "NOUN"],
            ["Mood=Ind|Tense=Past|VerbForm=Fin", "", "", "", ""],
            lemmas=["votar", "el", "ley", "el", "martes"],
        ),
        "2025-11-25",
    ),
]


@pytest.mark.parametrize(
    ("lang", "words", "months"),
    [
        ("en", ["He", "spoke", "in"], ["December", "March"]),
        ("fr", ["Il", "parla", "en"], ["décembre", "mars"]),
        ("es", ["Habló", "en", "el", "mes", "de"], ["diciembre", "marzo"]),
    ],
)
def test_a_past_verb_does_not_send_a_near_month_to_last_year(
    lang: str, words: list[str], months: list[str]
) -> None:
    # "announced the vote in December", read on 29 November: this December, not eleven months
    # back; a month of the same year stays in the past ("in March" is 2025-03).
    verb = 0 if lang == "es" else 1
    for month, wanted in zip(months, ["2025-12", "2025-03"], strict=True):
        tokens = [*words, month]
        others = range(len(tokens))
        doc = parsed(
            lang,
            tokens,
            [verb] * len(tokens),  # every word hangs on the verb
            ["ROOT" if i == verb else "obl" for i in others],
            ["VERB" if i == verb else "PROPN" for i in others],
            ["Tense=Past|VerbForm=Fin" if i == verb else "" for i in others],
        )
        (found,) = extract_times(doc)
        assert found.value == wanted


def test_an_expression_before_its_noun_leaves_the_article_to_the_noun() -> None:
    doc = parsed(
        "en",
        ["The", "30", "-", "day", "period", "ended"],
        [4, 3, 3, 4, 5, 5],
        ["det", "nummod", "punct", "compound", "nsubj", "ROOT"],
        ["DET", "NUM", "PUNCT", "NOUN", "NOUN", "VERB"],
        ["", "", "", "", "", "Tense=Past|VerbForm=Fin"],
        ["DT", "CD", "HYPH", "NN", "NN", "VBD"],
        spaces=[True, False, False, True, True, False],
    )
    assert [(t.text, t.value) for t in extract_times(doc)] == [("30-day", "P30D")]


@pytest.mark.parametrize(("doc", "value"), TENSES)
def test_the_verb_tense_chooses_past_or_future(doc: Doc, value: str) -> None:
    (monday,) = extract_times(doc)
    assert monday.value == value


@pytest.mark.parametrize(
    ("lang", "sentence", "name", "label", "wanted"),
    [
        ("en", "The ship reached Easter Island on Easter.", "Easter Island", "LOC", ["Easter"]),
        ("es", "Llegó a la Isla de Pascua en Navidad.", "Isla de Pascua", "LOC", ["Navidad"]),
        ("en", "Mr. Christmas spoke at Christmas.", "Christmas", "PERSON", ["Christmas"]),
    ],
)
def test_a_holiday_inside_a_name_is_no_date(
    lang: str, sentence: str, name: str, label: str, wanted: list[str]
) -> None:
    doc = analysed(blank(lang)(sentence))
    start = sentence.index(name)
    entity = doc.char_span(start, start + len(name), label=label)
    assert entity is not None
    doc.ents = [entity]
    found = extract_times(doc)
    assert [t.text for t in found] == wanted
    assert all(t.start >= start + len(name) for t in found)


@pytest.mark.parametrize(
    ("rule", "year", "day"),
    [
        ("easter", 2000, "2000-04-23"),
        ("easter", 2024, "2024-03-31"),
        ("easter", 2025, "2025-04-20"),
        ("easter-2", 2026, "2026-04-03"),
        ("easter+49", 2025, "2025-06-08"),
        ("11:4:4", 2025, "2025-11-27"),  # Thanksgiving
        ("05:1:-1", 2025, "2025-05-26"),  # Memorial Day
        ("11:1:1+1", 2024, "2024-11-05"),  # Election Day
        ("12-25", 2025, "2025-12-25"),
    ],
)
def test_holiday_rules(rule: str, year: int, day: str) -> None:
    assert holiday_date(rule, year) == dt.date.fromisoformat(day)


@pytest.mark.parametrize(
    ("lang", "words", "value"),
    [
        ("fr", "vingt-cinq", 25),
        ("fr", "quatre-vingt-dix", 90),
        ("fr", "une", 1),
        ("es", "doce", 12),
        ("en", "a", 1),
        ("en", "thirty", 30),
        ("en", "30,4", 30.4),
    ],
)
def test_number_words(lang: str, words: str, value: float) -> None:
    assert parse_number(time_grammar(lang), words) == value


def test_languages_share_one_data_layout() -> None:
    languages = available_languages("times")
    assert {"fr", "es", "en"} <= set(languages)
    layouts = {
        lang: (set(load_data(lang, "times")), set(load_data(lang, "times")["values"]))
        for lang in languages
    }
    assert all(layout == layouts["fr"] for layout in layouts.values())
    for lang in languages:
        assert time_grammar(lang).patterns


def test_a_language_without_data_is_refused() -> None:
    with pytest.raises(MissingLanguageData):
        extract_times(spacy.blank("xx")("hier"))


@pytest.mark.model
def test_example_article_end_to_end() -> None:
    from newsevents.analyze.models import load_model
    from tests.conftest import EXAMPLE

    body = EXAMPLE.read_text(encoding="utf-8").split("\n\n", 1)[1]
    doc = analysed(load_model("fr")(body))
    found = extract_times(doc)
    assert [(t.text, t.value) for t in found] == [
        ("le 28 novembre", "2025-11-28"),
        ("14 décembre", "2025-12-14"),
        ("103 jours", "P103D"),
        ("le 28 novembre", "2025-11-28"),
        ("avril 2023", "2023-04"),
        ("deux mois", "P2M"),
    ]
    assert next(t for t in found if t.text == "103 jours").ends_on == "2026-03-11"
