"""Places: every toponym of the article, resolved to a GeoNames entry (or to the supplement).

Three stages, kept apart:

1. **Find** the toponyms: the language pipeline's place entities (the ``entities`` records
   labelled LOC: spaCy's LOC, GPE and FAC) and the gazetteer's multi-word names of the curated
   supplement (border crossings, camps, regions such as "nord du Chili") and its country names.
   Names inside an organisation or a person's name ("Radio Tacna") are not places of the event,
   nor are nationality words ("vénézuélien"); where two spans overlap, the longer one wins.
2. **Retrieve** the candidates of each name from the gazetteer (exact normalized name; a leading
   article is dropped when the name with it is unknown). A nationality word's country comes
   first ("Canadian" before the Texas town); a name followed by a division word of
   ``lang/<xx>/places.toml`` ("Henry County", "Barrow and Jackson counties") gets the
   second-level divisions of that full name first; an acronym ("EU") drops the towns it spells.
3. **Rank** them with the article's context (``newsevents.gazetteer.rank``): the other places,
   the nationality words, the country or division written after the name ("Arica, Chile"), the
   cue words before it (``lang/<xx>/places.toml``: "frontière avec", "región de", "city of"),
   a town's institution word after it ("Paris firefighters", "Dublin's boards": a local
   reading, in which a foreign capital or a country does not win on its size alone).
   A name whose best candidate is weak stays unresolved: ``geonames_id`` None.

``precision`` is "country", "admin1", "city", "point" (border crossing, camp) or "region" (a
second-level division, a continent, a named region, or a country read after a direction word:
"le nord du Pérou"). ``alternatives`` holds the runner-up candidates with their scores.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from newsevents.extract.demonyms import DemonymLexicon, demonym_lexicon
from newsevents.gazetteer.index import Entry, Gazetteer, load_gazetteer
from newsevents.gazetteer.normalize import fold, name_key
from newsevents.gazetteer.rank import ALTERNATIVES, Context, Resolution, Toponym, resolve
from newsevents.lang import load_data
from newsevents.records import Entity, Place, PlaceCandidate, PlacePrecision, Span

_PRECISIONS: frozenset[str] = frozenset({"country", "admin1", "city", "point", "region"})
_WORD = re.compile(r"[\w'’]+", re.UNICODE)
_PARENT = re.compile(r"\s*(?:,|\()\s*([^\W\d_][\w'’.\- ]{1,40}?)\s*(?=[,)\.;:\n]|$)")


@dataclass(frozen=True, slots=True)
class PlaceRules:
    """The place cue words of one language, folded for matching."""

    determiners: frozenset[str]
    cues: tuple[tuple[str, str], ...]
    """(folded cue, kind), longest cues first."""
    directions: frozenset[str]
    organisation_heads: frozenset[str]
    max_cue_words: int
    county_words: dict[str, str]
    """Folded word after a name that makes it a second-level division -> the word that ends
    the division's own name ("counties" -> "County": "Barrow and Jackson counties")."""
    prepositions: frozenset[str] = frozenset()
    """Folded prepositions of place ("in", "à", "en"): a gazetteer name right after one is a
    place even when the model took it for an organisation or a nationality ("in Tacna"); a
    person's name is left alone (people named after towns are too common)."""
    place_words_before: frozenset[str] = frozenset()
    """Folded words of a place kind right before a name ("poste-frontière de", "paso fronterizo
    de", "the port city of"): a gazetteer name after them is a place even when the model took
    it for an organisation or a person."""
    place_words_after: frozenset[str] = frozenset()
    """The same right after a name ("the Chacalluta crossing", "Santa Rosa checkpoint")."""
    visit_words: frozenset[str] = frozenset()
    """Folded verbs of visiting ("visited"): a national capital or a city of a million people
    right after one is a place, whatever the model took it for ("visited Nouakchott")."""
    local_words: tuple[str, ...] = ()
    """Words after a town's name (or its possessive) that name the town's own institutions
    or people ("Paris firefighters", "Dublin's boards"): a local reading."""


