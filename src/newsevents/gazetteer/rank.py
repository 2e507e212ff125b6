"""Rank the gazetteer candidates of an article's toponyms with the article's context.

Each candidate gets a score, the sum of:

- a prior: ``COUNTRY_PRIOR`` for a country, else ``log10(population)`` (a division's population
  is that of its cities), plus ``ADMIN1_BONUS`` for a first-level division, ``CAPITAL_BONUS``
  for a national capital, and ``OWN_DIVISION_BONUS`` for a city that bears the name of its own
  division and holds a quarter of its people ("Tacna", "New York"); a curated row (border crossing,
  camp, region) gets ``POINT_PRIOR``;
- the article's countries: ``COUNTRY_CONTEXT`` times the share of the article's country evidence
  that points to the candidate's country (other toponyms' best candidates, nationality words),
  and ``CAPITAL_CONTEXT`` for a national capital whose country the article mentions, or when it
  mentions none ("Washington" in news about the United States, not "Dublin" in news about Ohio);
- the article's divisions: ``ADMIN1_CONTEXT`` times the share of the other toponyms' readings
  that lie in the candidate's first-level division;
- nearness: ``NEAR_BONUS`` when the candidate lies within ``NEAR_KM`` of another toponym's
  confident resolution;
- coherence: ``COHERENCE_BONUS`` times the share of the article's other names that have a
  candidate (any, not only their best) in the candidate's first-level division, each name's
  vote divided by the square root of the number of divisions its candidates span ("Paris" and
  "Henry County" both have a reading in Tennessee);
- the name itself: ``NAME_BONUS`` when it is the candidate's main name, or that name without a
  trailing "City" ("New York"), not one of its alternate names ("Manhattan" of Kansas rather
  than New York's borough), and for every name of a curated row;
- the text around the name: ``PARENT_BONUS`` when the name is followed by its country or
  division ("Arica, Chile"; "Tacna (Perú)") and ``PARENT_PENALTY`` for candidates outside it;
  ``CUE_BONUS`` when a cue word before the name ("région", "frontera con", "city of") asks for
  the candidate's kind, or a division word after it ("Henry County", "Barrow and Jackson
  counties") asks for a second-level division;
- a local reading: when a word of a town's own institutions follows the name ("Dublin City
  Council", "Paris firefighters", "Athens residents", "Dublin's boards"), any of the name's
  countries' towns could be meant, so the largest town of at least ``10 ** LOCAL_MIN_SIZE``
  people of each country counts as large as the name's largest town (within a country the
  bigger town still leads), a capital gets no bonus, and no country or second-level division of
  the name scores above such a town ("Palestine police"): a foreign capital or a country no
  longer wins on its size alone, and the name stays unresolved unless the article tells its
  countries apart. One sense per discourse: one such use gives the reading to
  every mention of the name.

A first pass ranks each name with its prior, the words around it and the coherence; then
context passes add the country, division and nearness evidence of the other names' readings
of the previous pass, until the readings stop changing (at most ``CONTEXT_PASSES``).

The best candidate wins; its confidence is its softmax probability among the candidates. A
name is left unresolved ("none") when its best score stays under ``MIN_SCORE`` (a small place
that nothing in the article supports is a guess, not a resolution) or when its confidence stays
under ``MIN_CONFIDENCE`` (homonyms that the article does not tell apart: a US local paper's
"Dublin" with no other place named).
"""

from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsevents.gazetteer.index import Entry, Gazetteer
from newsevents.gazetteer.normalize import name_key

COUNTRY_PRIOR = 9.5
ADMIN1_BONUS = 1.0
NAME_BONUS = 1.0
POINT_PRIOR = 7.5
CURATED_PREFIX = "nx:"
CAPITAL_BONUS = 0.5
CAPITAL_CONTEXT = 1.5
OWN_DIVISION_BONUS = 1.5
COUNTRY_CONTEXT = 2.5
ADMIN1_CONTEXT = 2.0
NEAR_BONUS = 1.0
NEAR_KM = 150.0
PARENT_BONUS = 5.0
PARENT_PENALTY = -3.0
CUE_BONUS = 2.5
MIN_SCORE = 4.0
COHERENCE_BONUS = 4.0
CONTEXT_PASSES = 3
COHERENCE_SPREAD = 0.5
MIN_CONFIDENCE = 0.5
MAX_CANDIDATES = 25
LOCAL_MIN_SIZE = 4.0
_NEAR_DEGREES = NEAR_KM / 111.0
ALTERNATIVES = 3


