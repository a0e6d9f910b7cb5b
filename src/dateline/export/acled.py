"""A stored event as a row with ACLED's column names and codes, then dateline's own columns.

dateline's vocabularies (actor types, place and date precision) map to ACLED's codes through
``resources/acled_codes.toml``. ``fatalities`` follows ACLED's rule for disagreeing sources,
the most conservative figure; the range the sources report is in ``fatalities_low`` and
``fatalities_high`` and in ``notes``. Columns dateline cannot fill (``iso``, ``region``,
``admin2``, ``admin3``, ``source_scale``, ``tags``, ``timestamp``) are left empty, not guessed;
``timestamp`` in particular would make two exports of the same store differ.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

# ACLED's columns, in the order of its post-2023 export.
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
# dateline's columns after ACLED's.
EXTRA_COLUMNS = (
    "date_latest",
    "country_code",
    "plover",
    "mode",
    "fatalities_low",
    "fatalities_high",
    "injured_low",
    "injured_high",
    "certainty",
    "n_documents",
    "documents",
)
COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS
# Column types for typed exports (Parquet, pandas): int, float, or str for everything else.
INT_COLUMNS = frozenset(
    {
        "year",
        "time_precision",
        "inter1",
        "inter2",
        "interaction",
        "iso",
        "geo_precision",
        "fatalities",
        "timestamp",
        "fatalities_low",
        "fatalities_high",
        "injured_low",
        "injured_high",
        "n_documents",
    }
)
FLOAT_COLUMNS = frozenset({"latitude", "longitude"})


@lru_cache(maxsize=1)
def codes() -> dict[str, dict[str, Any]]:
    """The vocabulary maps of resources/acled_codes.toml."""
    text = resources.files("dateline").joinpath("resources/acled_codes.toml").read_text("utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> short English name (resources/iso3166.tsv)."""
    text = resources.files("dateline").joinpath("resources/iso3166.tsv").read_text("utf-8")
    names = {}
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("alpha2\t"):
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            names[parts[0]] = parts[2]
    return names


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    present = sorted(code for code in (inter1, inter2) if code is not None)
    if not present:
        return None
    if len(present) == 1:
        return present[0] * 10
    return present[0] * 10 + present[1]


def _sources(record: Mapping[str, Any]) -> str | None:
    names: list[str] = []
    for source in record.get("sources") or []:
        for name in source.get("agencies") or [source.get("source")]:
            if name and name not in names:
                names.append(str(name))
    return "; ".join(names) or None


def acled_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """The ACLED-style row of an event record from ``store.query.iter_events``."""
    maps = codes()
    inter1 = maps["inter"].get(record.get("actor1_type") or "")
    inter2 = maps["inter"].get(record.get("actor2_type") or "")
    event_type = record.get("acled_event_type")
    sub_type = record.get("acled_sub_event_type")
    disorder = maps["disorder_type_sub"].get(sub_type or "") or maps["disorder_type"].get(
        event_type or ""
    )
    date = record.get("event_date")
    country = record.get("country")
    documents = sorted({s["document"] for s in record.get("sources") or [] if s.get("document")})
    row: dict[str, Any] = {
        "event_id_cnty": record.get("key"),
        "event_date": date,
        "year": int(date[:4]) if date else None,
        "time_precision": maps["time_precision"].get(record.get("date_precision") or ""),
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": record.get("actor1"),
        "assoc_actor_1": record.get("assoc_actor1"),
        "inter1": inter1,
        "actor2": record.get("actor2"),
        "assoc_actor_2": record.get("assoc_actor2"),
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if 7 in (inter1, inter2) else None,
        "iso": None,
        "region": None,
        "country": country_names().get(country or "", country),
        "admin1": record.get("admin1"),
        "admin2": None,
        "admin3": None,
        "location": record.get("location"),
        "latitude": record.get("lat"),
        "longitude": record.get("lon"),
        "geo_precision": maps["geo_precision"].get(record.get("geo_precision") or ""),
        "source": _sources(record),
        "source_scale": None,
        "notes": record.get("notes"),
        "fatalities": record.get("fatalities_low"),
        "tags": None,
        "timestamp": None,
        "date_latest": record.get("date_latest"),
        "country_code": country,
        "plover": record.get("plover"),
        "mode": record.get("mode"),
        "fatalities_low": record.get("fatalities_low"),
        "fatalities_high": record.get("fatalities_high"),
        "injured_low": record.get("injured_low"),
        "injured_high": record.get("injured_high"),
        "certainty": record.get("certainty"),
        "n_documents": record.get("n_documents"),
        "documents": "; ".join(documents) or None,
    }
    return row
