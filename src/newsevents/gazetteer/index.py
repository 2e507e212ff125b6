"""The gazetteer as loaded at run time: candidate retrieval by exact normalized name.

The committed data (``data/entries.tsv.gz``, ``data/names.tsv.gz``, made by
``python -m newsevents.gazetteer.build``) is read once per process. Entry rows stay unparsed
text until a lookup needs them, so loading costs one decompression and one dict.
"""

from __future__ import annotations

import bisect
import functools
import gzip
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from newsevents.gazetteer.normalize import name_key

ENTRIES_FILE = "entries.tsv.gz"
NAMES_FILE = "names.tsv.gz"
SCAN_FILE = "scan.txt.gz"


class GazetteerMissing(FileNotFoundError):
    """The committed gazetteer data is not where the package expects it."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry: a GeoNames feature or a row of the curated supplement."""

    gid: str
    name: str
    country_code: str | None
    admin1: str | None
    lat: float
    lon: float
    feature_code: str | None
    precision: str
    """"country", "admin1", "region" (second-level divisions, continents, named regions),
    "city" or "point" (border crossings, camps)."""
    population: int

    @classmethod
    def parse(cls, line: str) -> Entry:
        gid, name, cc, admin1, lat, lon, code, precision, population = line.split("\t")
        return cls(
            gid,
            name,
            cc or None,
            admin1 or None,
            float(lat),
            float(lon),
            code or None,
            precision,
            int(population),
        )


class Gazetteer:
    """Entries and the index of their names (keys of :func:`name_key`)."""

    def __init__(
        self,
        rows: Sequence[str],
        keys: Sequence[str],
        values: Sequence[str],
        scan: Iterable[str] | None = None,
    ) -> None:
        self._rows = rows
        self._keys = keys
        """Sorted name keys; ``values[i]`` lists the entry rows of ``keys[i]``."""
        self._values = values
        if scan is None:
            scan = (k for k, v in zip(keys, values, strict=True) if self._worth_scanning(v))
        self.scan_keys: frozenset[str] = frozenset(scan)
        """Keys of the names of countries and curated rows (found in raw text, not only in
        the language model's entities)."""
        self.scan_first_words: dict[str, int] = {}
        for key in self.scan_keys:
            first, size = key.split(" ", 1)[0], key.count(" ") + 1
            self.scan_first_words[first] = max(size, self.scan_first_words.get(first, 0))
        self._parsed: dict[int, Entry] = {}
        self._countries: dict[str, Entry] | None = None
        self._admin1: dict[tuple[str, str], Entry] | None = None

    @classmethod
    def from_entries(
        cls, entries: Iterable[Entry], names: Mapping[str, Iterable[str]]
    ) -> Gazetteer:
        """A small in-memory gazetteer: ``names`` maps a written name to entry ids (for tests)."""
        listed = list(entries)
        rows = [
            "\t".join(
                (
                    e.gid,
                    e.name,
                    e.country_code or "",
                    e.admin1 or "",
                    str(e.lat),
                    str(e.lon),
                    e.feature_code or "",
                    e.precision,
                    str(e.population),
                )
            )
            for e in listed
        ]
        position = {e.gid: n for n, e in enumerate(listed)}
        index: dict[str, list[int]] = {}
        for name, gids in names.items():
            index.setdefault(name_key(name), []).extend(position[g] for g in gids)
        for e in listed:
            index.setdefault(name_key(e.name), [])
            if position[e.gid] not in index[name_key(e.name)]:
                index[name_key(e.name)].append(position[e.gid])
        keys = sorted(index)
        return cls(rows, keys, [",".join(map(str, sorted(index[k]))) for k in keys])

    def _worth_scanning(self, rows: str) -> bool:
        for r in rows.split(","):
            if not r:
                continue
            line = self._rows[int(r)]
            if line.startswith("nx:") or "\tcountry\t" in line:
                return True
        return False

    def __len__(self) -> int:
        return len(self._rows)

    def entry(self, row: int) -> Entry:
        found = self._parsed.get(row)
        if found is None:
            found = self._parsed[row] = Entry.parse(self._rows[row])
        return found

    def lookup(self, text: str) -> tuple[Entry, ...]:
        """Every entry named ``text`` (any case, accents, dashes), most important first."""
        rows = self._rows_of(name_key(text))
        if not rows:
            return ()
        return tuple(self.entry(int(r)) for r in rows.split(","))

    def has_name(self, text: str) -> bool:
        return bool(self._rows_of(name_key(text)))

    def _rows_of(self, key: str) -> str:
        n = bisect.bisect_left(self._keys, key)
        if n < len(self._keys) and self._keys[n] == key:
            return self._values[n]
        return ""

    def country(self, code: str) -> Entry | None:
        """The country entry of an ISO 3166-1 alpha-2 code."""
        if self._countries is None:
            self._index_divisions()
        assert self._countries is not None
        return self._countries.get(code)

    def admin1(self, code: str, admin1: str) -> Entry | None:
        """The first-level division ``admin1`` of country ``code``."""
        if self._admin1 is None:
            self._index_divisions()
        assert self._admin1 is not None
        return self._admin1.get((code, admin1))

    def _index_divisions(self) -> None:
        countries: dict[str, Entry] = {}
        admin1: dict[tuple[str, str], Entry] = {}
        # Countries and divisions come first in the data (rows are sorted by precision).
        for row in range(len(self._rows)):
            line = self._rows[row]
            if "\tcountry\t" not in line and "\tadmin1\t" not in line:
                break
            e = self.entry(row)
            if e.precision == "country" and e.country_code:
                countries.setdefault(e.country_code, e)
            elif e.precision == "admin1" and e.country_code and e.admin1:
                admin1.setdefault((e.country_code, e.admin1), e)
        self._countries, self._admin1 = countries, admin1


def _read(name: str) -> str:
    path = resources.files(__package__).joinpath("data", name)
    if not path.is_file():
        raise GazetteerMissing(
            f"gazetteer data {name} is missing: run `python -m newsevents.gazetteer.build`"
        )
    return gzip.decompress(path.read_bytes()).decode("utf-8")


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The committed gazetteer, loaded once per process."""
    rows = _read(ENTRIES_FILE).splitlines()
    lines = _read(NAMES_FILE).splitlines()
    return Gazetteer(rows, lines[0::2], lines[1::2], _read(SCAN_FILE).splitlines())
