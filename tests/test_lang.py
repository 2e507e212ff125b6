"""Language data files: every language has the same topics, and a missing one says what to add."""

from __future__ import annotations

import pytest

from newsevents.analyze.models import MODELS
from newsevents.lang import MissingLanguageData, available_languages, load_data


@pytest.mark.parametrize("topic", ["amounts", "calendar", "entities", "demonyms", "times"])
def test_every_language_with_a_pipeline_has_every_topic(topic: str) -> None:
    assert set(tuple(MODELS)) <= set(available_languages(topic))
    for lang in tuple(MODELS):
        assert load_data(lang, topic)


def test_missing_data_names_the_file_to_add() -> None:
    with pytest.raises(MissingLanguageData, match=r"lang/xx/amounts\.toml"):
        load_data("xx", "amounts")
