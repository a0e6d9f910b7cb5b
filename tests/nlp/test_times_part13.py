"""The time layer on the patterns of dev part 13 (tests/fixtures/times/dev_expressions_13.txt):
the business wires' "prior-year quarter", "year-to-date" and counts of quarters, "the year-ago
period" told before its quarter, "early" that is how a market closes, the night "to" an
infinitive, a departure verb the parser reads as a noun, and a clock time or a holiday of a habit.
Sentences are our own, in wire style, and differ from the dev part's."""

from __future__ import annotations

import pytest

import dateline


def _times(pipeline, text, published):
    doc = dateline.extract(text, published=published, clean=False, pipeline=pipeline)
    return [(t.evidence[0].text, t.type, t.value) for t in doc.times]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a quarter or a half a year before the one told last
        (
            "Second-quarter profit rose to $3.10 a share from $2.75 in the prior-year quarter.",
            "2005-08-10",
            [("Second-quarter", "DATE", "2005-Q2"), ("the prior-year quarter", "DATE", "2004-Q2")],
        ),
        (
            "Sales in the first half rose 4 percent from the prior-year period.",
            "2005-08-10",
            [("the first half", "DATE", "2005-H1"), ("the prior-year period", "DATE", "2004-H1")],
        ),
        # told before the quarter it counts from, in the same sentence
        (
            "Net income was $40 million in the year-ago period, the bank said of its"
            " third-quarter results.",
            "2005-10-20",
            [("the year-ago period", "DATE", "2004-Q3"), ("third-quarter", "DATE", "2005-Q3")],
        ),
        # with no quarter in its sentence, none
        ("The year-ago period was weak.", "2005-10-20", []),
        # year-to-date: the year in question
        (
            "Imports are up 12 percent year-to-date.",
            "2005-08-10",
            [("year-to-date", "DATE", "2005")],
        ),
        (
            "Year-to-date deliveries fell 3 percent.",
            "2005-08-10",
            [("Year-to-date", "DATE", "2005")],
        ),
        # quarters counted in months (ISO 8601 has no quarter unit)
        (
            "The economy has shrunk for three quarters in a row.",
            "2005-08-10",
            [("three quarters", "DURATION", "P9M")],
        ),
        # the night goes on to an infinitive; "the week to Friday" runs to a day
        (
            "Crews worked through the night to restore power.",
            "2005-08-10",
            [("the night", "TIME", "2005-08-10TNI")],
        ),
        # any day, "in the day" before an infinitive: none
        ("It is warm enough in the day to melt the ice.", "2005-08-10", []),
        (
            "Prices rose 2 percent in the week to Friday.",
            "2005-08-10",
            [("Friday", "DATE", "2005-08-05")],
        ),
        # "close early": how the market closes, the day alone
        (
            "The stock exchange will close early Friday.",
            "2005-08-10",
            [("Friday", "DATE", "2005-08-12")],
        ),
        (
            "The attack was carried out early Monday.",
            "2005-08-10",
            [("early Monday", "DATE", "2005-08-08")],
        ),
        # a timetable's verb read as a plural noun still schedules
        (
            "The first bus departs at 5:30 a.m. on Monday.",
            "2005-08-10",
            [("5:30 a.m.", "TIME", "2005-08-15T05:30"), ("Monday", "DATE", "2005-08-15")],
        ),
        (
            "The first boat sails at 8 a.m. on Saturday.",
            "2005-08-10",
            [("8 a.m.", "TIME", "2005-08-13T08:00"), ("Saturday", "DATE", "2005-08-13")],
        ),
        # a habit: an hour of any day, a holiday of any year
        (
            "Nowadays the shelter closes at 6 p.m.",
            "2005-08-10",
            [("Nowadays", "DATE", "PRESENT_REF"), ("6 p.m.", "TIME", "XXXX-XX-XXT18:00")],
        ),
        (
            "Now the minister will speak at noon.",
            "2005-08-10",
            [("Now", "DATE", "PRESENT_REF"), ("noon", "TIME", "2005-08-10T12:00")],
        ),
        (
            "The market is open daily except New Year's Day.",
            "2005-08-10",
            [("daily", "SET", "P1D"), ("New Year's Day", "DATE", "XXXX-01-01")],
        ),
        # politics: a term is one expression with its count, an election its year; "former",
        # "once" are none
        (
            "Voters elected him to a six-year term in the 2004 election.",
            "2005-08-10",
            [("a six-year term", "DURATION", "P6Y"), ("2004", "DATE", "2004")],
        ),
        ("The former mayor was once a teacher.", "2005-08-10", []),
    ],
)
def test_part13_patterns(pipeline, text, published, expected):
    assert _times(pipeline, text, published) == expected


def test_a_movable_holiday_after_a_set_keeps_its_day(pipeline):
    # Easter has no one day of every year to write as XXXX-MM-DD.
    times = _times(pipeline, "Pilgrims visit the shrine each year at Easter.", "2005-08-10")
    assert times[0] == ("each year", "SET", "P1Y")
    assert times[1][0] == "Easter" and not times[1][2].startswith("XXXX")
