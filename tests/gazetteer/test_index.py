"""The committed gazetteer: loading and candidate retrieval."""

from __future__ import annotations

import time

from newsevents.gazetteer.index import Entry, Gazetteer, load_gazetteer
from newsevents.gazetteer.normalize import name_key


def test_name_key_folds_case_accents_dashes_and_periods() -> None:
    assert name_key("Chacalluta–Santa Rosa") == name_key("chacalluta-santa rosa")
    assert name_key("Pérou") == "perou"
    assert name_key("St. Louis") == "st louis"
    assert name_key("  Côte d’Ivoire ") == "cote divoire"


def test_paris_first_candidate_is_the_french_capital() -> None:
    candidates = load_gazetteer().lookup("Paris")
    cities = [c for c in candidates if c.precision == "city"]
    assert cities[0].gid == "2988507"
    assert cities[0].country_code == "FR"
    assert any(c.country_code == "US" for c in cities)


def test_georgia_has_the_country_and_the_us_state() -> None:
    readings = {(c.country_code, c.precision) for c in load_gazetteer().lookup("Georgia")}
    assert ("GE", "country") in readings
    assert ("US", "admin1") in readings


def test_localized_country_names_and_abbreviations() -> None:
    gazetteer = load_gazetteer()
    for name in ("Pérou", "Perú", "Peru", "PÉROU"):
        assert gazetteer.lookup(name)[0].gid == "3932488", name
    for name in ("Chili", "Chile"):
        assert gazetteer.lookup(name)[0].country_code == "CL", name
    assert gazetteer.lookup("EE.UU.")[0].gid == "6252001"
    assert gazetteer.lookup("Ga.")[0].admin1 == "GA"


def test_countries_and_divisions_have_points() -> None:
    gazetteer = load_gazetteer()
    peru = gazetteer.country("PE")
    assert peru is not None and -20 < peru.lat < 0 and -82 < peru.lon < -68
    texas = gazetteer.admin1("US", "TX")
    assert texas is not None and 26 < texas.lat < 36 and -107 < texas.lon < -93


def test_supplement_rows_are_retrievable() -> None:
    gazetteer = load_gazetteer()
    crossing = gazetteer.lookup("Chacalluta-Santa Rosa")[0]
    assert crossing.gid == "nx:pstb:chacalluta-santa-rosa"
    assert crossing.precision == "point"
    assert gazetteer.lookup("Nord du Chili")[0].gid == "nx:rgn:norte-grande-chile"


def test_unknown_name_has_no_candidates() -> None:
    assert load_gazetteer().lookup("Qwzxv Plaza") == ()


def test_loads_fast_and_retrieves_in_microseconds() -> None:
    load_gazetteer.cache_clear()
    start = time.perf_counter()
    gazetteer = load_gazetteer()
    assert time.perf_counter() - start < 3.0  # about 0.5 s on a laptop; margin for busy CI
    start = time.perf_counter()
    for _ in range(1000):
        gazetteer.lookup("Arica")
    assert (time.perf_counter() - start) / 1000 < 0.001


def test_in_memory_gazetteer_for_tests() -> None:
    small = Gazetteer.from_entries(
        [Entry("1", "Alpha", "AA", None, 1.0, 2.0, "PPL", "city", 10)], {"Alfa": ["1"]}
    )
    assert small.lookup("alfa")[0].gid == "1"
    assert small.lookup("ALPHA")[0].gid == "1"
