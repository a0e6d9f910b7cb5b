"""Incidents told in ways the first lexicon missed (issue #11, MUC-4 recall).

A killing told by the finding of its victim, looting told as "sacked", sabotage and burning
told as nouns. Sentences are our own, in wire style, upper- and lower-case.
"""

from __future__ import annotations

import pytest

from dateline.document import Document

PUBLISHED = "2021-03-10"


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("A student leader was found dead in Garo on Tuesday, police said.", "found"),
        ("the body of a union leader was found dead near the river.", "found"),
        ("Soldiers found the bodies of two farmers near the highway.", "found"),
        ("the corpses of three peasants were found in a ditch on monday.", "found"),
    ],
)
def test_a_finding_of_the_dead_is_a_killing(mentions, sentence, trigger):
    found = [m for m in mentions(sentence) if m.token.text == trigger]
    assert [(m.plover, m.sense.outcome) for m in found] == [("ASSAULT", "killed")]


def test_the_finders_are_not_the_killers(pipeline):
    doc = pipeline(
        Document.from_input(
            "Police found the bodies of two farmers near the highway on Monday.",
            published=PUBLISHED,
        )
    )
    assert [e.plover for e in doc.events] == ["ASSAULT"]
    assert doc.events[0].actor1 is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Police found the stolen car near the border.",
        "the committee found the report incomplete.",
    ],
)
def test_other_findings_are_no_killing(mentions, sentence):
    assert not [m for m in mentions(sentence) if m.token.lemma_.lower() == "find"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The guerrillas sacked two pharmacies and several stores in the town.",
        "armed men sacked the village shops before they fled.",
    ],
)
def test_sacking_a_place_is_looting(mentions, sentence):
    found = [m for m in mentions(sentence) if m.token.lemma_.lower() == "sack"]
    assert [(m.plover, m.mode) for m in found] == [("COERCE", "loot")]


def test_a_sacked_minister_is_no_looting(mentions):
    assert not [m for m in mentions("The minister was sacked on Friday.") if m.mode == "loot"]


@pytest.mark.parametrize(
    ("sentence", "trigger", "mode"),
    [
        ("The rebels resumed their sabotaging of the power grid.", "sabotaging", None),
        (
            "the burning of a steel factory took place early this morning.",
            "burning",
            "arson",
        ),
        ("The burning of two buses in the capital angered residents.", "burning", "arson"),
    ],
)
def test_sabotage_and_burning_told_as_nouns(mentions, sentence, trigger, mode):
    found = [m for m in mentions(sentence) if m.token.text == trigger]
    assert [(m.plover, m.mode) for m in found] == [("ASSAULT", mode)]


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Police defused a car bomb outside the bank in Garo on Friday.", "defused"),
        ("another dynamite charge was defused at the savings bank in the town.", "defused"),
        ("A powerful bomb was deactivated by police experts near the embassy.", "deactivated"),
    ],
)
def test_a_defused_bomb_is_a_disrupted_bombing(pipeline, sentence, trigger):
    doc = pipeline(Document.from_input(sentence, published=PUBLISHED))
    found = [e for e in doc.events if e.trigger.text == trigger]
    assert [(e.plover, e.mode, e.acled_sub_event_type) for e in found] == [
        ("ASSAULT", "explosives", "Disrupted weapons use")
    ]
    assert found[0].actor1 is None  # the bomb squad did not plant it


@pytest.mark.parametrize(
    "sentence",
    ["The minister defused the crisis with a speech.", "the army chief was sacked on friday."],
)
def test_defusing_a_crisis_and_sacking_a_chief_are_no_events(mentions, sentence):
    assert not [m for m in mentions(sentence) if m.plover in ("ASSAULT", "COERCE")]


@pytest.mark.parametrize(
    "sentence",
    [
        "A bomb exploded in a restaurant in Garo, and a second device that had been placed "
        "in the same building was defused by police.",
        "a bomb exploded at the bank and another bomb was defused at the school.",
    ],
)
def test_a_second_device_is_its_own_incident(pipeline, sentence):
    doc = pipeline(Document.from_input(sentence, published=PUBLISHED))
    assert sorted(e.trigger.text for e in doc.events if e.plover == "ASSAULT") == [
        "defused",
        "exploded",
    ]


def test_one_bomb_told_by_two_verbs_stays_one_incident(pipeline):
    doc = pipeline(
        Document.from_input(
            "Rebels attacked the police post and killed two officers on Friday.",
            published=PUBLISHED,
        )
    )
    assert len([e for e in doc.events if e.plover == "ASSAULT"]) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Six peasants were machinegunned by troops near the river.",
        "gunmen machinegunned two policemen outside the station.",
    ],
)
def test_machinegunned_is_a_shooting(mentions, sentence):
    found = [m for m in mentions(sentence) if m.token.lower_ == "machinegunned"]
    assert [(m.plover, m.mode) for m in found] == [("ASSAULT", "firearms")]
