"""Words of accusation in other senses, and who acts in what someone is accused of: "the
officer in charge of" and "the charge d'affaires" accuse no one; "the authorities accused him
of assassinating X" makes him, never the authorities, the one who acted."""

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


def _assault(found):
    return next(m for m in found if m.plover == "ASSAULT")


def test_the_accused_pronoun_acted_not_the_accuser(mentions):
    text = "The authorities have accused him of assassinating the archbishop."
    found = mentions(text)
    assert texts(text, _assault(found).agents) == ["him"]


def test_the_accused_object_acted_not_the_accuser(mentions):
    text = "The army accused the FMLN of killing six peasants in the village."
    assault = _assault(mentions(text))
    assert texts(text, assault.agents) == ["FMLN"]
    assert texts(text, assault.patients) == ["six peasants"]


def test_charged_with_planting_a_bomb(mentions):
    text = "Police charged three students with planting the bomb."
    assert texts(text, _assault(mentions(text)).agents) == ["three students"]


def test_the_accuser_never_acts_without_an_accused(mentions):
    text = "The army has accused of murdering the priests."
    assert "army" not in texts(text, _assault(mentions(text)).agents)


def test_accused_of_the_murder(mentions):
    text = "The rebels accused soldiers of the murder of two peasants."
    assert texts(text, _assault(mentions(text)).agents) == ["soldiers"]


def test_blamed_for_the_attacks(mentions):
    text = "Authorities blamed the Shining Path for these attacks."
    assert texts(text, _assault(mentions(text)).agents) == ["Shining Path"]


def test_the_authors_of_the_crime_name_no_one(mentions):
    text = "The delegation came to accuse the alleged authors of the double murder."
    assert texts(text, _assault(mentions(text)).agents) == []


def test_a_raid_in_search_of_someone_is_a_search(mentions):
    found = mentions("Police raided several houses in search of the kidnappers.")
    assert [(m.plover, m.mode) for m in found] == [("ACCUSE", "investigate")]


def test_raids_carried_out_in_search_of_and_told_again(mentions):
    text = (
        "Hundreds were detained in raids carried out in search of the banker. "
        "The police raids began after the kidnapping of the banker."
    )
    found = mentions(text)
    assert "raids" not in [m.token.text for m in found if m.plover == "ASSAULT"]
    assert ("ASSAULT", "abduct") in [(m.plover, m.mode) for m in found]


def test_troops_raided_houses_searching_for_weapons(mentions):
    found = mentions("Troops raided houses in the slum searching for weapons.")
    assert "ASSAULT" not in [m.plover for m in found]


def test_a_raid_to_kidnap_is_still_an_attack(mentions):
    text = "Guerrillas raided the town and kidnapped the mayor."
    found = mentions(text)
    assert [(m.plover, m.mode) for m in found] == [("ASSAULT", None), ("ASSAULT", "abduct")]
