"""Forms the shipped model lemmatizes wrongly ("staged" -> "stag") are read as their verb
(verb_forms.toml [lemmas]): "staged an attack" is a light verb with its actors."""

from __future__ import annotations

from .conftest import cores


def test_who_staged_an_attack_carried_it_out(mentions):
    text = "Urban commando units staged an attack on the brigade headquarters on Thursday."
    (attack,) = [m for m in mentions(text) if m.plover == "ASSAULT"]
    assert "units" in " ".join(cores(text, attack.agents))


def test_who_waged_attacks_carried_them_out(mentions):
    text = "Rebel fighters waged attacks on three army posts near the border."
    attacks = [m for m in mentions(text) if m.plover == "ASSAULT"]
    assert attacks
    assert any("fighters" in " ".join(cores(text, m.agents)) for m in attacks)
