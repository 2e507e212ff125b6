"""The time grammar of a language: the words and patterns of ``lang/<xx>/times.toml``.

Month and weekday names come from ``calendar.toml`` and number words from ``amounts.toml``. Each
pattern of the data is a regex in which a space stands for any run of spaces and ``{name}`` for a
named group: a word class of the data (``{month}``, ``{unit}``, ``{last}``…) or one of the
built-in pieces below (``{day}``, ``{year}``, ``{number}``…). The regexes are compiled once per
language, on first use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from newsevents.lang import load_data

_WORD_END = r"(?![^\W\d_])"
"""After a word: no letter follows ("mai" is not the start of "mais"; "18h30" is a time)."""
_BUILT_IN: Mapping[str, str] = {
    "year": r"(?<![\d.,])(?P<year>(?:1[5-9]|20)\d\d)(?![\d]|[.,]\d)",
    "year2": r"(?P<year2>'\d\d|\d\d(?=\s*[^\w\s]|\s*$))",
    "nyear": r"(?P<nyear>\d{4}|\d\d)(?!\d)",
    "nmonth": r"(?<!\d)(?P<nmonth>\d{1,2})(?!\d)",
    "nday": r"(?<!\d)(?P<nday>\d{1,2})(?!\d)",
    "hour": r"(?<![\d.,:])(?P<hour>[01]?\d|2[0-4])",
    "minute": r"(?P<minute>[0-5]\d)(?!\d)",
    "decade_year": r"(?P<decade_year>'?(?:1[5-9]|20)?\d0)(?!\d)",
}
_SPACE = r"[^\S\n]+"
"""Spaces inside an expression: never a line break (a title line and a dateline stay apart)."""
_CORE_CLASSES = (
    "month", "month_abbr", "weekday", "deictic", "unit", "ref", "season", "set", "period",
    "clock_word", "part", "weekend", "decade", "quarter", "half_noun", "spoken_year_start",
    "holiday", "decade_word",
)  # fmt: skip
_TIME_UNITS = frozenset({"H", "TM", "S"})


@dataclass(frozen=True, slots=True)
class TimePattern:
    """One compiled pattern and the kind of expression it finds."""

    kind: str
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class TimeGrammar:
    """One language's time words and the patterns compiled from them."""

    lang: str
    patterns: tuple[TimePattern, ...]
    anchor: re.Pattern[str]
    """The words every expression holds one of (a month, a unit, a digit…): patterns are only
    tried around them, which keeps the extractor fast on long texts."""
    values: dict[str, dict[str, Any]]
    """Word class -> normalized word -> its value (month number, unit code, day offset…)."""
    words: dict[str, frozenset[str]]
    """Word lists of the data by their key (normalized)."""
    numbers: dict[str, float]
    multipliers: dict[str, float]
    joiners: frozenset[str]
    month_case: str
    numeric_order: str
    deadline_before: re.Pattern[str]
    deadline_after: re.Pattern[str]
    context_before: re.Pattern[str]
    speech_cue: re.Pattern[str]
    complementizer: re.Pattern[str]
    future_aux: frozenset[str]
    past_aux: frozenset[str]
    """Auxiliaries that make a compound past with a participle ("a déclaré", "has said")."""
    prospective: frozenset[str]
    """Verbs whose dated object lies ahead whatever their tense ("planned to leave Thursday")."""
    to_future: frozenset[str]
    """Verbs that with an infinitive tell what is to come ("is to resume")."""
    prospective_preps: frozenset[str]
    """Prepositions by which a verb of planning dates its aim ("until", "pour", "hasta")."""
    until_preps: frozenset[str]
    since_preps: frozenset[str]
    """Prepositions of a start: what follows them is past whatever the verb's tense ("depuis")."""
    """Prepositions of a limit: a past verb does not send what follows them back ("until")."""
    present_direction: int
    """How a verb in the present reads a weekday or a date: 1 as upcoming, 0 the nearest."""
    age_before: re.Pattern[str]
    age_after: re.Pattern[str]
    of_after: re.Pattern[str]
    fraction_after: re.Pattern[str]
    honorific_before: re.Pattern[str]
    """A title just before a word ("Mr. ", "Mme "): the word is a name."""
    """What follows a unit that is also a share: "of" and a determiner ("of its food", "of the
    vote"), not of a time ("of the year", "of 1990") nor of a bare noun ("quarters of losses")."""
    """The language's "of" and a lower-case word: "10 ans de prison" is a length, not an age."""
    from_previous: frozenset[str]

    def value(self, cls: str, word: str) -> Any:
        """The value of a word of a class (``None`` when the word is not in it)."""
        return self.values.get(cls, {}).get(normalize(word))


