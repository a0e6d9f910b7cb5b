"""Armed groups named "army" are insurgents, not state forces; traffickers are no rebels.

Sentences written for these tests in the style of the wires of the period.
"""

from __future__ import annotations

import pytest

from .test_actors import entity_with, read


@pytest.mark.parametrize(
    ("text", "mention", "canonical"),
    [
        (
            "the army of national liberation (eln) blew up a stretch of the cano limon pipeline "
            "overnight, an oil company official said.",
            "army of national liberation",
            "National Liberation Army (Colombia)",
        ),
        (
            "A unit of the Army of National Liberation seized a bus on the road to Saravena, "
            "regional officials said on Tuesday.",
            "Army of National Liberation",
            "National Liberation Army (Colombia)",
        ),
        (
            "the popular army of liberation released two engineers it had held since june, "
            "a church mediator said.",
            "popular army of liberation",
            "Popular Liberation Army (Colombia)",
        ),
    ],
)
def test_colombian_insurgent_armies_are_their_groups(text: str, mention: str, canonical: str):
    group = entity_with(read(text), mention)
    assert group.canonical == canonical
    assert group.actor_type == "rebel_groups" and group.sector == "REB"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "the zarate willka liberation army said it planted the bomb that damaged the "
            "embassy gate.",
            "the zarate willka liberation army",
        ),
        (
            "A pro-Castro army ambushed a convoy on the northern road, officials said.",
            "A pro-Castro army",
        ),
        (
            "a guerrilla army has controlled the valley since march, a priest said.",
            "a guerrilla army",
        ),
    ],
)
def test_an_army_named_as_insurgents_is_no_state_force(text: str, mention: str):
    group = entity_with(read(text), mention)
    assert group.actor_type == "rebel_groups" and group.sector == "REB"


def test_the_state_army_beside_a_liberation_army_stays_the_state():
    doc = read(
        "the people's liberation front army attacked a garrison in the north. the army said "
        "three soldiers were wounded."
    )
    army = entity_with(doc, "the army")
    assert army.actor_type == "state_forces" and army.sector == "MIL"
    rebels = entity_with(doc, "the people's liberation front army")
    assert rebels.actor_type == "rebel_groups"


def test_a_national_army_is_still_the_military():
    doc = read("The Colombian army said troops had retaken the town on Sunday.")
    army = entity_with(doc, "Colombian army")
    assert army.actor_type == "state_forces" and army.country == "CO"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "the extraditables claimed the bombing in a communique to a radio station.",
            "extraditables",
        ),
        ("Gunmen of the Medellin cartel shot dead a judge in Bogota on Friday.", "Medellin cartel"),
    ],
)
def test_traffickers_are_criminal_groups_not_rebels(text: str, mention: str):
    cartel = entity_with(read(text), mention)
    assert cartel.canonical == "Medellin Cartel"
    assert cartel.actor_type == "political_militias" and cartel.sector == "CRM"


def test_the_colombian_army_of_national_liberation_is_the_eln():
    doc = read(
        "a column of the colombian army of national liberation burned two trucks on the "
        "highway, the governor said."
    )
    group = entity_with(doc, "colombian army of national liberation")
    assert group.canonical == "National Liberation Army (Colombia)"
    assert group.actor_type == "rebel_groups"


def test_members_of_an_insurgent_army_are_rebels():
    doc = read("rebels of a pro-castro army ambushed a patrol near the border, officials said.")
    rebels = entity_with(doc, "rebels of a pro-castro army")
    assert rebels.actor_type == "rebel_groups" and rebels.sector == "REB"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("the narcoterrorists burned a bus on the coast road, police said.", "the narcoterrorists"),
        ("The drug mafia threatened the senator again on Monday.", "The drug mafia"),
        ("a drug trafficker was arrested at the airport, police said.", "a drug trafficker"),
    ],
)
def test_drug_traffickers_named_by_their_trade_are_criminal_groups(text: str, mention: str):
    group = entity_with(read(text), mention)
    assert group.actor_type == "political_militias" and group.sector == "CRM"
