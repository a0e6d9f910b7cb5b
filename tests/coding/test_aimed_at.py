"""What a verb of aiming says an event noun was aimed at was acted on: "the bombings,
which seemed to be aimed at civilians" (issue #11, WikiEvents Target)."""

from __future__ import annotations


def _patients(mentions, text: str, trigger: str) -> list[str]:
    found = [m for m in mentions(text) if m.token.text == trigger]
    assert found, [m.token.text for m in mentions(text)]
    return [a.head.text for a in found[0].patients]


def test_a_relative_clause_of_aiming_names_who_was_attacked(mentions):
    text = "The rebels claimed the bombings, which seemed to be aimed at civilians."
    assert _patients(mentions, text, "bombings") == ["civilians"]


def test_a_participle_of_aiming_names_who_was_attacked(mentions):
    text = "A bombing aimed at the police killed two officers in Quetta."
    assert "police" in _patients(mentions, text, "bombing")


def test_an_appeal_aimed_at_voters_attacks_no_one(mentions):
    text = "The appeal was aimed at voters."
    assert all(m.plover != "ASSAULT" for m in mentions(text))
