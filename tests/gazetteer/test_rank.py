"""Ranking rules on a small in-memory gazetteer."""

from __future__ import annotations

from collections import Counter

from newsevents.gazetteer.index import Entry, Gazetteer
from newsevents.gazetteer.rank import Context, Toponym, distance_km, resolve

ENTRIES = [
    Entry("GE", "Georgia", "GE", None, 42.0, 43.5, "PCLI", "country", 3_700_000),
    Entry("US", "United States", "US", None, 39.76, -98.5, "PCLI", "country", 327_000_000),
    Entry("FR", "France", "FR", None, 46.0, 2.0, "PCLI", "country", 67_000_000),
    Entry("US.GA", "Georgia", "US", "GA", 32.75, -83.5, "ADM1", "admin1", 4_800_000),
    Entry("US.TX", "Texas", "US", "TX", 31.25, -99.25, "ADM1", "admin1", 22_000_000),
    Entry("PE.TA", "Tacna", "PE", "TA", -17.6, -70.6, "ADM1", "admin1", 330_000),
    Entry("paris-fr", "Paris", "FR", "11", 48.85, 2.35, "PPLC", "city", 2_100_000),
    Entry("paris-tx", "Paris", "US", "TX", 33.66, -95.56, "PPL", "city", 25_000),
    Entry("atlanta", "Atlanta", "US", "GA", 33.75, -84.39, "PPL", "city", 460_000),
    Entry("tacna", "Tacna", "PE", "TA", -18.01, -70.25, "PPL", "city", 290_000),
    Entry("smallville", "Smallville", "US", "KS", 38.0, -97.0, "PPL", "city", 600),
    Entry("smallville-fr", "Smallville", "FR", "11", 48.0, 2.0, "PPL", "city", 550),
]
GAZETTEER = Gazetteer.from_entries(ENTRIES, {"Peru": []})


def best(*names: str, context: Context | None = None, **where: str) -> list[str | None]:
    toponyms = []
    offset = 0
    for name in names:
        toponyms.append(Toponym(name, offset, offset + len(name), **where))  # type: ignore[arg-type]
        offset += len(name) + 1
    return [r.best.gid if r.best else None for r in resolve(GAZETTEER, toponyms, context)]


def test_population_wins_without_context() -> None:
    assert best("Paris") == ["paris-fr"]


def test_bare_country_name_is_the_country_without_us_context() -> None:
    assert best("Georgia") == ["GE"]


def test_georgia_is_the_us_state_in_a_us_context() -> None:
    assert best("Georgia", "Texas") == ["US.GA", "US.TX"]
    assert best("Georgia", context=Context(Counter({"US": 2}))) == ["US.GA"]


def test_nearby_places_pull_the_small_homonym() -> None:
    assert best("Paris", "Texas", "Texas") == ["paris-tx", "US.TX", "US.TX"]


def test_parent_written_after_the_name_decides() -> None:
    assert best("Paris", parent="Texas") == ["paris-tx"]
    assert best("Paris", parent="France") == ["paris-fr"]


def test_city_that_holds_most_of_its_division_wins_the_bare_name() -> None:
    assert best("Tacna") == ["tacna"]


def test_cue_word_asks_for_a_division() -> None:
    assert best("Tacna", cue="admin1") == ["PE.TA"]


def test_weak_ambiguous_candidate_is_none_rather_than_a_guess() -> None:
    [resolution] = resolve(GAZETTEER, [Toponym("Smallville", 0, 10)])
    assert resolution.best is None
    assert resolution.confidence == 0.0
    assert {s.entry.gid for s in resolution.candidates} == {"smallville", "smallville-fr"}


def test_unknown_name_is_none() -> None:
    assert best("Atlantis") == [None]


def test_confidence_reflects_the_margin() -> None:
    [clear] = resolve(GAZETTEER, [Toponym("Atlanta", 0, 7)])
    [close] = resolve(GAZETTEER, [Toponym("Paris", 0, 5)])
    assert clear.confidence == 1.0
    assert 0.5 < close.confidence < 1.0
    assert [s.entry.gid for s in close.candidates] == ["paris-fr", "paris-tx"]


