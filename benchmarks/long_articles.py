"""Peak memory and time of one very long article, each size in a fresh process.

Issue #7 (defect 1): peak memory per worker must stay under 1 GB for any accepted input, up
to the 5 MB limit, whatever ``[parse] batch_size``. This script writes wire-style articles
of the sizes asked for (made up from sentence templates, deterministic), extracts each in a
new Python process (``read_inputs`` -> ``Pipeline.pipe`` -> JSON written to /dev/null, as
``dateline extract FILE --format json -o /dev/null`` does) and prints that process's peak
resident memory and wall time. It is a measurement, not a test: run it by hand.

    .venv/bin/python benchmarks/long_articles.py --sizes 1.5e6 4.9e6
    .venv/bin/python benchmarks/long_articles.py --sizes 1.5e6 --batch-size 1
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = [
    "Goma", "Bukavu", "Kinshasa", "Kigali", "Bunia", "Beni", "Uvira", "Rutshuru",
    "Masisi", "Walikale", "Kisangani", "Lubumbashi", "Kalemie", "Butembo",
]  # fmt: skip
GROUPS = [
    "the M23 rebels", "the army", "UN peacekeepers", "a local militia", "the police",
    "government forces", "an armed group", "the ADF", "Mai-Mai fighters",
]  # fmt: skip
SPEAKERS = [
    "a military spokesman", "the provincial governor", "a local official",
    "a UN spokeswoman", "residents", "a hospital director", "the Red Cross",
]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SENTENCES = [
    "{group} attacked positions near {place} on {day}, killing {n} people, {speaker} said.",
    "At least {n} civilians fled {place} after {group} shelled the town overnight.",
    '"We heard gunfire from early morning until noon," {speaker} told reporters in {place}.',
    "{speaker} said {group} had taken control of the road between {place} and {place2}.",
    "The fighting on {day} forced {n} families to seek shelter in schools around {place}.",
    "{group} denied responsibility for the attack on a market in {place}, {speaker} said.",
    "Aid convoys to {place} were suspended on {day} after {n} trucks were looted.",
    "Talks between {group} and {group2} are due to resume in {place2} next week.",
]


def article(size: int, seed: int = 7) -> str:
    """A wire-style article of about ``size`` UTF-8 bytes: headline, dateline, paragraphs."""
    rng = random.Random(seed)
    parts = [
        "Fighting spreads around eastern towns as talks stall",
        "",
        "GOMA, Congo (Reuters) - Fighting spread to new districts on Monday, officials said.",
    ]
    total = sum(len(p) + 1 for p in parts)
    while total < size:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            place, place2 = rng.sample(PLACES, 2)
            group, group2 = rng.sample(GROUPS, 2)
            template = rng.choice(SENTENCES)
            sentence = template.format(
                group=group,
                group2=group2,
                place=place,
                place2=place2,
                speaker=rng.choice(SPEAKERS),
                day=rng.choice(DAYS),
                n=rng.randint(2, 400),
            )
            sentences.append(sentence[0].upper() + sentence[1:])
        paragraph = " ".join(sentences)
        parts += ["", paragraph]
        total += len(paragraph) + 2
    return "\n".join(parts) + "\n"


def child(path: str, overrides: dict[str, dict[str, object]], without: list[str]) -> None:
    """Extract one file as ``dateline extract --format json -o /dev/null`` would; print figures."""
    from dateline.config import load_config
    from dateline.ingest import read_inputs
    from dateline.output import JsonWriter
    from dateline.pipeline import Pipeline
    from dateline.runner import release_parse

    class Counted(io.StringIO):
        """/dev/null that counts what is written to it."""

        written = 0

        def write(self, text: str) -> int:
            self.written += len(text)
            return len(text)

    start = time.perf_counter()
    config = load_config(overrides=overrides or None)
    names = [name for name in config.pipeline.stages if name not in without]
    pipeline = Pipeline(config, stage_names=names)
    out = Counted()
    writer = JsonWriter(out)
    for doc in pipeline.pipe(read_inputs([path], config=config)):
        if doc.failed:
            raise SystemExit(f"failed: {doc.error}")
        release_parse(doc)  # as the CLI does before writing
        writer.write(doc)
    writer.close()
    written = out.written
    usage = resource.getrusage(resource.RUSAGE_SELF)
    figures = {
        "peak_mb": round(usage.ru_maxrss / 1024),
        "seconds": round(time.perf_counter() - start, 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
    }
    sys.stdout.write(json.dumps(figures | {"json_bytes": written}) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", type=float, default=[1.5e6, 4.9e6])
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--max-chunk-chars", type=int, default=None)
    parser.add_argument("--keep-tensor", action="store_true", help="[parse] keep_tensor = true")
    parser.add_argument(
        "--without", nargs="*", default=[], metavar="STAGE", help="stages left out of the run"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    parse: dict[str, object] = {}
    if args.batch_size is not None:
        parse["batch_size"] = args.batch_size
    if args.max_chunk_chars is not None:
        parse["max_chunk_chars"] = args.max_chunk_chars
    if args.keep_tensor:
        parse["keep_tensor"] = True
    overrides = {"parse": parse} if parse else {}
    if args.child:
        child(args.child, overrides, args.without)
        return
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp, f"article_{int(size)}.txt")
            path.write_text(article(int(size)), encoding="utf-8")
            command = [sys.executable, __file__, "--child", str(path)]
            if args.batch_size is not None:
                command += ["--batch-size", str(args.batch_size)]
            if args.max_chunk_chars is not None:
                command += ["--max-chunk-chars", str(args.max_chunk_chars)]
            if args.keep_tensor:
                command.append("--keep-tensor")
            if args.without:
                command += ["--without", *args.without]
            result = subprocess.run(command, capture_output=True, text=True, check=False)
            if result.returncode:
                sys.stderr.write(f"{path.stat().st_size:>10,} bytes: failed\n{result.stderr}\n")
                continue
            figures = json.loads(result.stdout.strip().splitlines()[-1])
            sys.stdout.write(
                f"{path.stat().st_size:>10,} bytes: peak {figures['peak_mb']:>5} MB, "
                f"{figures['seconds']:>6} s ({figures['cpu_seconds']} s of CPU), "
                f"output {figures['json_bytes']:,} bytes\n"
            )


if __name__ == "__main__":
    main()
