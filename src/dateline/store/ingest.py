"""Ingest a batch into a store: idempotent, resumable, parallel, every problem kept.

Inputs already stored under the same configuration hash and version are skipped before the
pipeline sees them, so a rerun adds nothing and a run killed at any moment (kill -9
included) goes on where its last committed transaction ended. Documents are written
``[store] commit_every`` at a time, each batch in one transaction with the merged events it
changes. A document stored by another version or configuration is extracted again and
replaces the old one.

The library reports through a ``Listener`` (the command line draws the progress bar and
prints the problems); it never prints.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Protocol

import sqlalchemy as sa

from .. import __version__
from ..config import Config, config_hash
from ..document import Document
from ..ingest import read_inputs
from ..ingest.jsonl import SUFFIXES as JSONL_SUFFIXES
from ..ingest.jsonl import looks_like_jsonl
from ..ingest.sources import expand
from ..pipeline import Pipeline, batched
from ..runner import PipelineFactory, pipe_parallel
from .base import COUNTERS, Store, Written
from .rows import content_hash

log = logging.getLogger(__name__)

# Inputs read ahead and checked against the store at once (one query per chunk).
LOOKAHEAD = 64


class Listener(Protocol):
    """What an ingest tells its caller as it goes."""

    def total(self, n: int | None) -> None:
        """How many inputs there are (None: unknown, standard input)."""

    def advance(self, n: int) -> None:
        """``n`` more inputs are done (stored, skipped or failed)."""

    def problem(self, source: str, code: str, message: str) -> None:
        """A stored document has a problem (``unexpected_language``, ``stage_failed``...)."""

    def failure(self, source: str, message: str) -> None:
        """An input could not be read; it is not stored, the batch goes on."""


class _Quiet:
    def total(self, n: int | None) -> None:
        pass

    def advance(self, n: int) -> None:
        pass

    def problem(self, source: str, code: str, message: str) -> None:
        pass

    def failure(self, source: str, message: str) -> None:
        pass


@dataclass
class IngestReport:
    """What one ``ingest`` did: its run id, its counts and the inputs it could not read."""

    run_id: int
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTERS, 0))
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    remerged: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "run": self.run_id,
            **self.counts,
            "failures": [{"source": s, "code": c, "message": m} for s, c, m in self.failures],
            "remerged": self.remerged,
        }


def count_inputs(paths: Sequence[str]) -> int | None:
    """How many documents ``paths`` hold (JSON Lines: one a line); None with standard input."""
    total = 0
    for source in expand(paths):
        if source.is_stdin:
            return None
        if source.path is None:
            total += 1
            continue
        try:
            with source.path.open("rb") as handle:
                head = handle.read(1 << 16)
                if source.path.suffix.lower() in JSONL_SUFFIXES or looks_like_jsonl(head):
                    total += _count_lines(head, handle)
                else:
                    total += 1
        except OSError:
            total += 1  # it will be reported as unreadable
    return total


def _count_lines(head: bytes, rest: BinaryIO) -> int:
    lines = 0
    for line in io.BytesIO(head + rest.read()):
        if line.strip():
            lines += 1
    return lines


def ingest(
    paths: Sequence[str],
    *,
    store: Store,
    config: Config,
    workers: int = 1,
    published: str | None = None,
    clean: bool = True,
    listener: Listener | None = None,
    stdin: BinaryIO | None = None,
    factory: PipelineFactory = Pipeline,
) -> IngestReport:
    """Run the pipeline over ``paths`` into ``store``; every committed batch survives a kill.

    ``factory`` builds the pipeline from ``config`` (in each worker process with ``workers``
    over 1); it must be importable by name.
    """
    listener = listener or _Quiet()
    remerged = store.merge_current()
    listener.total(count_inputs(paths))
    cfg_hash = config_hash(config)
    run_id = store.start_run(inputs=list(paths), workers=workers, config_hash=cfg_hash)
    report = IngestReport(run_id=run_id, remerged=remerged)
    docs = read_inputs(paths, config=config, published=published, clean=clean, stdin=stdin)
    todo = _unstored(docs, store, cfg_hash, report, listener)
    status = "failed"
    try:
        processed = pipe_parallel(todo, config=config, workers=workers, factory=factory)
        for batch in batched(processed, store.config.store.commit_every):
            _write(batch, store, report, listener)
        status = "finished"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        store.finish_run(run_id, status=status)
    return report


def _unstored(
    docs: Iterable[Document],
    store: Store,
    cfg_hash: str,
    report: IngestReport,
    listener: Listener,
) -> Iterator[Document]:
    """The documents the store lacks (failed inputs pass on, to be reported in order)."""
    for chunk in batched(docs, LOOKAHEAD):
        hashes = {id(doc): content_hash(doc) for doc in chunk if not doc.failed}
        known = store.known(list(hashes.values()))
        skipped = 0
        for doc in chunk:
            stored = known.get(hashes[id(doc)]) if not doc.failed else None
            if stored == (cfg_hash, __version__):
                skipped += 1
                continue
            yield doc
        if skipped:
            counts = {"documents_read": skipped, "documents_skipped": skipped}
            store.count_run(report.run_id, counts)
            for name, value in counts.items():
                report.counts[name] += value
            listener.advance(skipped)


def _write_singly(
    docs: list[Document],
    pending: list[tuple[str, dict[str, Any]]],
    store: Store,
    report: IngestReport,
    listener: Listener,
) -> tuple[list[Document], list[Written]]:
    """Write documents one transaction each; those the database refuses become failures."""
    kept: list[Document] = []
    written: list[Written] = []
    for doc, item in zip(docs, pending, strict=True):
        try:
            written += store.write([item], run_id=report.run_id)
        except sa.exc.SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            message = (
                f"{doc.source or doc.id}: the store refused the document ({reason}); "
                "please report this with the input"
            )
            log.error("%s", message)
            failure = (doc.source or doc.id, "store_failed", message)
            store.add_failures(report.run_id, [failure])
            report.failures.append(failure)
            report.counts["documents_failed"] += 1
            listener.failure(doc.source or doc.id, message)
            continue
        kept.append(doc)
    return kept, written


def _write(batch: list[Document], store: Store, report: IngestReport, listener: Listener) -> None:
    failures = [doc for doc in batch if doc.failed]
    good = [doc for doc in batch if not doc.failed]
    failed = [
        (doc.source or doc.id, str(getattr(doc.error, "code", "unreadable")), str(doc.error))
        for doc in failures
    ]
    if failed:
        store.add_failures(report.run_id, failed)
        report.failures += failed
        report.counts["documents_failed"] += len(failed)
        for _, _, message in failed:
            listener.failure("", message)
    pending = [(content_hash(doc), doc.to_dict()) for doc in good]
    try:
        written = store.write(pending, run_id=report.run_id, counts={"documents_read": len(batch)})
    except sa.exc.SQLAlchemyError:
        # One document the database refuses must not cost the others: one at a time.
        good, written = _write_singly(good, pending, store, report, listener)
        store.count_run(report.run_id, {"documents_read": len(batch)})
    report.counts["documents_read"] += len(batch)
    for doc, item in zip(good, written, strict=True):
        report.counts[f"documents_{item.outcome}"] += 1
        if item.outcome == "skipped":
            continue
        report.counts["events_added"] += item.events
        report.counts["problems"] += item.problems
        for problem in doc.problems:
            listener.problem(doc.source or doc.id, problem.code, problem.message)
    listener.advance(len(batch))
