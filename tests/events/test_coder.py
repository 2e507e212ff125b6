"""The event coder on hand-built parses: types, status, arguments, nesting, merging (no model)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.events.arguments import EventDocument, group_antecedent
from newsevents.events.coder import code_events
from newsevents.events.lexicon import PLOVER_TYPES, event_lexicon, phrase_words
from newsevents.extract.components import doc_records  # noqa: F401  (registers doc._.article)
from newsevents.extract.times import extract_times
from newsevents.lang import available_languages
from newsevents.records import Amount, Article, Entity, Event, Place, Quote, Span

PUBLISHED = dt.date(2025, 11, 29)  # a Saturday


def parsed(lang: str, rows: str, entities: tuple[tuple[str, str], ...] = (), **kw: object) -> Doc:
    """A document from rows of ``word lemma POS head dep [morph]`` (heads are token indices),
    with its time records and the given entities (surface text, label) as records."""
    table = [line.split() for line in rows.strip().splitlines()]
    doc = Doc(
        spacy.blank(lang).vocab,
        words=[r[0] for r in table],
        lemmas=[r[1] for r in table],
        pos=[r[2] for r in table],
        heads=[int(r[3]) for r in table],
        deps=[r[4] for r in table],
        morphs=[r[5] if len(r) > 5 else "" for r in table],
    )
    doc._.article = Article(id="t", text=doc.text, published=PUBLISHED, lang=lang)
    found: list[Entity] = []
    for n, (surface, label) in enumerate(entities, 1):
        mentions = []
        start = doc.text.find(surface)
        while start >= 0:
            mentions.append(Span(surface, start, start + len(surface)))
            start = doc.text.find(surface, start + 1)
        first = mentions[0]
        found.append(
            Entity(f"e{n}", surface, first.start, first.end, label, surface, tuple(mentions))  # type: ignore[arg-type]
        )
    times = extract_times(doc) if lang in available_languages("times") else []
    doc._.records = {"entities": tuple(found), "times": tuple(times), **kw}
    return doc


def one(doc: Doc) -> Event:
    (event,) = code_events(doc)
    return event


CLOSED = """
Le le DET 1 det
Pérou Pérou PROPN 3 nsubj
a avoir AUX 3 aux:tense Tense=Pres|VerbForm=Fin
fermé fermer VERB 3 ROOT Tense=Past|VerbForm=Part
la le DET 5 det
frontière frontière NOUN 3 obj
jeudi jeudi NOUN 3 obl:mod
. . PUNCT 3 punct
"""


def test_an_action_with_its_actor_target_and_date() -> None:
    event = one(parsed("fr", CLOSED, (("Pérou", "LOC"),)))
    assert (event.type, event.mode, event.status) == ("COERCE", "border_closure", "occurred")
    assert event.text == "fermé"
    assert [(a.text, a.entity) for a in event.actors] == [("Pérou", "e1")]
    assert [a.text for a in event.targets] == ["la frontière"]
    assert (event.date_value, event.date_source) == ("2025-11-27", "text")
    assert event.sentence.text == "Le Pérou a fermé la frontière jeudi ."
    assert event.evidence == (event.sentence,)
    assert "border" in event.contexts


def test_negation_and_the_publication_date_standing_in() -> None:
    doc = parsed(
        "fr",
        """
        Le le DET 1 det
        Pérou Pérou PROPN 4 nsubj
        n' ne ADV 4 advmod Polarity=Neg
        a avoir AUX 4 aux:tense Tense=Pres|VerbForm=Fin
        fermé fermer VERB 4 ROOT Tense=Past|VerbForm=Part
        pas pas ADV 4 advmod Polarity=Neg
        la le DET 7 det
        frontière frontière NOUN 4 obj
        . . PUNCT 4 punct
        """,
        (("Pérou", "LOC"),),
    )
    event = one(doc)
    assert event.status == "negated"
    assert (event.date, event.date_value, event.date_source) == (None, "2025-11-29", "published")


def test_a_threat_to_expel_is_one_threaten_event() -> None:
    doc = parsed(
        "fr",
        """
        Kast Kast PROPN 1 nsubj
        menace menacer VERB 1 ROOT Tense=Pres|VerbForm=Fin
        d' de ADP 3 mark
        expulser expulser VERB 1 xcomp VerbForm=Inf
        les le DET 5 det
        migrants migrant NOUN 3 obj
        . . PUNCT 1 punct
        """,
        (("Kast", "PER"),),
    )
    event = one(doc)
    assert (event.type, event.mode, event.status) == ("THREATEN", "expel", "threatened")
    assert [a.text for a in event.actors] == ["Kast"]
    assert [a.text for a in event.targets] == ["les migrants"]
    assert "migration" in event.contexts


def test_a_meeting_called_to_act_codes_the_action_as_planned() -> None:
    doc = parsed(
        "fr",
        """
        Jeri Jeri PROPN 2 nsubj
        a avoir AUX 2 aux:tense Tense=Pres|VerbForm=Fin
        convoqué convoquer VERB 2 ROOT Tense=Past|VerbForm=Part
        un un DET 4 det
        conseil conseil NOUN 2 obj
        afin afin ADV 7 mark
        de de ADP 5 fixed
        déclarer déclarer VERB 2 advcl VerbForm=Inf
        l' le DET 9 det
        état état NOUN 7 obj
        d' de ADP 11 case
        urgence urgence NOUN 9 nmod
        . . PUNCT 2 punct
        """,
        (("Jeri", "PER"),),
    )
    event = one(doc)
    assert (event.type, event.mode, event.status) == ("MOBILIZE", "state_of_emergency", "planned")
    assert [a.text for a in event.actors] == ["Jeri"]
    assert any("purpose" in r for r in event.reasons)


def test_a_pluperfect_dated_long_before_is_historical() -> None:
    doc = parsed(
        "fr",
        """
        En en ADP 1 case
        avril avril NOUN 7 obl:mod
        2023 2023 NUM 1 nmod
        , , PUNCT 7 punct
        le le DET 5 det
        Pérou Pérou PROPN 7 nsubj
        avait avoir AUX 7 aux:tense Mood=Ind|Tense=Imp|VerbForm=Fin
        décrété décréter VERB 7 ROOT Tense=Past|VerbForm=Part
        l' le DET 9 det
        état état NOUN 7 obj
        d' de ADP 11 case
        urgence urgence NOUN 9 nmod
        . . PUNCT 7 punct
        """,
        (("Pérou", "LOC"),),
    )
    event = one(doc)
    assert (event.type, event.status, event.date_value) == ("MOBILIZE", "historical", "2023-04")


def test_a_condition_makes_the_action_hypothetical() -> None:
    doc = parsed(
        "en",
        """
        If if SCONJ 2 mark
        Chile Chile PROPN 2 nsubj
        closes close VERB 8 advcl Tense=Pres|VerbForm=Fin
        the the DET 4 det
        border border NOUN 2 dobj
        , , PUNCT 8 punct
        trade trade NOUN 8 nsubj
        will will AUX 8 aux
        suffer suffer VERB 8 ROOT VerbForm=Inf
        . . PUNCT 8 punct
        """,
        (("Chile", "LOC"),),
    )
    event = one(doc)
    assert (event.type, event.mode, event.status) == ("COERCE", "border_closure", "hypothetical")
    assert [a.text for a in event.actors] == ["Chile"]


def test_the_same_action_told_twice_is_one_event_with_two_evidence_spans() -> None:
    doc = parsed(
        "fr",
        """
        Le le DET 1 det
        Chili Chili PROPN 3 nsubj
        a avoir AUX 3 aux:tense Tense=Pres|VerbForm=Fin
        expulsé expulser VERB 3 ROOT Tense=Past|VerbForm=Part
        50 50 NUM 5 nummod
        migrants migrant NOUN 3 obj
        lundi lundi NOUN 3 obl:mod
        . . PUNCT 3 punct
        Le le DET 9 det
        Chili Chili PROPN 11 nsubj
        a avoir AUX 11 aux:tense Tense=Pres|VerbForm=Fin
        renvoyé renvoyer VERB 11 ROOT Tense=Past|VerbForm=Part
        les le DET 13 det
        migrants migrant NOUN 11 obj
        . . PUNCT 11 punct
        """,
        (("Chili", "LOC"),),
    )
    event = one(doc)
    assert (event.type, event.mode, event.date_value) == ("COERCE", "expel", "2025-11-24")
    assert [e.text for e in event.evidence] == [
        "Le Chili a expulsé 50 migrants lundi .",
        "Le Chili a renvoyé les migrants .",
    ]


def test_an_action_with_no_one_in_it_and_nothing_to_place_it_is_not_coded() -> None:
    doc = parsed(
        "fr",
        """
        Il il PRON 3 expl:subj
        y y PRON 3 expl:comp
        a avoir AUX 3 aux:tense Tense=Pres|VerbForm=Fin
        eu avoir VERB 3 ROOT Tense=Past|VerbForm=Part
        des un DET 5 det
        expulsions expulsion NOUN 3 obj
        . . PUNCT 3 punct
        """,
    )
    assert code_events(doc) == []


def test_the_place_where_it_happened_not_a_partner() -> None:
    rows = """
    Police police NOUN 1 nsubj
    blocked block VERB 1 ROOT Tense=Past|VerbForm=Fin
    migrants migrant NOUN 1 dobj
    at at ADP 1 prep
    the the DET 6 det
    Arica Arica PROPN 6 compound
    crossing crossing NOUN 3 pobj
    on on ADP 1 prep
    the the DET 9 det
    border border NOUN 7 pobj
    with with ADP 9 prep
    Peru Peru PROPN 10 pobj
    . . PUNCT 1 punct
    """
    doc = parsed("en", rows, (("Arica", "LOC"), ("Peru", "LOC")))
    text = doc.text
    places = tuple(
        Place(f"p{n}", name, text.find(name), text.find(name) + len(name), precision=precision)
        for n, (name, precision) in enumerate((("Arica", "city"), ("Peru", "country")), 1)
    )
    doc._.records["places"] = places
    event = one(doc)
    assert (event.type, event.mode, event.place) == ("COERCE", "restrict", "p1")
    assert [a.text for a in event.targets] == ["migrants"]


def test_without_a_parse_or_language_data_there_are_no_events() -> None:
    blank = spacy.blank("fr")("Le Pérou a fermé la frontière.")
    assert code_events(blank) == []
    german = parsed("de", "Grenze Grenze NOUN 0 ROOT")
    assert code_events(german) == []


@pytest.mark.parametrize("lang", ["fr", "es", "en"])
def test_every_language_has_event_data(lang: str) -> None:
    lexicon = event_lexicon(lang)
    assert lexicon.triggers and lexicon.negation and lexicon.condition and lexicon.people
    assert {t.type for t in lexicon.triggers} == set(PLOVER_TYPES)
    for trigger in lexicon.triggers:
        assert trigger.verbs or trigger.nouns or trigger.phrases
    assert lang in available_languages("events")


def test_people_words_have_their_feminines() -> None:
    es, fr = event_lexicon("es"), event_lexicon("fr")
    assert {"diputado", "diputada", "doctora", "vecina", "campesina"} <= es.people
    assert {"enquêteuse", "policière"} <= fr.agents and "députée" in fr.people


def test_an_action_that_did_not_take_place_is_negated() -> None:
    doc = parsed(
        "fr",
        """
        Il il PRON 4 expl:subj
        n' ne ADV 4 advmod Polarity=Neg
        y y PRON 4 expl:comp
        a avoir AUX 4 aux:tense Tense=Pres|VerbForm=Fin
        eu avoir VERB 4 ROOT Tense=Past|VerbForm=Part
        pas pas ADV 4 advmod Polarity=Neg
        d' de DET 7 det
        expulsions expulsion NOUN 4 obj
        de de ADP 9 case
        migrants migrant NOUN 7 nmod
        lundi lundi NOUN 4 obl:mod
        . . PUNCT 4 punct
        """,
    )
    event = one(doc)
    assert (event.type, event.mode, event.status) == ("COERCE", "expel", "negated")
    assert [a.text for a in event.targets] == ["migrants"]


def test_the_one_blamed_for_a_deed_did_it() -> None:
    doc = parsed(
        "en",
        """
        The the DET 1 det
        senator senator NOUN 2 nsubj Number=Sing
        criticized criticize VERB 2 ROOT Tense=Past|VerbForm=Fin
        Dean Dean PROPN 2 dobj Number=Sing
        for for ADP 2 prep
        refusing refuse VERB 4 pcomp Aspect=Prog|Tense=Pres|VerbForm=Part
        the the DET 7 det
        offer offer NOUN 5 dobj Number=Sing
        . . PUNCT 2 punct
        """,
        (("Dean", "PER"),),
    )
    accuse, reject = code_events(doc)
    assert (accuse.type, [a.text for a in accuse.actors]) == ("ACCUSE", ["The senator"])
    assert (reject.type, reject.status) == ("REJECT", "occurred")
    assert [a.text for a in reject.actors] == ["Dean"]
    assert [a.text for a in reject.targets] == ["the offer"]


def test_a_perfect_infinitive_after_pour_is_done_not_aimed_at() -> None:
    doc = parsed(
        "fr",
        """
        Le le DET 1 det
        ministre ministre NOUN 3 nsubj Gender=Masc|Number=Sing
        a avoir AUX 3 aux:tense Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
        critiqué critiquer VERB 3 ROOT Tense=Past|VerbForm=Part
        Dupont Dupont PROPN 3 obj
        pour pour ADP 7 mark
        avoir avoir AUX 7 aux:tense VerbForm=Inf
        refusé refuser VERB 3 advcl Tense=Past|VerbForm=Part
        la le DET 9 det
        proposition proposition NOUN 7 obj
        . . PUNCT 3 punct
        """,
        (("Dupont", "PER"),),
    )
    reject = next(e for e in code_events(doc) if e.type == "REJECT")
    assert reject.status == "occurred"
    assert [a.text for a in reject.actors] == ["Dupont"]


def test_a_clause_without_subject_shares_the_teller_s() -> None:
    rows = """
        General General PROPN 1 compound
        Motors Motors PROPN 3 nsubj Number=Sing
        ha haber AUX 3 aux Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
        dicho decir VERB 3 ROOT Tense=Past|VerbForm=Part
        que que SCONJ 6 mark
        ha haber AUX 6 aux Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
        solicitado solicitar VERB 3 ccomp Tense=Past|VerbForm=Part
        ayuda ayuda NOUN 6 obj Number=Sing
        . . PUNCT 3 punct
        """
    request = next(
        e
        for e in code_events(parsed("es", rows, (("General Motors", "ORG"),)))
        if e.type == "REQUEST"
    )
    assert [a.text for a in request.actors] == ["General Motors"]
    # a plural clause is someone else's
    plural = rows.replace(
        "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\n        solicitado",
        "Number=Plur|Person=3|Tense=Pres|VerbForm=Fin\n        solicitado",
    )
    assert plural != rows
    events = code_events(parsed("es", plural, (("General Motors", "ORG"),)))
    assert [e.actors for e in events if e.type == "REQUEST"] == [()]  # not General Motors


def test_who_speaks_at_a_meeting_met_and_a_visit_to_a_country_is_a_meeting() -> None:
    doc = parsed(
        "en",
        """
        Albright Albright PROPN 1 nsubj Number=Sing
        spoke speak VERB 1 ROOT Tense=Past|VerbForm=Fin
        at at ADP 1 prep
        the the DET 4 det
        meeting meeting NOUN 2 pobj Number=Sing
        . . PUNCT 1 punct
        """,
        (("Albright", "PER"),),
    )
    event = one(doc)
    assert (event.type, [a.text for a in event.actors]) == ("CONSULT", ["Albright"])
    visit = """
        Albright Albright PROPN 1 nsubj Number=Sing
        visited visit VERB 1 ROOT Tense=Past|VerbForm=Fin
        Nairobi Nairobi PROPN 1 dobj Number=Sing
        . . PUNCT 1 punct
        """
    event = one(parsed("en", visit, (("Albright", "PER"), ("Nairobi", "LOC"))))
    assert (event.type, [a.text for a in event.targets]) == ("CONSULT", ["Nairobi"])
    assert (
        code_events(
            parsed(
                "en",
                visit.replace("Nairobi Nairobi PROPN", "museum museum NOUN"),
                (("Albright", "PER"),),
            )
        )
        == []
    )


def test_a_month_is_not_a_march() -> None:
    doc = parsed(
        "en",
        """
        Since since ADP 5 prep
        30 30 NUM 2 nummod
        March march NOUN 0 pobj Number=Sing
        , , PUNCT 5 punct
        sites site NOUN 5 nsubj Number=Plur
        stopped stop VERB 5 ROOT Tense=Past|VerbForm=Fin
        selling sell VERB 5 xcomp VerbForm=Ger
        Bibles Bible PROPN 6 dobj Number=Plur
        . . PUNCT 5 punct
        """,
    )
    assert not any(e.type == "PROTEST" for e in code_events(doc))


def test_an_attempt_takes_the_status_of_the_trying() -> None:
    doc = parsed(
        "en",
        """
        Protesters protester NOUN 1 nsubj Number=Plur
        tried try VERB 1 ROOT Tense=Past|VerbForm=Fin
        to to PART 3 aux
        storm storm VERB 1 xcomp VerbForm=Inf
        parliament parliament NOUN 3 dobj Number=Sing
        . . PUNCT 1 punct
        """,
    )
    event = one(doc)
    assert (event.type, event.status) == ("PROTEST", "occurred")
    assert [a.text for a in event.actors] == ["Protesters"]


def test_sharing_is_cooperation_only_of_intelligence_or_with_someone_named() -> None:
    rows = """
        Peru Peru PROPN 1 nsubj Number=Sing
        shares share VERB 1 ROOT Tense=Pres|VerbForm=Fin
        intelligence intelligence NOUN 1 dobj Number=Sing
        . . PUNCT 1 punct
        """
    event = one(parsed("en", rows, (("Peru", "LOC"),)))
    assert (event.type, [a.text for a in event.actors]) == ("COOPERATE", ["Peru"])
    office = rows.replace("intelligence intelligence", "offices office")
    assert code_events(parsed("en", office, (("Peru", "LOC"),))) == []


def test_a_clause_of_its_own_keeps_its_own_tense() -> None:
    doc = parsed(
        "en",
        """
        Lawmakers lawmaker NOUN 2 nsubj Number=Plur
        will will AUX 2 aux VerbForm=Fin
        convene convene VERB 2 ROOT VerbForm=Inf
        as as SCONJ 5 mark
        teachers teacher NOUN 5 nsubj Number=Plur
        continue continue VERB 2 advcl Tense=Pres|VerbForm=Fin
        to to PART 7 aux
        demand demand VERB 5 xcomp VerbForm=Inf
        funding funding NOUN 7 dobj Number=Sing
        . . PUNCT 2 punct
        """,
    )
    request = next(e for e in code_events(doc) if e.type == "REQUEST")
    assert request.status == "occurred"
    assert [a.text for a in request.actors] == ["teachers"]


def test_they_stands_for_the_group_named_as_a_subject() -> None:
    doc = parsed(
        "en",
        """
        Chilean chilean ADJ 1 amod
        authorities authority NOUN 2 nsubj Number=Plur
        said say VERB 2 ROOT Tense=Past|VerbForm=Fin
        they they PRON 5 nsubj Number=Plur|Person=3
        have have AUX 5 aux Tense=Pres|VerbForm=Fin
        closed close VERB 2 ccomp Tense=Past|VerbForm=Part
        the the DET 7 det
        border border NOUN 5 dobj Number=Sing
        . . PUNCT 2 punct
        Protesters protester NOUN 10 nsubj Number=Plur
        marched march VERB 10 ROOT Tense=Past|VerbForm=Fin
        . . PUNCT 10 punct
        They they PRON 13 nsubj Number=Plur|Person=3
        attacked attack VERB 13 ROOT Tense=Past|VerbForm=Fin
        a a DET 15 det
        bus bus NOUN 13 dobj Number=Sing
        . . PUNCT 13 punct
        """,
    )
    by_type = {e.type: e for e in code_events(doc)}
    assert [a.text for a in by_type["COERCE"].actors] == ["Chilean authorities"]
    assert [a.text for a in by_type["ASSAULT"].actors] == ["Protesters"]


def test_they_does_not_cross_a_subject_that_is_not_a_group() -> None:
    doc = parsed(
        "en",
        """
        We we PRON 1 nsubj Number=Plur|Person=1
        said say VERB 1 ROOT Tense=Past|VerbForm=Fin
        they they PRON 3 nsubj Number=Plur|Person=3
        attacked attack VERB 1 ccomp Tense=Past|VerbForm=Fin
        the the DET 5 det
        convoy convoy NOUN 3 dobj Number=Sing
        . . PUNCT 1 punct
        """,
    )
    ctx = EventDocument(doc, event_lexicon("en"))
    assert group_antecedent(ctx, doc[2]) is None
    assert group_antecedent(ctx, doc[0]) is None


NAVY = """
The the DET 2 det
Indian indian ADJ 2 amod
navy navy NOUN 3 nsubj Number=Sing
says say VERB 3 ROOT Tense=Pres|VerbForm=Fin
it it PRON 6 nsubj Number=Sing|Person=3
has have AUX 6 aux Tense=Pres|VerbForm=Fin
arrested arrest VERB 3 ccomp Tense=Past|VerbForm=Part
23 23 NUM 8 nummod
pirates pirate NOUN 6 dobj Number=Plur
. . PUNCT 3 punct
"""


def test_it_stands_for_the_body_named_as_the_subject_above_it() -> None:
    assert [a.text for a in one(parsed("en", NAVY)).actors] == ["The Indian navy"]
    # a person above it is not what "it" stands for: "Kast says it has arrested…"
    doc = parsed("en", NAVY.replace("navy navy NOUN", "Kast Kast PROPN"), (("Kast", "PER"),))
    assert one(doc).actors == ()


ARRESTED_POLICE_SAID = """
Two two NUM 1 nummod
men man NOUN 4 nsubjpass Number=Plur
have have AUX 4 aux Tense=Pres|VerbForm=Fin
been be AUX 4 auxpass Tense=Past|VerbForm=Part
arrested arrest VERB 7 ccomp Tense=Past|VerbForm=Part
, , PUNCT 7 punct
police police NOUN 7 nsubj Number=Plur
said say VERB 7 ROOT Tense=Past|VerbForm=Fin
. . PUNCT 7 punct
"""


def test_an_arrest_in_the_passive_was_made_by_the_police_who_say_so() -> None:
    event = one(parsed("en", ARRESTED_POLICE_SAID))
    assert ([a.text for a in event.actors], [a.text for a in event.targets]) == (
        ["police"],
        ["Two men"],
    )
    # a kidnapping is not what the police did, and a hospital is no force
    kidnapped = parsed("en", ARRESTED_POLICE_SAID.replace("arrested arrest", "kidnapped kidnap"))
    assert one(kidnapped).actors == ()
    hospital = parsed("en", ARRESTED_POLICE_SAID.replace("police police", "doctors doctor"))
    assert one(hospital).actors == ()


def test_an_arrest_told_before_the_force_saying_it_was_made_by_them() -> None:
    doc = parsed(
        "fr",
        """
        Deux deux NUM 1 nummod
        hommes homme NOUN 4 nsubj:pass Number=Plur
        ont avoir AUX 4 aux:tense Tense=Pres|VerbForm=Fin
        été être AUX 4 aux:pass Tense=Past|VerbForm=Part
        interpellés interpeller VERB 4 ROOT Tense=Past|VerbForm=Part
        , , PUNCT 4 punct
        a avoir AUX 7 aux:tense Tense=Pres|VerbForm=Fin
        indiqué indiquer VERB 4 parataxis Tense=Past|VerbForm=Part
        la le DET 9 det
        police police NOUN 7 obj Number=Sing
        . . PUNCT 4 punct
        """,
    )
    assert [a.text for a in one(doc).actors] == ["la police"]


def test_who_is_on_a_visit_is_the_visitor() -> None:
    doc = parsed(
        "en",
        """
        Scalise Scalise PROPN 8 nsubj Number=Sing
        , , PUNCT 0 punct
        who who PRON 3 nsubj PronType=Rel
        is be AUX 0 relcl Tense=Pres|VerbForm=Fin
        on on ADP 3 prep
        a a DET 6 det
        visit visit NOUN 4 pobj Number=Sing
        , , PUNCT 0 punct
        spoke speak VERB 8 ROOT Tense=Past|VerbForm=Fin
        . . PUNCT 8 punct
        """,
        (("Scalise", "PER"),),
    )
    event = one(doc)
    assert (event.type, [a.text for a in event.actors]) == ("CONSULT", ["Scalise"])


def test_a_visit_before_its_visitor_is_the_subjects() -> None:
    doc = parsed(
        "en",
        """
        During during ADP 7 prep
        her her PRON 2 poss Poss=Yes
        visit visit NOUN 0 pobj Number=Sing
        to to ADP 2 prep
        Israel Israel PROPN 3 pobj Number=Sing
        , , PUNCT 7 punct
        Clinton Clinton PROPN 7 nsubj Number=Sing
        spoke speak VERB 7 ROOT Tense=Past|VerbForm=Fin
        . . PUNCT 7 punct
        """,
        (("Clinton", "PER"),),
    )
    assert [a.text for a in one(doc).actors] == ["Clinton"]


def test_a_person_pronoun_as_object_stands_for_the_last_person_named() -> None:
    doc = parsed(
        "en",
        """
        Kast Kast PROPN 1 nsubj Number=Sing
        spoke speak VERB 1 ROOT Tense=Past|VerbForm=Fin
        . . PUNCT 1 punct
        Critics critic NOUN 4 nsubj Number=Plur
        accused accuse VERB 4 ROOT Tense=Past|VerbForm=Fin
        him he PRON 4 dobj Case=Acc|Number=Sing|Person=3
        of of ADP 4 prep
        lying lie VERB 6 pcomp VerbForm=Ger
        . . PUNCT 4 punct
        """,
        (("Kast", "PER"),),
    )
    event = one(doc)
    assert [(a.text, a.entity) for a in event.targets] == [("Kast", "e1")]


def test_the_parties_between_whom_an_action_noun_was_act() -> None:
    doc = parsed(
        "es",
        """
        Violaron violar VERB 0 ROOT Tense=Past|VerbForm=Fin
        el el DET 2 det
        acuerdo acuerdo NOUN 0 obj Number=Sing
        alcanzado alcanzado ADJ 2 amod VerbForm=Part
        entre entre ADP 7 case
        las el DET 7 det
        dos dos NUM 7 nummod
        partes parte NOUN 3 obl Number=Plur
        . . PUNCT 0 punct
        """,
    )
    agreement = next(e for e in code_events(doc) if e.type == "AGREE")
    assert [a.text for a in agreement.actors] == ["las dos partes"]


@pytest.mark.parametrize("again", ["presidente", "mandatario"])
def test_a_role_named_again_is_the_person_given_it(again: str) -> None:
    rows = f"""
    El el DET 1 det Definite=Def
    presidente presidente NOUN 3 nsubj Number=Sing
    Abinader Abinader PROPN 1 appos Number=Sing
    llegó llegar VERB 3 ROOT Tense=Past|VerbForm=Fin
    . . PUNCT 3 punct
    El el DET 6 det Definite=Def
    {again} {again} NOUN 7 nsubj Number=Sing
    expulsó expulsar VERB 7 ROOT Tense=Past|VerbForm=Fin
    a a ADP 9 case
    migrantes migrante NOUN 7 obj Number=Plur
    . . PUNCT 7 punct
    """
    doc = parsed("es", rows, (("Abinader", "PER"),))
    (abinader,) = doc._.records["entities"]
    role = Span("presidente", doc.text.index("presidente"), doc.text.index("presidente") + 10)
    doc._.records = {**doc._.records, "entities": (replace(abinader, role=role),)}
    event = one(doc)
    assert [(a.text, a.entity) for a in event.actors] == [("Abinader", "e1")]


VISITED = """
Pataki Pataki PROPN 1 nsubj Number=Sing
toured tour VERB 1 ROOT Tense=Past|VerbForm=Fin
five five NUM 3 nummod
counties county NOUN 1 dobj Number=Plur
. . PUNCT 1 punct
"""


@pytest.mark.parametrize(
    "visited", ["counties county", "troops troop"], ids=["places of a kind", "troops"]
)
def test_a_visit_to_places_of_a_kind_or_to_troops(visited: str) -> None:
    doc = parsed("en", VISITED.replace("counties county", visited), (("Pataki", "PER"),))
    event = one(doc)
    assert (event.type, [a.text for a in event.actors]) == ("CONSULT", ["Pataki"])
    # a thing of no place is not visited: "toured five products" is no meeting
    assert code_events(parsed("en", VISITED.replace("counties county", "products product"))) == []


def test_two_sides_act() -> None:
    doc = parsed(
        "en",
        """
        The the DET 2 det
        two two NUM 2 nummod
        sides side NOUN 3 nsubj Number=Plur
        agreed agree VERB 3 ROOT Tense=Past|VerbForm=Fin
        to to ADP 3 prep
        a a DET 6 det
        deal deal NOUN 4 pobj Number=Sing
        . . PUNCT 3 punct
        """,
    )
    assert [a.text for a in one(doc).actors] == ["The two sides"]


def test_an_action_in_a_clause_of_place_happened_there() -> None:
    rows = """
    Protesters protester NOUN 1 nsubj Number=Plur
    marched march VERB 1 ROOT Tense=Past|VerbForm=Fin
    to to ADP 1 prep
    Naplouse Naplouse PROPN 2 pobj
    , , PUNCT 3 punct
    in in ADP 3 prep
    Cisjordania Cisjordania PROPN 5 pobj
    , , PUNCT 3 punct
    where where SCONJ 11 advmod
    the the DET 10 det
    army army NOUN 11 nsubj Number=Sing
    arrested arrest VERB 3 relcl Tense=Past|VerbForm=Fin
    two two NUM 13 nummod
    activists activist NOUN 11 dobj Number=Plur
    . . PUNCT 1 punct
    """
    doc = parsed("en", rows, (("Naplouse", "LOC"), ("Cisjordania", "LOC")))
    text = doc.text
    doc._.records["places"] = tuple(
        Place(f"p{n}", name, text.find(name), text.find(name) + len(name), precision=precision)
        for n, (name, precision) in enumerate((("Naplouse", "city"), ("Cisjordania", "admin1")), 1)
    )
    arrest = next(e for e in code_events(doc) if e.type == "COERCE")
    assert [a.text for a in arrest.actors] == ["the army"]
    assert arrest.place == "p1"  # the most precise of the places told together


def test_an_order_of_aircraft_is_not_a_request() -> None:
    rows = """
        Iberia Iberia PROPN 2 nsubj Number=Sing
        ha haber AUX 2 aux Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
        pedido pedir VERB 2 ROOT Tense=Past|VerbForm=Part
        ayuda ayuda NOUN 2 obj Number=Sing
        . . PUNCT 2 punct
        """
    event = one(parsed("es", rows, (("Iberia", "ORG"),)))
    assert (event.type, [a.text for a in event.actors]) == ("REQUEST", ["Iberia"])
    order = rows.replace("ayuda ayuda NOUN", "aviones avión NOUN")
    assert code_events(parsed("es", order, (("Iberia", "ORG"),))) == []


REFUSED_AT_THE_BORDER = """
Des un DET 1 det
migrants migrant NOUN 3 nsubj:pass Number=Plur
étaient être AUX 3 aux:pass Tense=Imp|VerbForm=Fin
bloqués bloquer VERB 3 ROOT Tense=Past|VerbForm=Part
à à ADP 6 case
la le DET 6 det
frontière frontière NOUN 3 obl:mod
avec avec ADP 9 case
le le DET 9 det
Pérou Pérou PROPN 6 nmod
. . PUNCT 3 punct
Photo photo NOUN 11 ROOT
: : PUNCT 13 punct
AFP AFP PROPN 11 appos
. . PUNCT 11 punct
Ils il PRON 16 nsubj Number=Plur
attendent attendre VERB 16 ROOT Tense=Pres|VerbForm=Fin
au à ADP 18 case
poste-frontière poste-frontière NOUN 16 obl:mod
de de ADP 20 case
Santa Santa PROPN 18 nmod
Rosa Rosa PROPN 20 flat:name
. . PUNCT 16 punct
Ils il PRON 25 nsubj Number=Plur
ne ne ADV 25 advmod Polarity=Neg
veulent vouloir VERB 25 ROOT Tense=Pres|VerbForm=Fin
pas pas ADV 25 advmod Polarity=Neg
nous nous PRON 28 iobj
laisser laisser VERB 25 xcomp VerbForm=Inf
entrer entrer VERB 28 xcomp VerbForm=Inf
au à ADP 31 case
Pérou Pérou PROPN 29 obl:arg
. . PUNCT 25 punct
"""


def _border_places(doc: Doc) -> tuple[Place, ...]:
    text = doc.text
    peru = [n for n in range(len(text)) if text.startswith("Pérou", n)]
    rosa = text.find("Santa Rosa")
    country = {"geonames_id": "3932488", "country_code": "PE", "precision": "country"}
    return (
        Place("p1", "Pérou", peru[0], peru[0] + 5, **country),  # type: ignore[arg-type]
        Place(
            "p2",
            "Santa Rosa",
            rosa,
            rosa + 10,
            "nx:pstb:santa-rosa",
            country_code="PE",
            feature_code="PSTB",
            precision="point",
        ),
        Place("p3", "Pérou", peru[1], peru[1] + 5, **country),  # type: ignore[arg-type]
    )


def test_a_refused_entry_is_a_blocking_by_the_country_entered_at_the_crossing_named() -> None:
    doc = parsed("fr", REFUSED_AT_THE_BORDER, (("Pérou", "LOC"),))
    doc._.records["places"] = _border_places(doc)
    event = one(doc)  # the blocking and the refusal told in the quote are one action
    assert (event.type, event.mode, event.status) == ("COERCE", "restrict", "occurred")
    assert [(a.text, a.entity) for a in event.actors] == [("Pérou", "e1")]
    assert [a.text for a in event.targets] == ["Des migrants"]
    assert event.place == "p2"  # "à la frontière": the one crossing of it the article names
    assert len(event.evidence) == 2  # a photo credit between the tellings does not count
    assert "refusal: 'veulent'" in event.reasons


def test_a_border_with_two_crossings_named_gets_no_crossing() -> None:
    doc = parsed("fr", REFUSED_AT_THE_BORDER, (("Pérou", "LOC"),))
    places = _border_places(doc)
    other = replace(places[1], id="p4", geonames_id="nx:pstb:other")
    doc._.records["places"] = (*places, other)
    assert one(doc).place is None


def test_refusing_to_let_in_is_one_blocking_not_a_rejection() -> None:
    rows = """
    Peru Peru PROPN 1 nsubj Number=Sing
    refused refuse VERB 1 ROOT Tense=Past|VerbForm=Fin
    to to PART 3 aux
    let let VERB 1 xcomp VerbForm=Inf
    the the DET 5 det
    migrants migrant NOUN 6 nsubj Number=Plur
    in in ADP 3 ccomp
    . . PUNCT 1 punct
    """
    event = one(parsed("en", rows, (("Peru", "LOC"),)))
    assert (event.type, event.mode, event.status) == ("COERCE", "restrict", "occurred")
    assert [a.text for a in event.actors] == ["Peru"]
    assert [a.text for a in event.targets] == ["the migrants"]
    decided = rows.replace("refused refuse VERB", "decided decide VERB")
    event = one(parsed("en", decided, (("Peru", "LOC"),)))
    assert (event.type, event.status) == ("CONCEDE", "planned")


def test_a_place_closed_is_where_the_closure_happened_not_a_partner() -> None:
    rows = """
    Chile Chile PROPN 1 nsubj Number=Sing
    closed close VERB 1 ROOT Tense=Past|VerbForm=Fin
    the the DET 4 det
    Chacalluta Chacalluta PROPN 4 compound
    crossing crossing NOUN 1 dobj
    . . PUNCT 1 punct
    """
    # the model took "Chacalluta" for an organisation, the place records for a toponym
    doc = parsed("en", rows, (("Chile", "LOC"), ("Chacalluta", "ORG")))
    start = doc.text.find("Chacalluta")
    doc._.records["places"] = (Place("p1", "Chacalluta", start, start + 10, precision="point"),)
    event = one(doc)
    assert (event.mode, event.place) == ("border_closure", "p1")
    partner = """
    Chile Chile PROPN 1 nsubj Number=Sing
    closed close VERB 1 ROOT Tense=Past|VerbForm=Fin
    its its PRON 3 poss
    border border NOUN 1 dobj
    with with ADP 3 prep
    Peru Peru PROPN 4 pobj
    . . PUNCT 1 punct
    """
    doc = parsed("en", partner, (("Chile", "LOC"), ("Peru", "LOC")))
    start = doc.text.find("Peru")
    doc._.records["places"] = (Place("p1", "Peru", start, start + 4, precision="country"),)
    assert one(doc).place is None


def test_a_toponym_taken_for_an_organisation_is_still_a_place() -> None:
    rows = """
    Police police NOUN 1 nsubj Number=Sing
    detained detain VERB 1 ROOT Tense=Past|VerbForm=Fin
    migrants migrant NOUN 1 dobj Number=Plur
    in in ADP 1 prep
    Tacna Tacna PROPN 3 pobj
    . . PUNCT 1 punct
    """
    doc = parsed("en", rows, (("Tacna", "ORG"),))
    start = doc.text.find("Tacna")
    doc._.records["places"] = (Place("p1", "Tacna", start, start + 5, precision="city"),)
    assert one(doc).place == "p1"


def test_the_same_day_and_during_the_strike_take_the_date_of_the_action_told_before() -> None:
    rows = (
        CLOSED.rstrip()
        + """
    Le le DET 10 det
    même même ADJ 10 amod
    jour jour NOUN 15 obl:mod
    , , PUNCT 10 punct
    la le DET 13 det
    police police NOUN 15 nsubj
    a avoir AUX 15 aux:tense Tense=Pres|VerbForm=Fin
    arrêté arrêter VERB 15 ROOT Tense=Past|VerbForm=Part
    20 20 NUM 17 nummod
    migrants migrant NOUN 15 obj Number=Plur
    . . PUNCT 15 punct
    """
    )
    closed, arrested = code_events(parsed("fr", rows, (("Pérou", "LOC"),)))
    assert closed.date_value == "2025-11-27"
    assert (arrested.mode, arrested.date, arrested.date_value) == (
        "detain",
        closed.date,
        "2025-11-27",
    )
    assert "at the time of 'fermé': 'jour'" in arrested.reasons
    rows = """
    Thousands thousand NOUN 1 nsubj Number=Plur
    marched march VERB 1 ROOT Tense=Past|VerbForm=Fin
    on on ADP 1 prep
    Wednesday Wednesday PROPN 2 pobj
    . . PUNCT 1 punct
    Police police NOUN 6 nsubj
    detained detain VERB 6 ROOT Tense=Past|VerbForm=Fin
    twenty twenty NUM 8 nummod
    people people NOUN 6 dobj Number=Plur
    during during ADP 6 prep
    the the DET 11 det
    march march NOUN 9 pobj Number=Sing
    . . PUNCT 6 punct
    """
    marched, detained = code_events(parsed("en", rows))
    assert marched.date_value == detained.date_value == "2025-11-26"
    undated = rows.replace("during during ADP", "after after ADP")
    assert code_events(parsed("en", undated))[1].date is None  # "after the march": not then


def test_the_date_of_an_action_noun_is_not_the_date_of_the_verb_it_hangs_from() -> None:
    rows = """
    Police police NOUN 1 nsubj
    arrested arrest VERB 1 ROOT Tense=Past|VerbForm=Fin
    a a DET 3 det
    man man NOUN 1 dobj Number=Sing
    in in ADP 1 prep
    connection connection NOUN 4 pobj
    with with ADP 5 prep
    last last ADJ 8 amod
    year year NOUN 10 poss
    's 's PART 8 case
    bombing bombing NOUN 6 pobj
    . . PUNCT 1 punct
    """
    events = {e.type: e for e in code_events(parsed("en", rows))}
    assert events["COERCE"].date is None  # the arrest is not last year's
    own = rows.replace("bombing bombing NOUN", "accident accident NOUN")
    assert code_events(parsed("en", own))[0].date_value == "2024"


def test_a_country_the_model_did_not_tag_still_acts() -> None:
    rows = """
    Panamá Panamá PROPN 1 nsubj
    deportó deportar VERB 1 ROOT Mood=Ind|Tense=Past|VerbForm=Fin
    a a ADP 4 case
    29 29 NUM 4 nummod
    colombianos colombiano NOUN 1 obj Number=Plur
    . . PUNCT 1 punct
    """
    doc = parsed("es", rows)  # no entity: only the place records know Panamá
    doc._.records["places"] = (Place("p1", "Panamá", 0, 6, precision="country"),)
    event = one(doc)
    assert [(a.text, a.entity) for a in event.actors] == [("Panamá", None)]
    assert event.place is None  # the actor, not where it happened


def test_who_denies_having_sent_troops_is_who_would_have_sent_them() -> None:
    rows = """
    El el DET 1 det
    Ministerio Ministerio PROPN 2 nsubj
    negó negar VERB 2 ROOT Mood=Ind|Tense=Past|VerbForm=Fin
    haber haber AUX 4 aux VerbForm=Inf
    enviado enviar VERB 2 ccomp Tense=Past|VerbForm=Part
    tropas tropa NOUN 4 obj Number=Plur
    . . PUNCT 2 punct
    """
    event = one(parsed("es", rows, (("Ministerio", "ORG"),)))
    assert (event.type, event.status) == ("MOBILIZE", "negated")
    assert [a.text for a in event.actors] == ["Ministerio"]
    rows = """
    The the DET 1 det
    minister minister NOUN 2 nsubj
    said say VERB 2 ROOT Tense=Past|VerbForm=Fin
    soldiers soldier NOUN 6 nsubjpass Number=Plur
    would would AUX 6 aux VerbForm=Fin
    be be AUX 6 auxpass VerbForm=Inf
    sent send VERB 2 ccomp Tense=Past|VerbForm=Part
    . . PUNCT 2 punct
    """
    assert one(parsed("en", rows)).actors == ()  # a clause of its own: not the minister's


def test_words_that_say_or_hold_rather_than_act() -> None:
    stated = """
    Segura Segura PROPN 1 nsubj
    manifestó manifestar VERB 1 ROOT Mood=Ind|Tense=Past|VerbForm=Fin
    que que SCONJ 4 mark
    todos todo PRON 4 nsubj
    vendrán venir VERB 1 ccomp Mood=Ind|Tense=Fut|VerbForm=Fin
    . . PUNCT 1 punct
    """
    assert code_events(parsed("es", stated, (("Segura", "PER"),))) == []
    marched = """
    Los el DET 1 det
    agricultores agricultor NOUN 3 nsubj Number=Plur
    se se PRON 3 obj Reflex=Yes
    manifestaron manifestar VERB 3 ROOT Mood=Ind|Tense=Past|VerbForm=Fin
    ayer ayer ADV 3 advmod
    . . PUNCT 3 punct
    """
    assert one(parsed("es", marched)).type == "PROTEST"
    held = """
    La el DET 1 det
    Corporación Corporación PROPN 2 nsubj
    celebra celebrar VERB 2 ROOT Mood=Ind|Tense=Pres|VerbForm=Fin
    un uno DET 4 det
    pleno pleno NOUN 2 obj
    . . PUNCT 2 punct
    """
    assert code_events(parsed("es", held, (("Corporación", "ORG"),))) == []
    named = """
    El el DET 1 det
    coche coche NOUN 3 nsubj
    se se PRON 3 obj Reflex=Yes
    llamará llamar VERB 3 ROOT Mood=Ind|Tense=Fut|VerbForm=Fin
    Taurus Taurus PROPN 3 obj
    . . PUNCT 3 punct
    """
    assert code_events(parsed("es", named)) == []


def test_who_held_an_office_was_not_held() -> None:
    rows = """
    Zuma Zuma PROPN 5 nsubj
    , , PUNCT 0 punct
    who who PRON 3 nsubj PronType=Rel
    held hold VERB 0 relcl Tense=Past|VerbForm=Fin
    office office NOUN 3 dobj
    spoke speak VERB 5 ROOT Tense=Past|VerbForm=Fin
    . . PUNCT 5 punct
    """
    assert code_events(parsed("en", rows, (("Zuma", "PER"),))) == []
    held = rows.replace("who who PRON 3 nsubj PronType=Rel", "whom whom PRON 3 dobj PronType=Rel")
    held = held.replace("office office NOUN 3 dobj", "police police NOUN 3 nsubj")
    assert one(parsed("en", held, (("Zuma", "PER"),))).mode == "detain"  # whom police held


def test_calling_something_a_name_is_no_meeting_nor_request() -> None:
    rows = """
    The the DET 1 det
    network network NOUN 2 nsubj
    called call VERB 2 ROOT Tense=Past|VerbForm=Fin
    it it PRON 2 dobj
    a a DET 5 det
    plot plot NOUN 2 oprd
    . . PUNCT 2 punct
    """
    assert code_events(parsed("en", rows)) == []


def test_tariffs_imposed_are_an_economic_sanction() -> None:
    rows = """
    China China PROPN 1 nsubj
    imposed impose VERB 1 ROOT Tense=Past|VerbForm=Fin
    tariffs tariff NOUN 1 dobj Number=Plur
    on on ADP 2 prep
    American american ADJ 5 amod
    goods good NOUN 3 pobj Number=Plur
    . . PUNCT 1 punct
    """
    event = one(parsed("en", rows, (("China", "LOC"),)))
    assert (event.type, event.mode, [a.text for a in event.actors]) == (
        "SANCTION",
        "economic",
        ["China"],
    )


def test_a_visit_took_place_where_it_went() -> None:
    rows = """
    Trump Trump PROPN 1 nsubj
    visited visit VERB 1 ROOT Tense=Past|VerbForm=Fin
    Riyadh Riyadh PROPN 1 dobj
    . . PUNCT 1 punct
    """
    doc = parsed("en", rows, (("Trump", "PER"), ("Riyadh", "LOC")))
    start = doc.text.find("Riyadh")
    doc._.records["places"] = (Place("p1", "Riyadh", start, start + 6, precision="city"),)
    event = one(doc)
    assert (event.type, event.place, [a.text for a in event.targets]) == (
        "CONSULT",
        "p1",
        ["Riyadh"],
    )


def test_it_happened_there_places_the_action_told_before() -> None:
    rows = """
    Police police NOUN 1 nsubj
    shot shoot VERB 1 ROOT Tense=Past|VerbForm=Fin
    a a DET 3 det
    man man NOUN 1 dobj Number=Sing
    . . PUNCT 1 punct
    It it PRON 6 nsubj
    happened happen VERB 6 ROOT Tense=Past|VerbForm=Fin
    in in ADP 6 prep
    Tacna Tacna PROPN 7 pobj
    on on ADP 6 prep
    Monday Monday PROPN 9 pobj
    . . PUNCT 6 punct
    """
    doc = parsed("en", rows, (("Tacna", "LOC"),))
    start = doc.text.find("Tacna")
    doc._.records["places"] = (Place("p1", "Tacna", start, start + 5, precision="city"),)
    event = one(doc)
    assert (event.type, event.place, event.date_value) == ("ASSAULT", "p1", "2025-11-24")
    assert len(event.evidence) == 2
    other = rows.replace("It it PRON 6 nsubj", "Rain rain NOUN 6 nsubj")
    doc = parsed("en", other, (("Tacna", "LOC"),))
    start = doc.text.find("Tacna")
    doc._.records["places"] = (Place("p1", "Tacna", start, start + 5, precision="city"),)
    assert one(doc).place is None  # something else happened there


def test_an_accusation_needs_its_actor_or_its_target_and_a_threat_its_actor() -> None:
    rows = """
    Smith Smith PROPN 2 nsubjpass
    was be AUX 2 auxpass Tense=Past|VerbForm=Fin
    charged charge VERB 2 ROOT Tense=Past|VerbForm=Part
    with with ADP 2 prep
    murder murder NOUN 3 pobj
    . . PUNCT 2 punct
    """
    event = one(parsed("en", rows, (("Smith", "PER"),)))
    assert (event.type, event.actors, [a.text for a in event.targets]) == ("ACCUSE", (), ["Smith"])
    threat = rows.replace("charged charge VERB", "threatened threaten VERB")
    assert code_events(parsed("en", threat, (("Smith", "PER"),))) == []
    convicted = rows.replace("charged charge VERB", "convicted convict VERB").replace(
        "with with ADP", "of of ADP"
    )
    assert one(parsed("en", convicted, (("Smith", "PER"),))).type == "SANCTION"


def test_a_bombing_condemned_took_place_whoever_did_it() -> None:
    rows = """
    Brussels Brussels PROPN 1 nsubj
    condemned condemn VERB 1 ROOT Tense=Past|VerbForm=Fin
    the the DET 3 det
    bombing bombing NOUN 1 dobj
    in in ADP 3 prep
    Kabul Kabul PROPN 4 pobj
    . . PUNCT 1 punct
    """
    doc = parsed("en", rows, (("Brussels", "ORG"), ("Kabul", "LOC")))
    start = doc.text.find("Kabul")
    doc._.records["places"] = (Place("p1", "Kabul", start, start + 5, precision="city"),)
    assert sorted(e.type for e in code_events(doc)) == ["ACCUSE", "ASSAULT"]
    demand = rows.replace("condemned condemn VERB", "demanded demand VERB")
    doc = parsed("en", demand, (("Brussels", "ORG"), ("Kabul", "LOC")))
    doc._.records["places"] = (Place("p1", "Kabul", start, start + 5, precision="city"),)
    assert [e.type for e in code_events(doc)] == ["REQUEST"]  # asked for, not done


def test_a_proper_name_the_model_did_not_tag_still_acts() -> None:
    rows = """
    Human Human PROPN 2 compound
    Rights Rights PROPN 2 compound
    Watch Watch PROPN 3 nsubj
    accused accuse VERB 3 ROOT Tense=Past|VerbForm=Fin
    Tunisia Tunisia PROPN 3 dobj
    . . PUNCT 3 punct
    """
    event = one(parsed("en", rows, (("Tunisia", "LOC"),)))
    assert [a.text for a in event.actors] == ["Human Rights Watch"]
    thing = rows.replace("Watch Watch PROPN", "report report NOUN")
    assert one(parsed("en", thing, (("Tunisia", "LOC"),))).actors == ()  # a report is no one


def test_where_people_were_sent_is_not_where_it_happened() -> None:
    rows = """
    Chile Chile PROPN 1 nsubj
    deported deport VERB 1 ROOT Tense=Past|VerbForm=Fin
    migrants migrant NOUN 1 dobj Number=Plur
    to to ADP 1 prep
    Colombia Colombia PROPN 3 pobj
    . . PUNCT 1 punct
    """
    doc = parsed("en", rows, (("Chile", "LOC"), ("Colombia", "LOC")))
    start = doc.text.find("Colombia")
    doc._.records["places"] = (Place("p1", "Colombia", start, start + 8, precision="country"),)
    event = one(doc)
    assert (event.mode, event.place) == ("deport", None)
    assert "sent to 'Colombia', not there" in event.reasons
    there = rows.replace("to to ADP", "in in ADP")
    doc = parsed("en", there, (("Chile", "LOC"), ("Colombia", "LOC")))
    doc._.records["places"] = (Place("p1", "Colombia", start, start + 8, precision="country"),)
    assert one(doc).place == "p1"
    returned = """
    87 87 NUM 1 nummod
    personnes personne NOUN 4 nsubj:pass Number=Plur
    ont avoir AUX 4 aux
    été être AUX 4 aux:pass
    renvoyées renvoyer VERB 4 ROOT VerbForm=Part|Voice=Pass
    au au ADP 6 case
    Maroc Maroc PROPN 4 obl:arg
    . . PUNCT 4 punct
    """
    event = one(with_places(parsed("fr", returned), ("Maroc", "country")))
    assert (event.mode, event.place) == ("return", None)  # "renvoyées au Maroc": sent there


def test_an_action_during_an_assault_on_a_town_happened_there() -> None:
    rows = """
    Gangs gang NOUN 1 nsubj Number=Plur
    killed kill VERB 1 ROOT Tense=Past|VerbForm=Fin
    ten ten NUM 3 nummod
    people people NOUN 1 dobj Number=Plur
    during during ADP 1 prep
    the the DET 6 det
    assault assault NOUN 4 pobj
    on on ADP 6 prep
    the the DET 9 det
    town town NOUN 7 pobj
    of of ADP 9 prep
    Mirebalais Mirebalais PROPN 10 pobj
    . . PUNCT 1 punct
    """
    doc = parsed("en", rows, (("Mirebalais", "LOC"),))
    start = doc.text.find("Mirebalais")
    doc._.records["places"] = (Place("p1", "Mirebalais", start, start + 10, precision="city"),)
    killed = next(e for e in code_events(doc) if e.text == "killed")
    assert killed.place == "p1"


def test_the_most_precise_of_the_places_told_together() -> None:
    rows = """
    Gangs gang NOUN 1 nsubj Number=Plur
    killed kill VERB 1 ROOT Tense=Past|VerbForm=Fin
    people people NOUN 1 dobj Number=Plur
    in in ADP 2 prep
    Pont-Sonde Pont-Sonde PROPN 3 pobj
    , , PUNCT 1 punct
    in in ADP 1 prep
    the the DET 9 det
    Artibonite Artibonite PROPN 9 compound
    department department NOUN 6 pobj
    . . PUNCT 1 punct
    """
    doc = parsed("en", rows, (("Pont-Sonde", "LOC"), ("Artibonite", "LOC")))
    text = doc.text
    town, region = text.find("Pont-Sonde"), text.find("Artibonite")
    doc._.records["places"] = (
        Place("p1", "Pont-Sonde", town, town + 10),  # unresolved: no precision known
        Place("p2", "Artibonite", region, region + 10, precision="admin1"),
    )
    assert one(doc).place == "p1"  # inside the department it is said to be in


def test_a_first_person_pronoun_in_a_quote_stands_for_its_speaker() -> None:
    rows = """
    " " PUNCT 2 punct
    They they PRON 2 nsubj
    expelled expel VERB 8 ccomp Tense=Past|VerbForm=Fin
    us we PRON 2 dobj
    , , PUNCT 2 punct
    " " PUNCT 2 punct
    a a DET 7 det
    migrant migrant NOUN 8 nsubj Number=Sing
    said say VERB 8 ROOT Tense=Past|VerbForm=Fin
    . . PUNCT 8 punct
    """
    text = '" They expelled us , " a migrant said .'
    said = text.index("They")
    speaker = Span("a migrant", text.index("a migrant"), text.index("a migrant") + 9)
    quote = Quote("q1", "They expelled us ,", said, said + 18, "direct", "a migrant", None, speaker)
    event = one(parsed("en", rows, quotes=(quote,)))
    assert (event.type, event.mode) == ("COERCE", "expel")
    assert [a.text for a in event.targets] == ["a migrant"]
    assert event.quotes == ("q1",)


def with_places(doc: Doc, *names: tuple[str, str | None]) -> Doc:
    """The document with place records for the given (toponym, precision) pairs, p1, p2…"""
    places = []
    for n, (name, precision) in enumerate(names, 1):
        start = doc.text.find(name)
        places.append(Place(f"p{n}", name, start, start + len(name), precision=precision))  # type: ignore[arg-type]
    doc._.records["places"] = tuple(places)
    return doc


def test_the_place_of_the_action_blocked_not_the_country_entered() -> None:
    rows = """
    Police police NOUN 1 nsubj Number=Plur
    blocked block VERB 1 ROOT Tense=Past|VerbForm=Fin
    migrants migrant NOUN 1 dobj Number=Plur
    from from ADP 1 prep
    entering enter VERB 3 pcomp VerbForm=Ger
    Peru Peru PROPN 4 dobj
    at at ADP 4 prep
    Santa Santa PROPN 8 compound
    Rosa Rosa PROPN 6 pobj
    . . PUNCT 1 punct
    """
    doc = with_places(parsed("en", rows), ("Peru", "country"), ("Santa Rosa", None))
    event = one(doc)
    assert (event.type, event.place) == ("COERCE", "p2")


def test_a_toponym_after_a_place_noun_says_where() -> None:
    rows = """
    Les le DET 1 det
    policiers policier NOUN 3 nsubj Number=Plur
    ont avoir AUX 3 aux:tense
    démantelé démanteler VERB 3 ROOT VerbForm=Part
    le le DET 5 det
    campement campement NOUN 3 obj
    de de ADP 7 case
    Loon-Plage Loon-Plage PROPN 5 nmod
    , , PUNCT 5 punct
    près près ADV 5 advmod
    de de ADP 11 case
    Dunkerque Dunkerque PROPN 9 dep
    . . PUNCT 3 punct
    """
    doc = with_places(parsed("fr", rows), ("Loon-Plage", "city"), ("Dunkerque", "city"))
    assert one(doc).place == "p1"  # the camp's own town, not the one it is near


@pytest.mark.parametrize(
    ("verb", "lemma", "place"), [("arrêté", "arrêter", "p1"), ("dénoncé", "dénoncer", None)]
)
def test_a_deed_happened_where_its_actor_is_placed(
    verb: str, lemma: str, place: str | None
) -> None:
    rows = f"""
    La le DET 1 det
    police police NOUN 5 nsubj Number=Sing
    à à ADP 3 case
    Arica Arica PROPN 1 nmod
    a avoir AUX 5 aux:tense
    {verb} {lemma} VERB 5 ROOT VerbForm=Part
    des un DET 7 det
    migrants migrant NOUN 5 obj Number=Plur
    . . PUNCT 5 punct
    """
    event = one(with_places(parsed("fr", rows), ("Arica", "city")))
    assert event.place == place  # an arrest there; words are not placed by a title's place


LIFTED = """
À à ADP 1 case
Paris Paris PROPN 6 obl:mod
, , PUNCT 1 punct
les le DET 4 det
manifestants manifestant NOUN 6 nsubj Number=Plur
ont avoir AUX 6 aux:tense
bloqué bloquer VERB 6 ROOT VerbForm=Part
le le DET 8 det
pont pont NOUN 6 obj
avant avant ADP 11 mark
{clause}
. . PUNCT 6 punct
"""


@pytest.mark.parametrize(
    ("clause", "place"),
    [
        # "avant de lever leur barrage": the same people, there
        ("de de ADP 9 fixed\nlever lever VERB 6 advcl VerbForm=Inf\nleur leur DET 13 det\n"
         "barrage barrage NOUN 11 obj", "p1"),
        # "avant que la police lève le barrage": someone else, maybe elsewhere
        ("que que SCONJ 9 fixed\nla le DET 12 det\npolice police NOUN 13 nsubj\n"
         "lève lever VERB 6 advcl VerbForm=Fin|Mood=Sub\nle le DET 15 det\n"
         "barrage barrage NOUN 13 obj", None),
    ],
)  # fmt: skip
def test_a_clause_without_subject_happened_where_the_verb_it_hangs_from(
    clause: str, place: str | None
) -> None:
    doc = with_places(parsed("fr", LIFTED.format(clause=clause)), ("Paris", "city"))
    events = code_events(doc)
    lifted = next(e for e in events if e.text in {"lever", "lève"})
    assert lifted.type == "RETREAT" and lifted.place == place
    assert next(e for e in events if e.text == "bloqué").place == "p1"


def test_a_time_the_model_took_for_a_place_is_not_where() -> None:
    rows = """
    Hier hier ADV 4 advmod
    les le DET 2 det
    policiers policier NOUN 4 nsubj Number=Plur
    ont avoir AUX 4 aux:tense
    arrêté arrêter VERB 4 ROOT VerbForm=Part
    des un DET 6 det
    migrants migrant NOUN 4 obj Number=Plur
    . . PUNCT 4 punct
    """
    event = one(with_places(parsed("fr", rows), ("Hier", None)))
    assert (event.place, event.date_value) == (None, "2025-11-28")


def test_a_resignation_and_a_meeting_with_a_counterpart() -> None:
    resigned = """
    The the DET 1 det
    minister minister NOUN 2 nsubj Number=Sing
    resigned resign VERB 2 ROOT Tense=Past|VerbForm=Fin
    . . PUNCT 2 punct
    """
    assert one(parsed("en", resigned)).type == "RETREAT"  # no office needs naming
    met = """
    The the DET 1 det
    minister minister NOUN 2 nsubj Number=Sing
    met meet VERB 2 ROOT Tense=Past|VerbForm=Fin
    with with ADP 2 prep
    his his PRON 5 poss
    counterpart counterpart NOUN 3 pobj Number=Sing
    . . PUNCT 2 punct
    """
    assert one(parsed("en", met)).type == "CONSULT"  # a counterpart is someone to meet


def test_a_deed_happened_where_its_target_is_placed() -> None:
    rows = """
    Gunmen gunman NOUN 1 nsubj Number=Plur
    killed kill VERB 1 ROOT Tense=Past|VerbForm=Fin
    a a DET 3 det
    candidate candidate NOUN 1 dobj Number=Sing
    for for ADP 3 prep
    mayor mayor NOUN 4 pobj Number=Sing
    of of ADP 5 prep
    a a DET 8 det
    town town NOUN 6 pobj Number=Sing
    in in ADP 8 prep
    Guerrero Guerrero PROPN 11 compound
    state state NOUN 9 pobj Number=Sing
    . . PUNCT 1 punct
    """
    event = one(with_places(parsed("en", rows), ("Guerrero", "admin1")))
    assert (event.type, event.place) == ("ASSAULT", "p1")


def test_a_place_of_what_an_amount_counts_and_not_of_a_currency() -> None:
    rows = """
    Miles mil NUM 3 nsubj
    de de ADP 2 case
    agricultores agricultor NOUN 0 nmod Number=Plur
    cortaron cortar VERB 3 ROOT Mood=Ind|Tense=Past|VerbForm=Fin
    con con ADP 6 case
    tractores tractor NOUN 6 amod
    decenas decena NOUN 3 obl Number=Plur
    de de ADP 8 case
    carreteras carretera NOUN 6 nmod Number=Plur
    en en ADP 10 case
    Cataluña Cataluña PROPN 6 nmod
    . . PUNCT 3 punct
    """
    doc = parsed("es", rows)
    counted = doc.text.index("decenas")
    end = doc.text.index(" en Cataluña")
    doc._.records["amounts"] = (
        Amount("a1", doc.text[counted:end], counted, end, low=20, high=99, unit="carretera"),
    )
    event = one(with_places(doc, ("Cataluña", "admin1")))
    assert (event.type, event.place) == ("PROTEST", "p1")  # the parse hangs it on "decenas"


SAID_NOTHING = """
Police police NOUN 1 nsubj Number=Plur
refused refuse VERB 1 ROOT Tense=Past|VerbForm=Fin
to to PART 3 aux
{verb} {lemma} VERB 1 xcomp VerbForm=Inf
. . PUNCT 1 punct
"""


def test_declining_to_comment_is_not_a_rejection() -> None:
    assert code_events(parsed("en", SAID_NOTHING.format(verb="comment", lemma="comment"))) == []


def test_a_vow_to_bring_culprits_to_justice_is_a_threat_of_arrest() -> None:
    rows = """
    Clinton Clinton PROPN 1 nsubj
    vowed vow VERB 1 ROOT Tense=Past|VerbForm=Fin
    to to PART 3 aux
    bring bring VERB 1 xcomp VerbForm=Inf
    the the DET 5 det
    bombers bomber NOUN 3 dobj Number=Plur
    to to ADP 3 prep
    justice justice NOUN 6 pobj
    . . PUNCT 1 punct
    """
    event = one(parsed("en", rows, (("Clinton", "PER"),)))
    assert (event.type, event.mode, event.status) == ("THREATEN", "detain", "threatened")


def test_what_a_protest_demands_is_its_content() -> None:
    rows = """
    Thousands thousand NOUN 1 nsubj Number=Plur
    joined join VERB 1 ROOT Tense=Past|VerbForm=Fin
    a a DET 3 det
    demonstration demonstration NOUN 1 dobj
    demanding demand VERB 3 acl VerbForm=Ger
    his his PRON 6 poss
    return return NOUN 4 dobj
    . . PUNCT 1 punct
    """
    assert [e.type for e in code_events(parsed("en", rows))] == ["PROTEST"]


@pytest.mark.parametrize(
    ("rows", "types"),
    [
        ("Workers worker NOUN 1 nsubj Number=Plur\nwalked walk VERB 1 ROOT Tense=Past\n"
         "out out ADP 1 prt\n. . PUNCT 1 punct", ["PROTEST"]),
        ("Workers worker NOUN 1 nsubj Number=Plur\nwalked walk VERB 1 ROOT Tense=Past\n"
         "home home ADV 1 advmod\n. . PUNCT 1 punct", []),
        ("Envoys envoy NOUN 1 nsubj Number=Plur\ndemonstrated demonstrate VERB 1 ROOT Tense=Past\n"
         "their their PRON 3 poss\nsupport support NOUN 1 dobj\n. . PUNCT 1 punct", []),
        ("Kast Kast PROPN 1 nsubj\nsought seek VERB 1 ROOT Tense=Past\nto to PART 3 aux\n"
         "help help VERB 1 xcomp VerbForm=Inf\nthem they PRON 3 dobj\n. . PUNCT 1 punct", []),
    ],
)  # fmt: skip
def test_walking_showing_and_trying_are_not_protests_or_requests(
    rows: str, types: list[str]
) -> None:
    people = (("Kast", "PER"),) if "Kast" in rows else ()
    assert [e.type for e in code_events(parsed("en", rows, people))] == types


def test_a_participle_clause_without_subject_places_the_action() -> None:
    rows = """
    Speaking speak VERB 5 advcl VerbForm=Part
    in in ADP 0 prep
    Juba Juba PROPN 1 pobj
    , , PUNCT 5 punct
    Kiir Kiir PROPN 5 nsubj
    denounced denounce VERB 5 ROOT Tense=Past|VerbForm=Fin
    the the DET 7 det
    government government NOUN 5 dobj
    . . PUNCT 5 punct
    """
    event = one(with_places(parsed("en", rows, (("Kiir", "PER"),)), ("Juba", "city")))
    assert (event.type, event.place) == ("ACCUSE", "p1")


def test_the_person_a_deed_noun_is_of_is_its_target() -> None:
    rows = """
    Protesters protester NOUN 1 nsubj Number=Plur
    condemned condemn VERB 1 ROOT Tense=Past|VerbForm=Fin
    the the DET 3 det
    killing killing NOUN 1 dobj Number=Sing
    of of ADP 3 prep
    Alexis Alexis PROPN 4 pobj
    . . PUNCT 1 punct
    """
    events = code_events(parsed("en", rows, (("Alexis", "PER"),)))
    killing = next(e for e in events if e.type == "ASSAULT")
    assert ([a.text for a in killing.actors], [t.text for t in killing.targets]) == ([], ["Alexis"])


@pytest.mark.parametrize(
    ("other", "lemma", "kind"), [("police", "police", "PROTEST"), ("troops", "troop", "ASSAULT")]
)
def test_a_clash_with_the_police_is_a_riot(other: str, lemma: str, kind: str) -> None:
    rows = f"""
    Youths youth NOUN 1 nsubj Number=Plur
    clashed clash VERB 1 ROOT Tense=Past|VerbForm=Fin
    with with ADP 1 prep
    {other} {lemma} NOUN 2 pobj Number=Plur
    . . PUNCT 1 punct
    """
    assert one(parsed("en", rows)).type == kind


def test_what_a_passive_relative_clause_acts_on_is_its_antecedent() -> None:
    rows = """
    La le DET 1 det
    mairie mairie NOUN 2 nsubj
    présente présenter VERB 2 ROOT Tense=Pres|VerbForm=Fin
    le le DET 4 det
    contrat contrat NOUN 2 obj
    , , PUNCT 4 punct
    qui qui PRON 8 nsubj:pass PronType=Rel
    sera être AUX 8 aux:pass Tense=Fut|VerbForm=Fin
    signé signer VERB 4 acl:relcl VerbForm=Part|Voice=Pass
    . . PUNCT 2 punct
    """
    event = one(parsed("fr", rows))
    assert (event.type, event.status) == ("AGREE", "planned")
    assert [t.text for t in event.targets] == ["le contrat"]


def test_a_ban_of_anything_restricts() -> None:
    rows = """
    Brussels Brussels PROPN 1 nsubj
    banned ban VERB 1 ROOT Tense=Past|VerbForm=Fin
    the the DET 3 det
    airlines airline NOUN 1 dobj Number=Plur
    . . PUNCT 1 punct
    """
    event = one(parsed("en", rows))
    assert (event.type, event.mode) == ("COERCE", "restrict")


def test_a_deed_told_far_apart_to_the_same_person_is_one_event() -> None:
    rows = """
    The the DET 1 det
    killing killing NOUN 5 nsubj Number=Sing
    of of ADP 1 prep
    Alexis Alexis PROPN 2 pobj
    deeply deeply ADV 5 advmod
    shocked shock VERB 5 ROOT Tense=Past|VerbForm=Fin
    Greece Greece PROPN 5 dobj
    . . PUNCT 5 punct
    The the DET 9 det
    weather weather NOUN 11 nsubj
    was be AUX 11 cop
    cold cold ADJ 11 ROOT
    . . PUNCT 11 punct
    The the DET 14 det
    night night NOUN 16 nsubj
    was be AUX 16 cop
    long long ADJ 16 ROOT
    . . PUNCT 16 punct
    Korkoneas Korkoneas PROPN 19 nsubj
    killed kill VERB 19 ROOT Tense=Past|VerbForm=Fin
    Alexis Alexis PROPN 19 dobj
    . . PUNCT 19 punct
    """
    doc = parsed("en", rows, (("Korkoneas", "PER"), ("Alexis", "PER")))
    (killing,) = [e for e in code_events(doc) if e.type == "ASSAULT"]
    assert [a.text for a in killing.actors] == ["Korkoneas"] and len(killing.evidence) == 2


def test_fire_opened_on_people_where_they_were() -> None:
    rows = """
    Police police NOUN 1 nsubj Number=Plur
    opened open VERB 1 ROOT Tense=Past|VerbForm=Fin
    fire fire NOUN 1 dobj
    on on ADP 1 prep
    protesters protester NOUN 3 pobj Number=Plur
    who who PRON 6 nsubj PronType=Rel
    stormed storm VERB 4 relcl Tense=Past|VerbForm=Fin
    the the DET 8 det
    parliament parliament NOUN 6 dobj
    in in ADP 6 prep
    Nairobi Nairobi PROPN 9 pobj
    . . PUNCT 1 punct
    """
    doc = with_places(parsed("en", rows), ("Nairobi", "city"))
    fired = next(e for e in code_events(doc) if e.type == "ASSAULT")
    assert ([t.text for t in fired.targets], fired.place) == (["protesters"], "p1")


def test_an_action_on_the_spot_happened_where_the_one_before_did() -> None:
    rows = """
    Les le DET 1 det
    policiers policier NOUN 3 nsubj Number=Plur
    ont avoir AUX 3 aux:tense
    démantelé démanteler VERB 3 ROOT VerbForm=Part
    le le DET 5 det
    campement campement NOUN 3 obj
    à à ADP 7 case
    Calais Calais PROPN 3 obl:mod
    . . PUNCT 3 punct
    L' le DET 10 det
    association association NOUN 12 nsubj
    a avoir AUX 12 aux:tense
    distribué distribuer VERB 12 ROOT VerbForm=Part
    des un DET 14 det
    repas repas NOUN 12 obj Number=Plur
    sur sur ADP 16 case
    place place NOUN 12 obl:mod
    . . PUNCT 12 punct
    """
    events = code_events(with_places(parsed("fr", rows), ("Calais", "city")))
    assert [(e.type, e.place) for e in events] == [("COERCE", "p1"), ("AID", "p1")]


@pytest.mark.parametrize(
    ("verb", "lemma", "particle", "place"),
    [("took", "take", "off off ADP 7 prt\nfrom from ADP 7 prep", "p1"),
     ("landed", "land", "safely safely ADV 7 advmod\nin in ADP 7 prep", None)],
)  # fmt: skip
def test_people_were_sent_from_where_their_plane_left(
    verb: str, lemma: str, particle: str, place: str | None
) -> None:
    rows = f"""
    Chile Chile PROPN 1 nsubj
    expelled expel VERB 1 ROOT Tense=Past|VerbForm=Fin
    migrants migrant NOUN 1 dobj Number=Plur
    aboard aboard ADP 1 prep
    a a DET 5 det
    plane plane NOUN 3 pobj Number=Sing
    that that PRON 7 nsubj PronType=Rel
    {verb} {lemma} VERB 5 relcl Tense=Past|VerbForm=Fin
    {particle}
    Iquique Iquique PROPN 9 pobj
    . . PUNCT 1 punct
    """
    event = one(with_places(parsed("en", rows, (("Chile", "LOC"),)), ("Iquique", "city")))
    assert (event.mode, event.place) == ("expel", place)  # not where it landed


def test_a_visit_and_what_was_signed_at_it_took_place_in_the_city_visited() -> None:
    rows = """
    Sanchez Sanchez PROPN 1 nsubj
    visited visit VERB 1 ROOT Tense=Past|VerbForm=Fin
    Nouakchott Nouakchott PROPN 1 dobj
    on on ADP 1 prep
    Thursday Thursday PROPN 3 pobj
    . . PUNCT 1 punct
    At at ADP 11 prep
    the the DET 8 det
    meeting meeting NOUN 6 pobj
    the the DET 10 det
    EU EU PROPN 11 nsubj
    signed sign VERB 11 ROOT Tense=Past|VerbForm=Fin
    a a DET 13 det
    pact pact NOUN 11 dobj
    . . PUNCT 11 punct
    """
    doc = parsed("en", rows, (("Sanchez", "PER"), ("Nouakchott", "PER"), ("EU", "ORG")))
    events = code_events(with_places(doc, ("Nouakchott", "city")))
    assert [(e.type, e.place) for e in events] == [("CONSULT", "p1"), ("AGREE", "p1")]


def test_where_a_speaker_made_the_remarks_is_where_the_threat_was_made() -> None:
    rows = """
    Kast Kast PROPN 1 nsubj
    threatened threaten VERB 1 ROOT Tense=Past|VerbForm=Fin
    to to PART 3 aux
    expel expel VERB 1 xcomp VerbForm=Inf
    migrants migrant NOUN 3 dobj Number=Plur
    . . PUNCT 1 punct
    Kast Kast PROPN 7 nsubj
    made make VERB 7 ROOT Tense=Past|VerbForm=Fin
    the the DET 9 det
    remarks remark NOUN 7 dobj Number=Plur
    at at ADP 7 prep
    a a DET 12 det
    rally rally NOUN 10 pobj
    in in ADP 12 prep
    Arica Arica PROPN 13 pobj
    . . PUNCT 7 punct
    """
    doc = with_places(parsed("en", rows, (("Kast", "PER"),)), ("Arica", "city"))
    threat = next(e for e in code_events(doc) if e.type == "THREATEN")
    assert threat.place == "p1" and "said in 'Arica'" in threat.reasons


def test_a_deed_to_people_who_reached_a_place_happened_there() -> None:
    rows = """
    48 48 NUM 1 nummod
    migrantes migrante NOUN 8 nsubj Number=Plur
    que que PRON 3 nsubj PronType=Rel
    lograron lograr VERB 1 acl Tense=Past|VerbForm=Fin
    alcanzar alcanzar VERB 3 xcomp VerbForm=Inf
    la el DET 6 det
    playa playa NOUN 4 obj
    fueron ser AUX 8 aux
    devueltos devolver VERB 8 ROOT VerbForm=Part
    a a ADP 10 case
    Marruecos Marruecos PROPN 8 obj
    . . PUNCT 8 punct
    """
    doc = with_places(parsed("es", rows), ("la playa", None), ("Marruecos", "country"))
    event = one(doc)
    assert (event.mode, event.place) == ("return", "p1")


def test_force_used_with_a_weapon_is_the_subjects() -> None:
    rows = """
    Police police NOUN 1 nsubj Number=Plur
    responded respond VERB 1 ROOT Tense=Past|VerbForm=Fin
    with with ADP 1 prep
    barrages barrage NOUN 2 pobj Number=Plur
    of of ADP 3 prep
    tear tear NOUN 6 compound
    gas gas NOUN 4 pobj
    . . PUNCT 1 punct
    """
    event = one(parsed("en", rows))
    assert (event.type, [a.text for a in event.actors]) == ("COERCE", ["Police"])


def test_a_protest_told_as_its_clauses_subject_needs_no_one_named() -> None:
    rows = """
    Protests protest NOUN 2 nsubj Number=Plur
    have have AUX 2 aux
    overtaken overtake VERB 2 ROOT Tense=Past|VerbForm=Part
    Greece Greece PROPN 2 dobj
    . . PUNCT 2 punct
    Trump Trump PROPN 6 nsubj
    spoke speak VERB 6 ROOT Tense=Past|VerbForm=Fin
    at at ADP 6 prep
    a a DET 9 det
    rally rally NOUN 7 pobj
    . . PUNCT 6 punct
    """
    events = code_events(parsed("en", rows))
    assert [(e.type, e.text, e.actors) for e in events] == [("PROTEST", "Protests", ())]


def test_two_verbs_joined_each_with_its_object_are_two_deeds() -> None:
    rows = """
    Des un DET 1 det
    membres membre NOUN 3 nsubj Number=Plur
    ont avoir AUX 3 aux:tense
    tué tuer VERB 3 ROOT VerbForm=Part
    70 70 NUM 5 nummod
    personnes personne NOUN 3 obj Number=Plur
    et et CCONJ 7 cc
    incendié incendier VERB 3 conj VerbForm=Part
    des un DET 9 det
    maisons maison NOUN 7 obj Number=Plur
    . . PUNCT 3 punct
    """
    events = code_events(parsed("fr", rows))
    assert [(e.text, [t.text for t in e.targets]) for e in events] == [
        ("tué", ["70 personnes"]),
        ("incendié", ["des maisons"]),
    ]


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        ("pris d'assaut", ("pris", "d'", "assaut")),
        ("à l’issue de", ("à", "l'", "issue", "de")),
        ("aujourd'hui", ("aujourd'hui",)),
    ],
)
def test_a_phrase_is_split_as_the_parser_splits_elided_words(
    phrase: str, words: tuple[str, ...]
) -> None:
    assert phrase_words(phrase) == words


def test_a_phrase_with_an_elided_word_is_a_trigger() -> None:
    rows = """
    Des un DET 1 det
    manifestants manifestant NOUN 3 nsubj Number=Plur
    ont avoir AUX 3 aux:tense
    pris prendre VERB 3 ROOT VerbForm=Part
    d' de ADP 5 case
    assaut assaut NOUN 3 obl:arg
    le le DET 7 det
    Parlement parlement NOUN 3 obj
    . . PUNCT 3 punct
    """
    event = one(parsed("fr", rows))
    assert (event.type, event.mode) == ("PROTEST", "riot")


def test_an_action_done_there_happened_at_the_place_told_before() -> None:
    rows = """
    Police police NOUN 3 nsubj Number=Plur
    in in ADP 0 prep
    Arica Arica PROPN 1 pobj
    said say VERB 3 ROOT Tense=Past|VerbForm=Fin
    migrants migrant NOUN 6 nsubjpass Number=Plur
    were be AUX 6 auxpass
    detained detain VERB 3 ccomp Tense=Past|VerbForm=Part
    there there ADV 6 advmod
    . . PUNCT 3 punct
    """
    doc = with_places(parsed("en", rows), ("Arica", "city"))
    event = one(doc)
    assert (event.type, event.place) == ("COERCE", "p1")


def test_an_action_that_is_a_verbs_means_happened_where_the_verb_struck() -> None:
    rows = """
    La le DET 1 det
    CGT CGT PROPN 3 nsubj
    a avoir AUX 3 aux:tense
    paralysé paralyser VERB 3 ROOT VerbForm=Part
    l' le DET 5 det
    Argentine Argentine PROPN 3 obj
    avec avec ADP 8 case
    sa son DET 8 det
    grève grève NOUN 3 obl:mod
    . . PUNCT 3 punct
    """
    doc = with_places(parsed("fr", rows), ("Argentine", "country"))
    strike = next(e for e in code_events(doc) if e.text == "grève")
    assert (strike.type, [a.text for a in strike.actors], strike.place) == (
        "PROTEST",
        ["La CGT"],
        "p1",
    )


def test_a_squad_of_police_acts() -> None:
    rows = """
    Its its PRON 1 poss
    squad squad NOUN 2 nsubj
    arrested arrest VERB 2 ROOT Tense=Past|VerbForm=Fin
    two two NUM 4 nummod
    people person NOUN 2 dobj Number=Plur
    . . PUNCT 2 punct
    """
    event = one(parsed("en", rows))
    assert (event.type, [a.text for a in event.actors]) == ("COERCE", ["Its squad"])


def test_inmates_captured_are_people_detained() -> None:
    rows = """
    Two two NUM 1 nummod
    inmates inmate NOUN 4 nsubjpass Number=Plur
    have have AUX 4 aux
    been be AUX 4 auxpass
    captured capture VERB 4 ROOT Tense=Past|VerbForm=Part
    . . PUNCT 4 punct
    """
    event = one(parsed("en", rows))
    assert (event.type, [t.text for t in event.targets]) == ("COERCE", ["Two inmates"])


@pytest.mark.parametrize(
    ("verb", "lemma", "kind"),
    [("hijacked", "hijack", "ASSAULT"), ("forbade", "forbid", "COERCE"),
     ("complimented", "compliment", "SUPPORT")],
)  # fmt: skip
def test_words_of_hijacking_forbidding_and_complimenting(verb: str, lemma: str, kind: str) -> None:
    rows = f"""
    Rebels rebel NOUN 1 nsubj Number=Plur
    {verb} {lemma} VERB 1 ROOT Tense=Past|VerbForm=Fin
    the the DET 3 det
    leaders leader NOUN 1 dobj Number=Plur
    . . PUNCT 1 punct
    """
    assert one(parsed("en", rows)).type == kind


@pytest.mark.parametrize(
    ("words", "kind"),
    [("lit light VERB 1 ROOT|into into ADP 1 prep", "ACCUSE"),
     ("spoke speak VERB 1 ROOT|out out ADP 1 prt|against against ADP 1 prep", "ACCUSE"),
     ("bombarded bombard VERB 1 ROOT", "ASSAULT"),
     ("worked work VERB 1 ROOT|closely closely ADV 1 advmod|with with ADP 1 prep", "COOPERATE")],
)  # fmt: skip
def test_words_of_criticism_bombardment_and_working_together(words: str, kind: str) -> None:
    rows = words.split("|")
    the = f"the the DET {len(rows) + 2} det"
    leaders = f"leaders leader NOUN {len(rows)} pobj Number=Plur"
    table = "\n".join(
        ["Rebels rebel NOUN 1 nsubj Number=Plur", *rows, the, leaders, ". . PUNCT 1 punct"]
    )
    if kind == "ASSAULT":  # a verb's own object
        table = table.replace(f"leader NOUN {len(rows)} pobj", "leader NOUN 1 dobj")
    assert one(parsed("en", table)).type == kind


@pytest.mark.parametrize(
    ("verb", "thing", "kind"),
    [("attacked attack", "policy policy", "ACCUSE"), ("struck strike", "deal deal", "AGREE"),
     ("attacked attack", "convoy convoy", "ASSAULT")],
)  # fmt: skip
def test_what_is_attacked_or_struck_says_what_was_done(verb: str, thing: str, kind: str) -> None:
    rows = f"""
    Rebels rebel NOUN 1 nsubj Number=Plur
    {verb} VERB 1 ROOT Tense=Past|VerbForm=Fin
    the the DET 3 det
    {thing} NOUN 1 dobj Number=Sing
    over over ADP 1 prep
    a a DET 6 det
    decision decision NOUN 4 pobj Number=Sing
    . . PUNCT 1 punct
    """
    # only what it is done to counts, not the words around it ("over a decision")
    assert one(parsed("en", rows)).type == kind


def test_dismissing_people_removes_them_and_dismissing_as_criticises() -> None:
    rows = """
    Commissioners commissioner NOUN 1 nsubj Number=Plur
    dismissed dismiss VERB 1 ROOT Tense=Past|VerbForm=Fin
    four four NUM 3 nummod
    members member NOUN 1 dobj Number=Plur
    . . PUNCT 1 punct
    """
    assert one(parsed("en", rows)).type == "SANCTION"
    rows = """
    Critics critic NOUN 1 nsubj Number=Plur
    dismissed dismiss VERB 1 ROOT Tense=Past|VerbForm=Fin
    the the DET 3 det
    vote vote NOUN 1 dobj Number=Sing
    as as ADP 1 prep
    a a DET 6 det
    sham sham NOUN 4 pobj Number=Sing
    . . PUNCT 1 punct
    """
    assert one(parsed("en", rows)).type == "ACCUSE"


def test_one_actor_described_twice_in_fewer_words_tells_one_action() -> None:
    rows = """
    The the DET 2 det
    influential influential ADJ 2 amod
    newspaper newspaper NOUN 3 nsubj Number=Sing
    endorsed endorse VERB 3 ROOT Tense=Past|VerbForm=Fin
    Clinton Clinton PROPN 3 dobj Number=Sing
    . . PUNCT 3 punct
    The the DET 7 det
    newspaper newspaper NOUN 8 nsubj Number=Sing
    endorsed endorse VERB 8 ROOT Tense=Past|VerbForm=Fin
    Clinton Clinton PROPN 8 dobj Number=Sing
    again again ADV 8 advmod
    . . PUNCT 8 punct
    """
    event = one(parsed("en", rows))
    assert (event.type, len(event.evidence)) == ("SUPPORT", 2)


@pytest.mark.parametrize(
    ("aux", "kind", "status"),
    [("would would AUX 3 aux VerbForm=Fin", "REJECT", "planned"),
     ("did do AUX 3 aux Tense=Past|VerbForm=Fin", "CONCEDE", "negated")],
)  # fmt: skip
def test_a_concession_someone_will_not_make_is_a_refusal(aux: str, kind: str, status: str) -> None:
    rows = f"""
    Officials official NOUN 3 nsubj Number=Plur
    {aux}
    not not PART 3 neg
    release release VERB 3 ROOT VerbForm=Inf
    the the DET 5 det
    prisoners prisoner NOUN 3 dobj Number=Plur
    . . PUNCT 3 punct
    """
    event = one(parsed("en", rows))
    assert (event.type, event.status) == (kind, status)


def test_a_french_conditional_read_as_an_imperfect_is_a_refusal() -> None:
    rows = """
    Elles elle PRON 2 nsubj Number=Plur|Person=3
    ne ne ADV 2 advmod Polarity=Neg
    céderaient céder VERB 2 ROOT Mood=Ind|Tense=Imp|VerbForm=Fin
    pas pas ADV 2 advmod Polarity=Neg
    aux à ADP 5 case
    ravisseurs ravisseur NOUN 2 obl:arg Number=Plur
    . . PUNCT 2 punct
    """
    assert one(parsed("fr", rows)).type == "REJECT"


@pytest.mark.parametrize(("prep", "kept"), [("amid amid", True), ("at at", False)])
def test_a_protest_after_a_preposition_that_tells_it_took_place(prep: str, kept: bool) -> None:
    rows = f"""
    Violence violence NOUN 1 nsubj Number=Sing
    erupted erupt VERB 1 ROOT Tense=Past|VerbForm=Fin
    {prep} ADP 1 prep
    protests protest NOUN 2 pobj Number=Plur
    . . PUNCT 1 punct
    """
    assert [e.type for e in code_events(parsed("en", rows))] == (["PROTEST"] if kept else [])


@pytest.mark.parametrize(
    ("lang", "verb", "thing"),
    [("en", "dropped drop", "lawsuit lawsuit"), ("es", "retiró retirar", "demanda demanda"),
     ("fr", "retire retirer", "plainte plainte")],
)  # fmt: skip
def test_dropping_a_lawsuit_concedes(lang: str, verb: str, thing: str) -> None:
    rows = ["She she PRON 1 nsubj", f"{verb} VERB 1 ROOT", "the the DET 3 det"]
    table = "\n".join([*rows, f"{thing} NOUN 1 obj", ". . PUNCT 1 punct"])
    assert [e.type for e in code_events(parsed(lang, table))] == ["CONCEDE"]


def test_a_protest_that_overtook_a_country_happened_there() -> None:
    rows = """
    Protests protest NOUN 2 nsubj Number=Plur
    have have AUX 2 aux
    overtaken overtake VERB 2 ROOT Tense=Past|VerbForm=Part
    Greece Greece PROPN 2 dobj
    . . PUNCT 2 punct
    """
    event = one(with_places(parsed("en", rows), ("Greece", "country")))
    assert (event.type, event.place) == ("PROTEST", "p1")


def test_the_second_of_two_joined_deeds_happened_where_the_first_did() -> None:
    rows = """
    The the DET 1 det
    navy navy NOUN 2 nsubj
    attacked attack VERB 2 ROOT Tense=Past|VerbForm=Fin
    pirates pirate NOUN 2 dobj Number=Plur
    in in ADP 2 prep
    Aden Aden PROPN 4 pobj
    and and CCONJ 2 cc
    arrested arrest VERB 2 conj Tense=Past|VerbForm=Fin
    23 23 NUM 9 nummod
    men man NOUN 7 dobj Number=Plur
    . . PUNCT 2 punct
    """
    events = code_events(with_places(parsed("en", rows), ("Aden", "city")))
    assert [(e.type, e.place) for e in events] == [("ASSAULT", "p1"), ("COERCE", "p1")]


def test_a_killing_by_an_accident_is_no_ones_deed() -> None:
    rows = """
    The the DET 1 det
    jet jet NOUN 2 nsubj
    crashed crash VERB 2 ROOT Tense=Past|VerbForm=Fin
    , , PUNCT 2 punct
    killing kill VERB 2 advcl VerbForm=Part|Tense=Pres
    228 228 NUM 6 nummod
    people person NOUN 4 dobj Number=Plur
    . . PUNCT 2 punct
    Gunmen gunman NOUN 9 nsubj Number=Plur
    killed kill VERB 9 ROOT Tense=Past|VerbForm=Fin
    30 30 NUM 11 nummod
    people person NOUN 9 dobj Number=Plur
    . . PUNCT 9 punct
    """
    events = code_events(parsed("en", rows))
    assert [(e.type, e.text) for e in events] == [("ASSAULT", "killed")]


def test_a_dateline_is_neither_who_acted_nor_where() -> None:
    rows = """
    TORONTO TORONTO PROPN 3 nsubj
    — — PUNCT 0 punct
    Police police NOUN 3 nsubj
    arrested arrest VERB 3 ROOT Tense=Past|VerbForm=Fin
    two two NUM 5 nummod
    men man NOUN 3 dobj Number=Plur
    . . PUNCT 3 punct
    """
    doc = with_places(parsed("en", rows), ("TORONTO", "city"))
    event = one(doc)
    assert ([a.text for a in event.actors], event.place) == (["Police"], None)


@pytest.mark.parametrize(
    ("verb", "lemma", "status"), [("said", "say", "occurred"), ("hoped", "hope", "historical")]
)
def test_a_pluperfect_said_in_the_past_is_the_storys_past(
    verb: str, lemma: str, status: str
) -> None:
    rows = f"""
    Officials official NOUN 1 nsubj Number=Plur
    {verb} {lemma} VERB 1 ROOT Tense=Past|VerbForm=Fin
    gunmen gunman NOUN 5 nsubj Number=Plur
    had have AUX 5 aux Tense=Past|VerbForm=Fin
    been be AUX 5 aux Tense=Past|VerbForm=Part
    killed kill VERB 1 ccomp Tense=Past|VerbForm=Part
    12 12 NUM 7 nummod
    people person NOUN 5 dobj Number=Plur
    . . PUNCT 1 punct
    """
    event = one(parsed("en", rows))
    assert (event.type, event.status) == ("ASSAULT", status)


def test_a_verb_joined_to_a_passive_one_is_passive_too() -> None:
    rows = """
    Two two NUM 1 nummod
    men man NOUN 4 nsubjpass Number=Plur
    have have AUX 4 aux Tense=Pres|VerbForm=Fin
    been be AUX 4 auxpass Tense=Past|VerbForm=Part
    arrested arrest VERB 4 ROOT Tense=Past|VerbForm=Part
    and and CCONJ 4 cc
    charged charge VERB 4 conj Tense=Past|VerbForm=Part
    . . PUNCT 4 punct
    """
    events = code_events(parsed("en", rows))
    assert [(e.type, [t.text for t in e.targets]) for e in events] == [
        ("COERCE", ["Two men"]),
        ("ACCUSE", ["Two men"]),
    ]


def test_setting_fire_to_a_building_is_an_attack() -> None:
    rows = """
    Rioters rioter NOUN 1 nsubj Number=Plur
    set set VERB 1 ROOT Tense=Past|VerbForm=Fin
    fire fire NOUN 1 dobj
    to to ADP 1 prep
    a a DET 5 det
    bank bank NOUN 3 pobj
    . . PUNCT 1 punct
    """
    event = one(parsed("en", rows))
    assert (event.type, [a.text for a in event.actors]) == ("ASSAULT", ["Rioters"])


def test_a_phone_call_is_a_consultation_not_a_call_for_something() -> None:
    rows = """
    Trump Trump PROPN 1 nsubj
    made make VERB 1 ROOT Tense=Past|VerbForm=Fin
    a a DET 4 det
    phone phone NOUN 4 compound
    call call NOUN 1 dobj
    to to ADP 4 prep
    Putin Putin PROPN 5 pobj
    . . PUNCT 1 punct
    """
    event = one(parsed("en", rows, (("Trump", "PER"), ("Putin", "PER"))))
    assert event.type == "CONSULT"


def test_a_request_received_is_its_senders() -> None:
    rows = """
    The the DET 1 det
    embassy embassy NOUN 2 nsubj
    received receive VERB 2 ROOT Tense=Past|VerbForm=Fin
    a a DET 4 det
    request request NOUN 2 dobj
    from from ADP 4 prep
    the the DET 7 det
    ministry ministry NOUN 5 pobj
    . . PUNCT 2 punct
    """
    event = one(parsed("en", rows))
    assert (event.type, [a.text for a in event.actors], [t.text for t in event.targets]) == (
        "REQUEST",
        ["the ministry"],
        ["The embassy"],
    )


@pytest.mark.parametrize(
    ("rows", "kind"),
    [
        # "Clinton attacked her opponent as a fraud": criticised
        ("Clinton Clinton PROPN 1 nsubj\nattacked attack VERB 1 ROOT Tense=Past|VerbForm=Fin\n"
         "her her PRON 3 poss\nopponent opponent NOUN 1 dobj Number=Sing\nas as ADP 1 prep\n"
         "a a DET 6 det\nfraud fraud NOUN 4 pobj Number=Sing\n. . PUNCT 1 punct", "ACCUSE"),
        # "Kuhl fired Reams": removed from his post
        ("Kuhl Kuhl PROPN 1 nsubj\nfired fire VERB 1 ROOT Tense=Past|VerbForm=Fin\n"
         "Reams Reams PROPN 1 dobj\n. . PUNCT 1 punct", "SANCTION"),
        # "Police fired at the men": shooting, not dismissing
        ("Police police NOUN 1 nsubj\nfired fire VERB 1 ROOT Tense=Past|VerbForm=Fin\n"
         "at at ADP 1 prep\nthe the DET 4 det\nmen man NOUN 2 pobj Number=Plur\n"
         ". . PUNCT 1 punct", "ASSAULT"),
        # "The government is offering a reward": asking for information
        ("The the DET 1 det\ngovernment government NOUN 3 nsubj Number=Sing\n"
         "is be AUX 3 aux\noffering offer VERB 3 ROOT VerbForm=Ger\na a DET 5 det\n"
         "reward reward NOUN 3 dobj Number=Sing\n. . PUNCT 3 punct", "REQUEST"),
        # "Police charged him with murder": the murder is the charge, not a deed told again
        ("Police police NOUN 1 nsubj\ncharged charge VERB 1 ROOT Tense=Past|VerbForm=Fin\n"
         "him he PRON 1 dobj\nwith with ADP 1 prep\nmurder murder NOUN 3 pobj Number=Sing\n"
         ". . PUNCT 1 punct", "ACCUSE"),
        # "The board fined Smith"
        ("The the DET 1 det\nboard board NOUN 2 nsubj Number=Sing\n"
         "fined fine VERB 2 ROOT Tense=Past|VerbForm=Fin\nSmith Smith PROPN 2 dobj\n"
         ". . PUNCT 2 punct", "SANCTION"),
        # "Officials revoked his visa": a punishment; "revoked the decree": giving way
        ("Officials official NOUN 1 nsubj Number=Plur\n"
         "revoked revoke VERB 1 ROOT Tense=Past|VerbForm=Fin\nhis his PRON 3 poss\n"
         "visa visa NOUN 1 dobj Number=Sing\n. . PUNCT 1 punct", "SANCTION"),
        ("Officials official NOUN 1 nsubj Number=Plur\n"
         "revoked revoke VERB 1 ROOT Tense=Past|VerbForm=Fin\nthe the DET 3 det\n"
         "decree decree NOUN 1 dobj Number=Sing\n. . PUNCT 1 punct", "CONCEDE"),
        # "The panel held Smith in contempt": a charge, not a detention
        ("The the DET 1 det\npanel panel NOUN 2 nsubj Number=Sing\n"
         "held hold VERB 2 ROOT Tense=Past|VerbForm=Fin\nSmith Smith PROPN 2 dobj\n"
         "in in ADP 2 prep\ncontempt contempt NOUN 4 pobj Number=Sing\n. . PUNCT 2 punct",
         "ACCUSE"),
        # "The driver was cited for speeding": charged with an offence
        ("The the DET 1 det\ndriver driver NOUN 3 nsubjpass Number=Sing\n"
         "was be AUX 3 auxpass Tense=Past\ncited cite VERB 3 ROOT Tense=Past|VerbForm=Part\n"
         "for for ADP 3 prep\nspeeding speeding NOUN 4 pobj Number=Sing\n. . PUNCT 3 punct",
         "ACCUSE"),
        # "Udall took aim at the chief": criticised
        ("Udall Udall PROPN 1 nsubj\ntook take VERB 1 ROOT Tense=Past|VerbForm=Fin\n"
         "aim aim NOUN 1 dobj\nat at ADP 1 prep\nthe the DET 5 det\nchief chief NOUN 3 pobj\n"
         ". . PUNCT 1 punct", "ACCUSE"),
        # "Trump implored voters"
        ("Trump Trump PROPN 1 nsubj\nimplored implore VERB 1 ROOT Tense=Past|VerbForm=Fin\n"
         "voters voter NOUN 1 dobj Number=Plur\n. . PUNCT 1 punct", "REQUEST"),
        # "Lamont thanked the locals"
        ("Lamont Lamont PROPN 1 nsubj\nthanked thank VERB 1 ROOT Tense=Past|VerbForm=Fin\n"
         "the the DET 3 det\nlocals local NOUN 1 dobj Number=Plur\n. . PUNCT 1 punct", "SUPPORT"),
        # "The mayor yielded to pressure"
        ("The the DET 1 det\nmayor mayor NOUN 2 nsubj Number=Sing\n"
         "yielded yield VERB 2 ROOT Tense=Past|VerbForm=Fin\nto to ADP 2 prep\n"
         "pressure pressure NOUN 3 pobj Number=Sing\n. . PUNCT 2 punct", "CONCEDE"),
        # "Republicans reviled Trump"
        ("Republicans Republicans PROPN 1 nsubj\nreviled revile VERB 1 ROOT Tense=Past\n"
         "Trump Trump PROPN 1 dobj\n. . PUNCT 1 punct", "ACCUSE"),
        # "Police are searching for a suspect": an investigation
        ("Police police NOUN 2 nsubj\nare be AUX 2 aux\nsearching search VERB 2 ROOT\n"
         "for for ADP 2 prep\na a DET 5 det\nsuspect suspect NOUN 3 pobj Number=Sing\n"
         ". . PUNCT 2 punct", "ACCUSE"),
        # "The council approved the treaty": agreeing to it, not praising
        ("The the DET 1 det\ncouncil council NOUN 2 nsubj Number=Sing\n"
         "approved approve VERB 2 ROOT Tense=Past|VerbForm=Fin\nthe the DET 4 det\n"
         "treaty treaty NOUN 2 dobj Number=Sing\n. . PUNCT 2 punct", "AGREE"),
        # "Poland joined NATO"
        ("Poland Poland PROPN 1 nsubj\njoined join VERB 1 ROOT Tense=Past|VerbForm=Fin\n"
         "NATO NATO PROPN 1 dobj\n. . PUNCT 1 punct", "AGREE"),
        # "Trump filed for clearance": asking regulators
        ("Trump Trump PROPN 1 nsubj\nfiled file VERB 1 ROOT Tense=Past|VerbForm=Fin\n"
         "for for ADP 1 prep\nclearance clearance NOUN 2 pobj Number=Sing\n. . PUNCT 1 punct",
         "REQUEST"),
        # "Youths attacked a station as well as banks": not attacking someone as something
        ("Youths youth NOUN 1 nsubj Number=Plur\nattacked attack VERB 1 ROOT Tense=Past\n"
         "a a DET 3 det\nstation station NOUN 1 dobj Number=Sing\nas as ADV 5 advmod\n"
         "well well ADV 3 cc\nas as ADP 5 advmod\nbanks bank NOUN 3 conj Number=Plur\n"
         ". . PUNCT 1 punct", "ASSAULT"),
        # "Trump met with experts"
        ("Trump Trump PROPN 1 nsubj\nmet meet VERB 1 ROOT Tense=Past|VerbForm=Fin\n"
         "with with ADP 1 prep\nexperts expert NOUN 2 pobj Number=Plur\n. . PUNCT 1 punct",
         "CONSULT"),
        # "The board is seeking offers": asking for them
        ("The the DET 1 det\nboard board NOUN 3 nsubj Number=Sing\nis be AUX 3 aux\n"
         "seeking seek VERB 3 ROOT VerbForm=Ger\noffers offer NOUN 3 dobj Number=Plur\n"
         ". . PUNCT 3 punct", "REQUEST"),
        # "Trump signed a letter of intent"
        ("Trump Trump PROPN 1 nsubj\nsigned sign VERB 1 ROOT Tense=Past|VerbForm=Fin\n"
         "a a DET 3 det\nletter letter NOUN 1 dobj Number=Sing\nof of ADP 3 prep\n"
         "intent intent NOUN 4 pobj Number=Sing\n. . PUNCT 1 punct", "AGREE"),
    ],
)  # fmt: skip
def test_what_an_ambiguous_verb_is_done_to_says_what_was_done(rows: str, kind: str) -> None:
    names = ("Clinton", "Kuhl", "Reams", "Trump", "Lamont", "Smith", "Udall")
    people = tuple((name, "PER") for name in names if name in rows)
    people += tuple((name, "LOC") for name in ("Poland", "NATO") if name in rows)
    assert [e.type for e in code_events(parsed("en", rows, people))] == [kind]


@pytest.mark.parametrize(
    "rows",
    [
        # "Widmer pleaded not guilty"
        "Widmer Widmer PROPN 1 nsubj\npleaded plead VERB 1 ROOT Tense=Past|VerbForm=Fin\n"
        "not not PART 3 neg\nguilty guilty ADJ 1 acomp\n. . PUNCT 1 punct",
        # "The company charged $46 million against earnings": billing
        "The the DET 1 det\ncompany company NOUN 2 nsubj Number=Sing\n"
        "charged charge VERB 2 ROOT Tense=Past|VerbForm=Fin\n$ $ SYM 2 dobj\n"
        "46 46 NUM 5 compound\nmillion million NUM 3 nummod\nagainst against ADP 2 prep\n"
        "earnings earning NOUN 6 pobj Number=Plur\n. . PUNCT 2 punct",
        # "The Bronco failed to yield right-of-way"
        "The the DET 1 det\nBronco Bronco PROPN 2 nsubj\nfailed fail VERB 2 ROOT Tense=Past\n"
        "to to PART 4 aux\nyield yield VERB 2 xcomp VerbForm=Inf\nright right NOUN 4 dobj\n"
        "of of ADP 5 prep\nway way NOUN 6 pobj\n. . PUNCT 2 punct",
        # "The crash sent the driver to the hospital"
        "The the DET 1 det\ncrash crash NOUN 2 nsubj Number=Sing\n"
        "sent send VERB 2 ROOT Tense=Past|VerbForm=Fin\nthe the DET 4 det\n"
        "driver driver NOUN 2 dobj Number=Sing\nto to ADP 2 prep\nthe the DET 7 det\n"
        "hospital hospital NOUN 5 pobj Number=Sing\n. . PUNCT 2 punct",
        # "Reporters asked whether the plan works": a question, not a request
        "Reporters reporter NOUN 1 nsubj Number=Plur\nasked ask VERB 1 ROOT Tense=Past\n"
        "whether whether SCONJ 5 mark\nthe the DET 4 det\nplan plan NOUN 5 nsubj\n"
        "works work VERB 1 ccomp Tense=Pres\n. . PUNCT 1 punct",
        # "Trump conceded the code is unfair": admitting, not giving way
        "Trump Trump PROPN 1 nsubj\nconceded concede VERB 1 ROOT Tense=Past|VerbForm=Fin\n"
        "the the DET 3 det\ncode code NOUN 4 nsubj\nis be AUX 1 ccomp Tense=Pres\n"
        "unfair unfair ADJ 4 acomp\n. . PUNCT 1 punct",
        # "Her son was threatening to commit suicide": no one else is threatened
        "Her her PRON 1 poss\nson son NOUN 3 nsubj\nwas be AUX 3 aux\n"
        "threatening threaten VERB 3 ROOT VerbForm=Ger\nto to PART 5 aux\n"
        "commit commit VERB 3 xcomp VerbForm=Inf\nsuicide suicide NOUN 5 dobj\n. . PUNCT 3 punct",
        # "Malaysians seize the chance"
        "Malaysians Malaysians PROPN 1 nsubj\nseize seize VERB 1 ROOT\nthe the DET 3 det\n"
        "chance chance NOUN 1 dobj Number=Sing\n. . PUNCT 1 punct",
        # "That gives the deal a value of $104 million": a price, not aid
        "That that PRON 1 nsubj\ngives give VERB 1 ROOT Tense=Pres\nthe the DET 3 det\n"
        "deal deal NOUN 1 dative\na a DET 5 det\nvalue value NOUN 1 dobj\nof of ADP 5 prep\n"
        "$ $ SYM 6 pobj\n104 104 NUM 9 compound\nmillion million NUM 7 nummod\n. . PUNCT 1 punct",
        # "Dispatchers received a 911 call": an emergency call asks for nothing coded
        "Dispatchers dispatcher NOUN 1 nsubj Number=Plur\nreceived receive VERB 1 ROOT Tense=Past\n"
        "a a DET 4 det\n911 911 NUM 4 nummod\ncall call NOUN 1 dobj Number=Sing\n. . PUNCT 1 punct",
        # "WikiLeaks made its release of thousands of emails": emails are not people set free
        "WikiLeaks WikiLeaks PROPN 1 nsubj\nmade make VERB 1 ROOT Tense=Past\n"
        "its its PRON 3 poss\nrelease release NOUN 1 dobj Number=Sing\nof of ADP 3 prep\n"
        "thousands thousand NOUN 4 pobj Number=Plur\nof of ADP 5 prep\n"
        "emails email NOUN 6 pobj Number=Plur\n. . PUNCT 1 punct",
        # "It will be held Friday": a meeting held, not a person
        "It it PRON 3 nsubjpass Gender=Neut|Number=Sing|Person=3\nwill will AUX 3 aux\n"
        "be be AUX 3 auxpass\nheld hold VERB 3 ROOT Tense=Past|VerbForm=Part\n"
        "Friday Friday PROPN 3 npadvmod\n. . PUNCT 3 punct",
        # "Jensen was killed in a traffic accident"
        "Jensen Jensen PROPN 2 nsubjpass\nwas be AUX 2 auxpass\n"
        "killed kill VERB 2 ROOT Tense=Past|VerbForm=Part\nin in ADP 2 prep\na a DET 6 det\n"
        "traffic traffic NOUN 6 compound\naccident accident NOUN 3 pobj Number=Sing\n"
        ". . PUNCT 2 punct",
    ],
)  # fmt: skip
def test_words_used_in_another_sense_code_nothing(rows: str) -> None:
    people = tuple((name, "PER") for name in ("Widmer", "Jensen", "Trump") if name in rows)
    assert code_events(parsed("en", rows, people)) == []


def test_a_deed_condemned_is_told_as_done_but_not_on_the_day_of_the_condemnation() -> None:
    rows = """
    The the DET 1 det
    Council council PROPN 2 nsubj
    condemned condemn VERB 2 ROOT Tense=Past|VerbForm=Fin
    the the DET 4 det
    bombing bombing NOUN 2 dobj Number=Sing
    on on ADP 2 prep
    Thursday Thursday PROPN 5 pobj
    . . PUNCT 2 punct
    """
    events = code_events(parsed("en", rows, (("Council", "ORG"),)))
    assert [(e.type, e.status) for e in events] == [("ACCUSE", "occurred"), ("ASSAULT", "occurred")]
    condemned, bombing = events
    assert condemned.date is not None and bombing.date is None


def test_failing_to_do_something_is_not_doing_it() -> None:
    rows = """
    Police police NOUN 1 nsubj
    failed fail VERB 1 ROOT Tense=Past|VerbForm=Fin
    to to PART 3 aux
    arrest arrest VERB 1 xcomp VerbForm=Inf
    the the DET 5 det
    suspect suspect NOUN 3 dobj Number=Sing
    . . PUNCT 1 punct
    """
    events = code_events(parsed("en", rows))
    assert [(e.type, e.status) for e in events] == [("COERCE", "negated")]


def test_an_attack_that_killed_is_one_event_with_its_victims() -> None:
    rows = """
    Monday Monday PROPN 2 poss
    's 's PART 0 case
    bombing bombing NOUN 3 nsubj Number=Sing
    killed kill VERB 3 ROOT Tense=Past|VerbForm=Fin
    200 200 NUM 5 nummod
    people people NOUN 3 dobj Number=Plur
    . . PUNCT 3 punct
    """
    event = one(parsed("en", rows))
    assert (event.text, event.mode, [t.text for t in event.targets]) == (
        "bombing",
        "kill",
        ["200 people"],
    )


def test_where_something_is_sent_is_not_who_it_is_done_to() -> None:
    rows = """
    The the DET 1 det
    committee committee NOUN 2 nsubj Number=Sing
    sent send VERB 2 ROOT Tense=Past|VerbForm=Fin
    a a DET 4 det
    resolution resolution NOUN 2 dobj Number=Sing
    to to ADP 2 prep
    the the DET 8 det
    full full ADJ 8 amod
    House House PROPN 5 pobj Number=Sing
    . . PUNCT 2 punct
    """
    assert code_events(parsed("en", rows, (("House", "ORG"),))) == []


def test_a_deed_a_year_before_another_is_background() -> None:
    rows = """
    People people NOUN 1 nsubj Number=Plur
    mourned mourn VERB 1 ROOT Tense=Past|VerbForm=Fin
    him he PRON 1 dobj
    , , PUNCT 1 punct
    one one NUM 5 nummod
    year year NOUN 9 npadvmod Number=Sing
    after after SCONJ 9 mark
    he he PRON 9 nsubjpass
    was be AUX 9 auxpass Tense=Past
    killed kill VERB 1 advcl Tense=Past|VerbForm=Part
    by by ADP 9 agent
    a a DET 12 det
    sniper sniper NOUN 14 poss Number=Sing
    's 's PART 12 case
    bullet bullet NOUN 10 pobj Number=Sing
    . . PUNCT 1 punct
    """
    event = one(parsed("en", rows))
    assert (event.type, event.status) == ("ASSAULT", "historical")
    # the bullet was the sniper's: the sniper killed
    assert [a.text for a in event.actors] == ["a sniper"]


def test_the_wounding_joined_to_an_attacks_killing_is_the_same_attack() -> None:
    rows = """
    Chile Chile PROPN 1 nsubj
    deplored deplore VERB 1 ROOT Tense=Past|VerbForm=Fin
    the the DET 4 det
    bomb bomb NOUN 4 compound
    blasts blast NOUN 1 dobj Number=Plur
    which which PRON 6 nsubj PronType=Rel
    killed kill VERB 4 relcl Tense=Past|VerbForm=Fin
    20 20 NUM 8 nummod
    people people NOUN 6 dobj Number=Plur
    and and CCONJ 6 cc
    injured injure VERB 6 conj Tense=Past|VerbForm=Fin
    100 100 NUM 12 nummod
    others other NOUN 10 dobj Number=Plur
    . . PUNCT 1 punct
    """
    deplored, attack = code_events(parsed("en", rows, (("Chile", "LOC"),)))
    assert (deplored.type, attack.type, attack.text) == ("ACCUSE", "ASSAULT", "blasts")
    assert [t.text for t in attack.targets] == ["20 people", "100 others"]


def test_a_resolution_urging_something_is_its_sponsors_request() -> None:
    rows = """
    Gibbs Gibbs PROPN 1 nsubj
    introduced introduce VERB 1 ROOT Tense=Past|VerbForm=Fin
    a a DET 3 det
    resolution resolution NOUN 1 dobj Number=Sing
    urging urge VERB 3 acl Tense=Pres|VerbForm=Part
    quick quick ADJ 6 amod
    passage passage NOUN 4 dobj Number=Sing
    . . PUNCT 1 punct
    """
    event = one(parsed("en", rows, (("Gibbs", "PER"),)))
    assert (event.type, [a.text for a in event.actors]) == ("REQUEST", ["Gibbs"])


def test_a_verb_that_acts_only_on_objects_of_its_own_does_not_tell_of_a_deed() -> None:
    # "join" agrees only with an alliance or a treaty: those who joined the strike struck,
    # where those who condemned it did not
    rows = """
    Workers worker NOUN 1 nsubj Number=Plur
    joined join VERB 1 ROOT Tense=Past|VerbForm=Fin
    the the DET 3 det
    strike strike NOUN 1 dobj Number=Sing
    . . PUNCT 1 punct
    """
    event = one(parsed("en", rows))
    assert (event.text, [a.text for a in event.actors]) == ("strike", ["Workers"])


@pytest.mark.parametrize(
    ("rows", "kind"),
    [
        # "There has been more rioting": a verb of taking place says there was
        ("There there PRON 2 expl\nhas have AUX 2 aux\nbeen be AUX 2 ROOT\nmore more ADJ 4 amod\n"
         "rioting rioting NOUN 2 attr Number=Sing\n. . PUNCT 2 punct", "PROTEST"),
        # "Bombings were reported": told as done
        ("Bombings bombing NOUN 2 nsubjpass Number=Plur\nwere be AUX 2 auxpass Tense=Past\n"
         "reported report VERB 2 ROOT Tense=Past|VerbForm=Part\n. . PUNCT 2 punct", "ASSAULT"),
        # "Bombings blew apart buildings": an attack as what did something
        ("Bombings bombing NOUN 1 nsubj Number=Plur\nblew blow VERB 1 ROOT Tense=Past\n"
         "apart apart ADP 1 prt\nbuildings building NOUN 1 dobj Number=Plur\n. . PUNCT 1 punct",
         "ASSAULT"),
    ],
)  # fmt: skip
def test_a_deed_with_no_one_named_that_the_clause_tells_took_place(rows: str, kind: str) -> None:
    event = one(parsed("en", rows))
    assert (event.type, event.status) == (kind, "occurred")


def test_a_strike_during_which_a_bank_was_set_on_fire_took_place() -> None:
    rows = """
    Rioters rioter NOUN 1 nsubj Number=Plur
    set set VERB 1 ROOT Tense=Past|VerbForm=Fin
    fire fire NOUN 1 dobj Number=Sing
    to to ADP 1 prep
    a a DET 5 det
    bank bank NOUN 3 pobj Number=Sing
    during during ADP 1 prep
    a a DET 9 det
    nationwide nationwide ADJ 9 amod
    strike strike NOUN 6 pobj Number=Sing
    . . PUNCT 1 punct
    """
    events = code_events(parsed("en", rows))
    assert [(e.type, e.mode, e.text, e.status) for e in events] == [
        ("ASSAULT", "attack", "set fire to", "occurred"),
        ("PROTEST", "strike", "strike", "occurred"),  # a strike of workers, not an attack
    ]
    assert [t.text for t in events[0].targets] == ["a bank"]


def test_what_is_said_of_a_deed_taking_place_is_said_of_the_deed() -> None:
    rows = """
    A a DET 1 det
    spokesman spokesman NOUN 2 nsubj Number=Sing
    denied deny VERB 2 ROOT Tense=Past|VerbForm=Fin
    the the DET 4 det
    attack attack NOUN 5 nsubj Number=Sing
    occurred occur VERB 2 ccomp Tense=Past|VerbForm=Fin
    . . PUNCT 2 punct
    """
    event = one(parsed("en", rows))
    assert (event.type, event.status) == ("ASSAULT", "negated")


def test_a_verb_of_attack_with_no_one_named_is_not_kept() -> None:
    rows = """
    You you PRON 1 nsubj
    get get AUX 2 auxpass
    shot shoot VERB 2 ROOT Tense=Past|VerbForm=Part
    . . PUNCT 2 punct
    """
    assert code_events(parsed("en", rows)) == []


@pytest.mark.parametrize(
    ("rows", "entities", "actors"),
    [
        # "NATO began the bombing of Belgrade": a place bombed, in every language
        ("NATO NATO PROPN 1 nsubj\nbegan begin VERB 1 ROOT Tense=Past|VerbForm=Fin\n"
         "the the DET 3 det\nbombing bombing NOUN 1 dobj Number=Sing\nof of ADP 3 prep\n"
         "Belgrade Belgrade PROPN 4 pobj Number=Sing\n. . PUNCT 1 punct",
         (("NATO", "ORG"), ("Belgrade", "LOC")), ["NATO"]),
        # "… the bombing of the U.S. Embassy": in English, whatever "of" names
        ("Terrorists terrorist NOUN 1 nsubj Number=Plur\n"
         "condemned condemn VERB 1 ROOT Tense=Past|VerbForm=Fin\nthe the DET 3 det\n"
         "bombing bombing NOUN 1 dobj Number=Sing\nof of ADP 3 prep\nthe the DET 7 det\n"
         "U.S. U.S. PROPN 7 compound\nEmbassy Embassy PROPN 4 pobj Number=Sing\n"
         ". . PUNCT 1 punct", (("U.S. Embassy", "ORG"),), []),
    ],
)  # fmt: skip
def test_what_follows_of_after_a_deed_noun_is_its_target(
    rows: str, entities: tuple[tuple[str, str], ...], actors: list[str]
) -> None:
    events = code_events(parsed("en", rows, entities))
    bombing = next(e for e in events if e.type == "ASSAULT")
    assert [a.text for a in bombing.actors] == actors
    assert [t.text for t in bombing.targets] == [entities[-1][0]]


def _with_places(doc: Doc, *places: tuple[str, str]) -> Doc:
    """The document with place records for the given (surface text, precision)."""
    text = doc.text
    doc._.records["places"] = tuple(
        Place(f"p{n}", name, text.find(name), text.find(name) + len(name), precision=precision)
        for n, (name, precision) in enumerate(places, 1)
    )
    return doc


def test_a_toponym_naming_a_building_says_where_and_one_someone_came_from_does_not() -> None:
    rows = """
    Police police NOUN 1 nsubj Number=Plur
    held hold VERB 1 ROOT Tense=Past|VerbForm=Fin
    a a DET 3 det
    man man NOUN 1 dobj Number=Sing
    in in ADP 1 prep
    a a DET 7 det
    Kentucky Kentucky PROPN 7 compound Number=Sing
    jail jail NOUN 4 pobj Number=Sing
    . . PUNCT 1 punct
    """
    doc = _with_places(parsed("en", rows, (("Kentucky", "LOC"),)), ("Kentucky", "admin1"))
    assert one(doc).place == "p1"  # "held in a Kentucky jail": there
    rows = """
    Gunmen gunman NOUN 1 nsubj Number=Plur
    killed kill VERB 1 ROOT Tense=Past|VerbForm=Fin
    a a DET 3 det
    man man NOUN 1 dobj Number=Sing
    who who PRON 5 nsubj
    was be AUX 3 relcl Tense=Past|VerbForm=Fin
    from from ADP 5 prep
    Cincinnati Cincinnati PROPN 6 pobj Number=Sing
    . . PUNCT 1 punct
    """
    doc = _with_places(parsed("en", rows, (("Cincinnati", "LOC"),)), ("Cincinnati", "city"))
    killing = one(doc)
    assert (killing.type, killing.place) == ("ASSAULT", None)  # where he came from
    in_nairobi = rows.replace("from from", "in in").replace("Cincinnati", "Nairobi")
    doc = _with_places(parsed("en", in_nairobi, (("Nairobi", "LOC"),)), ("Nairobi", "city"))
    assert one(doc).place == "p1"  # where he was


def test_a_date_in_a_relative_clause_of_another_word_is_that_clause_s() -> None:
    rows = """
    Police police NOUN 1 nsubj Number=Plur
    arrested arrest VERB 1 ROOT Tense=Past|VerbForm=Fin
    a a DET 3 det
    man man NOUN 1 dobj Number=Sing
    who who PRON 6 nsubj
    had have AUX 6 aux Tense=Past|VerbForm=Fin
    fled flee VERB 3 relcl Tense=Past|VerbForm=Part
    on on ADP 6 prep
    Monday Monday PROPN 7 pobj Number=Sing
    . . PUNCT 1 punct
    """
    arrest = one(parsed("en", rows))
    assert arrest.type == "COERCE"
    assert (arrest.date, arrest.date_source) == (None, "published")  # Monday is when he fled


IMPOSED_ON = """
A a DET 1 det
judge judge NOUN 2 nsubj Number=Sing
imposed impose VERB 2 ROOT Tense=Past|VerbForm=Fin
the the DET 4 det
sentence sentence NOUN 2 dobj Number=Sing
on on ADP 4 prep
Pimstein Pimstein PROPN 5 pobj Number=Sing
. . PUNCT 2 punct
"""


def test_whom_a_deed_or_a_measure_falls_on_is_its_target() -> None:
    sentence = one(parsed("en", IMPOSED_ON, (("Pimstein", "PER"),)))
    assert (sentence.type, [t.text for t in sentence.targets]) == ("SANCTION", ["Pimstein"])
    rows = IMPOSED_ON.replace("A a DET 1 det\njudge judge NOUN", "The the DET 1 det\nEU EU PROPN")
    rows = rows.replace("the the DET 4 det\nsentence sentence", "an an DET 4 det\nembargo embargo")
    doc = parsed("en", rows.replace("Pimstein", "Cuba"), (("EU", "ORG"), ("Cuba", "LOC")))
    embargo = one(_with_places(doc, ("Cuba", "country")))
    assert [t.text for t in embargo.targets] == ["Cuba"]
    assert embargo.place is None  # an embargo on Cuba is not in Cuba
    rows = """
    Rebels rebel NOUN 1 nsubj Number=Plur
    launched launch VERB 1 ROOT Tense=Past|VerbForm=Fin
    an an DET 3 det
    attack attack NOUN 1 dobj Number=Sing
    on on ADP 3 prep
    Kabul Kabul PROPN 4 pobj Number=Sing
    . . PUNCT 1 punct
    """
    attack = one(_with_places(parsed("en", rows, (("Kabul", "LOC"),)), ("Kabul", "city")))
    assert (attack.type, [t.text for t in attack.targets]) == ("ASSAULT", ["Kabul"])
    assert attack.place == "p1"  # an attack on Kabul took place there
    rows = """
    The the DET 1 det
    UN UN PROPN 2 nsubj Number=Sing
    imposed impose VERB 2 ROOT Tense=Past|VerbForm=Fin
    a a DET 4 det
    ban ban NOUN 2 dobj Number=Sing
    on on ADP 4 prep
    arms arm NOUN 7 compound Number=Plur
    exports export NOUN 5 pobj Number=Plur
    . . PUNCT 2 punct
    """
    ban = one(parsed("en", rows, (("UN", "ORG"),)))
    assert [t.text for t in ban.targets] == ["a ban on arms exports"]  # on no one named


def test_a_charge_of_a_crime_names_what_is_charged_not_whom() -> None:
    rows = """
    Police police NOUN 1 nsubj Number=Plur
    arrested arrest VERB 1 ROOT Tense=Past|VerbForm=Fin
    a a DET 3 det
    man man NOUN 1 dobj Number=Sing
    on on ADP 1 prep
    a a DET 6 det
    charge charge NOUN 4 pobj Number=Sing
    of of ADP 6 prep
    murder murder NOUN 7 pobj Number=Sing
    . . PUNCT 1 punct
    """
    assert [e.type for e in code_events(parsed("en", rows))] == ["COERCE"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # "Halsey was arraigned Tuesday"
        ("Halsey Halsey PROPN 2 nsubjpass Number=Sing\nwas be AUX 2 auxpass Tense=Past\n"
         "arraigned arraign VERB 2 ROOT Tense=Past|VerbForm=Part\n"
         "Tuesday Tuesday PROPN 2 npadvmod Number=Sing\n. . PUNCT 2 punct", ["ACCUSE"]),
        # "The commission authorized an application for federal funds"
        ("The the DET 1 det\ncommission commission NOUN 2 nsubj Number=Sing\n"
         "authorized authorize VERB 2 ROOT Tense=Past|VerbForm=Fin\nan an DET 4 det\n"
         "application application NOUN 2 dobj Number=Sing\nfor for ADP 4 prep\n"
         "federal federal ADJ 7 amod\nfunds fund NOUN 5 pobj Number=Plur\n. . PUNCT 2 punct",
         ["REQUEST"]),
        # "The sheriff honoured young citizens" / "The city honoured the contract"
        ("The the DET 1 det\nsheriff sheriff NOUN 2 nsubj Number=Sing\n"
         "honoured honour VERB 2 ROOT Tense=Past|VerbForm=Fin\nyoung young ADJ 4 amod\n"
         "citizens citizen NOUN 2 dobj Number=Plur\n. . PUNCT 2 punct", ["SUPPORT"]),
        ("The the DET 1 det\ncity city NOUN 2 nsubj Number=Sing\n"
         "honoured honour VERB 2 ROOT Tense=Past|VerbForm=Fin\nthe the DET 4 det\n"
         "contract contract NOUN 2 dobj Number=Sing\n. . PUNCT 2 punct", []),
        # "Voters have abandoned the party": no one left somewhere
        ("Voters voter NOUN 2 nsubj Number=Plur\nhave have AUX 2 aux Tense=Pres\n"
         "abandoned abandon VERB 2 ROOT Tense=Past|VerbForm=Part\nthe the DET 4 det\n"
         "party party NOUN 2 dobj Number=Sing\n. . PUNCT 2 punct", []),
    ],
)  # fmt: skip
def test_arraignments_applications_honours_and_a_party_abandoned(
    rows: str, expected: list[str]
) -> None:
    assert [e.type for e in code_events(parsed("en", rows))] == expected


def test_a_name_that_blames_criticises_and_a_request_agreed_to_is_conceded() -> None:
    rows = """
    Oz Oz PROPN 2 nsubjpass Number=Sing
    was be AUX 2 auxpass Tense=Past|VerbForm=Fin
    called call VERB 2 ROOT Tense=Past|VerbForm=Part
    a a DET 4 det
    charlatan charlatan NOUN 2 oprd Number=Sing
    by by ADP 2 agent
    physicians physician NOUN 5 pobj Number=Plur
    . . PUNCT 2 punct
    """
    called = one(parsed("en", rows, (("Oz", "PER"),)))
    assert called.type == "ACCUSE"
    assert [a.text for a in called.actors] == ["physicians"]  # people by their trade
    assert [t.text for t in called.targets] == ["Oz"]
    rows = """
    The the DET 1 det
    board board NOUN 2 nsubj Number=Sing
    agreed agree VERB 2 ROOT Tense=Past|VerbForm=Fin
    to to ADP 2 prep
    the the DET 5 det
    developer developer NOUN 7 poss Number=Sing
    's 's PART 5 case
    request request NOUN 3 pobj Number=Sing
    . . PUNCT 2 punct
    """
    assert one(parsed("en", rows)).type == "CONCEDE"


def test_nouns_of_a_trade_or_a_belief_name_people_by_their_ending() -> None:
    lexicon = event_lexicon("en")
    assert all(lexicon.names_people(w) for w in ("physician", "economist", "migrant"))
    assert not any(lexicon.names_people(w) for w in ("checklist", "list", "wrist", "Asia"))


@pytest.mark.parametrize(
    ("lang", "rows", "kind"),
    [
        # "Protesters defied the curfew" (PLOVER: defying laws or orders)
        ("en", "Protesters protester NOUN 1 nsubj Number=Plur\n"
               "defied defy VERB 1 ROOT Tense=Past|VerbForm=Fin\nthe the DET 3 det\n"
               "curfew curfew NOUN 1 dobj Number=Sing\n. . PUNCT 1 punct", "REJECT"),
        # "Venezuela rompió relaciones con Perú" (PLOVER: breaking relations)
        ("es", "Venezuela Venezuela PROPN 1 nsubj\n"
               "rompió romper VERB 1 ROOT Mood=Ind|Tense=Past|VerbForm=Fin\n"
               "relaciones relación NOUN 1 obj Gender=Fem|Number=Plur\ncon con ADP 4 case\n"
               "Perú Perú PROPN 2 nmod\n. . PUNCT 1 punct", "SANCTION"),
    ],
)  # fmt: skip
def test_words_of_the_plover_manual(lang: str, rows: str, kind: str) -> None:
    assert one(parsed(lang, rows)).type == kind


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # "Wall Street had its best finish after a four day rally": a market's rally
        ("Wall Wall PROPN 1 compound\nStreet Street PROPN 2 nsubj Number=Sing\n"
         "had have VERB 2 ROOT Tense=Past|VerbForm=Fin\nits its PRON 5 poss\n"
         "best good ADJ 5 amod\nfinish finish NOUN 2 dobj Number=Sing\nafter after ADP 2 prep\n"
         "a a DET 10 det\nfour four NUM 9 nummod\nday day NOUN 10 compound Number=Sing\n"
         "rally rally NOUN 6 pobj Number=Sing\n. . PUNCT 2 punct", []),
        # "Thousands rallied in the capital"
        ("Thousands thousand NOUN 1 nsubj Number=Plur\n"
         "rallied rally VERB 1 ROOT Tense=Past|VerbForm=Fin\nin in ADP 1 prep\n"
         "the the DET 4 det\ncapital capital NOUN 2 pobj Number=Sing\n. . PUNCT 1 punct",
         [("PROTEST", "rallied")]),
        # "She was pulled from the water by a bystander": a rescue, not a withdrawal
        ("She she PRON 2 nsubjpass Gender=Fem|Number=Sing\nwas be AUX 2 auxpass Tense=Past\n"
         "pulled pull VERB 2 ROOT Tense=Past|VerbForm=Part\nfrom from ADP 2 prep\n"
         "the the DET 5 det\nwater water NOUN 3 pobj Number=Sing\nby by ADP 2 agent\n"
         "a a DET 8 det\nbystander bystander NOUN 6 pobj Number=Sing\n. . PUNCT 2 punct", []),
        # "Officers tried to persuade the gunman to surrender": asked to surrender, not surrendered
        ("Officers officer NOUN 1 nsubj Number=Plur\n"
         "tried try VERB 1 ROOT Tense=Past|VerbForm=Fin\nto to PART 3 aux\n"
         "persuade persuade VERB 1 xcomp VerbForm=Inf\nthe the DET 5 det\n"
         "gunman gunman NOUN 3 dobj Number=Sing\nto to PART 7 aux\n"
         "surrender surrender VERB 3 xcomp VerbForm=Inf\n. . PUNCT 1 punct",
         [("REQUEST", "persuade")]),
        # "Montedison launched a tender offer for Fermenta" (PLOVER: "agree to, offer")
        ("Montedison Montedison PROPN 1 nsubj Number=Sing\n"
         "launched launch VERB 1 ROOT Tense=Past|VerbForm=Fin\na a DET 4 det\n"
         "tender tender NOUN 4 compound Number=Sing\noffer offer NOUN 1 dobj Number=Sing\n"
         "for for ADP 4 prep\nFermenta Fermenta PROPN 5 pobj Number=Sing\n. . PUNCT 1 punct",
         [("AGREE", "tender offer")]),
        # "The council approved a financing package": its own spending
        ("The the DET 1 det\ncouncil council NOUN 2 nsubj Number=Sing\n"
         "approved approve VERB 2 ROOT Tense=Past|VerbForm=Fin\na a DET 5 det\n"
         "financing financing NOUN 5 compound Number=Sing\n"
         "package package NOUN 2 dobj Number=Sing\n. . PUNCT 2 punct", []),
    ],
)  # fmt: skip
def test_rallies_of_markets_rescues_persuasion_offers_and_spending_approved(
    rows: str, expected: list[tuple[str, str]]
) -> None:
    assert [(e.type, e.text) for e in code_events(parsed("en", rows))] == expected


def test_a_relative_word_names_people_only_if_what_it_stands_for_does() -> None:
    rows = """
    A a DET 1 det
    tournament tournament NOUN 5 nsubj Number=Sing
    that that PRON 4 nsubjpass PronType=Rel
    was be AUX 4 auxpass Tense=Past
    held hold VERB 1 relcl Tense=Past|VerbForm=Part
    ended end VERB 5 ROOT Tense=Past|VerbForm=Fin
    . . PUNCT 5 punct
    """
    assert [e.type for e in code_events(parsed("en", rows))] == []  # a tournament held
    men = rows.replace("A a DET", "The the DET").replace("tournament tournament", "men man")
    assert [e.type for e in code_events(parsed("en", men))] == ["COERCE"]  # men held
