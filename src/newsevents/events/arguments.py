"""Binding an action's arguments to the article's records: actors, targets, place, date.

- ``actors``: the subject of an active verb, the agent of a passive ("par la police"), the
  subject of the verb an infinitive depends on ("Kast promet d'expulser"), the subject of a
  pronominal verb, the noun a present participle or a relative clause hangs from, the "de"/"of"
  complement of an action noun that names a person, an organisation or a country, a nationality
  before it; each is the entity whose mention or stated role holds that word, or else a group
  description with the amounts inside it, which must be people or a body that can act;
- ``targets``: the object, the subject of a passive, the noun a past participle modifies;
- ``place``: a toponym of the action's clause that hangs from it through place words only, not
  a partner ("la frontière avec le Pérou") nor the actor or target itself; else the place a
  relative clause of place points back to, else the one crossing the article names of a border
  the action happened at;
- an entry into a country with no actor in the text is that country's to grant or refuse;
- ``date`` and ``deadline``: the time records of the action's clause, of the verb governing it,
  or of its subject, outside its arguments and outside the clauses hanging from it.

:class:`EventDocument` indexes the document's records by token for these lookups.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsevents.events.lexicon import EventLexicon
from newsevents.events.status import governors, perfect_infinitive
from newsevents.events.triggers import is_passive, lemma_of, phrase_word
from newsevents.records import Amount, Argument, Entity, Place, Quote, Span, Time

_PRECISION_RANK = {"point": 0, "city": 1, "admin1": 2, "region": 3, "country": 4, None: 5}
SUBJECT = frozenset({"nsubj", "csubj", "nsubj:outer"})
PASSIVE_SUBJECT = frozenset({"nsubj:pass", "nsubjpass"})
OBJECT = frozenset({"obj", "dobj", "iobj", "obl:arg"})
_AGENT = frozenset({"obl:agent", "agent"})
_AUX = frozenset({"aux", "aux:tense", "aux:pass", "auxpass"})
# Dependents left out of an argument's phrase: other clauses and asides.
_PHRASE_STOP = frozenset(
    {"acl", "acl:relcl", "relcl", "advcl", "punct", "conj", "cc", "parataxis", "appos", "dep"}
)
MAX_PHRASE = 12
# Words at most between two places told together ("à Pont-Sondé, dans le département de").
TOLD_WITH_WORDS = 7
# Relative pronouns the parser may leave without PronType=Rel.
_RELATIVE = frozenset({"qui", "que", "who", "which", "that"})
_RELATIVE_CLAUSE = frozenset({"acl:relcl", "relcl"})
# Clauses of their own under a trigger: their times and places are theirs.
_OTHER_CLAUSES = frozenset(
    {"advcl", "ccomp", "conj", "parataxis", "acl:relcl", "relcl", "csubj", "cc"}
)
# Dependents through which an infinitive shares its governor's subject.
_CONTROL = frozenset({"xcomp", "advcl", "conj", "obl:arg", "advmod", "mark"})
# Types whose action has another action as its content ("menace d'expulser", "a exigé la
# fermeture"): the inner action is told by the outer one.
TELLING_TYPES = frozenset({"THREATEN", "REQUEST", "REJECT", "ACCUSE", "SUPPORT", "AGREE"})
_LABEL_RANK = {"PER": 0, "ORG": 1, "LOC": 2, "NORP": 3, "MISC": 4}

# A dateline opening the text: a town in capitals, maybe its region, then a dash or an agency
# ("ISLAMABAD, Pakistan —", "MOSCOW —", "CINCINNATI (AP) —"): where the story was written.
_DATELINE = re.compile(
    r"\A\s*[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ.'’ \-]{2,40}(?:,[^\n—–]{1,40}?)?\s*(?:\([A-Za-z]{2,10}\)\s*)?"
    r"(?:—|–|--|- |\x97)"
)


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
        roles: dict[str, list[tuple[int, Entity]]] = {}
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
                if span is not None:
                    roles.setdefault(lemma_of(span.root), []).append((span.root.i, entity))
        self.role_heads: dict[str, list[tuple[int, Entity]]] = roles
        """Head words of the roles stated for people, with where each was stated ("le
        président" of "le président José Raúl Mulino")."""
        self.mentioned: set[int] = set(self.mention_of)
        """Tokens inside any name or place."""
        self.country_of: dict[int, Place] = {}
        """Tokens inside the name of a country, for countries the model did not tag."""
        self.place_spans: list[tuple[Place, SpacySpan]] = []
        """The place records with their tokens, for those that align with the parse."""
        for place in self.places:
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is not None:
                self.place_spans.append((place, span))
            self.mentioned.update(t.i for t in span or ())
            if place.precision == "country":
                self.country_of.update((t.i, place) for t in span or ())
        self.sentences = list(doc.sents)
        dateline = _DATELINE.match(doc.text)
        end = dateline.end() if dateline is not None else 0
        self.dateline: set[int] = {t.i for t in itertools.takewhile(lambda t: t.idx < end, doc)}
        """Tokens of a dateline opening the text: not who acted, nor where."""
        self.time_tokens: set[int] = {
            t.i
            for time in self.times
            for t in doc.char_span(time.start, time.end, alignment_mode="expand") or ()
        }
        """Tokens inside time records."""
        self.amount_tokens: set[int] = {
            t.i
            for amount in self.amounts
            for t in doc.char_span(amount.start, amount.end, alignment_mode="expand") or ()
        }
        """Tokens inside amount records ("decenas de carreteras")."""
        self.name_starts: set[int] = set()
        """Character offsets inside the names of people and organisations, but for the names
        the place records take for toponyms ("in Tacna" tagged as an organisation)."""
        toponyms = {(p.start, p.end) for p in self.places}
        for entity in self.entities:
            if entity.label in {"PER", "ORG"}:
                for mention in entity.mentions or (Span(entity.text, entity.start, entity.end),):
                    if (mention.start, mention.end) not in toponyms:
                        self.name_starts.update(range(mention.start, mention.end))


def token_span(doc: Doc, first: int, last: int) -> Span:
    """The character span of tokens ``first``..``last`` (inclusive)."""
    words = doc[first : last + 1]
    return Span(words.text, words.start_char, words.end_char)


def sentence_span(sent: SpacySpan) -> Span:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    start = sent.start_char + lead
    return Span(body, start, start + len(body))


def phrase(ctx: EventDocument, token: Token) -> list[Token]:
    """The words of the noun phrase headed by ``token``, without clauses and asides."""
    words = [token]
    stack = [c for c in token.children if c.dep_ not in _PHRASE_STOP]
    while stack:
        child = stack.pop()
        words.append(child)
        stack.extend(c for c in child.children if c.dep_ not in _PHRASE_STOP)
    words = [t for t in words if t.i == token.i or t.i not in ctx.time_tokens]
    words.sort(key=lambda t: t.i)
    # A phrase is contiguous around its head: stop at the first gap on each side.
    index = words.index(token)
    left, right = index, index
    while left > 0 and words[left - 1].i == words[left].i - 1:
        left -= 1
    while right < len(words) - 1 and words[right + 1].i == words[right].i + 1:
        right += 1
    kept = words[left : right + 1]
    while kept and kept[-1].pos_ in {"ADP", "DET", "CCONJ", "PUNCT", "SCONJ", "PART"}:
        kept.pop()
    while kept and kept[0].pos_ in {"ADP", "PUNCT", "CCONJ", "SCONJ"}:
        kept.pop(0)
    if len(kept) > MAX_PHRASE:
        kept = [t for t in kept if abs(t.i - token.i) < MAX_PHRASE // 2]
    return kept or [token]


def entity_near(ctx: EventDocument, token: Token) -> tuple[Entity, Span] | None:
    """The entity a word names: its mention, its stated role, or a name in apposition."""
    if token.i in ctx.mention_of:
        return ctx.mention_of[token.i]
    if token.i in ctx.role_of:
        entity = ctx.role_of[token.i]
        return entity, Span(entity.text, entity.start, entity.end)
    titled = _titled(ctx, token)
    if titled is not None:
        return titled, Span(titled.text, titled.start, titled.end)
    if ctx.lexicon.names_people(lemma_of(token)) and token.pos_ != "PROPN":
        # "des membres du gang Gran Grif", "jihadistes du JNIM": the organisation acts.
        for _depth, t in descendants(token, {"nmod", "flat", "flat:name", "appos"}, limit=2):
            if t.i in ctx.mention_of and ctx.mention_of[t.i][0].label == "ORG":
                return ctx.mention_of[t.i]
        return None
    found: list[tuple[int, int, Entity, Span]] = []
    for depth, t in descendants(token, {"appos", "flat", "flat:name", "nmod", "compound", "nn"}):
        if t.i in ctx.mention_of and t.pos_ == "PROPN":
            entity, mention = ctx.mention_of[t.i]
            if entity.label == "PER" or (depth == 1 and entity.label == "ORG"):
                found.append((_LABEL_RANK.get(entity.label, 5), depth, entity, mention))
    if found:
        found.sort(key=lambda f: (f[0], f[1]))
        return found[0][2], found[0][3]
    return None


def _titled(ctx: EventDocument, token: Token) -> Entity | None:
    """The one person given earlier the role a definite noun names again ("the president", "la
    presidenta" after "la presidenta de México, Claudia Sheinbaum"), in the same words or in
    other words of `role_names` ("le chef de l'État")."""
    if token.pos_ != "NOUN" or not any(
        c.dep_ == "det" and "Def" in c.morph.get("Definite", []) for c in token.children
    ):
        return None
    words = tuple(t.lower_ for t in token.subtree if t.i >= token.i)
    roles = {lemma_of(token)}
    for name, stands_for in ctx.lexicon.role_names:
        if words[: len(name)] == name:
            roles |= stands_for  # "le chef de l'État" after "le président José Raúl Mulino"
    people = {
        entity.id: entity
        for role in roles
        for i, entity in ctx.role_heads.get(role, [])
        if i < token.i
    }
    return next(iter(people.values())) if len(people) == 1 else None


def descendants(token: Token, deps: set[str], limit: int = 3) -> list[tuple[int, Token]]:
    found: list[tuple[int, Token]] = []
    frontier = [token]
    for depth in range(1, limit + 1):
        frontier = [c for t in frontier for c in t.children if c.dep_ in deps]
        found.extend((depth, t) for t in frontier)
    return found


def resolve_pronoun(ctx: EventDocument, token: Token) -> tuple[Entity, Span] | None:
    """The person a singular personal pronoun most likely stands for: the person named as
    subject after it (`subject_after`), else the last one named."""
    if token.lower_ not in ctx.lexicon.pronouns_person:
        return None
    after = subject_after(ctx, token)
    if after is not None:
        return after
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


def subject_after(ctx: EventDocument, token: Token) -> tuple[Entity, Span] | None:
    """The person a pronoun in a phrase put before its sentence's subject stands for: that
    subject ("During her visit to Israel, Clinton spoke")."""
    if token.lower_ not in ctx.lexicon.pronouns_person:
        return None
    for subject in children_of(token.sent.root, SUBJECT):
        if token.i < subject.i and token.i not in {t.i for t in subject.subtree}:
            named = ctx.mention_of.get(subject.i) or entity_near(ctx, subject)
            if named is not None and named[0].label == "PER":
                return named
    return None


def speaker_of(ctx: EventDocument, token: Token) -> Argument | None:
    """Who a first-person pronoun stands for: the speaker of the quote holding it ("Ils ne
    veulent pas nous laisser entrer", a déclaré un migrant vénézuélien)."""
    for quote in ctx.quotes:
        span = quote.speaker_span
        if span is not None and quote.start <= token.idx < quote.end:
            return Argument(span.text, span.start, span.end, entity=quote.speaker_entity)
    return None


def _group(ctx: EventDocument, token: Token) -> bool:
    """Whether a subject names a group that a plural pronoun can stand for: a plural noun, or
    an organisation, a country or a nationality."""
    if token.pos_ == "PRON":
        return False
    named = ctx.mention_of.get(token.i)
    if named is not None:
        return named[0].label in {"ORG", "NORP", "LOC"}
    return token.pos_ in {"NOUN", "PROPN"} and "Plur" in token.morph.get("Number", [])


def _body(ctx: EventDocument, token: Token) -> bool:
    """Whether a subject names one body that "it" can stand for: an organisation, a country, or
    a singular word of a body that acts ("the ministry")."""
    named = ctx.mention_of.get(token.i)
    if named is not None:
        return named[0].label in {"ORG", "LOC"}
    if token.i in ctx.country_of:
        return True
    return lemma_of(token) in ctx.lexicon.agents and "Plur" not in token.morph.get("Number", [])


def subject_above(token: Token) -> Token | None:
    """The subject of the nearest verb above a word that has one ("the navy says it")."""
    current = token.head
    for _ in range(MAX_PHRASE):
        subjects = [c for c in children_of(current, SUBJECT) if c.i != token.i]
        if subjects:
            return subjects[0]
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def group_antecedent(ctx: EventDocument, token: Token) -> Token | None:
    """The group a plural subject pronoun stands for: the subject of a verb above it ("the
    authorities said they had not closed"), else the subject of the previous sentence's main
    verb ("Protesters marched… They also attacked")."""
    above = subject_above(token)
    if above is not None:  # the nearest subject above decides: "we will not lend… whether they be"
        return above if _group(ctx, above) else None
    start = token.sent.start
    if start == 0:
        return None
    subjects = children_of(ctx.doc[start - 1].sent.root, SUBJECT)
    return subjects[0] if subjects and _group(ctx, subjects[0]) else None


def argument(ctx: EventDocument, token: Token, acting: bool = False) -> Argument | None:
    """The actor or target a word stands for: an entity, or a group description. An actor
    described rather than named must be people or a body that can act ("les forces de
    l'ordre", "Thousands of people") or a proper name the model did not tag ("Human Rights
    Watch"), not a thing ("ce déploiement", "the detentions")."""
    if token.i in ctx.dateline:
        # "ISLAMABAD, Pakistan — Pakistan agreed", "TORONTO — A young man … launched": the
        # name after the dateline, hung from it or beside it
        after = [c for c in token.children if c.dep_ == "appos"] + [
            c for c in token.head.children if c.dep_ == token.dep_ and c.i != token.i
        ]
        after = [c for c in after if c.i not in ctx.dateline]
        return argument(ctx, after[0], acting) if after else None
    named = entity_near(ctx, token)
    if named is None and token.pos_ == "PRON" and token.lower_ in ctx.lexicon.pronouns_speaker:
        return speaker_of(ctx, token)
    if named is None and token.pos_ == "PRON" and token.lower_ in ctx.lexicon.pronouns_body:
        body = subject_above(token) if token.dep_ in SUBJECT else None
        return argument(ctx, body, acting) if body is not None and _body(ctx, body) else None
    if named is None and token.pos_ == "PRON" and token.lower_ in ctx.lexicon.pronouns_group:
        antecedent = group_antecedent(ctx, token) if token.dep_ in SUBJECT else None
        return argument(ctx, antecedent, acting) if antecedent is not None else None
    if named is None and token.pos_ == "PRON":
        if token.dep_ in SUBJECT | PASSIVE_SUBJECT | OBJECT:
            named = resolve_pronoun(ctx, token)  # "who have accused him": the last one named
        elif token.dep_ in {"poss", "nmod:poss"}:
            named = subject_after(ctx, token)  # "During her visit to Israel, Clinton spoke"
        if named is None:
            return None
    if named is not None:
        entity, mention = named
        return Argument(mention.text, mention.start, mention.end, entity=entity.id)
    if token.i in ctx.country_of:  # "Panamá deportó": a country acts, tagged by the model or not
        country = ctx.country_of[token.i]
        return Argument(country.text, country.start, country.end)
    if token.pos_ not in {"NOUN", "PROPN", "NUM", "ADJ"}:
        return None
    words = phrase(ctx, token)
    if (
        acting
        and token.pos_ != "PROPN"
        and not any(
            t.i in ctx.people
            or ctx.lexicon.names_people(lemma_of(t))
            or lemma_of(t) in ctx.lexicon.agents
            or t.lower_ in ctx.lexicon.agents
            for t in words
        )
    ):
        return None
    span = token_span(ctx.doc, words[0].i, words[-1].i)
    amounts = tuple(
        a.id for a in ctx.amounts if span.start <= a.start and a.end <= span.end and a.unit
    )
    return Argument(span.text, span.start, span.end, amounts=amounts)


def children_of(token: Token, deps: frozenset[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def agent_of(token: Token, lexicon: EventLexicon) -> Token | None:
    """The agent of a passive ("par la police"); through a thing to whose owner it belongs
    ("killed by a sniper's bullet": the sniper)."""
    for child in token.children:
        if child.dep_ in _AGENT:
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            return _owner(pobj[0], lexicon) if pobj else child
        if child.dep_.startswith("obl") and any(
            c.dep_ == "case" and lemma_of(c) in lexicon.agent_preps for c in child.children
        ):
            return child
    return None


def _owner(token: Token, lexicon: EventLexicon) -> Token:
    """The possessor of a weapon or a vehicle ("a sniper's bullet"), or the noun."""
    if lemma_of(token) not in lexicon.instruments:
        return token
    owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ in {"NOUN", "PROPN"}]
    return owners[0] if owners else token


def _issuer(document: Token) -> Token | None:
    """The subject of the verb whose object a document is, or before whose preposition it
    stands ("introduced a resolution", "said in a statement")."""
    verb = document.head
    if document.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif document.dep_ not in {"obj", "dobj"}:
        return None
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    subjects = children_of(verb, SUBJECT)
    return subjects[0] if subjects else None


def own_subject(token: Token) -> Token | None:
    subjects = children_of(token, SUBJECT)
    return subjects[0] if subjects and subjects[0].pos_ != "PRON" else None


def controller(token: Token) -> Token | None:
    """The subject an infinitive or a later conjunct shares with the verb it depends on."""
    current = token
    for _ in range(4):
        verbs = (current, *children_of(current, _AUX))
        infinitive = (
            current.dep_ == "ccomp"
            and any("Inf" in t.morph.get("VerbForm", []) for t in verbs)
            and not any("Fin" in t.morph.get("VerbForm", []) for t in verbs)
            and not children_of(current, SUBJECT | PASSIVE_SUBJECT)
        )  # "negó haber enviado tropas": the one who denies is the one who would have sent
        if (current.dep_ not in _CONTROL and not infinitive) or current.head.i == current.i:
            return None
        current = current.head
        subjects = children_of(current, SUBJECT)
        if subjects:
            return subjects[0]
    return None


def verbal_arguments(ctx: EventDocument, token: Token) -> tuple[Token | None, Token | None]:
    """Actor and target words of a verbal trigger."""
    lexicon = ctx.lexicon
    actor: Token | None = None
    target: Token | None = None
    own_object = any(c.dep_ in {"obj", "dobj"} for c in token.children)
    blamed = blamed_for(token, lexicon)
    if blamed is not None:
        # "criticized Dean for accusing", "arrêté pour avoir tué": the one blamed did it
        objects = [c for c in blamed.children if c.dep_ in {"obj", "dobj"}]
        doers = objects or children_of(blamed, PASSIVE_SUBJECT)
        if doers:
            objects = [c for c in token.children if c.dep_ in {"obj", "dobj"}]
            return doers[0], objects[0] if objects else None
    if (
        token.dep_ in {"acl", "amod"}
        and token.head.pos_ in {"NOUN", "PROPN", "PRON"}
        and not own_object
    ):
        participle_past = "Past" in token.morph.get("Tense", []) or is_passive(token, lexicon)
        if participle_past:
            target = token.head
            actor = agent_of(token, lexicon)
        else:
            actor = token.head
            if lemma_of(token.head) in lexicon.document_nouns:
                # "introduced a resolution urging passage": who introduced it urges
                actor = _issuer(token.head) or token.head
            objects = children_of(token, OBJECT)
            target = objects[0] if objects else None
        return actor, target
    if token.dep_ in _RELATIVE_CLAUSE:
        relative_subject = any(c.dep_ in SUBJECT and _relative(c) for c in token.children)
        if relative_subject:
            actor = token.head
    reflexive = any("Yes" in c.morph.get("Reflex", []) for c in token.children if c.pos_ == "PRON")
    if is_passive(token, lexicon) and reflexive and agent_of(token, lexicon) is None:
        # "les policiers se sont retirés", "se reunieron": the subject acts.
        passive = children_of(token, PASSIVE_SUBJECT) or children_of(token, SUBJECT)
        actor = actor or (passive[0] if passive else None)
        objects = [c for c in token.children if c.dep_ in {"obj", "dobj"}]
        target = objects[0] if objects else None
    elif is_passive(token, lexicon):
        passive = children_of(token, PASSIVE_SUBJECT) or children_of(token, SUBJECT)
        target = passive[0] if passive else None
        actor = actor or agent_of(token, lexicon)
    elif _passive_conjunct(token, lexicon):
        # "two men have been arrested and charged": the second verb is passive too
        head = token.head
        passive = children_of(head, PASSIVE_SUBJECT) or children_of(head, SUBJECT)
        target = passive[0] if passive else None
        actor = actor or agent_of(token, lexicon) or agent_of(head, lexicon)
        return actor, target
    else:
        subjects = children_of(token, SUBJECT)
        if subjects and actor is None:
            actor = subjects[0]
        objects = [c for c in token.children if c.dep_ in {"obj", "dobj"}]
        objects = objects or children_of(token, frozenset({"iobj", "obl:arg"}))
        target = objects[0] if objects else None
    if actor is None and token.dep_ == "acl" and lemma_of(token.head) in lexicon.document_nouns:
        actor = _issuer(token.head)  # "a resolution urging passage of the bill"
    if actor is None:
        actor = controller(token) or _dropped_subject(token, lexicon)
    if target is not None and _relative(target) and token.dep_ in _RELATIVE_CLAUSE:
        target = token.head  # "le contrat, qui sera signé": the contract is signed
    return actor, target


def reporting_force(lexicon: EventLexicon, token: Token) -> Token | None:
    """The police or troops saying that the passive deed a clause tells was done, with no one
    named as doing it ("two men have been arrested, police said"; "deux hommes ont été
    interpellés, a indiqué la police"): they did it."""
    if agent_of(token, lexicon) is not None or not is_passive(token, lexicon):
        return None
    sayers: list[Token] = []
    if token.dep_ == "ccomp" and lemma_of(token.head) in lexicon.reporting_verbs:
        sayers = children_of(token.head, SUBJECT)
    for c in token.children:
        if c.dep_ == "parataxis" and lemma_of(c) in lexicon.reporting_verbs:
            # the sayer after its verb is parsed as its object: "a indiqué la police"
            sayers += children_of(c, SUBJECT) + [o for o in children_of(c, OBJECT) if o.i > c.i]
    for sayer in sayers[:1]:
        if lemma_of(sayer) in lexicon.forces or sayer.lower_ in lexicon.forces:
            return sayer
    return None


def _passive_conjunct(token: Token, lexicon: EventLexicon) -> bool:
    """A participle joined to a passive verb, with no subject or object of its own ("have
    been arrested and charged")."""
    return (
        token.dep_ == "conj"
        and "Part" in token.morph.get("VerbForm", [])
        and not children_of(token, SUBJECT | PASSIVE_SUBJECT | OBJECT)
        and is_passive(token.head, lexicon)
    )


def _dropped_subject(token: Token, lexicon: EventLexicon) -> Token | None:
    """The subject a finite clause with none of its own shares with the verb that tells it
    ("GM ha dicho que ha solicitado ayuda"): same number, indicative, third person."""
    if token.dep_ != "ccomp" or token.head.i == token.i:
        return None
    if any(
        c.dep_ in SUBJECT | PASSIVE_SUBJECT or c.dep_.startswith("expl") for c in token.children
    ):
        return None  # "would be sent", "se han enviado": no one is said to act
    if is_passive(token, lexicon) or any(
        "Yes" in c.morph.get("Reflex", []) for c in token.children
    ):
        return None
    finite = [token, *(c for c in token.children if c.dep_.startswith("aux"))]
    morph = [m for t in finite for m in [t.morph] if "Fin" in m.get("VerbForm", [])]
    if not morph or "Sub" in morph[0].get("Mood", []) or morph[0].get("Person", ["3"]) != ["3"]:
        return None
    subjects = children_of(token.head, SUBJECT)
    if not subjects or subjects[0].pos_ == "PRON":
        return None
    number = morph[0].get("Number", [])
    if number and subjects[0].morph.get("Number", number) != number:
        return None
    return subjects[0]


def blamed_for(token: Token, lexicon: EventLexicon) -> Token | None:
    """The verb a deed is the cause of ("criticized Dean for accusing", "condenado por haber
    matado"): a gerund after a cause preposition, or a perfect infinitive marked by one."""
    head = token.head
    if token.dep_ == "pcomp" and head.dep_ == "prep" and lemma_of(head) in lexicon.cause_preps:
        return head.head if head.head.pos_ in {"VERB", "AUX"} else None
    perfect = perfect_infinitive(token, lexicon)
    marked = any(
        c.dep_ in {"mark", "case"} and lemma_of(c) in lexicon.cause_preps for c in token.children
    )
    if token.dep_ == "advcl" and perfect and marked and head.pos_ in {"VERB", "AUX"}:
        return head
    return None


def arguments_of(ctx: EventDocument, token: Token) -> tuple[Token | None, Token | None]:
    """Actor and target words of a trigger, a verb's or a noun's."""
    if token.pos_ in {"NOUN", "PROPN"}:
        return nominal_arguments(ctx, token)
    return verbal_arguments(ctx, token)


def nominal_arguments(
    ctx: EventDocument, token: Token, attended: bool = False, done_to: bool = False
) -> tuple[Token | None, Token | None]:
    """Actor and target words of an action noun ("la menace de Kast", "l'expulsion des
    migrants", "his threat"), and the subject of the verb it is the object of ("a annoncé la
    fermeture", "paralysed the country with a strike"). An ``attended`` action (a meeting, a
    visit) also takes the subject of the verb it is a circumstance of ("said at the meeting",
    "abordó en la reunión", "paid tribute on a visit to"). A deed ``done_to`` a person or a
    place has it after "of" as its target ("the killing of Alexis Grigoropoulos", "the bombing
    of Belgrade"), and in English whatever follows "of" ("the bombings of the U.S. Embassies").
    """
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
            elif done_to and (
                _named_as(ctx, word, "PER")
                or _named_as(ctx, word, "LOC")
                or preps & lexicon.deed_target_preps
            ):
                target = target or word  # "the killing of Alexis", "the bombing of Belgrade"
            elif (entity_near(ctx, word) is not None and word.pos_ == "PROPN") or (
                word.i in ctx.role_of
            ):
                actor = actor or word
            elif target is None and word.pos_ in {"NOUN", "PROPN"}:
                target = word
    if actor is None:
        actor = _party(token, lexicon)  # "the agreement between the two sides"
    if actor is None:
        # "Israeli bombing", "frappes israéliennes": a nationality names who acts
        for child in token.children:
            named = ctx.mention_of.get(child.i)
            if child.dep_ == "amod" and named is not None and named[0].label == "NORP":
                actor = child
                break
    means = means_of(lexicon, token)  # "responded with barrages of tear gas"
    head = means or token.head
    telling = any(  # "condemned the bombing": the condemner did not bomb
        e.type in TELLING_TYPES
        for e in lexicon.entries_acting_on(lemma_of(token), lemma_of(head), head.lower_)
    )
    received = (
        means is None
        and token.dep_ in {"obj", "dobj"}
        and (lemma_of(head) in lexicon.receiving_verbs)
    )
    if received and actor is None:
        # "received a request from the ministry": the sender acts, the receiver is its target
        subjects = children_of(head, SUBJECT)
        target = target or (subjects[0] if subjects else None)
        actor = _sender(token, lexicon) or _sender(head, lexicon)
    elif (
        actor is None
        and head.pos_ in {"VERB", "AUX"}
        and head.i != token.i
        and not telling
        and (token.dep_ in {"obj", "dobj"} or means is not None)
    ):
        subjects = children_of(head, SUBJECT)
        actor = subjects[0] if subjects else None
    if actor is None and attended:
        verb = _circumstance_of(token)
        if verb is not None:
            subjects = children_of(verb, SUBJECT)
            actor = subjects[0] if subjects else controller(verb)
            if actor is not None and _relative(actor) and verb.dep_ in _RELATIVE_CLAUSE:
                actor = verb.head  # "Scalise, who is on a visit to Morocco"
    return actor, target


def _party(token: Token, lexicon: EventLexicon) -> Token | None:
    """The first party to an action noun, after a preposition of parties hanging from it or from
    a participle describing it ("the talks between Kiev and Moscow", "el acuerdo alcanzado en
    1991 entre las dos partes")."""
    holders = [token] + [
        c
        for c in token.children
        if c.dep_ in {"acl", "amod"} and (c.pos_ == "VERB" or "Part" in c.morph.get("VerbForm", []))
    ]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and lemma_of(child) in lexicon.between_preps:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
            cases = {lemma_of(c) for c in child.children if c.dep_ == "case"}
            if child.dep_ in {"nmod", "obl", "obl:mod"} and cases & lexicon.between_preps:
                return child
    return None


def _sender(word: Token, lexicon: EventLexicon) -> Token | None:
    """Who something came from, after a preposition of source hanging from the word ("a
    request from the ministry")."""
    for child in word.children:
        if child.dep_ == "prep" and lemma_of(child) in lexicon.source_preps:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
        if child.dep_ in {"nmod", "obl"} and any(
            c.dep_ == "case" and lemma_of(c) in lexicon.source_preps for c in child.children
        ):
            return child
    return None


def means_of(lexicon: EventLexicon, token: Token) -> Token | None:
    """The verb an action noun is the means of ("paralysed the country with a strike", "a
    paralysé l'Argentine avec sa grève", "responded with barrages of tear gas"), or None."""
    held = token
    if (
        held.dep_ == "pobj"
        and lemma_of(held.head) in lexicon.of_preps
        and held.head.head.pos_ == "NOUN"
    ):
        held = held.head.head  # "barrages of tear gas"
    if any(c.dep_ == "case" and lemma_of(c) in lexicon.with_preps for c in held.children):
        verb = held.head
    elif held.dep_ == "pobj" and lemma_of(held.head) in lexicon.with_preps:
        verb = held.head.head
    else:
        return None
    return verb if verb.pos_ in {"VERB", "AUX"} and verb.i != token.i else None


def list_head(token: Token) -> Token:
    """The first of a list a word belongs to ("Protests, riots and clashes": Protests)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _named_as(ctx: EventDocument, token: Token, label: str) -> bool:
    """Whether a word names an entity of a label ("PER", "LOC")."""
    named = entity_near(ctx, token)
    return named is not None and named[0].label == label


def burdened(ctx: EventDocument, token: Token, thing: Token | None = None) -> Token | None:
    """Whom a deed or a measure falls on: the object of a preposition of `burden_preps` on the
    trigger or on the thing it imposes ("imposed the sentence on Pimstein", "an embargo on
    Cuba", "sanciones contra Rusia"), not a time ("on Monday")."""
    for word in (token, thing):
        if word is None:
            continue
        for child in word.children:
            if child.dep_ == "prep" and lemma_of(child) in ctx.lexicon.burden_preps:
                objects = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ in {"nmod", "obl", "obl:arg"} and any(
                c.dep_ == "case" and lemma_of(c) in ctx.lexicon.burden_preps for c in child.children
            ):
                objects = [child]
            else:
                continue
            if objects and bears(ctx, objects[0]):
                return objects[0]
    return None


def bears(ctx: EventDocument, word: Token) -> bool:
    """Whether a word names who or where a deed can fall on: people, a named party or a place,
    not a thing ("a ban on arms exports") or a time ("on Monday")."""
    if word.i in ctx.time_tokens:
        return False
    lemma = lemma_of(word)
    return (
        ctx.lexicon.names_people(lemma)
        or lemma in ctx.lexicon.agents
        or entity_near(ctx, word) is not None
        or _toponym_at(ctx, word) is not None
    )


def _toponym_at(ctx: EventDocument, token: Token) -> Place | None:
    """The place record whose toponym has this word as its head, if any."""
    return next((place for place, span in ctx.place_spans if span.root.i == token.i), None)


def _relative(token: Token) -> bool:
    return "Rel" in token.morph.get("PronType", []) or token.lower_ in _RELATIVE


def _circumstance_of(token: Token) -> Token | None:
    """The verb a noun is a circumstance of through a preposition ("en la reunión", "on a
    visit", "lors du sommet"), or None."""
    if token.dep_ in {"obl", "obl:mod", "obl:arg"} and token.head.pos_ in {"VERB", "AUX"}:
        return token.head
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        verb = token.head.head
        return verb if verb.pos_ in {"VERB", "AUX"} else None
    return None


def clause_of(token: Token, verbal: bool) -> list[Token]:
    """The words of the action's clause: the trigger's subtree without its subject and the
    clauses hanging from it, and for a noun or an infinitive the direct complements of the verb
    above it."""
    left_out = {
        t.i
        for c in token.children
        if c.dep_ in SUBJECT | PASSIVE_SUBJECT | _OTHER_CLAUSES
        for t in c.subtree
    }
    words = {t.i: t for t in token.subtree if t.i not in left_out}
    if not verbal or token.dep_ in {"xcomp", "acl", "amod"}:
        head = token.head
        for child in head.children:
            if child.dep_.startswith("obl") or child.dep_ in {"advmod", "nmod", "npadvmod", "prep"}:
                words.update({t.i: t for t in child.subtree})
    return [words[i] for i in sorted(words)]


def inside(start: int, end: int, spans: Sequence[Argument]) -> bool:
    return any(a.start <= start and end <= a.end for a in spans)


def reaches(ctx: EventDocument, token: Token, anchors: set[int], allowed: set[int]) -> int:
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
            or head.i in ctx.amount_tokens  # "decenas de carreteras en Cataluña": what it counts
        ):
            return 0
        current = head
    return 0


def bind_place(
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
        if inside(place.start, place.end, named) or place.start in ctx.name_starts:
            continue
        token = ctx.doc.char_span(place.start, place.end, alignment_mode="expand")
        if token is None or token.root.i in ctx.time_tokens | ctx.amount_tokens | ctx.dateline:
            continue  # "Hier à 10 h", "7.000 millones de US$", "WASHINGTON —": not where
        steps = reaches(ctx, token.root, anchors, allowed)
        if not steps or (token.root.dep_ in {"obj", "dobj"} and token.root.head.i not in anchors):
            continue  # "blocked from entering Peru at Santa Rosa": Peru is where they went
        prep = 0 if _told_as_place(ctx, token) else 1
        key = (prep, steps, _PRECISION_RANK.get(place.precision, 5))
        if best is None or key < best[0]:
            best = (key, place)
    return best[1] if best else None


def _told_as_place(ctx: EventDocument, span: SpacySpan) -> bool:
    """Whether a toponym follows a preposition of place ("in Juba") or hangs from a place noun
    ("le campement de Loon-Plage")."""
    before = ctx.doc[max(span.start - 3, 0) : span.start]
    if any(lemma_of(t) in ctx.lexicon.place_preps for t in before):
        return True
    return lemma_of(span.root.head) in ctx.lexicon.place_nouns


def sent_to(ctx: EventDocument, place: Place, verb: Token) -> bool:
    """Whether a place is told as the destination of a sending verb: after a preposition of
    destination ("deported to Colombia", "vers le Maroc"), or after one of place that is the
    verb's own complement ("renvoyées au Maroc"), not where the people sent were ("les
    migrants en situation irrégulière au Chili")."""
    span = ctx.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    before = ctx.doc[max(span.start - 3, span.sent.start) : span.start]
    if any(lemma_of(t) in ctx.lexicon.destination_preps for t in before):
        return True  # "vers le Pérou", "back to Cuba"
    if not any(lemma_of(t) in ctx.lexicon.sent_preps for t in before):
        return False
    head = span.root.head  # "renvoyées au Maroc", not "les migrants … au Chili"
    return head.i == verb.i or (head.dep_ == "prep" and head.head.i == verb.i)


def most_precise_told_with(ctx: EventDocument, place: Place) -> Place:
    """The most precise of the places told together with ``place`` ("à Pont-Sondé, dans le
    département de l'Artibonite", "in Colchane, in the Tarapacá region"): a place right
    before it, with only a comma and a few words between, when that one is more precise."""
    text = ctx.doc.text
    rank = _PRECISION_RANK.get(place.precision, 5)
    for other in ctx.places:
        between = text[other.end : place.start]
        if (
            other.end <= place.start
            and between.lstrip().startswith(",")
            and len(between.split()) <= TOLD_WITH_WORDS
            and not any(c in between for c in ".;:")
            and (
                _PRECISION_RANK.get(other.precision, 5) < rank
                # "Pont-Sondé, dans le département de l'Artibonite": inside it, if unknown
                or (
                    other.precision is None
                    and _names_a_division(ctx, between + " " + text[place.end : place.end + 20])
                )
            )
        ):
            return other
    return place


def _names_a_division(ctx: EventDocument, words: str) -> bool:
    return any(w.lower() in ctx.lexicon.place_nouns for w in words.replace(",", " ").split())


def place_before_where(ctx: EventDocument, token: Token) -> Place | None:
    """The place an action's relative clause of place points back to ("à Naplouse, où
    l'armée a arrêté", "Arica, donde la policía detuvo", "Tacna, where police arrested"): the
    place record right before the relative word, with only punctuation between."""
    current = token
    for _ in range(3):
        where = next((c for c in current.children if c.lower_ in ctx.lexicon.where_words), None)
        if where is not None:
            break
        if current.head.i == current.i:
            return None
        current = current.head
    else:
        return None
    text = ctx.doc.text
    last = next(
        (
            p
            for p in ctx.places
            if p.end <= where.idx and not text[p.end : where.idx].strip(" ,;:(")
        ),
        None,
    )
    if last is None:
        return None
    # "à Naplouse, en Cisjordanie, où": the most precise of the places told together
    chain = [last]
    for place in sorted(ctx.places, key=lambda p: -p.end):
        between = text[place.end : chain[-1].start]
        words = between.replace(",", " ").replace("(", " ").split()
        if place.end <= chain[-1].start and len(words) <= 1 and "." not in between:
            chain.append(place)
    return min(chain, key=lambda p: _PRECISION_RANK.get(p.precision, 5))


def place_pointed_back(ctx: EventDocument, token: Token) -> Place | None:
    """The place a place adverb of the action points back to ("police in Arica said no
    migrants had been detained there"): the last place told before it, in its sentence or the
    one before."""
    there = next(
        (c for c in token.children if c.dep_ == "advmod" and c.lower_ in ctx.lexicon.there_words),
        None,
    )
    if there is None:
        return None
    index = next(n for n, sent in enumerate(ctx.sentences) if sent.start <= there.i < sent.end)
    since = ctx.sentences[max(index - 1, 0)].start_char
    before = [p for p in ctx.places if since <= p.start and p.end <= there.idx]
    return before[-1] if before else None


def place_in_target(ctx: EventDocument, target: Token | None, deed: bool = False) -> Place | None:
    """The place an action is done to when its target is a place ("closed the Chacalluta
    crossing", "a fermé le poste-frontière de Santa Rosa"): the toponym of the target's
    phrase, not a partner ("the border with Chile"). A ``deed`` done to a toponym happened
    there ("an attack on Kabul")."""
    if target is None:
        return None
    place = _toponym_at(ctx, target) if deed else None
    if place is not None:
        return place
    if lemma_of(target) not in ctx.lexicon.place_nouns:
        return None
    words = {t.idx for t in target.subtree}
    for place, span in ctx.place_spans:
        if place.start not in words:
            continue
        if span.root.i == target.i or reaches(ctx, span.root, {target.i}, set()):
            return place
    return None


def place_of_party(ctx: EventDocument, word: Token | None) -> Place | None:
    """Where an actor or a target placed by its own phrase is, when the action has no place
    of its own: a toponym after a preposition of `located_preps` hanging from the word or
    from a noun of its phrase ("l'ambassade du Chili à Caracas a accordé l'asile", "police in
    Arica detained", "shot dead a candidate for mayor of a town in Guerrero state")."""
    if word is None:
        return None
    for place, span in ctx.place_spans:
        root = span.root
        if root.dep_ == "compound" and lemma_of(root.head) in ctx.lexicon.place_nouns:
            root = root.head  # "in Guerrero state"
        prep = root.head if root.dep_ == "pobj" else None
        cases = [prep] if prep is not None else [c for c in root.children if c.dep_ == "case"]
        if not any(lemma_of(c) in ctx.lexicon.located_preps for c in cases):
            continue
        holder = prep.head if prep is not None else root.head
        for _ in range(MAX_PHRASE):  # up through the nouns of the phrase, not its clauses
            if holder.i == word.i:
                return place
            if holder.pos_ not in {"NOUN", "PROPN", "ADP"} or holder.head.i == holder.i:
                break
            holder = holder.head
    return None


def place_of_relative(
    ctx: EventDocument,
    word: Token | None,
    verbs: frozenset[str] | None = None,
    reached: bool = False,
) -> Place | None:
    """The place told in a relative clause of an actor or target: where they were when it was
    done to them ("opened fire on protesters who stormed the parliament complex in Nairobi").
    With ``verbs``, only a clause of one of them ("aboard a plane that took off from
    Iquique": `departure_verbs`). With ``reached``, also where they got to, for people sent
    away from there ("48 migrantes que lograron alcanzar la playa del Tarajal fueron
    devueltos"), not for people held somewhere after it."""
    if word is None:
        return None
    for child in word.children:
        relative = child.dep_ in _RELATIVE_CLAUSE or (
            child.dep_ == "acl" and any(_relative(c) for c in child.children)
        )  # "los manifestantes que ocupaban la plaza en Caracas"
        if not relative or child.pos_ not in {"VERB", "AUX"}:
            continue
        if verbs is not None and lemma_of(child) not in verbs:
            continue
        place = _place_told_in(ctx, child, reached)
        if place is not None and verbs is None and _came_from(ctx, place):
            continue  # "a fellow inmate who was from Cincinnati": where they came from
        if place is not None:
            return place
    return None


def _came_from(ctx: EventDocument, place: Place) -> bool:
    """Whether a toponym follows a preposition of whom something came from ("from Cincinnati")."""
    span = ctx.doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and (
        span.root.head.dep_ == "prep" and lemma_of(span.root.head) in ctx.lexicon.source_preps
    )


def _place_told_in(ctx: EventDocument, verb: Token, reached: bool = False) -> Place | None:
    """The place a clause tells after a preposition of place or a place noun, or as what a
    verb of `reach_verbs` reaches, the most precise of those told together with it."""
    reaching = {  # "qui avaient réussi à atteindre la plage du Tarajal": where they were
        t.i
        for t in (verb, *(c for c in verb.children if c.dep_ == "xcomp"))
        if reached and lemma_of(t) in ctx.lexicon.reach_verbs
    }
    place = bind_place(ctx, clause_of(verb, True), [], [], {verb.i} | reaching, set())
    if place is None:
        return None
    span = ctx.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return None
    if not _told_as_place(ctx, span) and not (
        span.root.dep_ in {"obj", "dobj"} and span.root.head.i in reaching
    ):
        return None
    return most_precise_told_with(ctx, place)


def _subjectless_clause(token: Token) -> bool:
    """Whether a word heads a non-finite adverbial clause with no subject of its own ("avant
    de lever", "Speaking in Juba"): its actor is the verb's."""
    return (
        token.dep_ == "advcl"
        and not children_of(token, SUBJECT | PASSIVE_SUBJECT)
        and "Fin" not in token.morph.get("VerbForm", [])
    )


def governor_place(ctx: EventDocument, token: Token) -> Place | None:
    """The place of the verb a non-finite adverbial clause with no subject hangs from: the
    same actors, there ("À Buenos Aires, des chômeurs ont coupé l'accès au pont, avant de
    lever leur barrage"), and so does a verb joined to it with no subject of its own ("foiled a
    hijack attempt in the Gulf of Aden and arrested 23 pirates"). A clause with its own subject
    may be elsewhere ("a day after Caracas agreed", "if Chile closed its border")."""
    verb = token.head
    same_subject = token.dep_ == "conj" and not children_of(token, SUBJECT | PASSIVE_SUBJECT)
    if not (_subjectless_clause(token) or same_subject) or verb.pos_ not in {"VERB", "AUX"}:
        return None
    own = {t.i for t in token.subtree}
    clause = [t for t in clause_of(verb, True) if t.i not in own]
    return bind_place(ctx, clause, [], [], {verb.i}, set())


def clause_place(ctx: EventDocument, token: Token) -> Place | None:
    """The place of a non-finite adverbial clause with no subject hanging from the action: the
    same actor, there ("Speaking in South Sudan's capital, Juba, Mr. Kiir denounced")."""
    for child in token.children:
        if not _subjectless_clause(child) or child.pos_ not in {"VERB", "AUX"}:
            continue
        place = _place_told_in(ctx, child)
        if place is not None:
            return place
    return None


def place_visited(ctx: EventDocument, target: Token | None) -> Place | None:
    """The place a visit is to ("visited Riyadh"): the target's own place record."""
    for place, span in ctx.place_spans:
        if target is not None and span.root.i == target.i:
            return place
    return None


def border_crossing(
    ctx: EventDocument,
    clause: list[Token],
    arguments: list[Argument],
    anchors: set[int],
    allowed: set[int],
) -> Place | None:
    """Where an action "at the border" happened when the clause names no place of its own: the
    one border crossing the article names, when it lies in a country of the action's sentence
    ("bloqués à la frontière avec le Pérou" … "au poste-frontière de Chacalluta-Santa Rosa")."""
    border = [
        t
        for t in clause
        if lemma_of(t) in ctx.lexicon.border_nouns
        and not inside(t.idx, t.idx + len(t.text), arguments)
        and reaches(ctx, t, anchors, allowed)
    ]
    crossings = {p.geonames_id: p for p in ctx.places if p.feature_code == "PSTB"}
    if not border or len(crossings) != 1:
        return None
    (crossing,) = crossings.values()
    sent = border[0].sent
    countries = {
        p.country_code
        for p in ctx.places
        if p.precision == "country" and sent.start_char <= p.start < sent.end_char
    }
    return crossing if crossing.country_code in countries else None


def entrant(token: Token, entering: frozenset[str]) -> Token | None:
    """Who an entry is granted or refused to, when the parse hangs them on the entering verb
    (a lemma of ``entering``): "let the migrants in", "allow the migrants to enter", "laisser
    entrer les migrants"."""
    for verb in token.children:
        nonfinite = verb.pos_ == "ADP" or "Inf" in verb.morph.get("VerbForm", [])
        if verb.dep_ in {"ccomp", "xcomp"} and nonfinite and lemma_of(verb) in entering:
            found = children_of(verb, SUBJECT) or children_of(verb, frozenset({"obj", "dobj"}))
            if found:
                return found[0]
    return None


def country_entered(ctx: EventDocument, token: Token) -> Argument | None:
    """The country an entry is into, named in the action's complements ("laisser entrer au
    Pérou", "denied entry to Chile"): entry into a country is that country's to grant."""
    for place, span in ctx.place_spans:
        if place.precision != "country" or span.root.i not in ctx.mention_of:
            continue
        links = [t.i for t in span.root.ancestors][:3]
        if token.i in links and span.root.sent == token.sent:
            return argument(ctx, span.root, acting=True)
    return None


def is_date(time: Time) -> bool:
    return time.type in {"DATE", "TIME"} and time.value[:1].isdigit()


def bind_times(
    ctx: EventDocument, clause: list[Token], trigger: Token, arguments: list[Argument]
) -> tuple[Time | None, Time | None]:
    """The action's date and deadline among the time records of its clause."""
    indices = {t.idx for t in clause}
    date: Time | None = None
    deadline: Time | None = None
    for time in sorted(ctx.times, key=lambda t: abs(t.start - trigger.idx)):
        if time.start not in indices or inside(time.start, time.end, arguments):
            continue
        span = ctx.doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is not None and _of_other_action(ctx, span.root, trigger):
            continue  # "arrested in connection with last year's blasts": the blasts' date
        before: list[Token] = (
            list(ctx.doc[max(span.start - 2, 0) : span.start]) if span is not None else []
        )
        deadline_prep = any(lemma_of(t) in ctx.lexicon.deadline_preps for t in before)
        if deadline is None and (time.ends_on or (deadline_prep and is_date(time))):
            deadline = time
        elif date is None and is_date(time) and not deadline_prep:
            date = time
    return date, deadline


def _says(words: list[str], at: int, phrase: tuple[str, ...]) -> bool:
    return tuple(words[at : at + len(phrase)]) == phrase


def same_place_cue(ctx: EventDocument, clause: list[Token]) -> bool:
    """Whether the action's clause says it happened where the one told before did ("aux
    familles restées sur place", "treated at the scene")."""
    if not clause:
        return False
    sent = clause[0].sent
    words = [phrase_word(t) for t in sent]
    inside_clause = {t.i for t in clause}
    return any(
        _says(words, at, phrase)
        for at, word in enumerate(sent)
        if word.i in inside_clause
        for phrase in ctx.lexicon.same_place
    )


def same_time_cue(ctx: EventDocument, token: Token, clause: list[Token]) -> Token | None:
    """The words by which an undated action happened at the time of one told before: "the
    same day", "le même jour", "el mismo día", or an action noun after "during", "lors de",
    "durante" ("marched during the stoppage"). The cue's last word, or None."""
    lexicon = ctx.lexicon
    sent = token.sent
    words = [phrase_word(t) for t in sent]
    inside_clause = {t.i for t in clause}
    for at, word in enumerate(sent):
        if word.i not in inside_clause:
            continue
        for phrase in lexicon.same_time:
            if _says(words, at, phrase):
                return sent[at + len(phrase) - 1]
        for phrase in lexicon.during:
            if not _says(words, at, phrase):
                continue
            after = sent[at + len(phrase) : at + len(phrase) + 3]
            noun = next((t for t in after if t.pos_ in {"NOUN", "PROPN"}), None)
            if noun is not None and lexicon.names_an_occasion(lemma_of(noun)):
                return noun
    return None


def _of_other_action(ctx: EventDocument, token: Token, trigger: Token) -> bool:
    """Whether a word hangs from the trigger through an action noun of its own, or through a
    relative clause of another word ("to replace Zimpher, who is leaving on June 1")."""
    current = token
    for _ in range(MAX_PHRASE):
        if current.i == trigger.i or current.head.i == current.i:
            return False
        current = current.head
        if current.i == trigger.i:
            return False
        if current.pos_ == "NOUN" and ctx.lexicon.names_an_action(lemma_of(current)):
            return True
        if current.dep_ in _RELATIVE_CLAUSE and not (
            current.head.i == trigger.i or current.left_edge.i <= trigger.i <= current.right_edge.i
        ):
            return True
    return False


def governor_date(ctx: EventDocument, token: Token, arguments: list[Argument]) -> Time | None:
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
                and is_date(time)
                and not inside(time.start, time.end, arguments)
            ):
                return time
    return None


__all__ = [
    "MAX_PHRASE",
    "OBJECT",
    "PASSIVE_SUBJECT",
    "SUBJECT",
    "TELLING_TYPES",
    "EventDocument",
    "agent_of",
    "argument",
    "arguments_of",
    "bears",
    "bind_place",
    "bind_times",
    "blamed_for",
    "burdened",
    "children_of",
    "clause_of",
    "clause_place",
    "controller",
    "descendants",
    "entity_near",
    "governor_date",
    "governor_place",
    "group_antecedent",
    "inside",
    "is_date",
    "nominal_arguments",
    "own_subject",
    "phrase",
    "place_before_where",
    "place_of_party",
    "place_of_relative",
    "reaches",
    "reporting_force",
    "resolve_pronoun",
    "sentence_span",
    "token_span",
    "verbal_arguments",
]
