"""Geoparsing scorer on hand-made toponyms; numbers computed by hand in the comments."""

from __future__ import annotations

import json
import math

import pytest

from dateline.evaluate.geo import (
    CORPORA,
    GeoScorer,
    auc,
    haversine_km,
    log_error,
    median,
    positional_split,
    score_document,
)

BY_NAME = {c.name: c for c in CORPORA}
KM_PER_DEGREE = 6371.0088 * math.pi / 180  # 111.195 km along a meridian


def place(pid, spans, text, lat=None, lon=None):
    return {
        "id": pid,
        "name": text[spans[0][0] : spans[0][1]],
        "lat": lat,
        "lon": lon,
        "mentions": [{"start": s, "end": e, "text": text[s:e]} for s, e in spans],
    }


def by_name(result):
    return {m.name: m for m in result.metrics}


# -- distances and AUC -----------------------------------------------------------------
def test_haversine_one_degree_of_latitude():
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(KM_PER_DEGREE)


def test_haversine_antipodes_is_half_the_circumference():
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * 6371.0088)


def test_haversine_same_point_is_zero():
    assert haversine_km(48.85, 2.35, 48.85, 2.35) == 0.0


def test_log_error_scale():
    # log(1 + 0) = 0; log(1 + 20038) / log(20039) = 1
    assert (log_error(0.0), log_error(20038.0)) == pytest.approx((0.0, 1.0))


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        ([], None),
        ([20038.0], 1.0),
        # scaled [0, 1]: one trapezoid (0 + 1) / 2 over an index of length 1 -> 0.5
        ([20038.0, 0.0], 0.5),
        # scaled [0, 0, 1]: (0 + 0)/2 + (0 + 1)/2 = 0.5 over an index of length 2 -> 0.25
        ([0.0, 20038.0, 0.0], 0.25),
    ],
)
def test_auc_by_hand(errors, expected):
    assert auc(errors) == (None if expected is None else pytest.approx(expected))


@pytest.mark.parametrize(("values", "expected"), [([1, 3, 2], 2), ([4, 1, 3, 2], 2.5), ([], None)])
def test_median(values, expected):
    assert median(values) == expected


@pytest.mark.parametrize(("split", "expected"), [("dev", list(range(7))), ("test", [7, 8, 9])])
def test_positional_split_70_30(split, expected):
    assert positional_split(list(range(10)), split) == expected


def test_unknown_split_is_an_error():
    with pytest.raises(ValueError, match="dev"):
        positional_split([1], "train")


# -- one document, every count ----------------------------------------------------------
TEXT = "Paris and Lyon met Berlin officials in French style."
GOLD_DOC = {
    "id": "g1",
    "text": TEXT,
    "toponyms": [
        {"start": 0, "end": 5, "name": "Paris", "lat": 48.8566, "lon": 2.3522},
        {"start": 10, "end": 14, "name": "Lyon", "lat": 45.76, "lon": 4.84},
        {"start": 19, "end": 25, "name": "Berlin", "lat": None, "lon": None},
    ],
}
PREDICTION = {
    "places": [
        place("p1", [(0, 5)], TEXT, 48.8566, 2.3522),  # exact span, 0 km
        place("p2", [(10, 18)], TEXT, 47.76, 4.84),  # "Lyon met": overlap only, 2 degrees north
        place("p3", [(26, 35)], TEXT),  # "officials": spurious, no coordinates
    ]
}


def test_fixture_spans():
    for t in GOLD_DOC["toponyms"]:
        assert TEXT[t["start"] : t["end"]] == t["name"]


def test_document_counts():
    scored = score_document(BY_NAME["lgl"], GOLD_DOC, PREDICTION)
    c = scored.counts
    assert (c["gold"], c["strict_tp"], c["strict_pred"]) == (3, 1, 3)
    assert (c["overlap_tp"], c["overlap_pred"]) == (2, 3)
    # Paris 0 km (within 161), Lyon 2 degrees = 222.39 km (not); Berlin has no coordinates
    assert (c["with_coords"], c["resolved"], c["within_161"]) == (2, 2, 1)
    assert scored.errors_km == pytest.approx([0.0, 2 * KM_PER_DEGREE])


