"""A participle of harm hung on a verb of no attack, across an attack verb told between
them, is the attack's harm: "police are searching for a man who left a device that
exploded, wounding 13 people" - the police wounded no one (issue #11, WikiEvents Injurer)."""

from __future__ import annotations

TEXT = (
    "Police are searching for a man believed to have left a paper bag containing a device "
    "that exploded on Friday, wounding 13 people on a busy street."
)


def _mention(mentions, text: str, word: str):
    found = [m for m in mentions(text) if m.token.text == word]
    assert found, [m.token.text for m in mentions(text)]
    return found[0]


def test_the_searchers_wounded_no_one(mentions):
    wounding = _mention(mentions, TEXT, "wounding")
    assert [a.head.text for a in wounding.agents] == []
    assert [a.head.text for a in wounding.patients] == ["people"]


def test_the_wounding_belongs_to_the_explosion(mentions):
    wounding = _mention(mentions, TEXT, "wounding")
    exploded = _mention(mentions, TEXT, "exploded")
    assert exploded.token.i in wounding.links


def test_the_stormers_still_killed(mentions):
    killing = _mention(mentions, "Rebels stormed the town, killing 12 soldiers.", "killing")
    assert [a.head.text for a in killing.agents] == ["Rebels"]
