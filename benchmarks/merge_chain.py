"""Does a chain of similar daily events keep ingest linear? Time per batch as the chain grows.

One town, one kind of incident every day (shelling of a market), two reports a day: each
day's reports link to the next day's through the date slack, so the whole corpus is one
group of linked events. A group larger than ``[store.merge] max_group`` is partitioned by
stretches of days, and a new event re-partitions only its own stretch. Written in batches
of ``--batch`` documents into a fresh SQLite store, the time of each batch should stay flat
as the chain grows; before the bound, each batch re-partitioned the whole chain.

    .venv/bin/python benchmarks/merge_chain.py [--days 1000] [--batch 50]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.store.helpers import event  # noqa: E402

from dateline.document import Document, Provenance  # noqa: E402
from dateline.store import Store  # noqa: E402
from dateline.store.schema import events  # noqa: E402


def documents(days: int) -> list[dict]:
    start = dt.date(2029, 1, 1)
    out = []
    for day in range(days):
        date = (start + dt.timedelta(days=day)).isoformat()
        for report in range(2):
            doc = Document(id=f"d{day:05}-{report}", text="x" * 200, source="chain")
            doc.meta.published = date
            doc.provenance = Provenance(dateline="bench", config="bench")
            data = doc.to_dict()
            data["events"] = [
                event(
                    targets=("market",), weapons=("shell",), killed=2 + report, date=date, id="ev-0"
                )
            ]
            out.append(Document.from_dict(data).to_dict())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=50)
    args = parser.parse_args()
    docs = documents(args.days)
    times = []
    with (
        tempfile.TemporaryDirectory(prefix="dateline-chain-") as tmp,
        Store(Path(tmp) / "chain.db") as store,
    ):
        for start in range(0, len(docs), args.batch):
            batch = docs[start : start + args.batch]
            begun = time.process_time()
            store.write([(d["id"], d) for d in batch])
            times.append((time.process_time() - begun) * 1000 / len(batch))
        merged = store.counts()["canonical_events"]
        with store.engine.connect() as conn:
            groups = conn.execute(
                sa.select(sa.func.count(sa.distinct(events.c.merge_group)))
            ).scalar()
    tenth = max(1, len(times) // 10)
    first, last = statistics.median(times[:tenth]), statistics.median(times[-tenth:])
    print(f"{len(docs)} reports of {args.days} days: {groups} group(s), {merged} merged events")
    print(
        f"CPU per report: first tenth {first:.1f} ms, last tenth {last:.1f} ms "
        f"(ratio {last / first:.2f})"
    )


if __name__ == "__main__":
    main()