@pytest.fixture
def lgl_result():
    return GeoScorer(BY_NAME["lgl"]).score([GOLD_DOC], {"g1": PREDICTION}, "test")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("strict_p", 1 / 3),  # Paris of 3 predicted
        ("strict_r", 1 / 3),  # Paris of 3 gold
        ("strict_f1", 1 / 3),
        ("overlap_p", 2 / 3),  # Paris, Lyon
        ("overlap_r", 2 / 3),
        ("overlap_f1", 2 / 3),
        ("resolved", 1.0),  # both gold toponyms with coordinates got coordinates
        ("acc_161", 0.5),  # 0 km yes, 222 km no
        ("mean_error_km", KM_PER_DEGREE),  # (0 + 222.39) / 2
        ("median_error_km", KM_PER_DEGREE),  # middle of [0, 222.39]
        # scaled [0, log(1 + 222.39) / log(20039)] -> one trapezoid: half the second
        ("auc", math.log1p(2 * KM_PER_DEGREE) / math.log(20039) / 2),
    ],
)
def test_lgl_metrics_by_hand(lgl_result, name, expected):
    assert by_name(lgl_result)[name].value == pytest.approx(expected)


def test_error_cases(lgl_result):
    kinds = sorted((e.kind, e.span) for e in lgl_result.errors)
    assert kinds == [
        ("missed toponym", "Berlin"),
        ("resolved over 161 km", "Lyon"),
        ("spurious toponym", "officials"),
    ]


def test_zero_coverage_reads_zero_and_undefined():
    # nothing resolved: "resolved" is 0 of 2; accuracy, AUC and errors over nothing are
    # undefined (AUC 0 would read as perfect), with their n 0
    bare = {"places": [place("p1", [(0, 5)], TEXT), place("p2", [(10, 14)], TEXT)]}
    result = GeoScorer(BY_NAME["lgl"]).score([GOLD_DOC], {"g1": bare}, "test")
    metrics = by_name(result)
    assert metrics["resolved"].value == 0.0
    for name in ("acc_161", "auc", "mean_error_km", "median_error_km"):
        m = metrics[name]
        assert (m.value, m.low, m.high) == (None, None, None), name
    assert metrics["median_error_km"].n == 0
    assert metrics["acc_161"].reference  # references still shown next to "-"


def test_no_gold_coordinates_leaves_resolved_undefined():
    doc = {**GOLD_DOC, "toponyms": [{**t, "lat": None, "lon": None} for t in GOLD_DOC["toponyms"]]}
    metrics = by_name(GeoScorer(BY_NAME["lgl"]).score([doc], {"g1": PREDICTION}, "test"))
    assert metrics["resolved"].value is None
    assert metrics["strict_r"].value == pytest.approx(1 / 3)  # recognition is still scored


@pytest.mark.parametrize("corpus", [c.name for c in CORPORA])
def test_references_reach_their_metrics(corpus):
    gold = GOLD_DOC if corpus != "wiktor" else {**GOLD_DOC, "toponyms": GOLD_DOC["toponyms"][:1]}
    metrics = by_name(GeoScorer(BY_NAME[corpus]).score([gold], {"g1": PREDICTION}, "test"))
    recall = "strict_r" if corpus != "wiktor" else "strict_recall"
    for name in (recall, "acc_161", "auc", "mean_error_km", "median_error_km"):
        assert metrics[name].reference, name


