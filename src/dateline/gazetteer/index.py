"""Read-only access to the built gazetteer index (SQLite), shared by worker processes.

The file is opened read-only and immutable, so every worker process maps the same pages and
none can change it. Lookups go through a per-process cache: an article names the same
places many times and a corpus the same countries thousands of times.
"""

from __future__ import annotations

import math
import os
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import GazetteerError
from .build import FORMAT_VERSION
from .keys import name_keys

ENV_VAR = "DATELINE_GAZETTEER"
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer record a name may refer to, with how well the name matched (0 best)."""

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
    names: int
    level: int = 0
    primary: bool = True


def default_path() -> Path:
    """Where the index is: ``$DATELINE_GAZETTEER``, else inside the installed package."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return Path(str(resources.files("dateline").joinpath("resources/gazetteer.sqlite")))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def offset_point(lat: float, lon: float, km: float, bearing_deg: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) in the direction ``bearing_deg`` (0 = north)."""
    d = km / EARTH_RADIUS_KM
    b = math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(
        math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2)
    )
    lon2 = (math.degrees(l2) + 540.0) % 360.0 - 180.0
    return round(math.degrees(p2), 5), round(lon2, 5)


_COLUMNS = "p.id, p.geonames_id, p.name, p.lat, p.lon, p.country, p.admin1, p.admin2, p.feature, p.population, p.names"


class Gazetteer:
    """The built index: name lookups, demonyms, countries and first-level areas."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise GazetteerError(
                f"the gazetteer index {path} is missing; build it with `make setup` or "
                "`dateline gazetteer build`"
            )
        try:
            self._db = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro&immutable=1",
                uri=True,
                check_same_thread=False,
            )
            meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(
                f"the gazetteer index {path} cannot be read ({exc}); rebuild it with "
                "`dateline gazetteer build`"
            ) from exc
        if meta.get("format") != str(FORMAT_VERSION):
            raise GazetteerError(
                f"the gazetteer index {path} has format {meta.get('format')}, this dateline "
                f"reads format {FORMAT_VERSION}; rebuild it with `dateline gazetteer build`"
            )
        self.meta = meta
        self._lock = threading.Lock()
        # A corpus names the same few thousand places again and again; a name with a hundred
        # candidates ("Washington") costs about 20 KB, so the cache stays far under 100 MB.
        self.lookup = lru_cache(maxsize=20_000)(self._lookup)
        self.demonym = lru_cache(maxsize=20_000)(self._demonym)

    def _rows(self, sql: str, args: tuple[object, ...]) -> list[tuple[object, ...]]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def _lookup(self, name: str) -> tuple[Candidate, ...]:
        """Every record ``name`` may refer to, best match level first, then by id."""
        keys = name_keys(name)
        best: dict[int, Candidate] = {}
        for mention_level, key in enumerate(keys):
            if not key or key in keys[:mention_level]:
                continue
            rows = self._rows(
                f'SELECT n.level, n."primary", {_COLUMNS} FROM names n '
                "JOIN places p ON p.id = n.place WHERE n.key = ?",
                (key,),
            )
            for row in rows:
                level = max(mention_level, int(row[0]))  # type: ignore[call-overload]
                cand = _candidate(row[2:], level, bool(row[1]))
                old = best.get(cand.id)
                if old is None or (old.level, not old.primary) > (level, not cand.primary):
                    best[cand.id] = cand
        return tuple(sorted(best.values(), key=lambda c: (c.level, c.id)))

    def _demonym(self, word: str) -> Candidate | None:
        """The country a demonym ("Syrian", "Tajiks") names, or None."""
        key = name_keys(word)[0]
        if not key:
            return None
        rows = self._rows(
            f"SELECT {_COLUMNS} FROM demonyms d JOIN places p ON p.id = d.place WHERE d.key = ?",
            (key,),
        )
        return _candidate(rows[0], 0) if rows else None

    def country(self, iso: str) -> Candidate | None:
        """The country record of an ISO 3166-1 alpha-2 code."""
        rows = self._rows(
            f"SELECT {_COLUMNS} FROM places p WHERE p.feature = 'PCLI' AND p.country = ? "
            "ORDER BY p.id LIMIT 1",
            (iso,),
        )
        return _candidate(rows[0], 0) if rows else None

    def capital(self, iso: str) -> Candidate | None:
        """The capital city record (PPLC) of an ISO 3166-1 alpha-2 code, or None."""
        rows = self._rows(
            f"SELECT {_COLUMNS} FROM places p WHERE p.feature = 'PPLC' AND p.country = ? "
            "ORDER BY p.population DESC, p.id LIMIT 1",
            (iso,),
        )
        return _candidate(rows[0], 0) if rows else None

    def admin1(self, country: str, name: str) -> Candidate | None:
        """The first-level area ``name`` of ``country`` (its record), or None."""
        rows = self._rows(
            f"SELECT {_COLUMNS} FROM places p WHERE p.feature = 'ADM1' AND p.country = ? "
            "AND p.admin1 = ? ORDER BY p.id LIMIT 1",
            (country, name),
        )
        return _candidate(rows[0], 0) if rows else None


def _candidate(row: tuple[object, ...], level: int, primary: bool = True) -> Candidate:
    return Candidate(
        id=int(row[0]),  # type: ignore[call-overload]
        geonames_id=None if row[1] is None else int(row[1]),  # type: ignore[call-overload]
        name=str(row[2]),
        lat=float(row[3]),  # type: ignore[arg-type]
        lon=float(row[4]),  # type: ignore[arg-type]
        country=str(row[5]),
        admin1=str(row[6]),
        admin2=str(row[7]),
        feature=str(row[8]),
        population=int(row[9]),  # type: ignore[call-overload]
        names=int(row[10]),  # type: ignore[call-overload]
        level=level,
        primary=primary,
    )


_OPEN: dict[Path, Gazetteer] = {}
_OPEN_LOCK = threading.Lock()


def open_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The index at ``path`` (default: :func:`default_path`), opened once per process."""
    resolved = Path(path) if path else default_path()
    with _OPEN_LOCK:
        gaz = _OPEN.get(resolved)
        if gaz is None:
            gaz = _OPEN[resolved] = Gazetteer(resolved)
        return gaz
