"""The amount grammar of a language: the words of ``lang/<xx>/amounts.toml`` and ``calendar.toml``.

The regexes are compiled from the words once per language, on first use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsevents.lang import load_data
from newsevents.records import Bound

# Between two words: spaces, or nothing after an elided word ("plus d'un", "d'euros").
SEP = r"(?:\s+|(?<=['’]))"
NOUN_SETS = ("counted_stop_words", "modifier_deps", "complement_deps")


@dataclass(frozen=True, slots=True)
class AmountGrammar:
    """One language's amount words and the regexes compiled from them."""

    pattern: re.Pattern[str]
    atom: re.Pattern[str]
    unit_after: re.Pattern[str]
    not_after: re.Pattern[str]
    date_after: re.Pattern[str]
    month_before: re.Pattern[str]
    year_before: re.Pattern[str]
    time_after: re.Pattern[str]
    time_before: re.Pattern[str]
    identifier_before: re.Pattern[str]
    digits: dict[int, str | None]
    """``str.translate`` table from written digits to Python's ("330.000" → "330000")."""
    numbers: dict[str, float]
    multipliers: dict[str, float]
    sets: dict[str, frozenset[str]]
    """Word lists by their data key: ``[words]`` ("articles"…) and ``NOUN_SETS``."""
    qualifiers: dict[str, Bound]
    quantities: dict[str, tuple[float, float]]
    """Vague words and their ranges ("plusieurs": 3–9)."""
    sizes: dict[str, float]
    """Group nouns and multipliers, and what they multiply by ("centaines": 100)."""
    groups: dict[str, tuple[float, float] | None]
    """Group nouns and their plural ranges; None for a singular ("dizaine")."""
    units: dict[str, str]
    irregular: dict[str, str]
    """Plurals and their singulars, invariable words mapping to themselves."""
    suffixes: tuple[tuple[str, str], ...]


def normalize(text: str) -> str:
    """Lower case, single spaces and straight apostrophes: the form of the data's words."""
    return " ".join(text.lower().replace("’", "'").split())


def word_set(items: Iterable[str]) -> frozenset[str]:
    return frozenset(normalize(item) for item in items)


def alternation(phrases: Iterable[str]) -> str:
    """A regex group matching any of the phrases, longest first, with any spacing inside."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(word).replace("'", "['’]") for word in phrase.split()]
        parts.append(r"\s+".join(words))
    return f"(?:{'|'.join(parts)})" if parts else "(?!)"


@functools.cache
def amount_grammar(lang: str) -> AmountGrammar:
    """The amount grammar of ``lang``, built once from its data files."""
    data = load_data(lang, "amounts")
    calendar = load_data(lang, "calendar")
    digits, words, vague = data["digits"], data["words"], data["vague"]
    nouns, context = data["nouns"], data["context"]

    numbers = {normalize(k): float(v) for k, v in data["numbers"].items()}
    multipliers = {normalize(k): float(v) for k, v in data["multipliers"].items()}
    articles = word_set(words["articles"])
    sizes = dict(multipliers)
    groups: dict[str, tuple[float, float] | None] = {}
    for entry in vague["collectives"]:
        for form in entry.get("singular", []):
            groups[normalize(form)] = None
            sizes[normalize(form)] = float(entry["value"])
        for form in entry.get("plural", []):
            low, high = entry["range"]
            groups[normalize(form)] = (float(low), float(high))
            sizes[normalize(form)] = float(entry["value"])
    quantities = {
        normalize(k): (float(lo), float(hi)) for k, (lo, hi) in vague["quantities"].items()
    }
    qualifiers: dict[str, Bound] = {
        normalize(phrase): bound
        for bound, phrases in data["qualifiers"].items()
        for phrase in phrases
    }
    units = {normalize(f): unit for unit, forms in data["units"]["names"].items() for f in forms}

    separators = "".join(re.escape(s) for s in digits["thousands_separators"])
    decimal = re.escape(digits["decimal_separator"])
    digit_number = rf"(?:\d{{1,3}}(?:[{separators}]\d{{3}})+(?!\d)|\d+)(?:{decimal}\d+)?"
    word = alternation([*numbers, *multipliers, *articles]) + r"(?!\w)"
    joiner = alternation(words["joiners"])
    number = rf"(?:{digit_number}(?!\w)|{word})(?:(?:\s+|-)(?:{joiner}(?:\s+|-))?{word})*"
    linker = alternation(words["linkers"])
    plural_groups = [form for form, span in groups.items() if span]
    vague_quantity = (
        rf"(?:(?P<det>{alternation([*vague['determiners'], *articles])}){SEP})?"
        rf"(?:(?P<quantity>{alternation(quantities)})(?:\s+(?P<size>{alternation(sizes)}))?"
        rf"|(?P<group>{alternation(groups)}))(?!\w)"
        rf"(?:\s+{linker}{SEP}(?P<scale>{alternation([*plural_groups, *multipliers])})(?!\w))?"
    )
    pattern = (
        r"(?<!\w)(?<!\w[-.,:/])"
        rf"(?:(?P<qualifier>{alternation(qualifiers)}){SEP})?"
        rf"(?:(?P<vague>{vague_quantity})"
        rf"|(?:(?P<prefix>{alternation(data['units']['prefixes'])})\s?)?(?P<number>{number}))"
    )
    months = [(m["name"], *m["variants"], *m["abbreviations"]) for m in calendar["months"]]
    month = rf"{alternation(form for forms in months for form in forms)}\.?"
    connector = alternation(context["date_connectors"])
    time_word = alternation(context["time_after"])

    def compiled(regex: str) -> re.Pattern[str]:
        return re.compile(regex, re.IGNORECASE)

    return AmountGrammar(
        pattern=compiled(pattern),
        atom=compiled(rf"(?P<digits>{digit_number})|{word}|{joiner}(?!\w)"),
        unit_after=compiled(rf"(?:\s*|\s+{linker}{SEP})(?P<unit>{alternation(units)})(?!\w)"),
        not_after=compiled(rf"[.,:/\-]\d|-\w|{alternation(digits['ordinal_suffixes'])}"),
        date_after=compiled(rf"\s*(?:{connector}\s+)?{month}(?!\w)"),
        month_before=compiled(rf"(?<!\w){month}(?:\s+\d{{1,2}}\w*,?)?\s+(?:{connector}\s+)?$"),
        year_before=compiled(rf"(?<!\w){alternation(context['year_words'])}\s+$"),
        time_after=compiled(rf"\s*{time_word}(?!\w)"),
        time_before=compiled(  # "a las 10", and the minutes of "14 h 30"
            rf"(?:(?<!\w){alternation(context['time_before'])}|\d\s*{time_word})\s+$"
        ),
        identifier_before=compiled(rf"(?<![\w#]){alternation(context['identifier_words'])}\.?\s*$"),
        digits=str.maketrans(
            {**dict.fromkeys(digits["thousands_separators"]), digits["decimal_separator"]: "."}
        ),
        numbers=numbers,
        multipliers=multipliers,
        sets={
            **{key: word_set(items) for key, items in words.items()},
            **{key: word_set(nouns[key]) for key in NOUN_SETS},
        },
        qualifiers=qualifiers,
        quantities=quantities,
        sizes=sizes,
        groups=groups,
        units=units,
        irregular={
            **{word: word for word in word_set(nouns["invariable"])},
            **{normalize(k): v for k, v in nouns["irregular"].items()},
        },
        suffixes=tuple((suffix, repl) for suffix, repl in nouns["suffixes"]),
    )
