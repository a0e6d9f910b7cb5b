"""Each weapon of a coordinated modifier is one the attack was made with: "the
van-and-knife attack" was a knife attack, and so no bombing (issue #11)."""

from __future__ import annotations


def _attack(mentions, text: str):
    found = [m for m in mentions(text) if m.token.text == "attack"]
    assert found, [m.token.text for m in mentions(text)]
    return found[0]


def test_the_knife_of_a_van_and_knife_attack_is_its_weapon(mentions):
    attack = _attack(mentions, "Police questioned two men after the van-and-knife attack.")
    assert [w.head.text for w in attack.weapons] == ["knife"]
    assert attack.mode is not None


def test_a_lone_modifier_still_gives_the_weapon(mentions):
    attack = _attack(mentions, "Police questioned two men after the knife attack.")
    assert [w.head.text for w in attack.weapons] == ["knife"]
