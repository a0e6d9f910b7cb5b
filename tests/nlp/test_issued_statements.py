"""Issued statements (issue #11): a reporting verb hung on a statement someone put out
("the army issued a statement saying ...") speaks for the one who put it out."""

from __future__ import annotations

import pytest

from dateline import extract


def claims_of(text):
    doc = extract(text, clean=False)
    return [
        (c.cue.text if c.cue else None, c.status, c.claimant.name if c.claimant else None)
        for c in doc.claims
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The army issued a statement saying that two soldiers were killed near the border.",
            ("saying", "asserted", "The army"),
        ),
        (
            "The rebel group released a video claiming that its fighters had shot down a "
            "helicopter.",
            ("claiming", "claimed", "The rebel group"),
        ),
        (
            "The ministry issued a communique denying that its troops had shelled the village.",
            ("denying", "denied", "The ministry"),
        ),
    ],
)
def test_the_issuer_is_the_claimant(text, expected):
    assert expected in claims_of(text)


def test_a_letter_found_is_not_the_finders_claim():
    # "found" puts out nothing: "found a letter saying ..." is not the finders' claim.
    found = claims_of("Police found a letter saying that the bomb would go off at noon.")
    assert all(claimant != "Police" for _, _, claimant in found)