def normalize(text: str) -> str:
    """Lower case, single spaces and straight apostrophes: the form of the data's words."""
    return " ".join(text.lower().replace("’", "'").split())


def alternation(phrases: Iterable[str]) -> str:
    """A regex matching any of the phrases as whole words, any spacing inside.

    The phrases are merged into a trie ("mar" and "mars" share their start), so that the regex
    engine reads each character once instead of trying every phrase in turn; longer phrases are
    preferred.
    """
    trie: dict[str, Any] = {}
    for phrase in {normalize(p) for p in phrases}:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    if not trie:
        return "(?!)"
    return f"(?<!\\w){_trie_regex(trie, '')}"


def _trie_regex(node: dict[str, Any], last: str) -> str:
    """The regex of one trie node; ``last`` is the character that led to it."""
    branches = []
    for char, child in sorted(node.items()):
        if char:
            piece = _SPACE if char == " " else "['’]" if char == "'" else re.escape(char)
            branches.append(piece + _trie_regex(child, char))
    if "" in node:  # a phrase ends here: a word must not go on ("mai" is not "mais")
        branches.append(_WORD_END if last.isalnum() else "")
    if len(branches) == 1:
        return branches[0]
    return f"(?:{'|'.join(branches)})"


def _number_regex(words: Iterable[str], articles: Iterable[str], joiners: Iterable[str]) -> str:
    """Digits (with a decimal part), an article ("a week") or a run of number words."""
    word = alternation(words)
    joiner = alternation(joiners)
    spelled = rf"{alternation(articles)}|{word}(?:(?:\s+|-)(?:{joiner}(?:\s+|-))?{word})*"
    return rf"(?P<number>(?<![\d.,])\d+(?:[.,]\d+)?(?![\d]|[.,]\d)|{spelled})"


def _compile(template: str, classes: Mapping[str, str]) -> re.Pattern[str]:
    """Expand a data pattern: spaces become ``\\s+``, ``{name}`` a named group."""

    seen: dict[str, int] = {}

    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in classes:
            raise KeyError(f"unknown word class {{{name}}} in time pattern {template!r}")
        seen[name] = seen.get(name, 0) + 1
        if seen[name] == 1:
            return classes[name]
        # A class used twice: its later groups are "name__2"… (see ``group``).
        return classes[name].replace(f"(?P<{name}>", f"(?P<{name}__{seen[name]}>")

    body = re.sub(r"(?<!\\) ", _SPACE.replace("\\", "\\\\"), template)
    body = re.sub(r"\{(\w+)\}", expand, body)
    # Every expression starts a word: other positions fail at once, before any alternation.
    return re.compile(rf"(?<!\w)(?=\w)(?:{body})", re.IGNORECASE)


