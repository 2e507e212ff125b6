"""Language knowledge as data: one folder per language (``lang/<xx>/``), one TOML file per topic.

Adding a language means adding its folder of data files and rows to the test tables; code reads
the data through :func:`load_data` and never branches on the language code.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any


class MissingLanguageData(LookupError):
    """The language has no data file for the topic asked for."""


@functools.cache
def load_data(lang: str, topic: str) -> dict[str, Any]:
    """The parsed ``lang/<lang>/<topic>.toml`` file (cached; treat it as read-only)."""
    path = resources.files(__package__).joinpath(lang, f"{topic}.toml")
    if not path.is_file():
        raise MissingLanguageData(
            f"no {topic!r} data for language {lang!r}: add src/newsevents/lang/{lang}/{topic}.toml"
        )
    return tomllib.loads(path.read_text(encoding="utf-8"))


def available_languages(topic: str) -> tuple[str, ...]:
    """The languages that have a data file for ``topic``."""
    root = resources.files(__package__)
    return tuple(
        sorted(
            entry.name
            for entry in root.iterdir()
            if entry.is_dir() and entry.joinpath(f"{topic}.toml").is_file()
        )
    )
