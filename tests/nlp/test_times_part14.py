"""The time layer on the TIMEX3 conventions of dev part 14 (tests/fixtures/times/dev_expressions_14.txt):
extents with their quantifiers and premodifiers, TYPE of stretches counted back, and the TIMEX3
mod each carries (the dev scorer reads no mod; these tests do). A point counted back or on by a
bounded quantity ("less than a year ago") bounds the point: AFTER/BEFORE, ON_OR_AFTER/ON_OR_BEFORE
(TimeML 1.2.1 sec. 2.2.3, after TIDES 2005). Sentences are our own, in wire style, and differ
from the dev part's."""

from __future__ import annotations

import pytest

import dateline


def _times(pipeline, text, published):
    doc = dateline.extract(text, published=published, clean=False, pipeline=pipeline)
    return [(t.evidence[0].text, t.type, t.value, t.mod) for t in doc.times]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a point counted back by a bounded quantity bounds the point
        (
            "Less than a month ago, the market was full of traders.",
            "2024-06-12",
            [("Less than a month ago", "DATE", "2024-05", "AFTER")],
        ),
        (
            "More than two decades ago, the dam was built by a Soviet firm.",
            "2024-06-12",
            [("More than two decades ago", "DATE", "200", "BEFORE")],
        ),
        (
            "The village was razed at least five years ago.",
            "2024-06-12",
            [("at least five years ago", "DATE", "2019", "ON_OR_BEFORE")],
        ),
        (
            "Roughly a year ago, the two sides signed a truce.",
            "2024-06-12",
            [("Roughly a year ago", "DATE", "2023", "APPROX")],
        ),
        # the same bound on a duration stays a bound on the amount
        (
            "The militia held the bridge for more than four months.",
            "2024-06-12",
            [("more than four months", "DURATION", "P4M", "MORE_THAN")],
        ),
        (
            "Detainees may be held for up to 90 days without charge.",
            "2024-06-12",
            [("up to 90 days", "DURATION", "P90D", "EQUAL_OR_LESS")],
        ),
        (
            "The blockade lasted almost three weeks.",
            "2024-06-12",
            [("almost three weeks", "DURATION", "P3W", "APPROX")],
        ),
        # premodifiers: inside, with START/MID/END
        (
            "The movement was founded in the late 1970s by students.",
            "2024-06-12",
            [("the late 1970s", "DATE", "197", "END")],
        ),
        (
            "The new cabinet will be sworn in by mid-July.",
            "2024-06-12",
            [("mid-July", "DATE", "2024-07", "MID")],
        ),
        # stretches counted back are DURATIONs; points counted back DATEs; vague references
        (
            "Food prices have tripled over the past two years, the agency said.",
            "2024-06-12",
            [("the past two years", "DURATION", "P2Y", None)],
        ),
        (
            "Kidnappings have become rarer in recent months.",
            "2024-06-12",
            [("recent months", "DURATION", "PXM", None)],
        ),
        (
            "The region will need aid for decades, the report said.",
            "2024-06-12",
            [("decades", "DURATION", "PXDE", None)],
        ),
        (
            "Ferries sail to the island twice daily.",
            "2024-06-12",
            [("twice daily", "SET", "P1D", None)],
        ),
        # a plural weekend is a weekly set, as a plural weekday is
        (
            "The border post is shut on weekends, traders said.",
            "2024-06-12",
            [("weekends", "SET", "XXXX-WXX-WE", None)],
        ),
        (
            "Over the past two weekends, 30 people were killed.",
            "2024-06-12",
            [("the past two weekends", "DURATION", "P2WE", None)],
        ),
        # a fiscal year counted from the anchor is a fiscal year, as "fiscal 2025" is
        (
            "The utility expects a loss in the current fiscal year.",
            "2024-06-12",
            [("the current fiscal year", "DATE", "FY2024", None)],
        ),
        (
            "Arms sales doubled last fiscal year, the ministry said.",
            "2024-06-12",
            [("last fiscal year", "DATE", "FY2023", None)],
        ),
        # "former" and an age are no expressions; a possessive stays out
        ("The former defence chief, a 61-year-old general, was detained.", "2024-06-12", []),
        (
            "Yesterday's vote was boycotted by the opposition.",
            "2024-06-12",
            [("Yesterday", "DATE", "2024-06-11", None)],
        ),
    ],
)
def test_timex3_conventions(pipeline, text, published, expected):
    assert _times(pipeline, text, published) == expected
