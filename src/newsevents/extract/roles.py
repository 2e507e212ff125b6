"""Titles and functions stated next to a person's name ("le ministre de la Sécurité, Luis Cordero").

A role is found from token order alone: a head noun of the language's data (``ministre``,
``presidenta``, ``minister``) right before the name, possibly with its complements ("président
par intérim", "ministre de la Sécurité,") or right after it in apposition ("Luis Cordero, the
security minister,"). When the document carries part-of-speech tags they bound the role to
nominal words, and when it carries a dependency parse the head noun and the name must be linked
in it (one an ancestor of the other), which keeps "le ministre a reçu José Jeri" out.
"""

from __future__ import annotations

import functools
from collections.abc import Set
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsevents.lang import load_data

# Universal POS tags that can sit inside a title; verbs, pronouns and conjunctions end it.
_ROLE_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADP", "DET", "NUM", "PART"})
# Words a title never ends on ("ministre de la" is not a title).
_EDGE_POS = frozenset({"ADP", "DET", "CCONJ", "PART", "PUNCT"})
# Dependency labels (Universal Dependencies and ClearNLP) of words modifying a title's head.
_MODIFIER_DEPS = frozenset({"amod", "compound", "nn"})
# Apposition leaves room for a few modifiers before its head: "the acting security minister".
_MAX_MODIFIERS = 3


@dataclass(frozen=True, slots=True)
class RoleRules:
    """The role words of one language, read from ``lang/<xx>/entities.toml``."""

    heads: frozenset[str]
    pre_modifiers: frozenset[str]
    determiners: frozenset[str]
    connectors: frozenset[str]
    breakers: frozenset[str]
    compound_titles: bool
    max_words: int

    def is_head(self, token: Token) -> bool:
        """Whether the token is a title noun ("ministre", "ex-président", "vice-president")."""
        low = token.lower_
        return low in self.heads or ("-" in low and low.rsplit("-", 1)[1] in self.heads)

    def is_title_word(self, token: Token) -> bool:
        """Whether the token is a head or a word that opens a title ("premier", "former")."""
        return self.is_head(token) or token.lower_ in self.pre_modifiers


@functools.cache
def role_rules(lang: str) -> RoleRules:
    """The role rules of ``lang`` (read once)."""
    data = load_data(lang, "entities")
    roles = data["roles"]

    def words(table: dict[str, list[str]], key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in table.get(key, []))

    return RoleRules(
        heads=words(roles, "heads"),
        pre_modifiers=words(roles, "pre_modifiers"),
        determiners=words(data["clean"], "determiners"),
        connectors=words(roles, "connectors"),
        breakers=words(roles, "breakers"),
        compound_titles=bool(roles.get("compound_titles", False)),
        max_words=int(roles.get("max_words", 8)),
    )


@dataclass(frozen=True, slots=True)
class DocView:
    """What annotation a document carries, checked once per document."""

    doc: Doc
    has_pos: bool
    has_dep: bool
    has_sents: bool

    @classmethod
    def of(cls, doc: Doc) -> DocView:
        """The view of ``doc``."""
        return cls(
            doc,
            doc.has_annotation("POS"),
            doc.has_annotation("DEP"),
            doc.has_annotation("SENT_START"),
        )

    def starts_sentence(self, i: int) -> bool:
        """Whether token ``i`` opens a sentence (never true without sentence boundaries)."""
        return self.has_sents and i > 0 and bool(self.doc[i].is_sent_start)


def find_role(
    view: DocView, start: int, end: int, rules: RoleRules, persons: Set[int]
) -> tuple[int, int] | None:
    """Token range of the role stated for the name ``doc[start:end]``, or None."""
    # ``persons`` holds the token indices of every person mention: a role never runs into one.
    return _role_before(view, start, end, rules, persons) or _role_after(
        view, start, end, rules, persons
    )


def _role_before(
    view: DocView, start: int, end: int, rules: RoleRules, persons: Set[int]
) -> tuple[int, int] | None:
    doc = view.doc
    last = start - 1
    comma = last >= 0 and doc[last].text == ","
    if comma:
        last -= 1
    if last < 0 or view.starts_sentence(start):
        return None
    head = None
    # The nearest head wins: in "le ministre du président Gabriel Boric" Boric is the president.
    for j in range(last, max(-1, last - rules.max_words), -1):
        token = doc[j]
        if j in persons or not _joinable(view, token, rules):
            break
        if rules.is_head(token):
            head = j
            break
        if view.starts_sentence(j):
            break
    if head is None or (view.has_dep and not _linked(doc[head], doc[start:end])):
        return None
    first = _extend_left(view, head, rules, persons)
    # "…, Luis Cordero" needs a determiner before the title: "en général, Luis" is no title.
    if comma and (first == 0 or not _is_determiner(view, doc[first - 1], rules)):
        return None
    return first, _trim_right(view, head, last, rules) + 1