def test_distance_km() -> None:
    assert round(distance_km(48.85, 2.35, 48.85, 2.35)) == 0
    assert 340 < distance_km(48.85, 2.35, 51.5, -0.12) < 350  # Paris–London


# A second small gazetteer for the rules that read the whole article.
HOMONYMS = [
    Entry("GE", "Georgia", "GE", None, 42.0, 43.5, "PCLI", "country", 3_700_000),
    Entry("US.GA", "Georgia", "US", "GA", 32.75, -83.5, "ADM1", "admin1", 4_800_000),
    Entry("US.TX", "Texas", "US", "TX", 31.25, -99.25, "ADM1", "admin1", 22_000_000),
    Entry("US.TN", "Tennessee", "US", "TN", 35.8, -86.3, "ADM1", "admin1", 5_000_000),
    Entry("atl-ga", "Atlanta", "US", "GA", 33.75, -84.39, "PPL", "city", 460_000),
    Entry("atl-tx", "Atlanta", "US", "TX", 33.11, -94.16, "PPL", "city", 5_600),
    Entry("paris-fr", "Paris", "FR", "11", 48.85, 2.35, "PPLC", "city", 2_100_000),
    Entry("paris-tn", "Paris", "US", "TN", 36.3, -88.33, "PPL", "city", 10_000),
    Entry("henry-tn", "Henry County", "US", "TN", 36.33, -88.3, "ADM2", "region", 32_000),
    Entry("henry-va", "Henry County", "US", "VA", 36.68, -79.87, "ADM2", "region", 51_000),
    Entry("ny-state", "New York", "US", "NY", 42.76, -75.83, "ADM1", "admin1", 20_000_000),
    Entry("nyc", "New York City", "US", "NY", 40.71, -74.01, "PPL", "city", 8_800_000),
    Entry("twin-a", "Twinford", "US", "KS", 38.0, -97.0, "PPL", "city", 60_000),
    Entry("twin-b", "Twinford", "US", "OR", 44.0, -121.0, "PPL", "city", 55_000),
    Entry("twin-c", "Twinford", "US", "VT", 44.0, -72.5, "PPL", "city", 50_000),
]
HOMONYM_GAZETTEER = Gazetteer.from_entries(HOMONYMS, {"New York": ["nyc"]})


def resolved(*names: str) -> list[str | None]:
    toponyms = []
    offset = 0
    for name in names:
        toponyms.append(Toponym(name, offset, offset + len(name)))
        offset += len(name) + 1
    return [r.best.gid if r.best else None for r in resolve(HOMONYM_GAZETTEER, toponyms)]


def test_names_that_share_a_division_pull_each_other_there() -> None:
    # Only Paris, Tennessee lies in a division where "Henry County" also has a reading.
    assert resolved("Paris", "Henry County")[0] == "paris-tn"
    assert resolved("Paris") == ["paris-fr"]


def test_context_passes_repeat_until_the_readings_settle() -> None:
    # Alone, "Georgia" is the country; next to Atlanta and Texas it becomes the state, and
    # Atlanta then follows the state rather than Texas.
    assert resolved("Georgia", "Atlanta", "Texas", "Georgia") == [
        "US.GA",
        "atl-ga",
        "US.TX",
        "US.GA",
    ]


def test_bare_name_of_a_city_called_city_is_that_city() -> None:
    assert resolved("New York") == ["nyc"]


def test_even_homonyms_stay_unresolved() -> None:
    [resolution] = resolve(HOMONYM_GAZETTEER, [Toponym("Twinford", 0, 8)])
    assert resolution.best is None
    assert resolution.confidence == 0.0
    assert [s.entry.gid for s in resolution.candidates] == ["twin-a", "twin-b", "twin-c"]


def test_county_cue_asks_for_a_second_level_division() -> None:
    toponyms = [Toponym("Henry County", 0, 12, cue="county"), Toponym("Tennessee", 13, 22)]
    first = resolve(HOMONYM_GAZETTEER, toponyms)[0]
    assert first.best is not None and first.best.gid == "henry-tn"


