"""The merge on the store: incremental, and independent of the order documents arrive in."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.config import load_config
from dateline.document import Document, Provenance
from dateline.store import Store

from .helpers import event

TEXT = "x" * 200


def doc(doc_id: str, *events: dict, config: str = "cfg", published: str = "2024-05-03") -> dict:
    d = Document(id=doc_id, text=TEXT, source=f"{doc_id}.txt")
    d.meta.published = published
    d.provenance = Provenance(dateline="0.1.0", config=config)
    data = d.to_dict()
    data["events"] = list(events)
    return Document.from_dict(data).to_dict()


MARKET = dict(targets=("market",), weapons=("car bomb",))
CHECKPOINT = dict(targets=("army checkpoint",), weapons=("roadside bomb",))

# Three reports of a market bombing, two of a checkpoint bombing the same day in the same
# town, a protest there too, and a market bombing in another country.
CORPUS = [
    doc("a1", event(**MARKET, killed=12)),
    doc("a2", event(**MARKET, killed=14, at=5)),
    doc("a3", event(targets=("crowded market",), killed=(12, 15))),
    doc("b1", event(**CHECKPOINT, killed=2)),
    doc("b2", event(**CHECKPOINT, killed=3, actor1="Islamic State")),
    doc("c1", event(plover="PROTEST", acled="Protests", sub="Peaceful protest")),
    doc("d1", event(**MARKET, killed=12, country="SY", lat=36.2, lon=37.1, place="Aleppo")),
]


def merged(store: Store) -> list[tuple]:
    """What the store's merged events say, without store-specific row keys."""
    return sorted(
        (
            tuple(sorted(s["document"] for s in e["sources"])),
            e["key"],
            e["fatalities_low"],
            e["fatalities_high"],
            e["notes"],
        )
        for e in store.events()
    )


def test_reports_of_one_incident_become_one_merged_event(store):
    store.write([(d["id"], d) for d in CORPUS])
    groups = [sources for sources, *_ in merged(store)]
    assert groups == [("a1", "a2", "a3"), ("b1", "b2"), ("c1",), ("d1",)]
    market = next(e for e in store.events() if e["n_documents"] == 3)
    assert (market["fatalities_low"], market["fatalities_high"]) == (12, 15)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 10_000), size=st.integers(1, 4))
def test_any_order_and_any_batch_size_give_the_same_merged_events(tmp_path_factory, seed, size):
    expected_path = tmp_path_factory.mktemp("a") / "one.db"
    with Store(expected_path) as one:
        one.write([(d["id"], d) for d in CORPUS])
        expected = merged(one)
    shuffled = CORPUS[:]
    random.Random(seed).shuffle(shuffled)
    with Store(tmp_path_factory.mktemp("b") / "two.db") as two:
        for start in range(0, len(shuffled), size):
            two.write([(d["id"], d) for d in shuffled[start : start + size]])
        assert merged(two) == expected


def test_replacing_a_document_that_held_a_chain_together_splits_it(store):
    # x and z are linked only through y (both share words with y, not with each other).
    x = doc("x", event(targets=("market",), killed=10))
    y = doc("y", event(targets=("market", "mosque"), killed=10))
    z = doc("z", event(targets=("mosque",), killed=10))
    store.write([(d["id"], d) for d in (x, y, z)])
    assert [s for s, *_ in merged(store)] == [("x", "y", "z")]
    y2 = doc("y", event(plover="PROTEST", acled="Protests", sub="Peaceful protest"), config="c2")
    assert store.write([("y", y2)])[0].outcome == "replaced"
    assert [s for s, *_ in merged(store)] == [("x",), ("y",), ("z",)]
    assert store.counts()["canonical_events"] == 3


def test_changed_merge_settings_rebuild_the_merged_events(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.merge_current()
        store.write([(d["id"], d) for d in CORPUS])
        assert len(store.events()) == 4
    config = load_config(overrides={"store": {"merge": {"enabled": False}}})
    with Store(path, config=config) as store:
        assert store.merge_current() is True
        assert len(store.events()) == 7
        assert store.merge_current() is False


def test_every_article_event_belongs_to_one_merged_event(store):
    store.write([(d["id"], d) for d in CORPUS])
    unmerged = store.events(merged=False)
    assert len(unmerged) == 7
    assert sum(e["n_documents"] for e in store.events()) == 7