@dataclass(frozen=True, slots=True)
class Toponym:
    """A name to resolve, with what the text around it says."""

    text: str
    start: int
    end: int
    cue: str | None = None
    """The kind a cue word around it asks for: "country", "admin1", "city" or "county" (a
    second-level division: "Henry County", "Barrow and Jackson counties")."""
    parent: str | None = None
    """The name of its country or division when the text gives one ("Arica, Chile")."""
    local: bool = False
    """A word of a town's own institutions follows it ("Dublin City Council", "Paris
    firefighters", "Dublin's boards"): any of the name's towns could be meant."""


@dataclass(frozen=True, slots=True)
class Scored:
    entry: Entry
    score: float


@dataclass(frozen=True, slots=True)
class Resolution:
    """The ranked candidates of one toponym; ``best`` is None when it stays unresolved."""

    toponym: Toponym
    candidates: tuple[Scored, ...]
    best: Entry | None
    confidence: float


@dataclass(slots=True)
class Context:
    """What the article says about where it is, apart from the toponyms being ranked."""

    countries: Counter[str] = field(default_factory=Counter)
    """Country evidence of the article that is not a toponym (nationality words)."""


def prior(entry: Entry, siblings: Sequence[Entry] = ()) -> float:
    """The score of a candidate before any context (``siblings``: the name's other candidates)."""
    if entry.precision == "country":
        return COUNTRY_PRIOR
    if entry.precision == "point" or entry.gid.startswith(CURATED_PREFIX):
        return POINT_PRIOR + math.log10(entry.population + 1) / 10
    score = math.log10(entry.population + 1)
    if entry.precision == "admin1":
        score += ADMIN1_BONUS
    if entry.feature_code == "PPLC":
        score += CAPITAL_BONUS
    if entry.precision == "city" and any(
        other.precision in ("admin1", "region")
        and other.country_code == entry.country_code
        and other.admin1 == entry.admin1
        and entry.population * 4 >= other.population
        for other in siblings
    ):
        score += OWN_DIVISION_BONUS
    return score


def _priors(entries: Sequence[Entry]) -> list[float]:
    divisions = [e for e in entries if e.precision in ("admin1", "region")]
    return [prior(e, divisions if e.precision == "city" else ()) for e in entries]


def _local_priors(entries: Sequence[Entry]) -> list[float]:
    """The priors of the candidates of a name read as a town's institution ("Paris
    firefighters"). Which country's town is meant, the name does not say: the towns of at least
    ``10 ** LOCAL_MIN_SIZE`` people of each country are lifted so that the largest of each
    country counts as large as the name's largest town (within a country the bigger town still
    leads: "Miami" of Florida before that of Oklahoma), a capital gets no bonus, and no country
    or second-level division of the name scores above such a town ("Palestine police": a
    country is not a town; a state is, for its people: "a California man")."""
    priors = _priors(entries)
    sizes = [
        math.log10(e.population + 1)
        if e.precision == "city" and not e.gid.startswith(CURATED_PREFIX)
        else None
        for e in entries
    ]
    top = max((s for s in sizes if s is not None), default=0.0)
    largest: dict[str | None, float] = {}
    for e, size in zip(entries, sizes, strict=True):
        if size is not None and size >= LOCAL_MIN_SIZE:
            largest[e.country_code] = max(largest.get(e.country_code, 0.0), size)
    if not largest:
        return priors
    lifted = []
    towns = []
    for e, p, size in zip(entries, priors, sizes, strict=True):
        if size is not None and size >= LOCAL_MIN_SIZE:
            p += (
                top - largest[e.country_code] - (CAPITAL_BONUS if e.feature_code == "PPLC" else 0.0)
            )
            towns.append(p)
        lifted.append(p)
    cap = max(towns)
    return [
        min(p, cap)
        if e.precision in ("country", "region") and not e.gid.startswith(CURATED_PREFIX)
        else p
        for e, p in zip(entries, lifted, strict=True)
    ]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _candidates(gazetteer: Gazetteer, toponym: Toponym) -> tuple[Entry, ...]:
    return gazetteer.lookup(toponym.text)[:MAX_CANDIDATES]


def _parent_match(entry: Entry, parents: Sequence[Entry]) -> bool | None:
    """Whether ``entry`` lies in one of the parent's readings (None: no parent given)."""
    if not parents:
        return None
    for parent in parents:
        if entry.country_code != parent.country_code:
            continue
        if parent.precision == "country" or parent.admin1 == entry.admin1:
            return True
    return False


