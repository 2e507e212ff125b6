"""Places: toponyms found, candidates retrieved and ranked, on the committed gazetteer."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsevents.extract.components import doc_records
from newsevents.extract.places import extract_places, place_rules, resolve_spans, toponym_at
from newsevents.gazetteer.index import load_gazetteer
from newsevents.records import Entity, Place, Span


def resolve(
    text: str, *names: str, lang: str = "fr", countries: tuple[str, ...] = ()
) -> list[Place]:
    """Resolve the first occurrence of each name in ``text``."""
    spans = []
    for name in names:
        start = text.index(name)
        spans.append((start, start + len(name)))
    return resolve_spans(text, spans, lang, countries)


def blank_doc(text: str, lang: str, entities: tuple[Entity, ...] = ()) -> Doc:
    doc = spacy.blank(lang)(text)
    doc_records(doc)["entities"] = entities
    return doc


def entity(text: str, name: str, label: str, n: int) -> Entity:
    start = text.index(name)
    span = Span(name, start, start + len(name))
    return Entity(f"e{n}", name, span.start, span.end, label, name, (span,))  # type: ignore[arg-type]


def test_paris_is_the_french_capital() -> None:
    [paris] = resolve("Manifestation à Paris ce samedi.", "Paris")
    assert (paris.geonames_id, paris.country_code, paris.precision) == ("2988507", "FR", "city")
    assert paris.lat is not None and abs(paris.lat - 48.85) < 0.1
    assert paris.alternatives and all(a.geonames_id != "2988507" for a in paris.alternatives)


def test_georgia_is_the_country_unless_the_article_is_about_the_us() -> None:
    [georgia] = resolve("Protests in Georgia over the new law.", "Georgia", lang="en")
    assert (georgia.geonames_id, georgia.country_code, georgia.precision) == (
        "614540",
        "GE",
        "country",
    )
    text = "Storms hit Atlanta and Savannah; Georgia declared an emergency."
    *_, state = resolve(text, "Atlanta", "Savannah", "Georgia", lang="en")
    assert (state.country_code, state.admin1, state.precision) == ("US", "GA", "admin1")
    [by_norp] = resolve("Georgia votes today.", "Georgia", lang="en", countries=("US", "US"))
    assert by_norp.country_code == "US"


def test_arica_chile_and_tacna_peru() -> None:
    arica, _ = resolve("Le gouverneur d'Arica, Chile, a parlé.", "Arica", "Chile")
    assert (arica.geonames_id, arica.country_code, arica.precision) == ("3899361", "CL", "city")
    [tacna] = resolve("Llegaron a Tacna (Perú) el viernes.", "Tacna", lang="es")
    assert (tacna.geonames_id, tacna.country_code, tacna.precision) == ("3928128", "PE", "city")


def test_border_with_peru_is_about_peru() -> None:
    [peru] = resolve("Des migrants bloqués à la frontière avec le Pérou.", "Pérou")
    assert (peru.geonames_id, peru.country_code, peru.precision) == ("3932488", "PE", "country")


def test_direction_word_makes_a_country_a_region() -> None:
    [north] = resolve("Des pluies dans le nord du Pérou.", "Pérou")
    assert (north.country_code, north.precision) == ("PE", "region")
    [south] = resolve("Heavy rain across southern Peru.", "Peru", lang="en")
    assert (south.country_code, south.precision) == ("PE", "region")


def test_nationality_word_given_as_a_toponym_points_to_its_country() -> None:
    [french] = resolve("The French engineer left.", "French", lang="en")
    assert (french.country_code, french.precision) == ("FR", "country")


def test_unknown_name_stays_unresolved() -> None:
    [place] = resolve("Il vit à Zqxwvillé depuis un an.", "Zqxwvillé")
    assert place.geonames_id is None and place.lat is None and place.confidence == 0.0


def test_gazetteer_finds_crossings_regions_and_countries_without_a_model() -> None:
    text = (
        "Une vidéo du gouverneur, dans le Nord du Chili, montre des migrants au poste-frontière "
        "de Chacalluta-Santa Rosa. Ils veulent entrer au Pérou."
    )
    places = extract_places(blank_doc(text, "fr"))
    found = {p.text: p for p in places}
    assert set(found) == {"Nord du Chili", "Chacalluta-Santa Rosa", "Pérou"}
    assert found["Nord du Chili"].geonames_id == "nx:rgn:norte-grande-chile"
    assert found["Nord du Chili"].precision == "region"
    assert found["Chacalluta-Santa Rosa"].geonames_id == "nx:pstb:chacalluta-santa-rosa"
    assert found["Chacalluta-Santa Rosa"].precision == "point"
    assert found["Pérou"].country_code == "PE"
    assert [p.id for p in places] == ["p1", "p2", "p3"]
    for p in places:
        assert text[p.start : p.end] == p.text


def test_names_inside_organisations_are_not_places() -> None:
    text = "La chaîne péruvienne Radio Tacna a diffusé des images prises à Tacna."
    last = text.rindex("Tacna")
    radio = entity(text, "Radio Tacna", "ORG", 1)
    town = Entity("e2", "Tacna", last, last + 5, "LOC", "Tacna", (Span("Tacna", last, last + 5),))
    inner = Entity(
        "e3",
        "Tacna",
        text.index("Tacna"),
        text.index("Tacna") + 5,
        "LOC",
        "Tacna",
        (Span("Tacna", text.index("Tacna"), text.index("Tacna") + 5),),
    )
    places = extract_places(blank_doc(text, "fr", (radio, town, inner)))
    assert [(p.start, p.geonames_id) for p in places] == [(last, "3928128")]


def test_organisation_head_before_a_name_blocks_it() -> None:
    text = "Selon Radio Tacna, le calme est revenu."
    start = text.index("Tacna")
    loc = Entity(
        "e1", "Tacna", start, start + 5, "LOC", "Tacna", (Span("Tacna", start, start + 5),)
    )
    assert extract_places(blank_doc(text, "fr", (loc,))) == []


def test_nationality_words_are_not_places() -> None:
    text = "Un migrant vénézuélien est arrivé au Chili."
    norp = entity(text, "vénézuélien", "NORP", 1)
    places = extract_places(blank_doc(text, "fr", (norp,)))
    assert [p.text for p in places] == ["Chili"]


def test_blank_pipelines_do_not_fail() -> None:
    for lang in ("fr", "es", "en"):
        doc = spacy.blank(lang)("")
        assert extract_places(doc) == []
        assert place_rules(lang).cues


def test_cue_words_of_each_language() -> None:
    [region] = resolve("La región de Tacna declaró la emergencia.", "Tacna", lang="es")
    assert (region.country_code, region.precision) == ("PE", "admin1")
    [city] = resolve("Le maire de Tacna a parlé.", "Tacna")
    assert (city.geonames_id, city.precision) == ("3928128", "city")
    [state] = resolve("The governor of Georgia spoke.", "Georgia", lang="en")
    assert (state.country_code, state.precision) == ("US", "admin1")


def test_name_before_county_is_the_county() -> None:
    text = "Storms hit Barrow and Jackson counties, and Henry County schools closed."
    barrow, jackson, henry = resolve(text, "Barrow", "Jackson", "Henry", lang="en")
    assert (barrow.feature_code, barrow.admin1) == ("ADM2", "GA")
    assert jackson.feature_code == "ADM2" and jackson.name == "Jackson County"
    assert henry.feature_code == "ADM2" and henry.name == "Henry County"


def test_nationality_word_is_its_country_before_a_town_of_that_name() -> None:
    [canadian] = resolve("Like many Canadian provinces, it has no rules.", "Canadian", lang="en")
    assert (canadian.country_code, canadian.precision) == ("CA", "country")


def test_acronym_is_not_the_town_it_spells() -> None:
    [eu] = resolve("Slovenia is a specific case in the EU and NATO.", "EU", lang="en")
    assert eu.geonames_id is None or eu.precision != "city"


def test_town_institution_words_make_a_local_reading() -> None:
    # A foreign capital does not win on its size when the name is a town's institution.
    [firefighters] = resolve(
        "Paris firefighters made quick work of a kitchen fire.", "Paris", lang="en"
    )
    [boards] = resolve("Volunteers serve on Dublin's boards and commissions.", "Dublin", lang="en")
    [council] = resolve("The Athens City Council was given a budget update.", "Athens", lang="en")
    assert (firefighters.geonames_id, boards.geonames_id, council.geonames_id) == (None, None, None)
    # Without such a word, or with a place that tells the towns apart, the name resolves.
    [capital] = resolve("Thousands marched in Paris on Saturday.", "Paris", lang="en")
    assert capital.country_code == "FR"
    text = "Paris firefighters were called to a house on Clarksville Street in Paris, Texas."
    paris, _ = resolve(text, "Paris", "Texas", lang="en")
    assert (paris.country_code, paris.admin1) == ("US", "TX")
    # A big city keeps its own institutions.
    [police] = resolve("Chicago police said the road was closed.", "Chicago", lang="en")
    assert (police.country_code, police.admin1) == ("US", "IL")
    # The town's people, after the name or inside it ("Dublin City" before "Manager").
    # (the towns of Texas and Illinois are not told apart, but it is not the country).
    [man] = resolve("A Palestine man was sentenced on Monday.", "Palestine", lang="en")
    assert man.geonames_id is None and man.alternatives[0].country_code == "US"
    [country] = resolve("Aid reached Palestine on Monday.", "Palestine", lang="en")
    assert country.country_code == "PS"
    text = "Then Dublin City Manager Jane Doe left."
    start = text.index("Dublin City")
    manager, _ = toponym_at(text, start, start + 11, place_rules("en"), load_gazetteer())
    assert manager.local
    plain, _ = toponym_at(
        "Dublin City lies by the sea.", 0, 11, place_rules("en"), load_gazetteer()
    )
    assert not plain.local


def test_local_words_of_english() -> None:
    rules = place_rules("en")
    assert "city council" in rules.local_words and "firefighters" in rules.local_words
    assert place_rules("fr").local_words == ()


def test_a_known_name_after_a_preposition_of_place_is_a_place_whatever_its_label() -> None:
    text = "Police blocked migrants in Tacna on Thursday, said Tacna."
    first = text.index("Tacna")
    last = text.rindex("Tacna")
    mislabelled = Entity(
        "e1",
        "Tacna",
        first,
        first + 5,
        "ORG",
        "Tacna",
        (Span("Tacna", first, first + 5), Span("Tacna", last, last + 5)),
    )
    places = extract_places(blank_doc(text, "en", (mislabelled,)))
    assert [(p.start, p.geonames_id) for p in places] == [(first, "3928128")]


def test_a_possessive_or_a_person_after_a_preposition_is_not_made_a_place() -> None:
    text = "He spent two days at Lima's house, then in Lima with Lima."
    shop = entity(text, "Lima", "ORG", 1)  # "at Lima's": someone's place
    later = text.index("Lima", text.index("in Lima"))
    person = Entity(
        "e2", "Lima", later, later + 4, "PER", "Lima", (Span("Lima", later, later + 4),)
    )
    first = Entity(
        "e1", "Lima", shop.start, shop.end, "ORG", "Lima", (Span("Lima", shop.start, shop.end),)
    )
    assert extract_places(blank_doc(text, "en", (first, person))) == []


def test_a_known_name_next_to_a_word_of_a_crossing_is_a_place_whatever_its_label() -> None:
    text = "Chile has not closed the Chacalluta crossing."
    crossing = entity(text, "Chacalluta", "ORG", 1)
    places = extract_places(blank_doc(text, "en", (crossing,)))
    assert [(p.text, p.geonames_id) for p in places][-1] == (
        "Chacalluta",
        "nx:pstb:chacalluta-santa-rosa",
    )
    text = "Le Pérou a fermé le poste-frontière de Chacalluta."
    crossing = entity(text, "Chacalluta", "ORG", 1)
    places = extract_places(blank_doc(text, "fr", (crossing,)))
    assert [p.text for p in places][-1] == "Chacalluta"
    text = "Chile has not closed Chacalluta yet."  # no word of a place: an organisation
    crossing = entity(text, "Chacalluta", "ORG", 1)
    assert [p.text for p in extract_places(blank_doc(text, "en", (crossing,)))] == ["Chile"]


def test_a_known_name_after_a_word_of_a_town_or_from_is_a_place_whatever_its_label() -> None:
    text = "Guards expelled them from the port city of Sfax and flew others out from Iquique."
    town = entity(text, "Sfax", "PER", 1)  # "the city of": a town even if taken for a person
    origin = entity(text, "Iquique", "NORP", 2)  # "from": a place, not a nationality
    places = extract_places(blank_doc(text, "en", (town, origin)))
    assert {p.text for p in places} == {"Sfax", "Iquique"}
    text = "Hombres armados mataron a un candidato en el estado de Guerrero."
    state = entity(text, "Guerrero", "ORG", 1)
    assert [p.text for p in extract_places(blank_doc(text, "es", (state,)))] == ["Guerrero"]
    text = "A letter from Sfax's lawyer."  # someone's: left alone
    assert extract_places(blank_doc(text, "en", (entity(text, "Sfax", "ORG", 1),))) == []


def test_a_currency_is_not_a_place() -> None:
    text = "Firmó un acuerdo por 7.000 millones de US$ con Perú."
    assert [p.text for p in extract_places(blank_doc(text, "es"))] == ["Perú"]


def test_a_capital_visited_is_a_place_even_if_taken_for_a_person() -> None:
    text = "Sánchez visited Nouakchott on Thursday and visited Tacna on Friday."
    capital = entity(text, "Nouakchott", "PER", 1)
    town = entity(text, "Tacna", "PER", 2)  # not a capital nor a city of a million: a name
    places = extract_places(blank_doc(text, "en", (capital, town)))
    assert [(p.text, p.feature_code) for p in places] == [("Nouakchott", "PPLC")]
