"""Time expressions left over by the earlier rounds: a stretch counted on from a clock time,
bare hours beside a clock time, vague counts of days, a list of hours opened by "about", years
guessed without a publication date, and bond names that carry a year.

Every case is a sentence we wrote, read with publication date Wednesday 17 March 2021 unless it
says otherwise.
"""

from __future__ import annotations

import pytest

import dateline

PUBLISHED = "2021-03-17"


def read(pipeline, text, published=PUBLISHED):
    doc = dateline.extract(text, published=published, clean=False, pipeline=pipeline)
    return [(t.evidence[0].text, t.type, t.value) for t in doc.times]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Shots were heard at about 8 and 9 in the morning.",
            [
                ("about 8", "TIME", "2021-03-17T08:00"),
                ("9 in the morning", "TIME", "2021-03-17T09:00"),
            ],
        ),
        (
            "Sirens sounded around 10 and 11 at night.",
            [
                ("around 10", "TIME", "2021-03-17T22:00"),
                ("11 at night", "TIME", "2021-03-17T23:00"),
            ],
        ),
    ],
)
def test_an_about_opening_a_list_of_hours_is_inside_the_first(pipeline, text, expected):
    assert read(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some days later the army withdrew.", [("Some days", "DURATION", "PXD")]),
        ("Several days later the army withdrew.", [("Several days", "DURATION", "PXD")]),
        ("The rebels held the town for many days.", [("many days", "DURATION", "PXD")]),
        ("Many days after the vote, no result was announced.", [("Many days", "DURATION", "PXD")]),
        # a quantifier over days, no stretch
        ("Some days the queue reaches the corner.", []),
        ("On some days the market is shut.", []),
        ("In some days, the ferry does not run.", []),
    ],
)
def test_some_or_many_days_is_a_stretch_where_the_context_says_so(pipeline, text, expected):
    assert read(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The blast came at 9 p.m. and a second one 1 hour later.",
            ("1 hour later", "TIME", "2021-03-17T22:00"),
        ),
        (
            "The raid began at 9 p.m. on Monday. Two hours later, the rebels fled.",
            ("Two hours later", "TIME", "2021-03-15T23:00"),
        ),
        (
            "The first shell fell at 11:30 p.m. Forty-five minutes later a second hit the school.",
            ("Forty-five minutes later", "TIME", "2021-03-18T00:15"),
        ),
        (
            "The fire started at 3 p.m. About two hours earlier, guards had left.",
            ("About two hours earlier", "TIME", "2021-03-17T13:00"),
        ),
        # another day told between: the hours count from that day, whose clock is not told
        (
            "The raid began at 9 p.m. on Monday. On Tuesday, police came and two hours later left.",
            ("two hours later", "DATE", "2021-03-16"),
        ),
        # no clock time before: the day
        (
            "Police came on Monday and two hours later they left.",
            ("two hours later", "DATE", "2021-03-15"),
        ),
    ],
)
def test_hours_counted_from_a_clock_time_are_a_time(pipeline, text, expected):
    assert expected in read(pipeline, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The bid for the newest stock, the 1.75% MGS 2029 I, reached a high of 103.5%.",
            [],
        ),
        ("Traders sold the 4% Treasury Stock 2030 at a loss.", []),
        # a percentage beside a year told with "in" is no bond
        ("Inflation will slow to 2% in 2027.", [("2027", "DATE", "2027")]),
    ],
)
def test_a_year_in_a_bond_name_is_not_a_date(pipeline, text, expected):
    assert read(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Shops open at 6 and close at 9 p.m.",
            [("6", "TIME", "2021-03-17T06:00"), ("9 p.m.", "TIME", "2021-03-17T21:00")],
        ),
        (
            "Polls opened at 7 and will close at 8 p.m. on Tuesday.",
            [
                ("7", "TIME", "2021-03-23T07:00"),
                ("8 p.m.", "TIME", "2021-03-23T20:00"),
                ("Tuesday", "DATE", "2021-03-23"),
            ],
        ),
        (
            "Staff at the ministry work from 9 to 5.",
            [("9", "TIME", "2021-03-17T09:00"), ("5", "TIME", "2021-03-17T17:00")],
        ),
        (
            "The clinic is open from 8 to 4 on weekdays.",
            [("8", "TIME", "2021-03-17T08:00"), ("4", "TIME", "2021-03-17T16:00")],
        ),
        # plain numbers
        ("Inflation stood at 6 percent and prices rose to 9 in the index.", []),
        ("The number of seats fell from 9 to 5.", []),
        ("The team cut its squad from 9 to 5 players.", []),
        ("Rates were cut at 6 and again at 9 meetings.", []),
    ],
)
def test_bare_hours_beside_a_clock_time_or_of_a_working_day(pipeline, text, expected):
    assert read(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # a year told alone lends no year: the month keeps none rather than a guessed one
        (
            "The party was founded in 2015. Its leaders were jailed after the coup attempt in July.",
            "July",
            "XXXX-07",
        ),
        ("The treaty was signed in 2015. On July 4 the army withdrew.", "July 4", "XXXX-07-04"),
        # the day told before that year still does: the narrative's thread
        (
            "On 2 May 1984 a mine hit the convoy. One soldier died in 1986 of his injuries."
            " On 5 May, the rebels claimed the attack.",
            "5 May",
            "1984-05-05",
        ),
        # a month told with its year does too
        (
            "Rebels lost the town in March 2019. In April, gunmen killed two elders.",
            "April",
            "2019-04",
        ),
    ],
)
def test_without_an_anchor_a_year_told_alone_lends_no_year(pipeline, text, expression, value):
    found = [v for e, _, v in read(pipeline, text, published=None) if e == expression]
    assert found == [value]
