from __future__ import annotations

import sqlite3

import pytest

from dateline.errors import GazetteerError
from dateline.gazetteer.build import (
    area_point,
    build,
    is_latin,
    read_curated,
    short_admin_name,
    usable_alternate,
)
from dateline.gazetteer.index import Gazetteer, distance_km

from .conftest import tiny_sources


def names(cands):
    return [(c.name, c.country, c.feature) for c in cands]


def test_the_build_counts_what_it_wrote(tiny_index):
    _, counts = tiny_index
    assert counts["PPL"] + counts.get("PPLC", 0) == 15
    assert counts["PCLI"] == 6
    assert counts["ADM1"] >= 5 and counts["ADM2"] == 4
    assert counts["demonyms"] >= 6


def test_transliterated_spellings_find_the_town(tiny):
    for spelling in ("Deir Ezzor", "Deir ez-Zor", "Dayr az Zawr"):
        assert ("Deir ez-Zor", "SY", "PPL") in names(tiny.lookup(spelling)), spelling
    for spelling in ("Albukamal", "Abu Kamal", "Al Bukamal"):
        assert names(tiny.lookup(spelling)) == [("Ālbū Kamāl", "SY", "PPL")], spelling


def test_the_match_level_is_the_looser_of_the_two_keys(tiny):
    (exact,) = [c for c in tiny.lookup("Al-Bukamal")]
    assert exact.level == 0
    (loose,) = tiny.lookup("Albukamal")
    assert loose.level == 0  # "Al-Bukamal" folds to "albukamal" too
    assert min(c.level for c in tiny.lookup("Deir al-Zor")) == 1
    assert min(c.level for c in tiny.lookup("Dayr az Zor")) == 2


def test_alternate_names_are_marked(tiny):
    by_country = {c.country: c for c in tiny.lookup("Palmyra")}
    assert by_country["US"].primary and not by_country["SY"].primary


def test_first_level_areas_are_named_and_placed_from_their_places(tiny):
    area = tiny.admin1("SY", "Deir ez-Zor")
    assert area is not None and area.feature == "ADM1"
    # The box around Deir ez-Zor, Abu Kamal and Mayadin.
    assert 34.4 < area.lat < 35.4 and 40.1 < area.lon < 41.0
    # ISO 3166-2 names are aliases of the area of the same name.
    assert ("Deir ez-Zor", "SY", "ADM1") in names(tiny.lookup("Dayr az Zawr"))
    assert "Louisiana" in [c.name for c in tiny.lookup("La.")]


def test_counties_are_second_level_areas_also_without_their_word(tiny):
    assert ("Lamar County", "US", "ADM2") in names(tiny.lookup("Lamar County"))
    assert ("Lamar County", "US", "ADM2") in names(tiny.lookup("Lamar"))


def test_places_carry_their_admin_names(tiny):
    (town,) = [c for c in tiny.lookup("Shreveport")]
    assert (town.admin1, town.admin2) == ("Louisiana", "Caddo Parish")


def test_countries_have_centroids_demonyms_and_capitals(tiny):
    (syria,) = tiny.lookup("Syria")
    assert (syria.feature, syria.lat, syria.lon) == ("PCLI", 35.0, 38.0)
    assert tiny.demonym("Syrians").name == "Syria"
    assert tiny.demonym("Tajik") is None
    # A curated country row replaces the shipped centroid and adds spellings.
    (us,) = [c for c in tiny.lookup("U.S.") if c.feature == "PCLI"]
    assert (us.lat, us.lon) == (39.76, -98.5)
    assert [c.feature for c in tiny.lookup("Damascus")] == ["PPLC"]


def test_curated_places_are_in_the_index(tiny):
    (range_,) = tiny.lookup("Qalamun")
    assert (range_.name, range_.feature, range_.geonames_id) == ("Qalamoun", "MTS", None)


def test_the_build_is_deterministic(tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    build(a, tiny_sources())
    build(b, tiny_sources())
    assert a.read_bytes() == b.read_bytes()


def test_a_curated_alias_of_nothing_is_an_error(tmp_path):
    sources = tiny_sources()
    sources.curated.append(
        sources.curated[2].__class__("Nowhere", ["Nw."], "ADM1", None, None, "US", "", 0)
    )
    with pytest.raises(ValueError, match="Nowhere"):
        build(tmp_path / "x.sqlite", sources)


def test_a_missing_index_says_how_to_build_it(tmp_path):
    with pytest.raises(GazetteerError, match="make setup"):
        Gazetteer(tmp_path / "none.sqlite")


def test_an_index_of_another_format_says_to_rebuild(tmp_path, tiny_index):
    path = tmp_path / "old.sqlite"
    path.write_bytes(tiny_index[0].read_bytes())
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'format'")
    with pytest.raises(GazetteerError, match="rebuild"):
        Gazetteer(path)


def test_a_file_that_is_not_an_index_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_text("not a database")
    with pytest.raises(GazetteerError, match="cannot be read"):
        Gazetteer(path)


@pytest.mark.parametrize(
    ("name", "usable"),
    [
        ("Dayr az Zawr", True),
        ("KBR", False),
        ("دير الزور", False),
        ("Qarah", True),
        ("12th", False),
    ],
)
def test_which_alternate_names_get_keys(name, usable):
    assert usable_alternate(name) is usable


def test_latin_script_letters_with_accents_are_latin():
    assert is_latin("Ālbū Kamāl") and not is_latin("Дамаск")


@pytest.mark.parametrize(
    ("name", "short"),
    [("Muhafazat Dayr az Zawr", "Dayr az Zawr"), ("Lamar County", "Lamar"), ("Texas", "")],
)
def test_short_admin_names(name, short):
    assert short_admin_name(name) == short


def test_an_area_point_is_the_middle_of_its_places():
    assert area_point([(30.0, 10.0), (40.0, 20.0), (35.0, 11.0)]) == (35.0, 15.0)


def test_the_shipped_curated_file_reads():
    rows = read_curated()
    assert len(rows) > 300
    features = {r.feature for r in rows}
    assert {"PCLI", "DEMONYM", "ADM1", "RGN", "MTS", "MILB", "PSTB"} <= features
    # Every row with coordinates has plausible ones.
    for row in rows:
        if row.lat is not None:
            assert -90 <= row.lat <= 90 and -180 <= row.lon <= 180, row.name


def test_distance_between_two_towns():
    assert distance_km(35.3359, 40.1408, 34.4523, 40.9185) == pytest.approx(122, abs=2)
