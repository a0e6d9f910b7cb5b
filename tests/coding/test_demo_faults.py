"""Faults the `make demo` output showed in the event layer (issue #11), each on sentences of
our own in the style of wire reports: what protesters demand is part of their protest; an
actor's "of" phrase ends before a place; active verbs are no passives; whom troops fought
to repel is the other side; a blame after an attack names its attacker; an event noun of
another time has its own date and place; a merged event is not one of an actor against
itself."""

from __future__ import annotations

import datetime as dt

from dateline.coding.syntax import is_passive
from dateline.document import Document
from dateline.store.merge import Member, summarize

from .conftest import event_with

PUBLISHED = "2024-05-08"


def coded(pipeline, text: str) -> Document:
    return pipeline(Document.from_input(text, published=PUBLISHED))


def test_what_protesters_demand_is_part_of_their_protest(pipeline):
    doc = coded(
        pipeline,
        "Hundreds of nurses marched through central Tamale on Monday, demanding back pay.",
    )
    assert [e.plover for e in doc.events] == ["PROTEST"]
    march = event_with(doc, "marched")
    assert [m.trigger.text for m in march.mentions] == ["marched", "demanding"]


def test_an_actor_s_of_phrase_stops_before_a_place(pipeline):
    doc = coded(pipeline, "Police arrested three residents of Tarmuk in Kano state on Monday.")
    arrest = event_with(doc, "arrested")
    assert arrest.actor2 is not None and arrest.actor2.name == "three residents of Tarmuk"
    doc = coded(pipeline, "Soldiers detained 12 suspected members of the sect in Kano on Monday.")
    assert event_with(doc, "detained").actor2.name == "12 suspected members of the sect"


def test_a_simple_past_is_no_passive(nlp):
    # "blew" and "went" are never participles: the parser hangs them on the passive before
    # them, but the car blew up, nothing blew it.
    for text, verb in (
        ("The car had been parked outside the ministry and blew up at 9 a.m.", "blew"),
        ("The van had been left near the gate and went off at noon.", "went"),
    ):
        token = next(t for t in nlp(text) if t.text == verb)
        assert not is_passive(token), text
    # A participle coordinated with a passive still shares it.
    doc = nlp("His son was detained at the airport and sentenced in June.")
    assert is_passive(next(t for t in doc if t.text == "sentenced"))


def test_whom_troops_fought_to_repel_is_the_other_side(pipeline):
    doc = coded(
        pipeline,
        "Government troops fought to repel rebel fighters near Garo on Monday, the army said.",
    )
    fight = event_with(doc, "fought")
    assert fight.actor1 is not None and fight.actor1.name == "Government troops"
    assert fight.actor2 is not None and fight.actor2.name == "rebel fighters"


def test_troops_who_clashed_with_militants_fought_them(pipeline):
    doc = coded(pipeline, "Troops clashed with militants near Garo on Monday, losing three men.")
    clash = event_with(doc, "clashed")
    assert clash.actor2 is not None and clash.actor2.name == "militants"


def test_a_blame_for_the_attack_names_its_attacker_and_no_other_event(pipeline):
    doc = coded(
        pipeline,
        "A car bomb exploded outside a police station in Garo on Monday, killing four "
        "officers. The governor blamed the Kazra Front for the attack.",
    )
    assert [e.plover for e in doc.events] == ["ASSAULT"]
    assert doc.events[0].actor1.name == "Kazra Front"


def test_a_blame_after_an_attack_names_its_attacker(pipeline):
    doc = coded(
        pipeline,
        "A car bomb exploded outside a police station in Garo on Monday, killing four "
        "officers. Police blamed Kazra Front militants.",
    )
    assert [e.plover for e in doc.events] == ["ASSAULT"]
    assert doc.events[0].actor1.name == "Kazra Front militants"
    # With no attack told, a blame is an accusation of its own.
    doc = coded(pipeline, "The minister blamed the rebels.")
    assert [e.plover for e in doc.events] == ["ACCUSE"]


