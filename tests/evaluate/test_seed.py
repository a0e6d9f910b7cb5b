"""The seed checklist on an invented article and reading (not the project's seed)."""

from __future__ import annotations

import copy
import json

import pytest

from dateline.evaluate.seed import SeedDoc, SeedScorer, checklist, day_range, loose_match

RAW = (
    "Rain stops village fair\n\n"
    "A crowd waits under umbrellas in Springvale. (XYZ / JANE DOE)\n"
    "Follow\n\n"
    "OLDTOWN: Police in Springvale arrested two men on Tuesday, a spokesman said.\n"
    "\u201cWe are checking the facts,\u201d the spokesman said.\n"
)
BODY = (
    "OLDTOWN: Police in Springvale arrested two men on Tuesday, a spokesman said.\n"
    "\u201cWe are checking the facts,\u201d the spokesman said."
)
GOLD = {
    "document": {
        "headline": "Rain stops village fair",
        "published": "2020-05-06",
        "dateline": ["OLDTOWN"],
        "agencies": ["XYZ"],
        "language": "en",
        "boilerplate_to_drop": [
            "the headline repeated as a body line",
            "the line 'Follow'",
            "the photo caption beginning 'A crowd waits under umbrellas' (a caption)",
        ],
    },
    "actors": [
        {
            "canonical": "Springvale police",
            "aliases_in_text": ["Police in Springvale", "a spokesman"],
        }
    ],
    "people": [],
    "temporal_expressions": [
        {"text": "on Tuesday", "context": "arrested two men on Tuesday", "value": "2020-05-05"},
        {"text": "last week", "value": ["2020-04-27", "2020-05-03"]},
    ],
    "places": [
        {
            "text": "Springvale",
            "resolved": "Springvale (town)",
            "country": "AU",
            "lat": -37.95,
            "lon": 145.15,
        }
    ],
    "events": [
        {
            "id": "E1",
            "required": True,
            "plover": "COERCE",
            "actor1": "Springvale police",
            "actor2": "two men",
            "location": {
                "name": "Springvale",
                "country": "AU",
                "lat": -37.95,
                "lon": 145.15,
                "precision": "town",
            },
            "date": "2020-05-05",
            "fatalities": {"best": 0},
            "certainty": "asserted",
            "evidence": ["Police in Springvale arrested two men on Tuesday"],
        },
        {"id": "E2", "required": False, "plover": "PROTEST", "actor1": "residents"},
    ],
    "quotes": [{"starts": "We are checking", "speaker": "Springvale police"}],
    "claims": [
        {"claim": "police arrested two men", "claimant": "a spokesman", "status": "asserted"}
    ],
}


def span(text, needle):
    start = BODY.index(needle)
    return {"start": start, "end": start + len(needle), "text": needle}


SENTENCE = "Police in Springvale arrested two men on Tuesday"
PRED = {
    "text": BODY,
    "meta": {
        "headline": "Rain stops village fair",
        "published": "2020-05-06",
        "dateline": ["OLDTOWN"],
        "agencies": [],  # the one document failure: XYZ missing
        "language": "en",
        "captions": [{"text": "A crowd waits under umbrellas in Springvale. (XYZ / JANE DOE)"}],
    },
    "entities": [{"id": "e1", "name": "Springvale police", "canonical": None, "mentions": []}],
    "places": [
        # 0.1 degree south of the gold point: 11.1 km, within the 25 km of a town
        {
            "id": "p1",
            "name": "Springvale",
            "lat": -38.05,
            "lon": 145.15,
            "country": "AU",
            "mentions": [span(BODY, "Springvale")],
        },
    ],
    "times": [
        {
            "id": "t-1",
            "evidence": [span(BODY, "Tuesday")],
            "type": "DATE",
            "value": "2020-05-05",
            "earliest": None,
            "latest": None,
        },
    ],
    "events": [
        {
            "id": "v1",
            "plover": "COERCE",
            "trigger": span(BODY, "arrested"),
            "actor1": {"name": "Police", "canonical": None, "evidence": [span(BODY, "Police")]},
            "actor2": {"name": "two men", "canonical": None, "evidence": [span(BODY, "two men")]},
            "location": {"name": "Springvale", "lat": -38.05, "lon": 145.15, "country": "AU"},
            "date": {"value": "2020-05-05", "earliest": None, "latest": None},
            "fatalities": None,
            "certainty": "asserted",
            "evidence": [span(BODY, SENTENCE)],
        }
    ],
    "quotes": [
        {
            "id": "q-1",
            "evidence": [span(BODY, "\u201cWe are checking the facts,\u201d")],
            "kind": "direct",
            "speaker": {"name": "the spokesman", "entity_id": None},
        },
    ],
    "claims": [],  # the claim is missed
}
SEED = SeedDoc(id="s1", text=RAW, gold=GOLD)


def sections(checks):
    out = {}
    for c in checks:
        passed, n = out.get(c.section, (0, 0))
        out[c.section] = (passed + c.passed, n + 1)
    return out


def test_sections_by_hand():
    # document: headline, headline not repeated, published, language, dateline, agencies (fail),
    #   line 'Follow' absent, caption kept -> 7 of 8 (the un-quoted boilerplate note adds nothing)
    # times: 'on Tuesday' found as 'Tuesday' = 2020-05-05; 'last week' missing -> 1 of 2
    # places, events, quotes: 1 of 1 each; event details: 6 of 6; claims: 0 of 1
    # actors: the name is found (1), but no entity has its mentions nor its entry (2 fail)
    # people: empty, no items
    assert sections(checklist(SEED, PRED)) == {
        "document": (7, 8),
        "times": (1, 2),
        "places": (1, 1),
        "actors": (1, 3),
        "events": (1, 1),
        "event details": (6, 6),
        "quotes": (1, 1),
        "claims": (0, 1),
    }


