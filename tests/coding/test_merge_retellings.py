"""Repeat tellings of one attack in one report are one event (coding/merge.py): a retelling
("condemned the murder of ...") dated only by a later sentence, and a victim list with
"other" in it. Several attacks told in one report stay apart."""

from __future__ import annotations

from dateline.coding.merge import UNREAL, Actor, merge
from dateline.records import EventDate, Role

from .conftest import coded, draft, span

THRESHOLD = 1.25


def _assaults(doc):
    """The attacks told as having happened ("no one was hurt" is no attack)."""
    return [e for e in doc.events if e.plover == "ASSAULT" and e.certainty not in UNREAL]


def _triggers(doc):
    return [(e.trigger.text, e.plover, e.mode) for e in doc.events]


# -- two means told next to each other ------------------------------------------------------


def test_a_shooting_and_a_bombing_told_next_to_each_other_stay_apart():
    shooting = draft(0, 0, mode="firearms")
    bomb = draft(40, 0, mode="explosives")
    assert len(merge([shooting, bomb], threshold=THRESHOLD)) == 2


# -- a retelling dated by a later sentence -------------------------------------------------


def _window() -> EventDate:
    return EventDate(
        value="2025-W09",
        earliest="2025-02-26",
        latest="2025-03-05",
        precision="week",
        evidence=[span(0, 1)],
    )


def _day(day: str) -> EventDate:
    return EventDate(value=day, earliest=day, latest=day, precision="day", evidence=[span(0, 1)])


def _people(key: str) -> Actor:
    return Actor(role=Role(name=key, evidence=[span(0, 1)]), key=key, specific=False, rank=1)


def test_an_undated_retelling_takes_the_date_told_after_it():
    # "The minister condemned the murder of the four aid workers" (the report's week), then
    # "The four aid workers were shot dead on 20 February".
    retold = draft(
        0, 0, anaphoric=True, date=_window(), patients=[_people("aid workers")], lead=True
    )
    dated = draft(
        90,
        2,
        mode="firearms",
        date=_day("2025-02-20"),
        date_own=True,
        patients=[_people("aid workers")],
    )
    events = merge([retold, dated], threshold=THRESHOLD)
    assert len(events) == 1
    assert events[0].date is not None and events[0].date.earliest == "2025-02-20"


def test_a_new_telling_with_another_date_is_another_attack():
    # The same kind of words, but the first telling is no retelling: "Gunmen killed two
    # guards" (this week) and "Gunmen killed a driver on 2 January" are two attacks.
    first = draft(0, 0, date=_window(), patients=[_people("guards")])
    second = draft(90, 1, date=_day("2025-01-02"), date_own=True, patients=[_people("driver")])
    assert len(merge([first, second], threshold=THRESHOLD)) == 2


def test_a_retelling_of_other_people_is_not_dated_by_a_later_telling():
    # "Rebels admitted the kidnapping of 40 businessmen" (the report's week), then "Luis
    # Marin was kidnapped on 2 January": both name the people taken, and none is shared.
    retold = draft(0, 0, anaphoric=True, date=_window(), patients=[_people("businessmen")])
    retold.lead = True
    dated = draft(90, 1, date=_day("2025-01-02"), date_own=True, patients=[_people("ent-7")])
    assert len(merge([retold, dated], threshold=THRESHOLD)) == 2
    # The same two tellings with the people shared are one.
    dated_same = draft(
        90, 1, date=_day("2025-01-02"), date_own=True, patients=[_people("businessmen")]
    )
    assert len(merge([retold, dated_same], threshold=THRESHOLD)) == 1


def test_a_dated_retelling_is_not_redated():
    # "the bombing of 2 January" has its own date: a later "on 20 February" is another one.
    retold = draft(0, 0, anaphoric=True, date=_day("2025-01-02"), date_own=True)
    dated = draft(90, 1, date=_day("2025-02-20"), date_own=True)
    assert len(merge([retold, dated], threshold=THRESHOLD)) == 2


def test_condemned_murder_and_its_dated_telling_are_one_event(pipeline):
    text = (
        "The interior minister on Wednesday condemned the murder of four aid workers in the "
        "province of Kassala. The four aid workers were shot dead on 20 February by gunmen "
        "who stopped their car, a police spokesman said."
    )
    doc = coded(pipeline, text)
    assaults = _assaults(doc)
    assert len(assaults) == 1, _triggers(doc)
    assert assaults[0].date is not None and assaults[0].date.earliest == "2025-02-20"


# -- "other" in one list of victims ---------------------------------------------------------


def test_other_victims_in_one_list_are_the_same_killing(pipeline):
    # "five other priests" is other than the rector named with them, not other than the
    # six priests the lead told of.
    text = (
        "Bishops in the region have condemned the assassination of six priests in the capital "
        "at dawn today. The archbishop described the killing as monstrous. According to "
        "church sources, Father Tomas Ruiz, the rector of the university, five other priests "
        "and two women were murdered by armed men in uniform at dawn today."
    )
    doc = coded(pipeline, text)
    assert len(_assaults(doc)) == 1, _triggers(doc)


def test_other_people_told_later_are_another_incident(pipeline):
    text = (
        "Gunmen shot dead two traders at a market in Lira on Tuesday, police said. In the "
        "evening, three other traders were killed by gunmen at a bus stop in Gulu, "
        "police said."
    )
    doc = coded(pipeline, text)
    assert len(_assaults(doc)) == 2, _triggers(doc)


# -- several attacks in one report ----------------------------------------------------------


def test_two_bombings_in_two_towns_stay_apart(pipeline):
    text = (
        "A car bomb exploded outside a bank in the town of Ribera on Tuesday, wounding two "
        "guards, police said. Meanwhile, in the port of Salinas, a second bomb destroyed "
        "part of a power station, officials said."
    )
    doc = coded(pipeline, text)
    assert len(_assaults(doc)) == 2, _triggers(doc)
