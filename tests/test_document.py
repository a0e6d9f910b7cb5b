from __future__ import annotations

import pytest
from pydantic import ValidationError

from dateline.document import Document, Segment, make_id
from dateline.records import Entity, Place, Span


def test_span_of_takes_text_from_the_document():
    span = Span.of("Troops entered the town.", 7, 14)
    assert span.text == "entered"


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [(5, 3, ""), (0, 4, "abc"), (-1, 2, "abc")],
)
def test_span_rejects_inconsistent_offsets(start, end, text):
    with pytest.raises(ValidationError):
        Span(start=start, end=end, text=text)


def test_records_forbid_unknown_keys():
    with pytest.raises(ValidationError):
        Place(id="p1", name="Kano", mentions=[Span(start=0, end=4, text="Kano")], elevation=3)


def test_record_needs_evidence():
    with pytest.raises(ValidationError):
        Entity(id="e1", label="ORG", name="Red Cross", mentions=[])


def test_id_is_a_hash_of_the_input_bytes():
    assert make_id(b"abc") == make_id("abc")
    assert make_id(b"abc") != make_id(b"abd")
    assert len(make_id(b"abc")) == 16


def test_to_dict_has_every_key_of_the_contract():
    doc = Document(id="x", text="Hello")
    data = doc.to_dict()
    assert list(data) == [
        "schema",
        "id",
        "source",
        "text",
        "meta",
        "entities",
        "places",
        "times",
        "events",
        "quotes",
        "claims",
        "problems",
    ]
    assert data["schema"] == "dateline/1"
    assert list(data["meta"]) == [
        "headline",
        "published",
        "modified",
        "dateline",
        "agencies",
        "language",
        "captions",
    ]


def test_lists_are_sorted_by_first_evidence_then_id():
    text = "Kano and Abuja and Kano"
    doc = Document(id="x", text=text)
    doc.places = [
        Place(id="p2", name="Abuja", mentions=[doc.span(9, 14)]),
        Place(id="p1", name="Kano", mentions=[doc.span(19, 23), doc.span(0, 4)]),
    ]
    assert [p["id"] for p in doc.to_dict()["places"]] == ["p1", "p2"]


def test_from_dict_round_trips():
    text = "Kano and Abuja"
    doc = Document(id="x", text=text, source="a.txt")
    doc.places = [Place(id="p1", name="Kano", mentions=[doc.span(0, 4)])]
    doc.meta.dateline = ["KANO"]
    again = Document.from_dict(doc.to_dict())
    assert again.to_dict() == doc.to_dict()


def test_raw_offset_follows_the_segments():
    doc = Document.from_input("HEAD\nbody one\nFollow\nbody two")
    doc.set_text(
        "body one\nbody two",
        [Segment(start=0, raw_start=5, length=8), Segment(start=9, raw_start=21, length=8)],
    )
    assert doc.raw_offset(0) == 5
    assert doc.raw_offset(10) == 22
    assert doc.raw[doc.raw_offset(9) : doc.raw_offset(9) + 8] == "body two"
    assert doc.raw_offset(8) is None or doc.raw_offset(8) == 13


def test_json_is_the_same_bytes_every_time():
    doc = Document(id="x", text="Kano")
    doc.places = [Place(id="p1", name="Kano", mentions=[doc.span(0, 4)])]
    assert doc.to_json() == Document.from_dict(doc.to_dict()).to_json()


def test_input_errors_survive_pickling():
    import pickle

    from dateline.errors import InputError

    error = pickle.loads(pickle.dumps(InputError("a.txt", "too_large", size=10, limit=5)))
    assert (error.source, error.code) == ("a.txt", "too_large")
    assert str(error) == "a.txt: " + error.detail
