"""Claims (issue #12): one test per status on sentences we wrote, claimants, grouping, claim_for."""

from __future__ import annotations

import pytest

from dateline import extract
from dateline.nlp.claims import claim_for

L, R = "\u201c", "\u201d"


def claims(text):
    doc = extract(text, clean=False)
    return doc, [
        (c.status, [s.text for s in c.evidence], c.claimant.name if c.claimant else None)
        for c in doc.claims
    ]


def about(found, starts):
    hits = [c for c in found if any(t.startswith(starts) for t in c[1])]
    assert len(hits) == 1, found
    return hits[0]


@pytest.mark.parametrize(
    ("text", "starts", "status"),
    [
        (
            "The navy said it had intercepted three boats off the coast.",
            "it had intercepted",
            "asserted",
        ),
        (
            "The rebels claimed that they had shot down a helicopter.",
            "they had shot down",
            "claimed",
        ),
        (
            "State radio reported that the minister had resigned.",
            "the minister had resigned",
            "reported",
        ),
        (
            "The rebels said they had taken the airport. The army could not immediately confirm the claim.",
            "they had taken the airport",
            "unconfirmed",
        ),
        (
            f"The rebels said they had taken the airport. {L}We are checking the information,{R} an army officer said.",
            "they had taken the airport",
            "unconfirmed",
        ),
        (
            "The governor said protesters had burned the court house. Witnesses disputed the governor's account of the night.",
            "protesters had burned",
            "disputed",
        ),
        (
            "The opposition said troops had shelled the market. The defence ministry denied that troops had fired on the market.",
            "troops had shelled the market",
            "denied",
        ),
        ("The army denied shelling the market on Sunday.", "shelling the market", "denied"),
        (
            "The minister said foreign agents had started the riots but did not offer any proof.",
            "foreign agents had started the riots",
            "unsupported",
        ),
    ],
)
def test_status(text, starts, status):
    _, found = claims(text)
    assert about(found, starts)[0] == status


def test_earlier_report_is_a_claim_with_no_named_claimant():
    _, found = claims("Reports of the general's arrest have surfaced before.")
    assert about(found, "the general")[0] == "reported"
    assert about(found, "the general")[2] is None


def test_claimant_of_according_to():
    _, found = claims("Six people were killed in the fire, according to the civil defence agency.")
    assert about(found, "Six people")[2] == "the civil defence agency"


def test_consecutive_statements_of_one_source_are_one_claim():
    text = (
        f"{L}We struck a depot near the river,{R} the ministry said in a statement.\n"
        f"{L}Forty fighters were killed,{R} the ministry said."
    )
    _, found = claims(text)
    grouped = about(found, "We struck")
    assert len(grouped[1]) == 2 and grouped[1][1].startswith("Forty fighters")


def test_a_response_gives_its_status_to_the_claim_it_shares_words_with():
    text = (
        "Residents said soldiers looted the pharmacy. "
        "A teacher said the school had been closed for a week. "
        "The army denied that soldiers had looted anything."
    )
    _, found = claims(text)
    assert about(found, "soldiers looted")[0] == "denied"
    assert about(found, "the school")[0] == "asserted"


def test_claim_for_returns_the_claim_covering_a_stretch():
    text = "The army said its jets had destroyed two bridges near the border."
    doc, _ = claims(text)
    start = text.index("destroyed")
    claim = claim_for(doc, start, start + len("destroyed two bridges"))
    assert claim is not None and claim.claimant is not None and claim.claimant.name == "The army"
    assert claim_for(doc, 0, 3) is None  # "The" is the claimant, not what is claimed


def test_claims_carry_stable_ids_and_cues():
    doc, _ = claims("The ministry said the border would reopen on Monday.")
    assert [c.id for c in doc.claims] == [f"cl-{doc.claims[0].evidence[0].start}"]
    assert doc.claims[0].cue is not None and doc.claims[0].cue.text == "said"


@pytest.mark.parametrize(
    "second",
    [
        "The source claimed that the gunmen had planned to attack the airport, but did not "
        "offer any proof.",
        "The source claimed the gunmen had planned to attack the airport. He did not offer "
        "any proof.",
    ],
)
def test_no_proof_speaks_of_its_own_statement_not_the_sources_earlier_ones(second):
    _, found = claims(
        f"Police killed three gunmen in a raid on Monday, a ministry source said. {second}"
    )
    assert about(found, "Police killed")[0] == "asserted"
    assert about(found, "the gunmen had planned")[0] == "unsupported"
    assert about(found, "the gunmen had planned")[2] == "a ministry source"
