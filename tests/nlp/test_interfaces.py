"""The cross-layer functions the event, quote and claim stages call (issue #6).

Each layer owns its function's body; these tests hold the signature and the fallback
behaviour on records alone, so a layer that replaces the body keeps the contract.
"""

from __future__ import annotations

from dateline.document import Document
from dateline.nlp.actors import referent, role
from dateline.nlp.claims import claim_for
from dateline.nlp.places import locate
from dateline.nlp.times import times_in
from dateline.records import Claim, Entity, Place, Time

TEXT = "Police in Kano arrested two men on Monday, the police said."
#       0         1         2         3         4         5
#       012345678901234567890123456789012345678901234567890123456789


def doc_with_records() -> Document:
    doc = Document(id="x", text=TEXT)
    doc.entities = [Entity(id="ent-0", label="ORG", name="Police", mentions=[doc.span(0, 6)])]
    doc.places = [Place(id="pl-10", name="Kano", mentions=[doc.span(10, 14)])]
    doc.times = [Time(id="t-34", type="DATE", value="2020-05-04", evidence=[doc.span(34, 40)])]
    doc.claims = [
        Claim(id="cl-0", status="asserted", evidence=[doc.span(0, 40)], cue=doc.span(53, 57))
    ]
    return doc


def test_referent_and_role():
    doc = doc_with_records()
    assert referent(doc, 0, 6).id == "ent-0"
    assert referent(doc, 22, 29) is None
    made = role(doc, 0, 14)
    assert (made.entity_id, made.name, made.evidence[0].text) == (
        "ent-0",
        "Police",
        "Police in Kano",
    )
    assert role(doc, 22, 29).entity_id is None


def test_locate_gives_a_location_with_evidence():
    location = locate(doc_with_records(), 0, 41)
    assert (location.place_id, location.evidence[0].text) == ("pl-10", "Kano")


def test_times_in_and_claim_for():
    doc = doc_with_records()
    assert [t.id for t in times_in(doc, 0, 41)] == ["t-34"]
    assert times_in(doc, 41, len(TEXT)) == []
    assert claim_for(doc, 15, 29).id == "cl-0"
    assert claim_for(doc, 42, 50) is None
