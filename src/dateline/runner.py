"""Run the pipeline over a stream of documents in several processes, results in input order.

Each worker process builds its own Pipeline once (the spaCy model included) and runs
``Pipeline.pipe`` over chunks of documents; the same stages run, so the output is the same as
one process gives. Workers are started with the "spawn" method: forking a process that has
already loaded spaCy (and whatever threads it started) is not safe everywhere.

The spaCy Doc (``doc.sdoc``) does not travel back: it is large to pickle and no output needs
it after the pipeline; documents come back with ``sdoc`` None. Each chunk brings back its
worker's per-stage figures, summed in ``ParallelPipeline.timings``.

Workers never outlive their parent: on Linux the kernel sends them SIGTERM when it dies
(``PR_SET_PDEATHSIG``), and everywhere a watchdog thread in each worker exits once its parent
is gone (a killed parent's workers would otherwise wait on their task queue forever). Leaving
the pool on an error or a signal terminates the workers instead of waiting for their chunks.
A worker whose pipeline cannot be built (a missing model) reports the error itself, once,
instead of a traceback per worker.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import logging
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from threading import BrokenBarrierError
from types import TracebackType
from typing import Any, Protocol

from .config import Config, load_config
from .document import Document
from .pipeline import Pipeline, StageTiming, batched
from .records import Claim, Entity, Event, Place, Quote, Time
from .sections import RECORD_FIELDS, Compactor

__all__ = ["ParallelPipeline", "pipe_parallel"]

log = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1  # linux/prctl.h
WATCHDOG_INTERVAL_S = 0.5


class PipesDocuments(Protocol):
    """What a worker runs: a Pipeline, or anything with its ``pipe`` (the bench's baseline)."""

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]: ...


PipelineFactory = Callable[[Config], PipesDocuments]

# How long to wait for every worker to have built its pipeline (model load included).
START_TIMEOUT_S = 600.0

# Per worker process: its pipeline (or why it could not be built), and the barrier that
# tells when all workers are ready.
_worker_pipeline: PipesDocuments | None = None
_worker_error: BaseException | None = None
_worker_barrier: Any = None


def _init_worker(
    factory: PipelineFactory,
    config: Config,
    barrier: Any,
    parent: int,
    deathsig: bool,
    log_level: int | None,
) -> None:
    global _worker_pipeline, _worker_error, _worker_barrier
    _die_with_parent(parent, deathsig)
    if log_level is not None:  # the parent logs (-v): so do its workers, on the same stderr
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(
            logging.Formatter(
                f"dateline: %(levelname)s: worker {os.getpid()}: %(name)s: %(message)s"
            )
        )
        logger = logging.getLogger("dateline")
        logger.addHandler(handler)
        logger.setLevel(log_level)
    _worker_barrier = barrier
    try:
        _worker_pipeline = factory(config)
    except Exception as exc:  # reported once by _wait_ready, not as a traceback per worker
        _worker_error = exc


def _die_with_parent(parent: int, deathsig: bool) -> None:
    """Make this worker exit when ``parent`` does, however the parent ends."""
    if deathsig and sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watchdog below still holds
    if os.getppid() != parent:  # the parent died before the line above ran
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCHDOG_INTERVAL_S)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _wait_ready() -> int:
    # One of these per worker: each blocks until all workers hold one, so every worker has
    # started and built its pipeline when the last returns.
    if _worker_error is not None:
        _worker_barrier.abort()  # the other workers stop waiting for this one
        raise _worker_error
    _worker_barrier.wait(START_TIMEOUT_S)
    return os.getpid()


def release_parse(doc: Document) -> None:
    """Let go of a processed document's spaCy Docs: no output reads them."""
    doc.sdoc = None
    doc.caption_sdocs = []


@dataclass
class Spilled:
    """A long document back from a worker: the Document without its records, and the file
    (JSON Lines, ``[field, record]`` a line) that holds them until the parent reads them."""

    doc: Document
    path: str


