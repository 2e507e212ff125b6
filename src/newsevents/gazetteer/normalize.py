"""The lookup key of a place name: the same for every way news writes it.

"Chacalluta–Santa Rosa", "chacalluta-santa rosa" and "CHACALLUTA SANTA ROSA" share a key: case and
accents are folded, dashes become spaces, periods and apostrophes are dropped ("St. Louis" and
"St Louis"; "Côte d'Ivoire" and "Cote dIvoire").
"""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile(r"[-‐‑‒–—―]")
_DROPPED = re.compile(r"[.'’ʼ`´]")
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` ("Pérou" gives "perou")."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_key(text: str) -> str:
    """The gazetteer key of a name ("Saint-Louis", "St. Louis" → "saint louis", "st louis")."""
    key = _DROPPED.sub("", _DASHES.sub(" ", fold(text)))
    return _SPACE.sub(" ", key).strip()
