"""Amounts: numbers, vague quantities and bounds, each with the noun it counts.

The words come from ``lang/<xx>/amounts.toml`` and the month names from ``calendar.toml``; the
code never branches on the language. Conventions, the same in every language:

- An exact number sets ``value`` only ("103 jours": value 103, bound "exact").
- A bound keeps the stated number in ``value`` and also sets ``low`` ("plus de 330.000":
  at_least) or ``high`` ("moins de 50": at_most). "About" words ("environ 300") keep ``value``
  and set ``approximate``.
- A vague quantity is an approximate range without ``value``: "des dizaines" is 20–99, "des
  centaines" 200–999, "quelques" 2–5, "plusieurs" 3–9 (the ranges are data). A group noun after
  an article is about its size ("une dizaine": value 10). Its bound is "about" unless a
  qualifier sets another ("plus d'une dizaine": at_least, low 10).
- ``text`` spans the qualifier, a currency symbol written before the number, and the number,
  never the noun counted. ``qualifier`` is the bounding words, or the whole vague phrase.
- A bare indefinite article (un/une, un/una/uno, a/an) is not an amount: it counts as one only
  before a multiplier or a group noun ("un million", "a dozen"). Weak number words ("one")
  count only when their noun follows directly ("one migrant", not "one of them").
- ``unit`` is the lemma of the counted noun; "percent" for percentages; for money, the ISO 4217
  code when the symbol or word names one currency ("€": EUR, "dólares": USD), else the symbol.
  The noun is found through the dependency parse when the doc has one, else it is the next word
  (past one linker such as "de" or "of") unless that is a stop word; without lemmas in the doc,
  the data's plural rules give its singular.
- Not amounts: days and years of dates ("28 novembre", "avril 2023"), times of day, ordinals,
  phone numbers and dotted dates, numbers inside words or right after a name ("COVID-19",
  "France 24"), numbers after an identifier word ("n° 5"), and year-like numbers (1000–2100)
  that count no noun ("en 2023").
- Integral values are ``int``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsevents.lang import load_data
from newsevents.records import Amount, Bound, Span

_NOUN_POS = frozenset({"NOUN", "PROPN"})
_YEARS = (1000, 2100)
_DAYS = (1, 31)
_HOURS = (0, 24)
_MINUTES = (0, 59)
_UNIT_REACH = 6
"""How many tokens past an amount its noun may lie in a parse ("330.000 migrants")."""
_CONTEXT = 48
"""How many characters before a number are read to recognise a date, a time or an identifier."""

# Between two words: spaces, or nothing after an elided word ("plus d'un", "d'euros").
_SEP = r"(?:\s+|(?<=['’]))"
# Digit groups that read as a phone number, a code or a dotted date ("01 23 45 67 89").
_DIGIT_RUN = re.compile(r"(?<![\w+])[+(]?\d{1,4}\)?(?:[ .\-\u00a0]\d{1,4}){2,}(?!\w)")
_NOUN_SETS = ("counted_stop_words", "modifier_deps", "complement_deps")
_SENTENCE_END = frozenset('.!?…:;«»"“”()')


@dataclass(frozen=True, slots=True)
class _Grammar:
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
    """Word lists by their data key: ``[words]`` ("articles"…) and ``_NOUN_SETS``."""
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


@dataclass(frozen=True, slots=True)
class _Page:
    """A document read once: ``Doc.text`` and ``Doc.has_annotation`` walk every token."""

    doc: Doc
    text: str
    starts: list[int]
    codes: list[tuple[int, int]]
    """Spans of digit runs that are phone numbers, codes or dotted dates."""
    parsed: bool
    tagged: bool
    lemmatized: bool

    @classmethod
    def read(cls, doc: Doc) -> _Page:
        text = doc.text
        return cls(
            doc=doc,
            text=text,
            starts=[token.idx for token in doc],
            codes=[m.span() for m in _DIGIT_RUN.finditer(text) if _is_code(m.group())],
            parsed=doc.has_annotation("DEP"),
            tagged=doc.has_annotation("POS"),
            lemmatized=doc.has_annotation("LEMMA"),
        )


def _norm(text: str) -> str:
    """Lower case, single spaces and straight apostrophes: the form of the data's words."""
    return " ".join(text.lower().replace("’", "'").split())


def _words(items: Iterable[str]) -> frozenset[str]:
    return frozenset(_norm(item) for item in items)


