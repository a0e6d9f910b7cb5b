"""HTML pages: body by trafilatura, dates by htmldate, captions from <figcaption>."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.ingest.html import clean_html
from dateline.ingest.text import Cleaned


@pytest.fixture(scope="module")
def raw(fixtures: Path) -> str:
    return (fixtures / "militia_bridge.html").read_text("utf-8")


@pytest.fixture(scope="module")
def page(raw: str) -> Cleaned:
    return clean_html(raw)


def test_headline_from_title(page: Cleaned) -> None:
    assert page.headline == "Militia fighters seize bridge on supply route"


def test_body_starts_with_dateline(page: Cleaned) -> None:
    assert page.text.startswith("GOMA, Democratic Republic of Congo (AFP) - Militia fighters")
    assert page.dateline == ["GOMA"]


def test_published_and_modified_kept_apart(page: Cleaned) -> None:
    assert (page.published, page.modified) == ("2022-05-14", "2022-05-15")


def test_caption_out_of_body(page: Cleaned) -> None:
    assert page.captions == [
        "Trucks queue at the approach to the river bridge north of the city on May 13, 2022. "
        "(AFP / KOFI MENSAH)"
    ]
    assert "KOFI MENSAH" not in page.text


@pytest.mark.parametrize("gone", ["This is terrible news", "Copyright", "Home", "By Amina"])
def test_no_comments_or_furniture(page: Cleaned, gone: str) -> None:
    assert gone not in page.text


def test_headline_not_repeated_in_body(page: Cleaned) -> None:
    assert page.headline is not None
    assert page.headline not in page.text


def test_agencies(page: Cleaned) -> None:
    assert page.agencies == ["AFP"]


def test_offset_map_leads_back_into_the_page(page: Cleaned, raw: str) -> None:
    # issue #6: HTML input had no map to its page at all
    body = [seg for seg in page.segments if seg.caption is None]
    covered = sum(seg.length for seg in body)
    assert covered >= 0.9 * len(page.text.replace("\n", ""))
    for seg in page.segments:
        text = page.text if seg.caption is None else page.captions[seg.caption]
        assert (
            text[seg.start : seg.start + seg.length]
            == raw[seg.raw_start : seg.raw_start + seg.length]
        )


def test_short_fragment_keeps_its_paragraphs() -> None:
    result = clean_html("<p>Troops entered the town on Monday.</p><p>Residents fled.</p>")
    assert result.text == "Troops entered the town on Monday.\nResidents fled."


def test_page_without_text_is_empty() -> None:
    assert clean_html("<html><body><script>var a = 1;</script></body></html>").text == ""


def nested(depth: int) -> str:
    paragraphs = (
        "<p>GOMA, Congo (AFP) - Militia fighters seized a bridge on Monday, officials said.</p>"
        "<script>track();</script>"
        "<p>Residents said the shooting lasted &amp; spread for two hours.</p>"
    )
    return (
        "<html><head><title>Militia seize bridge</title></head><body>"
        + "<div>" * depth
        + paragraphs
        + "</div>" * depth
        + "</body></html>"
    )


@pytest.mark.parametrize("depth", [300, 3000])
def test_deeply_nested_page_keeps_its_text(depth: int) -> None:
    # issue #7 item 5: past ~250 levels lxml dropped the text and the page read as empty
    page = clean_html(nested(depth))
    assert page.text.split("\n") == [
        "GOMA, Congo (AFP) - Militia fighters seized a bridge on Monday, officials said.",
        "Residents said the shooting lasted & spread for two hours.",
    ]
    assert (page.headline, page.dateline, page.agencies) == (
        "Militia seize bridge",
        ["GOMA"],
        ["AFP"],
    )
    for seg in page.segments:
        assert page.text[seg.start : seg.start + seg.length] in nested(depth)
