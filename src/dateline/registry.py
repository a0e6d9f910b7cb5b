"""Versioned names for replaceable parts: pipeline stages (and later stores, exporters).

A stage is registered under a versioned name (``dateline.places.v1``) with what it needs
and what it fills in, so that a pipeline in the wrong order fails when it is built, not
halfway through a corpus. Other packages add stages through the ``dateline.stages``
entry-point group; dateline's own stages use the same registry. A name registered twice by
two different factories is an error, never a silent replacement.

Why not ``catalogue`` (spaCy's registries)? Its entry points register the loaded object
itself under the entry-point name and a second registration silently replaces the first;
a stage here is a factory plus its contract (requires, assigns, language), declared where
the factory is defined, and a clash must fail. What catalogue would save is the dict below.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, Protocol

from .errors import PipelineError

if TYPE_CHECKING:
    from .config import Config
    from .document import Document

# Modules whose import registers dateline's own stages.
BUILTIN_MODULES = (
    "dateline.ingest.clean",
    "dateline.ingest.language",
    "dateline.nlp.parse",
    "dateline.nlp.entities",
    "dateline.nlp.actors",
    "dateline.nlp.places",
    "dateline.nlp.times",
    "dateline.nlp.quotes",
    "dateline.nlp.claims",
    "dateline.coding.events",
)


class Stage(Protocol):
    """A configured stage: enriches a Document in place and returns it."""

    def __call__(self, doc: Document) -> Document: ...


class BatchStage(Stage, Protocol):
    """A stage that is faster over many documents at once (spaCy's ``nlp.pipe``)."""

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]: ...


StageFactory = Callable[["Config"], Stage]


@dataclass(frozen=True)
class StageInfo:
    """A registered stage: its factory and its contract with the other stages."""

    name: str
    factory: StageFactory
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    english_only: bool = False
    doc: str = ""


@dataclass
class Registry:
    """Names -> registered things, filled by decorators and entry points."""

    group: str
    items: dict[str, StageInfo] = field(default_factory=dict)
    _loaded: bool = False

    def register(
        self,
        name: str,
        *,
        requires: Iterable[str] = (),
        assigns: Iterable[str] = (),
        english_only: bool = False,
    ) -> Callable[[StageFactory], StageFactory]:
        """Decorator: register a stage factory under ``name``."""

        def decorate(factory: StageFactory) -> StageFactory:
            doc = (factory.__doc__ or "").strip().splitlines()
            old = self.items.get(name)
            if old is not None and _where(old.factory) != _where(factory):
                raise PipelineError(
                    f"stage name {name!r} is already registered by {_where(old.factory)}; "
                    f"{_where(factory)} must register its stage under another name "
                    "(a new version: .v2)"
                )
            self.items[name] = StageInfo(
                name=name,
                factory=factory,
                requires=tuple(requires),
                assigns=tuple(assigns),
                english_only=english_only,
                doc=doc[0] if doc else "",
            )
            return factory

        return decorate

    def load(self) -> None:
        """Import dateline's own stages and those of installed plugins (once)."""
        if self._loaded:
            return
        for module in BUILTIN_MODULES:
            importlib.import_module(module)
        for ep in entry_points(group=self.group):
            ep.load()
        self._loaded = True

    def get(self, name: str) -> StageInfo:
        self.load()
        try:
            return self.items[name]
        except KeyError:
            known = ", ".join(sorted(self.items))
            raise PipelineError(f"unknown stage {name!r}; registered stages: {known}") from None

    def names(self) -> list[str]:
        self.load()
        return sorted(self.items)

    def __contains__(self, name: Any) -> bool:
        self.load()
        return name in self.items


def _where(factory: StageFactory) -> str:
    """Where a factory is defined: the same definition imported again may register again."""
    return f"{getattr(factory, '__module__', '?')}.{getattr(factory, '__qualname__', '?')}"


stages = Registry("dateline.stages")