@functools.cache
def place_rules(lang: str) -> PlaceRules:
    """The cue words of ``lang`` (``lang/<lang>/places.toml``)."""
    data = load_data(lang, "places")
    cues = [
        (" ".join(_words(cue)), kind)
        for kind in ("country", "admin1", "city")
        for cue in data.get(kind, [])
    ]
    cues.sort(key=lambda ck: -len(ck[0]))
    directions = frozenset(" ".join(_words(d)) for d in data.get("directions", []))
    longest = max((len(c.split()) for c, _ in cues), default=1)
    longest = max([longest, *(len(d.split()) for d in directions)])
    return PlaceRules(
        determiners=frozenset(" ".join(_words(d)) for d in data.get("determiners", [])),
        cues=tuple(cues),
        directions=directions,
        organisation_heads=frozenset(fold(w) for w in data.get("organisation_heads", [])),
        max_cue_words=longest + 1,
        county_words={fold(k): v for k, v in data.get("county_words", {}).items()},
        local_words=tuple(" ".join(_words(w)) for w in data.get("local_words", [])),
        place_words_before=frozenset(
            " ".join(_words(w)) for w in data.get("place_words_before", [])
        ),
        place_words_after=frozenset(" ".join(_words(w)) for w in data.get("place_words_after", [])),
        prepositions=frozenset(fold(w) for w in data.get("prepositions", [])),
        visit_words=frozenset(fold(w) for w in data.get("visit_words", [])),
    )


def _words(text: str) -> list[str]:
    """Folded words; an elided article keeps its apostrophe ("l'", "d'")."""
    return [w.replace("’", "'") for w in _WORD.findall(fold(text))]


def _before_words(text: str, start: int, count: int) -> list[str]:
    window = text[max(0, start - 60) : start]
    # Keep only the current line and sentence: a cue never crosses them.
    window = re.split(r"[\n.;:!?]", window)[-1]
    return _words(window)[-count:]


def toponym_at(
    text: str, start: int, end: int, rules: PlaceRules, gazetteer: Gazetteer
) -> tuple[Toponym, bool]:
    """The toponym ``text[start:end]`` with its cue and parent; and whether a direction word
    ("nord du", "northern") stands before it."""
    before = _before_words(text, start, rules.max_cue_words)
    cue = None
    direction = False
    while before and before[-1] in rules.determiners:
        before = before[:-1]
    for n in range(len(before), 0, -1):
        tail = " ".join(before[-n:])
        # "nord du" keeps its own article: try the words with the dropped article too.
        if tail in rules.directions:
            direction = True
            break
    full = _before_words(text, start, rules.max_cue_words)
    for n in range(len(full), 0, -1):
        tail = " ".join(full[-n:])
        if tail in rules.directions:
            direction = True
        for cue_text, kind in rules.cues:
            if tail == cue_text or " ".join(before[-n:]) == cue_text:
                cue = kind
                break
        if cue is not None:
            break
    parent = None
    match = _PARENT.match(text, end)
    if match is not None:
        name = match.group(1)
        if any(e.precision in ("country", "admin1") for e in gazetteer.lookup(name)):
            parent = name
    if _county_word(text, end, rules) is not None:
        cue = "county"
    # "Henry County Sheriff's Office": the division word already says what the name is.
    local = cue != "county" and _local_use(text, start, end, rules)
    return Toponym(text[start:end], start, end, cue, parent, local), direction


@functools.cache
def _local_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A local-institution word ("firefighters", "city council")."""
    alternatives = "|".join(
        r"\s+".join(re.escape(part) for part in w.split())
        for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?:{alternatives})\b", re.IGNORECASE)


_AFTER_NAME = re.compile(r"(?:['’]s)?\s+")


def _local_use(text: str, start: int, end: int, rules: PlaceRules) -> bool:
    """Whether a word of a town's own institutions follows the name or its possessive ("Paris
    firefighters", "Athens City Council", "Dublin's boards and commissions"), or starts with
    the name's last word ("Dublin City" before "Manager": "City Manager")."""
    if not rules.local_words:
        return False
    pattern = _local_pattern(rules.local_words)
    limit = min(len(text), end + 60)
    gap = _AFTER_NAME.match(text, end, limit)
    if gap is not None and pattern.match(text, gap.end(), limit) is not None:
        return True
    last = text.rfind(" ", start, end) + 1
    return last > start and pattern.match(text, last, limit) is not None


