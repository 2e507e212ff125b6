"""Language data files: every language has the same topics, and a missing one says what to add."""

from __future__ import annotations

import pytest

from newsevents.lang import SUPPORTED_LANGUAGES, MissingLanguageData, available_languages, load_data


@pytest.mark.parametrize("topic", ["amounts", "calendar", "entities", "demonyms"])
def test_every_supported_language_has_every_topic(topic: str) -> None:
    assert set(SUPPORTED_LANGUAGES) <= set(available_languages(topic))
    for lang in SUPPORTED_LANGUAGES:
        assert load_data(lang, topic)


def test_missing_data_names_the_file_to_add() -> None:
    with pytest.raises(MissingLanguageData, match=r"lang/xx/amounts\.toml"):
        load_data("xx", "amounts")
