"""Who was hurt, crowds that clash, and the device that went off (issue #11).

"the wounded included X", "among the dead were X", "11 of the injured"; demonstrators who
clash are a riot, troops who clash a battle; "left three people dead"; the bomb a telling
of its explosion names ("the bomb was placed ... and exploded", "they exploded"). Sentences
are our own, in wire style.
"""

from __future__ import annotations

import pytest

from dateline.document import Document
from dateline.evaluate.wikievents import predicted_events

from .conftest import texts

PUBLISHED = "2021-03-10"


def _kairos(doc: Document, kind: str, trigger: str) -> list[set[tuple[str, str]]]:
    """(role, candidate text) of each KAIROS event of ``kind`` told by ``trigger``."""
    text = doc.text
    return [
        {(a.role, text[s:e]) for a in event.arguments for s, e in a.spans}
        for event in predicted_events(doc.to_dict())
        if event.type == kind and event.trigger_text == trigger
    ]


@pytest.mark.parametrize(
    ("sentence", "word", "victims"),
    [
        (
            "A bomb exploded at a cafe in Garo. The wounded included two police officers "
            "and a judge.",
            "wounded",
            ["two police officers", "judge"],
        ),
        (
            "A bomb exploded at a cafe in Garo. Among the wounded were three children.",
            "wounded",
            ["three children"],
        ),
        (
            "A bomb exploded at a market in Garo. The dead included a judge.",
            "dead",
            ["judge"],
        ),
    ],
)
def test_a_group_of_the_harmed_names_who_they_were(mentions, sentence, word, victims):
    found = [m for m in mentions(sentence) if m.token.text == word]
    assert len(found) == 1
    assert texts(sentence, found[0].patients) == victims


def test_some_of_the_injured_counted_are_victims_by_their_number(pipeline):
    text = (
        "A bomb exploded at a cafe in Garo on Monday, wounding 30 people. Eleven of the "
        "injured were police officers."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    told = _kairos(doc, "Life.Injure.Unspecified", "injured")
    assert told and ("Victim", "Eleven") in told[0]


def test_the_wounded_included_is_a_victim_of_the_injury_in_wikievents(pipeline):
    text = (
        "A bomb exploded at a cafe in Garo on Monday, wounding 30 people. However the "
        "wounded included the town's mayor, with the rest customers of the cafe."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    told = _kairos(doc, "Life.Injure.Unspecified", "wounded")
    assert told
    assert ("Victim", "mayor") in told[0]
    assert ("Victim", "customers") in told[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "Protesters clashed with police in the capital on Sunday.",
        "hundreds of demonstrators clashed with riot police in the capital on sunday.",
        "A clash between students and security forces broke out near the campus on Sunday.",
    ],
)
def test_a_crowd_that_clashes_riots(mentions, sentence):
    found = [m for m in mentions(sentence) if m.token.lemma_.lower() == "clash"]
    assert [(m.plover, m.mode) for m in found] == [("PROTEST", "riot")]
    assert len(found[0].patients) == 1  # the other side: police, security forces


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops clashed with rebels in the north on Sunday.",
        "A clash between soldiers and guerrillas broke out near the border on Sunday.",
    ],
)
def test_armed_sides_that_clash_fight_a_battle(mentions, sentence):
    found = [m for m in mentions(sentence) if m.token.lemma_.lower() == "clash"]
    assert [(m.plover, m.mode) for m in found] == [("ASSAULT", None)]


def test_a_riot_is_acled_violent_demonstration_with_police_as_the_other_side(pipeline):
    text = "Protesters clashed with police in Caracas on Sunday."
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    assert [(e.plover, e.mode, e.acled_event_type) for e in doc.events] == [
        ("PROTEST", "riot", "Riots")
    ]
    assert doc.events[0].actor2 is not None
    assert doc.events[0].actor2.name.endswith("police")


@pytest.mark.parametrize(
    ("text", "plover", "dead"),
    [
        (
            "Clashes between soldiers and rebels left 12 people dead in the north on Sunday.",
            "ASSAULT",
            12,
        ),
        (
            "A clash between demonstrators and police left three people dead in Caracas on Sunday.",
            "PROTEST",
            3,
        ),
    ],
)
def test_clashes_that_left_people_dead_are_an_event_with_its_toll(pipeline, text, plover, dead):
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    assert [e.plover for e in doc.events] == [plover]
    assert doc.events[0].fatalities is not None
    assert doc.events[0].fatalities.best == dead


def test_left_at_least_one_injured_hurt_the_object_and_nobody_injured(mentions):
    text = "The confrontation has left at least one student injured."
    found = [m for m in mentions(text) if m.token.text == "injured"]
    assert len(found) == 1
    assert texts(text, found[0].patients) == ["at least one student"]
    assert not found[0].agents


def test_the_bomb_of_a_coordinated_explosion_is_its_device(pipeline):
    text = (
        "The bomb was placed at the entrance to the building in Garo and exploded on "
        "Friday afternoon."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    told = _kairos(doc, "Conflict.Attack.DetonateExplode", "exploded")
    assert told and ("ExplosiveDevice", "bomb") in told[0]


def test_a_pronoun_that_went_off_is_the_device_named_after_it(pipeline):
    text = (
        "The bombs began to explode in Garo before 3pm. Then for 20 minutes they exploded "
        "at one a minute."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    told = _kairos(doc, "Conflict.Attack.DetonateExplode", "exploded")
    assert told and ("ExplosiveDevice", "they") in told[0]
    assert not any(role == "Attacker" for role, _ in told[0])
    assert [w.name for e in doc.events for w in e.weapons] == ["bombs"]


def test_what_is_detonated_is_no_target(mentions):
    text = "The brothers carried the bombs to the street before detonating them."
    found = [m for m in mentions(text) if m.token.text == "detonating"]
    assert len(found) == 1
    assert not found[0].patients and not found[0].targets
    assert texts(text, found[0].weapons) == ["them"]


def test_words_run_in_before_a_symbol_are_no_subject(mentions):
    text = "Close Skip Ad × Protesters clash with Venezuelan security forces."
    found = [m for m in mentions(text) if m.token.text == "clash"]
    assert len(found) == 1
    assert texts(text, found[0].agents) == ["Protesters"]


def test_a_bare_number_is_the_group_counted_the_same(pipeline):
    text = (
        "A bomb exploded at the Hilton hotel in Garo on Monday, killing two people. The "
        "attack left two dead."
    )
    doc = pipeline(Document.from_input(text, published=PUBLISHED))
    assert len(doc.events) == 1
    event = doc.events[0]
    victims = [a.name for a in (event.actor2, *event.assoc_actor2) if a is not None]
    assert victims == ["two people"]
