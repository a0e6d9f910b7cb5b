"""Read an article longer than ``[parse] section_chars`` in sections, within bounded memory.

A parsed spaCy Doc takes several hundred bytes a token, and the records made from it more:
a 5 MB input (the largest accepted) read whole took 1.7 GB. Past ``section_chars`` the
stages from parse on therefore run on one section of the text at a time (cut at a line
break, like the parser's pieces), as if it were a document of its own; its spaCy Doc is let
go, and its records join the article's with their offsets and ids moved to where the
section sits in the text. What is found is what the layers find in each section: a
coreference chain, an event told twice or a document focus does not reach across sections
(an article that long is a transcript or a compilation rather than a report). The records of
one referent or place found in several sections are made one record with all its mentions.

Records are kept compact as they join (``compact``): every span with the same offsets is one
object, and records of one kind share one set of the fields given (pydantic keeps one per
object, about 200 bytes). Together that halves what the records of a long article hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel

from .document import Document
from .records import Entity, Place, Span, sort_key

# Record lists a section's stages fill in, in the document's order.
RECORD_FIELDS = ("entities", "places", "times", "quotes", "claims", "events")
# Fields that hold the id of another record, and those that hold a list of ids.
ID_FIELDS = ("entity_id", "place_id", "time_id")
ID_LIST_FIELDS = ("event_ids",)
_BODY_ID = re.compile(r"^([a-z]+)-(\d+)((?:\.\d+)?)$")


def section_bounds(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Where each section of ``text`` starts and ends (they join back to ``text``)."""
    from .nlp.parse import split_text

    bounds = []
    start = 0
    for piece in split_text(text, max_chars):
        bounds.append((start, start + len(piece)))
        start += len(piece)
    return bounds


def section_document(doc: Document, start: int, end: int) -> Document:
    """A Document of ``doc.text[start:end]`` with the article's metadata.

    Only the first section carries the photo captions, so that they are read once.
    """
    meta = doc.meta if start == 0 else doc.meta.model_copy(update={"captions": []})
    section = Document(id=doc.id, source=doc.source, text=doc.text[start:end], meta=meta)
    if doc.provenance is not None:
        section.provenance = doc.provenance.model_copy(update={"stages": []})
    return section


class Compactor:
    """Records made compact as they are gathered: equal spans one object, field sets shared.

    Calling it on a record (of one document) compacts that record in place and returns it.
    """

    def __init__(self) -> None:
        self.fields_sets: dict[tuple[type, frozenset[str]], set[str]] = {}
        self.walked: set[int] = set()
        self.spans: dict[tuple[int, int, int | None], Span] = {}

    def __call__(self, record: BaseModel) -> BaseModel:
        self._walk(record, 0, {}, self.spans)
        return record

    def _walk(
        self,
        record: BaseModel,
        offset: int,
        ids: dict[str, str],
        spans: dict[tuple[int, int, int | None], Span],
    ) -> None:
        """Move ``record``'s spans and id references; share equal spans and field sets.

        A record (a Role, a Span) can sit in several others: each is moved once.
        """
        if id(record) in self.walked:
            return
        self.walked.add(id(record))
        values = record.__dict__
        for name, value in values.items():
            if isinstance(value, Span):
                values[name] = self._span(value, offset, spans)
            elif isinstance(value, BaseModel):
                self._walk(value, offset, ids, spans)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, Span):
                        value[i] = self._span(item, offset, spans)
                    elif isinstance(item, BaseModel):
                        self._walk(item, offset, ids, spans)
                if name in ID_LIST_FIELDS:
                    values[name] = [ids.get(item, item) for item in value]
            elif name in ID_FIELDS and isinstance(value, str):
                values[name] = ids.get(value, value)
        self._share_fields_set(record)

    def _span(
        self, span: Span, offset: int, spans: dict[tuple[int, int, int | None], Span]
    ) -> Span:
        if id(span) in self.walked:  # already moved
            return span
        key = (span.start, span.end, span.caption)
        found = spans.get(key)
        if found is None:
            if span.caption is None and offset:
                found = Span.model_construct(
                    start=span.start + offset, end=span.end + offset, text=span.text, caption=None
                )
            else:
                found = span
            self._share_fields_set(found)
            spans[key] = found
            self.walked.add(id(found))
        return found

    def _share_fields_set(self, record: BaseModel) -> None:
        # Pydantic only reads this set to dump with exclude_unset, which dateline never does;
        # records of one kind made alike can share one.
        names = record.__pydantic_fields_set__
        key = (type(record), frozenset(names))
        shared = self.fields_sets.setdefault(key, set(names))
        object.__setattr__(record, "__pydantic_fields_set__", shared)


