"""MUC-4 perpetrator slots: people told as part of a body, and bodies no name names.

All text invented.
"""

from __future__ import annotations

from dateline.evaluate.muc4 import predicted_templates

from .test_muc4 import event, role


def _slots(prediction: dict) -> dict[str, list[frozenset[str]]]:
    (template,) = predicted_templates(prediction)
    return template.slots


def test_members_of_a_body_fill_perp_ind_and_the_body_perp_org():
    # "Members of the river police fired on the marchers": the people are PerpInd, the body
    # they belong to PerpOrg.
    members = role("members of the river police", "e1") | {"actor_type": "state_forces"}
    people = [{"id": "e1", "label": "PERSON", "named": False}]
    slots = _slots({"events": [event(actor1=members)], "entities": people})
    assert slots["PerpInd"] == [frozenset({"members of the river police"})]
    assert slots["PerpOrg"] == [frozenset({"river police"})]


def test_the_body_ends_at_a_bracket_or_a_coordination():
    officers = role("two officers of the harbour guard (hg) and a driver", "e1")
    people = [{"id": "e1", "label": "PERSON", "named": False}]
    slots = _slots({"events": [event(actor1=officers)], "entities": people})
    assert slots["PerpOrg"] == [frozenset({"harbour guard"})]


def test_a_body_without_an_organisation_word_or_told_by_a_pointer_is_no_perp_org():
    people = [{"id": "e1", "label": "PERSON", "named": False}]
    for name in ("members of the family", "members of that front", "a group of farmers"):
        slots = _slots({"events": [event(actor1=role(name, "e1"))], "entities": people})
        assert slots["PerpOrg"] == [], name
        assert slots["PerpInd"] == [frozenset({name.removeprefix("a ")})], name


def test_an_organisation_told_by_its_members_keeps_one_perp_org_entity():
    # The actor is the organisation (ORG, named); "members of the front" tells its people and
    # the front itself, both strings of the one organisation.
    front = role("people's liberation front", "e1") | {
        "evidence": [{"start": 0, "end": 22, "text": "members of the front"}]
    }
    orgs = [{"id": "e1", "label": "ORG", "named": True}]
    slots = _slots({"events": [event(actor1=front)], "entities": orgs})
    assert slots["PerpOrg"] == [frozenset({"peoples liberation front", "front"})]
    assert slots["PerpInd"] == [frozenset({"members of the front"})]


def test_an_unnamed_armed_body_is_perp_ind_but_the_state_s_forces_stay_perp_org():
    squads = role("death squads", "e1") | {"actor_type": "political_militias"}
    army = role("the army", "e2") | {"actor_type": "state_forces"}
    entities = [
        {"id": "e1", "label": "ORG", "named": False},
        {"id": "e2", "label": "ORG", "named": False},
    ]
    slots = _slots({"events": [event(actor1=squads, assoc1=[army])], "entities": entities})
    assert slots["PerpInd"] == [frozenset({"death squads"})]
    assert slots["PerpOrg"] == [frozenset({"army"})]
    # Named, the same body is an organisation.
    entities[0]["named"] = True
    slots = _slots({"events": [event(actor1=squads, assoc1=[army])], "entities": entities})
    assert frozenset({"death squads"}) in slots["PerpOrg"]
