"""The Document: one article, enriched stage by stage, serialised as the output contract.

A Document starts from its raw input (``raw``, ``source``, ``input_format``) and each pipeline
stage fills in part of it: the clean ``text`` and ``meta``, then entities, places, times,
events, quotes and claims. ``to_dict`` gives the public shape ``dateline/1``
(docs/output.md), with the ``provenance`` of the result and the ``raw_map`` from ``text`` and
the captions back to the input; everything else (the raw input, the spaCy Docs) is working
state.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any, Literal, TypeVar, cast

from pydantic import ConfigDict, Field, PrivateAttr

from .errors import DatelineError
from .records import Claim, Entity, Event, Place, Quote, Record, Span, Time, sort_key

SCHEMA_VERSION = "dateline/1"

T = TypeVar("T")

InputFormat = Literal["text", "html"]


class Caption(Record):
    """A photo caption removed from the body, as written (its credit included).

    Spans with ``caption: n`` index ``meta.captions[n].text``.
    """

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
    url: str | None = None


class Segment(Record):
    """A run of ``text`` (or of caption ``caption``'s text) copied unchanged from the input.

    ``text[start:start+length] == raw[raw_start:raw_start+length]``, where ``raw`` is the
    decoded input (an HTML page's source included). Characters no segment covers were not
    copied verbatim (an HTML entity, a joined line break): map them to the nearest segment.
    """

    start: int = Field(ge=0)
    raw_start: int = Field(ge=0)
    length: int = Field(ge=0)
    caption: int | None = Field(default=None, ge=0)


class ModelInfo(Record):
    """The spaCy pipeline that parsed the text: package name and version."""

    name: str
    version: str | None = None


class Provenance(Record):
    """What made this output: versions, the stages that ran, the configuration's hash.

    The same input with the same provenance gives the same bytes; a store keys results on it.
    """

    dateline: str
    model: ModelInfo | None = None
    stages: list[str] = Field(default_factory=list)
    config: str
    input_format: InputFormat = "text"
    clean: bool = True


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
    provenance: Provenance | None = None
    raw_map: list[Segment] = Field(default_factory=list)

    # Working state, never serialised.
    _raw: str = PrivateAttr(default="")
    _input_format: InputFormat = PrivateAttr(default="text")
    _clean: bool = PrivateAttr(default=True)
    _published_given: str | None = PrivateAttr(default=None)
    _url: str | None = PrivateAttr(default=None)
    _sdoc: Any = PrivateAttr(default=None)
    _caption_sdocs: list[Any] = PrivateAttr(default_factory=list)
    _memo: dict[str, tuple[int, int, Any]] = PrivateAttr(default_factory=dict)
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
        doc.meta.url = url
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
    def caption_sdocs(self) -> list[Any]:
        """The spaCy Doc of each caption (``meta.captions[n].text``), once parsed."""
        return self._caption_sdocs

    @caption_sdocs.setter
    def caption_sdocs(self, value: list[Any]) -> None:
        self._caption_sdocs = list(value)

    @property
    def segments(self) -> list[Segment]:
        """The offset map from ``text`` and the captions back to ``raw`` (``raw_map``)."""
        return self.raw_map

    def set_text(self, text: str, segments: list[Segment] | None = None) -> None:
        """Set the clean text and the map of where its pieces sit in ``raw``."""
        self.text = text
        self.raw_map = list(segments or [])

    def raw_offset(self, offset: int, *, caption: int | None = None) -> int | None:
        """The offset in ``raw`` of ``text[offset]``, or None if it was not copied from raw."""
        for seg in self.raw_map:
            if seg.caption != caption:
                continue
            if seg.start <= offset < seg.start + seg.length or (
                offset == seg.start + seg.length and seg.length
            ):
                return seg.raw_start + (offset - seg.start)
        return None

    def memo(self, name: str, records: list[Any], make: Callable[[], T]) -> T:
        """``make()``, computed once per state of ``records`` (a lookup table over them).

        The cross-layer functions are called once per event or quote; a table built from a
        record list each call would make a long document quadratic. The table is rebuilt
        when the list is replaced or changes length.
        """
        key = (id(records), len(records))
        found = self._memo.get(name)
        if found is not None and found[:2] == key:
            return cast(T, found[2])
        value = make()
        self._memo[name] = (*key, value)
        return value

    def part(self, caption: int | None = None) -> str:
        """The text spans index: the body, or caption ``caption``'s text."""
        return self.text if caption is None else self.meta.captions[caption].text

    def span(self, start: int, end: int, *, caption: int | None = None) -> Span:
        """Evidence for ``text[start:end]`` (of caption ``caption`` when given)."""
        return Span.of(self.part(caption), start, end, caption=caption)

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

    def in_language(self, expected: str) -> bool:
        """Whether the language-specific stages should run: the language is ``expected``.

        A language that could not be identified (a short text) counts as the expected one.
        """
        return self.meta.language in (None, expected)

    # -- serialisation -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The output contract ``dateline/1``: lists sorted by first evidence, then id."""
        data = self.model_dump(mode="json", by_alias=True)
        for key in ("entities", "places", "times", "events", "quotes", "claims"):
            records: list[Record] = getattr(self, key)
            keys = [(sort_key(r), str(getattr(r, "id", ""))) for r in records]
            order = sorted(range(len(records)), key=keys.__getitem__)
            data[key] = [data[key][i] for i in order]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """A Document from the output contract (validated).

        Raises ``DatelineError`` for another schema version: its fields may mean other things.
        """
        schema = data.get("schema", SCHEMA_VERSION) if isinstance(data, dict) else None
        if schema != SCHEMA_VERSION:
            raise DatelineError(
                f"this dateline reads {SCHEMA_VERSION} documents, not {schema!r}; "
                "read it with the dateline version that wrote it"
            )
        return cls.model_validate(data)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The contract as JSON text; the same document always gives the same bytes."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
