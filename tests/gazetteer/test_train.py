"""The place ranker's trainer: fitting, labels, and a whole run on a corpus we write here."""

from __future__ import annotations

import json

import numpy as np
import pytest

from dateline.errors import ConfigError
from dateline.gazetteer.index import Candidate
from dateline.gazetteer.rank import FEATURES, Scored, load_ranker
from dateline.gazetteer.train import fit_conditional_logit, fit_logistic, run, target


def candidate(n, lat, lon, feature="PPL"):
    return Candidate(n, n, f"P{n}", lat, lon, "US", "", "", feature, 1000, 1)


def scored(*cands):
    return Scored(list(cands), np.zeros((len(cands), len(FEATURES))), np.zeros(len(cands)))


def test_the_logit_learns_which_feature_marks_the_right_candidate():
    rng = np.random.default_rng(0)
    groups = []
    for _ in range(200):
        x = rng.normal(size=(4, 3))
        right = int(rng.integers(4))
        x[right, 1] += 2.0  # feature 1 marks the right candidate; 0 and 2 are noise
        groups.append((x, right, 1.0))
    w = fit_conditional_logit(groups, 3)
    assert w[1] > 1.0 and abs(w[0]) < 0.5 and abs(w[2]) < 0.5
    assert np.array_equal(w, fit_conditional_logit(groups, 3))  # deterministic


def test_the_logistic_model_learns_a_probability():
    rng = np.random.default_rng(1)
    x = np.column_stack([np.ones(400), rng.normal(size=400)])
    y = (rng.random(400) < 1 / (1 + np.exp(-3 * x[:, 1]))).astype(float)
    w = fit_logistic(x, y, np.ones(400))
    assert 2.0 < w[1] < 4.5 and abs(w[0]) < 0.5


def test_the_target_is_the_nearest_candidate_within_161_km():
    s = scored(candidate(1, 40.0, -75.0), candidate(2, 40.5, -75.0), candidate(3, 10.0, 10.0))
    assert target(s, (40.45, -75.0)) == 1
    assert target(s, (20.0, 20.0)) is None  # a town 1,500 km off is a wrong town


def test_an_area_placed_by_another_convention_is_still_the_right_area():
    s = scored(candidate(1, 60.1, -113.6, "PCLI"), candidate(2, 45.0, -75.0))
    assert target(s, (60.0, -95.0)) == 0  # 1,000 km between the two points of Canada


def test_training_needs_known_corpora_that_are_there(tmp_path):
    with pytest.raises(ConfigError, match="lgl"):
        run(tmp_path, corpora=["lgl"])
    with pytest.raises(ConfigError, match="nowhere"):
        run(tmp_path, corpora=["nowhere"])


ARTICLES = [
    (
        "Flooding closed roads in Paris, Texas, on Monday, and crews from Dallas were sent "
        "north to help.",
        [("Paris", 33.6609, -95.5555), ("Texas", 31.2504, -99.2506), ("Dallas", 32.7831, -96.8067)],
    ),
    (
        "The mayor of Paris opened the new metro line, the first since the city hosted the "
        "Olympics. Visitors from Lyon and Marseille came for the day.",
        [("Paris", 48.8534, 2.3488), ("Lyon", 45.7485, 4.8467), ("Marseille", 43.2970, 5.3811)],
    ),
    (
        "Shelling hit Mosul and villages near Tal Afar, officials in Baghdad said on Friday.",
        [("Mosul", 36.335, 43.1189), ("Tal Afar", 36.3792, 42.4497), ("Baghdad", 33.3406, 44.4009)],
    ),
    ("A storm reached Lisbon.", [("Lisbon", 38.7167, -9.1333)]),
]


def write_corpus(folder):
    (folder / "eval").mkdir()
    with (folder / "eval" / "geo_lgl.jsonl").open("w", encoding="utf-8") as fh:
        for n, (text, names) in enumerate(ARTICLES):
            toponyms = []
            for name, lat, lon in names:
                start = text.index(name)
                toponyms.append(
                    {"start": start, "end": start + len(name), "name": name, "lat": lat, "lon": lon}
                )
            fh.write(json.dumps({"id": f"doc-{n}", "text": text, "toponyms": toponyms}) + "\n")


def test_a_run_writes_a_ranker_that_loads_the_same_every_time(tmp_path):
    write_corpus(tmp_path)
    first, counts = run(tmp_path, corpora=["lgl"], output=tmp_path / "a.json")
    second, _ = run(tmp_path, corpora=["lgl"], output=tmp_path / "b.json", cache=tmp_path / "c")
    third, _ = run(tmp_path, corpora=["lgl"], output=tmp_path / "d.json", cache=tmp_path / "c")
    assert counts == {"lgl": 9}  # the dev split: the first three articles (70 % of four)
    assert first.read_bytes() == second.read_bytes() == third.read_bytes()
    ranker = load_ranker(first)
    assert ranker.weights.shape == (len(FEATURES),)
    assert json.loads(first.read_text("utf-8"))["trained"]["split"] == "dev"
