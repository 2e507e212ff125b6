"""Event coding: PLOVER events from the parse and the article's own records.

For each sentence the coder finds the trigger words of the language's lexicon
(:mod:`~newsevents.events.triggers`), reads the action's status from the words governing it
(:mod:`~newsevents.events.status`), and binds its arguments to the records already extracted:

- ``actors``: the subject of an active verb, the agent of a passive ("par la police"), the
  subject of the verb an infinitive depends on ("Kast promet d'expulser"), the noun a present
  participle or a relative clause hangs from, the "de"/"of" complement of an action noun that
  names a person, an organisation or a country; each is the entity whose mention or stated role
  holds that word, or else a group description with the amounts inside it;
- ``targets``: the object, the subject of a passive, the noun a past participle modifies;
- ``place``: the most precise toponym in the action's clause, outside its actor;
- ``date``: the time record in the action's clause (or on the verb governing it), outside its
  arguments; when there is none the publication date stands in and ``date_source`` says so;
- ``deadline``: a time of the clause after a deadline preposition, or a duration that ends on
  a day ("103 jours"), in the clause or in a quote of the actor linked to the event;
- ``quotes``: quotes holding the trigger, and quotes of the actor in the same or the next two
  sentences; ``amounts``: the amounts inside the arguments.

An action inside another ("a exigé la fermeture de la frontière", "menace d'expulser") is told
by the outer one: a threat takes the inner action's mode and target, other triggers drop the
inner one. An action named for the purpose of a meeting ("a convoqué un conseil afin de
déclarer l'état d'urgence") is the event, planned. Actions of one type joined by "et"/"and",
and the same action told again later in the article (same type and mode, same actor, same
status, no clashing date), are one event whose ``evidence`` holds each sentence that tells it.

Precision comes first: an action needs an actor or a target unless its lexicon entry says it
may stand alone (a scheduled vote), and an entry may ask for a date. ``confidence`` is the
entry's weight times a score of how much of the action is bound (0.55 base, +0.2 actor,
+0.1 verb rather than noun, +0.1 date in the text, +0.05 place), at most 0.95.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsevents.events.lexicon import COERCIVE_TYPES, EventLexicon, event_lexicon
from newsevents.events.status import (
    Reading,
    governors,
    is_purpose,
    read_status,
    status_from_date,
)
from newsevents.events.triggers import TriggerMatch, find_triggers, is_passive, lemma_of
from newsevents.lang import MissingLanguageData
from newsevents.records import (
    Amount,
    Argument,
    Entity,
    Event,
    EventStatus,
    Place,
    Quote,
    Span,
    Time,
    date_range,
)

_PRECISION_RANK = {"point": 0, "city": 1, "admin1": 2, "region": 3, "country": 4, None: 5}
_SUBJECT = frozenset({"nsubj", "csubj", "nsubj:outer"})
_PASSIVE_SUBJECT = frozenset({"nsubj:pass", "nsubjpass"})
_OBJECT = frozenset({"obj", "dobj", "iobj", "obl:arg"})
_AGENT = frozenset({"obl:agent", "agent"})
# Dependents left out of an argument's phrase: other clauses and asides.
_PHRASE_STOP = frozenset(
    {"acl", "acl:relcl", "relcl", "advcl", "punct", "conj", "cc", "parataxis", "appos", "dep"}
)
MAX_PHRASE = 12
# Clauses of their own under a trigger: their times and places are theirs.
_OTHER_CLAUSES = frozenset(
    {"advcl", "ccomp", "conj", "parataxis", "acl:relcl", "relcl", "csubj", "cc"}
)
# Dependents through which an infinitive shares its governor's subject.
_CONTROL = frozenset({"xcomp", "advcl", "conj", "obl:arg", "advmod", "mark"})
# Quotes of the actor this many sentences after the action are linked to it.
QUOTE_SENTENCES = 2
# Types whose action has another action as its content ("menace d'expulser", "a exigé la
# fermeture"): the inner action is told by the outer one.
_TELLING_TYPES = frozenset({"THREATEN", "REQUEST", "REJECT", "ACCUSE", "SUPPORT", "AGREE"})
NEST_DEPTH = 3
# Telling types that judge a deed rather than ask for one: a deed with its own doer stays.
_JUDGING_TYPES = frozenset({"ACCUSE", "SUPPORT"})
# Modes that name one action told two ways ("a expulsé" then "ont été reconduits").
_SAME_ACTION_MODES = (frozenset({"expel", "deport", "return"}), frozenset({"attack", "kill"}))
# A telling with no actor joins an action with one this many sentences before it at most.
NEAR_SENTENCES = 2
# Types whose mode the words around the action may give ("avec les forces armées": military).
_CUED_MODE_TYPES = frozenset({"MOBILIZE", "COERCE", "COOPERATE", "AID", "RETREAT", "ASSAULT"})
_LABEL_RANK = {"PER": 0, "ORG": 1, "LOC": 2, "NORP": 3, "MISC": 4}


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
    dropped: bool = False


class EventDocument:
    """The document and its records, indexed for binding arguments by character offsets."""

    def __init__(self, doc: Doc, lexicon: EventLexicon) -> None:
        self.doc = doc
        self.lexicon = lexicon
        records = doc._.records or {}
        self.entities: Sequence[Entity] = records.get("entities", ())
        self.places: Sequence[Place] = records.get("places", ())
        self.times: Sequence[Time] = records.get("times", ())
        self.amounts: Sequence[Amount] = records.get("amounts", ())
        self.quotes: Sequence[Quote] = records.get("quotes", ())
        article = doc._.article
        published = getattr(article, "published", None)
        self.published: dt.date | None = published
        self.named: set[int] = set()
        self.people: set[int] = set()
        self.mention_of: dict[int, tuple[Entity, Span]] = {}
        self.role_of: dict[int, Entity] = {}
        for entity in self.entities:
            for mention in entity.mentions or (Span(entity.text, entity.start, entity.end),):
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                for token in span:
                    self.mention_of.setdefault(token.i, (entity, mention))
                    if entity.label in {"ORG", "MISC"} or len(span) > 1:
                        self.named.add(token.i)
                    if entity.label in {"PER", "NORP", "ORG"}:
                        self.people.add(token.i)
            if entity.role is not None:
                span = doc.char_span(entity.role.start, entity.role.end, alignment_mode="expand")
                for token in span or ():
                    self.role_of.setdefault(token.i, entity)
        self.sentences = list(doc.sents)
        self.name_starts: set[int] = set()
        """Character offsets inside the names of people and organisations."""
        for entity in self.entities:
            if entity.label in {"PER", "ORG"}:
                for mention in entity.mentions or (Span(entity.text, entity.start, entity.end),):
                    self.name_starts.update(range(mention.start, mention.end))


def _span(doc: Doc, first: int, last: int) -> Span:
    """The character span of tokens ``first``..``last`` (inclusive)."""
    words = doc[first : last + 1]
    return Span(words.text, words.start_char, words.end_char)


def _sentence_span(sent: SpacySpan) -> Span:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    start = sent.start_char + lead
    return Span(body, start, start + len(body))


def _in_time(token: Token) -> bool:
    times = token.doc._.records.get("times", ()) if token.doc._.records else ()
    return any(t.start <= token.idx < t.end for t in times)


def _phrase(token: Token) -> list[Token]:
    """The words of the noun phrase headed by ``token``, without clauses and asides."""
    words = [token]
    stack = [c for c in token.children if c.dep_ not in _PHRASE_STOP]
    while stack:
        child = stack.pop()
        words.append(child)
        stack.extend(c for c in child.children if c.dep_ not in _PHRASE_STOP)
    words = [t for t in words if t.i == token.i or not _in_time(t)]
    words.sort(key=lambda t: t.i)
    # A phrase is contiguous around its head: stop at the first gap on each side.
    index = words.index(token)
    left, right = index, index
    while left > 0 and words[left - 1].i == words[left].i - 1:
        left -= 1
    while right < len(words) - 1 and words[right + 1].i == words[right].i + 1:
        right += 1
    kept = words[left : right + 1]
    while kept and kept[-1].pos_ in {"ADP", "DET", "CCONJ", "PUNCT", "SCONJ"}:
        kept.pop()
    while kept and kept[0].pos_ in {"ADP", "PUNCT", "CCONJ", "SCONJ"}:
        kept.pop(0)
    if len(kept) > MAX_PHRASE:
        kept = [t for t in kept if abs(t.i - token.i) < MAX_PHRASE // 2]
    return kept or [token]


def _entity_near(ctx: EventDocument, token: Token) -> tuple[Entity, Span] | None:
    """The entity a word names: its mention, its stated role, or a name in apposition."""
    if token.i in ctx.mention_of:
        return ctx.mention_of[token.i]
    if token.i in ctx.role_of:
        entity = ctx.role_of[token.i]
        return entity, Span(entity.text, entity.start, entity.end)
    if lemma_of(token) in ctx.lexicon.people and token.pos_ != "PROPN":
        # "des membres du gang Gran Grif", "jihadistes du JNIM": the organisation acts.
        for _depth, t in _descendants(token, {"nmod", "flat", "flat:name", "appos"}, limit=2):
            if t.i in ctx.mention_of and ctx.mention_of[t.i][0].label == "ORG":
                return ctx.mention_of[t.i]
        return None
    found: list[tuple[int, int, Entity, Span]] = []
    for depth, t in _descendants(token, {"appos", "flat", "flat:name", "nmod", "compound", "nn"}):
        if t.i in ctx.mention_of and t.pos_ == "PROPN":
            entity, mention = ctx.mention_of[t.i]
            if entity.label == "PER" or (depth == 1 and entity.label == "ORG"):
                found.append((_LABEL_RANK.get(entity.label, 5), depth, entity, mention))
    if found:
        found.sort(key=lambda f: (f[0], f[1]))
        return found[0][2], found[0][3]
    return None


def _descendants(token: Token, deps: set[str], limit: int = 3) -> list[tuple[int, Token]]:
    found: list[tuple[int, Token]] = []
    frontier = [token]
    for depth in range(1, limit + 1):
        frontier = [c for t in frontier for c in t.children if c.dep_ in deps]
        found.extend((depth, t) for t in frontier)
    return found


def _resolve_pronoun(ctx: EventDocument, token: Token) -> tuple[Entity, Span] | None:
    """The person a singular personal pronoun most likely stands for: the last one named."""
    if token.lower_ not in ctx.lexicon.pronouns_person:
        return None
    best: tuple[Entity, Span] | None = None
    for entity in ctx.entities:
        if entity.label != "PER":
            continue
        for mention in entity.mentions or (Span(entity.text, entity.start, entity.end),):
            if mention.end <= token.idx and (best is None or mention.start > best[1].start):
                best = (entity, mention)
    if best is not None and token.idx - best[1].end > 600:
        return None
    return best


def _argument(ctx: EventDocument, token: Token, acting: bool = False) -> Argument | None:
    """The actor or target a word stands for: an entity, or a group description. An actor
    described rather than named must be people or a body that can act ("les forces de
    l'ordre", "Thousands of people"), not a thing ("ce déploiement", "the detentions")."""
    named = _entity_near(ctx, token)
    if named is None and token.pos_ == "PRON":
        named = _resolve_pronoun(ctx, token) if token.dep_ in _SUBJECT else None
        if named is None:
            return None
    if named is not None:
        entity, mention = named
        return Argument(mention.text, mention.start, mention.end, entity=entity.id)
    if token.pos_ not in {"NOUN", "PROPN", "NUM", "ADJ"}:
        return None
    words = _phrase(token)
    if acting and not any(
        t.i in ctx.people
        or lemma_of(t) in ctx.lexicon.people
        or lemma_of(t) in ctx.lexicon.agents
        or t.lower_ in ctx.lexicon.agents
        for t in words
    ):
        return None
    span = _span(ctx.doc, words[0].i, words[-1].i)
    amounts = tuple(
        a.id for a in ctx.amounts if span.start <= a.start and a.end <= span.end and a.unit
    )
    return Argument(span.text, span.start, span.end, amounts=amounts)


def _children(token: Token, deps: frozenset[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _agent(token: Token, lexicon: EventLexicon) -> Token | None:
    for child in token.children:
        if child.dep_ in _AGENT:
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            return pobj[0] if pobj else child
        if child.dep_.startswith("obl") and any(
            c.dep_ == "case" and lemma_of(c) in lexicon.agent_preps for c in child.children
        ):
            return child
    return None


def _own_subject(token: Token) -> Token | None:
    subjects = _children(token, _SUBJECT)
    return subjects[0] if subjects and subjects[0].pos_ != "PRON" else None


def _controller(token: Token) -> Token | None:
    """The subject an infinitive or a later conjunct shares with the verb it depends on."""
    current = token
    for _ in range(4):
        if current.dep_ not in _CONTROL or current.head.i == current.i:
            return None
        current = current.head
        subjects = _children(current, _SUBJECT)
        if subjects:
            return subjects[0]
    return None


def _verbal_arguments(ctx: EventDocument, token: Token) -> tuple[Token | None, Token | None]:
    """Actor and target words of a verbal trigger."""
    lexicon = ctx.lexicon
    actor: Token | None = None
    target: Token | None = None
    own_object = any(c.dep_ in {"obj", "dobj"} for c in token.children)
    if (
        token.dep_ in {"acl", "amod"}
        and token.head.pos_ in {"NOUN", "PROPN", "PRON"}
        and not own_object
    ):
        participle_past = "Past" in token.morph.get("Tense", []) or is_passive(token, lexicon)
        if participle_past:
            target = token.head
            actor = _agent(token, lexicon)
        else:
            actor = token.head
            objects = _children(token, _OBJECT)
            target = objects[0] if objects else None
        return actor, target
    if token.dep_ in {"acl:relcl", "relcl"}:
        relative_subject = any(
            c.dep_ in _SUBJECT and "Rel" in c.morph.get("PronType", []) for c in token.children
        ) or any(
            c.dep_ in _SUBJECT and c.lower_ in {"qui", "que", "who", "which", "that"}
            for c in token.children
        )
        if relative_subject:
            actor = token.head
    reflexive = any("Yes" in c.morph.get("Reflex", []) for c in token.children if c.pos_ == "PRON")
    if is_passive(token, lexicon) and reflexive and _agent(token, lexicon) is None:
        # "les policiers se sont retirés", "se reunieron": the subject acts.
        passive = _children(token, _PASSIVE_SUBJECT) or _children(token, _SUBJECT)
        actor = actor or (passive[0] if passive else None)
        objects = [c for c in token.children if c.dep_ in {"obj", "dobj"}]
        target = objects[0] if objects else None
    elif is_passive(token, lexicon):
        passive = _children(token, _PASSIVE_SUBJECT) or _children(token, _SUBJECT)
        target = passive[0] if passive else None
        actor = actor or _agent(token, lexicon)
    else:
        subjects = _children(token, _SUBJECT)
        if subjects and actor is None:
            actor = subjects[0]
        objects = [c for c in token.children if c.dep_ in {"obj", "dobj"}]
        objects = objects or _children(token, frozenset({"iobj", "obl:arg"}))
        target = objects[0] if objects else None
    if actor is None:
        actor = _controller(token)
    return actor, target


def _nominal_arguments(ctx: EventDocument, token: Token) -> tuple[Token | None, Token | None]:
    """Actor and target words of an action noun ("la menace de Kast", "l'expulsion des
    migrants", "his threat"), and the subject of the verb it is the object of ("a annoncé la
    fermeture", "paralysed the country with a strike")."""
    lexicon = ctx.lexicon
    actor: Token | None = None
    target: Token | None = None
    for child in token.children:
        if child.dep_ in {"poss", "nmod:poss"} and actor is None and child.pos_ != "DET":
            actor = child
        elif child.dep_ in {"nmod", "prep", "obl"}:
            word = child
            if child.dep_ == "prep":
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                if not pobj:
                    continue
                word = pobj[0]
            preps = {lemma_of(c) for c in word.children if c.dep_ == "case"} | {lemma_of(child)}
            if preps & lexicon.agent_preps:
                actor = actor or word
            elif not preps & lexicon.of_preps:
                continue
            elif (_entity_near(ctx, word) is not None and word.pos_ == "PROPN") or (
                word.i in ctx.role_of
            ):
                actor = actor or word
            elif target is None and word.pos_ in {"NOUN", "PROPN"}:
                target = word
    if actor is None:
        # "Israeli bombing", "frappes israéliennes": a nationality names who acts
        for child in token.children:
            named = ctx.mention_of.get(child.i)
            if child.dep_ == "amod" and named is not None and named[0].label == "NORP":
                actor = child
                break
    head = token.head
    telling = any(  # "condemned the bombing": the condemner did not bomb
        e.type in _TELLING_TYPES for e in lexicon.entries_for(lemma_of(head), head.lower_)
    )
    if actor is None and head.pos_ in {"VERB", "AUX"} and head.i != token.i and not telling:
        instrument = {lemma_of(c) for c in token.children if c.dep_ == "case"}
        if token.dep_ in {"obj", "dobj"} or instrument & lexicon.with_preps:
            subjects = _children(head, _SUBJECT)
            actor = subjects[0] if subjects else None
    return actor, target


def _clause(token: Token, verbal: bool) -> list[Token]:
    """The words of the action's clause: the trigger's subtree without its subject and the
    clauses hanging from it, and for a noun or an infinitive the direct complements of the verb
    above it."""
    left_out = {
        t.i
        for c in token.children
        if c.dep_ in _SUBJECT | _PASSIVE_SUBJECT | _OTHER_CLAUSES
        for t in c.subtree
    }
    words = {t.i: t for t in token.subtree if t.i not in left_out}
    if not verbal or token.dep_ in {"xcomp", "acl", "amod"}:
        head = token.head
        for child in head.children:
            if child.dep_.startswith("obl") or child.dep_ in {"advmod", "nmod", "npadvmod", "prep"}:
                words.update({t.i: t for t in child.subtree})
    return [words[i] for i in sorted(words)]


def _within(start: int, end: int, spans: Sequence[Argument]) -> bool:
    return any(a.start <= start and end <= a.end for a in spans)


def _reaches(ctx: EventDocument, token: Token, anchors: set[int], allowed: set[int]) -> int:
    """Whether a toponym hangs from the action through place words only ("à la frontière avec
    le Pérou", "at the Chacalluta crossing"), not through other things ("l'arrivée de migrants
    en provenance du Chili"). The number of links up to the action, 0 when it does not."""
    if any(c.dep_ == "case" and lemma_of(c) in ctx.lexicon.with_preps for c in token.children):
        return 0  # "la frontière avec le Pérou", "its border with Haiti": a partner
    if token.dep_ == "pobj" and lemma_of(token.head) in ctx.lexicon.with_preps:
        return 0
    current = token
    for steps in range(1, 8):
        head = current.head
        if head.i in anchors:
            return steps
        if head.i == current.i:
            return 0
        if not (
            head.pos_ in {"ADP", "DET", "NUM", "PROPN", "PUNCT", "CCONJ", "ADV"}
            or lemma_of(head) in ctx.lexicon.place_nouns
            or head.i in allowed
        ):
            return 0
        current = head
    return 0


def _bind_place(
    ctx: EventDocument,
    clause: list[Token],
    actors: list[Argument],
    arguments: list[Argument],
    anchors: set[int],
    allowed: set[int],
) -> Place | None:
    if not clause:
        return None
    # A country acting or acted upon is not where it happened ("accused Belarus").
    named = [a for a in arguments if a.entity] + [a for a in arguments if a in actors]
    lo, hi = clause[0].idx, clause[-1].idx + len(clause[-1].text)
    indices = {t.idx for t in clause}
    best: tuple[tuple[int, int, int], Place] | None = None  # (no preposition, links, precision)
    for place in ctx.places:
        if not (lo <= place.start and place.end <= hi) or place.start not in indices:
            continue
        if _within(place.start, place.end, named) or place.start in ctx.name_starts:
            continue
        token = ctx.doc.char_span(place.start, place.end, alignment_mode="expand")
        steps = _reaches(ctx, token.root, anchors, allowed) if token is not None else 0
        if not steps:
            continue
        prep = 1
        if token is not None:
            before = ctx.doc[max(token.start - 3, 0) : token.start]
            if any(lemma_of(t) in ctx.lexicon.place_preps for t in before):
                prep = 0
        key = (prep, steps, _PRECISION_RANK.get(place.precision, 5))
        if best is None or key < best[0]:
            best = (key, place)
    return best[1] if best else None


def _is_date(time: Time) -> bool:
    return time.type in {"DATE", "TIME"} and time.value[:1].isdigit()


def _bind_times(
    ctx: EventDocument, clause: list[Token], trigger: Token, arguments: list[Argument]
) -> tuple[Time | None, Time | None]:
    """The action's date and deadline among the time records of its clause."""
    indices = {t.idx for t in clause}
    date: Time | None = None
    deadline: Time | None = None
    for time in sorted(ctx.times, key=lambda t: abs(t.start - trigger.idx)):
        if time.start not in indices or _within(time.start, time.end, arguments):
            continue
        span = ctx.doc.char_span(time.start, time.end, alignment_mode="expand")
        before: list[Token] = (
            list(ctx.doc[max(span.start - 2, 0) : span.start]) if span is not None else []
        )
        deadline_prep = any(lemma_of(t) in ctx.lexicon.deadline_preps for t in before)
        if deadline is None and (time.ends_on or (deadline_prep and _is_date(time))):
            deadline = time
        elif date is None and _is_date(time) and not deadline_prep:
            date = time
    return date, deadline


def _governor_date(ctx: EventDocument, token: Token, arguments: list[Argument]) -> Time | None:
    """A date on a verb above the trigger ("a annoncé jeudi avoir convoqué"), or on the
    predicate of a copula ("sera à Marseille jeudi afin d'y manifester")."""
    for word, _ in governors(token)[:2]:
        copula = any(c.dep_ == "cop" for c in word.children)
        if word.pos_ not in {"VERB", "AUX"} and not copula:
            continue
        indices: set[int] = set()
        for child in word.children:
            if child.dep_.startswith("obl") or child.dep_ in {"advmod", "npadvmod", "nmod", "prep"}:
                indices.update(t.idx for t in child.subtree)
        for time in ctx.times:
            if (
                time.start in indices
                and _is_date(time)
                and not _within(time.start, time.end, arguments)
            ):
                return time
    return None


def _words(ctx: EventDocument, spans: list[tuple[int, int]]) -> set[str]:
    words: set[str] = set()
    for start, end in spans:
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        for t in span or ():
            words.update({lemma_of(t), t.lower_})
    return words


def _near_words(token: Token) -> list[Token]:
    """The trigger's complements two links deep and the words right after it: where its mode
    and contexts are read, not in the asides of the whole clause."""
    found = [
        t for c in token.children if c.dep_ not in {"nsubj", "punct"} for t in (c, *c.children)
    ]
    found.extend(token.doc[token.i + 1 : min(token.i + 4, token.sent.end)])
    return found


def _mode_and_contexts(
    ctx: EventDocument, match: TriggerMatch, clause: list[Token], args: list[Argument]
) -> tuple[str | None, list[str]]:
    lex = ctx.lexicon
    words = {lemma_of(t) for t in clause} | {t.lower_ for t in clause}
    words |= _words(ctx, [(a.start, a.end) for a in args])
    mode = match.entry.mode
    if mode is None and match.entry.type in _CUED_MODE_TYPES:
        mode = next((m for m, cues in lex.mode_cues if words & cues), None)
    contexts = list(match.entry.contexts)
    contexts += [c for c, cues in lex.context_cues if words & cues and c not in contexts]
    return mode, contexts


def _quotes(ctx: EventDocument, cand: Candidate, sentence: int) -> list[str]:
    found = []
    trigger = cand.match.head
    actor_entities = {a.entity for a in cand.actors if a.entity}
    last = ctx.sentences[min(sentence + QUOTE_SENTENCES, len(ctx.sentences) - 1)]
    first = ctx.sentences[sentence]
    for quote in ctx.quotes:
        holds = quote.start <= trigger.idx < quote.end
        by_actor = (
            quote.speaker_entity in actor_entities
            and first.start_char <= quote.start < last.end_char
        )
        if holds or by_actor:
            found.append(quote.id)
    return found


def _candidate(ctx: EventDocument, match: TriggerMatch) -> Candidate | None:
    token = match.head
    reading = read_status(token, ctx.lexicon)
    event_type, mode = match.entry.type, match.entry.mode
    if match.verbal:
        actor_word, target_word = _verbal_arguments(ctx, token)
    else:
        actor_word, target_word = _nominal_arguments(ctx, token)
    threat = reading.threat
    if threat is not None and _own_subject(token) is not None:
        threatener = (
            _nominal_arguments(ctx, threat)[0]
            if threat.pos_ in {"NOUN", "PROPN"}
            else _verbal_arguments(ctx, threat)[0]
        )
        if threatener is not None and threatener.i != _own_subject(token).i:  # type: ignore[union-attr]
            # "warned that Chile could close the border": a warning about someone else.
            reading.set("hypothetical", f"warned of: {threat.text!r}")
            threat = None
    if threat is not None or (
        reading.promise is not None and event_type in COERCIVE_TYPES and target_word is not None
    ):
        reading.reasons.append(f"threat: {(threat or reading.promise).text!r}")  # type: ignore[union-attr]
        event_type = "THREATEN"
        reading.set("threatened", "a threat of coercion")
        if reading.status == "planned":
            reading.status = "threatened"
        if actor_word is None and threat is not None:
            actor_word = (
                _nominal_arguments(ctx, threat)[0]
                if threat.pos_ in {"NOUN", "PROPN"}
                else _verbal_arguments(ctx, threat)[0]
            )
    for word in (actor_word, target_word):
        if word is not None and any(
            c.dep_ in {"det", "advmod", "neg"} and lemma_of(c) in ctx.lexicon.negation
            for c in word.children
        ):
            reading.set("negated", f"negated: {word.text!r}")  # "no migrants were detained"
    if event_type == "THREATEN" and reading.status in {"occurred", "planned", "historical"}:
        reading.status = "threatened"
        reading.reasons.append(f"threat: {token.text!r}")
    actors = (
        [a for a in [_argument(ctx, actor_word, acting=True)] if a]
        if actor_word is not None
        else []
    )
    targets = [a for a in [_argument(ctx, target_word)] if a] if target_word is not None else []
    if (
        actors
        and targets
        and (actors[0].start, actors[0].end) == (targets[0].start, targets[0].end)
    ):
        targets = []
    clause = _clause(token, match.verbal)
    arguments = actors + targets
    anchors = {token.i}
    if not match.verbal or token.dep_ in {"xcomp", "acl", "amod"}:
        anchors.add(token.head.i)
    allowed = {t.i for t in (target_word, token.head) if t is not None}
    allowed |= {c.i for c in token.children if c.dep_ == "xcomp"}  # "laisser entrer au Pérou"
    allowed |= {t.i for t in clause if any(t.idx >= x.start and t.idx < x.end for x in ctx.times)}
    place = _bind_place(ctx, clause, actors, actors + targets, anchors, allowed)
    date, deadline = _bind_times(ctx, clause, token, actors + ([] if match.verbal else targets))
    if date is None and match.verbal:
        date = _governor_date(ctx, token, arguments)
    if date is None:
        # the parse sometimes hangs the time on the subject ("Poland's border service on Tuesday")
        subject = [t for c in token.children if c.dep_ in _SUBJECT for t in c.subtree]
        date = _bind_times(ctx, subject, token, arguments)[0]
    if match.entry.needs_date and (date is None or not _ahead(ctx, date)):
        return None  # a vote is coded when it is scheduled, not when its results are told
    if event_type in _TELLING_TYPES and not actors:
        return None  # a threat, demand, accusation or promise is someone's
    central = match.verbal or token.dep_ in {
        "nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "ROOT"
    }  # fmt: skip
    if (
        not actors
        and not targets
        and not match.entry.bare
        and ((date is None and place is None) or not central)
    ):
        return None  # an action with no one in it must at least be the clause's own
    near = [token, *_near_words(token)]
    mode_found, contexts = _mode_and_contexts(ctx, match, near, arguments)
    cand = Candidate(
        match=match,
        reading=reading,
        type=event_type,
        mode=mode if mode else mode_found,
        actors=actors,
        targets=targets,
        place=place,
        time=date,
        deadline=deadline,
        contexts=contexts,
    )
    cand.amounts = [a for arg in arguments for a in arg.amounts]
    return cand


def _ahead(ctx: EventDocument, time: Time) -> bool:
    first, _ = date_range(time.value)
    return ctx.published is None or (first is not None and first >= ctx.published)


def _governed(cand: Candidate, others: list[Candidate]) -> Candidate | None:
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


def _nest(ctx: EventDocument, sentence: list[Candidate]) -> None:
    """Drop inner or outer actions of one sentence: see the module's docstring."""
    for cand in sentence:
        outer = _governed(cand, sentence)
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
        outer_words = {lemma_of(outer.match.head), outer.match.head.lower_}
        if outer_words & ctx.lexicon.denial:
            # "a démenti avoir envoyé des troupes": the denied action, negated, is the event.
            outer.dropped = True
            continue
        theme = cand.match.head.dep_ in {"obj", "dobj", "nsubj:pass", "nsubjpass"} and (
            cand.match.head.head.i == outer.match.head.i
        )
        if outer.type not in _TELLING_TYPES and not theme:
            continue
        own = {x.entity or x.text for x in cand.actors} - {x.entity or x.text for x in outer.actors}
        if outer.type in _JUDGING_TYPES and own:
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


def _same_mode(a: str | None, b: str | None) -> bool:
    return not a or not b or a == b or any(a in f and b in f for f in _SAME_ACTION_MODES)


def _compatible(a: Candidate, b: Candidate, distance: int) -> bool:
    """Whether two tellings may be one action: same type, mode of one family, same status,
    no clashing dates, and the same actor, or no actor on one side within a few sentences."""
    if a.type != b.type or not _same_mode(a.mode, b.mode):
        return False
    if a.status != b.status:
        return False
    if a.time and b.time and a.time.value != b.time.value:
        return False
    ents_a = {x.entity or x.text.lower() for x in a.actors}
    ents_b = {x.entity or x.text.lower() for x in b.actors}
    if ents_a and ents_b:
        return bool(ents_a & ents_b)
    if ents_a or ents_b:
        return distance <= NEAR_SENTENCES
    heads_a = {x.text.lower() for x in a.targets}
    heads_b = {x.text.lower() for x in b.targets}
    if heads_a & heads_b or (a.time and b.time):
        return True
    # a headline and its story, a noun and its verb: one side says no more than the type
    return (not heads_a or not heads_b) and distance <= NEAR_SENTENCES


def _joined(a: Candidate, b: Candidate) -> bool:
    """Two triggers of one type joined by a conjunction, directly or through their objects."""
    ha, hb = a.match.head, b.match.head
    if a.type != b.type:
        return False
    return ha.i in {w.i for w, _ in governors(hb)[:NEST_DEPTH]} or hb.i in {
        w.i for w, _ in governors(ha)[:NEST_DEPTH]
    }


def _absorb(keep: Candidate, other: Candidate, mode_order: list[str]) -> None:
    if other.mode and keep.mode != other.mode:
        ranked = [m for m in mode_order if m in {keep.mode, other.mode}]
        keep.mode = ranked[0] if ranked else keep.mode or other.mode
    keep.actors = keep.actors or other.actors
    if not keep.targets or (other.targets and other.amounts and not keep.amounts):
        # the telling that counts the group ("les plus de 330.000 migrants") describes it too
        keep.targets = keep.targets + [t for t in other.targets if t not in keep.targets]
    keep.place = keep.place or other.place
    keep.time = keep.time or other.time
    keep.deadline = keep.deadline or other.deadline
    keep.amounts += [a for a in other.amounts if a not in keep.amounts]
    keep.quotes += [q for q in other.quotes if q not in keep.quotes]
    keep.contexts += [c for c in other.contexts if c not in keep.contexts]
    keep.evidence += [e for e in other.evidence if e not in keep.evidence]
    keep.sentence = max(keep.sentence, other.sentence)
    other.dropped = True


def _said_on(ctx: EventDocument, cand: Candidate) -> Time | None:
    """When a threat, demand or accusation made in words was said: its quote's date."""
    times = {t.id: t for t in ctx.times}
    for quote in ctx.quotes:
        if quote.id in cand.quotes and quote.said_on in times and _is_date(times[quote.said_on]):
            return times[quote.said_on]
    return None


def _deadline_from_quotes(ctx: EventDocument, cand: Candidate) -> Time | None:
    quotes = [q for q in ctx.quotes if q.id in cand.quotes]
    for time in ctx.times:
        if time.ends_on and any(q.start <= time.start < q.end for q in quotes):
            return time
    return None


def code_events(doc: Doc) -> list[Event]:
    """The PLOVER events of an analysed document, ids ``ev1``, ``ev2``… in text order."""
    if not doc.has_annotation("DEP"):
        return []  # events are read from the dependency parse; a pipeline without one codes none
    try:
        lexicon = event_lexicon(doc.lang_)
    except MissingLanguageData:
        return []
    ctx = EventDocument(doc, lexicon)
    published = ctx.published.isoformat() if ctx.published else None
    mode_order = [m for m, _ in lexicon.mode_cues]
    kept: list[Candidate] = []
    for n, sent in enumerate(ctx.sentences):
        found = [
            c
            for match in find_triggers(sent, lexicon, ctx.named, ctx.people)
            if (c := _candidate(ctx, match)) is not None
        ]
        for cand in found:
            cand.status = cand.reading.status
            if cand.time is not None and published:
                first, last = date_range(cand.time.value)
                cand.status = status_from_date(
                    cand.status,
                    first.isoformat() if first else None,
                    last.isoformat() if last else None,
                    published,
                )
            if cand.status != cand.reading.status:
                cand.reading.reasons.append(f"dated {cand.time.value if cand.time else ''}")
            cand.evidence = [_sentence_span(sent)]
            cand.sentence = n
            cand.quotes = _quotes(ctx, cand, n)
            cand.deadline = cand.deadline or _deadline_from_quotes(ctx, cand)
            if cand.time is None and cand.type in _TELLING_TYPES:
                cand.time = _said_on(ctx, cand)
        _nest(ctx, found)
        alive = [c for c in found if not c.dropped]
        for i, cand in enumerate(alive):
            for earlier in alive[:i]:
                if not earlier.dropped and _joined(earlier, cand):
                    _absorb(earlier, cand, mode_order)
                    break
        for cand in alive:
            if cand.dropped:
                continue
            same = next((k for k in kept if _compatible(k, cand, n - k.sentence)), None)
            if same is not None:
                _absorb(same, cand, mode_order)
            else:
                kept.append(cand)
    return [_record(ctx, cand, n) for n, cand in enumerate(kept, 1)]


def _record(ctx: EventDocument, cand: Candidate, n: int) -> Event:
    match = cand.match
    trigger = _span(ctx.doc, match.start, match.end - 1)
    sentence = cand.evidence[0]
    score = 0.55 + 0.2 * bool(cand.actors) + 0.1 * match.verbal
    score += 0.1 * (cand.time is not None) + 0.05 * (cand.place is not None)
    published = ctx.published.isoformat() if ctx.published else None
    status: EventStatus = cand.status  # type: ignore[assignment]
    return Event(
        id=f"ev{n}",
        text=trigger.text,
        start=trigger.start,
        end=trigger.end,
        type=cand.type,
        sentence=sentence,
        mode=cand.mode,
        contexts=tuple(cand.contexts),
        status=status,
        actors=tuple(cand.actors),
        targets=tuple(cand.targets),
        place=cand.place.id if cand.place else None,
        date=cand.time.id if cand.time else None,
        date_value=cand.time.value if cand.time else published,
        date_source="text" if cand.time else ("published" if published else None),
        deadline=cand.deadline.id if cand.deadline else None,
        amounts=tuple(cand.amounts),
        quotes=tuple(cand.quotes),
        evidence=tuple(cand.evidence),
        reasons=tuple(cand.reading.reasons),
        confidence=round(min(0.95, match.entry.weight * score), 2),
    )


__all__ = ["code_events"]
