"""Named occasions (issue #11): "Boston Marathon bombing" names at what the bombing was,
not who made it (the tagger reads the race's name as an organisation); the name still
says which bombing is meant, so the telling is kept without anyone named."""

from __future__ import annotations


def one(mentions, text, word):
    found = [m for m in mentions(text) if m.token.text == word]
    assert len(found) == 1, [m.token.text for m in mentions(text)]
    return found[0]


def agents(text, m):
    return [text[a.core_start : a.core_end] for a in m.agents]


def test_a_race_named_before_a_bombing_is_no_attacker_and_tells_one_bombing(mentions):
    text = "A court convicted a friend of Boston Marathon bombing suspect Dzhokhar Tsarnaev."
    bombing = one(mentions, text, "bombing")
    assert not any("Marathon" in a for a in agents(text, bombing))


def test_a_group_named_before_an_attack_still_acts(mentions):
    text = "The Hamas attack on the border post killed six soldiers on Monday."
    assert any("Hamas" in a for a in agents(text, one(mentions, text, "attack")))
