"""Trigger words of a sentence: the tokens naming an action, and the lexicon entry they match.

A token matches an entry when its lemma (or, for pipelines with weak lemmas, its lower-case
form) is one of the entry's verbs or nouns and its part of speech agrees, or when a phrase of
the entry starts at it. The entry's constraints are then checked on the action's complements
(``objects``, ``human_objects``); the first entry that fits wins, so the lexicon lists specific
entries before general ones. Words inside a name ("Armée de libération nationale") are not
triggers.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsevents.events.lexicon import EventLexicon, Trigger

VERBAL_POS = frozenset({"VERB", "AUX", "ADJ"})
NOMINAL_POS = frozenset({"NOUN", "PROPN"})
# Dependents that are the action's complements, where objects are looked for.
_SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl", "expl:subj", "expl:pv"})
_CLAUSE_DEPS = frozenset(
    {"conj", "cc", "parataxis", "punct", "advcl", "ccomp", "acl:relcl", "relcl"}
)
# Below the trigger, coordination joins nouns ("en Colchane y en otros pasos"): only clauses end.
_INNER_CLAUSE_DEPS = frozenset({"parataxis", "advcl", "ccomp", "acl", "acl:relcl", "relcl"})
# Words right after a trigger are read too: the parse often hangs a complement elsewhere.
LOOKAHEAD = 4


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger found in a sentence: its tokens and the entry it fits."""

    head: Token
    """The token the action's grammar hangs from (the verb, the noun, a phrase's first word)."""
    start: int
    end: int
    """Token offsets of the trigger words (end exclusive)."""
    entry: Trigger
    verbal: bool


def lemma_of(token: Token) -> str:
    return token.lemma_.lower() or token.lower_


def is_passive(token: Token, lexicon: EventLexicon) -> bool:
    """A passive verb: by its morphology, its dependency labels, or a passive auxiliary of the
    language's data (the Spanish model labels "fueron desplegados" as plain aux and nsubj)."""
    return "Pass" in token.morph.get("Voice", []) or any(
        c.dep_ in {"nsubj:pass", "nsubjpass", "aux:pass", "auxpass"}
        or (c.dep_ == "aux" and lemma_of(c) in lexicon.passive_aux)
        for c in token.children
    )


def complement_tokens(token: Token, lexicon: EventLexicon) -> list[Token]:
    """The action's complements: dependents other than its subject and other clauses, plus the
    noun a participle modifies or a relative clause's object stands for, plus the few words
    right after it."""
    found: list[Token] = []
    left_out = _CLAUSE_DEPS
    if not is_passive(token, lexicon):
        left_out = left_out | _SUBJECT_DEPS  # a passive's subject is what is acted upon
    stack = [c for c in token.children if c.dep_ not in left_out]
    while stack:  # the complements' words, without the clauses hanging from them
        word = stack.pop()
        found.append(word)
        stack.extend(c for c in word.children if c.dep_ not in _INNER_CLAUSE_DEPS)
    if token.dep_ in {"acl", "amod"} and token.pos_ in VERBAL_POS:
        found.append(token.head)
    acted_on = {"obj", "dobj"} | (
        {"nsubj:pass", "nsubjpass"} if is_passive(token, lexicon) else set()
    )
    if token.dep_ in {"acl:relcl", "relcl"} and any(
        c.dep_ in acted_on and ("Rel" in c.morph.get("PronType", []) or c.lower_ in _RELATIVE_WORDS)
        for c in token.children
    ):
        # "los premios que convoca", "le contrat qui sera signé": what is acted on is the
        # antecedent
        found.append(token.head)
    sent_end = token.sent.end
    found.extend(token.doc[token.i + 1 : min(token.i + 1 + LOOKAHEAD, sent_end)])
    return found


