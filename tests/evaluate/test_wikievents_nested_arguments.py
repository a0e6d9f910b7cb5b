"""WikiEvents arguments: a name told inside another argument's phrase in the same role
("Taliban" in "Taliban gunmen") is one participant, not two (issue #11)."""

from __future__ import annotations

from dateline.evaluate.wikievents import predicted_events

TEXT = "Taliban gunmen and suicide bombers attacked the camp."


def _span(word: str) -> dict:
    start = TEXT.index(word)
    return {"start": start, "end": start + len(word), "text": word, "caption": None}


def _role(name: str, *words: str) -> dict:
    return {"name": name, "entity_id": None, "evidence": [_span(w) for w in words]}


def _doc() -> dict:
    return {
        "text": TEXT,
        "entities": [],
        "claims": [],
        "events": [
            {
                "plover": "ASSAULT",
                "mode": None,
                "certainty": "asserted",
                "trigger": _span("attacked"),
                "actor1": _role("Taliban gunmen", "Taliban gunmen", "gunmen"),
                "assoc_actor1": [
                    _role("Taliban", "Taliban"),
                    _role("suicide bombers", "suicide bombers"),
                ],
                "targets": [{"name": "the camp", "evidence": [_span("the camp")]}],
                "weapons": [],
                "mentions": [],
            }
        ],
    }


def test_a_name_inside_an_attackers_phrase_is_one_attacker():
    (attack,) = predicted_events(_doc())
    attackers = [a for a in attack.arguments if a.role == "Attacker"]
    assert len(attackers) == 2
    gunmen = next(a for a in attackers if a.text == "Taliban gunmen")
    start = TEXT.index("Taliban")
    assert (start, start + len("Taliban")) in gunmen.spans


def test_separate_attackers_stay_apart():
    doc = _doc()
    doc["events"][0]["assoc_actor1"] = [_role("suicide bombers", "suicide bombers")]
    (attack,) = predicted_events(doc)
    assert len([a for a in attack.arguments if a.role == "Attacker"]) == 2
    assert len([a for a in attack.arguments if a.role == "Target"]) == 1


def test_a_place_inside_the_target_phrase_is_no_place():
    text = "Gunmen attacked the Kabul police station."
    doc = _doc()
    doc["text"] = text
    start = text.index("the Kabul police station")
    kabul = text.index("Kabul")
    doc["events"][0].update(
        {
            "trigger": {"start": 7, "end": 15, "text": "attacked", "caption": None},
            "actor1": None,
            "assoc_actor1": [],
            "targets": [
                {
                    "name": "the Kabul police station",
                    "evidence": [{"start": start, "end": start + 24, "text": "", "caption": None}],
                }
            ],
            "location": {
                "name": "Kabul",
                "evidence": [{"start": kabul, "end": kabul + 5, "text": "Kabul", "caption": None}],
            },
        }
    )
    (attack,) = predicted_events(doc)
    assert [a.role for a in attack.arguments] == ["Target"]
