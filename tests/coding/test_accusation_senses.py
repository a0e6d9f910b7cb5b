"""Words of accusation in other senses: "the officer in charge of" and "the charge
d'affaires" accuse no one."""

from __future__ import annotations

from .conftest import texts


def test_in_charge_of_is_no_accusation(mentions):
    found = mentions("Soldiers in charge of guarding the embassy repelled the attack.")
    assert "ACCUSE" not in [m.plover for m in found]


def test_put_in_charge_is_no_accusation(mentions):
    found = mentions("The colonel was put in charge of security at the airport.")
    assert "ACCUSE" not in [m.plover for m in found]


def test_a_charge_d_affaires_is_a_diplomat(mentions):
    text = "The French charge d'affaires was kidnapped outside the embassy on Monday."
    found = mentions(text)
    assert [m.plover for m in found] == ["ASSAULT"]
    assert texts(text, found[0].patients) == ["French charge d'affaires"]


def test_a_charge_d_affaires_across_a_line_break(mentions):
    found = mentions("Peru's Charge\nd'Affaires met the interior minister yesterday.")
    assert "ACCUSE" not in [m.plover for m in found]


def test_a_charge_of_murder_is_still_an_accusation(mentions):
    found = mentions("Prosecutors filed a charge of murder against the colonel in charge.")
    assert [m.plover for m in found].count("ACCUSE") == 1
