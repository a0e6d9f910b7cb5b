"""kill -9 an ingest at random moments, run it again, and check the store against an
uninterrupted run: nothing lost, nothing doubled, the same merged events.

A corpus of synthetic articles (several reports per incident, so that merging has work to
do, and a few bad inputs) is ingested once without interruption; its store fingerprint is
the reference. Then, RUNS times: a fresh store, an ingest killed with SIGKILL after a random
delay (two kills per run, the second during the resumed run), and a last run to the end.
The resumed store must have the reference fingerprint and exactly one row per document.

The pipeline is clean + language + a synthetic event stage (no spaCy model), so one run
takes seconds; what is tested is the store's transactions, not the extraction.

    .venv/bin/python benchmarks/kill_ingest.py [--runs 20] [--articles 300] [--workers 1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the synthetic stage lives with the tests

from dateline.config import load_config  # noqa: E402
from dateline.store import Store  # noqa: E402

STAGES = ["dateline.clean.v1", "dateline.language.v1", "test.synthetic_events.v1"]
MARKER = (
    "[[event Explosions/Remote violence; Remote explosive/landmine/IED; IQ; Kirkuk; "
    "{lat}; 44.39; 2029-03-{day:02d}; {killed}; -; -; {target}]]"
)


def config(commit_every: int):
    return load_config(
        overrides={"pipeline": {"stages": STAGES}, "store": {"commit_every": commit_every}}
    )


def make_corpus(folder: Path, articles: int, seed: int = 7) -> int:
    """Synthetic articles, three or four per incident, and a few bad inputs; returns bad ones."""
    rng = random.Random(seed)
    lines = []
    for i in range(articles):
        incident = i // 3
        text = (
            f"KIRKUK, March {1 + incident % 28} (Wire {i}) - A bomb exploded at target number "
            f"{incident} in Kirkuk, killing people, police said in report {i}.\n"
            + MARKER.format(
                lat=35.0 + (incident % 50) * 0.3,
                day=1 + incident % 28,
                killed=incident % 9 + rng.randrange(3),
                target=f"site{chr(97 + incident % 26)}{chr(97 + incident // 26 % 26)}",
            )
            + "\n"
        )
        lines.append(json.dumps({"id": f"a{i:05d}", "text": text, "published": "2029-03-28"}))
    lines.insert(articles // 2, "{this line is not JSON")
    (folder / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return 2


def child(db: str, corpus: str, workers: int, commit_every: int) -> None:
    """One ingest, as ``dateline ingest`` runs it, with the synthetic stage registered."""
    from tests.store.helpers import synthetic_pipeline

    from dateline.store.ingest import ingest

    cfg = config(commit_every)
    with Store(db, config=cfg) as store:
        ingest([corpus], store=store, config=cfg, workers=workers, factory=synthetic_pipeline)


def run_child(
    db: Path, corpus: Path, workers: int, commit_every: int, kill_after: float | None
) -> str:
    command = [
        sys.executable,
        __file__,
        "--child",
        str(db),
        str(corpus),
        str(workers),
        str(commit_every),
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    if kill_after is None:
        _, err = process.communicate()
        if process.returncode != 0:
            raise SystemExit(f"uninterrupted run failed:\n{err.decode()}")
        return "finished"
    try:
        process.wait(timeout=kill_after)
        return "finished before the kill"
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the ingest and its worker processes
        process.wait()
        return f"killed after {kill_after:.2f} s"


def check(db: Path, expected: str, documents: int) -> tuple[bool, str]:
    with Store(db) as store:
        counts = store.counts()
        same = store.fingerprint() == expected
    ok = same and counts["documents"] == documents
    return (
        ok,
        f"documents {counts['documents']}/{documents}, merged {counts['canonical_events']}, fingerprint {'same' if same else 'DIFFERENT'}",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--commit-every", type=int, default=4)
    parser.add_argument("--seed", type=int, default=2029)
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        db, corpus, workers, commit_every = args.child
        child(db, corpus, int(workers), int(commit_every))
        return
    rng = random.Random(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="dateline-kill-") as tmp:
        folder = Path(tmp)
        make_corpus(folder, args.articles)
        reference = folder / "reference.db"
        begun = time.perf_counter()
        run_child(reference, folder, args.workers, args.commit_every, None)
        duration = time.perf_counter() - begun
        with Store(reference) as store:
            expected, documents = store.fingerprint(), store.counts()["documents"]
        print(f"reference: {documents} documents in {duration:.1f} s")
        for run in range(1, args.runs + 1):
            db = folder / f"run{run}.db"
            what = []
            # The first kill anywhere in a whole run, the second in the shorter resumed one.
            for share in (0.9, 0.6):
                delay = rng.uniform(0.5, share * duration)
                what.append(run_child(db, folder, args.workers, args.commit_every, delay))
            run_child(db, folder, args.workers, args.commit_every, None)
            ok, detail = check(db, expected, documents)
            failures += not ok
            print(f"run {run:2d}: {'ok  ' if ok else 'FAIL'} {'; '.join(what)}; {detail}")
    print(f"{args.runs - failures} of {args.runs} runs equal to the uninterrupted store")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