def _alternation(phrases: Iterable[str]) -> str:
    """A regex group matching any of the phrases, longest first, with any spacing inside."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(word).replace("'", "['’]") for word in phrase.split()]
        parts.append(r"\s+".join(words))
    return f"(?:{'|'.join(parts)})" if parts else "(?!)"


@functools.cache
def _grammar(lang: str) -> _Grammar:
    """The amount grammar of ``lang``, built once from its data files."""
    data = load_data(lang, "amounts")
    calendar = load_data(lang, "calendar")
    digits, words, vague = data["digits"], data["words"], data["vague"]
    nouns, context = data["nouns"], data["context"]

    numbers = {_norm(k): float(v) for k, v in data["numbers"].items()}
    multipliers = {_norm(k): float(v) for k, v in data["multipliers"].items()}
    articles = _words(words["articles"])
    sizes = dict(multipliers)
    groups: dict[str, tuple[float, float] | None] = {}
    for entry in vague["collectives"]:
        for form in entry.get("singular", []):
            groups[_norm(form)] = None
            sizes[_norm(form)] = float(entry["value"])
        for form in entry.get("plural", []):
            low, high = entry["range"]
            groups[_norm(form)] = (float(low), float(high))
            sizes[_norm(form)] = float(entry["value"])
    quantities = {_norm(k): (float(lo), float(hi)) for k, (lo, hi) in vague["quantities"].items()}
    qualifiers: dict[str, Bound] = {
        _norm(phrase): bound for bound, phrases in data["qualifiers"].items() for phrase in phrases
    }
    units = {_norm(f): unit for unit, forms in data["units"]["names"].items() for f in forms}

    separators = "".join(re.escape(s) for s in digits["thousands_separators"])
    decimal = re.escape(digits["decimal_separator"])
    digit_number = rf"(?:\d{{1,3}}(?:[{separators}]\d{{3}})+(?!\d)|\d+)(?:{decimal}\d+)?"
    word = _alternation([*numbers, *multipliers, *articles]) + r"(?!\w)"
    joiner = _alternation(words["joiners"])
    number = rf"(?:{digit_number}(?!\w)|{word})(?:(?:\s+|-)(?:{joiner}(?:\s+|-))?{word})*"
    linker = _alternation(words["linkers"])
    plural_groups = [form for form, span in groups.items() if span]
    vague_quantity = (
        rf"(?:(?P<det>{_alternation([*vague['determiners'], *articles])}){_SEP})?"
        rf"(?:(?P<quantity>{_alternation(quantities)})(?:\s+(?P<size>{_alternation(sizes)}))?"
        rf"|(?P<group>{_alternation(groups)}))(?!\w)"
        rf"(?:\s+{linker}{_SEP}(?P<scale>{_alternation([*plural_groups, *multipliers])})(?!\w))?"
    )
    pattern = (
        r"(?<!\w)(?<!\w[-.,:/])"
        rf"(?:(?P<qualifier>{_alternation(qualifiers)}){_SEP})?"
        rf"(?:(?P<vague>{vague_quantity})"
        rf"|(?:(?P<prefix>{_alternation(data['units']['prefixes'])})\s?)?(?P<number>{number}))"
    )
    months = [(m["name"], *m["variants"], *m["abbreviations"]) for m in calendar["months"]]
    month = rf"{_alternation(form for forms in months for form in forms)}\.?"
    connector = _alternation(context["date_connectors"])
    time_word = _alternation(context["time_after"])

    def compiled(regex: str) -> re.Pattern[str]:
        return re.compile(regex, re.IGNORECASE)

    return _Grammar(
        pattern=compiled(pattern),
        atom=compiled(rf"(?P<digits>{digit_number})|{word}|{joiner}(?!\w)"),
        unit_after=compiled(rf"(?:\s*|\s+{linker}{_SEP})(?P<unit>{_alternation(units)})(?!\w)"),
        not_after=compiled(rf"[.,:/\-]\d|-\w|{_alternation(digits['ordinal_suffixes'])}"),
        date_after=compiled(rf"\s*(?:{connector}\s+)?{month}(?!\w)"),
        month_before=compiled(rf"(?<!\w){month}(?:\s+\d{{1,2}}\w*,?)?\s+(?:{connector}\s+)?$"),
        year_before=compiled(rf"(?<!\w){_alternation(context['year_words'])}\s+$"),
        time_after=compiled(rf"\s*{time_word}(?!\w)"),
        time_before=compiled(  # "a las 10", and the minutes of "14 h 30"
            rf"(?:(?<!\w){_alternation(context['time_before'])}|\d\s*{time_word})\s+$"
        ),
        identifier_before=compiled(
            rf"(?<![\w#]){_alternation(context['identifier_words'])}\.?\s*$"
        ),
        digits=str.maketrans(
            {**dict.fromkeys(digits["thousands_separators"]), digits["decimal_separator"]: "."}
        ),
        numbers=numbers,
        multipliers=multipliers,
        sets={
            **{key: _words(items) for key, items in words.items()},
            **{key: _words(nouns[key]) for key in _NOUN_SETS},
        },
        qualifiers=qualifiers,
        quantities=quantities,
        sizes=sizes,
        groups=groups,
        units=units,
        irregular={
            **{word: word for word in _words(nouns["invariable"])},
            **{_norm(k): v for k, v in nouns["irregular"].items()},
        },
        suffixes=tuple((suffix, repl) for suffix, repl in nouns["suffixes"]),
    )


def extract_amounts(doc: Doc) -> list[Amount]:
    """The amounts of ``doc`` in text order, with ids "a1", "a2", …"""
    grammar = _grammar(doc.lang_)
    page = _Page.read(doc)
    amounts: list[Amount] = []
    position = 0
    while match := grammar.pattern.search(page.text, position):
        amount, position = _read_amount(page, grammar, match, len(amounts) + 1)
        if amount is not None:
            amounts.append(amount)
    return amounts


def _is_code(run: str) -> bool:
    """Whether a run of digit groups is a code or a phone number rather than "1 330 000"."""
    groups = re.split(r"[ .\-\u00a0()]+", run.strip("+("))
    return (
        run[0] in "+(" or "-" in run or groups[0].startswith("0")
        or any(len(group) != 3 for group in groups[1:])
    )  # fmt: skip


def _read_amount(
    page: _Page, grammar: _Grammar, match: re.Match[str], number: int
) -> tuple[Amount | None, int]:
    """The amount a pattern match stands for (None if it is not one) and where to search next."""
    text = page.text
    start = match.start()
    low: float | None = None
    high: float | None = None
    plain = weak = False
    if match["vague"]:
        value, low, high = _read_vague(grammar, match)
        end = match.end("vague")
    else:
        reading = _read_number(grammar, match)
        if reading is None:
            return None, match.end()
        value, end, plain, weak = reading
        if _not_an_amount(page, grammar, match, end, value, plain):
            return None, end
    following = end

    unit, unit_span, direct, noun = None, None, False, None
    if match["prefix"]:
        unit = grammar.units[_norm(match["prefix"])]
        unit_span = Span(match["prefix"], match.start("prefix"), match.end("prefix"))
    elif symbol := grammar.unit_after.match(text, end):
        unit = grammar.units[_norm(symbol["unit"])]
        unit_span = Span(symbol["unit"], symbol.start("unit"), symbol.end("unit"))
        following = symbol.end()  # past "por ciento", whose "ciento" is also a number word
    elif found := _counted_noun(page, grammar, start, end):
        noun, direct = found
        unit = _lemma(page, grammar, noun)
        unit_span = Span(noun.text, noun.idx, noun.idx + len(noun))
    if weak and not direct:
        return None, following
    spelled = match["number"] is not None and not match["number"][0].isdigit()
    if spelled and unit_span is None and not match["qualifier"]:
        return None, following  # "tous les deux", "un bâtiment neuf": words that count nothing
    if (
        plain
        and _within(value, _YEARS)
        and (
            unit_span is None or _is_year(grammar, match, noun, unit)  # "en 2023,": counts nothing
        )
    ):
        return None, following

    qualifier_text = match["qualifier"]
    bound: Bound = (
        grammar.qualifiers[_norm(qualifier_text)]
        if qualifier_text
        else ("about" if match["vague"] else "exact")
    )
    if bound == "at_least":  # a bound keeps one end: the number stated, or the range's
        low, high = (low if value is None else value), None
    elif bound == "at_most":
        low, high = None, (high if value is None else value)
    qualifier_end = end if match["vague"] else match.end("qualifier")
    shown = match["vague"] or qualifier_text
    qualifier = Span(text[start:qualifier_end], start, qualifier_end) if shown else None
    amount = Amount(
        id=f"a{number}",
        text=text[start:end],
        start=start,
        end=end,
        value=_tidy(value),
        low=_tidy(low),
        high=_tidy(high),
        approximate=bool(match["vague"]) or bound == "about",
        bound=bound,
        qualifier=qualifier,
        unit=unit,
        unit_span=unit_span,
    )
    return amount, following


def _is_year(grammar: _Grammar, match: re.Match[str], noun: Token | None, unit: str | None) -> bool:
    """Whether a number from 1000 to 2100 that has a unit still reads as a year."""
    if noun is None:
        return False  # money or a percentage: "2000 euros"
    if _norm(noun.text) == unit and unit not in grammar.irregular:
        return True  # "the 2020 election": a count above one takes a plural ("people" does)
    start = match.start()
    return (  # "In 2023 Chile…" read without a parse
        not noun.is_lower
        and not match["qualifier"]
        and grammar.year_before.search(match.string, max(0, start - _CONTEXT), start) is not None
    )


def _read_vague(
    grammar: _Grammar, match: re.Match[str]
) -> tuple[float | None, float | None, float | None]:
    """Value, low and high of a vague quantity ("des dizaines", "plusieurs centaines")."""
    value: float | None = None
    low: float | None = None
    high: float | None = None
    if match["quantity"]:
        size = grammar.sizes[_norm(match["size"])] if match["size"] else 1.0
        low, high = (bound * size for bound in grammar.quantities[_norm(match["quantity"])])
    elif (span := grammar.groups[_norm(match["group"])]) is None:
        value = grammar.sizes[_norm(match["group"])]  # "une dizaine": about ten
    else:
        low, high = span
    if match["scale"]:
        factor = grammar.sizes[_norm(match["scale"])]
        value, low, high = (None if x is None else x * factor for x in (value, low, high))
    return value, low, high


def _read_number(grammar: _Grammar, match: re.Match[str]) -> tuple[float, int, bool, bool] | None:
    """Value and end of a written number, whether it is bare digits, and whether it is weak.

    The number ends before the first word that cannot continue it, so "deux et trois" reads
    "deux"; a bare article or a multiplier that needs a number before it reads as nothing.
    """
    offset = match.start("number")
    total = current = 0.0
    previous: tuple[str, float] | None = None
    end = offset
    atoms: list[str] = []
    for atom in grammar.atom.finditer(match["number"]):
        word = _norm(atom.group())
        if word in grammar.sets["joiners"]:
            continue  # whether it may join is decided by the word after it
        if atom["digits"]:
            if previous is not None:
                break
            current = float(atom.group().translate(grammar.digits))
            kind, amount = "digits", current
        elif word in grammar.multipliers:
            amount = grammar.multipliers[word]
            if previous is None:
                if word not in grammar.sets["standalone"]:
                    return None
                current = 1.0
            if amount < 1000:
                current = (current or 1.0) * amount
            elif total < amount:
                total, current = (total + current) * amount, 0.0
            else:
                total, current = total + current * amount, 0.0
            kind = "multiplier"
        else:
            amount = 1.0 if word in grammar.sets["articles"] else grammar.numbers[word]
            if previous is not None and not _may_add(previous, amount):
                break
            current += amount
            kind = "word"
        previous = (kind, amount)
        atoms.append(atom.group())
        end = offset + atom.end()
    if not atoms or (len(atoms) == 1 and _norm(atoms[0]) in grammar.sets["articles"]):
        return None
    plain = len(atoms) == 1 and atoms[0].isdigit()
    weak = len(atoms) == 1 and _norm(atoms[0]) in grammar.sets["weak"]
    return total + current, end, plain, weak


def _may_add(previous: tuple[str, float], amount: float) -> bool:
    """Whether a number word may follow the previous one and be added to it."""
    kind, before = previous
    if kind == "multiplier":
        return amount < before  # "cent deux", "mil quinientos", "hundred and five"
    if kind == "digits" or before < 10 or before % 10:
        return False  # "3 deux", "deux trois"
    place = 10 ** (len(str(int(before))) - 1)
    # Up to two places below: "soixante-dix" (60 + 10), "doscientos treinta" (200 + 30).
    return amount < before and amount < 2 * place


def _not_an_amount(
    page: _Page, grammar: _Grammar, match: re.Match[str], end: int, value: float, plain: bool
) -> bool:
    """Whether a number is part of a date, a time, an ordinal, a code or a name."""
    text = page.text
    begin = match.start("number")
    before = max(0, begin - _CONTEXT)
    code = bisect.bisect_right(page.codes, (begin, len(text))) - 1
    if code >= 0 and page.codes[code][0] <= begin < page.codes[code][1]:
        return True
    if grammar.not_after.match(text, end):
        return True  # "10:30", "2-3", "5.º", "deux-roues"
    if grammar.identifier_before.search(text, before, begin):
        return True
    if _within(value, _HOURS) and grammar.time_after.match(text, end):
        return True  # "14 h", "10 am"
    if _within(value, _MINUTES) and grammar.time_before.search(text, before, begin):
        return True  # "a las 10", "14 h 30"
    if plain and (_within(value, _DAYS) or _within(value, _YEARS)):
        if grammar.month_before.search(text, before, begin):
            return True  # "November 28", "avril 2023", "mayo de 2024"
        if _within(value, _DAYS) and grammar.date_after.match(text, end):
            return True  # "28 novembre", "5 de mayo"
    starts_bare = match.start() == begin and match["number"][0].isdigit()
    return starts_bare and _after_name(page, begin)


def _after_name(page: _Page, begin: int) -> bool:
    """Whether a number follows a capitalised word inside a sentence ("France 24", "Canal 13")."""
    doc = page.doc
    i = bisect.bisect_left(page.starts, begin) - 1
    if i < 0:
        return False
    token = doc[i]
    if not (token.is_alpha and token.is_title and not token.is_stop):
        return False
    return i > 0 and not doc[i - 1].is_space and doc[i - 1].text not in _SENTENCE_END


def _counted_noun(
    page: _Page, grammar: _Grammar, start: int, end: int
) -> tuple[Token, bool] | None:
    """The noun an amount counts, and whether it follows the number directly (no linker)."""
    first = bisect.bisect_left(page.starts, start)
    after = bisect.bisect_left(page.starts, end)
    if page.parsed:
        found = _noun_in_parse(page.doc, grammar, first, after)
        if found is not None:
            return found
    return _next_noun(page, grammar, after)


def _noun_in_parse(
    doc: Doc, grammar: _Grammar, first: int, after: int
) -> tuple[Token, bool] | None:
    """The noun the amount's tokens modify ("103" → "jours") or complement ("dizaines de")."""
    modifiers, complements = grammar.sets["modifier_deps"], grammar.sets["complement_deps"]
    limit = min(len(doc), after + _UNIT_REACH)
    for i in reversed(range(first, after)):
        head = doc[i].head
        if doc[i].dep_ in modifiers and after <= head.i < limit and head.pos_ in _NOUN_POS:
            return head, True
    for i in reversed(range(first, after)):
        for child in doc[i].rights:
            if not after <= child.i < limit or child.dep_ not in complements:
                continue
            if child.pos_ in _NOUN_POS:
                return child, False
            for grandchild in child.rights:  # through a preposition: "dozens" → "of" → noun
                if grandchild.dep_ in complements and grandchild.pos_ in _NOUN_POS:
                    return grandchild, False
    return None


