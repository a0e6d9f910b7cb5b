"""Measure the pipeline against bare spaCy on the same texts: throughput, peak memory, start-up.

``run_bench`` loads a corpus once (through the same reader as ``dateline extract``), then
measures, each in a fresh process so that their peak memory does not mix: the spaCy model
alone (``nlp.pipe`` over the texts dateline parses, same model, same batch size) as the
baseline, and the whole dateline pipeline (``Pipeline.pipe`` from the raw input). Model
loading is left out of throughput (both are warmed up first) and reported as start-up;
``cold_start`` times fresh ``python -m dateline extract`` runs.

Each stage's share comes from the pipeline's own accounting (``Pipeline.timings``): its
seconds, the memory its resources took when built, and the most memory grew during one run
of it; every coming layer has a budget of 10-20% of the pipeline, and this shows who spends.

Peak memory is sampled through psutil (``dateline.memory``): the highest proportional set
size of the measuring process and its workers together. ``ru_maxrss`` is not used: a spawned
child inherits its parent's peak in it.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

from . import __version__
from .config import Config, load_config
from .document import Document
from .errors import DatelineError, InputError
from .ingest import read_inputs
from .ingest.jsonl import SUFFIXES as JSONL_SUFFIXES
from .memory import TreePeak
from .pipeline import Pipeline, StageTiming
from .registry import stages

__all__ = [
    "BenchResult",
    "ColdStart",
    "Measurement",
    "StageFigures",
    "count_words",
    "load_inputs",
    "make_table",
    "measure_cold_start",
    "render_table",
    "run_bench",
]

log = logging.getLogger(__name__)

# Short, so that warming up costs little; long enough to go through every component.
WARMUP_TEXT = (
    "KABUL, March 3 (Reuters) - Gunmen attacked a police post in Kandahar on Monday, "
    "killing four officers, a provincial spokesman said."
)
# Used for the cold start when no sample article ships in examples/.
SAMPLE_TEXT = (
    "BAGHDAD, June 2 - A car bomb exploded near a market in eastern Baghdad on Tuesday, "
    "killing at least seven people and wounding 20, police said. No group claimed the attack.\n"
)
SAMPLE_DIR = Path(__file__).resolve().parents[2] / "examples"
SAMPLE_INTERVAL_S = 0.05
COLD_START_TIMEOUT_S = 300

# Timed in a fresh interpreter: import, model load, pipeline build. Config comes on stdin.
_PROBE = """
import json, sys, time
t0 = time.perf_counter()
import dateline
from dateline.nlp.model import load_model
from dateline.pipeline import Pipeline
from dateline.config import validate
t1 = time.perf_counter()
config = validate(json.loads(sys.stdin.read()), where="bench")
load_model(config.model.name)
t2 = time.perf_counter()
Pipeline(config)
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "model_load_s": t2 - t1, "pipeline_build_s": t3 - t2}))
"""


# -- results -------------------------------------------------------------------------------
@dataclass
class Measurement:
    """One side of the comparison: how long the texts took, and the memory it needed."""

    name: str
    docs: int
    words: int
    workers: int
    times_s: list[float]
    startup_s: float
    peak_mib: float

    @property
    def seconds(self) -> float:
        """The median wall time over the repeats."""
        return statistics.median(self.times_s)

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds

    @property
    def words_per_s_per_core(self) -> float:
        """Words per second divided by the worker processes used."""
        return self.words_per_s / self.workers

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            seconds=self.seconds,
            docs_per_s=self.docs_per_s,
            words_per_s=self.words_per_s,
            words_per_s_per_core=self.words_per_s_per_core,
        )
        return data


@dataclass
class ColdStart:
    """Fresh-process times: a whole ``extract`` run, and import + model load + build."""

    extract_s: float | None = None
    extract_runs_s: list[float] = field(default_factory=list)
    import_s: float | None = None
    model_load_s: float | None = None
    pipeline_build_s: float | None = None
    sample: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class StageFigures:
    """One stage of the pipeline in one run over the corpus (the mean over the repeats).

    ``seconds`` is the stage's own time (worker seconds, summed over the workers); ``share``
    its part of the pipeline's time (wall time times workers). ``build_mib`` is the memory
    its resources took when built, ``peak_mib`` the most memory grew during one run of it.
    """

    name: str
    seconds: float
    docs: int
    build_s: float
    peak_mib: float | None = None
    build_mib: float | None = None
    share: float | None = None

    @classmethod
    def of(cls, name: str, timing: StageTiming, repeat: int) -> StageFigures:
        return cls(
            name=name,
            seconds=timing.seconds / repeat,
            docs=timing.docs // repeat,
            build_s=timing.build_s,
            peak_mib=timing.peak_mib,
            build_mib=timing.build_mib,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class BenchResult:
    """Both measurements on one corpus, the ratios between them, each stage, the machine."""

    paths: list[str]
    split: str | None
    docs: int
    words: int
    skipped: int
    workers: int
    repeat: int
    spacy: Measurement
    dateline: Measurement
    cold_start: ColdStart | None = None
    machine: dict[str, Any] = field(default_factory=dict)
    stages: list[StageFigures] = field(default_factory=list)

    @property
    def pipeline_seconds(self) -> float:
        """The time the stages share: dateline's wall time, times its worker processes."""
        return self.dateline.seconds * self.workers

    def stage_share(self, stage: StageFigures) -> float:
        return stage.seconds / self.pipeline_seconds if self.pipeline_seconds else 0.0

    @property
    def time_ratio(self) -> float:
        """dateline's wall time over spaCy's: how many times slower the whole pipeline is."""
        return self.dateline.seconds / self.spacy.seconds

    @property
    def throughput_ratio(self) -> float:
        """dateline's documents per second over spaCy's (the inverse of ``time_ratio``)."""
        return self.dateline.docs_per_s / self.spacy.docs_per_s

    @property
    def memory_ratio(self) -> float:
        return self.dateline.peak_mib / self.spacy.peak_mib

    def to_dict(self) -> dict[str, Any]:
        return {
            "paths": list(self.paths),
            "split": self.split,
            "docs": self.docs,
            "words": self.words,
            "skipped": self.skipped,
            "workers": self.workers,
            "repeat": self.repeat,
            "spacy": self.spacy.to_dict(),
            "dateline": self.dateline.to_dict(),
            "ratio": {
                "time": self.time_ratio,
                "throughput": self.throughput_ratio,
                "memory": self.memory_ratio,
            },
            "cold_start": self.cold_start.to_dict() if self.cold_start else None,
            "machine": dict(self.machine),
            "stages": [
                {**stage.to_dict(), "share": self.stage_share(stage)} for stage in self.stages
            ],
        }


# -- input ---------------------------------------------------------------------------------
class _Input(NamedTuple):
    """What a measuring process needs to make a fresh Document (they are enriched in place)."""

    raw: str
    source: str | None
    id: str
    input_format: Any
    clean: bool

    @classmethod
    def of(cls, doc: Document) -> _Input:
        return cls(doc.raw, doc.source, doc.id, doc.input_format, doc.clean)

    def document(self) -> Document:
        return Document.from_input(
            self.raw,
            source=self.source,
            id=self.id,
            input_format=self.input_format,
            clean=self.clean,
        )


def count_words(text: str) -> int:
    """Words as the benchmark counts them: runs of non-whitespace."""
    return len(text.split())


def _is_jsonl(path: str) -> bool:
    return Path(path).suffix.lower() in JSONL_SUFFIXES


def load_inputs(
    paths: Sequence[str],
    *,
    split: str | None = None,
    limit: int | None = None,
    config: Config | None = None,
    clean: bool | None = None,
    errors: list[InputError] | None = None,
) -> list[Document]:
    """Unprocessed Documents for the articles under ``paths``, at most ``limit`` of them.

    Read as ``dateline extract`` reads them (text, HTML, JSON Lines records with "text" or
    "html"); JSONL corpora give only the records of ``split`` when given and are read as
    given unless ``clean`` is True, other paths are cleaned unless ``clean`` is False. An
    input that cannot be read is left out and its error appended to ``errors``.
    """
    config = config if config is not None else load_config()

    def in_split(record: Mapping[str, Any]) -> bool:
        return record.get("split") == split

    docs: list[Document] = []
    for path in paths:
        corpus = _is_jsonl(path)
        stream = read_inputs(
            [path],
            config=config,
            clean=bool(clean) if corpus else clean is not False,
            keep=in_split if split is not None else None,
        )
        for doc in stream:
            if limit is not None and len(docs) >= limit:
                return docs
            if doc.failed:
                log.warning("left out %s", doc.error)
                if errors is not None:
                    errors.append(doc.error)
                continue
            docs.append(doc)
    return docs


def _parsed_texts(docs: list[Document], config: Config) -> tuple[list[Document], list[str]]:
    """The documents dateline would parse and the texts it hands spaCy, for the baseline."""
    before: list[str] = []
    for name in config.pipeline.stages:
        if "sdoc" in stages.get(name).assigns:
            break
        before.append(name)
    pre = Pipeline(config, stage_names=before)
    kept: list[Document] = []
    texts: list[str] = []
    for doc in pre.pipe(_Input.of(doc).document() for doc in docs):
        if doc.failed or not doc.in_language(config.language.expected):
            log.warning("left out %s: dateline would not parse it", doc.source or doc.id)
            continue
        kept.append(doc)
        texts.append(doc.text)
    return kept, texts


# -- measuring (each in its own process) ---------------------------------------------------
def _peak_memory() -> TreePeak:
    """Sample this measuring process and its workers until ``stop()``."""
    return TreePeak(interval_s=SAMPLE_INTERVAL_S).start()


def _warm_pipeline(config: Config) -> Pipeline:
    """A Pipeline that has already run once, so its first timed batch is not its first.

    It measures each stage's memory too, and its run figures start after the warm-up.
    """
    pipeline = Pipeline(config, profile_memory=True)
    for _ in pipeline.pipe([Document.from_input(WARMUP_TEXT, source="warm-up")]):
        pass
    pipeline.reset_timings()
    return pipeline


class BareSpacy:
    """The baseline as a worker pipeline: the spaCy model alone over each document's text."""

    def __init__(self, config: Config) -> None:
        from .nlp.model import load_model

        self.nlp = load_model(config.model.name)
        self.batch_size = config.parse.batch_size
        for _ in self.nlp.pipe([WARMUP_TEXT]):
            pass

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        docs = list(docs)
        for doc, sdoc in zip(
            docs, self.nlp.pipe((d.text for d in docs), batch_size=self.batch_size), strict=True
        ):
            doc.sdoc = sdoc
            yield doc


def _bare_document(text: str) -> Document:
    doc = Document.from_input(text, clean=False)
    doc.set_text(text)
    return doc


def _measure_spacy(job: dict[str, Any]) -> dict[str, Any]:
    from .nlp.model import load_model

    texts: list[str] = job["texts"]
    memory = _peak_memory()
    start = time.perf_counter()
    nlp = load_model(job["config"].model.name)
    for _ in nlp.pipe([WARMUP_TEXT], batch_size=job["batch_size"]):
        pass
    startup = time.perf_counter() - start
    times = []
    if job["workers"] == 1:
        for _ in range(job["repeat"]):
            start = time.perf_counter()
            # Kept, as the pipeline keeps its Documents: freeing Docs would be timed on one side only.
            sdocs = list(nlp.pipe(texts, batch_size=job["batch_size"]))
            times.append(time.perf_counter() - start)
            del sdocs
    else:
        # The same process pool and chunks as dateline's side, so that only the work differs.
        # (spaCy's own n_process ships every Doc back to the parent and rebuilds it there,
        # which would make the baseline slower than the model is.)
        from .runner import ParallelPipeline

        with ParallelPipeline(
            job["config"], workers=job["workers"], chunk_size=job["batch_size"], factory=BareSpacy
        ) as pool:
            startup = time.perf_counter() - start
            for _ in range(job["repeat"]):
                docs = [_bare_document(text) for text in texts]
                start = time.perf_counter()
                for _ in pool.pipe(docs):
                    pass
                times.append(time.perf_counter() - start)
    return {
        "times_s": times,
        "startup_s": startup,
        "peak_mib": memory.stop().total_mib,
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}",
        "model_version": nlp.meta.get("version"),
    }


def _measure_dateline(job: dict[str, Any]) -> dict[str, Any]:
    from .runner import ParallelPipeline

    inputs: list[_Input] = job["inputs"]
    workers: int = job["workers"]
    memory = _peak_memory()
    times = []
    start = time.perf_counter()
    timings: dict[str, StageTiming]
    if workers == 1:
        pipeline = _warm_pipeline(job["config"])
        startup = time.perf_counter() - start
        for _ in range(job["repeat"]):
            docs = [item.document() for item in inputs]
            start = time.perf_counter()
            for _ in pipeline.pipe(docs):
                pass
            times.append(time.perf_counter() - start)
        timings = pipeline.timings
    else:
        with ParallelPipeline(
            job["config"], workers=workers, chunk_size=job["batch_size"], factory=_warm_pipeline
        ) as pool:
            startup = time.perf_counter() - start
            for _ in range(job["repeat"]):
                docs = [item.document() for item in inputs]
                start = time.perf_counter()
                for _ in pool.pipe(docs):
                    pass
                times.append(time.perf_counter() - start)
            timings = pool.timings
    return {
        "times_s": times,
        "startup_s": startup,
        "peak_mib": memory.stop().total_mib,
        "stages": [StageFigures.of(name, t, job["repeat"]) for name, t in timings.items()],
    }


_MEASURES = {"spacy": _measure_spacy, "dateline": _measure_dateline}


def _child(kind: str, job: dict[str, Any], conn: Any) -> None:
    try:
        result: dict[str, Any] = {"ok": True, **_MEASURES[kind](job)}
    except BaseException:
        result = {"ok": False, "error": traceback.format_exc()}
    conn.send(result)
    conn.close()


def _measure_in_child(kind: str, job: dict[str, Any]) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(kind, job, sender), name=f"bench-{kind}")
    process.start()
    sender.close()
    try:
        result: dict[str, Any] = receiver.recv()
    except EOFError:
        result = {"ok": False, "error": f"the process died (exit code {process.exitcode})"}
    finally:
        receiver.close()
        process.join()
    if not result["ok"]:
        raise DatelineError(f"the {kind} measurement failed:\n{result['error']}")
    return result


# -- cold start ----------------------------------------------------------------------------
def _sample_path(tmp: str) -> tuple[str, str]:
    if SAMPLE_DIR.is_dir():
        for pattern in ("*.txt", "*.html"):
            found = sorted(SAMPLE_DIR.glob(pattern))
            if found:
                return str(found[0]), str(found[0])
    path = Path(tmp) / "sample.txt"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    return str(path), "built-in sample text"


def measure_cold_start(config: Config | None = None, *, runs: int = 3) -> ColdStart:
    """Median times of ``runs`` fresh processes: ``python -m dateline extract`` on a short
    article, and import + model load + pipeline build (each timed inside the process).

    ``extract`` runs with the default configuration. A failing run is reported in ``note``.
    """
    config = config if config is not None else load_config()
    result = ColdStart()
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        path, result.sample = _sample_path(tmp)
        for _ in range(runs):
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "dateline", "extract", path],
                capture_output=True,
                text=True,
                timeout=COLD_START_TIMEOUT_S,
                check=False,
            )
            elapsed = time.perf_counter() - start
            if done.returncode != 0:
                last = (done.stderr.strip().splitlines() or ["no message"])[-1]
                notes.append(f"`python -m dateline extract` exited {done.returncode}: {last}")
                break
            result.extract_runs_s.append(elapsed)
    if result.extract_runs_s:
        result.extract_s = statistics.median(result.extract_runs_s)

    probes: list[dict[str, float]] = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _PROBE],
            input=json.dumps(config.to_dict()),
            capture_output=True,
            text=True,
            timeout=COLD_START_TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            notes.append(f"import/model-load probe exited {done.returncode}: {last}")
            break
        probes.append(json.loads(done.stdout.strip().splitlines()[-1]))
    if probes:
        result.import_s = statistics.median(p["import_s"] for p in probes)
        result.model_load_s = statistics.median(p["model_load_s"] for p in probes)
        result.pipeline_build_s = statistics.median(p["pipeline_build_s"] for p in probes)
    result.note = "; ".join(notes) or None
    return result


# -- the benchmark -------------------------------------------------------------------------
def _machine(config: Config, spacy_result: dict[str, Any]) -> dict[str, Any]:
    cpu_model = None
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu_model = next(
                (line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")),
                None,
            )
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpus": os.cpu_count(),
        "cpus_usable": usable,
        "cpu_model": cpu_model or platform.processor() or None,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "spacy": metadata.version("spacy"),
        "model": config.model.name,
        "model_version": spacy_result.get("model_version"),
        "dateline": __version__,
    }


def run_bench(
    paths: Sequence[str],
    *,
    workers: int = 1,
    split: str | None = None,
    limit: int | None = None,
    config: Config | None = None,
    clean: bool | None = None,
    repeat: int = 1,
    cold_start: bool = True,
    errors: list[InputError] | None = None,
) -> BenchResult:
    """Time and weigh the whole pipeline against the bare spaCy model on the same texts.

    Both run in ``workers`` processes (the same ``ParallelPipeline`` pool and chunks), each
    measurement in a fresh process, ``repeat`` times (the median counts). spaCy gets the
    texts dateline's parse stage would get; documents dateline would not parse are left out
    of both. ``cold_start`` adds fresh-process start-up times (see ``measure_cold_start``).
    Inputs that cannot be read are left out, their errors appended to ``errors``.
    """
    if workers < 1:
        raise DatelineError(f"workers must be 1 or more, not {workers}; give --workers 1 or more")
    if repeat < 1:
        raise DatelineError(f"repeat must be 1 or more, not {repeat}")
    config = config if config is not None else load_config()
    loaded = load_inputs(paths, split=split, limit=limit, config=config, clean=clean, errors=errors)
    docs, texts = _parsed_texts(loaded, config)
    if not docs:
        where = f" in split {split!r}" if split else ""
        raise DatelineError(
            f"no documents to measure under {', '.join(paths)}{where}; check the paths "
            "(and --split)"
        )
    words = sum(count_words(text) for text in texts)
    batch_size = config.parse.batch_size
    job = {"config": config, "workers": workers, "repeat": repeat, "batch_size": batch_size}
    log.info("measuring spaCy on %d documents (%d words)", len(docs), words)
    spacy_run = _measure_in_child("spacy", {**job, "texts": texts})
    log.info("measuring dateline on %d documents", len(docs))
    dateline_run = _measure_in_child("dateline", {**job, "inputs": [_Input.of(d) for d in docs]})

    def measurement(name: str, run: dict[str, Any]) -> Measurement:
        return Measurement(
            name=name,
            docs=len(docs),
            words=words,
            workers=workers,
            times_s=run["times_s"],
            startup_s=run["startup_s"],
            peak_mib=run["peak_mib"],
        )

    return BenchResult(
        paths=list(paths),
        split=split,
        docs=len(docs),
        words=words,
        skipped=len(loaded) - len(docs),
        workers=workers,
        repeat=repeat,
        spacy=measurement("spacy", spacy_run),
        dateline=measurement("dateline", dateline_run),
        cold_start=measure_cold_start(config) if cold_start else None,
        machine=_machine(config, spacy_run),
        stages=dateline_run["stages"],
    )


# -- output --------------------------------------------------------------------------------
def make_table(result: BenchResult) -> Any:
    """A rich Table: one row per metric, columns spaCy, dateline and dateline/spaCy."""
    from rich.table import Table

    machine = result.machine
    title = (
        f"{result.docs} docs, {result.words:,} words, {result.workers} worker(s), "
        f"median of {result.repeat}"
    )
    caption = (
        f"{machine.get('cpus_usable')} CPUs ({machine.get('cpu_model')}), Python "
        f"{machine.get('python')}, spaCy {machine.get('spacy')}, {machine.get('model')} "
        f"{machine.get('model_version')}, dateline {machine.get('dateline')}"
    )
    table = Table(title=title, caption=caption)
    table.add_column("")
    table.add_column("spaCy", justify="right")
    table.add_column("dateline", justify="right")
    table.add_column("dateline/spaCy", justify="right")
    spacy, ours = result.spacy, result.dateline
    rows = [
        ("wall time (s)", spacy.seconds, ours.seconds, "{:.2f}"),
        ("documents/s", spacy.docs_per_s, ours.docs_per_s, "{:.1f}"),
        ("words/s", spacy.words_per_s, ours.words_per_s, "{:,.0f}"),
        ("words/s per core", spacy.words_per_s_per_core, ours.words_per_s_per_core, "{:,.0f}"),
        ("peak memory (MiB)", spacy.peak_mib, ours.peak_mib, "{:.0f}"),
        ("start-up, warm-up (s)", spacy.startup_s, ours.startup_s, "{:.2f}"),
    ]
    for label, theirs, mine, fmt in rows:
        table.add_row(label, fmt.format(theirs), fmt.format(mine), f"{mine / theirs:.2f}")
    return table


def make_stage_table(result: BenchResult) -> Any:
    """A rich Table: one row per stage, its seconds, share, build and memory figures."""
    from rich.table import Table

    def mib(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.0f}"

    unit = "worker seconds" if result.workers > 1 else "seconds"
    table = Table(
        title=f"Each stage's share of the pipeline ({unit} per run over the corpus)",
        caption="peak memory delta: the most memory grew during one run of the stage; "
        "built: what building it kept (its model or data)",
    )
    for name, justify in [
        ("stage", "left"),
        ("seconds", "right"),
        ("share", "right"),
        ("docs/s", "right"),
        ("peak memory delta MiB", "right"),
        ("built MiB", "right"),
        ("build s", "right"),
    ]:
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    shared = 0.0
    for stage in result.stages:
        share = result.stage_share(stage)
        shared += share
        table.add_row(
            stage.name,
            f"{stage.seconds:.2f}",
            f"{share:.1%}",
            f"{stage.docs / stage.seconds:,.0f}" if stage.seconds > 0 else "n/a",
            mib(stage.peak_mib),
            mib(stage.build_mib),
            f"{stage.build_s:.2f}",
        )
    rest = max(0.0, 1.0 - shared)
    table.add_row(
        "outside the stages",
        f"{rest * result.pipeline_seconds:.2f}",
        f"{rest:.1%}",
        "",
        "",
        "",
        "",
    )
    return table


def _cold_start_lines(cold: ColdStart) -> list[str]:
    def seconds(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.2f} s"

    lines = [
        f"cold start: `dateline extract` {seconds(cold.extract_s)} "
        f"(median of {len(cold.extract_runs_s)}, {cold.sample}); "
        f"import {seconds(cold.import_s)}, model load {seconds(cold.model_load_s)}, "
        f"pipeline build {seconds(cold.pipeline_build_s)}",
    ]
    if cold.note:
        lines.append(f"cold start note: {cold.note}")
    return lines


def render_table(result: BenchResult, *, width: int = 100) -> str:
    """The table and the cold-start line as plain text."""
    import io

    from rich.console import Console

    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, force_terminal=False)
    console.print(make_table(result))
    if result.stages:
        console.print(make_stage_table(result))
    lines = [out.getvalue().rstrip("\n")]
    if result.skipped:
        lines.append(f"{result.skipped} document(s) left out: dateline would not parse them")
    if result.cold_start is not None:
        lines.extend(_cold_start_lines(result.cold_start))
    return "\n".join(lines) + "\n"
