"""The event knowledge of a language, read from ``lang/<xx>/events.toml``.

Triggers name an action and give its PLOVER type, mode and contexts; cue words set an event's
status (negation, condition, fear, threat, promise, plan, purpose, pluperfect) and bind its
arguments (the preposition of a passive agent, of a place, of a deadline). Code reads this data
and never branches on the language.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from newsevents.lang import load_data

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
"""The 16 event types of PLOVER, from cooperation to conflict."""

COERCIVE_TYPES = frozenset({"COERCE", "ASSAULT", "SANCTION", "MOBILIZE"})
"""Types a promise turns into a threat when it is made against someone."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """One entry of the trigger lexicon: words naming an action of one type and mode."""

    type: str
    mode: str | None
    verbs: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    """Lower-case word sequences matched on the surface ("second tour")."""
    objects: frozenset[str]
    """When not empty, one of these lemmas must stand in the action's object or complement."""
    human_objects: bool
    """The object must be people (a person entity, or a word of ``[words] people``)."""
    named_objects: bool
    """The object must be people or a named thing or place ("visited China")."""
    excluded_objects: frozenset[str]
    """Lemmas that, in the action's complement, say the words mean something else ("un
    pedido de 60 aviones" is an order, not a request)."""
    excluded_targets: frozenset[str]
    """Lemmas that, as what the action is done to, say the words mean something else ("attacked
    the policy" criticises, "struck a deal" agrees): only the object's head is read."""
    excluded_clause: bool
    """With a clause as its complement the verb says something instead of doing it ("conceded
    the tax code is unfair")."""
    contexts: tuple[str, ...]
    bare: bool
    """The action may stand without actor or target (a scheduled vote)."""
    bare_central: bool
    """The action may stand without actor or target as the subject or object of its clause
    ("Protests have overtaken Greece"), not as an occasion ("spoke at a rally")."""
    by_forces: bool
    """Police or troops who say it was done to people, with no one named as doing it, did it
    ("two men have been arrested, police said"): an arrest, not a kidnapping."""
    needs_date: bool
    """Only counted when a date is attached to it (a vote, not the idea of elections)."""
    weight: float
    """How surely the words name the action (1.0 unambiguous; lower for common verbs)."""
    reflexive: bool | None
    """True: the verb names the action only with a reflexive pronoun ("se manifestaron"); False:
    only without one ("se llamará Taurus" names, "llamó a votar" calls); None: either way."""
    refused_type: str | None
    """The type of the action's refusal ("ne veulent pas nous laisser entrer", "refused to
    let them in": COERCE), when refusing it is an action of its own."""
    refused_mode: str | None
    entry_by_destination: bool
    """Entry into a country is that country's to grant or refuse: with no actor in the text,
    the country entered acts ("laisser entrer au Pérou")."""


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Everything the event coder knows about one language."""

    lang: str
    triggers: tuple[Trigger, ...]
    negation: frozenset[str]
    denial: frozenset[str]
    condition: frozenset[str]
    modal: frozenset[str]
    fear: frozenset[str]
    threat: frozenset[str]
    promise: frozenset[str]
    plan: frozenset[str]
    future_aux: frozenset[str]
    conditional_endings: frozenset[str]
    """Endings that, after the whole infinitive, make a conditional the parser may have read as
    an imperfect ("céderaient", "autoriserait")."""
    purpose: frozenset[str]
    perfect_aux: frozenset[str]
    passive_aux: frozenset[str]
    """Auxiliaries of the passive, for parsers that do not label it ("ser desplegados")."""
    existential: frozenset[str]
    """Verbs that only say an action took place ("il y a eu", "hubo", "there were")."""
    unwilling: frozenset[str]
    """Verbs of will whose negation is a refusal ("ils ne veulent pas nous laisser entrer")."""
    refusal: frozenset[str]
    """Verbs of refusing an action ("refuser de laisser entrer", "refused to let in")."""
    past_aux_tenses: frozenset[str]
    earlier_marks: frozenset[str]
    """Conjunctions and prepositions after which an action is told as earlier than another
    ("one year after he was killed")."""
    long_durations: frozenset[str]
    """Units of a span long enough that an action that far earlier is background ("one year
    after"): months, years."""
    agent_preps: frozenset[str]
    deed_preps: frozenset[str]
    """Prepositions before a deed or a protest noun that tell it took place, with no one named
    ("amid protests", "after the killing", "tras los enfrentamientos")."""
    between_preps: frozenset[str]
    """Prepositions of the parties to an action noun ("the agreement between the two sides", "el
    acuerdo alcanzado entre las dos partes"): they act."""
    place_preps: frozenset[str]
    destination_preps: frozenset[str]
    """Prepositions of where people were sent ("deported to Colombia"): not where it happened."""
    departure_verbs: frozenset[str]
    """Verbs of a vehicle leaving ("took off from Iquique"): where people were sent from."""
    reach_verbs: frozenset[str]
    """Verbs whose object is where someone got to ("lograron alcanzar la playa del Tarajal")."""
    there_words: frozenset[str]
    """Adverbs of place pointing back to a place told before ("detained there")."""
    receiving_verbs: frozenset[str]
    """Verbs of getting what someone else did ("received a request"): its doer is the sender."""
    source_preps: frozenset[str]
    """Prepositions of whom something came from ("a request from the ministry")."""
    accident_words: frozenset[str]
    """Accidents and disasters: a killing they did is no one's deed ("the crash killed")."""
    sent_preps: frozenset[str]
    """Prepositions of place that name a destination only as a sending verb's own complement
    ("renvoyées au Maroc", not "les migrants au Chili")."""
    located_preps: frozenset[str]
    """Prepositions placing an actor ("l'ambassade du Chili à Caracas", "police in Arica"):
    it acted there."""
    where_words: frozenset[str]
    """Relative words of place ("où", "where", "donde")."""
    of_preps: frozenset[str]
    """Prepositions of an action noun's actor or target ("la menace de Kast")."""
    content_nouns: frozenset[str]
    """Accusation nouns whose "of" complement is what they charge, not whom, unless it names
    people, a party or a place ("a charge of murder", "accusations of corruption")."""
    burden_preps: frozenset[str]
    """Prepositions of whom a deed or a measure falls on ("imposed the sentence on Pimstein",
    "sanctions on Russia", "ataque contra la embajada"): its target, not where it happened."""
    deed_target_preps: frozenset[str]
    """Prepositions whose object is a deed noun's target, whatever it names ("the bombings of the
    U.S. Embassies"); with the others of ``of_preps`` only a person or a place is."""
    with_preps: frozenset[str]
    """Prepositions of the means: "paralysé le pays avec une grève" (its actor is the subject)."""
    cause_preps: frozenset[str]
    """Prepositions of a deed blamed or praised ("criticized Dean for accusing", "condamné
    pour avoir tué"): the one blamed did it."""
    agents: frozenset[str]
    """Nouns of groups that can act (gouvernement, police, armée), besides people words."""
    deadline_preps: frozenset[str]
    same_place: tuple[tuple[str, ...], ...]
    """Words by which an action with no place happened where the one told before did ("sur
    place", "on the spot", "en el lugar")."""
    same_time: tuple[tuple[str, ...], ...]
    """Lower-case word sequences saying an action happened at the time of one told before
    ("the same day", "le même jour")."""
    during: tuple[tuple[str, ...], ...]
    """Lower-case word sequences before an action noun that date an action by it ("during
    the", "lors de la")."""
    happened: frozenset[str]
    """Verbs that only say something took place ("it happened in", "ocurrió en"): their place
    and date are those of the action told just before."""
    speech_words: frozenset[str]
    """Verbs of speaking and nouns of what was said ("spoke", "made the remarks", "ses
    propos"): where a speaker said them is where their tellings were made."""
    reporting_verbs: frozenset[str]
    """Verbs of saying: in their past, a pluperfect tells the story's past ("said 12 people
    had been killed"), not background."""
    forces: frozenset[str]
    """Police and troops: what they say was done to people with no one named, they did ("two men
    have been arrested, police said")."""
    happened_subjects: frozenset[str]
    """Pronouns such a verb may have as subject ("it", "cela", "esto")."""
    event_nouns: frozenset[str]
    """Nouns of occasions that are not trigger nouns ("stoppage", "séance", "jornada")."""
    people: frozenset[str]
    people_endings: tuple[str, ...]
    """Endings of nouns of people by trade or belief ("physician", "scientist"), beyond the list."""
    not_people: frozenset[str]
    """Nouns with such an ending that are not people ("list", "checklist")."""
    quantities: frozenset[str]
    """Nouns of a number ("dozens", "thousands", "centaines"): with a complement, they count
    what it names ("thousands of emails" are not people)."""
    instruments: frozenset[str]
    """Weapons and vehicles: the one they belong to used them ("killed by a sniper's bullet")."""
    document_nouns: frozenset[str]
    """Nouns of a text issued ("resolution", "communiqué"): a verb in a participle clause of it
    ("a resolution urging passage") is done by whoever issued it."""
    place_nouns: frozenset[str]
    """Nouns through which a toponym can say where an action happened ("frontière")."""
    border_nouns: frozenset[str]
    """Nouns of a border ("à la frontière avec le Pérou"): an action there with no place of its
    own happened at the one crossing of that border the article names."""
    pronouns_person: frozenset[str]
    role_names: tuple[tuple[tuple[str, ...], frozenset[str]], ...]
    """Words naming again, otherwise, a role given to one person, with the role words they stand
    for ("chef de l'État" for "président")."""
    pronouns_group: frozenset[str]
    """Plural personal pronouns ("ils", "they"): the group last named as a subject."""
    pronouns_body: frozenset[str]
    """Pronouns of a body ("it"): the organisation or country that is the subject of a verb above
    them ("The Indian navy says it has arrested 23 pirates")."""
    pronouns_speaker: frozenset[str]
    """First-person pronouns ("nous", "we"): inside a quote, its speaker or the speaker's group."""
    mode_cues: tuple[tuple[str, frozenset[str]], ...]
    """Mode refinements in order of precedence: (mode, lemmas)."""
    context_cues: tuple[tuple[str, frozenset[str]], ...]
    index: dict[str, tuple[int, ...]]
    """Positions in ``triggers`` of the entries each word (lemma, form, phrase start) opens."""

    def entries_for(self, *words: str) -> list[Trigger]:
        """The entries a token's lemma or form may open, in lexicon order."""
        found = sorted({i for w in words for i in self.index.get(w, ())})
        return [self.triggers[i] for i in found]

    def entries_acting_on(self, thing: str, *words: str) -> list[Trigger]:
        """The entries a verb's lemma or form may open that can act on ``thing`` (a lemma):
        those that ask for no objects of their own, or for that one ("filed a lawsuit",
        "joined the strike": filing and joining are actions only on other objects)."""
        return [e for e in self.entries_for(*words) if not e.objects or thing in e.objects]

    def names_people(self, word: str) -> bool:
        """Whether a noun names people: one of ``people``, or a noun of a trade or a belief by
        its ending ("physicians", "economists")."""
        word = word.lower()
        if word in self.people:
            return True
        return len(word) > 5 and word.endswith(self.people_endings) and word not in self.not_people

    def names_an_action(self, lemma: str) -> bool:
        """Whether a noun's lemma is the action noun of an entry ("assault", "bombing")."""
        return any(lemma in entry.nouns for entry in self.entries_for(lemma))

    def names_an_occasion(self, lemma: str) -> bool:
        """Whether a noun's lemma names an occasion: an action noun or a noun of occasions
        ("the stoppage", "la séance", "a rally")."""
        return lemma in self.event_nouns or self.names_an_action(lemma)


def _words(table: dict[str, object], key: str) -> frozenset[str]:
    value = table.get(key, [])
    assert isinstance(value, list), key
    return frozenset(str(w).lower() for w in value)


# An elided word before an apostrophe is a token of its own ("d'", "l'", "qu'"), as the
# parser splits it: "pris d'assaut" is pris, d', assaut; "aujourd'hui" stays one word.
_ELIDED = re.compile(r"^(\w{1,2}|qu|jusqu|lorsqu|puisqu)'(\w.*)$")


def phrase_words(text: str) -> tuple[str, ...]:
    """The words of a lexicon phrase as the parser's tokens, in lower case, with one
    apostrophe (’ read as ')."""
    words: list[str] = []
    for word in text.lower().replace("’", "'").split():
        elided = _ELIDED.match(word)
        words.extend([elided.group(1) + "'", elided.group(2)] if elided else [word])
    return tuple(words)


def _phrases(table: dict[str, object], key: str) -> tuple[tuple[str, ...], ...]:
    phrases = sorted({phrase_words(p) for p in _words(table, key)}, key=lambda p: -len(p))
    return tuple(phrases)


def _trigger(raw: dict[str, object]) -> Trigger:
    event_type = str(raw["type"])
    if event_type not in PLOVER_TYPES:
        raise ValueError(f"trigger type {event_type!r} is not a PLOVER type")
    phrases = tuple(phrase_words(str(p)) for p in raw.get("phrases", []))  # type: ignore[attr-defined]
    contexts = tuple(str(c) for c in raw.get("contexts", []))  # type: ignore[attr-defined]
    mode = raw.get("mode")
    refused = [str(w) for w in raw.get("refused", [])]  # type: ignore[attr-defined]
    if refused and refused[0] not in PLOVER_TYPES:
        raise ValueError(f"refused type {refused[0]!r} is not a PLOVER type")
    return Trigger(
        type=event_type,
        mode=str(mode) if mode else None,
        verbs=_words(raw, "verbs"),
        nouns=_words(raw, "nouns"),
        phrases=phrases,
        objects=_words(raw, "objects"),
        human_objects=bool(raw.get("human_objects", False)),
        named_objects=bool(raw.get("named_objects", False)),
        excluded_objects=_words(raw, "excluded_objects"),
        excluded_targets=_words(raw, "excluded_targets"),
        excluded_clause=bool(raw.get("excluded_clause", False)),
        contexts=contexts,
        bare=bool(raw.get("bare", False)),
        bare_central=bool(raw.get("bare_central", False)),
        by_forces=bool(raw.get("by_forces", False)),
        needs_date=bool(raw.get("needs_date", False)),
        weight=float(raw.get("weight", 1.0)),  # type: ignore[arg-type]
        reflexive=bool(raw["reflexive"]) if "reflexive" in raw else None,
        refused_type=refused[0] if refused else None,
        refused_mode=refused[1] if len(refused) > 1 else None,
        entry_by_destination=bool(raw.get("entry_by_destination", False)),
    )


def _with_feminines(words: frozenset[str], rules: list[list[str]]) -> frozenset[str]:
    """The words and their feminine forms by the language's endings ("diputado" →
    "diputada", "avocat" → "avocate", "enquêteur" → "enquêteuse")."""
    found = set(words)
    for word in words:
        for masculine, feminine in rules:
            if word.endswith(masculine):
                found.add(word[: len(word) - len(masculine)] + feminine)
    return frozenset(found)


@functools.cache
def event_lexicon(lang: str) -> EventLexicon:
    """The event lexicon of ``lang`` (cached)."""
    data = load_data(lang, "events")
    status = data["status"]
    args = data["arguments"]
    triggers = tuple(_trigger(t) for t in data["triggers"])
    feminines = [[str(m), str(f)] for m, f in args.get("feminine_endings", [])]
    index: dict[str, list[int]] = {}
    for n, trigger in enumerate(triggers):
        for word in trigger.verbs | trigger.nouns | {p[0] for p in trigger.phrases}:
            index.setdefault(word, []).append(n)
    return EventLexicon(
        lang=lang,
        triggers=triggers,
        index={w: tuple(ns) for w, ns in index.items()},
        negation=_words(status, "negation"),
        denial=_words(status, "denial"),
        condition=_words(status, "condition"),
        modal=_words(status, "modal"),
        fear=_words(status, "fear"),
        threat=_words(status, "threat"),
        promise=_words(status, "promise"),
        plan=_words(status, "plan"),
        future_aux=_words(status, "future_aux"),
        conditional_endings=_words(status, "conditional_endings"),
        purpose=_words(status, "purpose"),
        perfect_aux=_words(status, "perfect_aux"),
        passive_aux=_words(status, "passive_aux"),
        existential=_words(status, "existential"),
        unwilling=_words(status, "unwilling"),
        refusal=_words(status, "refusal"),
        past_aux_tenses=_words(status, "past_aux_tenses"),
        earlier_marks=_words(status, "earlier_marks"),
        long_durations=_words(status, "long_durations"),
        agent_preps=_words(args, "agent_preps"),
        between_preps=_words(args, "between_preps"),
        deed_preps=_words(args, "deed_preps"),
        place_preps=_words(args, "place_preps"),
        destination_preps=_words(args, "destination_preps"),
        located_preps=_words(args, "located_preps"),
        sent_preps=_words(args, "sent_preps"),
        departure_verbs=_words(args, "departure_verbs"),
        reach_verbs=_words(args, "reach_verbs"),
        there_words=_words(args, "there_words"),
        accident_words=_words(args, "accident_words"),
        receiving_verbs=_words(args, "receiving_verbs"),
        source_preps=_words(args, "source_preps"),
        where_words=_words(args, "where_words"),
        of_preps=_words(args, "of_preps"),
        deed_target_preps=_words(args, "deed_target_preps"),
        burden_preps=_words(args, "burden_preps"),
        content_nouns=_words(args, "content_nouns"),
        with_preps=_words(args, "with_preps"),
        cause_preps=_words(args, "cause_preps"),
        agents=_with_feminines(_words(args, "agents"), feminines),
        deadline_preps=_words(args, "deadline_preps"),
        same_place=_phrases(args, "same_place"),
        same_time=_phrases(args, "same_time"),
        during=_phrases(args, "during"),
        event_nouns=_words(args, "event_nouns"),
        happened=_words(args, "happened"),
        speech_words=_words(args, "speech_words"),
        reporting_verbs=_words(args, "reporting_verbs"),
        forces=_words(args, "forces"),
        happened_subjects=_words(args, "happened_subjects"),
        people=_with_feminines(_words(args, "people"), feminines),
        people_endings=tuple(sorted(_words(args, "people_endings"))),
        not_people=_words(args, "not_people"),
        quantities=_words(args, "quantities"),
        instruments=_words(args, "instruments"),
        document_nouns=_words(args, "document_nouns"),
        place_nouns=_words(args, "place_nouns"),
        border_nouns=_words(args, "border_nouns"),
        pronouns_person=_words(args, "person_pronouns"),
        role_names=tuple(
            (phrase_words(name), _words(args["role_names"], name))
            for name in args.get("role_names", {})
        ),
        pronouns_group=_words(args, "group_pronouns"),
        pronouns_body=_words(args, "body_pronouns"),
        pronouns_speaker=_words(args, "speaker_pronouns"),
        mode_cues=tuple((mode, _words(data["modes"], mode)) for mode in data["modes"]),
        context_cues=tuple((c, _words(data["contexts"], c)) for c in data["contexts"]),
    )


__all__ = ["COERCIVE_TYPES", "PLOVER_TYPES", "EventLexicon", "Trigger", "event_lexicon"]
