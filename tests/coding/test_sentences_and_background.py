"""A sentence to death kills no one (issue #11): "sentenced 12 people to death" is a penalty,
not twelve deaths, while "beat two protesters to death" is two. And an attack the sentence
is over is dated by its own time ("over an attack ... in 2013"), not by the sentencing's."""

from __future__ import annotations

from .conftest import coded, event_with


def test_a_death_sentence_counts_no_dead(pipeline):
    doc = coded(
        pipeline,
        "A court in Cairo sentenced 12 people to death on Monday over an attack on a police "
        "station in 2013.",
    )
    sentence = event_with(doc, "sentenced")
    assert sentence.plover == "SANCTION" and sentence.fatalities is None


def test_beaten_to_death_still_counts_the_dead(pipeline):
    doc = coded(pipeline, "Soldiers beat two protesters to death in Khartoum on Monday.")
    beating = event_with(doc, "beat")
    assert beating.fatalities is not None and beating.fatalities.best == 2


def test_the_attack_a_sentence_is_over_keeps_its_own_year(pipeline):
    doc = coded(
        pipeline,
        "A court in Cairo sentenced 12 people to death on Monday over an attack on a police "
        "station in 2013.",
    )
    assert event_with(doc, "sentenced").date.value == "2025-03-03"
    attack = event_with(doc, "attack")
    assert attack.date is not None and attack.date.value == "2013"
    assert attack.date.evidence[0].text == "2013"


def test_the_incident_a_penalty_is_over_does_not_take_its_day(pipeline):
    doc = coded(
        pipeline,
        "The United States imposed sanctions on three officials on Monday over the crackdown "
        "on protesters.",
    )
    assert event_with(doc, "imposed").date.value == "2025-03-03"
    crackdown = event_with(doc, "crackdown")
    assert crackdown.date is None or crackdown.date.value != "2025-03-03"
