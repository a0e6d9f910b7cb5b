"""The places layer end to end: recognition, resolution, relative places, geolocation.

Every text here is written for these tests in wire-report style."""

from __future__ import annotations

import pytest
import spacy

from dateline.config import load_config
from dateline.document import Document
from dateline.errors import ModelError, PipelineError
from dateline.gazetteer.index import distance_km, open_gazetteer
from dateline.nlp import places as places_module
from dateline.nlp.components import PLACES
from dateline.nlp.model import load_model
from dateline.nlp.places import locate, make_places

pytestmark = pytest.mark.slow


def _parsed(pipeline, text):
    doc = Document.from_input(text)
    doc.set_text(text)
    pipeline.stages[pipeline.names.index("dateline.parse.v1")](doc)
    return doc


def _placed(pipeline, text):
    doc = _parsed(pipeline, text)
    pipeline.stages[pipeline.names.index("dateline.places.v1")](doc)
    return doc


def _found(pipeline, text):
    sdoc = _parsed(pipeline, text).sdoc
    return [(s.text, s.label_) for s in sdoc.spans[PLACES]]


def _by_mention(doc):
    return {m.text: p for p in doc.places for m in p.mentions}


# -- recognition ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Fighting spread from Kabul to Kandahar, the Taliban said.", ["Kabul", "Kandahar"]),
        (
            "Rebels shelled the town of Qusayr and villages near Homs on Tuesday.",
            ["Qusayr", "Homs"],
        ),
        ("Clashes broke out in Deir Ezzor province late on Sunday.", ["Deir Ezzor"]),
        ("The convoy was stopped 30 km north of Mosul by the army.", ["Mosul"]),
        ("Two Alexandria men were charged, police said.", ["Alexandria"]),
        ("Police found the car at 210 Elm St., Shreveport, on Friday.", ["Shreveport"]),
    ],
)
def test_places_are_found_in_wire_sentences(pipeline, text, places):
    assert [t for t, label in _found(pipeline, text) if label != "DEMONYM"] == places


@pytest.mark.parametrize(
    ("text", "not_places"),
    [
        ("The Washington Post reported the deal on Monday.", {"Washington", "The Washington Post"}),
        ("Hezbollah fighters withdrew from the hills, a commander said.", {"Hezbollah"}),
        ("Jordan said he would retire after the season ends.", {"Jordan"}),
        ("Daesh claimed the attack in a statement.", {"Daesh"}),
    ],
)
def test_names_that_are_not_places_are_left_alone(pipeline, text, not_places):
    assert not {t for t, _ in _found(pipeline, text)} & not_places


def test_institutions_name_their_place_but_newspapers_do_not(pipeline):
    found = _found(pipeline, "The Kabul Police Department said the Kabul Times was closed.")
    assert found.count(("Kabul", "PLACE")) == 1


def test_a_place_the_model_misreads_as_a_person_is_found_by_its_other_mentions(pipeline):
    text = "Floods cut roads in Alexandria on Monday. Alexandria was without power for two days."
    assert [t for t, _ in _found(pipeline, text)] == ["Alexandria", "Alexandria"]


def test_demonyms_are_marked_as_such(pipeline):
    assert ("Syrian", "DEMONYM") in _found(pipeline, "Syrian troops entered the town of Qara.")


def test_a_dateline_is_found_with_its_country(pipeline):
    text = "KABUL, Afghanistan (AP) — A bomb exploded near a market on Monday, police said."
    found = _found(pipeline, text)
    assert ("KABUL", "DATELINE") in found and ("Afghanistan", "DATELINE") in found


def test_the_component_works_in_a_plain_spacy_pipeline():
    nlp = spacy.blank("en")
    import dateline.nlp.components  # noqa: F401  (registers the factory)

    nlp.add_pipe("dateline_places")
    sdoc = nlp("Nothing tagged here.")
    assert list(sdoc.spans[PLACES]) == []


# -- resolution -----------------------------------------------------------------------------
def test_the_dateline_is_resolved_with_its_country(pipeline):
    doc = _placed(pipeline, "KABUL, Afghanistan (AP) — Gunmen attacked a checkpoint overnight.")
    places = _by_mention(doc)
    assert (places["KABUL"].country, places["KABUL"].precision) == ("AF", "town")
    assert (places["Afghanistan"].country, places["Afghanistan"].precision) == ("AF", "country")


