"""An infinitive of purpose (issue #11): "rallied on Tuesday to demand reforms" is done by the
main clause's subject; a passive main clause's subject is acted on, so it gives the
purpose no doer ("were arrested to deter others")."""

from __future__ import annotations

from dateline.coding.syntax import subject_of
from dateline.document import Document

from .conftest import event_with

PUBLISHED = "2025-03-05"  # a Wednesday


def test_the_purpose_is_done_by_the_subject_at_its_time(pipeline):
    doc = pipeline(
        Document.from_input(
            "Thousands of opposition supporters rallied in Nairobi on Tuesday to demand "
            "electoral reforms.",
            published=PUBLISHED,
        )
    )
    demand = event_with(doc, "demand")
    assert demand.actor1 is not None and "supporters" in demand.actor1.name


def test_a_passive_main_clause_gives_no_doer(nlp):
    sdoc = nlp("Ten students were arrested on Monday to deter others.")
    deter = next(t for t in sdoc if t.lower_ == "deter")
    assert subject_of(deter)[0] == []
