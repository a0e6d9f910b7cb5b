"""Perpetrators told outside the attack's own clause (wire style, lower-cased as MUC-4 text):

* "X began a series of attacks", "launched a wave of bombings": the word for many
  occurrences lends its light verb to the event noun, so X did the attacks;
* "authorities attribute the attack to X", "police blamed the bombing on X", where the parser
  hangs "to X" / "on X" on the event noun: X did it and is not its target;
* "the attacks" (plural, definite) that a clause says who did: the attacks told before it
  that name no attacker of their own take that side, each with the text's evidence; a
  singular "the attack" or a plural whose own phrase names its sides does not spread.
"""

from __future__ import annotations

from .conftest import coded, texts


def _assault(found):
    return next(m for m in found if m.plover == "ASSAULT")


def _side(event) -> list[str]:
    return [r.name.lower() for r in (event.actor1, *event.assoc_actor1) if r is not None]


def _by_trigger(doc, trigger: str, start: int = 0):
    return next(e for e in doc.events if e.trigger.text == trigger and e.trigger.start >= start)


# -- a series of attacks ---------------------------------------------------------------------


def test_began_a_series_of_attacks(mentions):
    text = "since then, drug traffickers began a series of attacks with explosives against banks."
    assault = _assault(mentions(text))
    assert "drug traffickers" in texts(text, assault.agents)


def test_launched_a_wave_of_attacks(mentions):
    text = "the rebels launched a wave of attacks on police posts in the north."
    assault = _assault(mentions(text))
    assert texts(text, assault.agents) == ["rebels"]


def test_survived_a_series_of_attacks_is_no_attacker(mentions):
    text = "the mayor survived a series of attacks on his home last year."
    assert _assault(mentions(text)).agents == []


# -- "to X" / "on X" hung on the noun ----------------------------------------------------------


def test_attribute_the_attack_to(mentions):
    text = "authorities attribute the attack to drug traffickers."
    assault = _assault(mentions(text))
    assert "drug traffickers" in texts(text, assault.agents)
    assert "authorities" not in texts(text, assault.agents)


def test_blamed_the_bombing_on_people(mentions):
    text = "the police blamed the bombing on leftist guerrillas."
    assault = _assault(mentions(text))
    assert texts(text, assault.agents) == ["leftist guerrillas"]
    assert assault.patients == []


def test_an_attack_on_a_post_is_still_a_target(mentions):
    text = "guerrillas launched an attack on the army post on monday."
    assault = _assault(mentions(text))
    assert texts(text, assault.agents) == ["guerrillas"]
    assert "the army post" not in texts(text, assault.agents)


# -- "the attacks" named after them -------------------------------------------------------------

TWO_BOMBS = (
    "a car bomb exploded outside a bank in the capital on monday, killing two people. "
    "another bomb exploded at a hotel in the port an hour later. "
)


def test_the_attacks_attributed_give_each_attack_its_side(pipeline):
    doc = coded(pipeline, TWO_BOMBS + "authorities attribute the attacks to drug traffickers.")
    first = _by_trigger(doc, "exploded")
    second = _by_trigger(doc, "exploded", start=first.trigger.end)
    assert _side(first) == ["drug traffickers"]
    assert _side(second) == ["drug traffickers"]
    # The side's evidence is where the text names it.
    evidence = [s.text for s in first.actor1.evidence]
    assert "drug traffickers" in evidence
    assert all(doc.text[s.start : s.end] == s.text for s in first.actor1.evidence)


def test_the_attack_singular_does_not_spread(pipeline):
    doc = coded(pipeline, TWO_BOMBS + "authorities attribute the attack to drug traffickers.")
    first = _by_trigger(doc, "exploded")
    assert first.actor1 is None


def test_an_attack_with_its_own_attackers_keeps_them(pipeline):
    doc = coded(
        pipeline,
        "gunmen shot a policeman in the capital on monday. another bomb exploded at a hotel "
        "in the port an hour later. authorities attribute the attacks to drug traffickers.",
    )
    assert _side(_by_trigger(doc, "shot")) == ["gunmen"]
    assert _side(_by_trigger(doc, "exploded")) == ["drug traffickers"]
