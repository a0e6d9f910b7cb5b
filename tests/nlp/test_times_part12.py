"""The time layer on the patterns of dev part 12 (tests/fixtures/times/dev_expressions_12.txt):
"the rest of" a period and "some time next week" as whole extents, hundreds read as centuries,
fractions written before the unit, "a week ago Sunday", clock stretches that run past midnight,
a count from an undated time with its date written after it, and "the same quarter a year
earlier". Sentences are our own, in wire style."""

from __future__ import annotations

import pytest

import dateline


def _times(pipeline, text, published):
    doc = dateline.extract(text, published=published, clean=False, pipeline=pipeline)
    return [(t.evidence[0].text, t.type, t.value) for t in doc.times]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Police closed the bridge for the rest of the day.",
            "2023-10-18",
            [("the rest of the day", "DATE", "2023-10-18")],
        ),
        (
            "The port will stay shut for the remainder of the year.",
            "2023-10-18",
            [("the remainder of the year", "DATE", "2023")],
        ),
        (
            "The envoy will arrive sometime next week.",
            "2023-10-18",
            [("sometime next week", "DATE", "2023-W43")],
        ),
        # "the 1800s" is a century, "the 1890s" and "the 2000s" decades.
        (
            "The fort was built in the 1800s and rebuilt in the 1890s.",
            "2023-10-18",
            [("the 1800s", "DATE", "18"), ("the 1890s", "DATE", "189")],
        ),
        (
            "Phones spread fast in the early 2000s.",
            "2023-10-18",
            [("the early 2000s", "DATE", "200")],
        ),
        (
            "The rebels held the valley for three and a half years.",
            "2023-10-18",
            [("three and a half years", "DURATION", "P42M")],
        ),
        # a week ago Sunday: the Sunday before last (the last one is Oct. 15).
        (
            "The vote was held a week ago Sunday.",
            "2023-10-18",
            [("a week ago Sunday", "DATE", "2023-10-08")],
        ),
        (
            "A curfew is in force from 9 p.m. to 5 a.m.",
            "2023-10-18",
            [("9 p.m.", "TIME", "2023-10-18T21:00"), ("5 a.m.", "TIME", "2023-10-19T05:00")],
        ),
        (
            "The fighting began at 11 p.m. and ended at 3 a.m.",
            "2023-10-18",
            [("11 p.m.", "TIME", "2023-10-18T23:00"), ("3 a.m.", "TIME", "2023-10-19T03:00")],
        ),
        # a morning start and an evening end stay on one day.
        (
            "Markets open from 7 a.m. to 9 p.m.",
            "2023-10-18",
            [("7 a.m.", "TIME", "2023-10-18T07:00"), ("9 p.m.", "TIME", "2023-10-18T21:00")],
        ),
        (
            "The king was deposed in a coup. Ten years later, in 1965, his son returned.",
            "2023-10-18",
            [("Ten years later", "DATE", "1965"), ("1965", "DATE", "1965")],
        ),
        (
            "Profit in the second quarter fell from the same quarter a year earlier.",
            "2017-10-26",
            [
                ("the second quarter", "DATE", "2017-Q2"),
                ("the same quarter a year earlier", "DATE", "2016-Q2"),
            ],
        ),
        # an age is no time.
        ("The man, in his 90s, was freed by the rebels.", "2023-10-18", []),
    ],
)
def test_part12_patterns(pipeline, text, published, expected):
    assert _times(pipeline, text, published) == expected