def _role_after(
    view: DocView, start: int, end: int, rules: RoleRules, persons: Set[int]
) -> tuple[int, int] | None:
    doc = view.doc
    if end >= len(doc) or doc[end].text != ",":
        return None
    first = end + 1
    while first < len(doc) and _is_determiner(view, doc[first], rules):
        first += 1
    head = None
    for k in range(first, min(len(doc), first + _MAX_MODIFIERS + 1)):
        token = doc[k]
        if k in persons or view.starts_sentence(k):
            break
        if rules.is_head(token):
            head = k
            break
        if not _joinable(view, token, rules):
            break
    if head is None or (view.has_dep and not _linked(doc[head], doc[start:end])):
        return None
    last = head
    while last + 1 < len(doc) and last + 1 - head <= rules.max_words:
        token = doc[last + 1]
        if last + 1 in persons or view.starts_sentence(last + 1):
            break
        if not _joinable(view, token, rules):
            break
        last += 1
    # An apposition is closed by punctuation: in "Après Kast, le président a dit", no title.
    if last + 1 < len(doc) and not (doc[last + 1].is_punct or doc[last + 1].is_space):
        return None
    last = _trim_right(view, head, last, rules)
    # "X, ministre de la Sécurité, Luis Cordero": the title belongs to the name that follows.
    if last + 2 < len(doc) and doc[last + 1].text == "," and last + 2 in persons:
        return None
    return first, last + 1


def _joinable(view: DocView, token: Token, rules: RoleRules) -> bool:
    if rules.is_head(token):
        return True
    if token.is_space or token.is_punct or token.lower_ in rules.breakers:
        return False
    return not view.has_pos or token.pos_ in _ROLE_POS


def _is_determiner(view: DocView, token: Token, rules: RoleRules) -> bool:
    return token.lower_ in rules.determiners or (view.has_pos and token.pos_ == "DET")


def _extend_left(view: DocView, head: int, rules: RoleRules, persons: Set[int]) -> int:
    """Widen the title over the words that open it: "Premier ministre", "Security Minister"."""
    doc = view.doc
    first = head
    while first > 0 and not view.starts_sentence(first):
        token = doc[first - 1]
        if first - 1 in persons:
            break
        if rules.is_title_word(token):
            first -= 1
        elif token.text == "-" and first > 1 and rules.is_title_word(doc[first - 2]):
            first -= 2  # "vice - president" as the English tokenizer splits it
        elif rules.compound_titles and _title_cased(token, rules):
            first -= 1
        elif rules.compound_titles and _hyphen_compound(doc, first - 1):
            first -= 3  # "far - right candidate", "center - left senator"
        elif view.has_dep and _modifies(token, first, head):
            first -= 1  # "leftist candidate", "the presidential candidate"
        else:
            break
    return first


def _title_cased(token: Token, rules: RoleRules) -> bool:
    text = token.text
    return (
        text[:1].isupper()
        and any(ch.isalpha() for ch in text)
        and token.lower_ not in rules.determiners
        and token.lower_ not in rules.breakers
    )


def _modifies(token: Token, first: int, head: int) -> bool:
    """Whether the parse makes the token an adjective or noun modifier inside the title."""
    return (
        token.dep_ in _MODIFIER_DEPS
        and token.pos_ in ("ADJ", "NOUN", "PROPN")
        and first <= token.head.i <= head
    )


def _hyphen_compound(doc: Doc, i: int) -> bool:
    """Whether token ``i`` ends a hyphenated word split in three tokens ("far", "-", "right")."""
    if i < 2 or not doc[i].is_alpha:
        return False
    hyphen, before = doc[i - 1], doc[i - 2]
    return (
        hyphen.text == "-" and not hyphen.whitespace_ and not before.whitespace_ and before.is_alpha
    )


def _trim_right(view: DocView, head: int, last: int, rules: RoleRules) -> int:
    doc = view.doc
    while last > head:
        token = doc[last]
        edge = view.has_pos and token.pos_ in _EDGE_POS
        if not (edge or token.lower_ in rules.determiners or token.lower_ in rules.connectors):
            break
        last -= 1
    return last


def _linked(head: Token, name: Span) -> bool:
    """Whether the parse attaches the name to the title noun or the title noun to the name."""
    root = name.root
    if any(a.i == head.i for a in root.ancestors):
        return True
    return any(name.start <= a.i < name.end for a in head.ancestors)