def test_an_event_of_another_time_has_its_own_date_and_place(pipeline):
    doc = coded(
        pipeline,
        "Police in Maiduguri arrested two men on Wednesday after Monday's bombing in Bama.",
    )
    arrest, bombing = event_with(doc, "arrested"), event_with(doc, "bombing")
    assert (arrest.date.value, arrest.location.name) == ("2024-05-08", "Maiduguri")
    assert (bombing.date.value, bombing.location.name) == ("2024-05-06", "Bama")


def _member(key: str, actor1: str, actor2: str | None) -> Member:
    def role(name: str | None):
        return None if name is None else {"name": name, "canonical": None, "actor_type": None}

    event = {"id": key, "plover": "ASSAULT", "actor1": role(actor1), "actor2": role(actor2)}
    return Member(key, event, key, None, None, dt.date(2024, 5, 8))


def test_a_merged_event_is_no_actor_against_itself():
    # Two sources name the attacker as acted on: the other side is the third source's.
    summary = summarize(
        [
            _member("a", "Kazra Front", "Kazra Front"),
            _member("b", "Kazra Front", "Kazra Front"),
            _member("c", "Kazra Front", "police officers"),
        ]
    )
    assert (summary.columns["actor1"], summary.columns["actor2"]) == (
        "Kazra Front",
        "police officers",
    )


def test_a_report_filed_from_abroad_places_its_unlocated_events_where_its_places_are(pipeline):
    # Filed from Beirut about Syria: the residents who condemn are in Syria, not Lebanon.
    text = (
        "BEIRUT, June 5, 2029 (Levant Wire) - An air strike hit the town of Ariha in Syria's "
        "Idlib province on Tuesday, killing seven civilians.\n\n"
        "Residents condemned the attack and said they would protest on Friday."
    )
    doc = pipeline(Document.from_input(text))
    protest = event_with(doc, "protest")
    assert (protest.location.country, protest.location.precision) == ("SY", "country")
    # A body that names a place of the dateline's country keeps the dateline's country.
    text = text.replace("would protest on Friday.", "would protest in Tyre on Friday.")
    doc = pipeline(Document.from_input(text.replace("Residents", "Officials")))
    assert event_with(doc, "protest").location.country == "LB"


def test_a_country_s_war_planes_are_its_armed_forces(pipeline):
    doc = coded(
        pipeline, "Nigerian fighter jets struck a camp near Baga on Monday, killing 12 fighters."
    )
    strike = event_with(doc, "struck")
    assert (strike.actor1.name, strike.actor1.actor_type) == (
        "Military Forces of Nigeria",
        "state_forces",
    )
    assert [w.name for w in strike.weapons] == ["Nigerian fighter jets"]


def test_troops_fighting_to_end_a_siege_fight_those_who_lay_it(pipeline):
    doc = coded(
        pipeline,
        "Gunmen stormed a hotel in Garo on Monday evening, police said, and soldiers were "
        "fighting to end the siege late into the night.",
    )
    fight = event_with(doc, "fighting")
    assert fight.actor1.name == "soldiers"
    assert fight.actor2 is not None and fight.actor2.name == "Gunmen"


def test_war_planes_that_open_a_report_are_its_weapon(pipeline):
    # After a wire header the tagger reads "Warplanes" as a name: the plural of a weapon
    # still says an air strike, which the destroyed homes do not make property destruction.
    text = (
        "IDLIB, Syria, May 7 (Levant Wire) - Warplanes struck the town of Ariha on Tuesday "
        "morning, killing at least eight people. Two homes and a bakery were destroyed."
    )
    strike = event_with(coded(pipeline, text), "struck")
    assert strike.acled_sub_event_type == "Air/drone strike"
    assert strike.actor1 is None
    assert [w.name for w in strike.weapons] == ["Warplanes"]
