"""The example article's places through the French pipeline (loads a spaCy model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.pipeline import Analyzer
from newsevents.read import read_paths


@pytest.mark.model
def test_example_article_places(example_path: Path) -> None:
    [article] = list(read_paths([example_path]))
    analysis = Analyzer().analyse(article)
    places = analysis.places
    by_text: dict[str, set[tuple[str | None, str | None]]] = {}
    for p in places:
        assert article.text[p.start : p.end] == p.text
        by_text.setdefault(p.text, set()).add((p.geonames_id, p.precision))
    assert by_text["Chili"] == {("3895114", "country")}
    assert by_text["Pérou"] == {("3932488", "country")}
    assert by_text["Arica"] == {("3899361", "city")}
    assert by_text["Chacalluta-Santa Rosa"] == {("nx:pstb:chacalluta-santa-rosa", "point")}
    assert ("nx:rgn:norte-grande-chile", "region") in by_text["Nord du Chili"]
    assert "Tacna" not in by_text and "Radio Tacna" not in by_text
    assert "Nord" not in by_text
