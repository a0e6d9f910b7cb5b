"""Faults the `make demo` output showed in the event layer (issue #11), each on sentences of
our own in the style of wire reports: what protesters demand is part of their protest; an
actor's "of" phrase ends before a place; active verbs are no passives; whom troops fought
to repel is the other side; a blame after an attack names its attacker; an event noun of
another time has its own date and place; a merged event is not one of an actor against
itself."""

from __future__ import annotations

import datetime as dt

from dateline.store.merge import Member, summarize


def _member(key: str, actor1: str, actor2: str | None) -> Member:
    def role(name: str | None):
        return None if name is None else {"name": name, "canonical": None, "actor_type": None}

    event = {"id": key, "plover": "ASSAULT", "actor1": role(actor1), "actor2": role(actor2)}
    return Member(key, event, key, None, None, dt.date(2024, 5, 8))


def test_a_merged_event_is_no_actor_against_itself():
    # Two sources name the attacker as acted on: the other side is the third source's.
    summary = summarize(
        [
            _member("a", "Kazra Front", "Kazra Front"),
            _member("b", "Kazra Front", "Kazra Front"),
            _member("c", "Kazra Front", "police officers"),
        ]
    )
    assert (summary.columns["actor1"], summary.columns["actor2"]) == (
        "Kazra Front",
        "police officers",
    )
