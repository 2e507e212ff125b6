"""Past or future: the direction a time expression points to, read from the words or the parse.

Explicit words decide first ("dernier", "next", "hace"). A verb of planning or putting off above
the expression ("planned", "scheduled", "postponed until", "prévu") makes it upcoming whatever
its tense. Otherwise the nearest verb above the expression in the dependency parse that has a
tense does: its morphology (``Tense``, ``Mood``), its auxiliaries (compound pasts, future
auxiliaries, as listed in the language's data), or, for an adjective or a noun, its copula. A
verb in the present gives ``PRESENT``, which the language's data reads as upcoming or nearest.
After a preposition of a start ("depuis", "since") the expression is past; after one of a limit
("until", "hasta") a past verb gives the nearest reading instead.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsevents.extract.time_grammar import TimeGrammar, group, normalize

_VERB_POS = frozenset({"VERB", "AUX"})
_PROSPECTIVE_POS = frozenset({"VERB", "AUX", "ADJ"})
_HEAD_STEPS = 6
"""How far up the parse the governing verb is looked for."""
PRESENT = 2
"""The direction of a verb in the present: upcoming or nearest, as the language's data says."""


def expression_direction(
    grammar: TimeGrammar, match: re.Match[str], doc: Doc, token: int | None
) -> int:
    """Past (-1), future (+1), present (``PRESENT``) or unknown (0).

    Read from the words ("dernier", "next") and else from the nearest verb above the expression
    in the parse that has a tense: an infinitive passes the question to the verb governing it,
    an adjective or a noun to its copula ("sont incertains pour samedi").
    """
    if group(match, "last") or group(match, "ago"):
        return -1
    if group(match, "next") or group(match, "in"):
        return 1
    if token is None:
        return 0  # no parse
    word: Token = doc[token]
    through_infinitive, preposition = False, ""
    for _ in range(_HEAD_STEPS):
        if (
            # "expected to earn 35 cents for the quarter": the quarter reported on, not the next
            not group(match, "unit")
            and word.pos_ in _PROSPECTIVE_POS
            and normalize(word.lemma_) in grammar.prospective
            and _looks_ahead(grammar, word, through_infinitive, preposition)
        ):
            return 1  # "planned to leave on Thursday", "postponed until Tuesday", "prévu lundi"
        if (
            through_infinitive
            and normalize(word.lemma_) in grammar.to_future
            and ("Pres" in morph(word, "Tense") or word.tag_ in ("VBZ", "VBP"))
        ):
            return 1  # "is to resume trading Tuesday": an obligation ahead
        if word.pos_ in _VERB_POS:
            direction = _verb_direction(grammar, word, word)
        else:
            copula = next((c for c in word.children if c.dep_ == "cop"), None)
            direction = None if copula is None else _verb_direction(grammar, word, copula)
        if direction is not None:
            if preposition in grammar.since_preps:
                return -1  # "souffre depuis mardi", "since Tuesday": a start in the past
            if direction == -1 and preposition in grammar.until_preps:
                return 0  # "extended its deadline until Tuesday": the nearest Tuesday
            return direction
        if word.head is word:
            break
        if word.i != token and "Inf" in morph(word, "VerbForm"):
            through_infinitive = True
        if not preposition:  # "until Tuesday" (prep → pobj) or "hasta el martes" (case child)
            case = next((c for c in word.children if c.dep_ == "case"), None)
            preposition = normalize(word.text if word.pos_ == "ADP" else case.text if case else "")
        word = word.head
    return 0


def _looks_ahead(grammar: TimeGrammar, verb: Token, through_infinitive: bool, prep: str) -> bool:
    """Whether a verb of planning dates something ahead of the anchor.

    It does through an infinitive ("planned to leave on Thursday") or a preposition of aim
    ("postponed until Tuesday", "prévu pour lundi"), or on its own when it is not a simple past
    ("has scheduled a news conference Thursday", "le sommet prévu lundi"); a pluperfect ("had been
    scheduled to expire Friday") tells of a plan that is over.
    """
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    if verb.pos_ == "ADJ":  # "had been due to expire": the copula's auxiliaries
        auxiliaries += [c for c in verb.head.children if c.dep_.startswith("aux")]
    if any(
        normalize(a.lemma_) in grammar.past_aux
        and ("Past" in morph(a, "Tense") or "Imp" in morph(a, "Tense") or a.tag_ == "VBD")
        for a in auxiliaries
    ):
        return False
    if through_infinitive or prep in grammar.prospective_preps:
        return True
    if not auxiliaries and ("Part" in morph(verb, "VerbForm") or verb.tag_ == "VBN"):
        return True  # "le sommet prévu lundi", "the vote scheduled Thursday"
    return _verb_direction(grammar, verb, verb) != -1 or any(
        normalize(a.lemma_) in grammar.past_aux for a in auxiliaries
    )


def _verb_direction(grammar: TimeGrammar, verb: Token, tensed: Token) -> int | None:
    """The time a verb points to, from its morphology and its auxiliaries (None: no tense)."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    if normalize(verb.lemma_) in grammar.future_aux and any(
        "Inf" in morph(c, "VerbForm") for c in verb.children
    ):
        return 1  # "va partir", "va a salir"
    for aux in auxiliaries:
        if normalize(aux.lemma_) in grammar.future_aux or normalize(aux.text) in grammar.future_aux:
            return 1
    tense, mood = morph(tensed, "Tense"), morph(tensed, "Mood")
    if "Fut" in tense or "Cnd" in mood:
        return 1
    participle = "Part" in morph(verb, "VerbForm") or verb.tag_ == "VBN"
    if tensed.tag_ == "VBD" or (("Past" in tense or "Imp" in tense) and not participle):
        return -1
    if participle and verb.dep_ == "acl" and not auxiliaries and "Past" in tense:
        return -1  # a past participle after its noun tells what was done: "the injunction issued"
    for aux in auxiliaries:
        aux_tense = morph(aux, "Tense")
        if "Fut" in aux_tense or "Cnd" in morph(aux, "Mood"):
            return 1
        if "Past" in aux_tense or "Imp" in aux_tense or aux.tag_ == "VBD":
            return -1
        if "Sub" in morph(aux, "Mood"):
            return PRESENT  # "avant que le bilan soit rendu public lundi": not yet
        if participle and normalize(aux.lemma_) in grammar.past_aux:
            return -1  # compound past: "a déclaré", "has said", "ha dicho"
        if "Pres" in aux_tense or aux.tag_ in ("VBP", "VBZ"):
            return PRESENT  # "is expected", "est attendu"
    if "Pres" in tense or tensed.tag_ in ("VBP", "VBZ"):
        return PRESENT
    if participle or "Inf" in morph(verb, "VerbForm") or verb.tag_ in ("VB", "VBG"):
        return None
    return None if not tense else 0


def morph(token: Token, feature: str) -> list[str]:
    """The values of one morphological feature of a token (empty when it has none)."""
    values: list[str] = token.morph.get(feature, [])
    return values


__all__ = ["PRESENT", "expression_direction", "morph"]
