"""The records dateline extracts, each carrying evidence spans into the document text.

These models are the output contract ``dateline/1`` (docs/output.md): the JSON Schema in
``resources/schema/dateline-1.json`` is generated from them, and exporters read their
fields. Change them only by adding fields.

Every record has a stable ``id`` made from its kind and the offset of its first evidence
(``assign_ids``), so that finding one more mention earlier in the text does not renumber the
others, and one shape of evidence: a list of ``Span`` (``mentions`` for entities and places,
``evidence`` for everything else).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Precision = Literal["day", "week", "month", "season", "year", "decade", "unknown"]
# "offset": a point at a distance and direction from a named place ("30 km south of Mosul").
PlacePrecision = Literal[
    "point", "town", "offset", "admin2", "admin1", "region", "country", "unknown"
]
# How an event's location was found: a place attached to its clause ("in X"), the nearest
# place named in its sentence or paragraph, or the document's focus (dateline, main place).
LocationBasis = Literal[
    "attached", "sentence", "paragraph", "focus", "continued", "caption", "dateline_country"
]
Certainty = Literal[
    "asserted",
    "claimed",
    "reported",
    "unconfirmed",
    "disputed",
    "denied",
    "unsupported",
    "hypothetical",
    "negated",
]
ClaimStatus = Literal[
    "asserted", "claimed", "reported", "unconfirmed", "disputed", "denied", "unsupported"
]


class Record(BaseModel):
    """Base of every output record: no unknown keys, validated on assignment."""

    # Serialisation-mode schemas mark defaulted fields required: the contract never omits keys.
    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, json_schema_serialization_defaults_required=True
    )


class Span(Record):
    """A piece of evidence: ``text[start:end]`` of the document body or of one photo caption.

    ``caption`` is None for the body (``Document.text``) and n for ``meta.captions[n].text``.
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    caption: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text {self.text!r} has {len(self.text)} characters "
                f"but covers {self.end - self.start}"
            )
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int, *, caption: int | None = None) -> Span:
        """The span of ``text[start:end]`` (``text`` is the caption's when ``caption`` is set)."""
        return cls(start=start, end=end, text=text[start:end], caption=caption)

    @property
    def order(self) -> tuple[int, int, int]:
        """Sort key of the contract: the body first, then each caption, by offset."""
        return (0, 0, self.start) if self.caption is None else (1, self.caption, self.start)


class Entity(Record):
    """One referent (person, organisation, place...) with all its mentions."""

    id: str
    label: str
    name: str
    canonical: str | None = None
    actor_type: str | None = None
    country: str | None = None
    # Added by the actors stage (the contract only gains fields): the CAMEO/PLOVER-style
    # sector code (GOV, MIL, REB...), whether any mention names it (False: "gunmen", "a
    # spokesman"), and the body a described person acts for ("Military Forces of Russia").
    sector: str | None = None
    named: bool = True
    affiliation: str | None = None
    mentions: list[Span] = Field(min_length=1)


class Relative(Record):
    """Where a place lies from another: "30 km south of Mosul" is 30 km at 180 degrees."""

    anchor: str
    distance_km: float = Field(ge=0)
    bearing: float = Field(ge=0, lt=360)
    evidence: list[Span] = Field(min_length=1)


class Place(Record):
    """A place named in the text, resolved to the gazetteer where possible."""

    id: str
    name: str
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature: str | None = None
    precision: PlacePrecision = "unknown"
    relative: Relative | None = None
    mentions: list[Span] = Field(min_length=1)


class TimeRange(Record):
    """The stretch a range written with two ends covers ("from 2014 to 2016")."""

    earliest: str | None = None
    latest: str | None = None
    evidence: list[Span] = Field(min_length=1)


class Time(Record):
    """A temporal expression with its TIMEX3 value, resolved against the publication date."""

    id: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    earliest: str | None = None
    latest: str | None = None
    precision: Precision = "unknown"
    evidence: list[Span] = Field(min_length=1)
    # TIMEX3 mod: START, MID, END (early/mid/late), APPROX, LESS_THAN, MORE_THAN, ...
    mod: str | None = None
    # What a relative value was resolved against: the publication date, a date in the
    # dateline, or the date mentioned before it ("the next day"); null when absolute.
    anchor: Literal["published", "dateline", "mention"] | None = None
    # Both ends of a range carry the stretch it covers.
    range: TimeRange | None = None


class Role(Record):
    """An actor taking part in an event."""

    name: str
    canonical: str | None = None
    entity_id: str | None = None
    actor_type: str | None = None
    country: str | None = None
    evidence: list[Span] = Field(min_length=1)


class Count(Record):
    """A number of people: exact, approximate ("some 40") or vague ("dozens").

    ``civilians`` and ``combatants`` say how many of ``best`` the text says were civilians or
    fighters ("12 soldiers and five villagers"), null where it does not say; the words they
    rest on are among ``evidence``.
    """

    best: int | None = None
    low: int | None = None
    high: int | None = None
    approximate: bool = False
    civilians: int | None = None
    combatants: int | None = None
    evidence: list[Span] = Field(min_length=1)


class Location(Record):
    """Where an event happened."""

    place_id: str | None = None
    name: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    precision: PlacePrecision = "unknown"
    admin1: str | None = None
    geonames_id: int | None = None
    basis: LocationBasis | None = None
    evidence: list[Span] = Field(min_length=1)


