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
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsevents.extract.amount_grammar import (
    AmountGrammar,
    amount_grammar,
    normalize,
)
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

# Digit groups that read as a phone number, a code or a dotted date ("01 23 45 67 89").
_DIGIT_RUN = re.compile(r"(?<![\w+])[+(]?\d{1,4}\)?(?:[ .\-\u00a0]\d{1,4}){2,}(?!\w)")
_SENTENCE_END = frozenset('.!?…:;«»"“”()')


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


def extract_amounts(doc: Doc) -> list[Amount]:
    """The amounts of ``doc`` in text order, with ids "a1", "a2", …"""
    grammar = amount_grammar(doc.lang_)
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
    page: _Page, grammar: AmountGrammar, match: re.Match[str], number: int
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
        unit = grammar.units[normalize(match["prefix"])]
        unit_span = Span(match["prefix"], match.start("prefix"), match.end("prefix"))
    elif symbol := grammar.unit_after.match(text, end):
        unit = grammar.units[normalize(symbol["unit"])]
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
        grammar.qualifiers[normalize(qualifier_text)]
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


def _is_year(
    grammar: AmountGrammar, match: re.Match[str], noun: Token | None, unit: str | None
) -> bool:
    """Whether a number from 1000 to 2100 that has a unit still reads as a year."""
    if noun is None:
        return False  # money or a percentage: "2000 euros"
    if normalize(noun.text) == unit and unit not in grammar.irregular:
        return True  # "the 2020 election": a count above one takes a plural ("people" does)
    start = match.start()
    return (  # "In 2023 Chile…" read without a parse
        not noun.is_lower
        and not match["qualifier"]
        and grammar.year_before.search(match.string, max(0, start - _CONTEXT), start) is not None
    )


def _read_vague(
    grammar: AmountGrammar, match: re.Match[str]
) -> tuple[float | None, float | None, float | None]:
    """Value, low and high of a vague quantity ("des dizaines", "plusieurs centaines")."""
    value: float | None = None
    low: float | None = None
    high: float | None = None
    if match["quantity"]:
        size = grammar.sizes[normalize(match["size"])] if match["size"] else 1.0
        low, high = (bound * size for bound in grammar.quantities[normalize(match["quantity"])])
    elif (span := grammar.groups[normalize(match["group"])]) is None:
        value = grammar.sizes[normalize(match["group"])]  # "une dizaine": about ten
    else:
        low, high = span
    if match["scale"]:
        factor = grammar.sizes[normalize(match["scale"])]
        value, low, high = (None if x is None else x * factor for x in (value, low, high))
    return value, low, high


def _read_number(
    grammar: AmountGrammar, match: re.Match[str]
) -> tuple[float, int, bool, bool] | None:
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
        word = normalize(atom.group())
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
    if not atoms or (len(atoms) == 1 and normalize(atoms[0]) in grammar.sets["articles"]):
        return None
    plain = len(atoms) == 1 and atoms[0].isdigit()
    weak = len(atoms) == 1 and normalize(atoms[0]) in grammar.sets["weak"]
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
    page: _Page, grammar: AmountGrammar, match: re.Match[str], end: int, value: float, plain: bool
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
    page: _Page, grammar: AmountGrammar, start: int, end: int
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
    doc: Doc, grammar: AmountGrammar, first: int, after: int
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


def _next_noun(page: _Page, grammar: AmountGrammar, i: int) -> tuple[Token, bool] | None:
    """The word after an amount, past one linker, when it can be the noun counted."""
    doc = page.doc
    while i < len(doc) and doc[i].is_space:
        i += 1
    linked = i < len(doc) and normalize(doc[i].text) in grammar.sets["linkers"]
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


def _lemma(page: _Page, grammar: AmountGrammar, token: Token) -> str:
    """The lower-case lemma of a noun: the document's own, else a singular from the data."""
    if page.lemmatized and token.lemma_:
        return token.lemma_.lower()
    word = normalize(token.text)
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
