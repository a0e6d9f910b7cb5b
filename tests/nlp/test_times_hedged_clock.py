"""A four-digit clock time after "at approximately" is a time of day, as after "at"; a hedged
count of people is not."""

from __future__ import annotations

from dateline.api import extract


def _times(text: str) -> list[tuple[str, str]]:
    doc = extract(text, published="1991-03-09")
    return [(t.evidence[0].text, t.value) for t in doc.times]


def test_at_approximately_0900_is_a_clock_time():
    found = _times(
        "Yesterday morning gunmen fired on a patrol. Later, at approximately 0900, they burned a truck."
    )
    assert ("0900", "1991-03-08T09:00") in found


def test_approximately_1000_fighters_is_no_time():
    found = _times("At approximately 1000 fighters attacked the town yesterday.")
    assert [text for text, _ in found if "1000" in text] == []
