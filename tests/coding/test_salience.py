"""Event salience (issue #11): the shipped model, its features and its training."""

from __future__ import annotations

import json

import pytest

from dateline.coding import salience
from dateline.coding.salience_training import (
    cross_validated,
    examples,
    fit,
    model_data,
    rescored,
    vocabulary,
)
from dateline.document import Document
from dateline.records import Count, Entity, Event, EventDate, Location, Place, Role, Span


def span(start: int, text: str) -> Span:
    return Span(start=start, end=start + len(text), text=text)


def assault(start: int, trigger: str = "attacked", **fields) -> Event:
    return Event(
        id=f"ev-{start}",
        plover=fields.pop("plover", "ASSAULT"),
        trigger=span(start, trigger),
        evidence=[span(start, trigger)],
        **fields,
    )


def place(country: str, mentions: int, start: int) -> Place:
    return Place(
        id=f"pl-{start}",
        name=country,
        country=country,
        mentions=[span(start + 10 * i, "X") for i in range(mentions)],
    )


def test_the_shipped_model_loads_and_judges_violent_events_only():
    judge = salience.model()
    assert judge.scope == frozenset({"ASSAULT"})
    assert len(judge.weights) > 20
    strike = assault(0)
    talks = assault(40, "met", plover="CONSULT")
    ctx = salience.context(
        [strike, talks], text_length=100, published=None, places=[], named=[], scope=judge.scope
    )
    judge.annotate([strike, talks], ctx)
    assert strike.salience is not None and 0.0 < strike.salience < 1.0
    assert talks.salience is None
    assert strike.salience == round(strike.salience, 3)


def test_probability_follows_the_weights_and_ignores_unknown_features():
    judge = salience.SalienceModel({"scope": ["ASSAULT"], "bias": 0.0, "weights": {"a": 2.0}})
    assert judge.probability({}) == 0.5
    assert judge.probability({"a": 1.0}) == pytest.approx(0.881, abs=1e-3)
    assert judge.probability({"a": 1.0, "never-seen": 5.0}) == judge.probability({"a": 1.0})


def test_features_say_how_old_where_and_how_rich_an_event_is():
    victim = Role(name="the mayor", entity_id="ent-5", evidence=[span(5, "the mayor")])
    rich = assault(
        200,
        actor2=victim,
        date=EventDate(
            value="1990-02-01",
            latest="1990-02-01",
            precision="day",
            evidence=[span(210, "Thursday")],
        ),
        location=Location(
            name="Lima",
            country="PE",
            precision="town",
            basis="attached",
            evidence=[span(220, "Lima")],
        ),
        fatalities=Count(best=12, evidence=[span(230, "12")]),
    )
    old = assault(
        20,
        "bombing",
        date=EventDate(
            value="1985", latest="1985-12-31", precision="year", evidence=[span(30, "1985")]
        ),
        location=Location(
            name="Quito",
            country="EC",
            precision="town",
            basis="sentence",
            evidence=[span(40, "Quito")],
        ),
    )
    ctx = salience.context(
        [old, rich],
        text_length=1000,
        published="1990-02-04",
        places=[place("PE", 3, 300), place("EC", 1, 40)],
        named=["ent-5"],
        scope=frozenset({"ASSAULT"}),
    )
    f_rich, f_old = salience.features(rich, ctx), salience.features(old, ctx)
    assert f_rich["age:2-7"] == 1.0 and f_old["age:older"] == 1.0
    assert f_rich["loc:home"] == 1.0 and f_old["loc:abroad"] == 1.0
    assert f_rich["a2:named"] == 1.0 and f_old["a2:none"] == 1.0
    assert f_rich["killed>=10"] == 1.0
    assert "richest" in f_rich and "richest" not in f_old
    assert "first" in f_old and "lead" in f_old and "first" not in f_rich
    assert f_rich["trigger=attacked"] == 1.0 and f_old["date:year"] == 1.0


def test_the_home_country_is_the_most_named_one():
    assert salience.home_country([place("PE", 1, 0), place("EC", 2, 50)]) == "EC"
    assert salience.home_country([place("PE", 2, 0), place("EC", 2, 50)]) == "PE"
    assert salience.home_country([]) is None


TOY = [({"a": 1.0, "b": 1.0}, 1), ({"a": 1.0}, 1), ({"b": 1.0}, 0), ({}, 0), ({"c": 1.0}, 0)]


def test_fit_is_deterministic_and_learns_the_signal():
    names = vocabulary(TOY, min_count=1)
    assert names == ["a", "b", "c"]
    first = fit(TOY, names, l2=1.0)
    assert first == fit(list(TOY), names, l2=1.0)
    bias, weights = first
    assert weights["a"] > 0 > weights["c"]
    data = model_data(TOY, scope=["ASSAULT"], l2=1.0, min_count=2, trained_on="toy")
    assert set(data["weights"]) <= {"a", "b"}  # "c" is seen once: dropped
    assert json.dumps(data, sort_keys=True) == json.dumps(
        model_data(TOY, scope=["ASSAULT"], l2=1.0, min_count=2, trained_on="toy"), sort_keys=True
    )


