"""Robbery and forced work stoppage: COERCE modes ``loot`` and ``armed-stoppage`` (issue #11).

Sentences are our own, in wire style, upper- and lower-case.
"""

from __future__ import annotations

import pytest

from dateline.document import Document
from dateline.evaluate.muc4 import predicted_templates

PUBLISHED = "2021-03-10"


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Gunmen robbed a bank branch in Garo on Friday.", "robbed"),
        ("the rebels attacked the farm, where they stole cattle and food.", "stole"),
        ("Police said the robbery of the armoured van took place at dawn.", "robbery"),
        ("Troops looted shops in the market town of Tula.", "looted"),
    ],
)
def test_robbery_is_coerce_loot(mentions, sentence, trigger):
    found = [m for m in mentions(sentence) if m.token.text == trigger]
    assert [(m.plover, m.mode) for m in found] == [("COERCE", "loot")]


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The singer stole the show at the festival.", "stole"),
        ("The state confiscated the land of the company.", "confiscated"),
    ],
)
def test_other_takings_are_no_robbery(mentions, sentence, word):
    assert not [m for m in mentions(sentence) if m.token.text == word and m.mode == "loot"]


def test_an_armed_strike_is_a_forced_stoppage(mentions):
    found = [m for m in mentions("The guerrillas began an armed strike on Monday.")]
    assert [(m.token.text, m.plover, m.mode) for m in found] == [
        ("strike", "COERCE", "armed-stoppage")
    ]


def test_a_stoppage_armed_rebels_call_is_forced_and_a_union_strike_a_protest(pipeline):
    rebels = pipeline(
        Document.from_input(
            "Rebels began a transport stoppage in the capital on Monday.", published=PUBLISHED
        )
    )
    assert [(e.plover, e.mode, e.acled_sub_event_type) for e in rebels.events] == [
        ("COERCE", "armed-stoppage", "Other")
    ]
    workers = pipeline(
        Document.from_input(
            "Bus drivers began a transport stoppage in the capital on Monday.",
            published=PUBLISHED,
        )
    )
    assert [(e.plover, e.mode) for e in workers.events] == [("PROTEST", "strike")]


def test_muc4_reads_robbery_and_forced_work_stoppage(pipeline):
    doc = pipeline(
        Document.from_input(
            "Guerrillas robbed a bank in Garo on Friday. On Monday the guerrillas began "
            "an armed strike in the province.",
            published=PUBLISHED,
        )
    )
    kinds = [t.incident_type for t in predicted_templates(doc.to_dict())]
    assert sorted(kinds) == ["forced work stoppage", "robbery"]
