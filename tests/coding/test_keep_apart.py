"""Mentions that name different people as the ones hit are two incidents (coding/merge.py,
``KeepApart``), however near they are told and whatever else they share."""

from __future__ import annotations

from dateline.coding.merge import Actor, KeepApart, keep_apart, merge
from dateline.records import Role

from .conftest import draft, span


def person(key: str, name: str = "") -> Actor:
    role = Role(name=name or key, evidence=[span(0, 1)])
    return Actor(role=role, key=key, specific=True, rank=3, person=True, name=name)


def group(key: str) -> Actor:
    role = Role(name=key, evidence=[span(0, 1)])
    return Actor(role=role, key=key, specific=True, rank=3)


def test_two_named_victims_told_next_to_each_other_are_two_killings():
    # "Gunmen shot dead mayor Ricardo Almeida ... In another attack, gunmen killed judge
    # Elena Vargas": the same attackers, next sentence, and still two incidents.
    first = draft(0, 0, agents=[group("gunmen")], patients=[person("e1", "ricardo almeida")])
    second = draft(90, 1, agents=[group("gunmen")], patients=[person("e2", "elena vargas")])
    assert len(merge([first, second], threshold=1.25)) == 2


def test_a_victim_told_by_part_of_her_name_is_the_same_victim():
    # "Stela Torrado de Otalora was shot ... the assassins killed Otalora"
    first = draft(0, 0, patients=[person("e1", "stela torrado de otalora")])
    second = draft(90, 1, agents=[group("assassins")], patients=[person("e9", "otalora")])
    assert len(merge([first, second], threshold=1.25)) == 1


def test_name_particles_do_not_make_two_people_one():
    first = draft(0, 0, patients=[person("e1", "maria de la cruz")])
    second = draft(90, 1, patients=[person("e2", "jose de la paz")])
    assert keep_apart().clash(first, second)
    assert not KeepApart().clash(first, draft(90, 1, patients=[person("e3", "maria")]))


def test_people_without_a_name_are_never_kept_apart():
    # "the colonel was shot ... a policeman was killed": no names to tell them apart.
    first = draft(0, 0, patients=[person("e1", "waldemar quintero")])
    second = draft(90, 1, patients=[person("e5")])
    assert len(merge([first, second], threshold=1.25)) == 1


def test_a_named_death_still_joins_the_attack_told_next_to_it():
    # "Mayor Ricardo Almeida was shot ... His driver, Luis Pena, died in hospital": a death
    # never makes an event of its own, so keeping it apart would only drop it.
    attack = draft(0, 0, patients=[person("e1", "ricardo almeida")])
    death = draft(90, 1, patients=[person("e2", "luis pena")], casualty_only=True)
    events = merge([attack, death], threshold=1.25)
    assert len(events) == 1
    assert {a.key for a in events[0].patients} == {"e1", "e2"}


TWO_KILLINGS = (
    "BOGOTA, 14 MAR 90 -- Gunmen killed Liberal Party councilman Ricardo Almeida Soto as he "
    "left his home in Medellin on Monday, police said. Two hours later, the gunmen killed "
    "judge Elena Vargas Pineda outside a court in Medellin."
)


def test_two_named_people_killed_by_the_same_gunmen_are_two_events(pipeline):
    from dateline.document import Document

    doc = pipeline(Document.from_input(TWO_KILLINGS, published="1990-03-14"))
    victims = sorted(e.actor2.name for e in doc.events if e.actor2 is not None)
    assert victims == ["Elena Vargas Pineda", "Ricardo Almeida Soto"]
    assert all(not e.assoc_actor2 for e in doc.events)
