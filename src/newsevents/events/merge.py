"""One event per real action: actions inside actions, and the same action told twice.

An action inside another ("a exigé la fermeture de la frontière", "menace d'expulser") is told
by the outer one: a threat takes the inner action's mode and target, other telling types drop
the inner one, unless an accusation or support judges a deed with a doer of its own, or an
attack or a coercion, which took place whoever did it. The object of another trigger is its
theme ("lifted the blockade": one RETREAT). An action named for the purpose of a meeting ("a
convoqué un conseil afin de déclarer l'état d'urgence") is the event, planned; the aim of any
other action is not an action told. Actions of one type joined in the parse ("l'état d'urgence
et la militarisation") are one event, and so is the same action told again later (same type, a
mode of the same family, same status, no clashing date, the same actor or no actor within two
sentences with a verb), its sentence added to the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newsevents.events.arguments import TELLING_TYPES, EventDocument
from newsevents.events.status import Reading, governors, is_purpose
from newsevents.events.triggers import TriggerMatch, lemma_of, relative_subject
from newsevents.records import Argument, Place, Span, Time

NEST_DEPTH = 3
# Telling types that judge a deed rather than ask for one: a deed with its own doer stays.
_JUDGING_TYPES = frozenset({"ACCUSE", "SUPPORT"})
# Deeds that took place whoever did them: judged, they stay events ("condemned the bombing").
_DEED_TYPES = frozenset({"ASSAULT", "COERCE"})
# What a protest says: its demand, its accusation, its refusal or its support.
_DEMAND_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT"})
# Dependents that are a verb's own object, and its active subject.
_OBJECT_DEPS = frozenset({"obj", "dobj"})
_SUBJECT_DEPS = frozenset({"nsubj"})
_RELATIVE_DEPS = frozenset({"relcl", "acl:relcl"})
# Modes that name one action told two ways ("a expulsé" then "ont été reconduits").
_SAME_ACTION_MODES = (frozenset({"expel", "deport", "return"}), frozenset({"attack", "kill"}))
# A telling with no actor joins an action with one this many sentences before it at most.
NEAR_SENTENCES = 2


@dataclass(slots=True)
class Candidate:
    """An action in the making: its trigger, status reading and bound arguments."""

    match: TriggerMatch
    reading: Reading
    type: str
    mode: str | None
    actors: list[Argument] = field(default_factory=list)
    targets: list[Argument] = field(default_factory=list)
    place: Place | None = None
    time: Time | None = None
    deadline: Time | None = None
    amounts: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)
    status: str = "occurred"
    evidence: list[Span] = field(default_factory=list)
    sentence: int = 0
    """Index of the sentence of the last telling."""
    refusal: Token | None = None
    """The word that made the action a refusal of it ("a refusé de les laisser entrer")."""
    occasion: Token | None = None
    """The words dating the action by another ("the same day", "during the stoppage")."""
    on_the_spot: bool = False
    """The words say it happened where the action told before did ("sur place")."""
    voiced: bool = False
    """The target is a quote's speaker, told by a first-person pronoun: one of those it
    happened to, who describes them further ("un migrant vénézuélien")."""
    dropped: bool = False


def governed(cand: Candidate, others: list[Candidate]) -> Candidate | None:
    """Another candidate of the sentence whose trigger governs this one's, within two links,
    or the threat or promise noun the parse left apart from it."""
    heads = {w.i for w, _ in governors(cand.match.head)[:NEST_DEPTH]}
    for word in (cand.reading.threat, cand.reading.promise):
        if word is not None:
            heads.add(word.i)
    for other in others:
        if other is not cand and other.match.head.i in heads:
            return other
    return None


def nest(ctx: EventDocument, sentence: list[Candidate]) -> None:
    """Drop inner or outer actions of one sentence: see the module's docstring."""
    for cand in sentence:
        outer = governed(cand, sentence)
        if outer is None or outer.dropped:
            continue
        if cand.match.head.dep_ == "conj":
            continue
        if is_purpose(cand.match.head, ctx.lexicon):
            # A meeting called to act: the action is the event. Otherwise the aim of an
            # action is not an action told ("deployed the army to support the police").
            if outer.type == "CONSULT" and cand.type != "CONSULT":
                outer.dropped = True
            else:
                cand.dropped = True
            continue
        if cand.refusal is not None and cand.refusal.i == outer.match.head.i:
            outer.dropped = True  # "refused to let them in": one refusal, coded as the inner
            continue
        outer_words = {lemma_of(outer.match.head), outer.match.head.lower_}
        if outer_words & ctx.lexicon.denial:
            # "a démenti avoir envoyé des troupes": the denied action, negated, is the event.
            outer.dropped = True
            continue
        if outer.type == "PROTEST" and not outer.match.verbal and cand.type in _DEMAND_TYPES:
            # "a demonstration demanding Elian's return": what a protest demands is its content
            outer.actors = outer.actors or cand.actors
            outer.targets = outer.targets or cand.targets
            cand.dropped = True
            continue
        theme = cand.match.head.dep_ in {"obj", "dobj", "nsubj:pass", "nsubjpass"} and (
            cand.match.head.head.i == outer.match.head.i
        )
        if outer.type not in TELLING_TYPES and not theme:
            continue
        own = {x.entity or x.text for x in cand.actors} - {x.entity or x.text for x in outer.actors}
        if outer.type in _JUDGING_TYPES and (own or cand.type in _DEED_TYPES):
            continue  # "condemned the Israeli bombing": a deed of someone else, told as done
        if outer.type == "THREATEN":
            outer.mode = outer.mode or cand.mode
            outer.targets = outer.targets or cand.targets
            outer.actors = outer.actors or cand.actors
            outer.amounts = outer.amounts or cand.amounts
            outer.contexts += [c for c in cand.contexts if c not in outer.contexts]
            outer.place = outer.place or cand.place
            outer.deadline = outer.deadline or cand.deadline
        cand.dropped = True


