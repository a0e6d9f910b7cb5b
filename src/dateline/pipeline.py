"""Build the stage pipeline from the configuration and run it over one document or many.

The pipeline checks at build time that every stage comes after the stages that fill in what
it requires. At run time a stage that fails on one document records a problem on that
document and the batch goes on; an input that cannot be read stops only its own document.

Each stage's own time is accounted as it runs (``Pipeline.timings``: a perf_counter pair
around each call, so the figures measure the real code path at no noticeable cost); with
``profile_memory`` the memory each stage takes is measured too (``dateline bench``).
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Any, TypeVar

from . import __version__
from .config import Config, config_hash, load_config
from .document import Document, ModelInfo, Provenance
from .errors import InputError, PipelineError, message
from .ingest.article import as_document
from .registry import Stage, StageInfo, stages

if TYPE_CHECKING:
    from .memory import MemoryProbe

log = logging.getLogger(__name__)

# What a Document holds before any stage runs.
INPUT_FIELDS = ("raw", "source", "id")
MIB = 1024 * 1024
T = TypeVar("T")


@dataclass
class StageTiming:
    """One stage's share of the work: building it once, then running it over documents.

    ``seconds`` and ``docs`` add up over every document the stage ran on (skipped ones are
    not counted). The memory figures are None unless the pipeline profiles memory:
    ``build_mib`` is what building the stage kept (its model, gazetteer, word lists) and
    ``peak_mib`` the most the process grew above its size at the start of one run of the
    stage (one document, or one batch for a batching stage).
    """

    build_s: float = 0.0
    seconds: float = 0.0
    docs: int = 0
    build_mib: float | None = None
    peak_mib: float | None = None

    def add(self, other: StageTiming) -> None:
        """Fold in another process's figures for the same stage (parallel workers)."""
        self.seconds += other.seconds
        self.docs += other.docs
        self.build_s = max(self.build_s, other.build_s)
        self.build_mib = _max(self.build_mib, other.build_mib)
        self.peak_mib = _max(self.peak_mib, other.peak_mib)