# -- GeoWebNews: other spans are neither right nor wrong ---------------------------------
GWN_TEXT = "French troops left Washington Post offices in Ohio."
GWN_DOC = {
    "id": "w1",
    "text": GWN_TEXT,
    "toponyms": [
        {"start": 46, "end": 50, "name": "Ohio", "type": "Literal", "lat": 40.25, "lon": -83.0}
    ],
    "other_spans": [
        {"start": 0, "end": 6, "name": "French", "type": "Demonym", "non_locational": False},
        {
            "start": 19,
            "end": 34,
            "name": "Washington Post",
            "type": "Homonym",
            "non_locational": False,
        },
    ],
}
GWN_PRED = {
    "places": [
        place("a", [(0, 6)], GWN_TEXT),  # "French": exactly an other span
        place("b", [(19, 29)], GWN_TEXT),  # "Washington": inside an other span
        place("c", [(46, 50)], GWN_TEXT, 40.25, -83.0),  # "Ohio": right
    ]
}


def test_gwn_fixture_spans():
    spans = GWN_DOC["toponyms"] + GWN_DOC["other_spans"]
    assert all(GWN_TEXT[s["start"] : s["end"]] == s["name"] for s in spans)


@pytest.mark.parametrize(
    ("corpus", "strict_p", "overlap_p"),
    [
        # strict: "French" is not counted, "Washington" is (not exactly an other span): 1/2;
        # overlap: both are on other spans: 1/1
        ("geowebnews", 1 / 2, 1.0),
        # a corpus without other spans counts all three predictions: 1/3
        ("lgl", 1 / 3, 1 / 3),
    ],
)
def test_other_spans_are_not_false_positives(corpus, strict_p, overlap_p):
    result = GeoScorer(BY_NAME[corpus]).score([GWN_DOC], {"w1": GWN_PRED}, "test")
    metrics = by_name(result)
    assert metrics["strict_p"].value == pytest.approx(strict_p)
    assert metrics["overlap_p"].value == pytest.approx(overlap_p)


def test_gwn_notes_say_what_is_in_scope():
    result = GeoScorer(BY_NAME["geowebnews"]).score([GWN_DOC], {"w1": GWN_PRED}, "test")
    assert any("other_spans" in note and "Metonymic" in note for note in result.notes)
    assert by_name(result)["strict_r_no_modifiers"].value == 1.0
    # no modifier toponym in the gold: recall on modifiers is undefined, not 0
    assert by_name(result)["strict_r_modifiers"].value is None


# -- WikToR: recall only ----------------------------------------------------------------
def test_wiktor_reports_recall_only():
    doc = {"id": "k1", "text": TEXT, "toponyms": GOLD_DOC["toponyms"][:1]}
    result = GeoScorer(BY_NAME["wiktor"]).score([doc], {"k1": PREDICTION}, "test")
    metrics = by_name(result)
    assert "strict_p" not in metrics
    assert "strict_f1" not in metrics
    # the one gold mention (Paris) found; the other predictions are not errors
    assert metrics["strict_recall"].value == 1.0
    assert not [e for e in result.errors if e.kind == "spurious toponym"]


# -- over documents ---------------------------------------------------------------------
def test_interval_over_documents_contains_value():
    docs, preds = [], {}
    for i in range(6):
        docs.append({**GOLD_DOC, "id": f"g{i}"})
        # half the documents get their predictions, half get nothing
        preds[f"g{i}"] = PREDICTION if i % 2 else {}
    m = by_name(GeoScorer(BY_NAME["lgl"]).score(docs, preds, "test"))["strict_r"]
    # 3 documents x 1 hit of 6 documents x 3 gold = 3/18
    assert m.value == pytest.approx(3 / 18)
    assert m.low <= m.value <= m.high
    assert m.low < m.high


def test_load_and_inputs(tmp_path):
    path = tmp_path / "geo_lgl.jsonl"
    lines = [json.dumps({**GOLD_DOC, "id": f"g{i}"}) for i in range(10)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    scorer = GeoScorer(BY_NAME["lgl"])
    assert scorer.find(tmp_path) == path
    test = scorer.load(path, "test")
    assert [d["id"] for d in test] == ["g7", "g8", "g9"]
    inputs = scorer.inputs(test)
    assert (inputs[0].id, inputs[0].clean, inputs[0].published) == ("g7", False, None)


def test_five_corpora_in_order():
    assert [c.name for c in CORPORA] == ["lgl", "trnews", "geowebnews", "geovirus", "wiktor"]