_LIST_ITEM = r"(?:\s*(?:,|,?\s+and|,?\s+or|&)\s+[^\W\d_][\w'’.\-]*(?:\s+[^\W\d_][\w'’.\-]*)?)"


@functools.cache
def _county_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """The division word right after a name, or after a list of names that follow it."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"{_LIST_ITEM}{{0,6}}?\s+({alternatives})\b", re.IGNORECASE)


def _county_word(text: str, end: int, rules: PlaceRules) -> str | None:
    """The end of the name's own division name when a division word follows the name,
    directly ("Henry County") or after a list of names ("Barrow and Jackson counties")."""
    if not rules.county_words:
        return None
    found = _county_pattern(tuple(rules.county_words)).match(text, end, min(len(text), end + 160))
    if found is None:
        return None
    return rules.county_words.get(fold(found.group(1)))


def _name_forms(name: str, rules: PlaceRules) -> list[str]:
    """The name, then the name without a leading article or a trailing possessive."""
    forms = [name]
    stripped = re.sub(r"['’]s$", "", name)
    if stripped != name:
        forms.append(stripped)
    words = name.split(maxsplit=1)
    if len(words) == 2 and " ".join(_words(words[0])) in rules.determiners:
        forms.append(words[1])
    elided = re.match(r"^[LlDd]['’](\w.*)$", name)
    if elided:
        forms.append(elided.group(1))
    return forms


def resolve_spans(
    text: str,
    spans: Sequence[tuple[int, int]],
    lang: str,
    countries: Iterable[str] = (),
    gazetteer: Gazetteer | None = None,
) -> list[Place]:
    """Resolve given toponym spans of ``text`` together; ``countries`` are the article's
    nationality words' countries (context). One record per span, in span order."""
    gazetteer = gazetteer or load_gazetteer()
    rules = place_rules(lang)
    lexicon = demonym_lexicon(lang)
    toponyms: list[Toponym] = []
    directions: list[bool] = []
    lookup: dict[tuple[str, str | None], tuple[Entry, ...]] = {}
    candidates: list[tuple[Entry, ...]] = []
    for start, end in spans:
        toponym, direction = toponym_at(text, start, end, rules, gazetteer)
        toponyms.append(toponym)
        directions.append(direction)
        county = _county_word(text, end, rules) if toponym.cue == "county" else None
        key = (toponym.text, county)
        if key not in lookup:
            lookup[key] = _lookup(toponym.text, county, rules, lexicon, gazetteer)
        candidates.append(lookup[key])
    context = Context(Counter(countries))
    resolutions = resolve(gazetteer, toponyms, context, candidates)
    return [_place(r, direction) for r, direction in zip(resolutions, directions, strict=True)]


def _is_acronym(name: str) -> bool:
    """Two or three capital letters ("EU", "CHU")."""
    return 2 <= len(name) <= 3 and name.isalpha() and name.isupper()


def _lookup(
    name: str,
    county: str | None,
    rules: PlaceRules,
    lexicon: DemonymLexicon,
    gazetteer: Gazetteer,
) -> tuple[Entry, ...]:
    """The candidates of a name: its entries (or those of its shorter forms), after the country
    of a nationality word ("Canadian"). A name followed by its division word ("Henry County",
    "Barrow and Jackson counties") gets the second-level divisions of the name with that word
    first; an acronym ("EU") drops the towns that it spells."""
    if county is not None and not name_key(name).endswith(name_key(county)):
        divisions = tuple(
            e for e in gazetteer.lookup(f"{name} {county}") if e.feature_code == "ADM2"
        )
        if divisions:
            return divisions + tuple(e for e in gazetteer.lookup(name) if e not in divisions)
    found: tuple[Entry, ...] = ()
    for form in _name_forms(name, rules):
        found = gazetteer.lookup(form)
        if found:
            break
    if _is_acronym(name):
        # "EU", "WA", "CHU": an acronym, not the town whose name it spells ("Eu", "Wa").
        found = tuple(e for e in found if e.precision != "city" or e.name.isupper())
    # A nationality word names its country, even where a town bears it ("Canadian", Texas).
    demonym = lexicon.lookup(name)
    country = gazetteer.country(demonym.country_code) if demonym and demonym.country_code else None
    if country is not None and country not in found:
        return (country, *found)
    return found