def _max(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else max(a, b)


def batched(items: Iterable[T], size: int, max_chars: int | None = None) -> Iterator[list[T]]:
    """Lists of up to ``size`` items (of any kind), in order.

    With ``max_chars`` a list also ends before its texts (or raw inputs, before cleaning)
    would pass that many characters, so that 32 long articles are never in memory at once
    (a document longer than that goes alone).
    """
    batch: list[T] = []
    chars = 0
    for item in items:
        length = 0 if max_chars is None else _length(item)
        if batch and max_chars is not None and chars + length > max_chars:
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += length
        if len(batch) >= size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _length(item: Any) -> int:
    """A Document's characters: its text, or its raw input before cleaning."""
    return len(item.text or item.raw)


class Pipeline:
    """The configured stages, in order, over Documents."""

    def __init__(
        self,
        config: Config | None = None,
        *,
        stage_names: Iterable[str] | None = None,
        profile_memory: bool = False,
    ):
        self.config = config if config is not None else load_config()
        names = list(stage_names if stage_names is not None else self.config.pipeline.stages)
        self.infos: list[StageInfo] = [stages.get(name) for name in names]
        self._check_order()
        self.config_hash = config_hash(self.config)
        self.batch_size = self.config.parse.batch_size
        self.model = model_info(self.config) if self._parses() else None
        self.timings: dict[str, StageTiming] = {info.name: StageTiming() for info in self.infos}
        self._probe: MemoryProbe | None = None
        if profile_memory:
            from .memory import MemoryProbe

            self._probe = MemoryProbe()
        self.stages: list[Stage] = [self._build(info) for info in self.infos]
        log.info(
            "pipeline: %s; model %s; configuration %s",
            ", ".join(self.names),
            f"{self.model.name} {self.model.version}" if self.model else "none",
            self.config_hash,
        )

    def _build(self, info: StageInfo) -> Stage:
        timing = self.timings[info.name]
        before = self._probe.rss() if self._probe else 0
        start = time.perf_counter()
        stage = info.factory(self.config)
        timing.build_s = time.perf_counter() - start
        if self._probe:
            timing.build_mib = max(0, self._probe.rss() - before) / MIB
        return stage

    def reset_timings(self) -> None:
        """Start the run figures afresh (after a warm-up); build figures stay."""
        for timing in self.timings.values():
            timing.seconds, timing.docs, timing.peak_mib = 0.0, 0, None

    def _parses(self) -> bool:
        return any("sdoc" in info.assigns for info in self.infos)

    def _start(self, doc: Document) -> Document:
        """Stamp a document entering the pipeline with what is about to make its output."""
        if doc.provenance is None:
            doc.provenance = Provenance(
                dateline=__version__,
                model=self.model,
                config=self.config_hash,
                input_format=doc.input_format,
                clean=doc.clean,
            )
        return doc

    def _check_order(self) -> None:
        available = set(INPUT_FIELDS)
        for info in self.infos:
            missing = [need for need in info.requires if need not in available]
            if missing:
                raise PipelineError(
                    f"stage {info.name} requires {', '.join(missing)}, which no earlier stage "
                    f"assigns; put the stage that assigns it first in [pipeline] stages"
                )
            available.update(info.assigns)

    @property
    def names(self) -> list[str]:
        return [info.name for info in self.infos]

    def _should_run(self, info: StageInfo, doc: Document) -> bool:
        if doc.failed:
            return False
        if doc.missing.intersection(info.requires):
            # What this stage needs was not made (an earlier stage failed): its problem is
            # already recorded, and this stage's own output is missing too.
            doc.missing.update(info.assigns)
            return False
        return not (info.english_only and not doc.in_language(self.config.language.expected))

    def _apply(self, info: StageInfo, stage: Stage, doc: Document) -> Document:
        if not self._should_run(info, doc):
            return doc
        start = self._begin()
        try:
            stage(doc)
        except InputError as exc:
            doc.fail(exc)
        except Exception as exc:  # a bug in one stage must not stop the batch
            log.exception("stage %s failed on %s", info.name, doc.source or doc.id)
            doc.add_problem(
                "stage_failed", message("stage_failed", stage=info.name, detail=repr(exc))
            )
            doc.missing.update(info.assigns)
        else:
            _ran(doc, info)
        finally:
            self._account(info, start, 1)
        return doc

    def _begin(self) -> tuple[float, int]:
        return time.perf_counter(), self._probe.mark() if self._probe else 0

    def _account(self, info: StageInfo, start: tuple[float, int], docs: int) -> None:
        timing = self.timings[info.name]
        timing.seconds += time.perf_counter() - start[0]
        timing.docs += docs
        if self._probe:
            grew = max(0, self._probe.peak_since_mark() - start[1]) / MIB
            timing.peak_mib = grew if timing.peak_mib is None else max(timing.peak_mib, grew)

    def __call__(self, doc: Document | str | bytes) -> Document:
        """Run every stage over one document (an article as str or bytes is read first)."""
        doc = self._start(as_document(doc, config=self.config))
        split = self._split_at()
        for info, stage in zip(self.infos[:split], self.stages[:split], strict=True):
            self._apply(info, stage, doc)
        if self._long(doc):
            return self._by_sections(doc)
        for info, stage in zip(self.infos[split:], self.stages[split:], strict=True):
            self._apply(info, stage, doc)
        return doc

    def _split_at(self) -> int:
        """Where the stages that read the parse begin: from there, long texts go in sections."""
        for i, info in enumerate(self.infos):
            if "sdoc" in info.assigns:
                return i
        return len(self.infos)

    def _long(self, doc: Document) -> bool:
        """Whether ``doc`` is read in sections (``[parse] section_chars``)."""
        return (
            self._split_at() < len(self.infos)
            and not doc.failed
            and len(doc.text) > self.config.parse.section_chars
        )

    def _by_sections(self, doc: Document) -> Document:
        """Run the stages from parse on over each section of a long ``doc`` (dateline.sections)."""
        from .sections import Sections, sections

        split = self._split_at()
        gathered = Sections(doc)
        for section, offset in sections(doc, self.config.parse.section_chars):
            for info, stage in zip(self.infos[split:], self.stages[split:], strict=True):
                self._apply(info, stage, section)
            section.sdoc = None
            section.caption_sdocs = []
            gathered.add(section, offset)
        return gathered.finish()

    def pipe(self, docs: Iterable[Document | str | bytes]) -> Iterator[Document]:
        """Run every stage over a stream of documents, in batches where a stage is faster so.

        Articles given as str or bytes are read as ``dateline.extract`` reads them; one that
        cannot be read comes out failed (``doc.failed``), and the stream goes on.
        """
        stream: Iterable[Document] = (
            self._start(as_document(doc, config=self.config)) for doc in docs
        )
        split = self._split_at()
        for info, stage in zip(self.infos[:split], self.stages[:split], strict=True):
            stream = self._pipe_stage(info, stage, stream)
        # Runs of ordinary documents go through the rest in batches; a long one by sections.
        for long, run in itertools.groupby(stream, key=self._long):
            if long:
                yield from (self._by_sections(doc) for doc in run)
                continue
            tail: Iterable[Document] = run
            for info, stage in zip(self.infos[split:], self.stages[split:], strict=True):
                tail = self._pipe_stage(info, stage, tail)
            yield from tail

    def _pipe_stage(
        self, info: StageInfo, stage: Stage, docs: Iterable[Document]
    ) -> Iterator[Document]:
        pipe = getattr(stage, "pipe", None)
        if pipe is None:
            for doc in docs:
                yield self._apply(info, stage, doc)
            return
        for batch in batched(docs, self.batch_size, self.config.parse.max_chunk_chars):
            active = [doc for doc in batch if self._should_run(info, doc)]
            start = self._begin()
            try:
                for _ in pipe(active):
                    pass
            except Exception:
                self._account(info, start, 0)
                # Find the culprit: run the batch again one document at a time.
                log.warning("stage %s failed on a batch; retrying one by one", info.name)
                for doc in active:
                    self._apply(info, stage, doc)
            else:
                self._account(info, start, len(active))
                for doc in active:
                    _ran(doc, info)
            yield from batch


def _ran(doc: Document, info: StageInfo) -> None:
    if doc.provenance is not None:
        doc.provenance.stages.append(info.name)


def model_info(config: Config) -> ModelInfo:
    """The spaCy pipeline's package name and installed version (None for a path)."""
    try:
        version: str | None = metadata.version(config.model.name)
    except (metadata.PackageNotFoundError, ValueError):
        version = None
    return ModelInfo(name=config.model.name, version=version)
