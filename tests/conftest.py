"""Shared fixtures: the example article, and pipelines that need no model download or load."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from newsevents import pipeline
from newsevents.extract.components import add_extractors

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "chile-peru-border-2025-11-29.txt"


@functools.cache
def blank_pipeline(lang: str) -> Language:
    """A tokenizer-only pipeline of ``lang`` with the newsevents extractors: fast, no model."""
    return add_extractors(spacy.blank(lang))


@pytest.fixture
def blank_models(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the analysis run on blank pipelines instead of the installed models."""
    monkeypatch.setattr(pipeline, "load_pipeline", blank_pipeline)


@pytest.fixture
def example_path() -> Path:
    """The example article, in its own format."""
    return EXAMPLE
