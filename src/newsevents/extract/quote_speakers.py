"""Cue words and speakers of reported speech, read from token order with or without a parser.

The language's ``quotes.toml`` gives the speech verbs as lemmas (with the endings that inflect
them, for pipelines that give no lemmas), the attribution phrases ("selon", "según",
"according to"), and the closed word classes that bound a speaker's phrase: determiners,
prepositions, connectors ("de", "of"), auxiliaries, adverbs, subject pronouns. A speaker is the
noun phrase next to its cue: before it ("Luis Cordero a déclaré", "the president said") or
after it ("a déclaré un migrant vénézuélien", "said Mr. Clarke"), stepping over auxiliaries,
adverbs and prepositional phrases ("a expliqué à la presse le ministre").
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsevents.lang import load_data

# Universal POS tags that end a speaker's phrase.
_PHRASE_END_POS = frozenset({"VERB", "AUX", "SCONJ", "CCONJ", "PRON", "ADV"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
# Dependents that share the subject of their head ("poked at Trump, tweeting", "and says").
_SHARED_SUBJECT_DEPS = frozenset({"advcl", "conj", "xcomp", "pcomp", "prep"})
# How far a speaker may stand from its cue, in tokens.
MAX_GAP = 12
MAX_PHRASE = 14
# How long a parenthetical between a speaker and the cue may be ("(R-Utah)", "(D)").
MAX_ASIDE = 8


@dataclass(frozen=True, slots=True)
class Pronoun:
    """A subject pronoun of the language and what it says of its person."""

    gender: str | None
    number: str


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    """The reported-speech words of one language, read from ``lang/<xx>/quotes.toml``."""

    pairs: tuple[tuple[str, str], ...]
    dashes: tuple[str, ...]
    abbreviations: frozenset[str]
    cue_lemmas: frozenset[str]
    cue_forms: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    complementizers: frozenset[str]
    determiners: frozenset[str]
    connectors: frozenset[str]
    prepositions: frozenset[str]
    auxiliaries: frozenset[str]
    passive: frozenset[str]
    adverbs: frozenset[str]
    anonymous: frozenset[str]
    name_particles: frozenset[str]
    pronouns: dict[str, Pronoun]
    gender_words: dict[str, frozenset[str]]
    given_names: dict[str, frozenset[str]]
    medium_words: tuple[tuple[str, ...], ...]
    medium_names: tuple[tuple[str, ...], ...]
    medium_prepositions: frozenset[str]


def _words(values: Sequence[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


def _inflect(lemmas: Sequence[str], endings: dict[str, list[str]]) -> set[str]:
    forms: set[str] = set()
    for lemma in lemmas:
        for suffix, replacements in endings.items():
            if lemma.endswith(suffix):
                stem = lemma[: len(lemma) - len(suffix)]
                forms.update(stem + r for r in replacements)
    return forms


@functools.cache
def quote_lexicon(lang: str) -> QuoteLexicon:
    """The reported-speech lexicon of ``lang`` (read once)."""
    data = load_data(lang, "quotes")
    marks, cues, speaker, medium = data["marks"], data["cues"], data["speaker"], data["medium"]
    lemmas = [v.lower() for v in cues["verbs"]]
    forms = _inflect(lemmas, cues.get("endings", {})) | {f.lower() for f in cues.get("forms", [])}
    pronouns = {
        word.lower(): Pronoun(spec.get("gender") or None, spec.get("number", "Sing"))
        for word, spec in speaker.get("pronouns", {}).items()
    }
    return QuoteLexicon(
        pairs=tuple((p[0], p[1]) for p in marks["pairs"]),
        dashes=tuple(marks.get("dialogue_dashes", [])),
        abbreviations=_words(marks.get("abbreviations", [])),
        cue_lemmas=frozenset(lemmas),
        cue_forms=frozenset(forms),
        phrases=tuple(
            tuple(_fold(p).split()) for p in cues.get("phrases", {}).get("before_speaker", [])
        ),
        complementizers=_words(cues.get("phrases", {}).get("complementizers", [])),
        determiners=_words(speaker["determiners"]),
        connectors=_words(speaker["connectors"]),
        prepositions=_words(speaker["prepositions"]),
        auxiliaries=_words(speaker["auxiliaries"]),
        passive=_words(speaker.get("passive", [])),
        adverbs=_words(speaker["adverbs"]),
        anonymous=_words(speaker.get("anonymous", [])),
        name_particles=_words(speaker.get("name_particles", [])),
        pronouns=pronouns,
        gender_words={g: _words(ws) for g, ws in speaker.get("gender_words", {}).items()},
        given_names={g: _words(ws) for g, ws in speaker.get("given_names", {}).items()},
        medium_words=tuple(tuple(w.lower().split()) for w in medium["words"]),
        medium_names=tuple(tuple(w.split()) for w in medium.get("names", [])),
        medium_prepositions=_words(medium.get("prepositions", [])),
    )


class TokenClasses:
    """Word classes of one document's tokens, from the lexicon and, when present, the tagger."""

    def __init__(self, doc: Doc, lexicon: QuoteLexicon) -> None:
        self.doc = doc
        self.text = doc.text  # built anew on each access of doc.text: read it once
        self.lex = lexicon
        self.has_pos = doc.has_annotation("POS")
        self.has_lemma = doc.has_annotation("LEMMA")
        self.has_dep = doc.has_annotation("DEP")

    @staticmethod
    def bare(token: Token) -> str:
        """The lowercase word without the hyphens of French inversion ("-t-il" -> "il")."""
        word = token.lower_.lstrip("-")
        return word[2:] if word.startswith("t-") else word

    def is_cue(self, token: Token) -> bool:
        """Whether the token is a speech verb ("déclaré", "dijo", "said")."""
        if self.has_pos and token.pos_ not in ("VERB", "AUX"):
            return False
        if "Inf" in token.morph.get("VerbForm", []):
            return False  # "afin de déclarer": the speech is not reported, it is planned
        if token.i > 0 and self.doc[token.i - 1].lower_ in self.lex.passive:
            return False  # "a été lancé", "was told": the subject did not speak
        if token.lower_ in self.lex.cue_forms:
            return True
        return self.has_lemma and token.lemma_.lower() in self.lex.cue_lemmas

    def is_participle(self, token: Token) -> bool:
        """A gerund or present participle ("saying", "ajoutant", "diciendo")."""
        forms = token.morph.get("VerbForm", [])
        return "Ger" in forms or ("Part" in forms and "Pres" in token.morph.get("Tense", []))

    def pronoun(self, token: Token) -> Pronoun | None:
        """The subject pronoun the token is, if any."""
        return self.lex.pronouns.get(self.bare(token))

    def is_filler(self, token: Token) -> bool:
        """Words standing between a cue and its speaker: auxiliaries, adverbs, inversion "-t"."""
        word = self.bare(token)
        if word in self.lex.auxiliaries or word in self.lex.adverbs or word in ("t", ""):
            return True
        # A capitalized word the tagger calls an adverb is a name more often ("Macron").
        return (
            self.has_pos
            and token.pos_ in ("AUX", "ADV", "PART")
            and not token.is_punct
            and not token.text[:1].isupper()
        )

    def is_determiner(self, token: Token) -> bool:
        return token.lower_ in self.lex.determiners or (self.has_pos and token.pos_ == "DET")

    def is_preposition(self, token: Token) -> bool:
        low = token.lower_
        if low in self.lex.connectors:
            return False
        return low in self.lex.prepositions or (self.has_pos and token.pos_ == "ADP")

    def ends_phrase(self, token: Token) -> bool:
        """Whether the token cannot be inside a speaker's noun phrase."""
        low = token.lower_
        if token.is_punct or token.is_space or self.is_cue(token):
            return True
        if low in self.lex.auxiliaries or low in self.lex.complementizers:
            return True
        if self.pronoun(token) is not None:
            return True
        if self.has_pos and token.pos_ in _PHRASE_END_POS:
            return True
        return self.is_preposition(token)


