"""Claimant evidence (issue #11): the proper name inside a longer claimant mention is
evidence of the claimant too ("Defense Ministry" of "that country's Defense Ministry")."""

from __future__ import annotations

import pytest

from dateline import extract


def claimant_spans(text, cue):
    doc = extract(text, clean=False)
    found = [c for c in doc.claims if c.cue is not None and c.cue.text == cue]
    assert len(found) == 1, [(c.cue, c.claimant) for c in doc.claims]
    claimant = found[0].claimant
    assert claimant is not None
    for span in claimant.evidence:
        assert doc.text[span.start : span.end] == span.text
    return [s.text for s in claimant.evidence]


@pytest.mark.parametrize(
    ("text", "cue", "mention", "core"),
    [
        (
            "Fighting flared again on Monday, when that country's Defense Ministry confirmed "
            "that two soldiers were killed near the border.",
            "confirmed",
            "that country's Defense Ministry",
            "Defense Ministry",
        ),
        (
            "Four policemen were wounded in the blast, the state-run Xinhua news agency "
            "said on Tuesday.",
            "said",
            "the state-run Xinhua news agency",
            "Xinhua",
        ),
    ],
)
def test_the_name_inside_the_mention_is_evidence(text, cue, mention, core):
    spans = claimant_spans(text, cue)
    assert spans[0].endswith(mention.split(" ", 1)[1])
    assert core in spans


def test_a_name_that_only_modifies_a_person_is_not_the_claimant():
    # "a US official" is no "US": the name before a head other than an outlet's modifies it.
    spans = claimant_spans(
        "Two rockets hit the base overnight, a US official told reporters on Friday.", "told"
    )
    assert "US" not in spans


def test_a_name_that_runs_on_past_the_head_is_not_cut():
    # "the Syrian Observatory for Human Rights": not "Syrian Observatory".
    spans = claimant_spans(
        "Twelve fighters died in the clashes, the Syrian Observatory for Human Rights said.",
        "said",
    )
    assert "Syrian Observatory" not in spans


def test_a_bare_name_gets_no_second_span():
    spans = claimant_spans("Reuters reported that three mortar rounds hit the town.", "reported")
    assert spans == ["Reuters"]


def test_no_partial_word_of_a_hyphenated_name():
    spans = claimant_spans(
        "Al-Hayat reported that the convoy was ambushed near the river.", "reported"
    )
    assert "Hayat" not in spans
