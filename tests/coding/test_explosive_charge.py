"""A "dynamite charge" is a bomb, not an accusation; a charge of fraud still is one."""

from __future__ import annotations


def test_a_dynamite_charge_is_no_accusation(mentions):
    found = mentions("A powerful dynamite charge exploded outside the bank last night.")
    assert [m.plover for m in found] == ["ASSAULT"]


def test_an_explosive_charge_is_no_accusation(mentions):
    found = mentions("Police defused an explosive charge left at the door of the court.")
    assert "ACCUSE" not in [m.plover for m in found]


def test_a_charge_of_fraud_is_still_an_accusation(mentions):
    found = mentions("Prosecutors filed a charge of fraud against the mayor on Monday.")
    assert "ACCUSE" in [m.plover for m in found]
