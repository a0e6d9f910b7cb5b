"""Queries over stored events and their exports (table, JSON, CSV, Parquet, GeoJSON, pandas)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from dateline.errors import MissingExtraError
from dateline.export import ACLED_COLUMNS, acled_row, write_events
from dateline.store import EventFilter

from .helpers import event
from .test_canonical import CORPUS, doc


@pytest.fixture
def filled(store):
    extra = [
        doc("e1", event(date="2024-06-10", killed=1, actor1="Police", canonical1="Iraqi Police")),
        doc("e2", event(date="2024-06-11", certainty="claimed", place="Mosul", lat=36.34)),
    ]
    store.write([(d["id"], d) for d in CORPUS + extra])
    return store


def docs_of(store, **where) -> list[tuple[str, ...]]:
    return [
        tuple(sorted(s["document"] for s in e["sources"]))
        for e in store.events(EventFilter(**where))
    ]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ({"country": ("sy",)}, [("d1",)]),
        ({"since": dt.date(2024, 6, 1)}, [("e1",), ("e2",)]),
        ({"until": dt.date(2024, 6, 10), "since": dt.date(2024, 6, 10)}, [("e1",)]),
        ({"type": ("protests",)}, [("c1",)]),
        ({"type": ("Peaceful protest",)}, [("c1",)]),
        ({"actor": ("islamic",)}, [("b1", "b2")]),
        ({"actor": ("iraqi pol",)}, [("e1",)]),
        ({"certainty": ("claimed",)}, [("e2",)]),
        ({"country": ("IQ",), "since": dt.date(2024, 6, 11)}, [("e2",)]),
        ({"limit": 1}, [("a1", "a2", "a3")]),
    ],
)
def test_filters(filled, where, expected):
    assert docs_of(filled, **where) == expected


def test_events_come_in_date_order(filled):
    dates = [e["event_date"] for e in filled.events()]
    assert dates == sorted(dates)


def test_unmerged_events_keep_each_article(filled):
    rows = filled.events(EventFilter(country=("IQ",)), merged=False)
    assert len(rows) == 8 and all(r["n_documents"] == 1 for r in rows)


def _export(records, fmt) -> bytes:
    out = io.BytesIO()
    write_events(records, fmt, out)
    return out.getvalue()


def test_csv_has_acleds_columns_and_codes(filled):
    rows = list(csv.DictReader(io.StringIO(_export(filled.events(), "csv").decode())))
    assert list(rows[0])[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    market = next(r for r in rows if r["fatalities_high"] == "15")
    assert market["event_date"] == "2024-05-02"
    assert market["fatalities"] == "12"  # ACLED: the most conservative figure
    assert market["country"] == "Iraq" and market["country_code"] == "IQ"
    assert market["geo_precision"] == "1" and market["time_precision"] == "1"
    assert market["disorder_type"] == "Political violence"
    assert market["source"] == "a1.txt; a2.txt; a3.txt"  # no agency named: the inputs
    assert market["documents"] == "a1; a2; a3"


@pytest.mark.parametrize(
    ("actor_type", "code"), [("state_forces", 1), ("rebel_groups", 2), ("civilians", 7)]
)
def test_actor_types_become_inter_codes(actor_type, code):
    record = {"actor1_type": actor_type, "actor2_type": None, "sources": []}
    row = acled_row(record)
    assert (row["inter1"], row["interaction"]) == (code, code * 10)


def test_interaction_puts_the_smaller_code_first():
    row = acled_row({"actor1_type": "civilians", "actor2_type": "state_forces", "sources": []})
    assert row["interaction"] == 17 and row["civilian_targeting"] == "Civilian targeting"


def test_json_and_jsonl_hold_every_source(filled):
    records = json.loads(_export(filled.events(), "json"))
    lines = [json.loads(line) for line in _export(filled.events(), "jsonl").splitlines()]
    assert records == lines and records[0]["sources"]


def test_an_empty_json_export_is_an_empty_array():
    assert json.loads(_export([], "json")) == []


def test_geojson_is_a_feature_collection_of_points(filled):
    data = json.loads(_export(filled.events(), "geojson"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 6
    feature = data["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [44.39, 35.47]}
    assert feature["properties"]["event_id_cnty"] == feature["id"]


def test_parquet_reads_back_with_types(filled):
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(io.BytesIO(_export(filled.events(), "parquet")))
    assert table.num_rows == 6
    assert str(table.schema.field("fatalities").type) == "int64"
    assert str(table.schema.field("latitude").type) == "double"


def test_exports_are_byte_for_byte_the_same_each_time(filled):
    for fmt in ("json", "csv", "geojson", "parquet"):
        assert _export(filled.events(), fmt) == _export(filled.events(), fmt)


def test_the_store_gives_a_dataframe(filled):
    pytest.importorskip("pandas")
    frame = filled.events_frame(EventFilter(country=("IQ",)))
    assert len(frame) == 5
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert str(frame["fatalities"].dtype) == "Int64"


def test_without_pandas_the_dataframe_names_the_extra(filled, monkeypatch):
    import builtins

    real = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(MissingExtraError, match=r"dateline\[pandas\]"):
        filled.events_frame()


def test_without_pyarrow_parquet_names_the_extra(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_arrow(name, *args, **kwargs):
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_arrow)
    with pytest.raises(MissingExtraError, match=r"dateline\[parquet\]"):
        _export([], "parquet")
