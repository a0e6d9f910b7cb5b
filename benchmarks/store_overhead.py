"""What storing adds to extraction: the pipeline alone against the pipeline writing a store.

Both sides run in this process on the same documents, the model loaded and warmed up once:
(a) ``Pipeline.pipe`` and ``to_dict`` for every document (what ``dateline extract`` does
before writing), (b) the same, then ``Store.write`` in batches of ``[store] commit_every``
into a fresh SQLite store (what ``dateline ingest`` does: records, merged events, run
counts, one transaction a batch). ``--events K`` adds K hand-made events to every document
before it is stored, standing in for the event layer until it lands, so that the merge's
share is measured too. Sides alternate; medians of ``--repeat`` runs.

    .venv/bin/python benchmarks/store_overhead.py ../shared/eval/events_muc4.jsonl --split test
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.store.helpers import event  # noqa: E402

from dateline.bench import load_inputs  # noqa: E402
from dateline.config import load_config  # noqa: E402
from dateline.pipeline import Pipeline  # noqa: E402
from dateline.store import Store  # noqa: E402
from dateline.store.rows import content_hash  # noqa: E402


def fake_events(text: str, k: int, doc: int) -> list[dict]:
    """K events of K incidents; every incident is told by three documents in a row, on its
    own day (four incidents a day over the year) and in one of 40 places, like a corpus of
    wire copy where most incidents have a few reports."""
    out = []
    for j in range(k):
        incident = (doc // 3) * k + j
        day = dt.date(2029, 1, 1) + dt.timedelta(days=incident // 4 % 365)
        place = incident % 40
        at = min(len(text) - 1, 10 * j)
        out.append(
            event(
                text=text,
                at=max(at, 0),
                id=f"ev-{max(at, 0)}" + (f".{j}" if j else ""),
                place=f"Town{place}",
                lat=30.0 + place * 0.5,
                lon=40.0 + place * 0.3,
                date=day.isoformat(),
                killed=incident % 7 + doc % 2,
                targets=(f"target{incident % 997}",),
            )
        )
    return out


def run(pipeline: Pipeline, docs: list, store: Store | None, k: int, commit_every: int) -> float:
    fresh = [doc.model_copy(deep=True) for doc in docs]
    begun = time.perf_counter()
    batch = []
    for i, doc in enumerate(pipeline.pipe(fresh)):
        data = doc.to_dict()
        if store is None:
            continue
        if k and data["text"]:
            data["events"] = fake_events(data["text"], k, i)
        batch.append((content_hash(doc), data))
        if len(batch) >= commit_every:
            store.write(batch)
            batch = []
    if store is not None and batch:
        store.write(batch)
    return time.perf_counter() - begun


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--split", default=None)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--events", type=int, default=0, metavar="K")
    args = parser.parse_args()
    config = load_config()
    docs = [d for d in load_inputs(args.paths, split=args.split, limit=args.limit, config=config)]
    pipeline = Pipeline(config)
    list(pipeline.pipe([d.model_copy(deep=True) for d in docs[:5]]))  # warm up
    bare, stored = [], []
    with tempfile.TemporaryDirectory(prefix="dateline-overhead-") as tmp:
        for r in range(args.repeat):
            bare.append(run(pipeline, docs, None, 0, config.store.commit_every))
            with Store(Path(tmp) / f"s{r}.db", config=config) as store:
                stored.append(run(pipeline, docs, store, args.events, config.store.commit_every))
    b, s = statistics.median(bare), statistics.median(stored)
    print(f"{len(docs)} documents, {args.events} hand-made events each, {args.repeat} runs")
    print(f"extraction alone:      {b:7.2f} s  ({len(docs) / b:6.1f} docs/s)")
    print(f"extraction + store:    {s:7.2f} s  ({len(docs) / s:6.1f} docs/s)")
    print(f"storing adds {100 * (s - b) / b:+.1f}% to extraction time")


if __name__ == "__main__":
    main()
