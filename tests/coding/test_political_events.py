"""Non-violent political events (PLOVER AGREE, CONSULT, REQUEST, REJECT, SANCTION, RETREAT,
COERCE): one act told once, with whom it was directed at, and no place taken from a party or
a go-between."""

from __future__ import annotations

import pytest

from .conftest import coded, event_with


def names(*roles) -> list[str]:
    return [r.name for r in roles if r is not None]


def test_a_ceasefire_agreed_with_the_rebels_is_one_agreement(pipeline):
    doc = coded(pipeline, "The government agreed to a ceasefire with the rebels on Monday.")
    assert [e.plover for e in doc.events] == ["AGREE"]
    agree = event_with(doc, "agreed")
    assert agree.actor1.name == "The government"
    assert agree.actor2 is not None and agree.actor2.name == "the rebels"


@pytest.mark.parametrize(
    "text, trigger, other",
    [
        ("The rebels agreed on a prisoner swap with the army on Monday.", "agreed", "the army"),
        (
            "Foreign Minister Sergei Lavrov held talks with his Turkish counterpart in Ankara "
            "on Tuesday.",
            "held",
            "his Turkish counterpart",
        ),
        (
            "The United Nations called on Israel to allow aid into Gaza on Monday.",
            "called",
            "Israel",
        ),
    ],
)
def test_whom_the_act_is_directed_at(pipeline, text, trigger, other):
    event = event_with(coded(pipeline, text), trigger)
    assert event.actor2 is not None and event.actor2.name == other


def test_what_was_agreed_is_no_event_of_its_own(pipeline):
    doc = coded(pipeline, "Russia and Ukraine agreed to a 30-day truce on Tuesday.")
    assert [e.plover for e in doc.events] == ["AGREE"]


def test_a_go_between_is_not_the_place(pipeline):
    doc = coded(pipeline, "A truce brokered by Qatar took effect on Sunday.")
    assert event_with(doc, "truce").location is None


def test_the_parties_are_not_the_place(pipeline):
    doc = coded(pipeline, "Ethiopia and Eritrea agreed to restore diplomatic ties on Monday.")
    agree = event_with(doc, "agreed")
    assert names(agree.actor1, agree.actor2) == ["Ethiopia", "Eritrea"]
    assert agree.location is None


def test_who_is_called_on_is_not_the_place(pipeline):
    doc = coded(pipeline, "The United Nations called on Israel to allow aid into Gaza on Monday.")
    event = event_with(doc, "called")
    assert event.location is None or event.location.name != "Israel"


@pytest.mark.parametrize(
    "text",
    [
        "Poland expelled the Russian ambassador on Monday.",
        "Mali expelled the French ambassador on Monday.",
    ],
)
def test_an_expelled_envoy_is_a_cut_in_relations(pipeline, text):
    event = event_with(coded(pipeline, text), "expelled")
    assert (event.plover, event.mode) == ("SANCTION", "expel")
    assert event.acled_event_type is None


def test_migrants_expelled_are_deported(pipeline):
    doc = coded(pipeline, "Authorities deported 40 migrants to Afghanistan on Tuesday.")
    assert (event_with(doc, "deported").plover, event_with(doc, "deported").mode) == (
        "COERCE",
        "deport",
    )


def test_leaving_a_deal_is_a_sanction_not_a_retreat(pipeline):
    doc = coded(pipeline, "The United States withdrew from the nuclear deal on Tuesday.")
    assert [(e.plover, e.mode) for e in doc.events] == [("SANCTION", "withdraw")]
    assert doc.events[0].acled_event_type is None


def test_troops_that_withdraw_retreat(pipeline):
    event = event_with(
        coded(pipeline, "Russian forces withdrew from Kherson on Friday."), "withdrew"
    )
    assert (event.plover, event.mode) == ("RETREAT", "withdraw")


def test_a_recalled_ambassador(pipeline):
    doc = coded(pipeline, "Kenya recalled its ambassador from Tehran on Monday.")
    event = event_with(doc, "recalled")
    assert (event.plover, event.mode) == ("SANCTION", "withdraw")


def test_the_opposition_is_who_refused(pipeline):
    doc = coded(pipeline, "The opposition refused to join the talks on Monday.")
    refused = event_with(doc, "refused")
    assert refused.plover == "REJECT"
    assert refused.actor1 is not None and refused.actor1.name == "The opposition"
    assert not [e for e in doc.events if e.trigger.text == "opposition"]


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Iran demanded the release of its diplomats on Monday.", "release"),
        ("The United Nations called for the withdrawal of the troops on Monday.", "withdrawal"),
    ],
)
def test_what_is_demanded_has_not_happened(pipeline, text, trigger):
    assert event_with(coded(pipeline, text), trigger).certainty == "hypothetical"


def test_a_release_that_happened_stays_asserted(pipeline):
    doc = coded(pipeline, "Rebels freed 20 hostages in Goma on Sunday.")
    event = event_with(doc, "freed")
    assert (event.plover, event.mode, event.certainty) == ("RETREAT", "release", "asserted")


def test_a_naming_verb_with_a_date_is_no_request(pipeline):
    doc = coded(pipeline, "The president called the attack a crime on Monday.")
    assert not [e for e in doc.events if e.plover == "REQUEST"]


@pytest.mark.parametrize(
    "text, trigger, plover, mode, actor2",
    [
        (
            "President Emmanuel Macron met with Ukrainian President Volodymyr Zelensky in Paris "
            "on Monday.",
            "met",
            "CONSULT",
            None,
            "Volodymyr Zelensky",
        ),
        ("Hamas rejected the proposal on Tuesday.", "rejected", "REJECT", None, None),
        (
            "Police arrested 12 opposition activists in Nairobi on Monday.",
            "arrested",
            "COERCE",
            "arrest",
            "12 opposition activists",
        ),
        (
            "Israel released 50 prisoners in exchange for three hostages on Sunday.",
            "released",
            "RETREAT",
            "release",
            "50 prisoners",
        ),
        ("The president pardoned 300 prisoners on Monday.", "pardoned", "CONCEDE", None, None),
        ("The minister visited Kyiv on Monday.", "visited", "CONSULT", "visit", None),
        (
            "The European Union imposed sanctions on Russia on Tuesday.",
            "imposed",
            "COERCE",
            "restrict",
            "Russia",
        ),
    ],
)
def test_political_codings_that_hold(pipeline, text, trigger, plover, mode, actor2):
    event = event_with(coded(pipeline, text), trigger)
    assert (event.plover, event.mode) == (plover, mode)
    if actor2 is not None:
        assert event.actor2 is not None and event.actor2.name == actor2


def test_where_a_visit_went_is_no_party(pipeline):
    doc = coded(pipeline, "The envoy arrived in Cairo on Monday.")
    assert event_with(doc, "arrived").actor2 is None


def test_a_deed_a_demand_is_about_happened(pipeline):
    doc = coded(
        pipeline,
        "The rebels demanded the clarification of the mayor's murder on Monday.",
    )
    assert event_with(doc, "murder").certainty == "asserted"
