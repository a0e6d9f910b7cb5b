"""Plain-text cleaning: body lines kept verbatim, the rest read as metadata."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.ingest.text import clean_text, split_lines


def read(fixtures: Path, name: str) -> str:
    return (fixtures / name).read_text("utf-8")


def assert_mapped(raw: str, result) -> None:  # noqa: ANN001
    for seg in result.segments:
        text = result.text if seg.caption is None else result.captions[seg.caption]
        assert (
            text[seg.start : seg.start + seg.length]
            == raw[seg.raw_start : seg.raw_start + seg.length]
        )


def test_seed_shaped_article_headline(fixtures: Path) -> None:
    result = clean_text(read(fixtures, "border_shelling.txt"))
    assert result.headline == "Rebels shell border crossing as aid talks stall"


def test_seed_shaped_article_drops_repeated_headline(fixtures: Path) -> None:
    result = clean_text(read(fixtures, "border_shelling.txt"))
    assert "Rebels shell border crossing as aid talks stall" not in result.text


def test_seed_shaped_article_drops_follow_and_updated(fixtures: Path) -> None:
    lines = clean_text(read(fixtures, "border_shelling.txt")).text.split("\n")
    assert "Follow" not in lines
    assert not any(line.startswith("Updated") for line in lines)


def test_seed_shaped_article_body_starts_with_dateline(fixtures: Path) -> None:
    result = clean_text(read(fixtures, "border_shelling.txt"))
    assert result.text.startswith("ADDIS ABABA/NAIROBI: Rebel fighters shelled")
    assert result.dateline == ["ADDIS ABABA", "NAIROBI"]


def test_seed_shaped_article_updated_alone_is_published(fixtures: Path) -> None:
    result = clean_text(read(fixtures, "border_shelling.txt"))
    assert (result.published, result.modified) == ("2021-03-04", None)


def test_seed_shaped_article_caption(fixtures: Path) -> None:
    result = clean_text(read(fixtures, "border_shelling.txt"))
    assert len(result.captions) == 1
    assert result.captions[0].endswith("(AFP / MARTA GIRMA)")
    assert "MARTA GIRMA" not in result.text


def test_seed_shaped_article_agencies(fixtures: Path) -> None:
    assert clean_text(read(fixtures, "border_shelling.txt")).agencies == ["AFP"]


def test_reuters_article_metadata(fixtures: Path) -> None:
    result = clean_text(read(fixtures, "depot_strike.txt"))
    assert result.headline == "Army says drone strike destroyed weapons depot near Mosul"
    assert (result.published, result.modified) == ("2019-06-12", "2019-06-13")
    assert result.dateline == ["BAGHDAD"]
    assert result.agencies == ["Reuters"]


def test_reuters_article_drops_furniture(fixtures: Path) -> None:
    result = clean_text(read(fixtures, "depot_strike.txt"))
    for gone in ("Share", "Advertisement", "Read more", "By Samir", "Reporting by", "REUTERS/"):
        assert gone not in result.text
    assert result.captions == [
        "An Iraqi soldier stands guard at a checkpoint on the road west of the city, "
        "June 11, 2019. REUTERS/Omar Nadim"
    ]


@pytest.mark.parametrize("name", ["border_shelling.txt", "depot_strike.txt"])
def test_fixture_segments_map_back(fixtures: Path, name: str) -> None:
    raw = read(fixtures, name)
    result = clean_text(raw)
    assert_mapped(raw, result)
    body = [seg for seg in result.segments if seg.caption is None]
    assert len(body) == len([line for line in result.text.split("\n") if line])
    captions = [seg.caption for seg in result.segments if seg.caption is not None]
    assert captions == list(range(len(result.captions)))


@pytest.mark.parametrize(
    ("line", "places", "agencies"),
    [
        ("WASHINGTON/MOSCOW: Officials met.", ["WASHINGTON", "MOSCOW"], []),
        ("BEIRUT (Reuters) - Shelling resumed.", ["BEIRUT"], ["Reuters"]),
        ("KABUL, Afghanistan (AP) — A bomb exploded.", ["KABUL"], ["AP"]),
        ("GAZA CITY, Nov 3 (Reuters) - Strikes hit.", ["GAZA CITY"], ["Reuters"]),
        ("Kabul (AFP) - A bomb exploded.", ["Kabul"], ["AFP"]),
        ("DAMASCUS, Syria, Sept. 9 (Xinhua) -- Troops advanced.", ["DAMASCUS"], ["Xinhua"]),
        ("LONDON — Police arrested two men.", ["LONDON"], []),
        # issue #7 item 11: an agency followed by a colon left the dateline empty
        ("KINSHASA/KIGALI (Reuters): Rebels advanced.", ["KINSHASA", "KIGALI"], ["Reuters"]),
        ("Goma, Congo (AFP): Shelling resumed.", ["Goma"], ["AFP"]),
        # wire headers: a day, a month in capitals and a two-digit year
        ("SAN SALVADOR, 8 MAR 90 (AFP) -- Commandos attacked.", ["SAN SALVADOR"], ["AFP"]),
        ("LIMA, 4 FEB 90 (EFE) -- [TEXT] Soldiers patrolled.", ["LIMA"], ["EFE"]),
    ],
)
def test_dateline_forms(line: str, places: list[str], agencies: list[str]) -> None:
    result = clean_text(f"{line}\nMore text followed in a second paragraph.")
    assert (result.dateline, result.agencies) == (places, agencies)
    assert result.text.startswith(line)


@pytest.mark.parametrize(
    "line",
    [
        "US-LED forces said on Monday they had struck targets.",
        "UPDATE: the figures were revised.",
        "Officials: the border was closed.",
        "The army said (AFP) it had withdrawn.",
    ],
)
def test_not_a_dateline(line: str) -> None:
    assert clean_text(f"{line}\nA second line of text.").dateline == []


@pytest.mark.parametrize(
    ("header", "places", "regions", "agency"),
    [
        ("LIMA, 4 FEB 90 (EFE)", ["LIMA"], [], "EFE"),
        ("SAN SALVADOR, 8 MAR 90 (AFP) --", ["SAN SALVADOR"], [], "AFP"),
        (
            "MANAGUA (NICARAGUA), 11 DEC 89 (RADIO SANDINO)",
            ["MANAGUA"],
            ["NICARAGUA"],
            "RADIO SANDINO",
        ),
        ("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE)", ["GUATEMALA CITY"], [], "ACAN-EFE"),
        ("SANTA ROSA, 14 MAR 91", ["SANTA ROSA"], [], None),
        ("KABUL (AP)", ["KABUL"], [], "AP"),
    ],
)
def test_a_wire_header_alone_on_its_line_is_a_dateline(header, places, regions, agency) -> None:
    from dateline.ingest.metadata import find_dateline
    from dateline.nlp.toponyms import datelines

    found = find_dateline(header)
    assert found is not None
    assert [header[a:b] for _, a, b in found.places] == places
    assert [header[a:b] for _, a, b in found.regions] == regions
    assert found.agency == agency
    text = f"{header}\nsoldiers patrolled the town on sunday."
    (line,) = datelines(text)
    assert text[line.start : line.end] == f"{header}\n"  # the body starts on the next line
    result = clean_text(text)
    assert result.dateline == places and result.headline is None


@pytest.mark.parametrize(
    "line",
    [
        "REBELS SEIZE TOWN (UPDATE 2)",  # a headline in capitals: no date, no agency
        "BOMB BLAST, 8 MAR",  # no year
        "Rebels seize town, 4 Feb 90",  # in any case a header needs both date and agency
        "Pakistan floods (Reuters)",
    ],
)
def test_a_headline_alone_on_its_line_is_no_dateline(line: str) -> None:
    from dateline.ingest.metadata import find_dateline

    assert find_dateline(line) is None


@pytest.mark.parametrize(
    ("sentence", "agency"),
    [
        ("a spokesman told AFP.", "AFP"),
        ("an official, speaking to Reuters, said.", "Reuters"),
        ("the agency AFP reported on Monday.", "AFP"),
        ("a police officer told The Associated Press.", "AP"),
        ("according to the state news agency SANA.", "SANA"),
        ("Xinhua reported that 12 died.", "Xinhua"),
        ("an AFP correspondent saw the bodies.", "AFP"),
    ],
)
def test_agency_from_body_phrase(sentence: str, agency: str) -> None:
    result = clean_text(f"Troops entered the town on Monday, {sentence}")
    assert result.agencies == [agency]


def test_agency_not_from_plain_mention() -> None:
    text = "The AFP building was closed and Reuters Street was quiet, residents said."
    assert clean_text(text).agencies == []


def test_agencies_ordered_by_first_appearance() -> None:
    raw = (
        "Troops shell town\n"
        "A destroyed house in the town centre. (Reuters / ALI SAAD)\n"
        "BEIRUT (AFP) - Troops shelled the town, a resident told AFP.\n"
        "The army said the strikes were aimed at fighters, Reuters reported.\n"
    )
    assert clean_text(raw).agencies == ["Reuters", "AFP"]


@pytest.mark.parametrize(
    ("byline", "agencies"),
    [
        ("By Jane Okafor, Associated Press", ["AP"]),
        ("By JANE OKAFOR / AFP", ["AFP"]),
        ("By Jane Okafor", []),
    ],
)
def test_byline_dropped_with_its_agency(byline: str, agencies: list[str]) -> None:
    raw = f"Floods cut roads in north\n{byline}\nHeavy rain cut roads in the north on Monday."
    result = clean_text(raw)
    assert result.text == "Heavy rain cut roads in the north on Monday."
    assert result.agencies == agencies


@pytest.mark.parametrize(
    "caption",
    [
        "Smoke rises over the city on Monday. (AFP / JOHN DOE)",
        "Smoke rises over the city on Monday. AFP PHOTO / JOHN DOE",
        "Smoke rises over the city on Monday. REUTERS/John Doe",
        "Smoke rises over the city on Monday. (AP Photo/John Doe)",
        "Smoke rises over the city on Monday. Photograph: John Doe/Reuters",
        "FILE PHOTO: Smoke rises over the city on Monday.",
    ],
)
def test_caption_forms(caption: str) -> None:
    raw = f"City shelled again\n{caption}\nShells hit the city for a third day on Monday."
    result = clean_text(raw)
    assert result.captions == [caption]
    assert result.text == "Shells hit the city for a third day on Monday."


@pytest.mark.parametrize(
    ("line", "published", "modified"),
    [
        ("Updated 09 October 2018", "2018-10-09", None),
        ("Published: 3 May 2020", "2020-05-03", None),
        ("Published 3 May 2020 | Updated 4 May 2020 10:05 GMT", "2020-05-03", "2020-05-04"),
        ("Posted on September 9, 2016", "2016-09-09", None),
        ("Saturday 12 March 2022", "2022-03-12", None),
    ],
)
def test_date_lines(line: str, published: str, modified: str | None) -> None:
    result = clean_text(f"Town retaken\n{line}\nSoldiers retook the town on Friday.")
    assert (result.published, result.modified) == (published, modified)
    assert result.text == "Soldiers retook the town on Friday."


def test_updated_sentence_stays_in_body() -> None:
    raw = "Toll rises\nUpdated figures from the ministry showed 40 dead on Monday."
    assert clean_text(raw).text == "Updated figures from the ministry showed 40 dead on Monday."


def test_first_line_sentence_is_not_headline() -> None:
    raw = "Troops entered the town on Monday.\nResidents fled."
    result = clean_text(raw)
    assert (result.headline, result.text) == (None, raw)


def test_lone_title_like_line_stays_body() -> None:
    result = clean_text("Rebels attacked the town on Tuesday")
    assert (result.headline, result.text) == (None, "Rebels attacked the town on Tuesday")


def test_windows_newlines_map_back() -> None:
    raw = "Town shelled\r\n\r\nShells fell on the town.\r\nTwo died.\r\n"
    result = clean_text(raw)
    assert result.text == "Shells fell on the town.\nTwo died."
    assert_mapped(raw, result)


_LINES = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            "Follow",
            "Share",
            "Town shelled",
            "Updated 09 October 2018",
            "By Jane Okafor, Reuters",
            "Smoke rises. (AFP / JOHN DOE)",
            "BEIRUT (Reuters) - Shells fell.",
            "WASHINGTON/MOSCOW: Talks began.",
            "  indented line  ",
            "",
        ]
    ),
)
_ARTICLES = st.one_of(
    st.text(),
    st.lists(_LINES, max_size=12).flatmap(
        lambda lines: st.sampled_from(["\n", "\r\n", "\r"]).map(lambda nl: nl.join(lines))
    ),
)


@settings(max_examples=300, deadline=None)
@given(_ARTICLES)
def test_property_segments_map_text_back_to_raw(raw: str) -> None:
    assert_mapped(raw, clean_text(raw))


@settings(max_examples=300, deadline=None)
@given(_ARTICLES)
def test_property_body_is_subsequence_of_raw_lines(raw: str) -> None:
    body = clean_text(raw).text
    raw_lines = iter(line.text for line in split_lines(raw))
    for line in body.split("\n") if body else []:
        if line:  # a paragraph break
            assert any(line == candidate for candidate in raw_lines)


@pytest.mark.parametrize(
    ("raw", "body"),
    [
        (
            "Title of it\n\nFirst para.\nSame para.\n\nSecond para.",
            "First para.\nSame para.\n\nSecond para.",
        ),
        ("Title of it\r\n\r\nFirst para.\r\nSame para.", "First para.\nSame para."),
        ("Title of it\n\nFirst para.\nFollow\nSame para.", "First para.\nSame para."),
        ("Title of it\n\nFirst para.\n  \t \nSecond para.", "First para.\n\nSecond para."),
    ],
)
def test_paragraph_breaks_are_kept(raw: str, body: str) -> None:
    result = clean_text(raw)
    assert result.text == body
    assert_mapped(raw, result)


def test_a_dateline_gives_its_regions_with_offsets_and_may_carry_a_date() -> None:
    from dateline.ingest.metadata import find_dateline

    line = "KIRKUK, Iraq, May 4, 2031 (Northbound Wire) - Nurses marched."
    found = find_dateline(line)
    assert found is not None
    assert [line[a:b] for _, a, b in found.places] == ["KIRKUK"]
    assert [line[a:b] for _, a, b in found.regions] == ["Iraq"]
    assert found.agency == "Northbound Wire"
    assert line[found.end :] == "Nurses marched."
