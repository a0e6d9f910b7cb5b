"""The days of holidays in a Gregorian year, by each kind of spec the word list uses."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.nlp.holidays import occurrences
from dateline.nlp.timex import Grammar


@pytest.mark.parametrize(
    ("spec", "year", "expected"),
    [
        ("12-25", 2020, [(date(2020, 12, 25), date(2020, 12, 25))]),
        ({"easter": -2}, 2021, [(date(2021, 4, 2), date(2021, 4, 2))]),
        ({"orthodox_easter": 0}, 2021, [(date(2021, 5, 2), date(2021, 5, 2))]),
        ({"nth_weekday": [11, 4, 4]}, 2020, [(date(2020, 11, 26), date(2020, 11, 26))]),
        ({"nth_weekday": [5, 1, -1]}, 2021, [(date(2021, 5, 31), date(2021, 5, 31))]),
        (
            {"nth_weekday": [11, 4, 4], "offset": 1},
            2020,
            [(date(2020, 11, 27), date(2020, 11, 27))],
        ),
        ({"hijri_month": 9}, 2021, [(date(2021, 4, 13), date(2021, 5, 12))]),
        ({"hijri": [12, 10]}, 2017, [(date(2017, 9, 1), date(2017, 9, 1))]),
        ({"hebrew": [7, 10]}, 2020, [(date(2020, 9, 28), date(2020, 9, 28))]),
        ({"persian": [1, 1]}, 2021, [(date(2021, 3, 21), date(2021, 3, 21))]),
        ({"easter": -7, "days": 7}, 2021, [(date(2021, 3, 28), date(2021, 4, 3))]),
    ],
)
def test_each_kind_of_holiday(spec, year, expected):
    assert occurrences(spec, year) == expected


def test_a_holiday_may_fall_twice_in_a_year():
    # The Islamic year is 11 days shorter: Eid al-Fitr fell in January and December 2000.
    assert [o[0] for o in occurrences({"hijri": [10, 1]}, 2000)] == [
        date(2000, 1, 8),
        date(2000, 12, 27),
    ]


def test_eid_alone_is_either_eid():
    days = [o[0] for o in occurrences({"eid": [[10, 1], [12, 10]]}, 2021)]
    assert days == [date(2021, 5, 13), date(2021, 7, 20)]


@pytest.mark.parametrize("spec", [{"hijri": [10, 1]}, {"unknown": 1}, "13-45", 7])
def test_out_of_range_or_unknown_gives_nothing(spec):
    assert occurrences(spec, 2300 if "hijri" in str(spec) else 2021) == []


def test_every_holiday_of_the_word_list_has_a_day_this_decade():
    table = Grammar.load().lexicon.get("holiday")
    for name, spec in table.items():
        days = [o for year in (2024, 2025) for o in occurrences(spec, year)]
        assert days, name
