"""The time layer against its development set (fixtures/times/dev_expressions*.txt).

The floors sit a little under what the layer scores now (see ``python -m tests.nlp.timedev``):
a change that loses more than a few expressions fails here and must say why.
"""

from __future__ import annotations

import pytest

from .timedev import DEV_SETS, load, predict, score

# (relaxed P, relaxed R, strict F1, value F1) each part must keep.
FLOORS = {
    "dev_expressions.txt": (0.98, 0.98, 0.97, 0.96),
    "dev_expressions_2.txt": (0.97, 0.96, 0.95, 0.94),
    "dev_expressions_3.txt": (0.98, 0.98, 0.97, 0.97),
    "dev_expressions_4.txt": (0.98, 0.98, 0.97, 0.97),
    "dev_expressions_5.txt": (0.97, 0.97, 0.95, 0.95),
    "dev_expressions_6.txt": (0.98, 0.98, 0.97, 0.97),
    "dev_expressions_7.txt": (0.98, 0.98, 0.96, 0.96),
    "dev_expressions_8.txt": (0.98, 0.98, 0.97, 0.96),
    "dev_expressions_9.txt": (0.98, 0.98, 0.98, 0.98),
    "dev_expressions_10.txt": (0.98, 0.98, 0.97, 0.97),
    "dev_expressions_11.txt": (0.98, 0.98, 0.97, 0.97),
    "dev_expressions_12.txt": (0.98, 0.98, 0.97, 0.97),
    "dev_expressions_13.txt": (0.98, 0.98, 0.97, 0.97),
    "dev_expressions_14.txt": (0.98, 0.98, 0.97, 0.97),
}


def test_the_set_is_well_formed():
    for path in DEV_SETS:
        items = load(path)
        assert len(items) > 50
        for item in items:
            for gold in item.gold:
                assert item.text[gold["start"] : gold["end"]] == gold["text"]


def test_a_malformed_mark_names_its_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("@dct 2021-03-17\nTalks resumed on {Monday|DAY|2021-03-15}.\n", "utf-8")
    with pytest.raises(ValueError, match=r"bad.txt:2"):
        load(bad)


@pytest.mark.parametrize("path", DEV_SETS, ids=lambda p: p.name)
def test_the_layer_keeps_its_floors(pipeline, path):
    items = load(path)
    figures, _ = score(items, predict(items, pipeline))
    relaxed_p, relaxed_r, strict_f1, value_f1 = FLOORS[path.name]
    assert figures["relaxed_p"] >= relaxed_p
    assert figures["relaxed_r"] >= relaxed_r
    assert figures["strict_f1"] >= strict_f1
    assert figures["value_f1"] >= value_f1
