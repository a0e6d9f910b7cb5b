"""Time expressions of schedules, forecasts and business wires (dev part 8's round): "over" before a
stretch, vague counts told "later", "A year on", sets written as frequencies and timetables, fiscal
quarters, weekdays in clauses that look ahead without a future verb, and clock hours in lists.

Every case is a sentence we wrote, read with publication date Thursday 12 October 2023 (ISO week
2023-W41) unless it says otherwise.
"""

from __future__ import annotations

import pytest

import dateline

PUBLISHED = "2023-10-12"


def read(pipeline, text, published=PUBLISHED):
    doc = dateline.extract(text, published=published, clean=False, pipeline=pipeline)
    return [(t.evidence[0].text, t.type, t.value) for t in doc.times]


def record(pipeline, text, expression, published=PUBLISHED):
    doc = dateline.extract(text, published=published, clean=False, pipeline=pipeline)
    found = [t for t in doc.times if t.evidence[0].text == expression]
    assert len(found) == 1, [(t.evidence[0].text, t.value) for t in doc.times]
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a preposition: out of the expression
        ("The talks stretched over two days in the capital.", ("two days", "DURATION", "P2D")),
        ("Over three days, the army shelled the district.", ("three days", "DURATION", "P3D")),
        ("The bridge will be built over a year's time.", ("a year's time", "DURATION", "P1Y")),
        # "more than": inside, mod MORE_THAN
        ("Rebels held the town for over a year.", ("over a year", "DURATION", "P1Y")),
        ("The siege has lasted over three months.", ("over three months", "DURATION", "P3M")),
    ],
)
def test_over_is_more_than_only_after_its_cues(pipeline, text, expected):
    assert read(pipeline, text) == [expected]


def test_over_as_more_than_carries_its_mod(pipeline):
    time = record(pipeline, "Rescuers dug for over 48 hours.", "over 48 hours")
    assert time.mod == "MORE_THAN"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rebels seized the airport on Oct. 2; a few days later, the army took it back.",
            ("a few days", "DURATION", "PXD"),
        ),
        (
            "Police said the gunman was arrested a few hours later.",
            ("a few hours", "DURATION", "PTXH"),
        ),
        ("Some years later, the refinery reopened.", ("Some years", "DURATION", "PXY")),
    ],
)
def test_a_vague_count_told_later_is_a_stretch_not_a_future_reference(pipeline, text, expected):
    assert expected in read(pipeline, text)
    assert all(value != "FUTURE_REF" for _, _, value in read(pipeline, text))


def test_a_vague_count_ago_stays_a_past_reference(pipeline):
    assert read(pipeline, "Villagers fled the floods a few days ago.") == [
        ("a few days ago", "DATE", "PAST_REF")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The dam burst in October 2022. A year on, families still live in tents.",
            ("A year on", "DATE", "2023-10"),
        ),
        ("Six months on, the inquiry has yet to report.", ("Six months on", "DATE", "2023-10")),
        # counted from a day that would put it after the report: the time of the telling
        (
            "The treaty was signed on Oct. 2. Sixty years on, it still holds.",
            ("Sixty years on", "DATE", "2023"),
        ),
    ],
)
def test_a_count_on_is_counted_on_from_the_period_told(pipeline, text, expected):
    assert expected in read(pipeline, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council meets twice monthly.", [("twice monthly", "SET", "P1M")]),
        ("Aid flights land three times weekly.", [("three times weekly", "SET", "P1W")]),
        (
            "The committee meets once every three months.",
            [("once every three months", "SET", "P3M")],
        ),
        ("The paper appears every second Monday.", [("every second Monday", "SET", "XXXX-WXX-1")]),
        ("Elections are held every third year.", [("every third year", "SET", "P3Y")]),
        (
            "The council meets every Tuesday and Thursday.",
            [("every Tuesday", "SET", "XXXX-WXX-2"), ("Thursday", "SET", "XXXX-WXX-4")],
        ),
        ("Prayers are held on Friday afternoons.", [("Friday afternoons", "SET", "XXXX-WXX-5TAF")]),
        (
            "The market opens on Saturday and Sunday mornings.",
            [("Saturday", "SET", "XXXX-WXX-6TMO"), ("Sunday mornings", "SET", "XXXX-WXX-7TMO")],
        ),
        (
            "The clinic is open Monday-Friday 9-5 and Saturday 9-1.",
            [
                ("Monday", "SET", "XXXX-WXX-1"),
                ("Friday", "SET", "XXXX-WXX-5"),
                ("Saturday", "SET", "XXXX-WXX-6"),
            ],
        ),
        (
            "Residents may drop off rubbish on the first Saturday of each month.",
            [("the first Saturday of each month", "SET", "P1M")],
        ),
    ],
)
def test_sets_of_schedules(pipeline, text, expected):
    assert read(pipeline, text) == expected


def test_a_weekday_after_a_dated_one_is_no_set(pipeline):
    assert read(pipeline, "Talks were held on Tuesday and Thursday.") == [
        ("Tuesday", "DATE", "2023-10-10"),
        ("Thursday", "DATE", "2023-10-12"),
    ]


