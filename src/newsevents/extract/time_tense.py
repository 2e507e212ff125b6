"""Past or future: the direction a time expression points to, read from the words or the parse.

Explicit words decide first ("dernier", "next", "hace"). Otherwise the nearest verb above the
expression in the dependency parse that has a tense does: its morphology (``Tense``, ``Mood``),
its auxiliaries (compound pasts, future auxiliaries, as listed in the language's data), or, for
an adjective or a noun, its copula. A verb in the present gives ``PRESENT``, which the language's
data reads as upcoming or nearest.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsevents.extract.time_grammar import TimeGrammar, group, normalize

_VERB_POS = frozenset({"VERB", "AUX"})
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
    for _ in range(_HEAD_STEPS):
        if word.pos_ in _VERB_POS:
            direction = _verb_direction(grammar, word, word)
        else:
            copula = next((c for c in word.children if c.dep_ == "cop"), None)
            direction = None if copula is None else _verb_direction(grammar, word, copula)
        if direction is not None:
            return direction
        if word.head is word:
            break
        word = word.head
    return 0


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
    for aux in auxiliaries:
        aux_tense = morph(aux, "Tense")
        if "Fut" in aux_tense or "Cnd" in morph(aux, "Mood"):
            return 1
        if "Past" in aux_tense or "Imp" in aux_tense or aux.tag_ == "VBD":
            return -1
        if "Sub" in morph(aux, "Mood"):
            return 0  # "avant que le bilan soit rendu public lundi"
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