def outcomes(sentence: list[Candidate], mode_order: list[str]) -> None:
    """An attack named as what killed or wounded, as the subject of the killing or of the verb
    its participle clause hangs from ("the bombings killed more than 200 people", "the attack
    shook the market, killing 12"): the killing is its outcome, one event named by the attack,
    with the victims and their number. A later conjunct ("killed scores of people and injured
    more") and a relative clause of the attack ("the bomb blasts which killed") are outcomes
    too."""
    for deed in sentence:
        if deed.dropped or deed.type != "ASSAULT" or not deed.match.verbal:
            continue
        verb = deed.match.head
        while verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head
        verbs = [verb, verb.head] if verb.dep_ == "advcl" else [verb]
        subjects = {c.i for v in verbs for c in v.children if c.dep_ in _SUBJECT_DEPS}
        if verb.dep_ in _RELATIVE_DEPS and relative_subject(verb):
            subjects.add(verb.head.i)
        attack = next(
            (
                c
                for c in sentence
                if c is not deed
                and not c.dropped
                and c.type == "ASSAULT"
                and not c.match.verbal
                and c.match.head.i in subjects
            ),
            None,
        )
        if attack is not None:
            attack.targets = attack.targets + [t for t in deed.targets if t not in attack.targets]
            attack.mode = deed.mode or attack.mode
            absorb(attack, deed, mode_order)


def same_mode(a: str | None, b: str | None) -> bool:
    return not a or not b or a == b or any(a in f and b in f for f in _SAME_ACTION_MODES)


def compatible(a: Candidate, b: Candidate, distance: int) -> bool:
    """Whether two tellings may be one action: same type, mode of one family, same status,
    no clashing dates, and the same actor, or no actor on one side within a few sentences."""
    if a.type != b.type or not same_mode(a.mode, b.mode):
        return False
    if a.sentence == b.sentence and _two_deeds(a, b, conjoined=True):
        return False
    if a.status != b.status:
        return False
    if a.time and b.time and a.time.value != b.time.value:
        return False
    ents_a = {x.entity or x.text.lower() for x in a.actors}
    ents_b = {x.entity or x.text.lower() for x in b.actors}
    if ents_a and ents_b:
        return bool(ents_a & ents_b) or _described_alike(a.actors, b.actors)
    if ents_a or ents_b:
        # "the killing of Alexis Grigoropoulos" … "Korkoneas killed Grigoropoulos": the same
        # person it was done to names the same deed, however far apart
        named_a = {x.entity for x in a.targets if x.entity}
        named_b = {x.entity for x in b.targets if x.entity}
        return distance <= NEAR_SENTENCES or (a.type in _DEED_TYPES and bool(named_a & named_b))
    heads_a = {x.text.lower() for x in a.targets}
    heads_b = {x.text.lower() for x in b.targets}
    if heads_a & heads_b or (a.time and b.time):
        return True
    # a headline and its story, a noun and its verb: one side says no more than the type
    return (not heads_a or not heads_b) and distance <= NEAR_SENTENCES


