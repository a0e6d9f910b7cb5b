"""Counts of people as reports give them (issue #11)."""

from __future__ import annotations

import pytest

from dateline.coding.casualties import group_of, number_value, parse_quantity, quantity_of


@pytest.mark.parametrize(
    ("words", "best", "low", "high", "approximate"),
    [
        ("some 40 fighters", 40, None, None, True),
        ("about 85 fighters", 85, None, None, True),
        ("around 1,200 people", 1200, None, None, True),
        ("at least 12 soldiers", 12, 12, None, True),
        ("no fewer than nine", 9, 9, None, True),
        ("more than 20 civilians", None, 21, None, True),
        ("over 100 people", None, 101, None, True),
        ("nearly 50 villagers", 50, None, 50, True),
        ("up to 300 people", 300, None, 300, True),
        ("fewer than ten", None, None, 9, True),
        ("dozens of people", None, 24, None, True),
        ("scores of civilians", None, 40, None, True),
        ("hundreds of protesters", None, 200, None, True),
        ("tens of thousands of people", None, 20000, None, True),
        ("several dozen soldiers", None, 36, None, True),
        ("several people", None, 3, None, True),
        ("a dozen policemen", 12, None, None, True),
        ("two dozen men", 24, None, None, False),
        ("four of his relatives", 4, None, None, False),
        ("twenty - five", 25, None, None, False),
        ("three hundred and fifty", 350, None, None, False),
        ("1.2 million", 1200000, None, None, False),
        ("between 10 and 20 people", None, 10, 20, True),
        ("10-20 people", None, 10, 20, True),
        ("17 soldiers", 17, None, None, False),
        ("no one", 0, None, None, False),
        ("nobody", 0, None, None, False),
    ],
)
def test_parse_quantity(words, best, low, high, approximate):
    found = parse_quantity(words.split())
    assert (found.best, found.low, found.high, found.approximate) == (best, low, high, approximate)


@pytest.mark.parametrize("words", ["the mayor", "civilians", "his son", "the convoy"])
def test_no_number_no_count(words):
    assert parse_quantity(words.split()) is None


def test_the_bounds_cover_the_hedge_and_the_number():
    words = ["at", "least", "12", "soldiers"]
    found = parse_quantity(words)
    assert words[found.first : found.last + 1] == ["at", "least", "12"]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("forty - two", 42),
        ("a dozen", 12),
        ("one hundred", 100),
        ("2,000", 2000),
        ("seventeen", 17),
    ],
)
def test_number_value(words, value):
    assert number_value(words.split()) == value


@pytest.mark.parametrize(
    ("lemma", "modifiers", "group"),
    [
        ("villager", [], "civilians"),
        ("child", [], "civilians"),
        ("soldier", [], "combatants"),
        ("fighter", [], "combatants"),
        ("man", ["armed"], "combatants"),
        ("people", [], None),
    ],
)
def test_group_of(lemma, modifiers, group):
    assert group_of(lemma, modifiers) == group


@pytest.mark.parametrize(
    ("sentence", "head", "text", "best", "low", "group"),
    [
        ("Some 40 fighters were killed.", "fighters", "Some 40", 40, None, "combatants"),
        ("Rebels killed four of his relatives.", "four", "four", 4, None, "civilians"),
        ("The strike killed dozens of terrorists.", "dozens", "dozens", None, 24, "combatants"),
        ("AT LEAST 12 VILLAGERS DIED.", "VILLAGERS", "AT LEAST 12", 12, 12, "civilians"),
    ],
)
def test_quantity_of_a_parsed_phrase(nlp, sentence, head, text, best, low, group):
    sdoc = nlp(sentence)
    token = next(t for t in sdoc if t.text == head)
    found, start, end, found_group = quantity_of(token)
    assert (sentence[start:end], found.best, found.low, found_group) == (text, best, low, group)