RECORD_TYPES: dict[str, type[Entity | Place | Time | Quote | Claim | Event]] = {
    "entities": Entity,
    "places": Place,
    "times": Time,
    "quotes": Quote,
    "claims": Claim,
    "events": Event,
}
Result = tuple[int, list[Document | Spilled], dict[str, StageTiming]]


def _run_chunk(docs: list[Document], spill_dir: str | None = None, spill_chars: int = 0) -> Result:
    assert _worker_pipeline is not None
    out: list[Document | Spilled] = []
    for doc in _worker_pipeline.pipe(docs):
        # At once: the spaCy Docs of a whole chunk of long articles would not fit in memory.
        release_parse(doc)
        if spill_dir is not None and not doc.failed and len(doc.text) > spill_chars:
            out.append(_spill(doc, spill_dir))
        else:
            out.append(doc)
    timings: dict[str, StageTiming] = getattr(_worker_pipeline, "timings", {})
    return os.getpid(), out, timings


def _spill(doc: Document, spill_dir: str) -> Spilled:
    """Write a long document's records to a file, one at a time, and let go of them.

    Pickled whole to travel back, a 5 MB article's records took 350 MB more than they hold
    (pickle keeps every object it has written); written one by one they take nothing.
    """
    handle, path = tempfile.mkstemp(prefix="records-", suffix=".jsonl", dir=spill_dir)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        for field in RECORD_FIELDS:
            for record in getattr(doc, field):
                out.write(f'["{field}",{record.model_dump_json()}]\n')
            setattr(doc, field, [])
    return Spilled(doc, path)


SPILL_PREFIX = "dateline-records-"


