"""The status of an action: occurred, threatened, planned, historical, negated or hypothetical.

Status comes from the words that govern the trigger in the parse: its own auxiliaries and
negation, then the verbs and nouns above it (``governors``: "ne veulent pas laisser entrer",
"promet d'expulser", "a peur qu'ils nous expulsent", "afin de déclarer"). The strongest reading
wins: negated, then hypothetical, then threatened, then planned, then historical (a pluperfect),
then occurred. The event's date can still move an occurred action to planned (a date after the
article's) or historical (weeks before it); :func:`status_from_date` does that once dates are
bound. Every decision leaves a reason in words, kept with the event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Token

from newsevents.events.lexicon import EventLexicon
from newsevents.events.triggers import lemma_of

# Links through which a governing word's meaning reaches the trigger.
_GOVERNING_DEPS = frozenset(
    {"xcomp", "ccomp", "advcl", "acl", "obj", "dobj", "nmod", "obl", "obl:arg", "obl:mod",
     "pobj", "prep", "conj", "acomp", "oprd", "appos", "det",
     "advmod", "mark"}
)  # fmt: skip
# Links that share the governor's own negation and auxiliaries ("ne veulent pas laisser").
_CONTROL_DEPS = frozenset({"xcomp", "conj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
MAX_DEPTH = 4
# How an action noun hangs from a verb that only says it took place.
_EXISTENTIAL_DEPS = frozenset({"obj", "dobj", "nsubj", "attr", "nsubj:pass", "expl"})
# How far before an infinitive a threat, promise or fear noun may stand when the parse hangs
# the infinitive elsewhere ("la menace du candidat … d'expulser").
NOUN_WINDOW = 14
# Historical: a past action dated this many days or more before the article.
HISTORICAL_DAYS = 45

STRENGTH = ("negated", "hypothetical", "threatened", "planned", "historical", "occurred")


@dataclass(slots=True)
class Reading:
    """What the governing words say about an action."""

    status: str = "occurred"
    threat: Token | None = None
    """The threat word that makes a coercive action a threat."""
    promise: Token | None = None
    negation: Token | None = None
    """The word whose negation reaches the action ("ne veulent pas", "n'a pas fermé")."""
    refusal: Token | None = None
    """A verb of refusing above the action ("a refusé de les laisser entrer")."""
    denial: Token | None = None
    """A verb saying the action did not happen ("denied sending troops")."""
    reasons: list[str] = field(default_factory=list)

    def set(self, status: str, reason: str) -> None:
        if STRENGTH.index(status) < STRENGTH.index(self.status):
            self.status = status
        self.reasons.append(reason)


def governors(token: Token) -> list[tuple[Token, bool]]:
    """The words above ``token`` in its sentence, nearest first, each with whether it shares
    the token's negation and auxiliaries (through xcomp and conj links only)."""
    found: list[tuple[Token, bool]] = []
    current, controlled = token, True
    for _ in range(MAX_DEPTH):
        if current.head.i == current.i or current.dep_ not in _GOVERNING_DEPS:
            break
        if current.dep_ == "advcl" and _own_finite_clause(current):
            break  # "will meet as teachers continue to demand…": the demand has its own tense
        controlled = controlled and current.dep_ in _CONTROL_DEPS
        current = current.head
        found.append((current, controlled))
    return found


def _own_finite_clause(token: Token) -> bool:
    """Whether a verb heads a clause of its own: a subject and a finite verb or auxiliary."""
    if not any(c.dep_ in {"nsubj", "nsubj:pass", "nsubjpass", "expl"} for c in token.children):
        return False
    return any("Fin" in t.morph.get("VerbForm", []) for t in (token, *_aux(token)))


def perfect_infinitive(token: Token, lexicon: EventLexicon) -> bool:
    """Whether a verb is a perfect infinitive ("avoir refusé", "haber matado", "having
    fired"): an action done, not aimed at."""
    return any(
        lemma_of(a) in lexicon.perfect_aux and "Inf" in a.morph.get("VerbForm", [])
        for a in _aux(token)
    )


def _aux(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_.startswith("aux")]


def pronominal(token: Token) -> str:
    """The lemma of a verb with its reflexive pronoun ("se negó" → "negarse"), else its lemma."""
    reflexive = any("Yes" in c.morph.get("Reflex", []) for c in token.children)
    return lemma_of(token) + "se" if reflexive else lemma_of(token)


