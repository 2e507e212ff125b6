"""Event coding: PLOVER events from the parse and the article's own records.

For each sentence the coder finds the trigger words of the language's lexicon
(:mod:`~newsevents.events.triggers`), reads the action's status from the words governing it
(:mod:`~newsevents.events.status`), binds its actors, targets, place, date and deadline to the
records already extracted (:mod:`~newsevents.events.arguments`), links the quotes that tell it
or that its actor said next to it, and keeps one event per real action
(:mod:`~newsevents.events.merge`). A threat, demand or accusation made in words without a date
of its own takes its quote's date; a deadline can come from the quote too ("103 jours").

Precision comes first: an action needs an actor or a target, or else must be the clause's own
and placed or dated in the text, unless its lexicon entry says it may stand alone (a scheduled
vote); an entry may ask for a date; a threat needs its actor, and a demand, accusation, promise
or refusal its actor or its target ("X was charged with murder").
``confidence`` is the entry's weight times a score of how much of the action is bound (0.55
base, +0.2 actor, +0.1 verb rather than noun, +0.1 date in the text, +0.05 place), at most 0.95.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsevents.events.arguments import (
    OBJECT,
    SUBJECT,
    TELLING_TYPES,
    EventDocument,
    argument,
    arguments_of,
    bears,
    bind_place,
    bind_times,
    border_crossing,
    burdened,
    children_of,
    clause_of,
    clause_place,
    country_entered,
    entity_near,
    entrant,
    governor_date,
    governor_place,
    is_date,
    list_head,
    means_of,
    most_precise_told_with,
    nominal_arguments,
    own_subject,
    place_before_where,
    place_in_target,
    place_of_party,
    place_of_relative,
    place_pointed_back,
    place_visited,
    reporting_force,
    same_place_cue,
    same_time_cue,
    sent_to,
    sentence_span,
    token_span,
    verbal_arguments,
)
from newsevents.events.lexicon import COERCIVE_TYPES, event_lexicon
from newsevents.events.merge import (
    NEAR_SENTENCES,
    Candidate,
    absorb,
    compatible,
    joined,
    nest,
    outcomes,
)
from newsevents.events.status import negated, read_status, refuser, status_from_date
from newsevents.events.triggers import TriggerMatch, find_triggers, lemma_of
from newsevents.lang import MissingLanguageData
from newsevents.records import Argument, Event, EventStatus, Place, Time, date_range

# Quotes of the actor this many sentences after the action are linked to it.
QUOTE_SENTENCES = 2
# Types whose participants are whoever was there: the subject of "said at the meeting" met.
ATTENDED_TYPES = frozenset({"CONSULT"})
# Modes of sending people away: a place they were sent to is not where it happened.
SENDING_MODES = frozenset({"expel", "deport", "return"})
# Types of actions on people or passage at a border: they happen at its crossings (troops sent
# "to the border" are not at a crossing).
CROSSING_TYPES = frozenset({"COERCE", "CONCEDE"})
# Deeds done where their actor or target is ("l'ambassade du Chili à Caracas a accordé
# l'asile"); not words, where a place in the actor's phrase is a title ("el presidente de EA
# en Álava").
LOCATED_TYPES = frozenset({"COERCE", "ASSAULT", "AID", "MOBILIZE", "PROTEST"})
# Deeds done to someone: a person after "of" is who it was done to ("the killing of X").
DEED_TYPES = frozenset({"ASSAULT", "COERCE"})
# Types whose target a preposition of `burden_preps` may name ("sanctions on Russia").
BURDEN_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
# Where an action noun is its clause's own: its subject, its object, or the clause itself.
_CORE_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "ROOT"})
# Types whose mode the words around the action may give ("avec les forces armées": military).
_CUED_MODE_TYPES = frozenset({"MOBILIZE", "COERCE", "COOPERATE", "AID", "RETREAT", "ASSAULT"})


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


def _complement_nouns(token: Token) -> list[Token]:
    """The nouns of the action's prepositional complements ("aboard a plane", "en un avión")."""
    found = [c for c in token.children if c.dep_.startswith("obl") and c.pos_ == "NOUN"]
    for prep in token.children:
        if prep.dep_ == "prep":
            found += [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
    return found


def _phrase_object(match: TriggerMatch) -> Token | None:
    """The object of a phrase trigger whose own words hold its verb's object ("opened fire on
    protesters", "abrieron fuego contra"): the noun after a preposition hanging from it."""
    words = match.head.doc[match.start : match.end]
    last = words[-1]
    if last.dep_ == "prep":  # "set fire to a bank", "fired on protesters"
        objects = [c for c in last.children if c.dep_ == "pobj"]
        if objects:
            return objects[0]
    for word in words:
        for prep in word.children:
            if prep.i >= match.end and prep.dep_ == "prep":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
            if prep.i >= match.end and prep.dep_.startswith("obl"):
                return prep
    return None


def _candidate(ctx: EventDocument, match: TriggerMatch) -> Candidate | None:
    token = match.head
    reading = read_status(token, ctx.lexicon)
    event_type, mode = match.entry.type, match.entry.mode
    refusing = refuser(token, reading, ctx.lexicon) if match.entry.refused_type else None
    if refusing is not None:
        # "ne veulent pas nous laisser entrer": refusing entry is an action, read as told
        own = refusing is not reading.negation
        reading = read_status(refusing, ctx.lexicon, own_negation=own)
        reading.reasons.insert(0, f"refusal: {refusing.text!r}")
        event_type, mode = match.entry.refused_type, match.entry.refused_mode  # type: ignore[assignment]
    if (
        event_type == "CONCEDE"
        and reading.negation is token
        and reading.denial is None
        and _will(ctx, token)
    ):
        # "ne céderaient pas à la menace", "would not allow it": a concession refused
        reading = read_status(token, ctx.lexicon, own_negation=False)
        reading.reasons.insert(0, f"concession refused: {token.text!r}")
        event_type, mode = "REJECT", None
    if event_type == "ASSAULT" and _by_accident(ctx, token):
        return None  # "crashed into the Atlantic, killing all 228 people": no one's deed
    if match.verbal:
        actor_word, target_word = verbal_arguments(ctx, token)
        if target_word is not None and match.start <= target_word.i < match.end:
            target_word = _phrase_object(match)  # "opened fire on protesters": the protesters
        if actor_word is None and match.entry.by_forces and refusing is None:
            actor_word = reporting_force(ctx.lexicon, token)  # "…, police said"
        if (
            event_type in BURDEN_TYPES
            and target_word is not None
            and lemma_of(target_word) in match.entry.objects
        ):
            target_word = burdened(ctx, token, target_word) or target_word  # "on Pimstein"
    else:
        actor_word, target_word = nominal_arguments(
            ctx, token, event_type in ATTENDED_TYPES, event_type in DEED_TYPES
        )
        if target_word is None and event_type in BURDEN_TYPES:
            target_word = burdened(ctx, token)  # "an embargo on Cuba", "the attack on Kabul"
        if (
            event_type == "ACCUSE"
            and lemma_of(token) in ctx.lexicon.content_nouns
            and target_word is not None
            and target_word.head.head.i == token.i
            and not bears(ctx, target_word)
        ):
            target_word = None  # "a charge of murder": what is charged, not whom
    threat = reading.threat
    if threat is not None and own_subject(token) is not None:
        threatener = arguments_of(ctx, threat)[0]
        if threatener is not None and threatener.i != own_subject(token).i:  # type: ignore[union-attr]
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
            actor_word = arguments_of(ctx, threat)[0]
    for word in (actor_word, target_word):
        if word is not None and negated(word, ctx.lexicon):
            reading.set("negated", f"negated: {word.text!r}")  # "no migrants were detained"
    if event_type == "THREATEN" and reading.status in {"occurred", "planned", "historical"}:
        reading.status = "threatened"
        reading.reasons.append(f"threat: {token.text!r}")
    actors = (
        [a for a in [argument(ctx, actor_word, acting=True)] if a] if actor_word is not None else []
    )
    targets = [a for a in [argument(ctx, target_word)] if a] if target_word is not None else []
    if (
        actors
        and targets
        and (actors[0].start, actors[0].end) == (targets[0].start, targets[0].end)
    ):
        targets = []
    if match.entry.entry_by_destination and target_word is None and match.verbal:
        target_word = entrant(token, match.entry.objects)
        targets = [a for a in [argument(ctx, target_word)] if a] if target_word is not None else []
    if not actors and match.entry.entry_by_destination:
        entered = country_entered(ctx, token)
        if entered is not None:
            actors = [entered]
            reading.reasons.append(f"entry into {entered.text!r} is its own to grant")
    clause = clause_of(token, match.verbal)
    verb = None if match.verbal else means_of(ctx.lexicon, token)
    if verb is None and not match.verbal and event_type in LOCATED_TYPES:
        verb = _struck_by(token)  # "Protests have overtaken Greece", "the blast rocked Kabul"
    if verb is not None:
        # "a paralysé jeudi l'Argentine avec sa grève générale": the strike was where it struck
        seen = {t.i for t in clause}
        objects = [t for c in verb.children if c.dep_ in OBJECT for t in c.subtree]
        clause = sorted([*clause, *(t for t in objects if t.i not in seen)], key=lambda t: t.i)
    arguments = actors + targets
    anchors = {token.i}
    if not match.verbal or token.dep_ in {"xcomp", "acl", "amod"}:
        anchors.add(token.head.i)
    allowed = {t.i for t in (target_word, token.head) if t is not None}
    allowed |= {c.i for c in token.children if c.dep_ == "xcomp"}  # "laisser entrer au Pérou"
    if event_type not in TELLING_TYPES:  # "blocked migrants from entering Peru at Santa Rosa"
        allowed |= {
            g.i for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"
        }
    allowed |= {t.i for t in clause if t.i in ctx.time_tokens}
    occasion = same_time_cue(ctx, token, clause)  # "during the stoppage", "the same day"
    if occasion is not None:
        allowed.add(occasion.i)  # "durante el asalto a la ciudad de Mirebalais": there
    place = bind_place(ctx, clause, actors, actors + targets, anchors, allowed)
    sending = (mode or match.entry.mode) in SENDING_MODES
    if place is not None and sending and sent_to(ctx, place, token):
        reading.reasons.append(f"sent to {place.text!r}, not there")
        place = None  # "renvoyées vers le Maroc": where they were sent
    if place is not None:
        place = most_precise_told_with(ctx, place)
    place = place or place_before_where(ctx, token)
    place = place or place_in_target(ctx, target_word, event_type in DEED_TYPES)
    place = place or place_pointed_back(ctx, token)
    if place is None and (match.entry.named_objects or event_type == "CONSULT"):
        place = place_visited(ctx, target_word)  # "visited Riyadh": the visit was there
    if place is None and event_type in LOCATED_TYPES:  # "police in Arica detained": there
        place = place_of_party(ctx, actor_word) or place_of_party(ctx, target_word)
        place = place or place_of_relative(ctx, target_word, reached=sending)
    if place is None and sending:
        for means in _complement_nouns(token):  # "aboard a plane that took off from Iquique"
            place = place or place_of_relative(ctx, means, ctx.lexicon.departure_verbs)
    if place is None and match.verbal:
        # "…, before lifting their blockade"; "Speaking in Juba, Mr. Kiir denounced": there
        place = governor_place(ctx, token) or clause_place(ctx, token)
    if place is None and event_type in CROSSING_TYPES:
        place = border_crossing(ctx, clause, arguments, anchors, allowed)
        if place is not None:
            reading.reasons.append(f"at the border's one crossing named: {place.text!r}")
    reaction = None if match.verbal or event_type in TELLING_TYPES else _reaction_to(ctx, token)
    timed = clause if reaction is None else list(token.subtree)  # the reaction's time is its own
    date, deadline = bind_times(ctx, timed, token, actors + ([] if match.verbal else targets))
    if date is None and match.verbal:
        date = governor_date(ctx, token, arguments)
    if date is None and reaction is None:
        # the parse sometimes hangs the time on the subject ("Poland's border service on Tuesday")
        subject = [t for c in token.children if c.dep_ in SUBJECT for t in c.subtree]
        date = bind_times(ctx, subject, token, arguments)[0]
    if match.entry.needs_date and (date is None or not _ahead(ctx, date)):
        return None  # a vote is coded when it is scheduled, not when its results are told
    if event_type in TELLING_TYPES and not actors and (not targets or event_type == "THREATEN"):
        return None  # a threat is someone's; a demand or an accusation is at least about someone
    central = match.verbal or token.dep_ in _CORE_DEPS
    own_date = date is not None and any(t.idx == date.start for t in token.subtree)
    central = central or own_date  # "the 1998 bombing", "l'attentat du 14 juillet"
    # "Protests, riots … have overtaken", "There's been more rioting"
    named_in_clause = match.verbal or _core(token) or _there_was(ctx, token)
    if (
        not actors
        and not targets
        and not match.entry.bare
        and not (match.entry.bare_central and named_in_clause)
        and not (
            event_type in DEED_TYPES | {"PROTEST"}
            and (_after_deed_prep(ctx, token) or reaction is not None)
        )
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
    cand.refusal = refusing
    cand.occasion = occasion
    cand.on_the_spot = place is None and same_place_cue(ctx, clause)
    cand.voiced = target_word is not None and target_word.lower_ in ctx.lexicon.pronouns_speaker
    return cand


def _after_deed_prep(ctx: EventDocument, token: Token) -> bool:
    """Whether an action noun follows a preposition that tells it took place ("amid protests",
    "after the killing"), not one of an occasion ("spoke at a rally")."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    preps = [token.head] if token.dep_ == "pobj" else []
    preps += [c for c in token.children if c.dep_ == "case"]
    return any(
        lemma_of(p) in ctx.lexicon.deed_preps or p.lower_ in ctx.lexicon.deed_preps for p in preps
    )


def _will(ctx: EventDocument, token: Token) -> bool:
    """Whether a verb says what someone will or would do: a future or a conditional, or an
    auxiliary of the future ("would not allow", "ne céderaient pas", "no aprobará")."""
    mood_tense = set(token.morph.get("Mood", [])) | set(token.morph.get("Tense", []))
    lemma, word = lemma_of(token), token.lower_
    stems = {lemma, lemma[:-1]} if lemma.endswith("re") else {lemma}
    ending = next((word[len(s) :] for s in stems if word.startswith(s)), None)
    if ending in ctx.lexicon.conditional_endings:
        return True  # "céderaient", tagged as an imperfect
    return bool(mood_tense & {"Cnd", "Fut"}) or any(
        c.dep_.startswith("aux") and lemma_of(c) in ctx.lexicon.future_aux for c in token.children
    )


def _by_accident(ctx: EventDocument, token: Token) -> bool:
    """Whether a killing or a wounding is told as done by an accident or a disaster: its
    subject ("the earthquake killed 300 people"), the noun after a preposition hanging from it
    ("killed in a traffic accident", "muerto en un accidente") or the verb its participle
    clause hangs from ("crashed into the Atlantic, killing all 228 people") is one of
    `accident_words`."""
    causes = children_of(token, SUBJECT)
    causes += [c for c in token.children if c.dep_ in {"obl", "nmod"}]
    preps = [c for c in token.children if c.dep_ == "prep"]
    causes += [g for c in preps for g in c.children if g.dep_ == "pobj"]
    if token.dep_ == "advcl" and "Part" in token.morph.get("VerbForm", []):
        causes.append(token.head)
    return any(lemma_of(c) in ctx.lexicon.accident_words for c in causes)


def _reaction_to(ctx: EventDocument, token: Token) -> Token | None:
    """The verb that says something of a deed named as its object, or after its preposition:
    condemning, blaming, praising or protesting it ("condemned the bombing of the embassies on
    Thursday", "protested against the killing"). Its time is the saying's, not the deed's, and
    the deed it speaks of took place."""
    verb = token.head
    told = any(c.dep_ in {"det", "poss"} for c in token.children)
    if token.dep_ == "pobj" and verb.dep_ == "prep":
        if not told:
            return None  # "charged with murder" names a charge, not a deed told before
        verb = verb.head
    elif token.dep_ in {"nsubjpass", "nsubj:pass"}:
        # "bombings were reported in another region": told as done
        if lemma_of(verb) in ctx.lexicon.reporting_verbs and verb.pos_ == "VERB":
            return verb
        return None
    elif token.dep_ not in {"obj", "dobj", "obl"}:
        return None
    if verb.i == token.i or verb.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = lemma_of(verb)
    types = {
        e.type
        for e in ctx.lexicon.entries_acting_on(lemma_of(token), lemma, verb.lower_)
        if lemma in e.verbs
    }
    return verb if types & (TELLING_TYPES | {"PROTEST"}) else None


def _struck_by(token: Token) -> Token | None:
    """The verb an action noun is the subject of, alone or in a list ("Protests, riots and
    clashes with police have overtaken Greece"), or None."""
    token = list_head(token)
    verb = token.head
    if token.dep_ not in SUBJECT or verb.pos_ not in {"VERB", "AUX"} or verb.i == token.i:
        return None
    return verb


def _there_was(ctx: EventDocument, token: Token) -> bool:
    """Whether a noun is what a verb of taking place with no subject of its own, or an
    expletive one, says there was ("There's been more rioting", "Hubo enfrentamientos")."""
    verb = token.head
    return (
        token.dep_ in {"attr", "obj", "dobj"}
        and lemma_of(verb) in ctx.lexicon.existential
        and not any(c.dep_ in SUBJECT for c in verb.children)
    )


def _core(token: Token) -> bool:
    """Whether a noun is the subject or the object of its clause, or one of a list that is."""
    return list_head(token).dep_ in _CORE_DEPS


def _same_time(ctx: EventDocument, cand: Candidate, before: list[Candidate]) -> Candidate | None:
    """The action told before whose date this one takes, when the words say it happened then
    ("the same day", "during the stoppage"): the action of that noun, else the last one dated."""
    token, cue = cand.match.head, cand.occasion
    if cue is None:
        return None
    dated = [
        c
        for c in before
        if c.time is not None and c.match.head.i < token.i and not _after_publication(ctx, c.time)
    ]
    if not dated:
        return None
    entries = {e.type for e in ctx.lexicon.entries_for(lemma_of(cue))}
    named = [c for c in dated if c.type in entries or lemma_of(c.match.head) == lemma_of(cue)]
    source = (named or dated)[-1]
    cand.reading.reasons.append(f"at the time of {source.match.head.text!r}: {cue.text!r}")
    return source


def _same_place(cand: Candidate, before: list[Candidate]) -> Place | None:
    """The place of the last action told before with one, for an action whose words say it
    happened there ("les familles restées sur place")."""
    placed = [c for c in before if c.place is not None]
    if not placed:
        return None
    cand.reading.reasons.append(f"where {placed[-1].match.head.text!r} happened")
    return placed[-1].place


def _names_an_occasion(ctx: EventDocument, cue: Token | None) -> bool:
    """Whether the words dating an action by another name that action ("during the stoppage",
    "at the meeting"), not only its day ("the same day"): then it happened there too."""
    if cue is None or cue.pos_ not in {"NOUN", "PROPN"}:
        return False
    return ctx.lexicon.names_an_occasion(lemma_of(cue))


def _dated_status(ctx: EventDocument, status: str, time: Time | None) -> str:
    """The status once the action's date is known (see :func:`status_from_date`)."""
    if time is None or ctx.published is None:
        return status
    first, last = date_range(time.value)
    return status_from_date(
        status,
        first.isoformat() if first else None,
        last.isoformat() if last else None,
        ctx.published.isoformat(),
    )


def _after_publication(ctx: EventDocument, time: Time) -> bool:
    first, _ = date_range(time.value)
    return ctx.published is not None and first is not None and first > ctx.published


def _has_verb(sent: SpacySpan) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} for t in sent)


def _ahead(ctx: EventDocument, time: Time) -> bool:
    first, _ = date_range(time.value)
    return ctx.published is None or (first is not None and first >= ctx.published)


def _said_on(ctx: EventDocument, cand: Candidate) -> Time | None:
    """When a threat, demand or accusation made in words was said: its quote's date."""
    times = {t.id: t for t in ctx.times}
    for quote in ctx.quotes:
        if quote.id in cand.quotes and quote.said_on in times and is_date(times[quote.said_on]):
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
    mode_order = [m for m, _ in lexicon.mode_cues]
    kept: list[Candidate] = []
    outside = ctx.named | ctx.time_tokens  # "Since 30 March": a month, not a march
    # How far apart two tellings are, in sentences with a verb: a photo credit does not count.
    told = [0]
    for sent in ctx.sentences[:-1]:
        told.append(told[-1] + _has_verb(sent))
    for n, sent in enumerate(ctx.sentences):
        found = [
            c
            for match in find_triggers(sent, lexicon, outside, ctx.people, ctx.mentioned)
            if (c := _candidate(ctx, match)) is not None
        ]
        for i, cand in enumerate(found):
            source = _same_time(ctx, cand, [*kept, *found[:i]]) if cand.time is None else None
            if source is not None:
                cand.time = source.time
                if cand.place is None and _names_an_occasion(ctx, cand.occasion):
                    cand.place = source.place  # "At the meeting, … signed": where it met
            if cand.on_the_spot:
                cand.place = _same_place(cand, [*kept, *found[:i]])
            cand.status = _dated_status(ctx, cand.reading.status, cand.time)
            if cand.status != cand.reading.status:
                cand.reading.reasons.append(f"dated {cand.time.value if cand.time else ''}")
            cand.evidence = [sentence_span(sent)]
            cand.sentence = n
            cand.quotes = _quotes(ctx, cand, n)
            cand.deadline = cand.deadline or _deadline_from_quotes(ctx, cand)
            if cand.time is None and cand.type in TELLING_TYPES:
                cand.time = _said_on(ctx, cand)
        nest(ctx, found)
        outcomes(found, mode_order)
        alive = [c for c in found if not c.dropped]
        for i, cand in enumerate(alive):
            for earlier in alive[:i]:
                if not earlier.dropped and joined(earlier, cand):
                    absorb(earlier, cand, mode_order)
                    break
        for cand in alive:
            if cand.dropped:
                continue
            same = next((k for k in kept if compatible(k, cand, told[n] - told[k.sentence])), None)
            if same is not None:
                absorb(same, cand, mode_order)
            else:
                kept.append(cand)
        if not found:
            _where_it_happened(ctx, sent, n, [k for k in kept if told[n] - told[k.sentence] == 1])
        recent = [k for k in kept if 0 < told[n] - told[k.sentence] <= NEAR_SENTENCES]
        _where_it_was_said(ctx, sent, recent)
    return [_record(ctx, cand, n) for n, cand in enumerate(kept, 1)]


def _where_it_happened(
    ctx: EventDocument, sent: SpacySpan, n: int, before: list[Candidate]
) -> None:
    """ "It happened in the Crown Heights neighborhood", "Ocurrió en Tacna": a sentence that
    only says that something took place, with a pronoun or no subject, gives the place and
    date it names to the last action of the sentence before, when that action has none."""
    root = sent.root
    if lemma_of(root) not in ctx.lexicon.happened or not before:
        return
    subjects = [c for c in root.children if c.dep_ in SUBJECT]
    if subjects and subjects[0].lower_ not in ctx.lexicon.happened_subjects:
        return
    cand = before[-1]
    clause = clause_of(root, True)
    place = bind_place(
        ctx, clause, [], [], {root.i}, {t.i for t in clause if t.i in ctx.time_tokens}
    )
    date = bind_times(ctx, clause, root, [])[0]
    if place is None and date is None:
        return
    words = []
    if cand.place is None and place is not None:
        cand.place = place
        words.append(place.text)
    if cand.time is None and date is not None:
        cand.time = date
        words.append(date.text)
        cand.status = _dated_status(ctx, cand.status, date)
    if words:
        cand.evidence.append(sentence_span(sent))
        cand.sentence = n
        cand.reading.reasons.append(f"where or when it happened: {', '.join(words)!r}")


def _where_it_was_said(ctx: EventDocument, sent: SpacySpan, before: list[Candidate]) -> None:
    """ "Kast … made the remarks at a rally in Arica": a sentence telling where its subject
    spoke gives that place to the subject's tellings just before that have none."""
    root = sent.root
    speech = {lemma_of(root)} | {lemma_of(c) for c in root.children if c.dep_ in OBJECT}
    if not speech & ctx.lexicon.speech_words:
        return
    subjects = [c for c in root.children if c.dep_ in SUBJECT]
    if not subjects or subjects[0].pos_ != "PROPN":
        return
    named = entity_near(ctx, subjects[0])
    speaker = named[0].id if named is not None else None
    surname = subjects[0].text  # "Kast, who faces Jara, made the remarks": José Antonio Kast
    clause = clause_of(root, True)
    # "at a rally in Arica": through the occasion's noun
    occasions = {t.i for t in clause if ctx.lexicon.names_an_occasion(lemma_of(t))}
    place = bind_place(ctx, clause, [], [], {root.i}, occasions)
    if place is None:
        return
    for cand in before:
        if (
            cand.place is None
            and cand.type in TELLING_TYPES
            and any(
                (speaker is not None and a.entity == speaker) or a.text.split()[-1] == surname
                for a in cand.actors
            )
        ):
            cand.place = place
            cand.reading.reasons.append(f"said in {place.text!r}")


def _record(ctx: EventDocument, cand: Candidate, n: int) -> Event:
    match = cand.match
    trigger = token_span(ctx.doc, match.start, match.end - 1)
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
