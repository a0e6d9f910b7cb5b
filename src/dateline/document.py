"""The Document: one article, enriched stage by stage, serialised as the output contract.

A Document starts from its raw input (``raw``, ``source``, ``input_format``) and each pipeline
stage fills in part of it: the clean ``text`` and ``meta``, then entities, places, times,
events, quotes and claims. ``to_dict`` gives the public shape of ``shared/OUTPUT.md``;
everything else (the raw text, the spaCy Doc, the offset map) is working state.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from .records import Claim, Entity, Event, Place, Quote, Record, Span, Time, first_offset

SCHEMA_VERSION = "dateline/1"

InputFormat = Literal["text", "html"]


class Caption(Record):
    """A photo caption removed from the body, as written (its credit included)."""

    text: str


class Problem(Record):
    """Something wrong with a document that did not stop it: a code and what to do."""

    code: str
    message: str


class Meta(Record):
    """What an article says about itself: headline, dates, dateline, agencies, language."""

    headline: str | None = None
    published: str | None = None
    modified: str | None = None
    dateline: list[str] = Field(default_factory=list)
    agencies: list[str] = Field(default_factory=list)
    language: str | None = None
    captions: list[Caption] = Field(default_factory=list)


class Segment(BaseModel):
    """A run of ``text`` copied unchanged from ``raw``: text[start:start+length] == raw[raw_start:...]."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int
    raw_start: int
    length: int


def make_id(data: bytes | str) -> str:
    """A stable document id: the first 16 hex digits of the SHA-256 of the input bytes."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


class Document(Record):
    """One article and everything extracted from it."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=False,
        json_schema_serialization_defaults_required=True,
        populate_by_name=True,
    )

    schema_: str = Field(default=SCHEMA_VERSION, alias="schema")
    id: str
    source: str | None = None
    text: str = ""
    meta: Meta = Field(default_factory=Meta)
    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)

    # Working state, never serialised.
    _raw: str = PrivateAttr(default="")
    _input_format: InputFormat = PrivateAttr(default="text")
    _clean: bool = PrivateAttr(default=True)
    _published_given: str | None = PrivateAttr(default=None)
    _url: str | None = PrivateAttr(default=None)
    _segments: list[Segment] = PrivateAttr(default_factory=list)
    _sdoc: Any = PrivateAttr(default=None)
    _provenance: list[dict[str, str]] = PrivateAttr(default_factory=list)
    _error: Any = PrivateAttr(default=None)
    _missing: set[str] = PrivateAttr(default_factory=set)

    @classmethod
    def from_input(
        cls,
        raw: str,
        *,
        source: str | None = None,
        id: str | None = None,
        input_format: InputFormat = "text",
        clean: bool = True,
        published: str | None = None,
        url: str | None = None,
        raw_bytes: bytes | None = None,
    ) -> Document:
        """A Document waiting for its stages, made from decoded input."""
        doc = cls(id=id or make_id(raw_bytes if raw_bytes is not None else raw), source=source)
        doc._raw = raw
        doc._input_format = input_format
        doc._clean = clean
        doc._published_given = published
        doc._url = url
        return doc

    # -- working state -------------------------------------------------------------------
    @property
    def raw(self) -> str:
        """The decoded input, before cleaning."""
        return self._raw

    @property
    def input_format(self) -> InputFormat:
        return self._input_format

    @property
    def clean(self) -> bool:
        """False when the text must be used exactly as given (``--no-clean``)."""
        return self._clean

    @property
    def published_given(self) -> str | None:
        """The publication date given on input; it overrides what the text says."""
        return self._published_given

    @property
    def url(self) -> str | None:
        return self._url

    @property
    def sdoc(self) -> Any:
        """The spaCy Doc of ``text``, once the parse stage has run (else None)."""
        return self._sdoc

    @sdoc.setter
    def sdoc(self, value: Any) -> None:
        self._sdoc = value

    @property
    def segments(self) -> list[Segment]:
        """The offset map from ``text`` back to ``raw``."""
        return self._segments

    def set_text(self, text: str, segments: list[Segment] | None = None) -> None:
        """Set the clean text and the map of where its pieces sit in ``raw``."""
        self.text = text
        self._segments = list(segments or [])

    def raw_offset(self, offset: int) -> int | None:
        """The offset in ``raw`` of ``text[offset]``, or None if it was not copied from raw."""
        for seg in self._segments:
            if seg.start <= offset < seg.start + seg.length or (
                offset == seg.start + seg.length and seg.length
            ):
                return seg.raw_start + (offset - seg.start)
        return None

    @property
    def provenance(self) -> list[dict[str, str]]:
        return self._provenance

    def span(self, start: int, end: int) -> Span:
        """Evidence for ``text[start:end]``."""
        return Span.of(self.text, start, end)

    def add_problem(self, code: str, message: str) -> None:
        self.problems.append(Problem(code=code, message=message))

    def fail(self, error: Exception) -> None:
        """Mark the document as unreadable; the remaining stages skip it."""
        self._error = error
        code = getattr(error, "code", "unreadable")
        detail = getattr(error, "detail", str(error))
        self.add_problem(code, detail)

    @property
    def missing(self) -> set[str]:
        """What a failed stage should have assigned: stages that require it are skipped."""
        return self._missing

    @property
    def failed(self) -> bool:
        """Whether the input could not be read (then it is reported, not written)."""
        return self._error is not None

    @property
    def error(self) -> Any:
        """The InputError that stopped this document, if any."""
        return self._error

    @property
    def is_english(self) -> bool:
        """Whether the English-only stages should run (unknown language counts as English)."""
        return self.meta.language in (None, "en")

    # -- serialisation -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The output contract ``dateline/1``: lists sorted by first evidence, then id."""
        data = self.model_dump(mode="json", by_alias=True)
        for key in ("entities", "places", "times", "events", "quotes", "claims"):
            records: list[Record] = getattr(self, key)
            keys = [(first_offset(r), str(getattr(r, "id", ""))) for r in records]
            order = sorted(range(len(records)), key=keys.__getitem__)
            data[key] = [data[key][i] for i in order]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """A Document from the output contract (validated)."""
        return cls.model_validate(data)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The contract as JSON text; the same document always gives the same bytes."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