# Homonyms for the local reading: a foreign capital and two US towns of fair size.
DUBLINS = [
    Entry("dublin-ie", "Dublin", "IE", "L", 53.33, -6.25, "PPLC", "city", 1_000_000),
    Entry("dublin-oh", "Dublin", "US", "OH", 40.1, -83.11, "PPL", "city", 41_000),
    Entry("dublin-ca", "Dublin", "US", "CA", 37.7, -121.94, "PPL", "city", 46_000),
    Entry("dublin-tiny", "Dublin", "US", "TX", 32.08, -98.34, "PPL", "city", 3_600),
    Entry("US.OH", "Ohio", "US", "OH", 40.2, -82.7, "ADM1", "admin1", 11_600_000),
]
DUBLIN_GAZETTEER = Gazetteer.from_entries(DUBLINS, {})


def test_local_reading_does_not_let_the_biggest_homonym_win_on_size() -> None:
    # "Dublin's boards and commissions": any of the towns could be meant.
    [alone] = resolve(DUBLIN_GAZETTEER, [Toponym("Dublin", 0, 6)])
    [local] = resolve(DUBLIN_GAZETTEER, [Toponym("Dublin", 0, 6, local=True)])
    assert alone.best is not None and alone.best.gid == "dublin-ie"
    assert local.best is None
    # The largest US town now ranks level with the capital, the other one just behind it (the
    # bigger town still leads within its country); a village stays behind.
    scores = {s.entry.gid: s.score for s in local.candidates}
    assert scores["dublin-ie"] == scores["dublin-ca"]
    assert scores["dublin-ca"] - 0.1 < scores["dublin-oh"] < scores["dublin-ca"]
    assert scores["dublin-tiny"] < scores["dublin-oh"] - 1


def test_local_reading_keeps_the_bigger_town_of_one_country() -> None:
    # "a Miami man": both towns are in the United States, so the bigger one stays the reading.
    towns = [
        Entry("miami-fl", "Miami", "US", "FL", 25.77, -80.19, "PPL", "city", 440_000),
        Entry("miami-ok", "Miami", "US", "OK", 36.87, -94.88, "PPL", "city", 13_000),
    ]
    gazetteer = Gazetteer.from_entries(towns, {})
    [miami] = resolve(gazetteer, [Toponym("Miami", 0, 5, local=True)])
    assert miami.best is not None and miami.best.gid == "miami-fl"


def test_local_reading_does_not_let_a_country_outrank_a_town() -> None:
    # "Palestine police": a country is not a town; a state is one for its people.
    entries = [
        Entry(
            "PS", "Palestinian Territories", "PS", None, 32.0, 35.25, "PCLI", "country", 4_500_000
        ),
        Entry("palestine-tx", "Palestine", "US", "TX", 31.76, -95.63, "PPL", "city", 18_000),
        Entry("US.IN", "Indiana", "US", "IN", 40.0, -86.0, "ADM1", "admin1", 6_600_000),
        Entry("indiana-pa", "Indiana", "US", "PA", 40.62, -79.15, "PPL", "city", 13_000),
    ]
    gazetteer = Gazetteer.from_entries(entries, {"Palestine": ["PS"]})
    [plain] = resolve(gazetteer, [Toponym("Palestine", 0, 9)])
    [local] = resolve(gazetteer, [Toponym("Palestine", 0, 9, local=True)])
    [state] = resolve(gazetteer, [Toponym("Indiana", 0, 7, local=True)])
    assert plain.best is not None and plain.best.gid == "PS"
    assert local.best is not None and local.best.gid == "palestine-tx"
    assert state.best is not None and state.best.gid == "US.IN"


def test_local_reading_follows_the_article_and_every_mention() -> None:
    # "Dublin City Council ... Ohio ... Dublin": the other place decides, for both mentions.
    toponyms = [
        Toponym("Dublin", 0, 6, local=True),
        Toponym("Ohio", 20, 24),
        Toponym("Dublin", 30, 36),
    ]
    first, _, second = resolve(DUBLIN_GAZETTEER, toponyms)
    assert first.best is not None and first.best.gid == "dublin-oh"
    assert second.best is not None and second.best.gid == "dublin-oh"


def test_local_reading_keeps_a_city_above_its_division() -> None:
    # "New York Police Department" is still the city, not the state.
    toponyms = [Toponym("New York", 0, 8, local=True)]
    [ny] = resolve(HOMONYM_GAZETTEER, toponyms)
    assert ny.best is not None and ny.best.gid == "nyc"
