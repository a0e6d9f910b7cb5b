"""The time layer on frequent wire-report patterns of issue #8's ninth round (dev part 9):
a year after "at the end of", quarter-centuries, "the early part of", counts from a weekday,
periods named by their last day, figures compared with "a year ago", quarters named by their
months or by an ordinal alone, ranges with "between", and the business wires' quarter just ended.
Sentences are our own, in wire style."""

from __future__ import annotations

import pytest

import dateline


def _times(pipeline, text, published):
    doc = dateline.extract(text, published=published, clean=False, pipeline=pipeline)
    return [(t.evidence[0].text, t.type, t.value) for t in doc.times]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "at" before the phrase is no clock cue for the year inside it ("at 1800" still is).
        (
            "The new terminal opened at the end of 2023.",
            "2024-05-08",
            [("the end of 2023", "DATE", "2023")],
        ),
        (
            "The new terminal opened at the beginning of 2023.",
            "2024-05-08",
            [("the beginning of 2023", "DATE", "2023")],
        ),
        (
            "The treaty took a quarter-century to negotiate.",
            "2024-05-08",
            [("a quarter-century", "DURATION", "P25Y")],
        ),
        (
            "The dispute has lasted a quarter of a century.",
            "2024-05-08",
            [("a quarter of a century", "DURATION", "P25Y")],
        ),
        (
            "He waited a quarter of an hour.",
            "2024-05-08",
            [("a quarter of an hour", "DURATION", "PT15M")],
        ),
        (
            "Economists expect a recession in the early part of next year.",
            "2024-05-08",
            [("the early part of next year", "DATE", "2025")],
        ),
        (
            "The war ended in the latter part of 1995.",
            "2024-05-08",
            [("the latter part of 1995", "DATE", "1995")],
        ),
        (
            "The board will meet two weeks from Friday.",
            "1998-02-19",
            [("two weeks from Friday", "DATE", "1998-W10")],
        ),
        (
            "The board will meet three days from Monday.",
            "1998-02-19",
            [("three days from Monday", "DATE", "1998-02-26")],
        ),
        (
            "Car sales in the week ended Feb. 14 fell 4 percent.",
            "1998-02-19",
            [("the week", "DATE", "1998-W07"), ("Feb. 14", "DATE", "1998-02-14")],
        ),
        (
            "Car sales in the month ending Jan. 31 fell 4 percent.",
            "1998-02-19",
            [("the month", "DATE", "1998-01"), ("Jan. 31", "DATE", "1998-01-31")],
        ),
        (
            "Net income for the fourth quarter rose to $120 million from $98 million a year ago.",
            "1998-02-19",
            [("the fourth quarter", "DATE", "1997-Q4"), ("a year ago", "DATE", "1996-Q4")],
        ),
        (
            "Unemployment fell to 5.1 percent in January from 5.3 percent a year ago.",
            "1998-02-19",
            [("January", "DATE", "1998-01"), ("a year ago", "DATE", "1997-01")],
        ),
        (
            "Profit in the fourth quarter rose to $1 million from $800,000 in the year-earlier period.",
            "1998-02-19",
            [
                ("the fourth quarter", "DATE", "1997-Q4"),
                ("the year-earlier period", "DATE", "1996-Q4"),
            ],
        ),
        (
            "Exports rose 7 percent in the July-September period.",
            "2023-11-16",
            [("the July-September period", "DATE", "2023-Q3")],
        ),
        (
            "The economy contracted in the third quarter and may shrink again in the fourth.",
            "2023-11-16",
            [("the third quarter", "DATE", "2023-Q3"), ("the fourth", "DATE", "2023-Q4")],
        ),
        (
            "The project will take between three and five years.",
            "2023-11-16",
            [("three", "DURATION", "P3Y"), ("five years", "DURATION", "P5Y")],
        ),
        (
            "The company said fourth-quarter earnings would miss forecasts. It reports results "
            "next Thursday. It earned 45 cents a share in the year-earlier quarter.",
            "1998-02-19",
            [
                ("fourth-quarter", "DATE", "1997-Q4"),
                ("next Thursday", "DATE", "1998-02-26"),
                ("the year-earlier quarter", "DATE", "1996-Q4"),
            ],
        ),
    ],
)
def test_wire_patterns(pipeline, text, published, expected):
    assert _times(pipeline, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A blocker right before the number still makes it no year.
        (
            "The meeting starts at 1800 in the hall.",
            "2024-05-08",
            [("1800", "TIME", "2024-05-08T18:00")],
        ),
        # "the June-August period" is no quarter: its months stay dates of their own.
        (
            "Exports rose 7 percent in the June-August period.",
            "2023-11-16",
            [("June", "DATE", "2023-06"), ("August", "DATE", "2023-08")],
        ),
        # An ordinal with no quarter told before it in the sentence is no quarter.
        (
            "Profit rose in the quarter. Smith finished in the second, Jones in the third.",
            "2023-11-16",
            [("the quarter", "DATE", "2023-Q3")],
        ),
        # "a year ago" told without a figure compared stays the year.
        (
            "The rebels seized the town in January. A year ago, they had been driven out.",
            "1998-02-19",
            [("January", "DATE", "1998-01"), ("A year ago", "DATE", "1997")],
        ),
        # "the year-ago period" with no period told before it names nothing.
        ("Sales rose sharply from the year-ago period.", "1998-02-19", []),
    ],
)
def test_what_stays_as_it_was(pipeline, text, published, expected):
    assert _times(pipeline, text, published) == expected