@functools.cache
def time_grammar(lang: str) -> TimeGrammar:
    """The time grammar of ``lang``, built once from its data files."""
    data = load_data(lang, "times")
    calendar = load_data(lang, "calendar")
    amounts = load_data(lang, "amounts")

    values: dict[str, dict[str, Any]] = {
        cls: {normalize(k): v for k, v in table.items()} for cls, table in data["values"].items()
    }
    months: dict[str, int] = {}
    abbreviations: dict[str, int] = {}
    for number, entry in enumerate(calendar["months"], 1):
        for name in (entry["name"], *entry["variants"]):
            months[normalize(name)] = number
        for short in entry["abbreviations"]:
            abbreviations[normalize(short)] = number
    weekdays = {
        normalize(name): number
        for number, entry in enumerate(calendar["weekdays"], 1)
        for name in (entry["name"], *entry["variants"])
    }
    values.update(month=months, month_abbr=abbreviations, weekday=weekdays)
    words = {key: frozenset(normalize(w) for w in items) for key, items in data["words"].items()}

    numbers = {normalize(k): float(v) for k, v in amounts["numbers"].items()}
    articles = {normalize(a): 1.0 for a in amounts["words"]["articles"]}
    numbers.update(articles)
    numbers.update({normalize(k): float(v) for k, v in data.get("numbers", {}).items()})
    multipliers = {normalize(k): float(v) for k, v in amounts["multipliers"].items()}
    joiners = frozenset(normalize(j) for j in amounts["words"]["joiners"])

    suffixes = alternation(data["day_suffixes"]).removeprefix(r"(?<!\w)")
    classes = {name: f"(?P<{name}>{alternation(items)})" for name, items in words.items()}
    for cls, table in values.items():
        classes[cls] = f"(?P<{cls}>{alternation(table)})"
    classes["month_abbr"] = rf"(?P<month_abbr>{alternation(abbreviations)}\.?)"
    classes["day"] = rf"(?<![\d.,])(?P<day>3[01]|[12]\d|0?[1-9])(?:{suffixes})?(?![\d]|[.,]\d)"
    spelled = [word for word in numbers if word not in articles]
    classes["number"] = _number_regex([*spelled, *multipliers], articles, joiners)
    classes.update(_BUILT_IN)
    patterns = tuple(
        TimePattern(entry["kind"], _compile(entry["regex"], classes)) for entry in data["patterns"]
    )
    speech = data["speech"]
    cores = [
        word
        for cls in _CORE_CLASSES
        for word in (values.get(cls) or {word: None for word in words.get(cls, ())})
    ]
    # The tense table's word lists, normalized (``present_direction`` is its one number).
    tense = {
        key: frozenset(normalize(w) for w in words)
        for key, words in data["tense"].items()
        if isinstance(words, list)
    }
    return TimeGrammar(
        lang=lang,
        patterns=patterns,
        anchor=re.compile(rf"\d+|{alternation(cores)}", re.IGNORECASE),
        values=values,
        words=words,
        numbers=numbers,
        multipliers=multipliers,
        joiners=joiners,
        month_case=data["month_case"],
        numeric_order=data["numeric_order"],
        deadline_before=re.compile(rf"{alternation(data['words']['deadline'])}\s*$", re.I),
        deadline_after=re.compile(rf"\s*{alternation(data['words']['deadline_after'])}", re.I),
        context_before=re.compile(rf"{alternation(data['context_before'])}[\s-]*$", re.I),
        speech_cue=re.compile(alternation(speech["cues"]), re.I),
        complementizer=re.compile(alternation(speech["complementizers"]), re.I),
        future_aux=tense["future_aux"],
        past_aux=tense["past_aux"],
        prospective=tense["prospective"],
        prospective_preps=tense["prospective_preps"],
        to_future=tense["to_future"],
        until_preps=tense["until_preps"],
        since_preps=tense["since_preps"],
        present_direction=int(data["tense"]["present_direction"]),
        age_before=re.compile(rf"(?:{alternation(data['words']['age_before'])}|[,(-])\s*$", re.I),
        age_after=re.compile(rf"[\s-]*{alternation(data['words']['age_after'])}", re.I),
        of_after=re.compile(rf"\s*{alternation(data['words']['of'])}\s*(?-i:[^\W\d_A-ZÀ-Þ])", re.I),
        honorific_before=re.compile(
            rf"(?<![\w.]){alternation(data['words']['honorifics'])}[^\S\n]+$", re.I
        ),
        fraction_after=re.compile(
            rf"[\s,]*{alternation(data['words']['of'])}\s*"
            rf"{alternation(data['words']['fraction_determiners'])}(?!\s+{alternation(data['values']['unit'])})",
            re.I,
        ),
        from_previous=frozenset(normalize(w) for w in data["anchoring"]["from_previous"]),
    )


def parse_number(grammar: TimeGrammar, text: str) -> float | None:
    """The value of digits or number words ("103", "30,4", "vingt-cinq", "a"); None if unknown."""
    cleaned = text.strip()
    if cleaned[:1].isdigit():
        try:
            return float(cleaned.replace(",", "."))
        except ValueError:
            return None
    phrase = normalize(cleaned)
    if " " in phrase and phrase in grammar.numbers:  # "a couple of", "un par de"
        return grammar.numbers[phrase]
    total = current = 0.0
    for word in re.split(r"[\s-]+", phrase):
        if word in grammar.joiners or not word:
            continue
        if word in grammar.multipliers:
            factor = grammar.multipliers[word]
            current = (current or 1.0) * factor
            if factor >= 1000:
                total, current = total + current, 0.0
        elif word in grammar.numbers:
            amount = grammar.numbers[word]
            # "quatre-vingt" multiplies, "vingt-quatre" and "soixante-dix" add.
            current = (
                current * amount if 0 < current < 10 and amount > current else current + amount
            )
        else:
            return None
    return total + current


def group(match: re.Match[str], name: str) -> str | None:
    """The text of a class's group in a match, wherever the pattern used the class."""
    found = match.groupdict()
    for key in (name, f"{name}__2", f"{name}__3"):
        if found.get(key):
            return found[key]
    return None


def is_time_unit(unit: str) -> bool:
    """Whether a unit code counts hours, minutes or seconds (``PT…`` durations)."""
    return unit in _TIME_UNITS


__all__ = [
    "TimeGrammar",
    "TimePattern",
    "group",
    "is_time_unit",
    "normalize",
    "parse_number",
    "time_grammar",
]
