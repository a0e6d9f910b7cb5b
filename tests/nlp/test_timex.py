"""The temporal grammar and the resolver on their own (no spaCy model), and their properties."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.errors import ConfigError
from dateline.nlp.timenorm import Resolver, duration_value, narrowed, number, year_period
from dateline.nlp.timex import Expression, Grammar, lower_pattern, lower_text

GRAMMAR = Grammar.load()
RESOLVER = Resolver(GRAMMAR.lexicon)
ANCHOR = date(2021, 3, 17)  # a Wednesday


def found(text):
    return [(text[e.start : e.end], e.rule) for e in GRAMMAR.find(text)]


def resolve(text, anchor=ANCHOR, direction=None):
    (expr,) = GRAMMAR.find(text)
    return RESOLVER.resolve(expr, anchor=anchor, direction=direction)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on August 28, 2017 in", [("August 28, 2017", "month_day_year")]),
        ("since Aug. 29.", [("Aug. 29", "month_day_year")]),
        ("in May 2015,", [("May 2015", "month_year")]),
        ("late last year", [("late last year", "relative_period")]),
        ("the past three years", [("the past three years", "duration")]),
        ("an 18-year-old man", []),
        ("$3 million", []),
        ("17 vehicles and 300 militants", []),
        ("from 2014 to 2016", [("2014", "year"), ("2016", "year")]),
        ("2014-2016", [("2014", "year_range"), ("2016", "year_range")]),
        ("at 3 p.m. Thursday", [("3 p.m. Thursday", "clock_time_day")]),
    ],
)
def test_rules_find_their_extents(text, expected):
    assert found(text) == expected


def test_longer_match_wins_then_the_rule_listed_first():
    # "May 2015" (month_year) beats "May" (bare_month) and "2015" (year).
    assert found("a video released in May 2015") == [("May 2015", "month_year")]


def test_an_expression_never_runs_across_a_blank_line():
    assert found("in August\n\n2017 was") == [("August", "bare_month"), ("2017", "year")]


def test_a_rule_that_does_not_compile_names_itself():
    rules = {"rule": [{"name": "broken", "kind": "calendar", "type": "DATE", "pattern": "(x"}]}
    with pytest.raises(ConfigError, match="broken"):
        Grammar({}, rules)


def test_a_rule_naming_a_missing_word_list_says_so():
    rules = {"rule": [{"name": "r", "kind": "calendar", "type": "DATE", "pattern": "{nolist}"}]}
    with pytest.raises(ConfigError, match="nolist"):
        Grammar({}, rules)


def test_lower_case_keeps_offsets_and_regex_escapes():
    assert len(lower_text("İstanbul, May 5")) == len("İstanbul, May 5")
    assert lower_pattern(r"(?P<Year>\S+) Q") == r"(?P<year>\S+) q"


@pytest.mark.parametrize(
    ("text", "value"),
    [("three", 3), ("twenty-five", 25), ("2.5", 2.5), ("a", 1), ("1 1/2", 1.5), ("several", None)],
)
def test_numbers(text, value):
    assert number(text, GRAMMAR.lexicon) == value


@pytest.mark.parametrize(
    ("amount", "unit", "value"),
    [
        (3, "Y", "P3Y"),
        (24, "H", "PT24H"),
        (None, "Y", "PXY"),
        (1.5, "Y", "P18M"),
        (0.5, "H", "PT30M"),
    ],
)
def test_duration_values(amount, unit, value):
    assert duration_value(amount, unit) == value


def test_an_impossible_date_gives_nothing():
    assert resolve("on February 30, 2021 there") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("3 JAN 90", "1990-01-03"), ("12/25/89", "1989-12-25"), ("in '98", None)],
)
def test_two_digit_years_take_the_century_nearest_the_anchor(text, value):
    result = resolve(text, anchor=date(1990, 1, 5)) if value else None
    assert (result.value if result else None) == value


@pytest.mark.parametrize(
    ("direction", "value"),
    [
        ("past", "2021-03-11"),
        ("present", "2021-03-18"),
        ("future", "2021-03-18"),
        (None, "2021-03-11"),
    ],
)
def test_weekday_direction(direction, value):
    assert resolve("on Thursday there", direction=direction).value == value


def test_mod_thirds_of_a_year():
    assert narrowed(year_period(2015), "MID") == (date(2015, 5, 1), date(2015, 8, 31))


# ---- properties -------------------------------------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_the_grammar_never_fails_and_spans_index_the_text(text):
    for expr in GRAMMAR.find(text):
        assert 0 <= expr.start < expr.end <= len(text)
        for value in expr.fields.values():
            assert value.lower() in lower_text(text)
        RESOLVER.resolve(expr, anchor=ANCHOR)
        RESOLVER.resolve(expr, anchor=None)


TEMPORAL_WORDS = st.sampled_from(
    [
        "May",
        "March",
        "2015",
        "2,000",
        "last",
        "next",
        "this",
        "week",
        "month",
        "year",
        "ago",
        "Thursday",
        "summer",
        "the",
        "past",
        "three",
        "3",
        "p.m.",
        "10:30",
        "-",
        "/",
        ",",
        ".",
        "early",
        "late",
        "mid-",
        "of",
        "in",
        "since",
        "every",
        "09/09/2017",
        "1990s",
        "18-year-old",
        "$3",
        "decade",
        "hours",
        "today",
        "yesterday",
        "between",
        "and",
        "to",
        "from",
        "recently",
        "now",
        "Q3",
        "fiscal",
        "quarter",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(TEMPORAL_WORDS, max_size=30).map(" ".join),
    st.dates(),
    st.sampled_from([None, "past", "future", "present"]),
)
def test_resolving_temporal_word_salad_never_fails(text, anchor, direction):
    for expr in GRAMMAR.find(text):
        RESOLVER.resolve(expr, anchor=anchor, direction=direction)  # type: ignore[arg-type]


FORMATS = ["%B %d, %Y", "%d %B %Y", "%Y-%m-%d", "%b. %d, %Y", "%A, %B %d, %Y"]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2199, 12, 31)), st.sampled_from(FORMATS))
def test_a_written_date_resolves_to_itself(day, fmt):
    written = day.strftime(fmt).replace("Sep.", "Sept.").replace("May.", "May")
    text = f"It happened on {written} in town."
    exprs = [e for e in GRAMMAR.find(text) if e.kind in ("calendar", "numeric")]
    assert len(exprs) == 1
    assert RESOLVER.resolve(exprs[0], anchor=None).value == day.isoformat()


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 8), max_value=date(2100, 1, 1)), st.integers(1, 7))
def test_a_past_weekday_is_within_the_week_before_the_anchor(anchor, weekday):
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][
        weekday - 1
    ]
    expr = Expression(0, len(name), "weekday", "calendar", "DATE", {"weekday": name})
    got = date.fromisoformat(RESOLVER.resolve(expr, anchor=anchor, direction="past").value)
    assert got.isoweekday() == weekday
    assert anchor - timedelta(days=6) <= got <= anchor


@pytest.mark.parametrize(
    "module",
    ["dateline.nlp.timex", "dateline.nlp.timenorm", "dateline.nlp.timecheck", "dateline.nlp.times"],
)
def test_each_times_module_imports_on_its_own(module):
    # A fresh interpreter: an import cycle shows only when the module is imported first.
    subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
