"""Stage dateline.clean.v1: dispatch by format, --no-clean, published overrides, empty body."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.document import Document
from dateline.errors import InputError
from dateline.ingest.sniff import sniff_format

Stage = Callable[[Document], Document]


def cleaned(stage: Stage, raw: str, **options: object) -> Document:
    fmt = sniff_format(raw)
    return stage(Document.from_input(raw, source="t", input_format=fmt, **options))  # type: ignore[arg-type]


def test_text_article(clean_stage: Stage, fixtures: Path) -> None:
    raw = (fixtures / "border_shelling.txt").read_text("utf-8")
    doc = cleaned(clean_stage, raw)
    assert doc.meta.headline == "Rebels shell border crossing as aid talks stall"
    assert doc.meta.published == "2021-03-04"
    assert doc.meta.dateline == ["ADDIS ABABA", "NAIROBI"]
    assert doc.meta.agencies == ["AFP"]
    assert [c.text[-19:] for c in doc.meta.captions] == ["(AFP / MARTA GIRMA)"]


def test_text_offsets_map_to_raw(clean_stage: Stage, fixtures: Path) -> None:
    raw = (fixtures / "depot_strike.txt").read_text("utf-8")
    doc = cleaned(clean_stage, raw)
    start = doc.text.index("Tal Abtah")
    raw_start = doc.raw_offset(start)
    assert raw_start is not None
    assert raw[raw_start : raw_start + 9] == "Tal Abtah"


def test_html_article(clean_stage: Stage, fixtures: Path) -> None:
    raw = (fixtures / "militia_bridge.html").read_text("utf-8")
    doc = cleaned(clean_stage, raw)
    assert (doc.meta.published, doc.meta.modified) == ("2022-05-14", "2022-05-15")
    assert doc.meta.dateline == ["GOMA"]
    # issue #6: HTML input maps back to the page's source
    assert doc.segments
    for seg in doc.segments:
        part = doc.part(seg.caption)
        assert (
            part[seg.start : seg.start + seg.length]
            == raw[seg.raw_start : seg.raw_start + seg.length]
        )
    start = doc.text.index("GOMA")
    assert raw[doc.raw_offset(start) :].startswith("GOMA")


def test_published_given_overrides(clean_stage: Stage, fixtures: Path) -> None:
    raw = (fixtures / "depot_strike.txt").read_text("utf-8")
    doc = cleaned(clean_stage, raw, published="2019-06-20")
    assert (doc.meta.published, doc.meta.modified) == ("2019-06-20", "2019-06-13")


def test_no_clean_keeps_text_exactly(clean_stage: Stage, fixtures: Path) -> None:
    raw = (fixtures / "border_shelling.txt").read_text("utf-8")
    doc = cleaned(clean_stage, raw, clean=False, published="2021-03-05")
    assert doc.text == raw
    assert doc.raw_offset(10) == 10
    assert (doc.meta.published, doc.meta.captions) == ("2021-03-05", [])


def test_no_clean_still_reads_the_metadata(clean_stage: Stage, fixtures: Path) -> None:
    # issue #7 item 11: --no-clean also turned off headline, dateline and agency detection
    raw = (fixtures / "border_shelling.txt").read_text("utf-8")
    doc = cleaned(clean_stage, raw, clean=False)
    assert doc.text == raw
    assert doc.meta.headline == "Rebels shell border crossing as aid talks stall"
    assert (doc.meta.published, doc.meta.dateline) == ("2021-03-04", ["ADDIS ABABA", "NAIROBI"])
    assert doc.meta.agencies == ["AFP"]


def test_no_clean_reads_the_metadata_of_an_html_page(clean_stage: Stage, fixtures: Path) -> None:
    raw = (fixtures / "militia_bridge.html").read_text("utf-8")
    doc = cleaned(clean_stage, raw, clean=False)
    assert doc.text == raw
    assert doc.meta.headline == "Militia fighters seize bridge on supply route"
    assert (doc.meta.published, doc.meta.dateline) == ("2022-05-14", ["GOMA"])


def test_no_clean_still_reads_dateline(clean_stage: Stage) -> None:
    raw = "BEIRUT (Reuters) - Shells fell on the town.\r\nTwo died."
    doc = cleaned(clean_stage, raw, clean=False)
    assert (doc.text, doc.meta.dateline, doc.meta.agencies) == (raw, ["BEIRUT"], ["Reuters"])


@pytest.mark.parametrize("raw", ["", "  \n", "Follow\nShare\nAdvertisement"])
def test_empty_body_raises(clean_stage: Stage, raw: str) -> None:
    with pytest.raises(InputError) as info:
        cleaned(clean_stage, raw)
    assert (info.value.code, info.value.source) == ("empty", "t")


@pytest.mark.parametrize(
    "raw",
    [
        "<html><head><script>var a = 1;</script></head><body><script>go()</script></body></html>",
        "<html><head><style>p { color: red }</style></head><body><div> </div></body></html>",
    ],
)
def test_html_without_article_says_so(clean_stage: Stage, raw: str) -> None:
    # issue #7 item 5: a page of scripts said "the input is empty (no text after decoding)"
    with pytest.raises(InputError) as info:
        cleaned(clean_stage, raw)
    assert (info.value.code, info.value.source) == ("no_article", "t")
    assert "no article text found in the HTML" in str(info.value)


def test_error_names_an_input_without_source(clean_stage: Stage) -> None:
    # issue #7 item 9: the message named the document's hash
    doc = Document.from_input("Follow\nShare", url="https://example.org/a")
    with pytest.raises(InputError, match=r"^https://example.org/a: the input is empty"):
        clean_stage(doc)
    with pytest.raises(InputError, match=r"^<string>: the input is empty"):
        clean_stage(Document.from_input("Follow\nShare"))
