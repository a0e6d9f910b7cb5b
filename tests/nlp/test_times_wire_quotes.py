"""The time layer on patterns found by reading real news articles (among them lower-case wires of
the 1980s) in issue #8's eleventh round (dev part 11): a relative expression inside a quoted
phrase, "the night before last", an ordinal week of a month ("the 2d week of december") and a day
or month "of that year". Sentences are our own, in wire style; the articles read are not quoted
anywhere."""

from __future__ import annotations

import pytest

import dateline

# A Wednesday (ISO week 2025-W11).
WEDNESDAY = "2025-03-12"


def _times(pipeline, text, published=WEDNESDAY):
    doc = dateline.extract(text, published=published, clean=False, pipeline=pipeline)
    return [(t.evidence[0].text, t.type, t.value) for t in doc.times]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A phrase in quotation marks is words said: the expression inside it is marked as it
        # would be without them.
        (
            'Police said 14 men had been arrested "in the last 2 days" in the port.',
            [("the last 2 days", "DURATION", "P2D")],
        ),
        (
            'Farmers said the rains had come "three weeks ago" and washed out the roads.',
            [("three weeks ago", "DATE", "2025-W08")],
        ),
        (
            'The minister said the border would reopen "next month" at the earliest.',
            [("next month", "DATE", "2025-04")],
        ),
        (
            'The rebels promised to free the hostages "within 48 hours".',
            [("48 hours", "DURATION", "PT48H")],
        ),
        # A date quoted alone before a noun still names something.
        ('Members of the "22 April" movement marched through the capital.', []),
    ],
)
def test_quoted_phrases(pipeline, text, expected):
    assert _times(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the rebels tried to enter the capital the night before last, the army said.",
            [("the night before last", "TIME", "2025-03-10TNI")],
        ),
        (
            "Shooting went on the night before last and last night.",
            [
                ("the night before last", "TIME", "2025-03-10TNI"),
                ("last night", "TIME", "2025-03-11TNI"),
            ],
        ),
    ],
)
def test_night_before_last(pipeline, text, expected):
    assert _times(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "during the 2d week of december, there had been strong clashes near the river.",
            [("the 2d week of december", "DATE", "2024-W49")],
        ),
        (
            "Exports fell sharply in the third week of January, the ministry said.",
            [("the third week of January", "DATE", "2025-W03")],
        ),
        (
            "Talks broke down in the fourth week of October.",
            [("the fourth week of October", "DATE", "2024-W43")],
        ),
        # The first and last weeks keep the edge rule's reading.
        (
            "Talks broke down in the first week of October.",
            [("the first week of October", "DATE", "2024-W40")],
        ),
    ],
)
def test_ordinal_week_of_month(pipeline, text, expected):
    assert _times(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The town was settled in 1889 and a charter was signed on April 3 of that year.",
            [("1889", "DATE", "1889"), ("April 3 of that year", "DATE", "1889-04-03")],
        ),
        (
            "The town was settled in 1889 and a charter was signed on 3 April of that year.",
            [("1889", "DATE", "1889"), ("3 April of that year", "DATE", "1889-04-03")],
        ),
        (
            "The general seized power in 1982 and was deposed in June of the same year.",
            [("1982", "DATE", "1982"), ("June of the same year", "DATE", "1982-06")],
        ),
    ],
)
def test_day_of_that_year(pipeline, text, expected):
    assert _times(pipeline, text) == expected
