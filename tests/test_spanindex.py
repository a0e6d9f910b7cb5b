"""SpanIndex finds exactly the spans a scan would, in span order (long-document speed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.records import Span
from dateline.spanindex import SpanIndex

TEXT = "x" * 200

spans = st.tuples(st.integers(0, 190), st.integers(1, 10), st.sampled_from([None, 0, 1])).map(
    lambda t: Span(start=t[0], end=t[0] + t[1], text=TEXT[t[0] : t[0] + t[1]], caption=t[2])
)


@given(
    st.lists(spans, max_size=40),
    st.integers(0, 199),
    st.integers(0, 12),
    st.sampled_from([None, 0, 1]),
)
def test_same_answer_as_a_scan(items, start, width, caption):
    index = SpanIndex((span, n) for n, span in enumerate(items))
    end = start + width
    scan = sorted(
        (
            (span, n)
            for n, span in enumerate(items)
            if span.caption == caption and min(end, span.end) > max(start, span.start)
        ),
        key=lambda pair: (pair[0].start, pair[1]),
    )
    assert index.overlapping(start, end, caption=caption) == scan


def test_empty_index_and_empty_stretch():
    assert SpanIndex([]).overlapping(0, 10) == []
    span = Span(start=2, end=5, text="xxx")
    assert SpanIndex([(span, "a")]).overlapping(3, 3) == []
    assert SpanIndex([(span, "a")]).overlapping(4, 6) == [(span, "a")]
