"""A headline the parser runs into the dateline under it ("... in Yemen" + "ADEN, Yemen,
May 4 (Agency) --"): the dateline's places say where the report was filed, never where the
headline's event happened (nlp/places.py ``in_dateline``, coding/events.py)."""

from __future__ import annotations

from dateline.document import Document

TEXT = (
    "Five soldiers killed in roadside bombing in Yemen\n"
    "ADEN, Yemen, May 4 (Agency) -- Five soldiers were killed on Tuesday when a roadside "
    "bomb struck their patrol in Lahij province, a military official said.\n"
)


def headline_locations(pipeline) -> list[str]:
    doc = pipeline(Document.from_input(TEXT, published="2021-05-04", clean=False))
    headline_end = TEXT.index("\n")
    found = []
    for event in doc.events:
        for mention in [event, *event.mentions]:
            if mention.trigger.start < headline_end and mention.location is not None:
                found += [e.text for e in mention.location.evidence]
    return found


def test_the_dateline_town_is_not_the_headline_events_place(pipeline):
    spans = headline_locations(pipeline)
    assert spans, "the headline's event should keep a place"
    assert "ADEN" not in spans


def test_a_place_in_a_dateline_header_is_flagged(pipeline):
    from dateline.nlp import places

    doc = pipeline(Document.from_input(TEXT, published="2021-05-04", clean=False))
    assert places.in_dateline(doc, TEXT.index("ADEN"))
    assert not places.in_dateline(doc, TEXT.index("Lahij"))
