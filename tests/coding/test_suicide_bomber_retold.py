"""A suicide bomber's blast is a suicide bombing (ACLED "Suicide bomb"), and "the attacker"
told after "a suicide bomber" is that bomber again (issue #11): the quote that tells how
he detonated his explosives is the same attack, not a second one."""

from __future__ import annotations

from dateline.document import Document

from .conftest import event_with

PUBLISHED = "2025-03-05"

TEXT = (
    "A suicide bomber blew himself up inside a mosque in western Kabul on Friday, killing 14 "
    "worshippers, officials said. The attacker entered the mosque and detonated his "
    "explosives among the worshippers, a spokesman said."
)


def test_a_suicide_bombers_blast_is_a_suicide_bombing(pipeline):
    doc = pipeline(Document.from_input(TEXT, published=PUBLISHED))
    blast = event_with(doc, "blew")
    assert blast.mode == "suicide-attack"
    assert blast.acled_sub_event_type == "Suicide bomb"


def test_the_attacker_is_the_bomber_told_before(pipeline):
    doc = pipeline(Document.from_input(TEXT, published=PUBLISHED))
    assaults = [e for e in doc.events if e.plover == "ASSAULT"]
    assert len(assaults) == 1, [(e.trigger.text, e.actor1) for e in assaults]
    assert "detonated" in [m.trigger.text for m in assaults[0].mentions]


def test_attackers_of_another_kind_are_not_the_bombers(pipeline):
    doc = pipeline(
        Document.from_input(
            "A suicide bomber blew himself up at a checkpoint in Mogadishu on Friday. "
            "Separately, the army said soldiers killed two militants near Baidoa.",
            published=PUBLISHED,
        )
    )
    assert event_with(doc, "killed").actor1.name != "A suicide bomber"