def test_transliterations_resolve_to_the_same_towns(pipeline):
    text = (
        "BEIRUT (Reuters) — Jets struck Deir ez-Zor and Albukamal in eastern Syria. "
        "Residents of Dayr az Zawr said the bridge to Abu Kamal was down."
    )
    places = _by_mention(_placed(pipeline, text))
    assert places["Deir ez-Zor"] is places["Dayr az Zawr"]
    assert places["Albukamal"] is places["Abu Kamal"]
    assert places["Albukamal"].country == "SY" and places["Albukamal"].admin1


def test_an_ambiguous_town_follows_the_country_of_the_story(pipeline):
    text = "Syrian troops advanced toward Palmyra from Homs, the ministry in Damascus said."
    palmyra = _by_mention(_placed(pipeline, text))["Palmyra"]
    assert palmyra.country == "SY"
    assert distance_km(palmyra.lat, palmyra.lon, 34.56, 38.28) < 25


def test_places_group_mentions_of_one_place(pipeline):
    text = "Troops left Kabul on Monday. Kabul's airport reopened, officials in Kandahar said."
    doc = _placed(pipeline, text)
    kabul = _by_mention(doc)["Kabul"]
    assert [m.text for m in kabul.mentions] == ["Kabul", "Kabul"]
    assert kabul.geonames_id and kabul.lat is not None and kabul.precision == "town"
    for place in doc.places:
        assert place.id.startswith("pl-")
        for m in place.mentions:
            assert text[m.start : m.end] == m.text


def test_a_relative_location_is_a_point_offset_from_its_town(pipeline):
    text = "The convoy was ambushed 30 km south of Mosul on Tuesday, officials said."
    doc = _placed(pipeline, text)
    mosul = _by_mention(doc)["Mosul"]
    (offset,) = [p for p in doc.places if p.precision == "offset"]
    assert offset.mentions[0].text == "30 km south of Mosul"
    assert offset.relative.anchor == mosul.id and offset.relative.bearing == 180
    assert distance_km(mosul.lat, mosul.lon, offset.lat, offset.lon) == pytest.approx(30, abs=0.1)
    assert offset.lat < mosul.lat


def test_an_unknown_place_name_stays_without_coordinates(pipeline):
    text = "Gunmen attacked the village of Zarqawiyya-Nur near Mosul on Monday."
    places = _by_mention(_placed(pipeline, text))
    assert places["Mosul"].lat is not None
    for name, place in places.items():
        if name != "Mosul":
            assert place.lat is None and place.precision == "unknown"


def test_towns_named_together_are_read_near_each_other(pipeline):
    # Bristol and Plymouth alone would be the English cities; beside two towns only
    # Connecticut has, they are the Connecticut towns.
    text = (
        "Firefighters from Bristol, Plymouth and Terryville helped put out the blaze in "
        "Thomaston, police said."
    )
    places = _by_mention(_placed(pipeline, text))
    assert {places[n].admin1 for n in ("Bristol", "Plymouth", "Thomaston")} == {"Connecticut"}


def test_a_dateline_s_town_is_kept_even_alone(pipeline):
    doc = _placed(pipeline, "WASHINGTON (Reuters) — The Senate voted on Tuesday to extend it.")
    washington = _by_mention(doc)["WASHINGTON"]
    assert (washington.admin1, washington.precision) == ("District of Columbia", "town")


def test_a_country_s_own_name_beats_a_city_s_other_name(pipeline):
    text = "MEXICO CITY (AP) — Mexico will send troops to the border, the government said."
    places = _by_mention(_placed(pipeline, text))
    assert (places["Mexico"].feature, places["MEXICO CITY"].feature) == ("PCLI", "PPLC")


def test_a_place_s_own_name_is_kept_whole(pipeline):
    found = _found(pipeline, "She moved from Cape Town to Beverly Hills last year.")
    assert [t for t, _ in found] == ["Cape Town", "Beverly Hills"]