def negated(token: Token, lexicon: EventLexicon) -> bool:
    """Whether a negation word hangs from ``token`` ("ne … pas", "no migrants", "not")."""
    for child in token.children:
        if child.dep_ in {"neg", "advmod", "det", "cc:preconj"} and (
            lemma_of(child) in lexicon.negation or child.lower_ in lexicon.negation
        ):
            return True
        if child.dep_ == "advmod" and "Neg" in child.morph.get("Polarity", []):
            return True
    return False


def is_purpose(token: Token, lexicon: EventLexicon) -> bool:
    """Whether a verb is the aim of another ("afin de déclarer", "pour fermer", "to close")."""
    if token.dep_ in {"xcomp", "ccomp", "csubj"}:
        return False  # "refused to validate": the infinitive is the verb's object, not its aim
    if perfect_infinitive(token, lexicon):
        return False  # "pour avoir refusé": a perfect infinitive is done, not aimed at
    if lemma_of(token.head) in lexicon.purpose and token.head.i != token.i:
        return True
    return any(
        c.dep_ in {"mark", "case", "aux"} and lemma_of(c) in lexicon.purpose for c in token.children
    )


def _words_of(token: Token) -> set[str]:
    """The token's lemma and those of its object ("avoir peur", "tener miedo")."""
    words = {lemma_of(token), token.lower_}
    for child in token.children:
        if child.dep_ in {"obj", "dobj", "nsubj", "attr", "acomp"}:
            words.update({lemma_of(child), child.lower_})
    return words


def _preceding_noun(token: Token, words: frozenset[str]) -> Token | None:
    """A governing noun before an infinitive the parse has hung elsewhere."""
    if "Inf" not in token.morph.get("VerbForm", []):
        return None
    start = max(token.sent.start, token.i - NOUN_WINDOW)
    for t in reversed(token.doc[start : token.i]):
        if lemma_of(t) in words or t.lower_ in words:
            return t
    return None


def read_status(token: Token, lexicon: EventLexicon, own_negation: bool = True) -> Reading:
    """What the words around the trigger ``token`` say of the action's status; with
    ``own_negation`` false, the token's own negation is left out (it is what a refusal says)."""
    reading = Reading()
    chain = [(token, True), *governors(token)]
    if (
        token.dep_ in _SUBJECT_DEPS
        and lemma_of(token.head) in lexicon.existential
        and not any(c.dep_ in {"attr", "acomp", "oprd", "cop"} for c in token.head.children)
    ):
        # "denied the attack occurred": what is said of the taking place is said of the action
        chain = [(token, True), (token.head, True), *governors(token.head)]
    done = perfect_infinitive(token, lexicon)
    for depth, (word, controlled) in enumerate(chain):
        if depth >= 2 and lemma_of(chain[depth - 1][0]) in lexicon.deed_preps:
            break  # "set fire to a bank during a strike": the strike's status is its own
        if depth == 1 and token.dep_ in _EXISTENTIAL_DEPS and lemma_of(word) in lexicon.existential:
            controlled = True  # "Tampoco hubo expulsiones", "il n'y a pas eu d'expulsions"
        words = _words_of(word) if depth else {lemma_of(word), word.lower_}
        if controlled and (depth or own_negation) and negated(word, lexicon):
            reading.set("negated", f"negated: {word.text!r}")
            reading.negation = reading.negation or word
        refusing = {lemma_of(word), pronominal(word)} & lexicon.refusal
        if depth and controlled and refusing and reading.refusal is None:
            reading.refusal = word
        if depth and words & lexicon.denial and not refusing:  # "se negó a": a refusal
            reading.set("negated", f"denied: {word.text!r}")
            reading.denial = reading.denial or word
        marks = {lemma_of(c) for c in word.children if c.dep_ in {"mark", "advmod"}}
        if marks & lexicon.condition:
            reading.set("hypothetical", f"condition on {word.text!r}")
        if depth and words & lexicon.fear:
            reading.set("hypothetical", f"feared: {word.text!r}")
        if depth and words & lexicon.modal and controlled:
            reading.set("hypothetical", f"possible or wished: {word.text!r}")
        auxes = _aux(word) if controlled else []
        tense_auxes = [a for a in auxes if a.dep_ not in {"aux:pass", "auxpass"}]
        if any(lemma_of(a) in lexicon.modal for a in auxes):
            reading.set("hypothetical", f"modal auxiliary of {word.text!r}")
        if (controlled and "Cnd" in word.morph.get("Mood", [])) or any(
            "Cnd" in a.morph.get("Mood", []) for a in auxes
        ):
            reading.set("hypothetical", f"conditional: {word.text!r}")
        if depth and words & lexicon.threat and reading.threat is None:
            reading.threat = word
        if depth and words & lexicon.promise and reading.promise is None:
            reading.promise = word
            reading.set("planned", f"promised: {word.text!r}")
        if depth and words & lexicon.plan and not done:
            reading.set("planned", f"planned: {word.text!r}")
        if controlled and (
            any(
                lemma_of(a) in lexicon.future_aux or "Fut" in a.morph.get("Tense", [])
                for a in auxes
            )
            or ("Fut" in word.morph.get("Tense", []) and word.pos_ in {"VERB", "AUX"})
            or (depth and lemma_of(word) in lexicon.future_aux)
        ):
            reading.set("planned", f"future: {word.text!r}")
        if controlled and word.pos_ in {"VERB", "AUX"} and is_purpose(word, lexicon):
            reading.set("planned", f"purpose: {word.text!r}")
        if (
            controlled
            and any(
                lemma_of(a) in lexicon.perfect_aux
                and {t.lower() for t in a.morph.get("Tense", [])} & lexicon.past_aux_tenses
                and "Inf" not in a.morph.get("VerbForm", [])
                for a in tense_auxes
            )
            and not _reported(word, lexicon)
        ):
            reading.set("historical", f"pluperfect: {word.text!r}")
    long_before = _long_before(token, lexicon)
    if long_before is not None:
        reading.set("historical", f"long before: {long_before.text!r}")
    if reading.threat is None and reading.promise is None:
        noun = _preceding_noun(token, lexicon.threat | lexicon.promise | lexicon.fear)
        if noun is not None:
            noun_words = {lemma_of(noun), noun.lower_}
            if noun_words & lexicon.threat:
                reading.threat = noun
            elif noun_words & lexicon.promise:
                reading.promise = noun
                reading.set("planned", f"promised: {noun.text!r}")
            else:
                reading.set("hypothetical", f"feared: {noun.text!r}")
    return reading