def resolve(
    gazetteer: Gazetteer,
    toponyms: Sequence[Toponym],
    context: Context | None = None,
    candidates: Sequence[tuple[Entry, ...]] | None = None,
) -> list[Resolution]:
    """Resolve the toponyms of one article together (two passes: priors, then context).
    ``candidates``, when given, holds the candidates of each toponym (default: its name's
    entries)."""
    context = context or Context()
    cands = (
        [cs[:MAX_CANDIDATES] for cs in candidates]
        if candidates is not None
        else [_candidates(gazetteer, t) for t in toponyms]
    )
    parents = [gazetteer.lookup(t.parent)[:MAX_CANDIDATES] if t.parent else () for t in toponyms]
    # One sense per discourse: a local use of a name ("Dublin's boards") reads every mention.
    local_names = {t.text.casefold() for t in toponyms if t.local}
    locals_ = [t.text.casefold() in local_names for t in toponyms]
    prior_of: dict[tuple[tuple[Entry, ...], bool], list[float]] = {}
    for cs, local in zip(cands, locals_, strict=True):
        if (cs, local) not in prior_of:
            prior_of[(cs, local)] = _local_priors(cs) if local else _priors(cs)
    coherence = _Coherence.of(toponyms, cands)

    # Pass 1: text-only scores give each name a first reading.
    first: list[Resolution] = []
    local_scores: list[list[float]] = []
    for t, cs, ps, local in zip(toponyms, cands, parents, locals_, strict=True):
        scores = [
            p + _local(t, e, ps) + coherence.bonus(t, e)
            for e, p in zip(cs, prior_of[(cs, local)], strict=True)
        ]
        local_scores.append(scores)
        first.append(_decide(t, cs, scores))

    # Then the same scores plus the article's context, taken from the previous pass's
    # readings, until the readings stop changing (a name never votes for itself).
    previous = first
    for _ in range(CONTEXT_PASSES):
        current = _context_pass(toponyms, cands, local_scores, context, previous, locals_)
        if [r.best for r in current] == [r.best for r in previous]:
            break
        previous = current
    return [_abstain(r) for r in current]


def _abstain(resolution: Resolution) -> Resolution:
    """The resolution, or none when its winner's share of the candidates stays under
    ``MIN_CONFIDENCE``: a coin toss between homonyms is not a resolution."""
    if resolution.best is None or resolution.confidence >= MIN_CONFIDENCE:
        return resolution
    return Resolution(resolution.toponym, resolution.candidates, None, 0.0)


def _context_pass(
    toponyms: Sequence[Toponym],
    cands: Sequence[tuple[Entry, ...]],
    local_scores: Sequence[list[float]],
    context: Context,
    previous: Sequence[Resolution],
    locals_: Sequence[bool],
) -> list[Resolution]:
    by_name: dict[str, Resolution] = {}
    for r in previous:
        key = r.toponym.text.casefold()
        if r.best is not None and (key not in by_name or r.confidence > by_name[key].confidence):
            by_name[key] = r
    evidence: dict[str, _Evidence] = {}
    final: list[Resolution] = []
    for t, cs, scores, local in zip(toponyms, cands, local_scores, locals_, strict=True):
        own = t.text.casefold()
        if own not in evidence:
            evidence[own] = _Evidence.of(context, [r for k, r in by_name.items() if k != own])
        ev = evidence[own]
        final.append(
            _decide(t, cs, [s + ev.bonus(e, local) for e, s in zip(cs, scores, strict=True)])
        )
    return final


@dataclass(slots=True)
class _Coherence:
    """Which first-level divisions the article's names could all lie in: a candidate gets
    ``COHERENCE_BONUS`` times the share of the article's other names that have a candidate in
    its division ("Paris" and "Henry County" both have a reading in Tennessee)."""

    names: dict[str, set[tuple[str, str]]]
    votes: defaultdict[tuple[str, str], float]
    others: int

    @classmethod
    def of(cls, toponyms: Sequence[Toponym], cands: Sequence[tuple[Entry, ...]]) -> _Coherence:
        names: dict[str, set[tuple[str, str]]] = {}
        for t, cs in zip(toponyms, cands, strict=True):
            divisions = names.setdefault(t.text.casefold(), set())
            divisions.update((e.country_code, e.admin1) for e in cs if e.country_code and e.admin1)
        votes: defaultdict[tuple[str, str], float] = defaultdict(float)
        for divisions in names.values():
            weight = 1.0 / max(1, len(divisions)) ** COHERENCE_SPREAD
            for key in divisions:
                votes[key] += weight
        return cls(names, votes, len(names) - 1)

    def bonus(self, t: Toponym, e: Entry) -> float:
        if self.others <= 0 or not e.country_code or not e.admin1:
            return 0.0
        key = (e.country_code, e.admin1)
        divisions = self.names.get(t.text.casefold(), set())
        own = 1.0 / max(1, len(divisions)) ** COHERENCE_SPREAD if key in divisions else 0.0
        share = (self.votes.get(key, 0.0) - own) / self.others
        return COHERENCE_BONUS * share


