"""People a later sentence says were "also" killed or hurt in an attack are more people,
added to the count told before (issue #11), not a rival figure the larger one replaces;
without "also" a later figure is the same people told again."""

from __future__ import annotations

from .conftest import coded, event_with


def test_also_killed_adds_to_the_count(pipeline):
    doc = coded(
        pipeline,
        "Militants attacked an army post in Borno state on Monday, killing five soldiers. "
        "Two civilians were also killed in the attack, the army said.",
    )
    attack = event_with(doc, "attacked")
    assert attack.fatalities is not None
    assert (attack.fatalities.best, attack.fatalities.civilians) == (7, 2)
    assert attack.fatalities.combatants == 5
    assert {"five", "Two"} <= {e.text.split()[0] for e in attack.fatalities.evidence}
    # Soldiers were the side attacked: a battle in which civilians died too.
    assert attack.acled_event_type == "Battles"


def test_a_passer_by_also_killed_is_one_more(pipeline):
    doc = coded(
        pipeline,
        "A roadside bomb killed three police officers in Kandahar on Sunday. A passer-by was "
        "also killed, officials said.",
    )
    blast = event_with(doc, "killed")
    assert blast.fatalities is not None and blast.fatalities.best == 4


def test_a_figure_told_again_without_also_is_not_added(pipeline):
    doc = coded(
        pipeline,
        "Militants attacked an army post in Borno state on Monday, killing five soldiers. "
        "The five soldiers were killed when the post was overrun, the army said.",
    )
    attack = event_with(doc, "attacked")
    assert attack.fatalities is not None and attack.fatalities.best == 5