def _described_alike(a: list[Argument], b: list[Argument]) -> bool:
    """Whether two actors described in words, not named, are one: the words of one are all in
    the other ("the influential US daily" and "the influential US")."""
    for x in a:
        for y in b:
            if x.entity is None and y.entity is None:
                wx, wy = set(x.text.lower().split()), set(y.text.lower().split())
                if wx <= wy or wy <= wx:
                    return True
    return False


def joined(a: Candidate, b: Candidate) -> bool:
    """Two triggers of one type joined by a conjunction, directly or through their objects."""
    ha, hb = a.match.head, b.match.head
    if a.type != b.type:
        return False
    if _two_deeds(a, b):
        return False
    return ha.i in {w.i for w, _ in governors(hb)[:NEST_DEPTH]} or hb.i in {
        w.i for w, _ in governors(ha)[:NEST_DEPTH]
    }


def _two_deeds(a: Candidate, b: Candidate, conjoined: bool = False) -> bool:
    """Two deeds told by two verbs, each with an object of its own ("ont tué 70 personnes et
    incendié des dizaines de maisons", "imposed a curfew and said soldiers had arrested 14
    suspects"): two actions, not one told twice. A measure and what it is for stay one
    ("déclarer l'état d'urgence et ainsi redoubler les efforts de surveillance"). With
    ``conjoined``, only verbs joined by a conjunction (a participle clause may tell the same
    deed: "rammed a truck into a base, killing two")."""
    ha, hb = a.match.head, b.match.head
    joined_by_and = (ha.dep_ == "conj" and ha.head.i == hb.i) or (
        hb.dep_ == "conj" and hb.head.i == ha.i
    )
    return (
        a.type in _DEED_TYPES
        and a.match.verbal
        and b.match.verbal
        and ha.i != hb.i
        and (joined_by_and or not conjoined)
        and any(c.dep_ in _OBJECT_DEPS for c in ha.children)
        and any(c.dep_ in _OBJECT_DEPS for c in hb.children)
    )


def absorb(keep: Candidate, other: Candidate, mode_order: list[str]) -> None:
    if other.mode and keep.mode != other.mode:
        ranked = [m for m in mode_order if m in {keep.mode, other.mode}]
        keep.mode = ranked[0] if ranked else keep.mode or other.mode
    keep.actors = keep.actors or other.actors
    if not keep.targets or other.voiced or (other.targets and other.amounts and not keep.amounts):
        # the telling that counts the group ("les plus de 330.000 migrants") or one who speaks
        # for it ("un migrant vénézuélien") describes it too
        keep.targets = keep.targets + [t for t in other.targets if t not in keep.targets]
    keep.place = keep.place or other.place
    keep.time = keep.time or other.time
    keep.deadline = keep.deadline or other.deadline
    keep.amounts += [a for a in other.amounts if a not in keep.amounts]
    keep.quotes += [q for q in other.quotes if q not in keep.quotes]
    keep.contexts += [c for c in other.contexts if c not in keep.contexts]
    keep.evidence += [e for e in other.evidence if e not in keep.evidence]
    keep.reading.reasons += [r for r in other.reading.reasons if r not in keep.reading.reasons]
    keep.sentence = max(keep.sentence, other.sentence)
    other.dropped = True


__all__ = [
    "Candidate",
    "absorb",
    "compatible",
    "governed",
    "joined",
    "nest",
    "outcomes",
    "same_mode",
]
