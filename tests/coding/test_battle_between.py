"""Two-sided fighting (issue #11): "a battle between troops and rebels" puts the first
side on one side and the rest on the other, as "troops clashed with rebels" does; "talks
between A and B" and riots keep their own reading."""

from __future__ import annotations


def sides(mentions, text, word):
    found = [m for m in mentions(text) if m.token.text == word]
    assert len(found) == 1, [m.token.text for m in mentions(text)]
    m = found[0]
    return (
        [text[a.core_start : a.core_end] for a in m.agents],
        [text[a.core_start : a.core_end] for a in m.patients],
    )


def test_a_battle_between_two_sides_is_a_dyad(mentions):
    agents, patients = sides(
        mentions,
        "A soldier was killed on Monday in a battle between troops and rebels near the border.",
        "battle",
    )
    assert agents == ["troops"]
    assert patients == ["rebels"]


def test_clashes_between_three_sides_put_the_rest_on_the_other_side(mentions):
    agents, patients = sides(
        mentions,
        "Clashes between the army, the militia and the rebels left six fighters dead.",
        "Clashes",
    )
    assert len(agents) == 1 and agents[0].endswith("army")
    assert [p.split()[-1] for p in patients] == ["militia", "rebels"]


def test_a_battle_with_one_side_named_keeps_it_acting(mentions):
    agents, patients = sides(
        mentions, "Two policemen died in a battle between gunmen near the market.", "battle"
    )
    assert agents == ["gunmen"]
    assert patients[:1] != ["gunmen"]
