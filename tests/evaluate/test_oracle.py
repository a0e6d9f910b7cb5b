"""Oracle predictions score 1.0 on hand-made gold (our own sentences, no evaluation data)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dateline.document import Document
from dateline.evaluate.geo import geo_scorers
from dateline.evaluate.muc4 import MUC4Scorer
from dateline.evaluate.oracle import geo_oracle, muc4_oracle, oracle_for, run_oracles, te3_oracle
from dateline.evaluate.runner import SCORERS
from dateline.evaluate.te3 import TE3Scorer


def write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def at(text: str, needle: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def values(result: Any) -> dict[str, float | None]:
    return {m.name: m.value for m in result.metrics}


TE3_TEXT = "The harbour reopened on Tuesday after three weeks of repairs, officials said last May."


def test_te3_oracle_scores_one(tmp_path):
    timexes = [
        at(TE3_TEXT, "Tuesday") | {"type": "DATE", "value": "2016-03-08"},
        at(TE3_TEXT, "three weeks") | {"type": "DURATION", "value": "P3W"},
        at(TE3_TEXT, "last May") | {"type": "DATE", "value": "2015-05"},
    ]
    record = {"id": "h1", "dct": "2016-03-10", "text": TE3_TEXT, "timexes": timexes}
    path = write(tmp_path / "timex_te3.jsonl", [record])
    scorer = TE3Scorer()
    gold = scorer.load(path, "test")
    oracle = te3_oracle(scorer, gold, path, "test")
    scores = values(scorer.score(gold, oracle.predictions, "test"))
    for name in ("relaxed_f1", "strict_f1", "value_f1", "value_accuracy", "type_accuracy"):
        assert scores[name] == 1.0, name
    assert not oracle.gaps
    # The predictions are valid contract documents.
    Document.from_dict(oracle.predictions["h1"])


GEO_TEXT = "Flooding closed roads between Lyon and Grenoble, and rain reached Geneva by night."


def test_geo_oracle_scores_one(tmp_path):
    toponyms = [
        at(GEO_TEXT, "Lyon") | {"name": "Lyon", "lat": 45.76, "lon": 4.84},
        at(GEO_TEXT, "Grenoble") | {"name": "Grenoble", "lat": 45.19, "lon": 5.72},
        at(GEO_TEXT, "Geneva") | {"name": "Geneva", "lat": None, "lon": None},
    ]
    record = {"id": "g1", "text": GEO_TEXT, "toponyms": toponyms}
    scorer = next(s for s in geo_scorers() if s.name == "lgl")
    path = write(tmp_path / "geo_lgl.jsonl", [record])
    gold = scorer.load(path, "dev")  # one document: the first 70 % is all of it
    oracle = geo_oracle(scorer, gold, path, "dev")
    scores = values(scorer.score(gold, oracle.predictions, "dev"))
    for name in ("strict_f1", "overlap_f1", "resolved", "acc_161"):
        assert scores[name] == 1.0, name
    assert scores["mean_error_km"] == 0.0
    Document.from_dict(oracle.predictions["g1"])


MUC_TEXT = (
    "masked armed youths of the river front set fire to a warehouse in puerto claro "
    "with petrol bombs, killing the guard julio ramos."
)


def _muc_template(incident: str, **roles: list[str]) -> dict[str, Any]:
    template: dict[str, Any] = {
        "incident_type": incident,
        "template_no": 1,
        "optional": False,
        "spans": {},
        "key_slots": {
            "incident_date": "- 03 MAR 90",
            "incident_location": "NOWHERE: PUERTO CLARO (TOWN)",
            "hum_tgt_effect": 'DEATH: "JULIO RAMOS"',
            "hum_tgt_description": '"GUARD"',
        },
    }
    for role in ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon"):
        strings = roles.get(role, [])
        template[role] = [[s] for s in strings]
        template["spans"][role] = [[at(MUC_TEXT, s)] for s in strings]
    return template


def test_muc4_oracle_scores_one(tmp_path):
    template = _muc_template(
        "arson",
        PerpInd=["masked armed youths"],  # "armed" is an organisation word
        PerpOrg=["river front"],
        Target=["warehouse"],
        Victim=["julio ramos"],
        Weapon=["petrol bombs"],
    )
    robbery = _muc_template("extortion", Target=["warehouse"])
    records = [
        {
            "id": "m1",
            "split": "dev",
            "dateline": "PUERTO CLARO, 4 MAR 90 (INVENTED)",
            "text": MUC_TEXT,
            "templates": [template],
        },
        {
            "id": "m2",
            "split": "dev",
            "dateline": None,
            "text": "nothing happened.",
            "templates": [],
        },
        {
            "id": "m3",
            "split": "dev",
            "dateline": None,
            "text": MUC_TEXT,
            "templates": [robbery],
        },
    ]
    path = write(tmp_path / "events_muc4.jsonl", records)
    scorer = MUC4Scorer()
    gold = scorer.load(path, "dev")
    oracle = muc4_oracle(scorer, gold[:2], path, "dev")
    scores = values(scorer.score(gold[:2], oracle.predictions, "dev"))
    for name, value in scores.items():
        assert value == 1.0, name
    assert not oracle.gaps
    for doc in oracle.predictions.values():
        Document.from_dict(doc)
    # Spans index the text fed to dateline: the dateline header comes first.
    event = oracle.predictions["m1"]["events"][0]
    assert event["actor1"]["evidence"][0]["text"] == "masked armed youths"

    # An incident type with no PLOVER equivalent: left out and counted, the ceiling is below 1.
    oracle = muc4_oracle(scorer, gold, path, "dev")
    assert oracle.gaps["muc4 incident type 'extortion' (templates)"] == 1
    assert oracle.predictions["m3"]["events"] == []
    assert values(scorer.score(gold, oracle.predictions, "dev"))["tf_recall"] < 1.0


def test_every_scorer_but_the_seed_has_an_oracle():
    assert [s.name for s in SCORERS if oracle_for(s) is None] == ["seed"]


def test_run_oracles_skips_missing_corpora(tmp_path):
    results, notes = run_oracles(tmp_path, split="test", only=["te3", "muc4"])
    assert results == []
    assert any("timex_te3.jsonl not found" in n for n in notes)
