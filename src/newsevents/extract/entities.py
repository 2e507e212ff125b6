"""Named entities of an article: one record per real-world entity, with roles and nationalities.

The language pipeline's entity spans are mapped to the record labels by the language's data,
cleaned (determiners, honorifics and titles the model swallowed are cut off), and completed by
a lexicon of nationality and group words (NORP). Mentions of one entity are then merged: a
person's shorter mentions join the fullest name they end with ("Kast", "Jerí"), other names
join their exact repeats, and nationality words join by country.

Confidence is a fixed score per kind of evidence, raised by 0.05 when the entity is mentioned
more than once (at most 0.95): 0.95 for a nationality word of the lexicon, 0.85 for a model
entity or a group word, 0.8 for a NORP the lexicon does not know and for a place found inside a
title, 0.7 for a name in a photo credit line; a person known by one word only gets at most 0.6.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsevents.extract.demonyms import DemonymLexicon, demonym_lexicon
from newsevents.extract.roles import DocView, RoleRules, find_role, role_rules
from newsevents.lang import load_data
from newsevents.records import Entity, EntityLabel, Span

MODEL_CONFIDENCE = 0.85
LEXICON_CONFIDENCE = 0.95
GROUP_CONFIDENCE = 0.85
UNKNOWN_NORP_CONFIDENCE = 0.8
TITLE_PLACE_CONFIDENCE = 0.8
CREDIT_CONFIDENCE = 0.7
SINGLE_NAME_CONFIDENCE = 0.6
REPEAT_BONUS = 0.05
MAX_CONFIDENCE = 0.95

_LABELS: frozenset[str] = frozenset({"PER", "ORG", "LOC", "MISC", "NORP"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True, slots=True)
class _CleanRules:
    labels: Mapping[str, EntityLabel]
    determiners: frozenset[str]
    honorifics: frozenset[str]
    name_suffixes: frozenset[str]
    credit_line: re.Pattern[str]


@functools.cache
def _clean_rules(lang: str) -> _CleanRules:
    data = load_data(lang, "entities")
    labels = {k: v for k, v in data["labels"].items() if v in _LABELS}
    clean = data["clean"]

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in clean.get(key, []))

    return _CleanRules(
        labels,
        words("determiners"),
        words("honorifics"),
        words("name_suffixes"),
        _credit_line(clean.get("credit_cues", [])),
    )


def _credit_line(cues: Iterable[str]) -> re.Pattern[str]:
    """A line opened by a credit cue and a colon ("Photo : AFP/VNA/CVN")."""
    alternatives = "|".join(sorted((re.escape(c) for c in cues), key=len, reverse=True))
    if not alternatives:
        return re.compile(r"(?!)")
    return re.compile(rf"^[ \t]*(?:{alternatives})[ \t]*:.*$", re.IGNORECASE | re.MULTILINE)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    label: EntityLabel
    confidence: float = MODEL_CONFIDENCE
    key: str | None = None
    name: str | None = None
    country_code: str | None = None
    role: tuple[int, int] | None = None
    tokens: tuple[str, ...] = ()


def extract_entities(doc: Doc) -> list[Entity]:
    """One record per entity of the article, ids ``e1``, ``e2``… in order of first mention."""
    lang = doc.lang_
    clean = _clean_rules(lang)
    roles = role_rules(lang)
    lexicon = demonym_lexicon(lang)
    view = DocView.of(doc)

    mentions, titles = _model_mentions(view, clean, roles, lexicon)
    _relabel_lone_names(doc, mentions)
    _trim_capital_articles(doc, mentions, clean.determiners)
    persons = {i for m in mentions if m.label == "PER" for i in range(m.start, m.end)}
    in_roles: set[int] = set()
    for m in mentions:
        if m.label == "PER":
            m.role = find_role(view, m.start, m.end, roles, persons)
            if m.role is not None:
                in_roles.update(range(*m.role))
    mentions = [m for m in mentions if not _artefact_of_role(doc, m, in_roles)]
    mentions += _places_in_titles(doc, titles, mentions)
    mentions += _lexicon_mentions(doc, lexicon, mentions)
    text = doc.text  # built anew on each access: read it once
    _mark_credits(doc, text, mentions, clean.credit_line)
    mentions.sort(key=lambda m: m.start)
    groups = _group(doc, mentions)
    entities = [_entity(doc, text, group) for group in groups]
    entities.sort(key=lambda e: e.mentions[0].start)
    return [dataclasses.replace(e, id=f"e{n}") for n, e in enumerate(entities, 1)]


def _model_mentions(
    view: DocView, clean: _CleanRules, roles: RoleRules, lexicon: DemonymLexicon
) -> tuple[list[_Mention], list[tuple[int, int]]]:
    """Cleaned model mentions, and the spans the model labelled but that are only titles."""
    doc = view.doc
    mentions: list[_Mention] = []
    titles: list[tuple[int, int]] = []
    pieces = [
        (piece_start, piece_end, label)
        for ent in doc.ents
        if (label := clean.labels.get(ent.label_)) is not None
        for piece_start, piece_end in _split_at_verbs(view, ent.start, ent.end, label)
        for piece_start, piece_end in [_from_the_name(view, piece_start, piece_end, label)]
    ]
    for piece_start, piece_end, label in pieces:
        start, end = _clean_bounds(view, piece_start, piece_end, label, clean, roles)
        text = doc[start:end].text if start < end else ""
        if not any(ch.isalpha() for ch in text):
            continue
        demonym = lexicon.lookup(text)
        if demonym is not None:
            conf = LEXICON_CONFIDENCE if demonym.country_code else GROUP_CONFIDENCE
            mentions.append(
                _norp(start, end, demonym.key, demonym.name, demonym.country_code, conf)
            )
        elif label != "PER" and _is_title(doc, start, end, roles):
            titles.append((start, end))
        elif label == "NORP":
            key = "norp:" + _fold(text)
            mentions.append(_norp(start, end, key, None, None, UNKNOWN_NORP_CONFIDENCE))
        else:
            mentions.append(_Mention(start, end, label))
    return mentions, titles


def _split_at_verbs(view: DocView, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """A model span cut at the finite verbs in lower case it swallowed ("Trump accused Holt"
    taken as one name is "Trump" and "Holt"). A title of a work (MISC) keeps its verbs ("Lo
    que el viento se llevó"), unless names stand on both sides of one."""
    doc = view.doc
    if not view.has_pos:
        return [(start, end)]
    pieces = []
    for i in range(start, end):
        token = doc[i]
        if (
            token.pos_ in ("VERB", "AUX")
            and token.is_lower
            and "Fin" in token.morph.get("VerbForm", [])
            and (
                label != "MISC"
                or (start < i < end - 1 and doc[i - 1].is_title and doc[i + 1].is_title)
            )
        ):
            pieces.append((start, i))
            start = i + 1
    pieces.append((start, end))
    return [(s, e) for s, e in pieces if s < e]


def _from_the_name(view: DocView, start: int, end: int, label: str) -> tuple[int, int]:
    """A title or event (MISC) span that opens with a common noun in lower case starts at the
    name after it ("reunión del Eurogrupo" is "Eurogrupo"): the noun says what happened."""
    doc = view.doc
    if label != "MISC" or not view.has_pos:
        return start, end
    first = next((i for i in range(start, end) if doc[i].pos_ != "DET"), end)
    if first == end or not (doc[first].pos_ == "NOUN" and doc[first].is_lower):
        return start, end
    name = next((i for i in range(first + 1, end) if doc[i].is_title or doc[i].is_upper), None)
    return (name, end) if name is not None else (start, end)


def _relabel_lone_names(doc: Doc, mentions: Sequence[_Mention]) -> None:
    """A one-word PER that is more often a place or organisation in the article is that."""
    # "El presidente de Perú, José Jerí" can come out with "Perú" as PER; a surname of a fuller
    # person name ("Kast") stays a person, and so does a name the model calls a person more
    # often than anything else (a cyclist tagged LOC once among three PER).
    votes: Counter[tuple[str, EntityLabel]] = Counter()
    surnames: set[str] = set()
    for m in mentions:
        text = _fold(doc[m.start : m.end].text)
        if m.label in ("LOC", "ORG") or (m.label == "PER" and m.end - m.start == 1):
            votes[text, m.label] += 1
        elif m.label == "PER":
            surnames.add(_fold(doc[m.end - 1].text))
    for m in mentions:
        if m.label == "PER" and m.end - m.start == 1:
            text = _fold(doc[m.start].text)
            if text in surnames:
                continue
            other: EntityLabel = max(("LOC", "ORG"), key=lambda label: votes[text, label])
            if votes[text, other] and votes[text, other] >= votes[text, "PER"]:
                m.label = other


def _trim_capital_articles(doc: Doc, mentions: Sequence[_Mention], determiners: Set[str]) -> None:
    """Cut a capitalized article from a name the article also writes without it ("Le Pérou")."""
    # Sentence-initial "Le Pérou" joins "Pérou"; "La Paz" or "The Hague" alone keep theirs.
    names = {_fold(doc[m.start : m.end].text) for m in mentions if m.label != "PER"}
    for m in mentions:
        if (
            m.label != "PER"
            and m.end - m.start > 1
            and doc[m.start].lower_ in determiners
            and _fold(doc[m.start + 1 : m.end].text) in names
        ):
            m.start += 1


def _norp(
    start: int, end: int, key: str, name: str | None, code: str | None, conf: float
) -> _Mention:
    return _Mention(start, end, "NORP", conf, key=key, name=name, country_code=code)


def _clean_bounds(
    view: DocView, start: int, end: int, label: str, clean: _CleanRules, roles: RoleRules
) -> tuple[int, int]:
    """Cut what the model took in around a name: determiners, honorifics, titles, punctuation."""
    doc = view.doc
    if label == "PER":
        # "President Joe Biden": the title is left outside, where the role finder sees it.
        start = _after_title(doc, start, end, clean, roles)
    while start < end and _strip_first(doc, start, end, label, clean):
        start += 1
    while end > start and _strip_last(view, doc[end - 1], label):
        end -= 1
    return start, end


def _after_title(doc: Doc, start: int, end: int, clean: _CleanRules, roles: RoleRules) -> int:
    """Where a person's name starts after a title the model took in with it."""
    cut = start
    for i in range(start, end - 1):
        token = doc[i]
        if roles.is_title_word(token):
            cut = i + 1
        elif not (
            token.is_lower
            or token.is_punct
            or token.lower_ in clean.determiners
            or (roles.compound_titles and token.text[:1].isupper())
        ):
            break
    rest = doc[cut]
    # "Martin Luther King Jr." is a name, not King (a title) and "Jr.".
    if rest.lower_.rstrip(".") in clean.name_suffixes or not rest.text[:1].isupper():
        return start
    return cut


def _strip_first(doc: Doc, i: int, end: int, label: str, clean: _CleanRules) -> bool:
    token = doc[i]
    low = token.lower_
    if token.is_space or token.is_punct or _sign(token):
        return True
    if low in clean.determiners:
        # "la Paz", "Le Pen", "El Salvador" keep their capital article; "L'ultraconservateur" not.
        nxt = doc[i + 1] if i + 1 < end else None
        return token.text[:1].islower() or (nxt is not None and nxt.text[:1].islower())
    if label == "PER":
        return low in clean.honorifics or low.rstrip(".") in clean.honorifics or token.is_lower
    return False


def _sign(token: Token) -> bool:
    """A token with neither letter nor digit that the tokenizer did not take for punctuation
    (a dash mis-decoded as "\x97")."""
    return not any(ch.isalnum() for ch in token.text)


def _strip_last(view: DocView, token: Token, label: str) -> bool:
    if token.is_space or token.is_punct or _sign(token) or token.lower_ in _POSSESSIVE:
        return True
    if label == "PER":
        return token.is_lower
    return view.has_pos and token.pos_ in ("VERB", "AUX")


def _is_title(doc: Doc, start: int, end: int, roles: RoleRules) -> bool:
    """Whether a span the model labelled ORG/LOC/MISC is a title ("ministre de la Sécurité")."""
    i = start
    while i < end and doc[i].lower_ in roles.pre_modifiers:
        i += 1
    if i < end and roles.is_head(doc[i]) and (doc[i].text[:1].islower() or i > start):
        return True
    # "Security Minister": a capitalized compound title ends on its head.
    words = doc[start:end]
    return (
        roles.compound_titles
        and end - start > 1
        and roles.is_head(doc[end - 1])
        and all(t.text[:1].isupper() for t in words if not t.is_punct)
    )


def _artefact_of_role(doc: Doc, m: _Mention, in_roles: Set[int]) -> bool:
    """ORG/MISC pieces of a title ("Sécurité" in "ministre de la Sécurité"); acronyms stay."""
    if m.label not in ("ORG", "MISC") or _is_acronym(doc, m):
        return False
    return any(i in in_roles for i in range(m.start, m.end))


def _is_acronym(doc: Doc, m: _Mention) -> bool:
    """Whether the mention is written in capitals ("NATO", "ACNUR")."""
    text = doc[m.start : m.end].text
    return len(text) > 1 and text.isupper()


def _places_in_titles(
    doc: Doc, titles: Iterable[tuple[int, int]], mentions: Sequence[_Mention]
) -> list[_Mention]:
    """Places named elsewhere in the article found again inside a title the model labelled."""
    places = {_fold(doc[m.start : m.end].text) for m in mentions if m.label == "LOC"}
    found: list[_Mention] = []
    for start, end in titles:
        i = start
        while i < end:
            hit = None
            if doc[i].text[:1].isupper():
                ends = range(min(end, i + 4), i, -1)
                hit = next((j for j in ends if _fold(doc[i:j].text) in places), None)
            if hit is None:
                i += 1
            else:
                found.append(_Mention(i, hit, "LOC", TITLE_PLACE_CONFIDENCE))
                i = hit
    return found


def _lexicon_mentions(
    doc: Doc, lexicon: DemonymLexicon, mentions: Sequence[_Mention]
) -> list[_Mention]:
    """Nationality and group words the model did not label ("un migrant vénézuélien")."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found: list[_Mention] = []
    i = 0
    while i < len(doc):
        if i in covered:
            i += 1
            continue
        limit = i + 1
        while limit < len(doc) and limit - i < lexicon.max_tokens and limit not in covered:
            limit += 1
        hit = lexicon.match_at(doc, i, limit)
        if hit is None:
            i += 1
            continue
        end, demonym = hit
        conf = LEXICON_CONFIDENCE if demonym.country_code else GROUP_CONFIDENCE
        found.append(_norp(i, end, demonym.key, demonym.name, demonym.country_code, conf))
        i = end
    return found


def _mark_credits(
    doc: Doc, text: str, mentions: Iterable[_Mention], credit_line: re.Pattern[str]
) -> None:
    """Names in a photo credit line ("Photo : AFP/VNA/CVN") are agencies or photographers."""
    lines = [(m.start(), m.end()) for m in credit_line.finditer(text)]
    if not lines:
        return
    starts = [start for start, _ in lines]
    for m in mentions:
        char = doc[m.start].idx
        n = bisect.bisect_right(starts, char) - 1
        if n >= 0 and char < lines[n][1]:
            if m.label != "PER":
                m.label = "ORG"
            m.confidence = min(m.confidence, CREDIT_CONFIDENCE)


def _group(doc: Doc, mentions: Sequence[_Mention]) -> list[list[_Mention]]:
    """Mentions grouped by the entity they name."""
    people = _People()
    persons = [m for m in mentions if m.label == "PER"]
    for m in persons:
        m.tokens = _name_tokens(doc, m)
    # Fullest names first, so that "Kast" finds "José Antonio Kast" wherever it stands.
    for m in sorted(persons, key=lambda m: (-len(m.tokens), m.start)):
        people.add(m)
    groups: dict[str, list[_Mention]] = {}
    for m in mentions:
        if m.label == "PER":
            continue
        if (
            m.label == "MISC"
            or (m.label == "ORG" and not _is_acronym(doc, m))
            or (m.label == "LOC" and _possessive(doc, m))
        ):
            # A lone surname the model took for MISC or ORG ("Kast ganó", "Kast said"), or for
            # a place owning something ("Yevdokimov's resignation"), joins the person it names.
            m.tokens = _name_tokens(doc, m)
            target = people.find(m)
            if target is not None:
                m.label = "PER"
                target.append(m)
                continue
        key = m.key if m.label == "NORP" and m.key else "name:" + _fold(doc[m.start : m.end].text)
        groups.setdefault(key, []).append(m)
    return people.groups + list(groups.values())


def _possessive(doc: Doc, m: _Mention) -> bool:
    """Whether a mention is one word followed by a possessive ending ("Yevdokimov's")."""
    return m.end - m.start == 1 and m.end < len(doc) and doc[m.end].lower_ in _POSSESSIVE


class _People:
    """Person groups, indexed by the last word of their fullest name."""

    def __init__(self) -> None:
        self.groups: list[list[_Mention]] = []
        self._by_last_word: dict[str, list[list[_Mention]]] = {}

    def add(self, m: _Mention) -> None:
        """Join the mention to the person it names, or start a new person."""
        target = self.find(m)
        if target is not None:
            target.append(m)
        else:
            self.groups.append([m])
            if m.tokens:
                self._by_last_word.setdefault(m.tokens[-1], []).append(self.groups[-1])

    def find(self, m: _Mention) -> list[_Mention] | None:
        """The person whose fullest name ends with the mention's words; the nearest if several."""
        size = len(m.tokens)
        if not size:
            return None
        candidates = self._by_last_word.get(m.tokens[-1], [])
        matching = [g for g in candidates if g[0].tokens[-size:] == m.tokens]

        def distance(group: list[_Mention]) -> tuple[int, int]:
            # The last person named before the mention is preferred to one named after it.
            before = [m.start - o.start for o in group if o.start <= m.start]
            return (0, min(before)) if before else (1, min(o.start - m.start for o in group))

        return min(matching, key=distance, default=None)


def _entity(doc: Doc, text: str, group: Sequence[_Mention]) -> Entity:
    ordered = sorted(group, key=lambda m: m.start)
    spans = tuple(_span(doc, text, m.start, m.end) for m in ordered)
    full = max(ordered, key=lambda m: (m.end - m.start, doc[m.end - 1].idx - doc[m.start].idx))
    full_span = _span(doc, text, full.start, full.end)
    label = Counter(m.label for m in ordered).most_common(1)[0][0]
    first = ordered[0]
    name = first.name if label == "NORP" and first.name else " ".join(full_span.text.split())
    role = next((m.role for m in ordered if m.role is not None), None)
    confidence = max(m.confidence for m in ordered)
    if len(ordered) > 1:
        confidence = min(MAX_CONFIDENCE, confidence + REPEAT_BONUS)
    if label == "PER" and full.end - full.start == 1:
        confidence = min(confidence, SINGLE_NAME_CONFIDENCE)
    return Entity(
        id="",
        text=full_span.text,
        start=full_span.start,
        end=full_span.end,
        label=label,
        name=name,
        mentions=spans,
        role=_span(doc, text, *role) if role is not None else None,
        country_code=first.country_code if label == "NORP" else None,
        confidence=round(confidence, 2),
    )


def _span(doc: Doc, text: str, start: int, end: int) -> Span:
    begin = doc[start].idx
    finish = doc[end - 1].idx + len(doc[end - 1].text)
    return Span(text[begin:finish], begin, finish)


def _name_tokens(doc: Doc, m: _Mention) -> tuple[str, ...]:
    return tuple(_fold(t.text) for t in doc[m.start : m.end] if any(c.isalnum() for c in t.text))


def _fold(text: str) -> str:
    """Case- and accent-insensitive form ("Jerí" and "JERI" give "jeri")."""
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