def _remove_stale_spill_dirs() -> None:
    """Remove the record folders of runs whose process is gone (killed before it cleaned up)."""
    for path in Path(tempfile.gettempdir()).glob(f"{SPILL_PREFIX}*-*"):
        pid = path.name[len(SPILL_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _unspill(spilled: Spilled) -> Document:
    """The document with its records read back (and made compact) from the spill file."""
    doc = spilled.doc
    compact = Compactor()
    try:
        with open(spilled.path, encoding="utf-8") as handle:
            for line in handle:
                field, data = json.loads(line)
                record = RECORD_TYPES[field].model_validate(data)
                getattr(doc, field).append(compact(record))
    finally:
        with contextlib.suppress(OSError):
            os.unlink(spilled.path)
    return doc


class ParallelPipeline:
    """A pool of worker processes, each with its own Pipeline; use it as a context manager.

    Entering starts the workers and waits until every one has built its pipeline, so that
    what follows measures documents, not start-up. A worker that dies (or cannot build its
    pipeline) raises ``concurrent.futures.process.BrokenProcessPool``.
    """

    def __init__(
        self,
        config: Config | None = None,
        *,
        workers: int = 2,
        chunk_size: int = 16,
        factory: PipelineFactory = Pipeline,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be 1 or more, not {workers}")
        if chunk_size < 1:
            raise ValueError(f"chunk_size must be 1 or more, not {chunk_size}")
        self.config = config if config is not None else load_config()
        self.workers = workers
        self.chunk_size = chunk_size
        self.factory = factory
        self._pool: ProcessPoolExecutor | None = None
        self._spill_dir: str | None = None
        self._pids: list[int] = []
        self._timings: dict[int, dict[str, StageTiming]] = {}

    def start(self) -> None:
        """Start the workers and wait until each has built its pipeline.

        Raises the error a worker met building its pipeline (a ``ModelError``, say) as it is.
        """
        if self._pool is not None:
            return
        # Where workers leave the records of documents past [parse] section_chars (_spill).
        _remove_stale_spill_dirs()
        self._spill_dir = tempfile.mkdtemp(prefix=f"{SPILL_PREFIX}{os.getpid()}-")
        ctx = multiprocessing.get_context("spawn")
        barrier = ctx.Barrier(self.workers)
        logger = logging.getLogger("dateline")
        log_level = logger.getEffectiveLevel() if logger.isEnabledFor(logging.INFO) else None
        # PR_SET_PDEATHSIG fires when the thread that started a worker ends: only the main
        # thread lives as long as the process; from another thread the watchdog alone serves.
        deathsig = threading.current_thread() is threading.main_thread()
        self._pool = ProcessPoolExecutor(
            self.workers,
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(self.factory, self.config, barrier, os.getpid(), deathsig, log_level),
        )
        log.info("starting %d worker processes", self.workers)
        # A spawning executor starts a new worker for each task submitted while none is idle.
        ready = [self._pool.submit(_wait_ready) for _ in range(self.workers)]
        try:
            self._pids = [_result_or_cause(ready, future) for future in ready]
        except BaseException:
            self.terminate()
            raise
        log.info("%d workers ready: pids %s", len(self._pids), sorted(self._pids))

    def close(self) -> None:
        """Stop the workers once the work given to them is done."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._remove_spill_dir()

    def _remove_spill_dir(self) -> None:
        if self._spill_dir is not None:
            shutil.rmtree(self._spill_dir, ignore_errors=True)
            self._spill_dir = None

    def terminate(self) -> None:
        """Stop the workers now, abandoning their chunks (an error, a signal, Ctrl-C)."""
        if self._pool is None:
            return
        for pid in self._pids:
            with contextlib.suppress(OSError):  # gone already
                os.kill(pid, signal.SIGTERM)
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None
        self._remove_spill_dir()

    @property
    def timings(self) -> dict[str, StageTiming]:
        """Each stage's figures summed over the workers (seconds are worker seconds)."""
        total: dict[str, StageTiming] = {}
        for per_stage in self._timings.values():
            for name, timing in per_stage.items():
                total.setdefault(name, StageTiming(build_s=timing.build_s)).add(timing)
        return total

    def __enter__(self) -> ParallelPipeline:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.terminate()

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """The documents with every stage run, in input order.

        At most two chunks per worker are in flight, so a long stream is not read ahead
        into memory.
        """
        self.start()
        assert self._pool is not None
        pending: deque[Future[Result]] = deque()
        limit = 2 * self.workers
        spill_chars = self.config.parse.section_chars
        try:
            for chunk in batched(docs, self.chunk_size, self.config.parse.max_chunk_chars):
                pending.append(self._pool.submit(_run_chunk, chunk, self._spill_dir, spill_chars))
                if len(pending) >= limit:
                    yield from self._collect(pending.popleft())
            while pending:
                yield from self._collect(pending.popleft())
        finally:
            for future in pending:
                future.cancel()

    def _collect(self, future: Future[Result]) -> Iterator[Document]:
        pid, docs, timings = future.result()
        if timings:
            self._timings[pid] = timings  # cumulative in the worker: the latest holds all
        for doc in docs:
            yield _unspill(doc) if isinstance(doc, Spilled) else doc


def _result_or_cause(futures: list[Future[int]], future: Future[int]) -> int:
    """The future's result; if a worker failed, the error that made the others give up."""
    try:
        return future.result()
    except BrokenBarrierError:
        for other in futures:
            error = other.exception()
            if error is not None and not isinstance(error, BrokenBarrierError):
                raise error from None
        raise


def pipe_parallel(
    docs: Iterable[Document],
    *,
    config: Config | None = None,
    workers: int = 2,
    chunk_size: int = 16,
    factory: PipelineFactory = Pipeline,
) -> Iterator[Document]:
    """Run the pipeline over ``docs`` in ``workers`` processes; documents in input order.

    ``workers=1`` runs in this process. Either way documents come back without their spaCy
    Docs (``sdoc``), let go as soon as the last stage is done with them: on a long article
    they are most of the memory. ``factory`` builds each worker's pipeline from ``config``;
    it must be importable by name (a module-level function or class).
    """
    config = config if config is not None else load_config()
    if workers == 1:
        for doc in factory(config).pipe(docs):
            release_parse(doc)
            yield doc
        return
    with ParallelPipeline(config, workers=workers, chunk_size=chunk_size, factory=factory) as pp:
        yield from pp.pipe(docs)
