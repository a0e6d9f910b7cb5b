"""A bomb that went off "in front of" or "in the vicinity of" a building targeted it, as one
that went off "outside" it did (nouns.toml blast_preps); the compound preposition is named as
written, article and all. "Set fire to X" burned X."""

from __future__ import annotations

from dateline.coding.syntax import preps

from .conftest import cores


def _targets(mentions, text: str) -> list[str]:
    found = [m for m in mentions(text) if m.plover == "ASSAULT"]
    assert found, text
    return [c for m in found for c in cores(text, m.targets)]


def test_a_bomb_in_front_of_a_building_targeted_it(mentions):
    text = "A car bomb exploded in front of the customs office in the port on Tuesday."
    assert "customs office" in " ".join(_targets(mentions, text))


def test_a_bomb_in_the_vicinity_of_a_building_targeted_it(mentions):
    text = "A powerful bomb exploded in the vicinity of the electricity company's offices."
    assert "offices" in " ".join(_targets(mentions, text))


def test_compound_prepositions_are_named_as_written(nlp):
    doc = nlp("The bridge collapsed as a result of the blast in front of the depot.")
    names = {name for token in doc for name, _ in preps(token)}
    assert "as a result of" in names
    assert "in front of" in names


def test_setting_fire_to_a_building_burned_it(mentions):
    text = "Rebels set fire to the offices of the water board and two buses on Sunday."
    (arson,) = [m for m in mentions(text) if m.mode == "arson"]
    burned = " ".join(cores(text, arson.targets))
    assert "offices" in burned
    assert "buses" in burned
