"""The time layer against its news dev set (fixtures/times/news_dev*.jsonl): real reports of the
geoparsing corpora's dev parts, annotated by us. The texts live in the shared data folder
(../shared or $DATELINE_DATA); without it the scoring tests are skipped, the format tests run.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from .timedev import predict, score
from .timenews import DEFAULT_DATA, NEWS_DEV, load

# (strict F1, value F1) each part must keep; a little under what the layer scores now.
FLOORS = {
    "news_dev.jsonl": (0.98, 0.97),
    "news_dev_2.jsonl": (0.98, 0.98),
    "news_dev_3.jsonl": (0.98, 0.95),
    "news_dev_4.jsonl": (0.98, 0.98),
    "news_dev_5.jsonl": (0.98, 0.98),
}
# Only corpora with a tuning split: the first 70 % of the geoparsing files, WikiEvents and MUC-4 dev.
CORPORA = ("geo_lgl", "geo_trnews", "geo_geowebnews", "events_wikievents", "events_muc4")
KEYS = {"corpus", "id", "dct", "sha1", "timexes"}
TIMEX_KEYS = {"start", "end", "type", "value"}


@pytest.mark.parametrize("path", NEWS_DEV, ids=lambda p: p.name)
def test_the_set_holds_offsets_and_no_text(path):
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert len(rows) >= 15
    for row in rows:
        assert set(row) == KEYS
        assert row["corpus"] in CORPORA
        for timex in row["timexes"]:
            assert set(timex) == TIMEX_KEYS
            assert 0 <= timex["start"] < timex["end"]
            assert timex["type"] in ("DATE", "TIME", "DURATION", "SET")


def test_a_changed_text_is_named(tmp_path):
    row = json.loads(NEWS_DEV[0].read_text("utf-8").splitlines()[0])
    (tmp_path / "eval").mkdir()
    fake = {"id": row["id"], "text": "Another text altogether."}
    (tmp_path / "eval" / f"{row['corpus']}.jsonl").write_text(json.dumps(fake) + "\n", "utf-8")
    assert hashlib.sha1(fake["text"].encode()).hexdigest() != row["sha1"]
    with pytest.raises(ValueError, match=rf"news_dev.jsonl:1: .*{row['id']}"):
        load(NEWS_DEV[0], tmp_path)


@pytest.mark.skipif(not (DEFAULT_DATA / "eval").is_dir(), reason="no shared data folder")
@pytest.mark.parametrize("path", NEWS_DEV, ids=lambda p: p.name)
def test_the_layer_keeps_its_floors(pipeline, path):
    items = load(path, DEFAULT_DATA)
    for item in items:
        for gold in item.gold:
            assert gold["text"].strip() == gold["text"] and gold["text"]
    figures, _ = score(items, predict(items, pipeline))
    strict_f1, value_f1 = FLOORS[path.name]
    assert figures["strict_f1"] >= strict_f1
    assert figures["value_f1"] >= value_f1
