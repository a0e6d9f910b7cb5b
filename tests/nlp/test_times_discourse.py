"""What a time expression counts from in a story: the period a figure is of (not the month it is
compared with), a past clause's week, the year the text is in, a newspaper's issue named by its
weekday, wire clock times (a doubled "on", a bracketed range in GMT), the hours of a recurring
opening, the evening hours of a show, an undated weekday of the day told, a section heading, and
a holiday over a stretch of years.

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


def value_of(pipeline, text, expression, published=PUBLISHED):
    values = [v for e, _, v in read(pipeline, text, published) if e == expression]
    assert values, f"{expression!r} not found"
    return values[-1]


def test_a_year_earlier_counts_from_the_period_of_the_figure(pipeline):
    text = (
        "The county's jobless rate fell to 9.4 percent in February, down 0.2 percent from "
        "January. The rate is well above the rate from one year earlier."
    )
    assert value_of(pipeline, text, "one year earlier") == "2020-02"


def test_a_month_counted_from_stays_the_period_of_a_range(pipeline):
    text = "Prices rose from January to February. A year earlier they had fallen."
    assert value_of(pipeline, text, "A year earlier") == "2020-02"


def test_a_past_clause_week_counts_from_a_day_already_past(pipeline):
    text = (
        "Early voting ran from Monday through Saturday. The runoff will be held on Tuesday. "
        "Her office received many calls during the week from voters."
    )
    # Published Monday 15 March 2021: the week of the early voting, 8 to 14 March.
    assert value_of(pipeline, text, "the week", published="2021-03-15") == "2021-W10"


def test_a_future_clause_week_still_counts_from_the_coming_day(pipeline):
    text = "The runoff will be held on Tuesday. Crews will be busy during the week."
    assert value_of(pipeline, text, "the week", published="2021-03-15") == "2021-W11"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For the year, the city has recorded 14.2 inches of rain.", "2021"),
        ("Rain fell again. For the week, the gauge tallied two inches.", "2021-W11"),
    ],
)
def test_a_period_heading_a_sentence_is_the_one_the_text_is_in(pipeline, text, expected):
    assert value_of(pipeline, text, text.split("For ")[1].split(",")[0]) == expected


def test_for_the_day_inside_a_clause_is_no_date(pipeline):
    assert read(pipeline, "He waited for the day, then left.") == []


@pytest.mark.parametrize("paper", ["Tuesday's Herald", "Tuesday's Post-Intelligencer"])
def test_a_newspaper_issue_named_by_its_weekday_is_not_the_story_day(pipeline, paper):
    text = (
        f"Police made the arrest on Monday, as first reported in {paper}. "
        "Officers came back 20 minutes later."
    )
    assert ("Tuesday", "DATE", "2021-03-16") in read(pipeline, text)
    assert value_of(pipeline, text, "20 minutes later") == "2021-03-15"


def test_a_weekday_possessive_of_an_event_is_still_the_story_day(pipeline):
    text = "Tuesday's march drew thousands. The day ended without arrests."
    assert value_of(pipeline, text, "Tuesday") == "2021-03-16"


def test_a_doubled_on_still_joins_a_clock_time_to_its_date(pipeline):
    text = "Radio Rebelde broadcast at 0000 GMT on on 16 March a report on the fighting."
    assert value_of(pipeline, text, "0000 GMT") == "2021-03-16T00:00"


def test_a_bracketed_range_in_gmt_is_two_clock_times(pipeline):
    text = "The rebels declared a truce from 0600 to 1200 (1100 to 1700 GMT) today."
    assert read(pipeline, text) == [
        ("0600", "TIME", "2021-03-17T06:00"),
        ("1200", "TIME", "2021-03-17T12:00"),
        ("1100", "TIME", "2021-03-17T11:00"),
        ("1700 GMT", "TIME", "2021-03-17T17:00"),
        ("today", "DATE", "2021-03-17"),
    ]


def test_the_hours_of_a_recurring_opening_are_of_no_one_day(pipeline):
    text = (
        "The depot is open on the first Saturday of each month from April 3 through Nov. 6, "
        "from 9 a.m. to 1 p.m."
    )
    found = read(pipeline, text)
    assert ("9 a.m.", "TIME", "XXXX-XX-XXT09:00") in found
    assert ("1 p.m.", "TIME", "XXXX-XX-XXT13:00") in found
    assert ("Nov. 6", "DATE", "2021-11-06") in found


def test_a_clock_time_in_the_next_sentence_after_a_set_keeps_its_day(pipeline):
    text = "The market opens every Saturday. On Friday, the mayor will speak at 3 p.m."
    assert value_of(pipeline, text, "3 p.m.") == "2021-03-19T15:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The concert starts at 7 and ends at 10 p.m. on Friday.", "2021-03-19T19:00"),
        ("The fundraiser begins at 6 and wraps up at 9 p.m. on Friday.", "2021-03-19T18:00"),
        ("Polls open at 7 and close at 8 p.m. on Friday.", "2021-03-19T07:00"),
        ("The office opens at 9 and closes at 5 p.m. on Friday.", "2021-03-19T09:00"),
    ],
)
def test_a_bare_hour_before_a_pm_time_of_a_show_is_in_the_evening(pipeline, text, expected):
    assert read(pipeline, text)[0][2] == expected


def test_an_undated_weekday_after_a_date_of_that_weekday_is_that_date(pipeline):
    text = "The bomb went off on 13 September 1974. It exploded on a Friday afternoon, at lunch."
    assert value_of(pipeline, text, "Friday afternoon", published=None) == "1974-09-13TAF"


def test_an_ordinal_weekday_without_a_publication_date_stays_of_no_week(pipeline):
    text = (
        "The council met on Monday, March 16, 2009. Elections move to the first Tuesday after "
        "the first Monday in odd years."
    )
    assert value_of(pipeline, text, "Monday", published=None) == "XXXX-WXX-1"


def test_a_section_heading_leaves_a_recalled_year_behind(pipeline):
    text = (
        "The bombs went off on Friday, 21 July 1972. An officer recalled the day for a BBC "
        "series in 1997.\n   Collapsed ceasefire\n   Earlier in the year, the group had "
        "gained recruits."
    )
    assert value_of(pipeline, text, "the year", published=None) == "1972"


def test_a_year_counted_from_within_a_section_still_counts(pipeline):
    text = (
        "The bombs went off on Friday, 21 July 1972. An officer recalled the day for a BBC "
        "series in 1997. Earlier in the year, the series had won a prize."
    )
    assert value_of(pipeline, text, "the year", published=None) == "1997"


def test_a_holiday_after_a_stretch_of_years_is_of_no_one_year(pipeline):
    text = (
        "Over the past five years, 400 people died in crashes during the Christmas holiday. "
        "Police will patrol on Christmas."
    )
    assert [v for e, _, v in read(pipeline, text) if e == "Christmas"] == [
        "XXXX-12-25",
        "2021-12-25",
    ]


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        (
            "The port has reopened every day since 6 a.m. on March 15.",
            "6 a.m.",
            "2021-03-15T06:00",
        ),
        (
            "The club meets every week, and holds a sale from 9 a.m. to 1 p.m. on Saturday.",
            "9 a.m.",
            "2021-03-20T09:00",
        ),
    ],
)
def test_a_clock_time_dated_after_a_set_keeps_its_day(pipeline, text, expression, expected):
    assert value_of(pipeline, text, expression) == expected


@pytest.mark.parametrize("paper", ["Tuesday's edition", "Tuesday's Daily News"])
def test_an_issue_is_named_by_a_noun_or_a_capitalised_masthead(pipeline, paper):
    text = f"Police made the arrest on Monday, as reported in {paper}. That day ended quietly."
    assert value_of(pipeline, text, "That day") == "2021-03-15"


def test_a_weekday_news_conference_is_the_story_day(pipeline):
    text = "Police spoke at Tuesday's news conference. That day ended quietly."
    assert value_of(pipeline, text, "That day") == "2021-03-16"
