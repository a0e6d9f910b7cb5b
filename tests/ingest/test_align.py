"""The offset map of HTML input: extracted text found again in the page's source (issue #6)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.ingest.align import align

PAGE = (
    "<html><head><title>Title</title><style>p { color: red }</style></head><body>"
    "<nav>Home | World</nav>"
    "<p>Gunmen attacked a convoy\n   near the town on Monday, officials said.</p>"
    "<script>var said = 'officials said';</script>"
    "<p>Aid &amp; medical teams arrived&nbsp;later.</p>"
    "</body></html>"
)


def mapped(text: str, page: str) -> list[tuple[str, str]]:
    return [
        (text[s.start : s.start + s.length], page[s.raw_start : s.raw_start + s.length])
        for s in align(text, page)
    ]


def test_runs_copied_verbatim_map_into_the_page():
    text = "Gunmen attacked a convoy near the town on Monday, officials said.\nAid & medical teams arrived later."
    pairs = mapped(text, PAGE)
    assert all(a == b for a, b in pairs)
    covered = "".join(a for a, _ in pairs)
    assert "Gunmen attacked a convoy" in covered and "officials said." in covered
    segs = align(text, PAGE)
    first = segs[0]
    assert PAGE[first.raw_start :].startswith("Gunmen attacked")
    # "said" is found in the paragraph, never in the script
    said = text.index("said")
    hit = next(s for s in segs if s.start <= said < s.start + s.length)
    assert PAGE.index("<script>") > hit.raw_start + (said - hit.start)


def test_entities_are_left_out_of_the_segments():
    text = "Aid & medical teams arrived later."
    pairs = mapped(text, PAGE)
    assert ("&", "&") not in pairs
    assert any(a.startswith("medical teams") for a, _ in pairs)


def test_text_not_in_the_page_maps_nothing():
    assert align("Zebras graze quietly, oftentimes.", PAGE) == []


def test_caption_segments_carry_the_caption_index():
    page = "<figure><figcaption>Trucks at the bridge (AFP)</figcaption></figure>"
    (seg,) = align("Trucks at the bridge (AFP)", page, caption=0)
    assert (seg.caption, page[seg.raw_start : seg.raw_start + seg.length]) == (
        0,
        "Trucks at the bridge (AFP)",
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="ab &<>;\n", max_size=12), min_size=1, max_size=6))
def test_property_every_segment_is_verbatim(parts: list[str]):
    page = "".join(f"<p>{part}</p>" for part in parts)
    text = "\n".join(part.strip() for part in parts)
    for seg in align(text, page):
        assert (
            text[seg.start : seg.start + seg.length]
            == page[seg.raw_start : seg.raw_start + seg.length]
        )


@pytest.mark.parametrize("page", ["", "<p>", "&amp;", "<!-- never closed"])
def test_odd_pages_do_not_raise(page: str):
    align("some text", page)