class EventDate(Record):
    """When an event happened, as precisely as the text says."""

    value: str
    earliest: str | None = None
    latest: str | None = None
    precision: Precision = "unknown"
    evidence: list[Span] = Field(min_length=1)


class Named(Record):
    """A named thing with its evidence: a target, a weapon."""

    name: str
    evidence: list[Span] = Field(min_length=1)


class Source(Record):
    """Who says so: the claimant of an event or the speaker of a quote."""

    name: str
    entity_id: str | None = None
    evidence: list[Span] = Field(min_length=1)


class EventMention(Record):
    """One telling of an event: its trigger word, what that word codes, and its clause.

    An event told in the lead, in a quote and in later detail has three mentions; its
    arguments sit in their clauses. ``outcome`` is "killed" or "injured" for a word that
    reports deaths or injuries ("killed", "wounded"), else null. ``location`` is the place
    told inside this telling's clause, null where the clause names none.
    """

    trigger: Span
    plover: str
    mode: str | None = None
    outcome: Literal["killed", "injured"] | None = None
    evidence: list[Span] = Field(min_length=1)
    # The place this telling names inside its clause ("killed in Syria"), where it names
    # one: each telling of a merged event keeps its own, the event keeps the most specific.
    location: Location | None = None
    # Every further place the telling names ("at Oxford Street and the Cavehill Road", "in
    # Helmand Province, Afghanistan"): the phrases themselves, in text order after
    # ``location``'s.
    places: list[Location] = Field(default_factory=list)


class Event(Record):
    """One event coded in PLOVER, with the ACLED type alongside."""

    id: str
    plover: str
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    trigger: Span
    actor1: Role | None = None
    actor2: Role | None = None
    assoc_actor1: list[Role] = Field(default_factory=list)
    assoc_actor2: list[Role] = Field(default_factory=list)
    location: Location | None = None
    date: EventDate | None = None
    fatalities: Count | None = None
    injured: Count | None = None
    targets: list[Named] = Field(default_factory=list)
    weapons: list[Named] = Field(default_factory=list)
    source: Source | None = None
    certainty: Certainty = "asserted"
    evidence: list[Span] = Field(min_length=1)
    mentions: list[EventMention] = Field(default_factory=list)
    # How likely the event is a specific incident the report tells (not background, a
    # generic or running mention, or a fragment of another event): 0-1 from the model in
    # resources/events/salience.json; null for event types the model does not judge.
    salience: float | None = None


class Quote(Record):
    """Words attributed to a speaker; ``evidence`` holds the quoted words (one span per part)."""

    id: str
    kind: Literal["direct", "partial", "indirect"]
    speaker: Source | None = None
    # The reporting words ("said", "told", "according to"); null for a quotation that
    # continues the previous speaker's.
    cue: Span | None = None
    evidence: list[Span] = Field(min_length=1)


class Claim(Record):
    """A statement with its claimant, cue and status; ``evidence`` holds what is claimed."""

    id: str
    claimant: Source | None = None
    cue: Span | None = None
    status: ClaimStatus
    event_ids: list[str] = Field(default_factory=list)
    # The time of the statement itself ("The Times reported in April that ..."): a Time id.
    time_id: str | None = None
    evidence: list[Span] = Field(min_length=1)


def first_span(record: BaseModel) -> Span | None:
    """A record's first evidence in the contract's order, or None."""
    spans: list[Span] = []
    for name in ("mentions", "evidence"):
        value = getattr(record, name, None)
        if isinstance(value, list):
            spans += [span for span in value if isinstance(span, Span)]
    trigger = getattr(record, "trigger", None)
    if isinstance(trigger, Span):
        spans.append(trigger)
    return min(spans, key=lambda span: span.order) if spans else None


def sort_key(record: BaseModel) -> tuple[int, int, int]:
    """Where a record's first evidence sits, for the contract's sort order."""
    span = first_span(record)
    return span.order if span is not None else (2, 0, 0)


# Id prefixes, one per kind of record.
ID_PREFIXES = {
    "Entity": "ent",
    "Place": "pl",
    "Time": "t",
    "Event": "ev",
    "Quote": "q",
    "Claim": "cl",
}


def stable_id(prefix: str, span: Span | None) -> str:
    """``prefix-OFFSET`` of the first evidence (``prefix-cN-OFFSET`` in caption N)."""
    if span is None:
        return f"{prefix}-x"
    if span.caption is None:
        return f"{prefix}-{span.start}"
    return f"{prefix}-c{span.caption}-{span.start}"


def assign_ids(records: Sequence[BaseModel], prefix: str | None = None) -> None:
    """Give each record its stable id, in place, from its kind and first evidence offset.

    Records whose first evidence starts at the same place get ``.2``, ``.3`` ... in the order
    given, so a stage that makes its records in a deterministic order gets the same ids on
    every run. Ids never depend on how many records come before, so one more mention found
    earlier in the text leaves every other id as it was.
    """
    seen: dict[str, int] = {}
    for record in records:
        base = stable_id(prefix or ID_PREFIXES[type(record).__name__], first_span(record))
        seen[base] = seen.get(base, 0) + 1
        record.id = base if seen[base] == 1 else f"{base}.{seen[base]}"  # type: ignore[attr-defined]
