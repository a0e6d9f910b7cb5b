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
