"""A noun that names a chance or a cause never acts: "the opportunity to attack the Prime
Minister" names no attacker (issue #11, WikiEvents Attacker)."""

from __future__ import annotations


def _attack(mentions, text: str):
    found = [m for m in mentions(text) if m.token.text == "attack"]
    assert found, [m.token.text for m in mentions(text)]
    return found[0]


def test_an_opportunity_attacks_no_one(mentions):
    text = "The bombing gave the hardliners the opportunity to attack the Prime Minister."
    attack = _attack(mentions, text)
    assert [a.head.text for a in attack.agents] == []
    assert [a.head.text for a in attack.patients] == ["Minister"]


def test_a_group_that_attacks_still_acts(mentions):
    attack = _attack(mentions, "The rebels vowed to attack the Prime Minister.")
    assert [a.head.text for a in attack.agents] == ["rebels"]