def _place(resolution: Resolution, direction: bool) -> Place:
    t = resolution.toponym
    pid = f"p{t.start}-{t.end}"
    best = resolution.best
    alternatives = tuple(
        PlaceCandidate(
            geonames_id=s.entry.gid,
            name=s.entry.name,
            country_code=s.entry.country_code,
            admin1=s.entry.admin1,
            lat=s.entry.lat,
            lon=s.entry.lon,
            feature_code=s.entry.feature_code,
            score=s.score,
        )
        for s in resolution.candidates
        if best is None or s.entry is not best
    )[:ALTERNATIVES]
    if best is None:
        return Place(pid, t.text, t.start, t.end, alternatives=alternatives, confidence=0.0)
    precision: PlacePrecision = (
        "region" if direction and best.precision == "country" else _precision(best.precision)
    )
    return Place(
        id=pid,
        text=t.text,
        start=t.start,
        end=t.end,
        geonames_id=best.gid,
        name=best.name,
        country_code=best.country_code,
        admin1=best.admin1,
        lat=best.lat,
        lon=best.lon,
        feature_code=best.feature_code,
        precision=precision,
        alternatives=alternatives,
        confidence=resolution.confidence,
    )


def _precision(value: str) -> PlacePrecision:
    if value == "country":
        return "country"
    if value == "admin1":
        return "admin1"
    if value == "city":
        return "city"
    if value == "point":
        return "point"
    return "region"


def extract_places(doc: Doc) -> list[Place]:
    """The places of the analysed article, ids ``p1``, ``p2``… in text order."""
    text = doc.text
    lang = doc.lang_
    gazetteer = load_gazetteer()
    rules = place_rules(lang)
    records = doc._.records if doc.has_extension("records") else None
    entities: Sequence[Entity] = (records or {}).get("entities", ())
    spans = find_toponyms(text, entities, rules, gazetteer)
    countries = [
        e.country_code
        for e in entities
        if e.label == "NORP" and e.country_code
        for _ in e.mentions or (None,)
    ]
    places = resolve_spans(text, spans, lang, countries, gazetteer)
    return [_renumber(p, n) for n, p in enumerate(places, 1)]


def _renumber(place: Place, n: int) -> Place:
    return dataclasses.replace(place, id=f"p{n}")


def find_toponyms(
    text: str,
    entities: Sequence[Entity],
    rules: PlaceRules,
    gazetteer: Gazetteer,
) -> list[tuple[int, int]]:
    """Character spans of the article's toponyms, sorted, without overlaps."""
    blocked: list[tuple[int, int]] = []
    found: list[tuple[int, int]] = []
    for entity in entities:
        mentions = entity.mentions or ()
        if entity.label == "LOC":
            found.extend((m.start, m.end) for m in mentions)
            continue
        for m in mentions:  # names of organisations and people, nationality words: not places,
            if (
                (
                    entity.label in {"ORG", "MISC", "NORP"}
                    and _after_place_preposition(text, m, rules, gazetteer)
                )
                or _next_to_place_word(text, m, rules, gazetteer)
                or _city_visited(text, m, rules, gazetteer)
            ):
                found.append((m.start, m.end))  # unless a place preposition or word says so
            else:
                blocked.append((m.start, m.end))
    found.extend(_gazetteer_matches(text, gazetteer))
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(found), key=lambda se: (-(se[1] - se[0]), se[0])):
        if any(b_start <= start and end <= b_end for b_start, b_end in blocked):
            continue
        if any(s < end and start < e for s, e in kept):
            continue
        if _after_organisation_head(text, start, rules):
            continue
        if text[end : end + 1] in _CURRENCY_SIGNS:
            continue  # "US$", "HK$": a currency
        kept.append((start, end))
    return sorted(kept)


