"""Batching, language routing and failure isolation of the analysis (blank pipelines, no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsevents import pipeline
from newsevents.extract import components
from newsevents.pipeline import AnalysisFailure, Analyzer
from newsevents.records import Analysis, Article

FR = "Des dizaines de migrants étaient bloqués le 28 novembre à la frontière avec le Pérou."
ES = "Decenas de migrantes venezolanos quedaron bloqueados en la frontera con Perú ayer."
EN = "Dozens of migrants were stranded at the border with Peru on Friday, officials said."
DE = "Dutzende Migranten saßen am Freitag an der Grenze zu Peru fest, sagten die Behörden."


@pytest.mark.usefixtures("blank_models")
def test_results_keep_input_order_across_languages_and_batches() -> None:
    texts = [FR, ES, EN, DE, FR + " Deux.", EN + " Two."]
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    results = list(Analyzer(batch_size=4).analyse_many(articles))
    assert [r.article.id for r in results] == [str(i) for i in range(len(texts))]
    assert [r.article.lang for r in results] == ["fr", "es", "en", "de", "fr", "en"]
    for result in results:
        assert isinstance(result, Analysis)
        assert result.article.text == texts[int(result.article.id)]


@pytest.mark.usefixtures("blank_models")
def test_unsupported_language_is_kept_with_its_reason() -> None:
    (result,) = Analyzer().analyse_many([Article(id="de", text=DE)])
    assert isinstance(result, Analysis)
    assert result.provenance.status == "unsupported_language"
    assert "'de' is not analysed" in (result.provenance.reason or "")
    assert result.entities == result.amounts == ()


@pytest.mark.usefixtures("blank_models")
def test_given_language_wins_over_detection() -> None:
    (result,) = Analyzer().analyse_many([Article(id="x", text=EN, lang="fr")])
    assert isinstance(result, Analysis)
    assert result.provenance.lang == "fr"


@pytest.mark.usefixtures("blank_models")
def test_unidentifiable_text_is_kept_with_its_reason() -> None:
    (result,) = Analyzer().analyse_many([Article(id="n", text="12 345 678")])
    assert isinstance(result, Analysis)
    assert result.provenance.reason == "the language could not be identified"


def _poisoned(doc: Doc) -> list[object]:
    if "POISON" in doc.text:
        raise ValueError("bad token")
    return []


@Language.component("test_poisoned_extractor")
def _poisoned_extractor(doc: Doc) -> Doc:
    return components.ExtractorComponent("amounts", _poisoned)(doc)


@Language.component("test_crashing_component")
def _crashing_component(doc: Doc) -> Doc:
    _poisoned(doc)
    return doc


@pytest.mark.parametrize(
    ("component", "message"),
    [
        ("test_poisoned_extractor", "amounts extractor failed: ValueError: bad token"),
        ("test_crashing_component", "analysis failed: ValueError: bad token"),
    ],
)
def test_a_failure_ends_its_article_not_the_batch(
    monkeypatch: pytest.MonkeyPatch, component: str, message: str
) -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe(component)
    monkeypatch.setattr(pipeline, "load_pipeline", lambda lang: nlp)
    texts = [FR, FR + " POISON", FR]
    results = list(
        Analyzer().analyse_many([Article(id=str(i), text=t) for i, t in enumerate(texts)])
    )
    assert [type(r).__name__ for r in results] == ["Analysis", "AnalysisFailure", "Analysis"]
    failure = results[1]
    assert isinstance(failure, AnalysisFailure)
    assert failure.article.id == "1"
    assert failure.message == message