def phrase_after(tc: TokenClasses, start: int, limit: int) -> tuple[int, int] | None:
    """The speaker's phrase after a cue: tokens ``start``… up to ``limit`` (exclusive)."""
    doc = tc.doc
    j = start
    while j < limit and j - start <= MAX_GAP:
        token = doc[j]
        if tc.pronoun(token) is not None:
            return j, j + 1
        if token.lower_ in tc.lex.complementizers:
            return None
        if tc.is_filler(token) or token.is_space:
            j += 1
        elif tc.is_preposition(token):
            j = _skip_prepositional(tc, j + 1, limit)
        elif tc.is_determiner(token) or _is_nominal(tc, token):
            end = _noun_phrase_end(tc, j, limit)
            return (j, end) if end > j else None
        else:
            return None
    return None


def _is_nominal(tc: TokenClasses, token: Token) -> bool:
    if tc.has_pos:
        return token.pos_ in ("NOUN", "PROPN", "NUM", "X") or (
            token.pos_ == "ADJ" and token.text[:1].isupper()
        )
    return token.text[:1].isalpha() and not tc.ends_phrase(token)


def _skip_prepositional(tc: TokenClasses, j: int, limit: int) -> int:
    """The token after a prepositional phrase ("à la presse", "sous couvert d'anonymat")."""
    doc = tc.doc
    while j < limit and tc.is_determiner(doc[j]):
        j += 1
    if j < limit:
        j += 1  # the phrase's head
    while j < limit:
        token = doc[j]
        if token.is_punct or tc.is_preposition(token) or tc.is_cue(token):
            return j
        previous = doc[j - 1].lower_
        if tc.is_determiner(token) and previous not in tc.lex.connectors:
            return j  # a new noun phrase starts: the speaker of an inverted subject
        if tc.has_pos and token.pos_ in ("VERB", "AUX"):
            return j
        j += 1
    return j


