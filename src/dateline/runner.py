"""Run the pipeline over a stream of documents in several processes, results in input order.

Each worker process builds its own Pipeline once (the spaCy model included) and runs
``Pipeline.pipe`` over chunks of documents; the same stages run, so the output is the same as
one process gives. Workers are started with the "spawn" method: forking a process that has
already loaded spaCy (and whatever threads it started) is not safe everywhere.

The spaCy Doc (``doc.sdoc``) does not travel back: it is large to pickle and no output needs
it after the pipeline; documents come back with ``sdoc`` None.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Any, Protocol

from .config import Config, load_config
from .document import Document
from .pipeline import Pipeline, batched

__all__ = ["ParallelPipeline", "pipe_parallel"]

log = logging.getLogger(__name__)


class PipesDocuments(Protocol):
    """What a worker runs: a Pipeline, or anything with its ``pipe`` (the bench's baseline)."""

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]: ...


PipelineFactory = Callable[[Config], PipesDocuments]

# How long to wait for every worker to have built its pipeline (model load included).
START_TIMEOUT_S = 600.0

# Per worker process: its pipeline, and the barrier that tells when all workers are ready.
_worker_pipeline: PipesDocuments | None = None
_worker_barrier: Any = None


def _init_worker(factory: PipelineFactory, config: Config, barrier: Any) -> None:
    global _worker_pipeline, _worker_barrier
    _worker_barrier = barrier
    _worker_pipeline = factory(config)


def _wait_ready() -> int:
    # One of these per worker: each blocks until all workers hold one, so every worker has
    # started and built its pipeline when the last returns.
    _worker_barrier.wait(START_TIMEOUT_S)
    return os.getpid()


def _run_chunk(docs: list[Document]) -> list[Document]:
    assert _worker_pipeline is not None
    out = []
    for doc in _worker_pipeline.pipe(docs):
        # At once: the spaCy Docs of a whole chunk of long articles would not fit in memory.
        doc.sdoc = None
        doc.caption_sdocs = []
        out.append(doc)
    return out


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

    def start(self) -> None:
        """Start the workers and wait until each has built its pipeline."""
        if self._pool is not None:
            return
        ctx = multiprocessing.get_context("spawn")
        barrier = ctx.Barrier(self.workers)
        self._pool = ProcessPoolExecutor(
            self.workers,
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(self.factory, self.config, barrier),
        )
        # A spawning executor starts a new worker for each task submitted while none is idle.
        ready = [self._pool.submit(_wait_ready) for _ in range(self.workers)]
        try:
            pids = {future.result() for future in ready}
        except BaseException:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            raise
        log.debug("%d workers ready: %s", len(pids), sorted(pids))

    def close(self) -> None:
        """Stop the workers once the work given to them is done."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ParallelPipeline:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """The documents with every stage run, in input order.

        At most two chunks per worker are in flight, so a long stream is not read ahead
        into memory.
        """
        self.start()
        assert self._pool is not None
        pending: deque[Future[list[Document]]] = deque()
        limit = 2 * self.workers
        try:
            for chunk in batched(docs, self.chunk_size, self.config.parse.max_chunk_chars):
                pending.append(self._pool.submit(_run_chunk, chunk))
                if len(pending) >= limit:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def pipe_parallel(
    docs: Iterable[Document],
    *,
    config: Config | None = None,
    workers: int = 2,
    chunk_size: int = 16,
    factory: PipelineFactory = Pipeline,
) -> Iterator[Document]:
    """Run the pipeline over ``docs`` in ``workers`` processes; documents in input order.

    ``workers=1`` runs in this process (and keeps ``sdoc``). ``factory`` builds each worker's
    pipeline from ``config``; it must be importable by name (a module-level function or class).
    """
    config = config if config is not None else load_config()
    if workers == 1:
        yield from factory(config).pipe(docs)
        return
    with ParallelPipeline(config, workers=workers, chunk_size=chunk_size, factory=factory) as pp:
        yield from pp.pipe(docs)
