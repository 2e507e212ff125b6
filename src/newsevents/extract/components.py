"""The extractors as spaCy pipeline components, each writing its records on ``doc._.records``.

An extractor is a plain function from an analysed ``Doc`` to a list of records; this module only
wraps it, so that spaCy runs it inside ``nlp.pipe`` batches right after the model's own components.
An extractor that fails on one document records the failure on that document (``doc._.failures``)
instead of raising: one bad article must not sink the batch it travels in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.events.coder import code_events
from newsevents.extract.amounts import extract_amounts
from newsevents.extract.entities import extract_entities
from newsevents.extract.places import extract_places
from newsevents.extract.quotes import extract_quotes
from newsevents.extract.times import extract_times

Extractor = Callable[[Doc], Sequence[Any]]

for _name in ("records", "failures", "article"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def doc_records(doc: Doc) -> dict[str, Sequence[Any]]:
    """The records extracted so far from ``doc``, by kind ("entities", "amounts", …)."""
    if doc._.records is None:
        doc._.records = {}
    records: dict[str, Sequence[Any]] = doc._.records
    return records


def doc_failures(doc: Doc) -> list[str]:
    """The extractor failures of ``doc``, as messages."""
    if doc._.failures is None:
        doc._.failures = []
    failures: list[str] = doc._.failures
    return failures


class ExtractorComponent:
    """Runs one extractor on each document and stores its records under its kind."""

    def __init__(self, kind: str, extractor: Extractor) -> None:
        self.kind = kind
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc_records(doc)[self.kind] = tuple(self.extractor(doc))
        except Exception as exc:  # reported per article by the pipeline
            doc_failures(doc).append(f"{self.kind} extractor failed: {type(exc).__name__}: {exc}")
        return doc


# kind -> (extractor, what it needs from the model). Order matters: later extractors may read the
# records of earlier ones (quotes link speakers to entities, events bind all of them).
EXTRACTORS: dict[str, tuple[Extractor, list[str]]] = {
    "entities": (extract_entities, ["doc.ents"]),
    "amounts": (extract_amounts, []),
    "times": (extract_times, []),
    "places": (extract_places, []),
    "quotes": (extract_quotes, []),
    "events": (code_events, []),
}


def _register(kind: str, extractor: Extractor, requires: list[str]) -> None:
    def make(nlp: Language, name: str) -> ExtractorComponent:
        return ExtractorComponent(kind, extractor)

    Language.factory(f"newsevents_{kind}", requires=requires, assigns=["doc._.records"], func=make)


for _kind, (_extractor, _requires) in EXTRACTORS.items():
    _register(_kind, _extractor, _requires)


def add_extractors(nlp: Language) -> Language:
    """Append every extractor component to ``nlp`` (once), in dependency order."""
    for kind in EXTRACTORS:
        name = f"newsevents_{kind}"
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp
