"""Stress run: 1,000 mixed good and bad inputs through `dateline extract --workers 2`, killed
three times with SIGKILL at random moments, then resumed to the end.

Not a test: it takes minutes and measures a machine. It checks what issue #7 asks of a batch:

- every good document is written exactly once (by source), no bad one is written, and every
  bad one is reported on stderr;
- the peak memory of each worker process stays under 1 GB (psutil samples the process tree
  of each run: resident size of every process, and of the whole tree);
- no process is left behind after a kill (each worker and the resource tracker must exit
  within a generous deadline) or at the end.

The inputs are generated here from wire-style sentences written for this script: plain-text
and HTML articles, identical twins under two names, JSON Lines corpora (with malformed lines,
records without text and a repeated id), two articles of about 4.9 MB (just under the 5 MB
limit), and bad files: empty, blank, binary, over the limit. A few inputs whose fate is the
ingestion's call (mis-encoded text, NUL bytes) may be written or reported, but not both and
at most once.

    python benchmarks/stress.py                 # the full run, figures on stdout
    python benchmarks/stress.py --count 120 --big 0 --kills 2   # a quick look

Exit status 0 when every check holds, 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from dateline.memory import MIB, TreePeak

WORKER_LIMIT_MIB = 1024
EXIT_DEADLINE_S = 90.0
BIG_BYTES = 4_900_000

CITIES = [
    ("KABUL", "Kabul", "Afghanistan"),
    ("GOMA", "Goma", "Congo"),
    ("LAGOS", "Lagos", "Nigeria"),
    ("BAMAKO", "Bamako", "Mali"),
    ("MOGADISHU", "Mogadishu", "Somalia"),
    ("KHARTOUM", "Khartoum", "Sudan"),
    ("SANAA", "Sanaa", "Yemen"),
    ("MANILA", "Manila", "the Philippines"),
    ("BOGOTA", "Bogota", "Colombia"),
    ("KYIV", "Kyiv", "Ukraine"),
]
AGENCIES = ["Reuters", "AFP", "AP"]
ACTORS = [
    "gunmen",
    "militia fighters",
    "soldiers",
    "police",
    "protesters",
    "suspected insurgents",
    "government troops",
    "a group of armed men",
]
ACTS = [
    "attacked a checkpoint",
    "fired on a convoy",
    "stormed a police station",
    "clashed with security forces",
    "set fire to a market",
    "blocked the main road",
    "shelled a village",
    "marched on the parliament",
]
OUTCOMES = [
    "killing {n} people",
    "wounding at least {n} civilians",
    "leaving {n} dead and dozens wounded",
    "though no casualties were reported",
    "forcing some {n} families to flee",
]
SOURCES = [
    "a provincial spokesman said",
    "police said",
    "witnesses told reporters",
    "the army said in a statement",
    "a local official said by telephone",
    "residents said",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
FOLLOW_UPS = [
    "The attack was the third in the area this month.",
    "No group has claimed responsibility.",
    "Officials said an investigation had been opened.",
    "Aid agencies said they were unable to reach the area.",
    "The government called the violence unacceptable.",
    "Talks between the two sides broke down last week.",
    "Schools and shops in the town stayed closed on {day}.",
    '"We heard shooting all night," one resident said.',
]


def sentence(rng: random.Random) -> str:
    outcome = rng.choice(OUTCOMES).format(n=rng.randint(2, 60))
    place = rng.choice(CITIES)[1]
    return (
        f"{rng.choice(ACTORS).capitalize()} {rng.choice(ACTS)} near {place} on "
        f"{rng.choice(DAYS)}, {outcome}, {rng.choice(SOURCES)}."
    )


def article(rng: random.Random, paragraphs: int | None = None) -> str:
    upper, city, country = rng.choice(CITIES)
    month = rng.choice(MONTHS)
    lead = f"{upper}, {month} {rng.randint(1, 28)} ({rng.choice(AGENCIES)}) - " + sentence(rng)
    body = [f"Violence flares again in {country}", "", lead]
    for _ in range(paragraphs if paragraphs is not None else rng.randint(3, 9)):
        body.append("")
        follow = rng.choice(FOLLOW_UPS).format(day=rng.choice(DAYS))
        body.append(f"{sentence(rng)} {follow}")
    return "\n".join(body) + "\n"


def big_article(rng: random.Random, size: int) -> str:
    parts = [article(rng, 2)]
    total = len(parts[0])
    while total < size - 2000:
        paragraph = f"\n{sentence(rng)} {rng.choice(FOLLOW_UPS).format(day=rng.choice(DAYS))}\n"
        parts.append(paragraph)
        total += len(paragraph)
    return "".join(parts)


def html_page(text: str) -> str:
    title, _, rest = text.partition("\n")
    paragraphs = "".join(f"<p>{p}</p>\n" for p in rest.split("\n") if p.strip())
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>\n{paragraphs}</article>"
        "<footer>Copyright</footer></body></html>\n"
    )


@dataclass
class Inputs:
    """The generated inputs and what each should become: written, reported, or either."""

    folder: Path
    good: set[str] = field(default_factory=set)
    bad: set[str] = field(default_factory=set)
    either: set[str] = field(default_factory=set)
    kinds: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, source: str, fate: str) -> None:
        {"good": self.good, "bad": self.bad, "either": self.either}[fate].add(source)
        self.kinds[kind] = self.kinds.get(kind, 0) + 1

    @property
    def total(self) -> int:
        return len(self.good) + len(self.bad) + len(self.either)


def generate(folder: Path, count: int, big: int, rng: random.Random) -> Inputs:
    """``count`` inputs (JSON Lines records count one each) in ``folder``."""
    folder.mkdir(parents=True)
    inputs = Inputs(folder)

    def write(name: str, data: bytes | str, kind: str, fate: str) -> None:
        path = folder / name
        if isinstance(data, str):
            data = data.encode("utf-8")
        path.write_bytes(data)
        inputs.add(kind, str(path), fate)

    # Shares of the whole, for the default 1,000: about 8% bad files, 2% of either fate,
    # 16% JSON Lines records, 6% HTML, 2% twins; the rest plain text.
    n_bad = max(6, count * 8 // 100)
    n_either = max(2, count * 2 // 100)
    n_corpora = max(1, count * 4 // 1000)
    per_corpus = 40
    n_html = count * 6 // 100
    n_twins = max(1, count // 100)
    n_text = count - n_bad - n_either - n_corpora * per_corpus - n_html - 2 * n_twins - big
    if n_text < 1:
        raise SystemExit(f"--count {count} is too small for the mix; give 100 or more")

    for i in range(n_text):
        write(f"t{i:04d}.txt", article(rng), "text article", "good")
    for i in range(n_html):
        write(f"h{i:04d}.html", html_page(article(rng)), "HTML page", "good")
    for i in range(n_twins):  # the same bytes under two names: one id, two sources
        text = article(rng)
        write(f"twin{i:03d}a.txt", text, "identical twin", "good")
        write(f"twin{i:03d}b.txt", text, "identical twin", "good")
    for i in range(big):  # in the middle of the batch, so a kill may land on one
        write(f"m-big{i}.txt", big_article(rng, BIG_BYTES), "4.9 MB article", "good")

    for c in range(n_corpora):
        path = folder / f"corpus{c}.jsonl"
        lines = []
        for n in range(1, per_corpus + 1):
            roll = n % 20
            if roll == 7:
                lines.append('{"id": "broken", "text": "unterminated')
                inputs.add("malformed JSONL line", f"{path}:{n}", "bad")
            elif roll == 13:
                lines.append(json.dumps({"id": f"c{c}-{n}", "url": "https://example.org/x"}))
                inputs.add("JSONL record without text", f"{path}:{n}", "bad")
            elif roll == 17:
                lines.append(json.dumps({"id": f"c{c}-1", "text": article(rng)}))
                inputs.add("JSONL repeated id", f"{path}:{n}", "bad")
            elif roll == 3:
                page = html_page(article(rng))
                lines.append(json.dumps({"id": f"c{c}-{n}", "html": page}))
                inputs.add("JSONL HTML record", f"{path}#c{c}-{n}", "good")
            else:
                record = {"id": f"c{c}-{n}", "text": article(rng), "published": "2021-03-02"}
                lines.append(json.dumps(record))
                inputs.add("JSONL record", f"{path}#c{c}-{n}", "good")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    for i in range(n_bad):
        kind = i % 5
        if kind == 0:
            write(f"x-empty{i:03d}.txt", b"", "empty", "bad")
        elif kind == 1:
            write(f"x-blank{i:03d}.txt", b" \n\t\n  \n", "blank", "bad")
        elif kind in (2, 3):
            data = bytes(rng.randrange(256) for _ in range(4096))
            write(f"x-binary{i:03d}.txt", data, "binary", "bad")
        elif i < 10:  # two files over the limit are enough to show it
            write(f"x-huge{i:03d}.txt", b"Troops moved in. " * 300_000, "over 5 MB", "bad")
        else:
            write(f"x-empty{i:03d}.html", b"\n", "empty", "bad")
    for i in range(n_either):
        text = article(rng)
        kind = i % 3
        if kind == 0:  # UTF-16 without a byte-order mark
            write(f"y-utf16-{i:03d}.txt", text.encode("utf-16-le"), "mis-encoded", "either")
        elif kind == 1:  # UTF-8 with one stray cp1252 byte
            data = text.encode("utf-8").replace(b" - ", b" \x96 ", 1)
            write(f"y-stray-{i:03d}.txt", data, "mis-encoded", "either")
        else:  # a few NUL bytes in a normal article
            data = text.encode("utf-8").replace(b". ", b".\x00 ", 3)
            write(f"y-nul-{i:03d}.txt", data, "NUL bytes", "either")
    return inputs


# -- running and killing ---------------------------------------------------------------------------
@dataclass
class Run:
    """One start of the command: how it ended and what its processes held."""

    number: int
    seconds: float = 0.0
    killed: bool = False
    returncode: int | None = None
    lines_at_end: int = 0
    peak_worker_mib: float = 0.0
    peak_tree_mib: float = 0.0
    children: int = 0
    exit_wait_s: float | None = None  # after a kill: until the last child was gone
    left_behind: list[int] = field(default_factory=list)
    stderr: str = ""


def count_lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except FileNotFoundError:
        return 0


class LineCounter:
    """Lines in a growing file, reading only what was added since the last look."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = 0
        self.lines = 0

    def __call__(self) -> int:
        try:
            with self.path.open("rb") as handle:
                if handle.seek(0, os.SEEK_END) < self.offset:  # replaced: count afresh
                    self.offset = self.lines = 0
                handle.seek(self.offset)
                added = handle.read()
        except FileNotFoundError:
            return self.lines
        self.offset += len(added)
        self.lines += added.count(b"\n")
        return self.lines


def alive(pids: set[int]) -> list[int]:
    found = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                found.append(pid)
        except psutil.NoSuchProcess:
            continue
    return found


def run_once(
    number: int,
    command: list[str],
    partial: Path,
    *,
    kill_after_s: float | None = None,
    kill_at_lines: int | None = None,
    jitter_s: float = 0.0,
) -> Run:
    """Start the command; SIGKILL it at the given moment (or let it finish)."""
    run = Run(number)
    start = time.monotonic()
    stderr_file = tempfile.TemporaryFile()  # noqa: SIM115 - read back once the run ends
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr_file)
    peak = TreePeak(pid=process.pid, interval_s=0.2, proportional=False).start()
    seen: set[int] = set()
    lines = LineCounter(partial)
    try:
        while process.poll() is None:
            seen.update(p.pid for p in psutil.Process(process.pid).children(recursive=True))
            now = time.monotonic() - start
            due = (kill_after_s is not None and now >= kill_after_s) or (
                kill_at_lines is not None and lines() >= kill_at_lines
            )
            if due:
                time.sleep(jitter_s)  # a random moment inside the chunk at work
                if process.poll() is None:
                    seen.update(p.pid for p in psutil.Process(process.pid).children(recursive=True))
                    process.send_signal(signal.SIGKILL)
                    run.killed = True
                break
            time.sleep(0.2)
    except psutil.NoSuchProcess:
        pass
    process.wait()
    kill_time = time.monotonic()
    run.seconds = kill_time - start
    run.returncode = process.returncode
    peak.stop()
    seen.update(peak.per_process)
    seen.discard(process.pid)
    run.children = len(seen)
    # No timing asserted: only a generous deadline for the children to go.
    while alive(seen) and time.monotonic() - kill_time < EXIT_DEADLINE_S:
        time.sleep(0.2)
    run.left_behind = alive(seen)
    run.exit_wait_s = time.monotonic() - kill_time
    for pid in run.left_behind:  # never leave them running, even when the check fails
        with contextlib.suppress(psutil.NoSuchProcess):
            psutil.Process(pid).kill()
    workers = [size for pid, size in peak.per_process.items() if pid != process.pid]
    run.peak_worker_mib = max(workers, default=0) / MIB
    run.peak_tree_mib = peak.total_mib
    run.lines_at_end = count_lines(partial)
    stderr_file.seek(0)
    run.stderr = stderr_file.read().decode("utf-8", "replace")
    stderr_file.close()
    return run


# -- checking ----------------------------------------------------------------------------------------
def check_output(out: Path, inputs: Inputs, stderr: str) -> tuple[list[str], dict[str, int]]:
    problems: list[str] = []
    counts: dict[str, int] = {}
    keys: dict[tuple[str, str], int] = {}
    with out.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            try:
                data = json.loads(line)
            except ValueError:
                problems.append(f"line {number} of the output is not JSON")
                continue
            counts[data["source"]] = counts.get(data["source"], 0) + 1
            key = (data["source"], data["id"])
            keys[key] = keys.get(key, 0) + 1
    missing = sorted(s for s in inputs.good if counts.get(s, 0) == 0)
    twice = sorted(s for s, n in counts.items() if n > 1)
    wrong = sorted(s for s in inputs.bad if s in counts)
    unknown = sorted(s for s in counts if s not in inputs.good | inputs.bad | inputs.either)
    unreported = sorted(s for s in inputs.bad if s not in stderr)
    either_lost = sorted(s for s in inputs.either if s not in counts and s not in stderr)
    for label, items in [
        ("good documents missing", missing),
        ("documents written more than once", twice),
        ("bad inputs written", wrong),
        ("documents of no input", unknown),
        ("bad inputs not reported on stderr", unreported),
        ("inputs neither written nor reported", either_lost),
    ]:
        if items:
            problems.append(f"{len(items)} {label}: {', '.join(items[:5])}")
    summary = {
        "lines": sum(counts.values()),
        "good written once": sum(1 for s in inputs.good if counts.get(s) == 1),
        "good expected": len(inputs.good),
        "either written": sum(1 for s in inputs.either if s in counts),
        "either reported": sum(1 for s in inputs.either if s not in counts and s in stderr),
        "bad reported": len(inputs.bad) - len(unreported),
        "bad expected": len(inputs.bad),
    }
    return problems, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="inputs (JSONL records count)")
    parser.add_argument("--big", type=int, default=2, help="articles of about 4.9 MB")
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=20260601)
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (else a temp dir)")
    parser.add_argument(
        "--python",
        default=sys.executable,
        metavar="PATH",
        help="the interpreter whose dateline is run (another checkout's .venv/bin/python)",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="dateline-stress-"))
    if work.exists() and args.keep:
        shutil.rmtree(work)
    started = time.monotonic()
    inputs = generate(work / "inputs", args.count, args.big, rng)
    out = work / "out.jsonl"
    partial = work / "out.jsonl.partial"
    command = [args.python, "-m", "dateline", "extract", str(inputs.folder)]
    command += [
        "--workers",
        str(args.workers),
        "--format",
        "jsonl",
        "--no-progress",
        "-o",
        str(out),
    ]
    print(
        f"inputs: {inputs.total} in {inputs.folder} (generated in {time.monotonic() - started:.0f} s)"
    )
    for kind, n in sorted(inputs.kinds.items(), key=lambda item: -item[1]):
        print(f"  {n:5d}  {kind}")
    print(f"  good {len(inputs.good)}, bad {len(inputs.bad)}, either {len(inputs.either)}")

    runs: list[Run] = []
    # The first kill at a random moment of the start-up (model loading, workers starting),
    # the others at random points of the batch, each a random fraction of a second into it.
    marks = sorted(rng.uniform(0.1, 0.9) for _ in range(max(0, args.kills - 1)))
    for k in range(args.kills):
        if k == 0:
            plan = {"kill_after_s": rng.uniform(2.0, 12.0)}
        else:
            plan = {"kill_at_lines": max(1, int(marks[k - 1] * len(inputs.good)))}
        run = run_once(len(runs) + 1, command, partial, jitter_s=rng.uniform(0, 2), **plan)
        runs.append(run)
        what = "killed" if run.killed else f"finished (exit {run.returncode}) before the kill"
        print(
            f"run {run.number}: {what} after {run.seconds:.1f} s with {run.lines_at_end} "
            f"document(s) in the partial file; {run.children} child process(es), "
            f"peak worker {run.peak_worker_mib:.0f} MiB, tree {run.peak_tree_mib:.0f} MiB; "
            f"children gone {run.exit_wait_s:.1f} s after, left behind: {len(run.left_behind)}"
        )
    final = run_once(len(runs) + 1, command, partial)
    runs.append(final)
    print(
        f"run {final.number}: finished (exit {final.returncode}) after {final.seconds:.1f} s; "
        f"peak worker {final.peak_worker_mib:.0f} MiB, tree {final.peak_tree_mib:.0f} MiB; "
        f"left behind: {len(final.left_behind)}"
    )
    resumed = [line for line in final.stderr.splitlines() if "resuming" in line]
    if resumed:
        print(f"  {resumed[0]}")

    problems: list[str] = []
    if not out.exists():
        problems.append("the output file was not written")
        summary: dict[str, int] = {}
    else:
        found, summary = check_output(out, inputs, final.stderr)
        problems += found
    if partial.exists():
        problems.append("the partial file is still there")
    if final.returncode != 1:
        problems.append(f"the last run exited {final.returncode}, not 1 (bad inputs were given)")
    worst = max(runs, key=lambda r: r.peak_worker_mib)
    if worst.peak_worker_mib >= WORKER_LIMIT_MIB:
        problems.append(
            f"a worker of run {worst.number} peaked at {worst.peak_worker_mib:.0f} MiB "
            f"(limit {WORKER_LIMIT_MIB} MiB)"
        )
    left = sum(len(r.left_behind) for r in runs)
    if left:
        problems.append(f"{left} process(es) left behind after a run")
    tracebacks = sum(r.stderr.count("Traceback") for r in runs)
    if tracebacks:
        problems.append(f"{tracebacks} traceback(s) on stderr")

    print("figures:")
    for key, value in summary.items():
        print(f"  {key}: {value}")
    print(f"  kills: {sum(r.killed for r in runs)}")
    print(
        f"  peak memory of one worker: {worst.peak_worker_mib:.0f} MiB (resident, run {worst.number})"
    )
    print(f"  peak memory of the whole tree: {max(r.peak_tree_mib for r in runs):.0f} MiB")
    waits = [r.exit_wait_s for r in runs[:-1] if r.killed and r.exit_wait_s is not None]
    if waits:
        print(
            f"  children gone after a kill within: {max(waits):.1f} s (deadline {EXIT_DEADLINE_S:.0f} s)"
        )
    print(f"  processes left behind: {left}")
    print(f"  tracebacks on stderr: {tracebacks}")
    print(f"  wall time: {time.monotonic() - started:.0f} s")
    if problems:
        print("FAILED:")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print("OK: every check holds")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
