"""WikiEvents: a claim nobody made ("no group has claimed responsibility") is no Broadcast."""

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
