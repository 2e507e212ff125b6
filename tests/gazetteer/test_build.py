"""The committed gazetteer data is exactly what the build script makes from installed packages."""

from __future__ import annotations

import gzip
import tomllib
from pathlib import Path

import pytest

from newsevents.gazetteer import build


@pytest.fixture(scope="session")
def rendered() -> dict[str, bytes]:
    """The data files as the build script makes them now (built once per test session)."""
    return build.render(build.build_entries())


@pytest.mark.parametrize("name", [build.ENTRIES_FILE, build.NAMES_FILE, build.SCAN_FILE])
def test_committed_data_is_regenerated_exactly(rendered: dict[str, bytes], name: str) -> None:
    committed = (build.DATA_DIR / name).read_bytes()
    assert committed == rendered[name], (
        f"{name} differs from the build output: run `python -m newsevents.gazetteer.build`"
    )


def test_build_output_is_deterministic(rendered: dict[str, bytes]) -> None:
    assert build.render(build.supplement_entries()) == build.render(build.supplement_entries())
    for content in rendered.values():
        # gzip without a timestamp: the same input always gives the same bytes.
        assert content[4:8] == b"\x00\x00\x00\x00"
    keys = gzip.decompress(rendered[build.NAMES_FILE]).decode("utf-8").splitlines()[0::2]
    assert keys == sorted(keys)


def test_every_supplement_row_names_its_source() -> None:
    data = tomllib.loads(build.SUPPLEMENT.read_text(encoding="utf-8"))
    rows = data["place"] + data["alias"] + data["point"]
    assert rows
    for row in rows:
        assert str(row.get("source", "")).strip(), row


def test_supplement_row_without_source_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "supplement.toml"
    path.write_text(
        '[[place]]\nid = "nx:x"\nname = "X"\nlat = 1.0\nlon = 2.0\nprecision = "point"\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="source"):
        build.supplement_entries(path)


def test_supplement_ids_are_unique_and_points_plausible() -> None:
    entries = build.supplement_entries()
    ids = [e.gid for e in entries]
    assert len(ids) == len(set(ids))
    for e in entries:
        assert -90 <= e.lat <= 90 and -180 <= e.lon <= 180, e.gid
        assert e.precision in ("point", "region"), e.gid


def test_alternate_name_filter_keeps_latin_names_only() -> None:
    assert build._useful_alternate("Pérou")
    assert build._useful_alternate("Ciudad Juárez")
    assert not build._useful_alternate("LAX")
    assert not build._useful_alternate("Москва")
    assert not build._useful_alternate("75001")
    assert not build._useful_alternate("http://example.org")