def _is_people(token: Token, lexicon: EventLexicon, people_tokens: Set[int]) -> bool:
    if token.i in people_tokens:
        return True
    if token.lower_ in _RELATIVE_WORDS and token.head.dep_ in {"acl:relcl", "relcl"}:
        # "a tournament that will be held": what the relative word stands for
        return _is_people(token.head.head, lexicon, people_tokens)
    if lexicon.names_people(lemma_of(token)) or lexicon.names_people(token.lower_):
        return True
    return (
        token.pos_ == "PRON"
        and token.dep_ in {"obj", "iobj", "nsubj:pass", "dobj", "nsubjpass"}
        and "Neut" not in token.morph.get("Gender", [])  # "It will be held Friday"
    )


def _counts_something(token: Token, lexicon: EventLexicon) -> bool:
    """Whether a number noun has a complement that names what it counts ("tens of thousands of
    emails"): then the complement, not the number, says whether they are people."""
    if token.pos_ != "NUM" and lemma_of(token) not in lexicon.quantities:
        return False
    return any(
        c.dep_ in {"nmod", "pobj"}
        or (c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children))
        for c in token.children
    )


def _reflexive(token: Token) -> bool:
    """Whether a verb carries a reflexive pronoun ("se manifestaron", "s'est retiré")."""
    return any(
        "Yes" in c.morph.get("Reflex", []) or c.lower_ in {"se", "s'", "s’"} for c in token.children
    )


def _fits(
    entry: Trigger,
    token: Token,
    lexicon: EventLexicon,
    people_tokens: Set[int],
    mentioned: Set[int],
) -> bool:
    if entry.reflexive is not None and entry.reflexive != _reflexive(token):
        return False
    if entry.excluded_clause and any(c.dep_ == "ccomp" for c in token.children):
        return False
    region = complement_tokens(token, lexicon) if entry.objects or entry.excluded_objects else []
    if any(
        lemma_of(t) in entry.excluded_objects or t.lower_ in entry.excluded_objects for t in region
    ):
        return False
    if entry.excluded_targets and any(
        lemma_of(t) in entry.excluded_targets or t.lower_ in entry.excluded_targets
        for t in _acted_on(token, lexicon)
    ):
        return False
    if entry.named_objects:
        return any(
            t.i in mentioned or _is_people(t, lexicon, people_tokens)
            for t in object_heads(token, lexicon)
        )
    if not entry.objects and not entry.human_objects:
        return True
    if entry.objects and not any(
        lemma_of(t) in entry.objects or t.lower_ in entry.objects for t in region
    ):
        return False
    return not entry.human_objects or any(
        _is_people(t, lexicon, people_tokens)
        for t in object_heads(token, lexicon)
        if not _destination(t, lexicon) and not _counts_something(t, lexicon)
    )


def _destination(token: Token, lexicon: EventLexicon) -> bool:
    """Whether a noun is where something is sent, the object of a preposition of
    `destination_preps` ("send a resolution to the full House"): not what the action is done
    to. Only where the parse gives prepositions objects: a Spanish "a" marks people acted upon
    as well as destinations ("recibió a Antón Masa")."""
    return token.dep_ == "pobj" and lemma_of(token.head) in lexicon.destination_preps


_OBJECT_DEPS = frozenset(
    {"obj", "dobj", "iobj", "nsubj:pass", "nsubjpass", "obl:arg", "nmod", "pobj", "obl"}
)
_PARTICLE_DEPS = frozenset({"prep", "prt", "compound:prt", "case", "fixed"})


# Relative pronouns the parser may leave without PronType=Rel.
_RELATIVE_WORDS = frozenset({"who", "which", "that", "qui", "quien", "quienes"})


def relative_subject(token: Token) -> bool:
    """Whether a relative clause's relative pronoun is its active subject ("who held")."""
    return any(
        c.dep_ == "nsubj" and ("Rel" in c.morph.get("PronType", []) or c.lower_ in _RELATIVE_WORDS)
        for c in token.children
    )


