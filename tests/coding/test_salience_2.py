"""Event salience, second round: the features that tell a report's own fresh incident from
background (sentence rank, age thresholds, quotes and claims, the document's focus place,
whether the report has an attack in its lead), the shipped model's judgement of them on
texts written for these tests, and the training script's held-out slice."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from dateline.coding import salience
from dateline.records import Event, EventDate, Location, Place, Role, Span

from .conftest import coded

SCOPE = frozenset({"ASSAULT"})
ROOT = Path(__file__).resolve().parents[2]


def span(start: int, text: str) -> Span:
    return Span(start=start, end=start + len(text), text=text)


def assault(start: int, trigger: str = "attacked", **fields) -> Event:
    return Event(
        id=f"ev-{start}",
        plover="ASSAULT",
        trigger=span(start, trigger),
        evidence=[span(start, trigger)],
        **fields,
    )


def dated(value: str, start: int) -> EventDate:
    return EventDate(value=value, latest=value, precision="day", evidence=[span(start, value)])


TEXT = (
    "Gunmen attacked a bus in Tumbes on Monday. "
    "Police said the attack was the worst this year.\n"
    "In 2019 rebels attacked the same road. "
    '"They bombed the bridge," a witness said.'
)


def test_sentence_rank_comes_from_the_text_and_counts_line_breaks():
    ctx = salience.context(
        [], text_length=len(TEXT), published=None, places=[], named=[], scope=SCOPE, text=TEXT
    )
    assert ctx.sentence(TEXT.index("attacked")) == 0
    assert ctx.sentence(TEXT.index("attack was")) == 1
    assert ctx.sentence(TEXT.index("rebels")) == 2
    assert ctx.sentence(TEXT.index("bombed")) == 3


def test_features_mark_quotes_claims_age_thresholds_and_the_lead():
    fresh = assault(TEXT.index("attacked"), date=dated("2025-03-03", 30))
    old = assault(TEXT.rindex("attacked"), date=dated("2019-06-01", 90))
    quoted_at = TEXT.index("bombed")
    quoted = assault(quoted_at, "bombed")
    said = TEXT.index("They bombed")
    ctx = salience.context(
        [fresh, old, quoted],
        text_length=len(TEXT),
        published="2025-03-05",
        places=[],
        named=[],
        scope=SCOPE,
        text=TEXT,
        quotes=[(said, said + len("They bombed the bridge,"))],
        claims=[(said, said + len("They bombed the bridge"), "reported")],
    )
    f_fresh, f_old, f_quoted = (salience.features(e, ctx) for e in (fresh, old, quoted))
    assert f_fresh["sent:0-1"] == 1.0 and f_old["sent:2+"] == 1.0
    assert not any(k.startswith("age>") for k in f_fresh)
    assert f_old["age>7"] == f_old["age>31"] == f_old["age>92"] == 1.0
    assert f_quoted["quoted"] == 1.0 and f_quoted["claim=reported"] == 1.0
    assert "quoted" not in f_fresh and "claim=reported" not in f_old
    # The report has an attack in its lead: every event of it says so.
    assert f_fresh["doc:lead"] == f_old["doc:lead"] == 1.0


def test_a_report_with_no_attack_in_its_lead_is_marked_so():
    text = "x" * 900 + " rebels attacked a post."
    late = assault(text.index("attacked"))
    ctx = salience.context(
        [late], text_length=len(text), published=None, places=[], named=[], scope=SCOPE, text=text
    )
    f = salience.features(late, ctx)
    assert f["doc:no_lead"] == 1.0 and "doc:lead" not in f


def test_the_focus_place_is_the_one_named_most():
    def place(pid: str, starts: list[int]) -> Place:
        return Place(id=pid, name=pid, mentions=[span(s, "X") for s in starts])

    places = [place("pl-a", [50]), place("pl-b", [10, 80]), place("pl-c", [5, 90])]
    # pl-b and pl-c are named twice; pl-c first.
    assert salience.top_place(places) == "pl-c"
    at_c = assault(
        5, location=Location(place_id="pl-c", name="C", evidence=[span(5, "C")], country="PE")
    )
    at_a = assault(
        50, location=Location(place_id="pl-a", name="A", evidence=[span(50, "A")], country="PE")
    )
    ctx = salience.context(
        [at_c, at_a], text_length=100, published=None, places=places, named=[], scope=SCOPE
    )
    assert salience.features(at_c, ctx)["loc:top"] == 1.0
    assert "loc:top" not in salience.features(at_a, ctx)


def test_the_focus_actor_is_the_most_mentioned_side_of_the_events():
    def role(entity_id: str, at: int) -> Role:
        return Role(name=entity_id, entity_id=entity_id, evidence=[span(at, "X")])

    main = assault(10, actor1=role("ent-rebels", 0), actor2=role("ent-mayor", 20))
    other = assault(60, actor1=role("ent-army", 50))
    ctx = salience.context(
        [main, other],
        text_length=100,
        published=None,
        places=[],
        named=[],
        scope=SCOPE,
        entity_mentions={"ent-rebels": 1, "ent-mayor": 4, "ent-army": 2},
    )
    assert ctx.top_actor == "ent-mayor"
    assert salience.features(main, ctx)["actor:top"] == 1.0
    assert "actor:top" not in salience.features(other, ctx)


def test_the_shipped_model_weighs_the_new_features_the_right_way():
    weights = salience.model().weights
    # Older than a month, and older still, lowers it; the lead sentence and the document's
    # main actor raise it.
    assert weights["age>92"] < 0.0 and weights["age>31"] < 0.0
    assert weights["sent:0-1"] > weights["sent:2+"]
    assert weights["actor:top"] > 0.0


def test_an_old_background_attack_scores_below_the_fresh_lead_attack(pipeline):
    doc = coded(
        pipeline,
        "LIMA, 5 Mar (Wire) -- Gunmen shot dead two policemen at a checkpoint in Ayacucho "
        "on Monday night, police said.\n"
        "The officers were guarding a bridge on the road to Huanta when a group of armed men "
        "opened fire from a passing truck.\n"
        "The region has seen little violence in recent years. In 1984 rebels massacred 40 "
        "peasants in a village near Huanta, and in 1989 guerrillas bombed the same bridge.",
    )
    fresh = next(e for e in doc.events if e.trigger.text == "shot")
    old = [e for e in doc.events if e.trigger.text in ("massacred", "bombed")]
    assert fresh.salience is not None and old
    assert all(e.salience is not None and e.salience < fresh.salience for e in old)
    assert fresh.salience >= 0.3


def test_an_old_attack_told_in_a_report_about_something_else_is_not_salient(pipeline):
    doc = coded(
        pipeline,
        "BOGOTA, 5 Mar (Wire) -- The Colombian Congress approved the national budget on "
        "Tuesday after three weeks of debate, the speaker said.\n"
        "The finance minister said spending on roads and schools would rise by 8 percent.\n"
        "Opposition deputies recalled that in 1998 guerrillas had bombed an oil pipeline "
        "in Arauca, and asked for more money for the army.",
    )
    old = [e for e in doc.events if e.salience is not None]
    assert old, [(e.trigger.text, e.plover) for e in doc.events]
    assert all(e.salience < 0.3 for e in old)


def test_the_training_script_never_fits_on_the_held_out_slice(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "train_salience", ROOT / "scripts/train_salience.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.HELD_OUT == (1000, 1300)
    eval_dir = tmp_path / "eval"
    eval_dir.mkdir()
    lines = [f'{{"id": "t{i}", "split": "train", "text": "x"}}' for i in range(1302)]
    lines.append('{"id": "d0", "split": "dev", "text": "x"}')
    (eval_dir / "events_muc4.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    ids = [r["id"] for r in module.train_records(tmp_path)]
    assert ids[:1000] == [f"t{i}" for i in range(1000)]
    assert ids[1000:] == ["t1300", "t1301"]
    assert not {f"t{i}" for i in range(1000, 1300)} & set(ids)
