from __future__ import annotations

import pytest
from pydantic import ValidationError

from dateline.document import Caption, Document, Segment, make_id
from dateline.records import Entity, Place, Span, Time, assign_ids


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
        "provenance",
        "raw_map",
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
        "url",
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
    # An end offset maps to the end of the segment it closes (issue #6 item 9: one answer).
    assert doc.raw_offset(8) == 13


def test_from_dict_refuses_another_schema_version():
    from dateline.errors import DatelineError

    data = Document(id="x", text="Kano").to_dict()
    data["schema"] = "dateline/2"
    with pytest.raises(DatelineError, match="dateline/2"):
        Document.from_dict(data)


def test_caption_spans_index_the_caption():
    doc = Document(id="x", text="Body text.")
    doc.meta.captions = [Caption(text="Soldiers at a checkpoint (AFP / A NAME)")]
    span = doc.span(0, 8, caption=0)
    assert (span.text, span.caption) == ("Soldiers", 0)
    assert doc.span(0, 4).caption is None


def test_ids_come_from_kind_and_first_offset_and_do_not_shift():
    # issue #6: one more mention found earlier must not renumber the others
    doc = Document(id="x", text="Kano and Abuja and Kano and Jos")
    abuja = Place(id="", name="Abuja", mentions=[doc.span(9, 14)])
    kano = Place(id="", name="Kano", mentions=[doc.span(19, 23), doc.span(0, 4)])
    assign_ids([abuja, kano])
    assert (abuja.id, kano.id) == ("pl-9", "pl-0")
    jos = Place(id="", name="Jos", mentions=[doc.span(28, 31)])
    assign_ids([jos, abuja, kano])
    assert (abuja.id, kano.id, jos.id) == ("pl-9", "pl-0", "pl-28")


def test_same_offset_ids_get_a_suffix_in_order():
    doc = Document(id="x", text="Kano Kano")
    a = Place(id="", name="Kano", mentions=[doc.span(0, 4)])
    b = Place(id="", name="Kano State", mentions=[doc.span(0, 4)])
    c = Place(id="", name="Kano", mentions=[doc.span(0, 4, caption=None)])
    assign_ids([a, b, c])
    assert [a.id, b.id, c.id] == ["pl-0", "pl-0.2", "pl-0.3"]


def test_caption_evidence_ids_name_the_caption():
    doc = Document(id="x", text="Body.")
    doc.meta.captions = [Caption(text="A"), Caption(text="Rally in Kano")]
    time = Time(id="", type="DATE", value="2020", evidence=[doc.span(9, 13, caption=1)])
    assign_ids([time])
    assert time.id == "t-c1-9"


def test_body_evidence_sorts_before_captions():
    doc = Document(id="x", text="Kano")
    doc.meta.captions = [Caption(text="Abuja")]
    doc.places = [
        Place(id="pl-c0-0", name="Abuja", mentions=[doc.span(0, 5, caption=0)]),
        Place(id="pl-0", name="Kano", mentions=[doc.span(0, 4)]),
    ]
    assert [p["id"] for p in doc.to_dict()["places"]] == ["pl-0", "pl-c0-0"]


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