@dataclass(slots=True)
class _Evidence:
    """The context one name is ranked in: the article minus the name's own readings."""

    countries: dict[str, float]
    admin1: dict[tuple[str, str], float]
    points: list[Entry]
    top: float
    top_admin1: float

    @classmethod
    def of(cls, context: Context, others: Sequence[Resolution]) -> _Evidence:
        countries: dict[str, float] = defaultdict(float)
        for code, count in context.countries.items():
            countries[code] += count
        admin1: dict[tuple[str, str], float] = defaultdict(float)
        points: list[Entry] = []
        for r in others:
            assert r.best is not None
            if r.best.country_code:
                countries[r.best.country_code] += r.confidence
                if r.best.admin1:
                    admin1[(r.best.country_code, r.best.admin1)] += r.confidence
            if r.best.precision in ("city", "point", "region") and r.confidence >= 0.6:
                points.append(r.best)
        top = max(countries.values(), default=0.0)
        return cls(countries, admin1, points, top, max(admin1.values(), default=0.0))

    def bonus(self, e: Entry, local: bool = False) -> float:
        """The context's score of a candidate (``local``: a town's institution, for which a
        capital gets no bonus of its own)."""
        score = 0.0
        capital = e.feature_code == "PPLC" and not local
        if self.top > 0 and e.country_code:
            share = self.countries.get(e.country_code, 0.0) / self.top
            score += COUNTRY_CONTEXT * share
            if capital and share > 0:
                score += CAPITAL_CONTEXT
        elif capital:
            score += CAPITAL_CONTEXT
        if self.top_admin1 > 0 and e.country_code and e.admin1:
            share = self.admin1.get((e.country_code, e.admin1), 0.0) / self.top_admin1
            score += ADMIN1_CONTEXT * share
        if e.precision in ("city", "point", "region") and any(
            abs(e.lat - o.lat) <= _NEAR_DEGREES
            and distance_km(e.lat, e.lon, o.lat, o.lon) <= NEAR_KM
            for o in self.points
            if o is not e
        ):
            score += NEAR_BONUS
        return score


@functools.lru_cache(maxsize=1 << 16)
def _own_name(name: str, text: str) -> bool:
    """Whether ``text`` is the entry's main name, or that name without a trailing "City"
    ("New York" of New York City, "Panama" of Panama City)."""
    key, written = name_key(name), name_key(text)
    return key == written or key == f"{written} city"


def _local(toponym: Toponym, entry: Entry, parents: Sequence[Entry]) -> float:
    """What the words around the name say about one candidate."""
    curated = entry.gid.startswith(CURATED_PREFIX)
    score = NAME_BONUS if curated or _own_name(entry.name, toponym.text) else 0.0
    inside = _parent_match(entry, parents)
    if inside is True:
        score += PARENT_BONUS
    elif inside is False:
        score += PARENT_PENALTY
    if toponym.cue is not None:
        kind = "admin1" if entry.precision == "region" else entry.precision
        if toponym.cue == "county":
            if entry.feature_code == "ADM2":
                score += CUE_BONUS
        elif kind == toponym.cue or (toponym.cue == "city" and kind == "point"):
            score += CUE_BONUS
    return score


def _decide(toponym: Toponym, entries: Sequence[Entry], scores: Sequence[float]) -> Resolution:
    ranked = sorted(zip(entries, scores, strict=True), key=lambda es: -es[1])
    scored = tuple(Scored(e, round(s, 3)) for e, s in ranked)
    if not ranked or ranked[0][1] < MIN_SCORE:
        return Resolution(toponym, scored, None, 0.0)
    top = ranked[0][1]
    total = sum(math.exp(s - top) for _, s in ranked)
    return Resolution(toponym, scored, ranked[0][0], round(1.0 / total, 3))