def _after_place_preposition(
    text: str, mention: Span, rules: PlaceRules, gazetteer: Gazetteer
) -> bool:
    """A name the gazetteer knows right after a preposition of place ("at Nouakchott")."""
    before = _before_words(text, mention.start, 1)
    if not before or before[0] not in rules.prepositions:
        return False
    if text[mention.end : mention.end + 2] in {"'s", "’s"}:
        return False  # "at Kelly's": someone's place, not a town
    return gazetteer.has_name(mention.text)


def _next_to_place_word(text: str, mention: Span, rules: PlaceRules, gazetteer: Gazetteer) -> bool:
    """A name the gazetteer knows next to a word of a place kind ("the Chacalluta crossing",
    "le poste-frontière de Santa Rosa")."""
    before = _before_words(text, mention.start, 4)
    after = _words(re.split(r"[\n.;:!?,]", text[mention.end : mention.end + 40])[0])[:3]
    said = any(" ".join(before[-n:]) in rules.place_words_before for n in range(1, 5)) or any(
        " ".join(after[:n]) in rules.place_words_after for n in range(1, 4)
    )
    return said and gazetteer.has_name(mention.text)


def _city_visited(text: str, mention: Span, rules: PlaceRules, gazetteer: Gazetteer) -> bool:
    """A national capital or a city of a million people right after a verb of visiting
    ("visited Nouakchott"), however the model labelled it."""
    before = _before_words(text, mention.start, 1)
    if not before or before[0] not in rules.visit_words:
        return False
    return any(
        e.feature_code == "PPLC" or e.population >= BIG_CITY for e in gazetteer.lookup(mention.text)
    )


def _after_organisation_head(text: str, start: int, rules: PlaceRules) -> bool:
    before = _before_words(text, start, 1)
    if not before or before[0] not in rules.organisation_heads:
        return False
    # Only a capitalised head makes a name ("Radio Tacna"), not "la radio de Tacna".
    head_start = text.rfind(" ", 0, start - 1) + 1
    return text[head_start : head_start + 1].isupper()


_CURRENCY_SIGNS = frozenset("$€£¥")
# Inhabitants from which a city after a verb of visiting is taken as a place.
BIG_CITY = 1_000_000
_SCAN_WORD = re.compile(r"[^\W\d_][\w'’.\-‐–]*")


@functools.lru_cache(maxsize=1 << 16)
def _first_key(word: str) -> str:
    """The first word of ``word``'s name key (a plain ASCII word is its own lowercase)."""
    if word.isascii() and word.isalpha():
        return word.lower()
    return name_key(word).split(" ", 1)[0]


def _gazetteer_matches(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Curated multi-word names (crossings, camps, regions) and capitalised country names."""
    words = [(m.start(), m.end()) for m in _SCAN_WORD.finditer(text)]
    first_words = gazetteer.scan_first_words
    found: list[tuple[int, int]] = []
    n = len(words)
    i = 0
    while i < n:
        start = words[i][0]
        size = first_words.get(_first_key(text[start : words[i][1]]))
        hit = None
        if size is not None:
            for j in range(min(n, i + size), i, -1):
                last_start, last_end = words[j - 1]
                # A name ends with a capitalised word ("nord du Chili", "Côte d'Ivoire").
                if not any(ch.isupper() for ch in text[last_start:last_end]):
                    continue
                surface = text[start:last_end].rstrip(".,;:!?")
                if "\n" in surface or name_key(surface) not in gazetteer.scan_keys:
                    continue
                entries = gazetteer.lookup(surface)
                multiword = " " in surface or "-" in surface
                curated = any(e.gid.startswith("nx:") for e in entries)
                named = any(ch.isupper() for ch in surface)
                country = surface[:1].isupper() and any(e.precision == "country" for e in entries)
                if (curated and multiword and named) or country:
                    hit = (start, start + len(surface))
                    i = j
                    break
        if hit is None:
            i += 1
        else:
            found.append(hit)
    return found