def object_heads(token: Token, lexicon: EventLexicon) -> list[Token]:
    """The heads of the action's object: its objects, passive subject, the noun a participle
    modifies, the complements of a noun, through particles and prepositions; a quantity noun
    ("dizaines de migrants", "hundreds of people") counts with what it counts."""
    heads = [c for c in token.children if c.dep_ in _OBJECT_DEPS]
    if is_passive(token, lexicon):
        heads += [c for c in token.children if c.dep_ == "nsubj"]
    for child in token.children:
        if child.dep_ in _PARTICLE_DEPS:
            heads.extend(c for c in child.children if c.dep_ in _OBJECT_DEPS)
    if token.dep_ in {"acl", "amod"} or (
        token.dep_ in {"acl:relcl", "relcl"} and not relative_subject(token)
    ):
        heads.append(token.head)  # "Zuma, who held the office": Zuma is not what is held
    for head in list(heads):
        if head.pos_ != "NUM" and not lexicon.names_people(lemma_of(head)):
            continue  # "send the citation to the House": the House is not what is sent
        heads.extend(c for c in head.children if c.dep_ in {"nmod", "prep", "pobj", "appos"})
        for c in head.children:
            if c.dep_ == "prep":
                heads.extend(g for g in c.children if g.dep_ == "pobj")
    return heads


def _acted_on(token: Token, lexicon: EventLexicon) -> list[Token]:
    """What a verb is done to: its direct object, or its subject in the passive."""
    deps = {"obj", "dobj"} | (
        {"nsubj:pass", "nsubjpass", "nsubj"} if is_passive(token, lexicon) else set()
    )
    return [c for c in token.children if c.dep_ in deps]


def _bare_participle(token: Token) -> bool:
    """A participle or adjective used as a plain modifier ("sus ciudadanos expulsados",
    "extremists opposed to the truce"): a state, not an action told."""
    if token.pos_ == "ADJ" and token.dep_ in {"amod", "acl"}:
        return True
    return (
        token.dep_ in {"amod", "acl"}
        and "Part" in token.morph.get("VerbForm", [])
        and not any(c.dep_ not in {"punct", "advmod"} for c in token.children)
    )


def _word_matches(entry: Trigger, token: Token) -> bool | None:
    """True for a verbal match, False for a nominal one, None for none."""
    words = {lemma_of(token), token.lower_}
    if token.pos_ in VERBAL_POS and words & entry.verbs:
        return True
    if token.pos_ in NOMINAL_POS and words & entry.nouns:
        return False
    return None


def phrase_word(token: Token) -> str:
    """A token as lexicon phrases write it: lower case, with one apostrophe."""
    return token.lower_.replace("’", "'")


def _phrase_at(entry: Trigger, sent: Span, token: Token) -> int:
    """The length of an entry phrase starting at ``token``, or 0."""
    for phrase in entry.phrases:
        end = token.i + len(phrase)
        if end <= sent.end and tuple(phrase_word(t) for t in token.doc[token.i : end]) == phrase:
            return len(phrase)
    return 0


def find_triggers(
    sent: Span,
    lexicon: EventLexicon,
    named: Set[int],
    people_tokens: Set[int],
    mentioned: Set[int] = frozenset(),
) -> Iterator[TriggerMatch]:
    """The triggers of ``sent`` in text order. ``named`` are tokens that cannot be triggers
    (inside names or times), ``people_tokens`` those naming people, ``mentioned`` those inside
    any name or place."""
    skip_until = -1
    for token in sent:
        if token.i < skip_until or token.i in named:
            continue
        for entry in lexicon.entries_for(lemma_of(token), token.lower_):
            length = _phrase_at(entry, sent, token)
            if length:
                words = token.doc[token.i : token.i + length]
                head = next(
                    (t for t in words if t.head.i == t.i or not token.i <= t.head.i < words.end),
                    token,
                )
                yield TriggerMatch(
                    head, token.i, token.i + length, entry, verbal=head.pos_ in {"VERB", "AUX"}
                )
                skip_until = token.i + length
                break
            verbal = _word_matches(entry, token)
            if (
                verbal is None
                or _bare_participle(token)
                or not _fits(entry, token, lexicon, people_tokens, mentioned)
            ):
                continue
            yield TriggerMatch(token, token.i, token.i + 1, entry, verbal=verbal)
            break


__all__ = [
    "TriggerMatch",
    "complement_tokens",
    "find_triggers",
    "is_passive",
    "lemma_of",
    "object_heads",
    "relative_subject",
]