class Sections(Compactor):
    """An article's records gathered section by section (``add``), then made one (``finish``)."""

    def __init__(self, doc: Document):
        super().__init__()
        self.doc = doc
        self.stages: list[str] | None = None

    def add(self, section: Document, offset: int) -> None:
        """Move a processed section's records into the article (the section is spent)."""
        doc = self.doc
        ids: dict[str, str] = {}
        spans: dict[tuple[int, int, int | None], Span] = {}
        self.walked = set()  # ids of what this section's walk has moved (all alive till done)
        for field in RECORD_FIELDS:
            for record in getattr(section, field):
                new = shifted_id(record.id, offset)
                ids[record.id] = new
                record.__dict__["id"] = new
        for field in RECORD_FIELDS:
            records = getattr(section, field)
            for record in records:
                self._walk(record, offset, ids, spans)
            getattr(doc, field).extend(records)
            setattr(section, field, [])
        for problem in section.problems:
            if problem not in doc.problems:
                doc.problems.append(problem)
        doc.missing.update(section.missing)
        if section.provenance is not None and self.stages is None:
            self.stages = list(section.provenance.stages)
        if section.failed and not doc.failed:
            doc.fail(section.error)
        self.walked = set()

    def finish(self) -> Document:
        """The article with one record per referent and place, every list in text order."""
        doc = self.doc
        merged: dict[str, str] = {}
        doc.entities = _merge(doc.entities, _entity_key, merged)
        doc.places = _merge(doc.places, _place_key, merged)
        if merged:
            for field in RECORD_FIELDS:
                for record in getattr(doc, field):
                    _rename(record, merged)
        for field in RECORD_FIELDS:
            getattr(doc, field).sort(key=sort_key)
        if doc.provenance is not None and self.stages:
            doc.provenance.stages.extend(self.stages)
        return doc


def shifted_id(record_id: str, offset: int) -> str:
    """``ev-217`` of a section at ``offset`` 1000 is ``ev-1217``; caption ids stay as they are."""
    match = _BODY_ID.match(record_id)
    if match is None or not offset:
        return record_id
    prefix, start, suffix = match.groups()
    return f"{prefix}-{int(start) + offset}{suffix}"


def _entity_key(entity: Entity) -> tuple[Any, ...] | None:
    # An unnamed referent ("a spokesman") of one section is not the same one in another.
    if not entity.named:
        return None
    return (entity.label, entity.canonical or entity.name, entity.actor_type, entity.country)


def _place_key(place: Place) -> tuple[Any, ...] | None:
    if place.relative is not None:
        return None
    return (place.name, place.geonames_id, place.precision)


def _merge(
    records: list[Any],
    key: Callable[[Any], tuple[Any, ...] | None],
    merged: dict[str, str],
) -> list[Any]:
    """One record per key, holding every mention, with the first one's id."""
    first: dict[tuple[Any, ...], Any] = {}
    kept = []
    for record in records:
        found = key(record)
        if found is None:
            kept.append(record)
            continue
        same = first.get(found)
        if same is None:
            first[found] = record
            kept.append(record)
        else:
            same.__dict__["mentions"] = [*same.mentions, *record.mentions]
            merged[record.id] = same.id
    return kept


def _rename(record: BaseModel, merged: dict[str, str]) -> None:
    values = record.__dict__
    for name, value in values.items():
        if name in ID_FIELDS and isinstance(value, str):
            values[name] = merged.get(value, value)
        elif isinstance(value, BaseModel) and not isinstance(value, Span):
            _rename(value, merged)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel) and not isinstance(item, Span):
                    _rename(item, merged)


def sections(doc: Document, max_chars: int) -> Iterator[tuple[Document, int]]:
    """Each section of ``doc`` as a Document, with the offset where it starts."""
    for start, end in section_bounds(doc.text, max_chars):
        yield section_document(doc, start, end), start
