"""Signing an agreement is the agreement: "signed a peace deal" is one AGREE event between
the signatories, no SUPPORT of its own; signing a decree still tells something."""

from __future__ import annotations

from .conftest import coded, event_with


def test_signing_a_deal_is_the_deal(pipeline):
    doc = coded(pipeline, "Rebels and the government signed a peace deal in Juba on Monday.")
    assert [e.plover for e in doc.events] == ["AGREE"]
    deal = event_with(doc, "deal")
    assert deal.actor1 is not None and deal.actor1.name == "Rebels"
    assert deal.actor2 is not None and deal.actor2.name == "the government"


def test_signing_a_decree_is_still_told(pipeline):
    doc = coded(pipeline, "The president signed a decree on Monday.")
    assert event_with(doc, "signed").plover == "SUPPORT"
