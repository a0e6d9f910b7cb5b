"""WikiEvents scorer on a hand-made document (invented text, no evaluation data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate.wikievents import WikiEventsScorer, in_conflict_subset, predicted_events

TEXT = "Rebels bombed the bridge near Aleppo.\nTwo soldiers died.\nThey fled, the army said."


def sp(text: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return {"start": start, "end": start + len(text), "text": text}


def arg(role: str, text: str, cluster: int, informative: str | None = None) -> dict:
    s = sp(text)
    return {
        "role": role,
        **s,
        "entity_id": None,
        "cluster": cluster,
        "informative": sp(informative) if informative else None,
    }


GOLD = {
    "id": "w1",
    "split": "dev",
    "text": TEXT,
    "events": [
        {
            "id": "E1",
            "type": "Conflict.Attack.DetonateExplode",
            "trigger": sp("bombed"),
            "arguments": [
                arg("Attacker", "Rebels", 0, "Rebels"),
                arg("Target", "bridge", 1),
                arg("Place", "Aleppo", 2),
            ],
        },
        {
            "id": "E2",
            "type": "Life.Die.Unspecified",
            "trigger": sp("died"),
            "arguments": [arg("Victim", "soldiers", 3, "Two soldiers")],
        },
        # not in the conflict subset: not scored
        {
            "id": "E3",
            "type": "Cognitive.IdentifyCategorize.Unspecified",
            "trigger": sp("said"),
            "arguments": [],
        },
    ],
    "entities": [
        {
            "id": "T1",
            "type": "ORG",
            "start": sp("Rebels")["start"],
            "end": sp("Rebels")["end"],
            "text": "Rebels",
            "cluster": 0,
        },
        {
            "id": "T2",
            "type": "ORG",
            "start": sp("They")["start"],
            "end": sp("They")["end"],
            "text": "They",
            "cluster": 0,
        },
    ],
}


def role(text: str) -> dict:
    return {
        "name": text,
        "canonical": None,
        "entity_id": None,
        "actor_type": None,
        "country": None,
        "evidence": [sp(text)],
    }


def event(plover: str, mode: str | None, trigger: str, **fields) -> dict:
    base = {
        "id": fields.pop("id", "e1"),
        "plover": plover,
        "mode": mode,
        "trigger": sp(trigger),
        "actor1": None,
        "actor2": None,
        "assoc_actor1": [],
        "assoc_actor2": [],
        "location": None,
        "date": None,
        "fatalities": None,
        "injured": None,
        "targets": [],
        "weapons": [],
        "source": None,
        "certainty": "asserted",
        "evidence": [sp(trigger)],
    }
    return base | fields


BOMBING = event(
    "ASSAULT",
    "explosives",
    "bombed",
    actor1=role("They"),
    actor2=role("soldiers"),
    targets=[{"name": "bridge", "evidence": [sp("bridge")]}],
    location={"name": "Aleppo", "evidence": [sp("Aleppo")]},
    fatalities={
        "best": 2,
        "low": None,
        "high": None,
        "approximate": False,
        "evidence": [sp("died")],
    },
)
PROTEST = event("PROTEST", None, "fled", id="e2")


def scores(tmp_path: Path, predicted_events_: list[dict]) -> dict:
    path = tmp_path / "wiki.jsonl"
    path.write_text(json.dumps(GOLD) + "\n")
    scorer = WikiEventsScorer()
    gold = scorer.load(path, "dev")
    result = scorer.score(gold, {"w1": {"events": predicted_events_, "claims": []}}, "dev")
    return {m.name: m.value for m in result.metrics} | {"_errors": [e.kind for e in result.errors]}


def test_argument_f1_variants(tmp_path):
    # gold arguments in the conflict subset: E1 3 + E2 1 = 4.
    # predicted: DetonateExplode (Attacker They, Target soldiers, Target bridge, Place Aleppo) = 4
    #            + Life.Die from the fatalities (Killer They, Victim soldiers, Place Aleppo) = 3 -> 7
    # coref:       They~Rebels, bridge, Aleppo, soldiers = 4 -> P 4/7, R 4/4, F1 8/11
    # exact:       bridge, Aleppo, soldiers = 3 -> P 3/7, R 3/4, F1 18/33
    # informative: bridge, Aleppo (Rebels and "Two soldiers" are not predicted) = 2 -> F1 4/11
    s = scores(tmp_path, [BOMBING, PROTEST])
    assert s["argc_coref_f1"] == pytest.approx(8 / 11)
    assert s["argc_exact_f1"] == pytest.approx(18 / 33)
    assert s["argc_informative_f1"] == pytest.approx(4 / 11)


def test_trigger_f1(tmp_path):
    # gold triggers (conflict subset) bombed, died = 2; predicted bombed, died, fled = 3;
    # 2 correct: P 2/3, R 1 -> F1 0.8 (exact and overlap, identified and classified)
    s = scores(tmp_path, [BOMBING, PROTEST])
    assert s["trigger_cls_exact_f1"] == pytest.approx(0.8)
    assert s["trigger_id_overlap_f1"] == pytest.approx(0.8)


def test_wrong_type_pairs_nothing_but_is_reported(tmp_path):
    # plain ASSAULT -> Conflict.Attack.Unspecified at "bombed": identified (1 of 2 gold, 1
    # predicted: F1 2/3) but not classified (0); no argument counts
    wrong = event("ASSAULT", "firearms", "bombed", actor1=role("They"))
    s = scores(tmp_path, [wrong])
    assert s["trigger_id_exact_f1"] == pytest.approx(2 / 3)
    assert s["trigger_cls_exact_f1"] == 0.0
    assert s["argc_coref_f1"] == 0.0
    assert "wrong type Conflict.Attack.DetonateExplode->Conflict.Attack.Unspecified" in s["_errors"]


def test_a_claim_reported_gives_one_broadcast_per_cue_with_its_claimant(monkeypatch):
    from dateline.evaluate.mappings import eval_maps

    text = "Rebels bombed the bridge, the agency reported, and a witness said so."
    cue, said = _at(text, "reported"), _at(text, "said")
    agency, witness = _at(text, "the agency"), _at(text, "a witness")

    def claim(cue: dict, claimant: dict) -> dict:
        return {
            "evidence": [_at(text, "Rebels bombed the bridge")],
            "claimant": {"name": claimant["text"], "evidence": [claimant]},
            "cue": cue,
            "status": "reported",
            "event_ids": [],
        }

    # Two claims share the cue "reported": one Broadcast. "said" is no cue of a Broadcast.
    doc = {"events": [], "claims": [claim(cue, agency), claim(cue, agency), claim(said, witness)]}
    broadcasts = [e for e in predicted_events(doc) if e.type == "Contact.Contact.Broadcast"]
    assert [b.trigger for b in broadcasts] == [(cue["start"], cue["end"])]
    assert [(a.role, a.spans) for a in broadcasts[0].arguments] == [
        ("Communicator", {(agency["start"], agency["end"])})
    ]
    monkeypatch.setitem(eval_maps()["wikievents"], "broadcasts", False)
    assert not [e for e in predicted_events(doc) if "Broadcast" in e.type]


def test_a_boycott_or_a_labour_strike_is_no_demonstration():
    # KAIROS Demonstrate is a gathering in public; PROTEST/boycott maps to no KAIROS type.
    marched, boycott = event("PROTEST", "demo", "fled"), event("PROTEST", "boycott", "fled")
    assert [e.type for e in predicted_events({"events": [marched]})] == [
        "Conflict.Demonstrate.Unspecified"
    ]
    assert predicted_events({"events": [boycott]}) == []


def test_a_riot_is_a_demonstration_with_violence():
    riot = event("PROTEST", "riot", "fled")
    assert [e.type for e in predicted_events({"events": [riot]})] == [
        "Conflict.Demonstrate.DemonstrateWithViolence"
    ]


def test_a_destruction_told_by_a_word_of_damage_is_kairos_damage():
    # KAIROS tells Damage from Destroy by whether the artifact still stands; the word says.
    destroyed = event("ASSAULT", "destroy", "bombed")
    damaged = event("ASSAULT", "destroy", "bombed")
    damaged["trigger"] = {**damaged["trigger"], "text": "damaged"}
    kinds = [e.type for e in predicted_events({"events": [destroyed, damaged]})]
    assert kinds == [
        "ArtifactExistence.DamageDestroyDisableDismantle.Destroy",
        "ArtifactExistence.DamageDestroyDisableDismantle.Damage",
    ]
    # A mention of the event is typed by its own word too.
    destroyed["mentions"] = [
        {"trigger": {**sp("bombed"), "text": w}, "plover": "ASSAULT", "mode": "destroy"}
        for w in ("destroyed", "damaging")
    ]
    assert [e.type.rsplit(".", 1)[1] for e in predicted_events({"events": [destroyed]})] == [
        "Destroy",
        "Damage",
    ]


def _at(text: str, words: str) -> dict:
    start = text.index(words)
    return {"start": start, "end": start + len(words), "text": words, "caption": None}


@pytest.mark.parametrize(
    ("kairos", "expected"),
    [
        ("Conflict.Attack.Unspecified", True),
        ("Life.Die.Unspecified", True),
        ("Contact.Contact.Meet", False),
        ("Justice.ChargeIndict.Unspecified", False),
    ],
)
def test_conflict_subset(kairos, expected):
    assert in_conflict_subset(kairos) is expected


def test_an_event_with_mentions_gives_one_kairos_event_per_mention():
    # The bombing told in two mentions: "bombed" (explosives) and "died" (outcome killed).
    # Each takes the arguments told inside its own clause.
    first, second = sp("Rebels bombed the bridge near Aleppo."), sp("Two soldiers died.")
    told = event(
        "ASSAULT",
        "explosives",
        "bombed",
        actor1=role("Rebels"),
        actor2=role("soldiers"),
        targets=[{"name": "bridge", "evidence": [sp("bridge")]}],
        evidence=[first, second],
        mentions=[
            {
                "trigger": sp("bombed"),
                "plover": "ASSAULT",
                "mode": "explosives",
                "outcome": None,
                "evidence": [first],
            },
            {
                "trigger": sp("died"),
                "plover": "ASSAULT",
                "mode": None,
                "outcome": "killed",
                "evidence": [second],
            },
        ],
    )
    found = {
        (e.type, e.trigger_text): sorted((a.role, a.text) for a in e.arguments)
        for e in predicted_events({"events": [told]})
    }
    assert found == {
        ("Conflict.Attack.DetonateExplode", "bombed"): [
            ("Attacker", "Rebels"),
            ("Target", "bridge"),
        ],
        ("Life.Die.Unspecified", "died"): [("Victim", "soldiers")],
    }


def test_an_actor_evidenced_by_its_trigger_alone_is_no_argument(tmp_path):
    # The state of the place acts in an arrest nobody is named for: its only evidence is the
    # trigger, which names no one, so it gives no Attacker span (no spurious argument).
    state = role("Rebels") | {"name": "authorities of Syria", "evidence": [sp("bombed")]}
    with_state = event("ASSAULT", "explosives", "bombed", actor1=state)
    (kairos,) = predicted_events({"events": [with_state]})
    assert kairos.arguments == []
    named = event("ASSAULT", "explosives", "bombed", actor1=role("Rebels"))
    (kairos,) = predicted_events({"events": [named]})
    assert [a.role for a in kairos.arguments] == ["Attacker"]


def test_people_a_bombing_killed_are_victims_of_the_deaths_not_its_target():
    # One clause tells both: "Rebels bombed the bridge near Aleppo." read as if the bombing
    # and the deaths shared it. The soldiers are the Victim of the Life.Die, not a Target.
    clause = sp("Rebels bombed the bridge near Aleppo.\nTwo soldiers died.")
    mention = {"plover": "ASSAULT", "evidence": [clause]}
    told = event(
        "ASSAULT",
        "explosives",
        "bombed",
        actor1=role("Rebels"),
        actor2=role("soldiers"),
        targets=[{"name": "bridge", "evidence": [sp("bridge")]}],
        evidence=[clause],
        mentions=[
            mention | {"trigger": sp("bombed"), "mode": "explosives", "outcome": None},
            mention | {"trigger": sp("died"), "mode": None, "outcome": "killed"},
        ],
    )
    found = {
        e.trigger_text: sorted((a.role, a.text) for a in e.arguments)
        for e in predicted_events({"events": [told]})
    }
    assert found["bombed"] == [("Attacker", "Rebels"), ("Target", "bridge")]
    assert found["died"] == [("Killer", "Rebels"), ("Victim", "soldiers")]


def test_a_telling_that_names_its_own_place_has_it_as_its_place():
    # The event kept Aleppo; the telling "died" names the village in its own clause: each
    # KAIROS event takes the place its telling names, and one naming none takes none.
    first, second = sp("Rebels bombed the bridge near Aleppo."), sp("Two soldiers died.")
    place = {"name": "Aleppo", "evidence": [sp("Aleppo")]}
    told = event(
        "ASSAULT",
        "explosives",
        "bombed",
        location=place,
        evidence=[first, second],
        mentions=[
            {
                "trigger": sp("bombed"),
                "plover": "ASSAULT",
                "mode": "explosives",
                "outcome": None,
                "evidence": [first],
                "location": place,
            },
            {
                "trigger": sp("died"),
                "plover": "ASSAULT",
                "mode": None,
                "outcome": "killed",
                "evidence": [second],
                "location": {"name": "soldiers", "evidence": [sp("soldiers")]},
            },
            {
                "trigger": sp("bridge"),
                "plover": "ASSAULT",
                "mode": "explosives",
                "outcome": None,
                "evidence": [second],
            },
        ],
    )
    found = {
        e.trigger_text: sorted((a.role, a.text) for a in e.arguments if a.role == "Place")
        for e in predicted_events({"events": [told]})
    }
    assert found == {
        "bombed": [("Place", "Aleppo")],
        "died": [("Place", "soldiers")],
        "bridge": [],
    }


def test_the_referent_s_mention_inside_an_argument_phrase_is_a_candidate_span():
    # "the state news agency" is the claimant phrase; the entity's mention "agency" inside it
    # names the same Communicator, so it is a candidate span; a mention outside is not.
    text = "Rebels bombed the bridge, the state news agency reported. The agency is old."
    phrase, inner = _at(text, "the state news agency"), _at(text, "agency")
    outside = _at(text, "The agency")
    claim = {
        "cue": _at(text, "reported"),
        "claimant": {"name": phrase["text"], "entity_id": "ent-1", "evidence": [phrase]},
    }
    entities = [{"id": "ent-1", "mentions": [inner, outside]}]
    (broadcast,) = predicted_events({"claims": [claim], "entities": entities})
    assert broadcast.arguments[0].spans == {
        (phrase["start"], phrase["end"]),
        (inner["start"], inner["end"]),
    }


def test_a_cue_that_is_an_event_s_trigger_gives_no_broadcast():
    # "claimed" read both as a claim cue and as the trigger of the deaths: no Broadcast.
    text = "The bombs claimed nine lives, the agency reported."
    claimed = _at(text, "claimed")
    claim = {"cue": claimed, "claimant": {"name": "the bombs", "evidence": [_at(text, "bombs")]}}
    deaths = {"plover": "ASSAULT", "mode": None, "trigger": claimed, "certainty": "asserted"}
    types = [e.type for e in predicted_events({"events": [deaths], "claims": [claim]})]
    assert "Contact.Contact.Broadcast" not in types
    reported = claim | {"cue": _at(text, "reported")}
    types = [e.type for e in predicted_events({"events": [deaths], "claims": [reported]})]
    assert "Contact.Contact.Broadcast" in types


def test_every_further_place_a_telling_names_is_a_place_of_its_own():
    # "bombed the bridge near Aleppo" with a second place told in the same clause: KAIROS
    # marks each place, so each is a Place; a place outside the telling's clause is none.
    first, second = sp("Rebels bombed the bridge near Aleppo."), sp("Two soldiers died.")
    told = event(
        "ASSAULT",
        "explosives",
        "bombed",
        evidence=[first],
        mentions=[
            {
                "trigger": sp("bombed"),
                "plover": "ASSAULT",
                "mode": "explosives",
                "outcome": None,
                "evidence": [first],
                "location": {"name": "Aleppo", "evidence": [sp("Aleppo")]},
                "places": [
                    {"name": "bridge", "evidence": [sp("bridge")]},
                    {"name": "soldiers", "evidence": [sp("soldiers")]},
                ],
            },
        ],
    )
    (kairos,) = predicted_events({"events": [told]})
    assert sorted(a.text for a in kairos.arguments if a.role == "Place") == ["Aleppo", "bridge"]
    assert second["start"] > first["end"]


def test_a_device_put_in_place_is_no_kairos_event():
    # "planted a bomb" tells the bombing in PLOVER terms; KAIROS has no event for it.
    first = sp("Rebels bombed the bridge near Aleppo.")
    told = event(
        "ASSAULT",
        "explosives",
        "bombed",
        evidence=[first],
        mentions=[
            {
                "trigger": sp(word),
                "plover": "ASSAULT",
                "mode": "explosives",
                "outcome": None,
                "evidence": [first],
            }
            for word in ("Rebels", "bombed")
        ],
    )
    assert [e.trigger_text for e in predicted_events({"events": [told]})] == ["Rebels", "bombed"]
    told["mentions"][0]["trigger"] = {**sp("Rebels"), "text": "planted"}
    assert [e.trigger_text for e in predicted_events({"events": [told]})] == ["bombed"]


def test_an_assassination_is_an_attack_on_its_target():
    first = sp("Rebels bombed the bridge near Aleppo.")
    told = event(
        "ASSAULT",
        None,
        "bombed",
        actor2={"name": "bridge", "evidence": [sp("bridge")]},
        evidence=[first],
        mentions=[
            {
                "trigger": {**sp("bombed"), "text": text},
                "plover": "ASSAULT",
                "mode": None,
                "outcome": "killed",
                "evidence": [first],
            }
            for text in ("killed", "assassinated")
        ],
    )
    found = [(e.type, [a.role for a in e.arguments]) for e in predicted_events({"events": [told]})]
    assert found == [
        ("Life.Die.Unspecified", ["Victim"]),
        ("Conflict.Attack.Unspecified", ["Target"]),
    ]