def test_an_unlikely_reading_keeps_its_mention_but_no_point(pipeline):
    text = "Officers searched a plane at Heathrow airport, the ministry in Moscow said on Friday."
    places = _by_mention(_placed(pipeline, text))
    # The only Heathrow the gazetteer has is a Florida hamlet, in a story about Moscow.
    assert places["Heathrow"].lat is None and places["Heathrow"].precision == "unknown"
    assert places["Moscow"].country == "RU"


def test_a_loose_spelling_in_the_story_s_country_is_kept(pipeline):
    text = "Syrian troops shelled the town of Deir Hafer east of Aleppo, residents of Manbij said."
    deir_hafer = _by_mention(_placed(pipeline, text))["Deir Hafer"]
    assert (deir_hafer.country, deir_hafer.admin1) == ("SY", "Aleppo")


def test_the_shipped_index_loads_and_knows_the_world():
    gaz = open_gazetteer()
    assert int(gaz.meta["places"]) > 200_000
    for name, country in [("Mosul", "IQ"), ("Tajikistan", "TJ"), ("Qalamoun", "SY")]:
        assert country in {c.country for c in gaz.lookup(name)}, name
    assert gaz.demonym("Tajik").country == "TJ"


# -- event geolocation ----------------------------------------------------------------------
TEXT = (
    "BAGHDAD (AP) — A car bomb exploded in a market in Mosul on Monday. "
    "Officials in Baghdad condemned the attack.\n"
    "Separately, two soldiers were wounded overnight."
)


@pytest.fixture(scope="module")
def story(pipeline):
    return _placed(pipeline, TEXT)


def test_locate_takes_the_attached_place(story):
    first = TEXT.index("A car bomb")
    location = locate(story, first, TEXT.index(" on Monday"))
    assert (location.name, location.basis, location.precision) == ("Mosul", "attached", "town")
    assert location.country == "IQ" and location.admin1 and location.geonames_id
    assert location.evidence[0].text == "Mosul"


def test_locate_falls_back_to_the_document_focus(story):
    start = TEXT.index("Separately")
    location = locate(story, start, len(TEXT))
    assert (location.name, location.basis) == ("Baghdad", "focus")


def test_locate_passes_over_a_place_something_comes_from(pipeline):
    # "aid from Amman" says where the aid comes from, not where the clashes were: the
    # paragraph's other place is no better, so the document's focus (its dateline) it is.
    text = (
        "MOSUL (AP) — A car bomb exploded in a market in Mosul on Monday.\n"
        "Protesters clashed with police for an hour. Officials said aid from Amman was due."
    )
    doc = _placed(pipeline, text)
    start = text.index("Protesters")
    location = locate(doc, start, text.index(" for an hour"))
    assert (location.name, location.basis) == ("Mosul", "focus")


def test_locate_reads_the_documents_places_once(story, monkeypatch):
    # The event stage calls locate once per mention: the place mentions are gathered (and
    # demonyms told apart) once per document, not per call.
    doc = story.model_copy(update={"places": list(story.places)})
    opened = 0
    real = places_module._gazetteer_or_none

    def counted():
        nonlocal opened
        opened += 1
        return real()

    monkeypatch.setattr(places_module, "_gazetteer_or_none", counted)
    first = TEXT.index("A car bomb")
    found = [locate(doc, first, first + n) for n in range(10, 60)]
    assert opened == 1
    assert found[-1] == locate(story, first, first + 59)


def test_locate_without_places_is_none():
    doc = Document(id="x", text="Nothing happened.")
    assert locate(doc, 0, 5) is None


# -- configuration and errors ---------------------------------------------------------------
def test_places_stage_needs_its_component():
    config = load_config(overrides={"parse": {"components": []}})
    with pytest.raises(PipelineError, match="dateline_places"):
        make_places(config)


def test_an_unknown_component_is_a_clear_error():
    with pytest.raises(ModelError, match="no_such_component"):
        load_model(load_config().model.name, ("no_such_component",))


def test_the_bare_model_stays_bare():
    name = load_config().model.name
    assert "dateline_places" not in load_model(name).pipe_names
    assert load_model(name, ("dateline_places",)).pipe_names[-1] == "dateline_places"