def test_a_score_after_a_weekday_is_no_timetable(pipeline):
    assert read(pipeline, "The hosts beat the champions on Sunday 3-1.")[0][1] == "DATE"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The company posted a loss in the third fiscal quarter.",
            ("the third fiscal quarter", "FY2016-Q3"),
        ),
        ("Sales in the fiscal third quarter rose.", ("the fiscal third quarter", "FY2016-Q3")),
        (
            "The bank expects a recovery in the fiscal first quarter.",
            ("the fiscal first quarter", "FY2017-Q1"),
        ),
        (
            "Profit in the third quarter of fiscal 2016 fell.",
            ("the third quarter of fiscal 2016", "FY2016-Q3"),
        ),
        ("Growth in Q3 of 2016 was strong.", ("Q3 of 2016", "2016-Q3")),
        ("Revenue fell in Q3 2016.", ("Q3 2016", "2016-Q3")),
        ("Sales in fiscal Q3 rose.", ("fiscal Q3", "FY2016-Q3")),
        ("Revenue rose in H1 2016.", ("H1 2016", "2016-H1")),
        (
            "Profit fell in the first half of fiscal 2016.",
            ("the first half of fiscal 2016", "FY2016-H1"),
        ),
        (
            "The carrier expects a profit in the fiscal year 2017.",
            ("the fiscal year 2017", "FY2017"),
        ),
    ],
)
def test_fiscal_quarters_and_years(pipeline, text, expected):
    assert read(pipeline, text, "2016-11-29") == [(expected[0], "DATE", expected[1])]


@pytest.mark.parametrize(
    ("text", "expression", "earliest", "latest"),
    [
        (
            "Profit fell in the first nine months of 2016.",
            "the first nine months",
            "2016-01-01",
            "2016-09-30",
        ),
        (
            "Sales fell in the first nine months of the year.",
            "the first nine months",
            "2016-01-01",
            "2016-09-30",
        ),
        (
            "Exports rose in the last three months of last year.",
            "the last three months",
            "2015-10-01",
            "2015-12-31",
        ),
    ],
)
def test_the_first_months_of_a_year_are_its_first_days(
    pipeline, text, expression, earliest, latest
):
    time = record(pipeline, text, expression, "2016-11-29")
    assert (time.type, time.earliest, time.latest) == ("DURATION", earliest, latest)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The summit, due to open Sunday, will focus on trade.", "Sunday", "2023-10-15"),
        ("The referendum, slated for Sunday, has divided the country.", "Sunday", "2023-10-15"),
        ("A general strike has been called for Monday.", "Monday", "2023-10-16"),
        ("Campaigning ended ahead of Sunday's vote.", "Sunday", "2023-10-15"),
        (
            "Lows Friday night will be near freezing, followed by highs Saturday in the 50s.",
            "Saturday",
            "2023-10-14",
        ),
        (
            "The rain should ease, with another storm arriving late Sunday.",
            "late Sunday",
            "2023-10-15",
        ),
        ("Showers are likely, before clearing on Saturday.", "Saturday", "2023-10-14"),
        # a participle of what was done keeps its past
        ("The suspect, arrested Monday, will appear in court Tuesday.", "Monday", "2023-10-09"),
    ],
)
def test_weekdays_that_look_ahead_without_a_future_verb(pipeline, text, expression, value):
    assert record(pipeline, text, expression).value == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Buses will leave at 10, 11, 1 and 2 p.m.",
            [("10", "T10:00"), ("11", "T11:00"), ("1", "T13:00"), ("2 p.m.", "T14:00")],
        ),
        (
            "Sirens sounded at 9, 10 and 11 a.m.",
            [("9", "T09:00"), ("10", "T10:00"), ("11 a.m.", "T11:00")],
        ),
        ("Explosions were heard at 7 and 9 p.m.", [("7", "T19:00"), ("9 p.m.", "T21:00")]),
        (
            "Shells fell at 9, 10 and 11 at night.",
            [("9", "T21:00"), ("10", "T22:00"), ("11 at night", "T23:00")],
        ),
        (
            "Blasts were heard at 8 and 9 in the morning.",
            [("8", "T08:00"), ("9 in the morning", "T09:00")],
        ),
        (
            "The attack began at around 2 o'clock in the afternoon.",
            [("around 2 o'clock in the afternoon", "T14:00")],
        ),
        ("The curfew starts at 10 at night.", [("10 at night", "T22:00")]),
        ("Gunfire was heard until 4 in the morning.", [("4 in the morning", "T04:00")]),
    ],
)
def test_clock_hours_in_lists_and_with_a_part_of_the_day(pipeline, text, expected):
    assert [(s, v[len("2023-10-12") :]) for s, _, v in read(pipeline, text)] == expected


def test_a_clock_range_takes_the_date_written_after_its_weekday(pipeline):
    text = "The concert is planned for 4:30-7:30 p.m. Thursday, Oct. 19."
    assert read(pipeline, text) == [
        ("4:30", "TIME", "2023-10-19T16:30"),
        ("7:30 p.m. Thursday", "TIME", "2023-10-19T19:30"),
        ("Oct. 19", "DATE", "2023-10-19"),
    ]


def test_hours_counted_by_an_amount_are_no_stretch(pipeline):
    assert read(pipeline, "The strikes have cost industry 13 million hours of labor.") == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("A 70 percent chance of storms Saturday night.", "Saturday night", "2023-10-14TNI"),
        ("Expect clouds Friday and sun on Saturday.", "Friday", "2023-10-13"),
        ("Expect clouds Friday and sun on Saturday.", "Saturday", "2023-10-14"),
        # a sentence without a verb on a noun of the past keeps the past
        ("Another night of shelling Saturday night.", "Saturday night", "2023-10-07TNI"),
    ],
)
def test_a_forecast_without_a_verb_looks_ahead(pipeline, text, expression, value):
    assert record(pipeline, text, expression).value == value


def test_a_virus_named_h1_is_no_half_year(pipeline):
    assert read(pipeline, "The H1N1 virus spread across Mexico.", "2016-11-29") == []