def _noun_phrase_end(tc: TokenClasses, start: int, limit: int) -> int:
    """Where a noun phrase from ``start`` ends, apposition included ("le ministre, X")."""
    doc = tc.doc
    j = start
    while j < limit and tc.is_determiner(doc[j]):
        j += 1
    end = j
    appositions = 0
    while j < limit and j - start < MAX_PHRASE:
        token = doc[j]
        low = token.lower_
        if token.text == "," and appositions == 0 and j + 1 < limit and _opens_name(tc, doc[j + 1]):
            appositions += 1
            j += 1
            continue
        if low in tc.lex.connectors and j + 1 < limit and not doc[j + 1].is_punct:
            j += 1
            continue
        if tc.is_determiner(token) and doc[j - 1].lower_ in tc.lex.connectors:
            j += 1
            continue
        if tc.ends_phrase(token) and not _in_name(doc, j):
            break
        j += 1
        end = j
    return end


def _opens_name(tc: TokenClasses, token: Token) -> bool:
    return token.text[:1].isupper() and not tc.is_determiner(token) and not tc.is_cue(token)


def _in_name(doc: Doc, i: int) -> bool:
    """A capitalized word between capitalized words ("Mr. Clarke", "The Clinic")."""
    return doc[i].text[:1].isupper() and i > 0 and doc[i - 1].text[:1].isupper()


def phrase_before(tc: TokenClasses, end: int, limit: int) -> tuple[int, int] | None:
    """The speaker's phrase before a cue at ``end``, not reaching before ``limit``."""
    doc = tc.doc
    j = end - 1
    while j >= limit and end - j <= MAX_GAP:
        if tc.pronoun(doc[j]) is not None:
            return j, j + 1
        if not tc.is_filler(doc[j]):
            break
        j -= 1
    if j < limit:
        return None
    if doc[j].text == ")":  # "Rep. Ann Cole (D-Ohio) said": the name before its aside
        opening = next(
            (k for k in range(j - 1, max(limit, j - MAX_ASIDE) - 1, -1) if doc[k].text == "("), None
        )
        if opening is None or opening - 1 < limit:
            return None
        j = opening - 1
    stop = j + 1
    closing_comma = doc[j].text == ","  # "Luis Cordero, le ministre de la Sécurité, a déclaré"
    if closing_comma:
        j -= 1
    first = _phrase_start(tc, j, limit)
    if first is None:
        return None
    if closing_comma and first - 2 >= limit and doc[first - 1].text == ",":
        name = _phrase_start(tc, first - 2, limit)
        if name is not None and doc[name].text[:1].isupper():
            first = name
    while first < stop and (doc[first].is_punct or doc[first].lower_ in tc.lex.connectors):
        first += 1
    end_at = stop
    while end_at > first and doc[end_at - 1].is_punct:
        end_at -= 1
    return (first, end_at) if first < end_at else None


