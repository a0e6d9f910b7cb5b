"""A tiny gazetteer built in the test from a few rows, so tests do not depend on the shipped
index or on how long a full build takes."""

from __future__ import annotations

import pytest

from dateline.gazetteer.build import AdminRow, City, Country, Curated, Sources, build
from dateline.gazetteer.index import Gazetteer


def tiny_sources() -> Sources:
    cities = [
        City(1, "Qara", 34.1556, 36.7428, "SY", "08", 20656, ["Qarah", "Al Qarah"]),
        City(2, "Deir ez-Zor", 35.3359, 40.1408, "SY", "05", 242565, ["Dayr az Zawr"]),
        City(3, "Ālbū Kamāl", 34.4523, 40.9185, "SY", "05", 57572, ["Abu Kamal", "Al-Bukamal"]),
        City(4, "Mosul", 36.335, 43.1189, "IQ", "15", 1683000, ["Al Mawsil"]),
        City(5, "Alexandria", 31.2018, 29.9158, "EG", "06", 3811516, []),
        City(6, "Alexandria", 31.3113, -92.4451, "US", "LA", 47723, []),
        City(7, "Shreveport", 32.5252, -93.7502, "US", "LA", 187112, []),
        City(8, "Damascus", 33.5102, 36.2913, "SY", "13", 1569394, ["Dimashq"]),
        City(9, "Paris", 48.8534, 2.3488, "FR", "11", 2138551, []),
        City(10, "Paris", 33.6609, -95.5555, "US", "TX", 24782, []),
        City(11, "Dallas", 32.7831, -96.8067, "US", "TX", 1300092, []),
        City(12, "Mayadin", 35.0207, 40.4517, "SY", "05", 44000, ["Al Mayadin"]),
        City(13, "Tadmur", 34.5624, 38.284, "SY", "12", 51015, ["Palmyra"]),
        City(14, "Palmyra", 40.0176, -75.0277, "US", "NJ", 7398, []),
        City(15, "Kyiv", 50.4547, 30.5238, "UA", "12", 2797553, ["Kiev"]),
    ]
    admin_rows = [
        AdminRow("Deir ez-Zor", 35.3359, 40.1408, "SY", "Deir ez-Zor", ""),
        AdminRow("Abu Kamal", 34.4523, 40.9185, "SY", "Deir ez-Zor", ""),
        AdminRow("Mayadin", 35.0207, 40.4517, "SY", "Deir ez-Zor", ""),
        AdminRow("Qara", 34.1556, 36.7428, "SY", "Rif Dimashq", ""),
        AdminRow("Alexandria", 31.3113, -92.4451, "US", "Louisiana", "Rapides Parish"),
        AdminRow("Shreveport", 32.5252, -93.7502, "US", "Louisiana", "Caddo Parish"),
        AdminRow("Paris", 33.6609, -95.5555, "US", "Texas", "Lamar County"),
        AdminRow("Dallas", 32.7831, -96.8067, "US", "Texas", "Dallas County"),
        AdminRow("Mosul", 36.335, 43.1189, "IQ", "Nineveh", ""),
    ]
    countries = [
        Country("SY", "Syria", 163843, 35.0, 38.0, 17_000_000, "Damascus", [], ["Syrian"]),
        Country("IQ", "Iraq", 99237, 33.0, 44.0, 38_000_000, "Baghdad", [], ["Iraqi"]),
        Country("US", "United States", 6252001, 38.0, -97.0, 327_000_000, "Washington"),
        Country("FR", "France", 3017382, 46.0, 2.0, 66_000_000, "Paris", [], ["French"]),
        Country("EG", "Egypt", 357994, 27.0, 30.0, 98_000_000, "Cairo", [], ["Egyptian"]),
        Country("UA", "Ukraine", 690791, 49.0, 32.0, 44_000_000, "Kyiv", [], ["Ukrainian"]),
    ]
    curated = [
        Curated("United States", ["U.S.", "USA"], "PCLI", 39.76, -98.5, "US", "", 0),
        Curated("Qalamoun", ["Qalamun"], "MTS", 33.95, 36.6, "SY", "Rif Dimashq", 0),
        Curated("Louisiana", ["La."], "ADM1", None, None, "US", "", 0),
        Curated("Syrian", ["Syrians"], "DEMONYM", None, None, "SY", "", 0),
    ]
    return Sources(
        cities=cities,
        admin_rows=admin_rows,
        countries=countries,
        subdivisions=[("SY", "Dayr az Zawr"), ("SY", "Rīf Dimashq")],
        curated=curated,
        versions={"test": "1"},
    )


@pytest.fixture(scope="session")
def tiny_index(tmp_path_factory):
    path = tmp_path_factory.mktemp("gazetteer") / "tiny.sqlite"
    counts = build(path, tiny_sources())
    return path, counts


@pytest.fixture(scope="session")
def tiny(tiny_index):
    return Gazetteer(tiny_index[0])
