"""Whether a reported event happened: negation, modals, conditions, governing verbs."""

from __future__ import annotations

import pytest


def modality(mentions, text: str, word: str):
    found = [m for m in mentions(text) if m.token.text == word]
    assert found, [m.token.text for m in mentions(text)]
    return found[0].modality


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The air force had not targeted the market.", "targeted", "negated"),
        ("The army never shelled the town.", "shelled", "negated"),
        ("No one was killed in the blast.", "killed", "negated"),
        ("Police did not arrest any protesters.", "arrest", "negated"),
        ("The rebels failed to capture the airport.", "capture", "negated"),
        ("The militia refused to release the hostages.", "release", "negated"),
        (
            "A proposal that would allow the army to shell the hills was rejected.",
            "shell",
            "hypothetical",
        ),
        ("The rebels could attack the capital within days.", "attack", "hypothetical"),
        ("The rebels will attack the capital.", "attack", "hypothetical"),
        ("The group planned to bomb the embassy.", "bomb", "hypothetical"),
        ("If the army attacks the town, the rebels will respond.", "attacks", "hypothetical"),
        ("The front threatened to attack army bases.", "attack", "hypothetical"),
        ("A spokesman said he might have been killed in the strike.", "killed", "unconfirmed"),
        ("Gunmen tried to kill the judge on Monday.", "kill", None),
        # A definite description presupposes its event: the denial is about something else.
        ("No group has claimed responsibility for the explosion.", "explosion", None),
        ("The army denied carrying out Tuesday's airstrike.", "airstrike", None),
        ("Police would like to question a man about the bombing.", "bombing", None),
        ("The rebels denied planning an attack on the base.", "attack", "hypothetical"),
        ("The army began shelling the town at dawn.", "shelling", None),
        # A clause of purpose tells the aim, not a deed; the deed it serves happened.
        ("The rebels laid mines along the road to target army convoys.", "target", "hypothetical"),
        ("Gunmen attacked the convoy and killed two guards.", "killed", None),
        # A denied knowing or saying leaves a clause with its own subject as it is.
        ("People ran, not knowing where the bombs were exploding.", "exploding", None),
        ("Officials did not say that rebels shelled the town.", "shelled", None),
        ("The army did not try to shell the town.", "shell", "negated"),
        ("Rebels killed four soldiers, the army said.", "killed", None),
        # A definite event noun refers to an event that happened, whatever intention
        # governs the clause that names it; only a verb that undoes it counts.
        (
            "The court ordered a judge to investigate the murder of the mayor.",
            "murder",
            None,
        ),
        ("Troops prevented the bombing of the bridge.", "bombing", "negated"),
        ("Rebels discussed plans for the attack on the base.", "attack", "hypothetical"),
        ("The group planned an attack on the embassy.", "attack", "hypothetical"),
        (
            "The US was not party to the deal, and had cut the road by bombing a bridge.",
            "bombing",
            None,
        ),
    ],
)
def test_modality(mentions, text, word, expected):
    assert modality(mentions, text, word) == expected


def test_the_threat_itself_is_asserted(mentions):
    found = mentions("The front threatened to attack army bases.")
    threat = [m for m in found if m.plover == "THREATEN"][0]
    assert threat.modality is None
