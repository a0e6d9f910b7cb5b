"""People an attack falls on because they stay, travel, shop or pray where it strikes are
civilians (issue #11): gunmen who kill hotel guests commit violence against civilians, not an
armed clash, even when a guard dies with them; guards alone facing gunmen stay a clash."""

from __future__ import annotations

import pytest

from .conftest import coded, event_with


@pytest.mark.parametrize(
    "text, trigger",
    [
        (
            "Gunmen stormed a hotel in the capital on Tuesday, killing 12 guests and two "
            "security guards, police said.",
            "stormed",
        ),
        ("Militants opened fire on shoppers at a market on Tuesday, police said.", "opened fire"),
        ("Gunmen shot dead four pedestrians near the port on Tuesday.", "shot dead"),
        ("Attackers killed six tourists at a beach resort on Tuesday.", "killed"),
    ],
)
def test_violence_against_people_at_the_scene_is_against_civilians(pipeline, text, trigger):
    doc = coded(pipeline, text)
    event = next(e for e in doc.events if e.trigger.text.startswith(trigger.split()[0]))
    assert (event.acled_event_type, event.acled_sub_event_type) == (
        "Violence against civilians",
        "Attack",
    ), (event.trigger.text, event.acled_event_type, event.actor2)
    victims = [event.actor2, *event.assoc_actor2]
    assert any(a is not None and a.actor_type == "civilians" for a in victims)


def test_soldiers_fighting_gunmen_stay_an_armed_clash(pipeline):
    doc = coded(pipeline, "Gunmen clashed with soldiers near the border on Tuesday, the army said.")
    clash = event_with(doc, "clashed")
    assert (clash.acled_event_type, clash.acled_sub_event_type) == ("Battles", "Armed clash")


def test_civilians_killed_beside_soldiers_leave_a_battle_a_battle(pipeline):
    # Soldiers are the side attacked; the civilians who died too are counted, not the kind.
    doc = coded(
        pipeline,
        "Militants attacked an army post in Borno state on Tuesday, killing five soldiers "
        "and two civilians.",
    )
    attack = event_with(doc, "attacked")
    assert (attack.acled_event_type, attack.acled_sub_event_type) == ("Battles", "Armed clash")
    assert attack.fatalities is not None and attack.fatalities.best == 7
    assert attack.fatalities.civilians == 2
