"""Seed checks of who is who on an invented reading (evaluate/referents.py)."""

from __future__ import annotations

from dateline.evaluate.referents import referent_checks, words_in
from dateline.evaluate.seed import loose_match

TEXT = (
    "The Kenyan army said Col. Joseph Mwangi led the raid. Mwangi said he lost no men. "
    "The army added that the Valley Front had fled."
)
GOLD = {
    "actors": [
        {
            "canonical": "Kenyan army",
            "aliases_in_text": ["The Kenyan army", "The army"],
            "type": "state forces",
        },
        {
            "canonical": "Valley Front",
            "aliases_in_text": ["the Valley Front"],
            "type": "rebel group",
        },
    ],
    "people": [
        {"name": "Joseph Mwangi", "aliases_in_text": ["Col. Joseph Mwangi", "Mwangi", "he"]},
    ],
}


def span(word, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = (
            TEXT.index(f" {word}", start + 1) + 1 if word.islower() else TEXT.index(word, start + 1)
        )
    return {"start": start, "end": start + len(word), "text": word, "caption": None}


def entity(canonical, actor_type, country, label, *spans):
    return {
        "id": f"ent-{spans[0]['start']}",
        "label": label,
        "name": spans[0]["text"],
        "canonical": canonical,
        "actor_type": actor_type,
        "country": country,
        "sector": None,
        "mentions": list(spans),
    }


def good():
    return {
        "text": TEXT,
        "meta": {"captions": []},
        "entities": [
            entity(
                "Military Forces of Kenya",
                "state_forces",
                "KE",
                "ORG",
                span("Kenyan army"),
                span("army", 1),
            ),
            entity(
                "Joseph Mwangi",
                None,
                None,
                "PERSON",
                span("Joseph Mwangi"),
                span("Mwangi", 1),
                span("he", 0),
            ),
            entity("Valley Front", "rebel_groups", None, "ORG", span("Valley Front")),
        ],
    }


def results(pred, section, key):
    return {
        item: (ok, why) for item, ok, why in referent_checks(GOLD, pred, section, key, loose_match)
    }


def test_words_in_is_whole_word_and_any_case():
    assert words_in("The theme: he and He", "he") == [(11, 13), (18, 20)]


def test_a_good_reading_passes():
    pred = good()
    assert all(ok for ok, _ in results(pred, "actors", "canonical").values())
    assert all(ok for ok, _ in results(pred, "people", "name").values())


def test_a_wrong_country_fails_the_entry():
    pred = good()
    pred["entities"][0]["country"] = "UG"
    ok, why = results(pred, "actors", "canonical")["Kenyan army: entry"]
    assert not ok and "expected 'KE'" in why


def test_a_surname_on_another_referent_fails_the_person():
    pred = good()
    person = pred["entities"][1]
    person["mentions"] = [span("Joseph Mwangi")]
    pred["entities"].append(entity(None, None, None, "ORG", span("Mwangi", 1)))
    ok, why = results(pred, "people", "name")["Joseph Mwangi: mentions"]
    assert not ok and "another referent" in why


def test_conflating_two_actors_fails():
    pred = good()
    army = pred["entities"][0]
    army["mentions"].append(span("Valley Front"))
    del pred["entities"][2]
    ok, why = results(pred, "actors", "canonical")["Kenyan army: mentions"]
    assert not ok and "another item's" in why


def test_an_unrecognised_mention_fails():
    pred = good()
    pred["entities"][0]["mentions"] = [span("Kenyan army")]
    ok, why = results(pred, "actors", "canonical")["Kenyan army: mentions"]
    assert not ok and "not recognised" in why