def test_score_overall_and_no_interval():
    result = SeedScorer().score([SEED], {"s1": PRED}, "dev")
    metrics = {m.name: m for m in result.metrics}
    # 7+1+1+1+1+6+1+0 = 18 of 8+2+1+3+1+6+1+1 = 23
    assert metrics["overall"].value == pytest.approx(18 / 23)
    assert metrics["overall"].n == 23
    assert metrics["overall"].low is None and metrics["overall"].high is None
    assert metrics["event_details"].value == 1.0  # the section "event details", snake_case
    assert {e.kind for e in result.errors} == {
        "failed document",
        "failed times",
        "failed actors",
        "failed claims",
    }


def test_nothing_predicted_passes_nothing():
    result = SeedScorer().score([SEED], {}, "test")
    assert {m.name: m.value for m in result.metrics}["overall"] == 0.0


def test_a_time_in_a_photo_caption_counts():
    gold = copy.deepcopy(GOLD)
    gold["temporal_expressions"] = [
        {"text": "May 4, 2020", "context": "photo caption", "value": "2020-05-04"}
    ]
    pred = copy.deepcopy(PRED)
    caption = "Crowds on May 4, 2020 in Springvale."
    pred["meta"]["captions"] = [{"text": caption}]
    start = caption.index("May")
    evidence = {"start": start, "end": start + 11, "text": "May 4, 2020", "caption": 0}
    pred["times"] = [
        {"id": "t-c0-10", "evidence": [evidence], "type": "DATE", "value": "2020-05-04"}
    ]
    times = [
        c for c in checklist(SeedDoc(id="s1", text=RAW, gold=gold), pred) if c.section == "times"
    ]
    assert [c.passed for c in times] == [True]


def test_wrong_time_value_fails():
    pred = copy.deepcopy(PRED)
    pred["times"][0]["value"] = "2020-05-12"
    times = [c for c in checklist(SEED, pred) if c.section == "times"]
    assert [c.passed for c in times] == [False, False]
    assert "2020-05-12" in times[0].reason


def test_place_too_far_fails():
    pred = copy.deepcopy(PRED)
    pred["places"][0]["lat"] = -38.5  # 0.55 degree: 61 km, over the 25 km of a town
    [place] = [c for c in checklist(SEED, pred) if c.section == "places"]
    assert not place.passed


def test_event_with_other_type_fails():
    pred = copy.deepcopy(PRED)
    pred["events"][0]["plover"] = "ASSAULT"
    [event] = [c for c in checklist(SEED, pred) if c.section == "events"]
    assert not event.passed
    assert "ASSAULT" in event.reason


def test_caption_left_in_text_fails():
    pred = copy.deepcopy(PRED)
    pred["text"] = "A crowd waits under umbrellas in Springvale.\n" + BODY
    checks = [c for c in checklist(SEED, pred) if c.item.startswith("caption")]
    assert [c.passed for c in checks] == [False]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-05-05", ("2020-05-05", "2020-05-05")),
        ("2020-02", ("2020-02-01", "2020-02-29")),
        ("2016", ("2016-01-01", "2016-12-31")),
        (["2017-08-28", "2017-09"], ("2017-08-28", "2017-09-30")),
        ("P3Y", None),
    ],
)
def test_day_range(value, expected):
    got = day_range(value)
    assert (None if got is None else (got[0].isoformat(), got[1].isoformat())) == expected


@pytest.mark.parametrize(
    ("expected", "got", "ok"),
    [
        (["United States (US-led coalition)"], ["US-led coalition"], True),
        (["Police of Tajikville"], ["police in Tajikville"], True),
        (["Springvale police"], ["Oldtown council"], False),
        (["Springvale police"], [None], False),
    ],
)
def test_loose_match(expected, got, ok):
    assert loose_match(expected, got) is ok


def test_scorer_reads_gold_and_text_from_a_folder(tmp_path):
    folder = tmp_path / "seed"
    folder.mkdir()
    (folder / "s1.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (folder / "s1.txt").write_text(RAW, encoding="utf-8")
    (folder / "orphan.gold.json").write_text("{}", encoding="utf-8")  # no .txt: skipped
    scorer = SeedScorer()
    assert scorer.find(tmp_path) == folder
    [doc] = scorer.load(folder, "test")
    assert (doc.id, doc.text, doc.gold["document"]["headline"]) == (
        "s1",
        RAW,
        "Rain stops village fair",
    )
    [item] = scorer.inputs([doc])
    assert (item.clean, item.published) == (True, None)


@pytest.mark.parametrize(("plover", "passes"), [("AGREE", True), ("COERCE", False)])
def test_only_a_symmetric_dyad_may_be_read_in_either_order(plover, passes):
    gold = copy.deepcopy(GOLD)
    gold["events"][0]["plover"] = plover
    pred = copy.deepcopy(PRED)
    event = pred["events"][0]
    event["plover"] = plover
    event["actor1"], event["actor2"] = event["actor2"], event["actor1"]
    [check] = [
        c for c in checklist(SeedDoc(id="s1", text=RAW, gold=gold), pred) if c.section == "events"
    ]
    assert check.passed is passes


def test_claim_words_match_however_a_compound_is_spelled():
    from dateline.evaluate.seed import shared_words

    assert shared_words("the army air strike hit a depot", "an airstrike by the army") == (3, 5)
    assert shared_words("a ceasefire was agreed", "the cease-fire was agreed") == (3, 3)
    assert shared_words("rebels shelled the town", "troops entered a village") == (0, 3)
