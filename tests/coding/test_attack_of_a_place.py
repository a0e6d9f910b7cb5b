"""Where an attack fell (issue #11): "the bombing of the city" tells where the bombs fell,
not what they were dropped on; "the bombing of the embassy" still names the target."""

from __future__ import annotations


def one(mentions, text, word):
    found = [m for m in mentions(text) if m.token.text == word]
    assert len(found) == 1, [m.token.text for m in mentions(text)]
    return found[0]


def heads(text, args):
    return [text[a.core_start : a.core_end].split()[-1] for a in args]


def test_the_bombing_of_a_city_is_where(mentions):
    text = "The bombing of the city by government aircraft killed 14 civilians on Monday."
    m = one(mentions, text, "bombing")
    assert "city" not in heads(text, m.patients) + heads(text, m.targets)
    assert "city" in heads(text, m.places)


def test_the_shelling_of_a_village_is_where(mentions):
    text = "Residents fled after the shelling of the village on Sunday."
    m = one(mentions, text, "shelling")
    assert "village" not in heads(text, m.patients) + heads(text, m.targets)
    assert "village" in heads(text, m.places)


def test_the_bombing_of_a_building_names_the_target(mentions):
    text = "The bombing of the embassy killed two guards on Monday."
    m = one(mentions, text, "bombing")
    assert "embassy" in heads(text, m.patients) + heads(text, m.targets)
    assert "embassy" not in heads(text, m.places)


def test_the_capture_of_a_town_is_what_was_taken(mentions):
    # Only attacks: a seizure's "of" object is what was seized.
    text = "The capture of the town by rebel forces was confirmed on Tuesday."
    found = [m for m in mentions(text) if m.token.text == "capture"]
    for m in found:
        assert "town" not in heads(text, m.places)
