"""How fast a store answers "events in this country between these dates" at 1,000,000 events.

Builds a SQLite store of N synthetic merged events (countries weighted like a conflict
dataset, dates over ten years), then times ``Store.events(EventFilter(country, since,
until))`` -- the query behind ``dateline events --country --since --until`` -- including
reading the rows into records. Not a test: the figures go in the README.

    .venv/bin/python benchmarks/query_events.py [--events 1000000] [--db /tmp/q.db]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from dateline.store import EventFilter, Store
from dateline.store.schema import canonical_events

COUNTRIES = ["SY", "IQ", "YE", "AF", "NG", "SO", "ML", "CD", "SD", "PK", "UA", "MM", "ET"]
WEIGHTS = [20, 10, 10, 9, 8, 7, 6, 6, 6, 5, 5, 4, 4]
TYPES = [
    ("Battles", "Armed clash", "ASSAULT"),
    ("Explosions/Remote violence", "Air/drone strike", "ASSAULT"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "ASSAULT"),
    ("Violence against civilians", "Attack", "ASSAULT"),
    ("Protests", "Peaceful protest", "PROTEST"),
]
START = dt.date(2020, 1, 1)
DAYS = 3650


def build(db: Path, n: int, seed: int = 13) -> float:
    rng = random.Random(seed)
    begun = time.perf_counter()
    with Store(db) as store, store.engine.begin() as conn:
        batch = []
        for i in range(n):
            kind, sub, plover = rng.choice(TYPES)
            day = START + dt.timedelta(days=rng.randrange(DAYS))
            low = rng.randrange(0, 20)
            batch.append(
                {
                    "key": f"ce-{i:016x}",
                    "plover": plover,
                    "acled_event_type": kind,
                    "acled_sub_event_type": sub,
                    "actor1": "Armed group",
                    "country": rng.choices(COUNTRIES, WEIGHTS)[0],
                    "location": "Somewhere",
                    "lat": rng.uniform(-10, 40),
                    "lon": rng.uniform(0, 60),
                    "geo_precision": "town",
                    "date_earliest": day,
                    "date_latest": day,
                    "date_precision": "day",
                    "fatalities_low": low,
                    "fatalities_high": low + rng.randrange(0, 3),
                    "certainty": "asserted",
                    "n_events": 1,
                    "n_documents": 1,
                    "sources": [{"document": f"d{i}", "event": "ev-1"}],
                    "notes": "Synthetic.",
                }
            )
            if len(batch) == 20_000:
                conn.execute(canonical_events.insert(), batch)
                batch = []
        if batch:
            conn.execute(canonical_events.insert(), batch)
    with Store(db) as store, store.engine.connect() as conn:
        conn.execute(sa.text("ANALYZE"))
    return time.perf_counter() - begun


def measure(db: Path, repeat: int) -> None:
    queries = [
        (
            "IQ, one month",
            EventFilter(country=("IQ",), since=dt.date(2024, 3, 1), until=dt.date(2024, 3, 31)),
        ),
        (
            "SY, one year",
            EventFilter(country=("SY",), since=dt.date(2023, 1, 1), until=dt.date(2023, 12, 31)),
        ),
        (
            "ET, one week",
            EventFilter(country=("ET",), since=dt.date(2025, 6, 1), until=dt.date(2025, 6, 7)),
        ),
    ]
    with Store(db, create=False) as store:
        total = store.counts()["canonical_events"]
        print(f"{total:,} merged events in {db}")
        for label, where in queries:
            store.events(where)  # warm the page cache
            times, rows = [], 0
            for _ in range(repeat):
                begun = time.perf_counter()
                rows = len(store.events(where))
                times.append((time.perf_counter() - begun) * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
            print(
                f"{label:<14} {rows:>6} rows  median {statistics.median(times):7.2f} ms  "
                f"p95 {p95:7.2f} ms  (n={repeat})"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/dateline-query-bench.db"))
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--reuse", action="store_true", help="Query an existing store.")
    args = parser.parse_args()
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        seconds = build(args.db, args.events)
        print(f"built {args.events:,} events in {seconds:.1f} s", file=sys.stderr)
    measure(args.db, args.repeat)


if __name__ == "__main__":
    main()