def _phrase_start(tc: TokenClasses, j: int, limit: int) -> int | None:
    """The first token of the noun phrase whose last token is ``j``."""
    doc = tc.doc
    if j < limit or (tc.ends_phrase(doc[j]) and not doc[j].text[:1].isupper()):
        return None
    first = j
    while j >= limit and first - j < MAX_PHRASE:
        token = doc[j]
        if token.is_punct or token.is_space:
            break
        capitalized = (
            token.text[:1].isupper()
            or (
                token.lower_ in tc.lex.name_particles  # "Alberto van Klaveren"
                and j > limit
                and doc[j - 1].text[:1].isupper()
                and j + 1 < len(doc)
                and doc[j + 1].text[:1].isupper()
            )
        )
        if (
            not capitalized
            and not tc.is_determiner(token)
            and tc.ends_phrase(token)
            and token.lower_ not in tc.lex.connectors
        ):
            break
        first = j
        j -= 1
    return first


def subject_by_parse(tc: TokenClasses, cue: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The grammatical subject of the cue, from the dependency parse, inside ``[lo, hi)``.

    A cue without a subject of its own ("…, saying", "and repeatedly says") takes the subject of
    the clause it hangs from, a few levels up at most.
    """
    if not tc.has_dep:
        return None
    doc = tc.doc
    head = doc[cue]
    for _level in range(4):
        for child in head.children:
            if child.dep_ not in _SUBJECT_DEPS or not lo <= child.i < hi:
                continue
            if tc.pronoun(child) is not None:
                return child.i, child.i + 1
            if child.pos_ == "PRON":
                return None  # a relative or indefinite pronoun ("who", "qui") names no one
            left = max(child.left_edge.i, lo)
            right = min(child.right_edge.i + 1, hi)
            while left < child.i and doc[left].is_punct:
                left += 1
            while right > child.i + 1 and doc[right - 1].is_punct:
                right -= 1
            if left <= child.i < right:
                return left, right
        if not (head.dep_.startswith("aux") or head.dep_ in _SHARED_SUBJECT_DEPS):
            return None
        if head.head is head:
            return None
        head = head.head
    return None


def phrase_at(tc: TokenClasses, i: int, limit: int) -> int:
    """The length in tokens of an attribution phrase ("selon", "d'après") at ``i``; 0 if none."""
    doc = tc.doc
    start = doc[i].idx
    text = tc.text
    for phrase in tc.lex.phrases:
        wanted = " ".join(phrase)
        found = _fold(text[start : start + len(wanted)])
        if found != wanted:
            continue
        end = start + len(wanted)
        for j in range(i, limit):
            token_end = doc[j].idx + len(doc[j].text)
            if token_end == end:
                return j - i + 1
            if token_end > end:
                break
    return 0


def _fold(text: str) -> str:
    return text.lower().replace("’", "'")


def medium_at(tc: TokenClasses, i: int, limit: int) -> tuple[int, bool]:
    """The length of a medium word or platform name at ``i`` (0 if none), and whether a name."""
    doc = tc.doc
    for name in tc.lex.medium_names:
        n = len(name)
        if i + n <= limit and all(doc[i + k].text == name[k] for k in range(n)):
            return n, True
    for words in tc.lex.medium_words:
        n = len(words)
        if i + n <= limit and all(doc[i + k].lower_ == words[k] for k in range(n)):
            return n, False
    return 0, False
