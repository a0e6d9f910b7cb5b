"""Build the stage pipeline from the configuration and run it over one document or many.

The pipeline checks at build time that every stage comes after the stages that fill in what
it requires. At run time a stage that fails on one document records a problem on that
document and the batch goes on; an input that cannot be read stops only its own document.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from importlib import metadata

from . import __version__
from .config import Config, config_hash, load_config
from .document import Document, ModelInfo, Provenance
from .errors import InputError, PipelineError, message
from .ingest.article import as_document
from .registry import Stage, StageInfo, stages

log = logging.getLogger(__name__)

# What a Document holds before any stage runs.
INPUT_FIELDS = ("raw", "source", "id")


def batched(
    items: Iterable[Document], size: int, max_chars: int | None = None
) -> Iterator[list[Document]]:
    """Lists of up to ``size`` items, in order.

    With ``max_chars`` a list also ends before its texts (or raw inputs, before cleaning)
    would pass that many characters, so that 32 long articles are never in memory at once
    (a document longer than that goes alone).
    """
    batch: list[Document] = []
    chars = 0
    for item in items:
        length = len(item.text or item.raw)
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


class Pipeline:
    """The configured stages, in order, over Documents."""

    def __init__(self, config: Config | None = None, *, stage_names: Iterable[str] | None = None):
        self.config = config if config is not None else load_config()
        names = list(stage_names if stage_names is not None else self.config.pipeline.stages)
        self.infos: list[StageInfo] = [stages.get(name) for name in names]
        self._check_order()
        self.config_hash = config_hash(self.config)
        self.batch_size = self.config.parse.batch_size
        self.model = model_info(self.config) if self._parses() else None
        self.stages: list[Stage] = [info.factory(self.config) for info in self.infos]

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
        return doc

    def __call__(self, doc: Document | str | bytes) -> Document:
        """Run every stage over one document (an article as str or bytes is read first)."""
        doc = self._start(as_document(doc, config=self.config))
        for info, stage in zip(self.infos, self.stages, strict=True):
            self._apply(info, stage, doc)
        return doc

    def pipe(self, docs: Iterable[Document | str | bytes]) -> Iterator[Document]:
        """Run every stage over a stream of documents, in batches where a stage is faster so.

        Articles given as str or bytes are read as ``dateline.extract`` reads them; one that
        cannot be read comes out failed (``doc.failed``), and the stream goes on.
        """
        stream: Iterable[Document] = (
            self._start(as_document(doc, config=self.config)) for doc in docs
        )
        for info, stage in zip(self.infos, self.stages, strict=True):
            stream = self._pipe_stage(info, stage, stream)
        yield from stream

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
            try:
                for _ in pipe(active):
                    pass
            except Exception:
                # Find the culprit: run the batch again one document at a time.
                log.warning("stage %s failed on a batch; retrying one by one", info.name)
                for doc in active:
                    self._apply(info, stage, doc)
            else:
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