def _next_noun(page: _Page, grammar: _Grammar, i: int) -> tuple[Token, bool] | None:
    """The word after an amount, past one linker, when it can be the noun counted."""
    doc = page.doc
    while i < len(doc) and doc[i].is_space:
        i += 1
    linked = i < len(doc) and _norm(doc[i].text) in grammar.sets["linkers"]
    i += linked
    if i >= len(doc):
        return None
    token = doc[i]
    if page.tagged:
        is_noun = token.pos_ in _NOUN_POS
    else:
        # Without tags, a word that is not a function word; some stop lists hold nouns ("días").
        is_noun = token.is_alpha and (
            not token.is_stop or token.lower_ in grammar.sets["counted_stop_words"]
        )
    return (token, not linked) if is_noun else None


def _lemma(page: _Page, grammar: _Grammar, token: Token) -> str:
    """The lower-case lemma of a noun: the document's own, else a singular from the data."""
    if page.lemmatized and token.lemma_:
        return token.lemma_.lower()
    word = _norm(token.text)
    if word in grammar.irregular:
        return grammar.irregular[word]
    for suffix, replacement in grammar.suffixes:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: len(word) - len(suffix)] + replacement
    return word


def _within(number: float | None, bounds: tuple[int, int]) -> bool:
    """Whether a number is a whole number between the two bounds (inclusive)."""
    low, high = bounds
    return number is not None and float(number).is_integer() and low <= number <= high


def _tidy(number: float | None) -> float | None:
    """Integral values as ``int``, so that 330000 is not printed 330000.0."""
    if number is not None and float(number).is_integer():
        return int(number)
    return number


__all__ = ["extract_amounts"]