_SPAN_DEPS = frozenset({"npadvmod", "obl:tmod", "nmod:tmod", "obl:npmod", "obl", "advmod", "nmod"})


def _long_before(token: Token, lexicon: EventLexicon) -> Token | None:
    """The span ("one year", "months") by which an action was earlier than the one its clause
    or its preposition of time hangs from ("one year after he was killed", "years after the
    bombing"), when it is months or more: the action is background."""
    if token.dep_ == "pobj" and lemma_of(token.head) in lexicon.earlier_marks:
        marks = [token.head]
    else:
        marks = [
            c
            for c in token.children
            if c.dep_ in {"mark", "case", "advmod"} and lemma_of(c) in lexicon.earlier_marks
        ]
    for mark in marks:
        # "one year after he was killed", "years after the bombing" (the span heads the phrase)
        spans = (*mark.children, *token.children, *([mark.head] if mark.dep_ == "prep" else []))
        for word in spans:
            if word.dep_ in _SPAN_DEPS and lemma_of(word) in lexicon.long_durations:
                return word
    return None


def refuser(token: Token, reading: Reading, lexicon: EventLexicon) -> Token | None:
    """The word that makes an action a refusal of it: its own negation ("ne l'a pas laissé
    entrer"), a negated verb of will above it ("ne veulent pas nous laisser entrer"), or a verb
    of refusing ("a refusé de les laisser entrer")."""
    word = reading.negation
    if word is not None and (word.i == token.i or lemma_of(word) in lexicon.unwilling):
        return word
    return reading.refusal


def status_from_date(status: str, first: str | None, last: str | None, published: str) -> str:
    """An occurred action dated after the article is planned; weeks before it, historical."""
    if status != "occurred" or first is None or last is None:
        return status
    if first > published:
        return "planned"
    try:
        end = dt.date.fromisoformat(last)
        day = dt.date.fromisoformat(published)
    except ValueError:
        return status
    return "historical" if (day - end).days >= HISTORICAL_DAYS else status


def _reported(word: Token, lexicon: EventLexicon) -> bool:
    """Whether a verb is told in the clause of a verb of saying in the past, where a simple
    past shifts to a pluperfect ("an official said 12 people had been killed", "a déclaré que
    12 personnes avaient été tuées"): the story's own past, not background."""
    head = word.head
    return (
        word.dep_ == "ccomp"
        and head.i != word.i
        and lemma_of(head) in lexicon.reporting_verbs
        and not _present(head)
    )


def _present(verb: Token) -> bool:
    tenses = set(verb.morph.get("Tense", []))
    for aux in verb.children:
        if aux.dep_.startswith("aux"):
            tenses |= set(aux.morph.get("Tense", []))
    return tenses == {"Pres"}


__all__ = [
    "Reading",
    "governors",
    "is_purpose",
    "negated",
    "perfect_infinitive",
    "read_status",
    "refuser",
    "status_from_date",
]
