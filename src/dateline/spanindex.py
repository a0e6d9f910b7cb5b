"""Find the evidence spans that overlap a stretch of text, without scanning them all.

The layers ask "which mention covers this span?" once per event, quote or claim; over a
long document a scan of every mention each time is quadratic. The index sorts spans by
start per part (body or caption) and looks only at those that can reach the stretch.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Generic, TypeVar

from .records import Span

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Spans with a value each, searchable by overlap with ``[start, end)``."""

    def __init__(self, items: Iterable[tuple[Span, T]]) -> None:
        parts: dict[int | None, list[tuple[int, int, Span, T]]] = {}
        for n, (span, value) in enumerate(items):
            parts.setdefault(span.caption, []).append((span.start, n, span, value))
        self._starts: dict[int | None, list[int]] = {}
        self._items: dict[int | None, list[tuple[Span, T]]] = {}
        self._longest: dict[int | None, int] = {}
        for caption, rows in parts.items():
            rows.sort(key=lambda row: (row[0], row[1]))
            self._starts[caption] = [row[0] for row in rows]
            self._items[caption] = [(row[2], row[3]) for row in rows]
            self._longest[caption] = max(row[2].end - row[2].start for row in rows)

    def overlapping(
        self, start: int, end: int, *, caption: int | None = None
    ) -> list[tuple[Span, T]]:
        """The spans sharing at least one character with ``[start, end)``, in span order.

        An empty stretch (``start == end``) overlaps nothing.
        """
        starts = self._starts.get(caption)
        if not starts:
            return []
        lo = bisect_left(starts, start - self._longest[caption])
        hi = bisect_left(starts, end)
        return [
            (span, value)
            for span, value in self._items[caption][lo:hi]
            if min(end, span.end) - max(start, span.start) > 0
        ]
