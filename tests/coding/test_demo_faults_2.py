"""More faults the `make demo` output showed in the event layer (issue #11), each on
sentences of our own in the style of wire reports: aircraft that bomb make an air strike;
a town named as a subject or object is where an event happened, not a side; "by X" after
"in what police described as an attack" names the attacker; attackers of another date or
town are not borrowed; "schoolteachers" are teachers when two reports are merged."""

from __future__ import annotations

import datetime as dt

from dateline.config import default_config
from dateline.document import Document
from dateline.store.merge import item_of, linked, words_of
from tests.store.helpers import event

from .conftest import event_with

PUBLISHED = "2024-05-08"


def coded(pipeline, text: str) -> Document:
    return pipeline(Document.from_input(text, published=PUBLISHED))


def test_aircraft_that_bomb_make_an_air_strike(pipeline):
    doc = coded(
        pipeline,
        "Russian warplanes bombed a market in the town of Saraqeb on Sunday, killing nine "
        "people, rescuers said.",
    )
    strike = event_with(doc, "bombed")
    assert strike.acled_sub_event_type == "Air/drone strike"
    assert strike.mode == "aerial"
    # Without an aircraft, bombing stays a bombing.
    doc = coded(pipeline, "Militants bombed a market in Kano on Friday.")
    assert event_with(doc, "bombed").acled_sub_event_type == "Remote explosive/landmine/IED"


def test_a_town_struck_is_the_location_not_the_other_side(pipeline):
    doc = coded(
        pipeline,
        "Government forces struck Maarat al-Numan on Thursday, killing four civilians, "
        "activists said.",
    )
    strike = event_with(doc, "struck")
    assert strike.actor2 is not None and strike.actor2.name == "four civilians"
    assert strike.location is not None and strike.location.name == "Maarat al-Numan"
    doc = coded(pipeline, "Rebels attacked Kirkuk on Monday.")
    attack = event_with(doc, "attacked")
    assert attack.actor2 is None
    assert attack.location is not None and attack.location.name == "Kirkuk"


def test_a_town_never_kills(pipeline):
    doc = coded(
        pipeline,
        "The attack came two days after Monday's bombing in Gwoza, which killed six people.",
    )
    for found in doc.events:
        assert found.actor1 is None or found.actor1.name != "Gwoza"
    assert any(e.location is not None and e.location.name == "Gwoza" for e in doc.events)


def test_in_what_police_described_as_an_attack_by_x_names_its_actor(pipeline):
    doc = coded(
        pipeline,
        "An explosion tore through a bus station in Baidoa on Friday, killing five people, "
        "in what police described as an attack by al-Shabaab.",
    )
    assert len(doc.events) == 1
    blast = doc.events[0]
    assert blast.actor1 is not None and blast.actor1.name == "al-Shabaab"
    doc = coded(pipeline, "Police described the blast in Gao as an attack by jihadists.")
    blast = event_with(doc, "blast")
    assert blast.actor1 is not None and blast.actor1.name == "jihadists"


def test_an_attack_of_another_date_or_town_keeps_its_own_attackers(pipeline):
    # The gunmen of Sunday's killings did not do March's attack.
    doc = coded(
        pipeline,
        "Gunmen killed five farmers near Dikwa on Sunday. In March's attack on an army base "
        "in Monguno, 12 soldiers were killed.",
    )
    assert event_with(doc, "killed").actor1.name == "Gunmen"
    assert event_with(doc, "attack").actor1 is None
    # Gunmen who burned a school there after the attack did it.
    text = "Twelve soldiers were killed in an attack on an army base in Monguno on Sunday. "
    doc = coded(pipeline, text + "Gunmen also burned a school there.")
    assert event_with(doc, "killed").actor1.name == "Gunmen"


def test_schoolteachers_are_teachers_across_reports():
    assert words_of(["Hundreds of schoolteachers"]) & words_of(["Several hundred teachers"])
    assert words_of(["shopkeepers"]) & words_of(["the keepers"])
    assert not words_of(["teachers"]) & words_of(["traders"])
    rules = default_config().store.merge
    protest = dict(plover="PROTEST", acled="Protests", sub="Peaceful protest")
    published = dt.date(2024, 5, 3)
    a, b = (
        item_of(event(**protest, actor1=name, type1="civilians"), key=k, published=published,
                rules=rules)
        for k, name in (("a", "Several hundred teachers"), ("b", "Hundreds of schoolteachers"))
    )  # fmt: skip
    assert linked(a, b, rules) is not None
