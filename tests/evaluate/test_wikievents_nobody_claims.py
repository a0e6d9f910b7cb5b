"""WikiEvents Broadcasts: a claim nobody made ("no group has claimed responsibility") is
none; "issued a statement, stating" is the issuing."""

from __future__ import annotations

from dateline.evaluate.wikievents import predicted_events


def _doc(claimant: str) -> dict:
    text = f"He said {claimant} had claimed responsibility for the explosion."
    start = text.index(claimant)
    cue = text.index("claimed")
    return {
        "text": text,
        "events": [],
        "entities": [],
        "claims": [
            {
                "id": "cl-1",
                "claimant": {
                    "name": claimant,
                    "evidence": [{"start": start, "end": start + len(claimant), "text": claimant}],
                },
                "cue": {"start": cue, "end": cue + 7, "text": "claimed", "caption": None},
                "status": "claimed",
                "evidence": [],
            }
        ],
    }


def test_a_claim_by_nobody_is_no_broadcast():
    assert predicted_events(_doc("no group")) == []


def test_a_claim_by_a_group_is_a_broadcast():
    found = predicted_events(_doc("the Taliban"))
    assert [e.type for e in found] == ["Contact.Contact.Broadcast"]


def test_the_issuing_of_a_statement_is_the_broadcast_not_its_participle():
    text = 'The ministry issued a statement, stating "the attack was cowardly".'
    cue = text.index("stating")
    doc = {
        "text": text,
        "events": [],
        "entities": [],
        "claims": [
            {
                "id": "cl-1",
                "claimant": {
                    "name": "The ministry",
                    "evidence": [{"start": 0, "end": 12, "text": "The ministry"}],
                },
                "cue": {"start": cue, "end": cue + 7, "text": "stating", "caption": None},
                "status": "asserted",
                "evidence": [],
            }
        ],
    }
    found = predicted_events(doc)
    assert [(e.type, e.trigger_text) for e in found] == [("Contact.Contact.Broadcast", "issued")]
