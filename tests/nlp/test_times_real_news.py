"""The time layer on patterns found by reading real news articles in issue #8's tenth round
(dev part 10): a weekday's possessive before an incident, "ahead of" a weekday's event told in the
present, centuries counted on from a year told before, "the early hours of this morning",
stretches "leading up to" an event, "over the years", closed "-long" compounds and April Fools'
Day. Sentences are our own, in wire style; the articles read are not quoted anywhere."""

from __future__ import annotations

import pytest

import dateline

# A Wednesday (ISO week 2023-W37).
WEDNESDAY = "2023-09-13"


def _times(pipeline, text, published=WEDNESDAY):
    doc = dateline.extract(text, published=published, clean=False, pipeline=pipeline)
    return [(t.evidence[0].text, t.type, t.value) for t in doc.times]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An incident is reported after it happened, whatever the tense of the clause: the
        # nearer Saturday (the coming one, three days off) is not meant.
        (
            "Investigators are examining the wreckage from Saturday's crash.",
            [("Saturday", "DATE", "2023-09-09")],
        ),
        (
            "Rescuers are still searching for survivors of Sunday's earthquake.",
            [("Sunday", "DATE", "2023-09-10")],
        ),
        (
            "The army will investigate Friday's deadly raid on the village.",
            [("Friday", "DATE", "2023-09-08")],
        ),
        (
            "The ringleader of Thursday's attack is known to the police.",
            [("Thursday", "DATE", "2023-09-07")],
        ),
        # What is scheduled keeps the clause's reading, or the nearer day.
        ("Friday's summit is meant to settle the dispute.", [("Friday", "DATE", "2023-09-15")]),
        ("Saturday's vote is expected to be close.", [("Saturday", "DATE", "2023-09-16")]),
        # "ahead of" in a clause not told in the past looks forward, even to the farther Sunday.
        (
            "Security is tight in the capital ahead of Sunday's vote.",
            [("Sunday", "DATE", "2023-09-17")],
        ),
    ],
)
def test_a_possessive_weekday(pipeline, text, expected):
    assert _times(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The fort was built in 1650. Two centuries later, it lay in ruins.",
            [("1650", "DATE", "1650"), ("Two centuries later", "DATE", "1850")],
        ),
        (
            "The port opened in 1850. Half a century later, it was the busiest on the coast.",
            [("1850", "DATE", "1850"), ("Half a century later", "DATE", "1900")],
        ),
        (
            "The dam was finished in 1975. Half a decade later, the valley flooded.",
            [("1975", "DATE", "1975"), ("Half a decade later", "DATE", "1980")],
        ),
        # Nothing told before: counted from the report, as before.
        ("The railway was finished a century ago.", [("a century ago", "DATE", "19")]),
    ],
)
def test_centuries_count_from_the_year_told(pipeline, text, expected):
    assert _times(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gunmen attacked the checkpoint in the early hours of this morning.",
            [("the early hours of this morning", "TIME", "2023-09-13TNI")],
        ),
        (
            "The ferry sank in the small hours of yesterday.",
            [("the small hours of yesterday", "TIME", "2023-09-12TNI")],
        ),
        (
            "Two soldiers were killed in the early hours of Tuesday morning.",
            [("the early hours of Tuesday morning", "TIME", "2023-09-12TNI")],
        ),
        # "this morning" alone is still the morning.
        ("The minister spoke this morning.", [("this morning", "TIME", "2023-09-13TMO")]),
    ],
)
def test_the_early_hours_of_a_day(pipeline, text, expected):
    assert _times(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He visited the mosque in the days leading up to the attack.",
            [("days", "DURATION", "PXD")],
        ),
        (
            "Aid workers were barred in the months preceding the offensive.",
            [("months", "DURATION", "PXM")],
        ),
        ("Over the years, the camp has grown.", [("the years", "DURATION", "PXY")]),
        ("Peoples settled there over the centuries.", [("the centuries", "DURATION", "PXCE")]),
        # "the years 2010 to 2015" names the years themselves.
        (
            "Output rose over the years 2010 to 2015.",
            [("2010", "DATE", "2010"), ("2015", "DATE", "2015")],
        ),
        ("The decadelong war has killed thousands.", [("decadelong", "DURATION", "P10Y")]),
        ("The yearlong inquiry ended.", [("yearlong", "DURATION", "P1Y")]),
        ("The weeklong festival ended.", [("weeklong", "DURATION", "P1W")]),
    ],
)
def test_stretches(pipeline, text, expected):
    assert _times(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Critics call it a 21st-century dictatorship.", [("21st-century", "DATE", "20")]),
        # The article is the noun's, not the century's.
        ("The 19th-century fort was shelled.", [("19th-century", "DATE", "18")]),
        ("The nineteenth-century palace burned.", [("nineteenth-century", "DATE", "18")]),
        ("The mosque dates from the 16th century.", [("the 16th century", "DATE", "15")]),
    ],
)
def test_a_century_as_a_modifier(pipeline, text, expected):
    assert _times(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The notice was posted on April Fools' Day.",
            [("April Fools' Day", "DATE", "2023-04-01")],
        ),
        # A kind of joke, not a date; and not the month of April either.
        ("The paper ran the story as an April Fools' joke.", []),
        ("Workers marched at the May Day rally.", []),
        ("The festival was held in April.", [("April", "DATE", "2023-04")]),
    ],
)
def test_april_fools_day(pipeline, text, expected):
    assert _times(pipeline, text) == expected
