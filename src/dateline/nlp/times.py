"""Temporal expressions: ``times_in`` gives the time records inside a stretch of text.

The event stage calls ``times_in`` to date an event from the expressions of its sentence.
The time layer (issue #8: the ``dateline_times`` component and the ``dateline.times.v1``
stage) fills ``Document.times``; until then the list is empty and so is every answer here.
"""

from __future__ import annotations

from ..document import Document
from ..records import Time


def times_in(doc: Document, start: int, end: int) -> list[Time]:
    """The body's time records whose first evidence lies inside ``text[start:end]``, in order."""
    found = [
        time
        for time in doc.times
        if time.evidence[0].caption is None
        and start <= time.evidence[0].start
        and time.evidence[0].end <= end
    ]
    return sorted(found, key=lambda time: time.evidence[0].start)
