"""MUC-4 scorer on hand-made gold and predictions (no evaluation data: all text invented)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dateline.evaluate.metrics import best_assignment
from dateline.evaluate.muc4 import (
    MUC4Scorer,
    death_reported,
    most_specific_places,
    parse_dateline,
    parse_incident_date,
    predicted_templates,
)

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")


def span(text: str, start: int = 0) -> dict:
    return {"start": start, "end": start + len(text), "text": text}


def role(name: str, entity_id: str | None = None) -> dict:
    return {
        "name": name,
        "canonical": None,
        "entity_id": entity_id,
        "actor_type": None,
        "country": None,
        "evidence": [span(name)],
    }


def event(
    plover="ASSAULT",
    mode=None,
    *,
    actor1=None,
    assoc1=(),
    actor2=None,
    targets=(),
    weapons=(),
    date=None,
    location=None,
    fatalities=None,
    certainty="asserted",
) -> dict:
    return {
        "id": "e1",
        "plover": plover,
        "mode": mode,
        "trigger": span("attacked"),
        "actor1": actor1,
        "actor2": actor2,
        "assoc_actor1": list(assoc1),
        "assoc_actor2": [],
        "targets": [{"name": t, "evidence": [span(t)]} for t in targets],
        "weapons": [{"name": w, "evidence": [span(w)]} for w in weapons],
        "date": date,
        "location": location,
        "fatalities": fatalities,
        "injured": None,
        "source": None,
        "certainty": certainty,
        "evidence": [span("attacked")],
    }


def template(incident="attack", key_slots=None, **slots) -> dict:
    return {
        "incident_type": incident,
        "template_no": 1,
        "optional": False,
        **{r: slots.get(r, []) for r in ROLES},
        "spans": {},
        "key_slots": key_slots or {},
    }


def write(tmp_path: Path, docs: list[dict]) -> Path:
    path = tmp_path / "muc.jsonl"
    path.write_text(
        "".join(
            json.dumps({"split": "dev", "dateline": "SOMEWHERE, 4 FEB 90", **d}) + "\n"
            for d in docs
        )
    )
    return path


def run(tmp_path: Path, docs: list[dict], predicted: dict) -> dict:
    scorer = MUC4Scorer()
    gold = scorer.load(write(tmp_path, docs), "dev")
    result = scorer.score(gold, predicted, "dev")
    return {m.name: m.value for m in result.metrics} | {"_errors": [e.kind for e in result.errors]}


GOLD_DOC = {
    "id": "d1",
    "text": "invented text",
    "templates": [
        template(
            PerpInd=[["guerrillas", "the guerrillas"]],
            PerpOrg=[["fmln"]],
            Target=[["bridge"]],
            Weapon=[["dynamite"]],
        )
    ],
}
PERSON_DOC_ENTITIES = [
    {"id": "t1", "label": "PERSON", "name": "Mayor Perez", "mentions": [span("Mayor Perez")]}
]
PRED_DOC = {
    "entities": PERSON_DOC_ENTITIES,
    "events": [
        event(
            mode="firearms",
            actor1=role("Guerrillas"),
            assoc1=[role("F.M.L.N.")],
            actor2=role("Mayor Perez", "t1"),
            targets=["the bridge"],
            weapons=["rifles"],
        )
    ],
}


def test_tf_counts_one_paired_template(tmp_path):
    # gold slots: type 1 + PerpInd 1 + PerpOrg 1 + Target 1 + Weapon 1 = 5
    # predicted: type 1 + PerpInd "guerrillas" + PerpOrg "fmln" (name word) + Target "bridge"
    #            + Victim "mayor perez" (PERSON entity) + Weapon "rifles" = 6
    # correct: type + guerrillas + fmln + bridge = 4 -> P 4/6, R 4/5, F1 = 16/22
    scores = run(tmp_path, [GOLD_DOC], {"d1": PRED_DOC})
    assert scores["tf_precision"] == pytest.approx(4 / 6)
    assert scores["tf_recall"] == pytest.approx(4 / 5)
    assert scores["tf_f1"] == pytest.approx(16 / 22)


def test_spurious_template_in_silent_document_counts_against_precision(tmp_path):
    # d1 as above (4 correct of 6 predicted, 5 gold); d2 has no template and gets a predicted
    # template with type + PerpInd = 2 slots: P = 4/8, R = 4/5
    silent = {"id": "d2", "text": "nothing happened", "templates": []}
    predicted = {"d1": PRED_DOC, "d2": {"events": [event(actor1=role("gunmen"))]}}
    scores = run(tmp_path, [GOLD_DOC, silent], predicted)
    assert scores["tf_precision"] == pytest.approx(4 / 8)
    assert scores["tf_recall"] == pytest.approx(4 / 5)
    assert "spurious template" in scores["_errors"]


@pytest.mark.parametrize(
    ("mode", "gold_type", "tp"),
    [
        ("explosives", "attack / bombing", 2),  # "bombing" is in "attack / bombing": type + PerpInd
        ("abduct", "attack", 0),  # "kidnapping" is not in "attack": no pair
    ],
)
def test_pair_needs_type_substring(tmp_path, mode, gold_type, tp):
    # gold: type + PerpInd = 2 slots; predicted: type + PerpInd = 2 slots -> P = R = tp / 2
    gold = [{"id": "d1", "text": "x", "templates": [template(gold_type, PerpInd=[["gunmen"]])]}]
    scores = run(tmp_path, gold, {"d1": {"events": [event(mode=mode, actor1=role("gunmen"))]}})
    assert scores["tf_recall"] == pytest.approx(tp / 2)


def test_each_gold_entity_matches_once(tmp_path):
    # gold: type + 1 PerpInd = 2; predicted: type + "guerrillas" + "the guerrillas" = 3; both
    # predicted strings fit the one gold entity, which matches once: tp = 2 -> P 2/3, R 2/2
    gold = [{"id": "d1", "text": "x", "templates": [template(PerpInd=[["guerrillas"]])]}]
    pred = {"d1": {"events": [event(actor1=role("guerrillas"), assoc1=[role("the guerrillas")])]}}
    scores = run(tmp_path, gold, pred)
    assert scores["tf_precision"] == pytest.approx(2 / 3)
    assert scores["tf_recall"] == pytest.approx(1.0)


def test_alignment_is_optimal_not_greedy(tmp_path):
    # gold A: attack, PerpInd x (2 slots); gold B: attack, PerpInd y, Target z (3 slots).
    # pred 1: attack, PerpInd y, Target z (3 slots); pred 2: attack, PerpInd x (2 slots).
    # best pairing 1-B (3 correct) + 2-A (2 correct): tp 5 of 5 -> F1 1.0
    gold = [
        {
            "id": "d1",
            "text": "x",
            "templates": [template(PerpInd=[["x"]]), template(PerpInd=[["y"]], Target=[["z"]])],
        }
    ]
    pred = {"d1": {"events": [event(actor1=role("y"), targets=["z"]), event(actor1=role("x"))]}}
    assert run(tmp_path, gold, pred)["tf_f1"] == pytest.approx(1.0)


def test_ree_ignores_templates(tmp_path):
    # gold: two templates both naming PerpOrg "fmln" -> one document entity; PerpInd "gunmen".
    # predicted: a bombing template with PerpOrg "fmln" and PerpInd "gunmen" (the gold types
    # are both "kidnapping", so TF pairs nothing). REE: PerpOrg 1/1, PerpInd 1/1 -> F1 1.0
    gold = [
        {
            "id": "d1",
            "text": "x",
            "templates": [
                template("kidnapping", PerpOrg=[["fmln"]]),
                template("kidnapping", PerpOrg=[["fmln"]], PerpInd=[["gunmen"]]),
            ],
        }
    ]
    pred = {
        "d1": {"events": [event(mode="explosives", actor1=role("gunmen"), assoc1=[role("FMLN")])]}
    }
    scores = run(tmp_path, gold, pred)
    assert scores["ree_f1"] == pytest.approx(1.0)
    assert scores["tf_recall"] == 0.0


def test_victim_needs_a_named_person_but_descriptions_variant_takes_all(tmp_path):
    # gold: no named Victim; description "PEASANTS". predicted actor2 "peasants" (no entity):
    # standard Victim slot empty -> REE Victim pred 0; descriptions variant: 1/1 -> F1 1.0
    gold = [
        {
            "id": "d1",
            "text": "x",
            "templates": [
                template(PerpInd=[["gunmen"]], key_slots={"hum_tgt_description": '"PEASANTS"'})
            ],
        }
    ]
    pred = {"d1": {"events": [event(actor1=role("gunmen"), actor2=role("peasants"))]}}
    scores = run(tmp_path, gold, pred)
    assert scores["victim_incl_descriptions_f1"] == pytest.approx(1.0)
    assert scores["ree_f1_victim"] == 0.0
    assert scores["ree_f1"] == pytest.approx(1.0)  # gunmen 1/1; the peasants are not a Victim


def test_negated_events_make_no_template():
    pred = {
        "events": [
            event(actor1=role("gunmen"), certainty="negated"),
            event(plover="COERCE", mode="arrest"),
        ]
    }
    assert predicted_templates(pred) == []


def test_key_slots_on_paired_templates(tmp_path):
    # two gold templates; date "- 04 FEB 90" (on or before), place "SANTO TOMAS", death yes.
    # pred pairs with the first (PerpInd x): date 1990-02-02 ok, location "Santo Tomas" ok,
    # fatalities 0 -> death wrong. second gold template is unpaired -> all three wrong.
    # date 1/2, location 1/2, death 0/2
    ks = {
        "incident_date": "- 04 FEB 90",
        "incident_location": "GUATEMALA: SANTO TOMAS (FARM)",
        "hum_tgt_effect": 'DEATH: "PEASANTS"',
    }
    gold = [
        {
            "id": "d1",
            "text": "x",
            "templates": [
                template(PerpInd=[["x"]], key_slots=ks),
                template("kidnapping", PerpInd=[["y"]], key_slots=ks),
            ],
        }
    ]
    pred_event = event(
        actor1=role("x"),
        date={
            "value": "1990-02-02",
            "earliest": None,
            "latest": None,
            "precision": "day",
            "evidence": [span("x")],
        },
        location={"name": "Santo Tomas", "evidence": [span("santo tomas")]},
        fatalities={
            "best": 0,
            "low": None,
            "high": None,
            "approximate": False,
            "evidence": [span("no one")],
        },
    )
    scores = run(tmp_path, gold, {"d1": {"events": [pred_event]}})
    assert scores["date_accuracy"] == pytest.approx(0.5)
    assert scores["location_accuracy"] == pytest.approx(0.5)
    assert scores["death_outcome_accuracy"] == 0.0


def test_key_slot_accuracy_without_gold_values_is_undefined(tmp_path):
    # GOLD_DOC has no key slots: nothing to be right or wrong about -> None, not 0
    scores = run(tmp_path, [GOLD_DOC], {"d1": PRED_DOC})
    for name in ("date_accuracy", "location_accuracy", "death_outcome_accuracy"):
        assert scores[name] is None, name
    assert scores["tf_f1"] is not None


def test_per_role_metric_names_are_snake_case(tmp_path):
    scores = run(tmp_path, [GOLD_DOC], {"d1": PRED_DOC})
    assert {name for name in scores if name.startswith("ree_f1_")} == {
        "ree_f1_perp_ind",
        "ree_f1_perp_org",
        "ree_f1_target",
        "ree_f1_victim",
        "ree_f1_weapon",
    }


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE)", "1990-02-04"),
        ("PERTH (AUSTRALIA), JUNE 11 89 (AFP)", "1989-06-11"),
        ("NO CITY, NO DATE (FBIS)", None),
        ("TEGUCIGALPA, 7 FEB (REUTER)", None),
        ("LIMA, 31 FEB 90", None),
        (None, None),
    ],
)
def test_parse_dateline(dateline, expected):
    assert parse_dateline(dateline) == expected


def test_parse_incident_date_forms():
    d = dt.date
    assert parse_incident_date("02 FEB 90") == [("on", d(1990, 2, 2), d(1990, 2, 2))]
    assert parse_incident_date("- 04 FEB 90") == [("before", d(1990, 2, 4), d(1990, 2, 4))]
    assert parse_incident_date("(30 DEC 89 - 02 JAN 90) / (- 03 JAN 90)") == [
        ("range", d(1989, 12, 30), d(1990, 1, 2)),
        ("before", d(1990, 1, 3), d(1990, 1, 3)),
    ]
    assert parse_incident_date("12 NOV", default_year=1989) == [
        ("on", d(1989, 11, 12), d(1989, 11, 12))
    ]
    assert parse_incident_date("-") == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("GUATEMALA: SANTO TOMAS (FARM)", ["santo tomas"]),
        ("EL SALVADOR", ["el salvador"]),
        (
            "(EL SALVADOR: SAN SALVADOR (CITY)) / (EL SALVADOR: SAN MIGUEL (DEPARTMENT))",
            ["san salvador", "san miguel"],
        ),
        ("-", []),
    ],
)
def test_most_specific_places(value, expected):
    assert most_specific_places(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('DEATH: "PEOPLE" | INJURY: "PEOPLE"', True),
        ('NO INJURY OR DEATH: "-"', False),
        ("-", None),
        ("*", None),
    ],
)
def test_death_reported(value, expected):
    assert death_reported(value) is expected


def test_inputs_prefix_the_dateline(tmp_path):
    scorer = MUC4Scorer()
    (doc,) = scorer.inputs(scorer.load(write(tmp_path, [GOLD_DOC]), "dev"))
    assert doc.text == "SOMEWHERE, 4 FEB 90\ninvented text"
    assert doc.published == "1990-02-04"
    assert doc.clean is False


def test_train_is_never_scored(tmp_path):
    with pytest.raises(ValueError, match="train"):
        MUC4Scorer().load(write(tmp_path, [GOLD_DOC]), "train")


def test_best_assignment_beats_greedy():
    # greedy takes (0, 0) = 3 and leaves (1, 1) = 0; the best is (0, 1) + (1, 0) = 2 + 2 = 4
    assert best_assignment([[3, 2], [2, 0]]) == [(0, 1), (1, 0)]


def _dated(day: str) -> dict:
    return {
        "value": day,
        "earliest": day,
        "latest": day,
        "precision": "day",
        "evidence": [span("x")],
    }


def test_templates_tied_on_slots_pair_by_key_slots(tmp_path):
    # Two gold templates with no filler at all, on different days and places: TF cannot tell
    # them apart, so the key slots must decide the pairing, not the order of the predictions.
    gold = [
        {
            "id": "d1",
            "text": "x",
            "templates": [
                template(key_slots={"incident_date": "01 FEB 90", "incident_location": "ALPHA"}),
                template(key_slots={"incident_date": "03 FEB 90", "incident_location": "BETA"}),
            ],
        }
    ]
    second = event(date=_dated("1990-02-03"), location={"name": "Beta", "evidence": [span("b")]})
    first = event(date=_dated("1990-02-01"), location={"name": "Alpha", "evidence": [span("a")]})
    scores = run(tmp_path, gold, {"d1": {"events": [second, first]}})
    assert scores["tf_f1"] == 1.0
    assert scores["date_accuracy"] == 1.0
    assert scores["location_accuracy"] == 1.0


def test_actor_of_people_is_perp_ind_despite_an_org_word_and_type(tmp_path):
    # "armed" is an organisation word ("armed forces") and rebel_groups an organised type, but
    # an actor whose entity is people (PERSON) is an individual: "armed youths" fills PerpInd.
    gold = [{"id": "d1", "text": "x", "templates": [template(PerpInd=[["armed youths"]])]}]
    youths = role("armed youths", "e1") | {"actor_type": "rebel_groups"}
    people = [{"id": "e1", "label": "PERSON", "named": False}]
    scores = run(tmp_path, gold, {"d1": {"events": [event(actor1=youths)], "entities": people}})
    assert scores["ree_f1_perp_ind"] == 1.0
    assert scores["tf_f1"] == 1.0
    # Without an entity, the organised actor type decides.
    scores = run(tmp_path, gold, {"d1": {"events": [event(actor1=youths | {"entity_id": None})]}})
    assert scores["ree_f1_perp_ind"] == 0.0


def test_victim_described_but_not_named_is_not_a_named_victim(tmp_path):  # issue 10
    gold = [{"id": "d1", "text": "x", "templates": [template(Victim=[["ana ruiz"]])]}]
    people = [
        {"id": "e1", "label": "PERSON", "named": True},
        {"id": "e2", "label": "PERSON", "named": False},
    ]
    named = event(actor2=role("ana ruiz", "e1"))
    described = event(actor2=role("peasants", "e2"))
    scores = run(tmp_path, gold, {"d1": {"events": [named], "entities": people}})
    assert scores["ree_f1_victim"] == 1.0
    # "peasants" would be a spurious victim if descriptions counted.
    scores = run(tmp_path, gold, {"d1": {"events": [named, described], "entities": people}})
    assert scores["ree_f1_victim"] == 1.0


def test_events_below_the_salience_threshold_make_no_template():
    low, high, unjudged = event(), event(), event()
    low["salience"], high["salience"] = 0.05, 0.95
    assert len(predicted_templates({"events": [low, high, unjudged]}, min_salience=0.5)) == 2
    assert len(predicted_templates({"events": [low, high, unjudged]}, min_salience=-1.0)) == 3


def test_armed_clashes_are_not_muc_incidents():
    clash = event(actor1=role("soldiers"))
    clash["acled_sub_event_type"] = "Armed clash"
    bombing = event(mode="explosives")
    bombing["acled_sub_event_type"] = "Remote explosive/landmine/IED"
    assert [t.incident_type for t in predicted_templates({"events": [clash, bombing]})] == [
        "bombing"
    ]


def test_people_who_acted_for_an_organisation_fill_perp_ind_and_the_organisation_perp_org(
    tmp_path,
):
    # The actors layer links "rebels of the front" to the front (its name, ORG): the key names
    # the people in PerpInd and the organisation in PerpOrg.
    gold = [
        {
            "id": "d1",
            "text": "x",
            "templates": [
                template(PerpInd=[["rebels of the front"]], PerpOrg=[["people's front", "pf"]])
            ],
        }
    ]
    front = role("people's front", "e1") | {
        "evidence": [span("rebels of the front"), span("pf", 40)]
    }
    orgs = [{"id": "e1", "label": "ORG", "named": True}]
    prediction = {"d1": {"events": [event(actor1=front)], "entities": orgs}}
    scores = run(tmp_path, gold, prediction)
    assert scores["ree_f1_perp_ind"] == 1.0
    assert scores["ree_f1_perp_org"] == 1.0
    assert scores["tf_f1"] == 1.0
