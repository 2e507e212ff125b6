"""Nationality and group words as a token-level lexicon, built once per language from data."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc

from newsevents.lang import load_data

_PIECE = re.compile(r"[^\s-]+|-")


@dataclass(frozen=True, slots=True)
class Demonym:
    """What a nationality or group word points to."""

    name: str
    """The base form of the data file ("vénézuélien"), used as the entity's canonical name."""
    country_code: str | None
    """ISO 3166-1 alpha-2 code; None for groups without a country (religions, ethnic groups)."""

    @property
    def key(self) -> str:
        """The grouping key: every word of one country (or one group) is one entity."""
        return self.country_code or f"group:{self.name}"


@dataclass(frozen=True, slots=True)
class DemonymLexicon:
    """Lowercased surface forms of one language mapped to what they point to."""

    forms: Mapping[str, Demonym]
    first_pieces: frozenset[str]
    max_tokens: int
    require_capital: bool
    capitalized_only: frozenset[str]
    lowercase_only: frozenset[str]

    def lookup(self, text: str) -> Demonym | None:
        """The demonym written as ``text``, honouring the case constraints of the data."""
        norm = " ".join(text.split()).lower()
        found = self.forms.get(norm)
        if found is None or not text:
            return None
        initial = text[0]
        if (self.require_capital or norm in self.capitalized_only) and not initial.isupper():
            return None
        if norm in self.lowercase_only and not initial.islower():
            return None
        return found

    def match_at(self, doc: Doc, i: int, limit: int) -> tuple[int, Demonym] | None:
        """The longest demonym starting at token ``i`` and ending by token ``limit`` (exclusive)."""
        if doc[i].lower_ not in self.first_pieces:
            return None
        for end in range(min(limit, i + self.max_tokens), i, -1):
            found = self.lookup(doc[i:end].text)
            if found is not None:
                return end, found
        return None


def inflect(base: str, rules: Mapping[str, list[str]]) -> list[str]:
    """Every form of ``base``: the longest suffix rule that fits replaces it by each ending."""
    suffix = max((s for s in rules if base.endswith(s)), key=len, default=None)
    if suffix is None:
        return [base]
    stem = base[: len(base) - len(suffix)]
    return [stem + ending for ending in rules[suffix]]


@functools.cache
def demonym_lexicon(lang: str) -> DemonymLexicon:
    """The demonym lexicon of ``lang`` (read from ``lang/<lang>/demonyms.toml`` once)."""
    data = load_data(lang, "demonyms")
    rules: dict[str, list[str]] = data.get("inflection", {})
    match = data.get("match", {})
    never = {w.lower() for w in match.get("never", [])}
    forms: dict[str, Demonym] = {}

    def add(words: list[str], demonym: Demonym, *, derive: bool) -> None:
        for word in words:
            for form in inflect(word.lower(), rules) if derive else [word.lower()]:
                if form not in never:
                    # The first entry wins, so a file's order settles rare clashes.
                    forms.setdefault(form, demonym)

    countries: dict[str, list[str]] = data.get("countries", {})
    for code, bases in countries.items():
        add(bases, Demonym(bases[0], code), derive=True)
    for code, words in data.get("exact", {}).items():
        # A country's name is its first base form, wherever its other forms are listed.
        name = countries[code][0] if code in countries else words[0]
        add(words, Demonym(name, code), derive=False)
    for name, bases in data.get("groups", {}).items():
        add(bases, Demonym(name, None), derive=True)
    for name, words in data.get("groups_exact", {}).items():
        add(words, Demonym(name, None), derive=False)

    first_pieces: set[str] = set()
    max_tokens = 1
    for form in forms:
        pieces = _PIECE.findall(form)
        max_tokens = max(max_tokens, len(pieces))
        first_pieces.update({form.split(" ")[0], pieces[0]})
    return DemonymLexicon(
        forms=forms,
        first_pieces=frozenset(first_pieces),
        max_tokens=max_tokens,
        require_capital=bool(match.get("require_capital", False)),
        capitalized_only=frozenset(w.lower() for w in match.get("capitalized_only", [])),
        lowercase_only=frozenset(w.lower() for w in match.get("lowercase_only", [])),
    )