def test_examples_are_labelled_by_the_muc4_alignment():
    text = "Gunmen attacked the bridge. Soldiers attacked a farm in 1985."
    gunmen = Role(name="Gunmen", evidence=[span(0, "Gunmen")])
    doc = Document(
        id="d1",
        text=text,
        entities=[Entity(id="ent-0", label="PERSON", name="Gunmen", mentions=[span(0, "Gunmen")])],
        events=[
            assault(
                7, actor1=gunmen, targets=[{"name": "bridge", "evidence": [span(20, "bridge")]}]
            ),
            assault(37, targets=[{"name": "farm", "evidence": [span(48, "farm")]}]),
        ],
    )
    record = {
        "id": "d1",
        "dateline": "SOMEWHERE, 4 FEB 90",
        "templates": [
            {
                "incident_type": "attack",
                "PerpInd": [["gunmen"]],
                "PerpOrg": [],
                "Target": [["bridge"]],
                "Victim": [],
                "Weapon": [],
                "key_slots": {},
            }
        ],
    }
    found = examples(record, doc.to_dict(), frozenset({"ASSAULT"}))
    assert [label for _, label in found] == [1, 0]
    assert found[0][0]["trigger=attacked"] == 1.0
    assert examples(record, {}, frozenset({"ASSAULT"})) == []


def test_scope_takes_a_type_or_one_mode_of_it():
    robbery = assault(0, "robbed", plover="COERCE", mode="loot")
    arrest = assault(20, "arrested", plover="COERCE", mode="arrest")
    scope = frozenset({"ASSAULT", "COERCE/loot"})
    assert salience.in_scope(assault(40), scope)
    assert salience.in_scope(robbery, scope)
    assert not salience.in_scope(arrest, scope)
    judge = salience.SalienceModel({"scope": sorted(scope), "bias": 0.0, "weights": {}})
    ctx = salience.context(
        [robbery, arrest], text_length=60, published=None, places=[], named=[], scope=scope
    )
    judge.annotate([robbery, arrest], ctx)
    assert robbery.salience == 0.5 and arrest.salience is None


def _toy_report(n: int) -> tuple[dict, dict]:
    """A report whose first attack is keyed (gunmen, bridge) and second is not."""
    text = "Gunmen attacked the bridge. Soldiers attacked a farm in 1985."
    gunmen = Role(name="Gunmen", evidence=[span(0, "Gunmen")])
    doc = Document(
        id=f"d{n}",
        text=text,
        entities=[Entity(id="ent-0", label="PERSON", name="Gunmen", mentions=[span(0, "Gunmen")])],
        events=[
            assault(
                7, actor1=gunmen, targets=[{"name": "bridge", "evidence": [span(20, "bridge")]}]
            ),
            assault(37, "raided", targets=[{"name": "farm", "evidence": [span(48, "farm")]}]),
        ],
    )
    template = {
        "incident_type": "attack",
        "PerpInd": [["gunmen"]],
        "PerpOrg": [],
        "Target": [["bridge"]],
        "Victim": [],
        "Weapon": [],
        "key_slots": {},
    }
    return {
        "id": f"d{n}",
        "dateline": "SOMEWHERE, 4 FEB 90",
        "templates": [template],
    }, doc.to_dict()


def test_cross_validation_judges_each_report_by_a_model_that_never_saw_it():
    pairs = [_toy_report(n) for n in range(4)]
    records, outputs = [r for r, _ in pairs], [p for _, p in pairs]
    first = cross_validated(records, outputs, scope=["ASSAULT"], l2=1.0, min_count=1, folds=2)
    again = cross_validated(records, outputs, scope=["ASSAULT"], l2=1.0, min_count=1, folds=2)
    assert json.dumps(first) == json.dumps(again)
    for out in first:
        keyed, other = out["events"]
        assert keyed["salience"] > 0.5 > other["salience"]
        assert keyed["trigger"] == outputs[0]["events"][0]["trigger"]  # the rest untouched
    # An empty output (a failed document) stays empty.
    judge = salience.SalienceModel({"scope": ["ASSAULT"], "bias": 0.0, "weights": {}})
    assert rescored({}, judge) == {}


def test_the_events_stage_writes_salience(pipeline):
    text = (
        "LIMA, Feb. 4 (AP) - Gunmen attacked a police station in Lima on Saturday, killing "
        "three officers. The interior minister met union leaders on Sunday."
    )
    doc = pipeline(Document.from_input(text, published="1990-02-04"))
    violent = [e for e in doc.events if e.plover == "ASSAULT"]
    assert violent and all(e.salience is not None for e in violent)
    assert all(e.salience is None for e in doc.events if e.plover != "ASSAULT")


def test_the_model_file_ships_with_the_package():
    import fnmatch
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    globs = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["dateline"]
    assert any(fnmatch.fnmatch(f"resources/{salience.MODEL_FILE}", g) for g in globs)
