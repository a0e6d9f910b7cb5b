"""A compact terminal view of one Document: what was found, and one line for what was not.

Each kind of record gets a small table only when the document holds some (events, entities,
places, dates, quotes, claims, in that order), and a column only when some row has a value
for it (an entity's canonical name or actor type, say), so the view fills in as the layers
land without empty tables filling the screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from .document import Document
from .records import Count, Span

EMPTY = "-"
QUOTE_WIDTH = 60


def _count(count: Count | None) -> str:
    if count is None:
        return EMPTY
    if count.best is not None:
        return ("~" if count.approximate else "") + str(count.best)
    if count.low is not None:
        return f"{count.low}+" if count.high is None else f"{count.low}-{count.high}"
    return EMPTY


def _quote(span: Span | None, width: int = QUOTE_WIDTH) -> str:
    if span is None:
        return EMPTY
    text = " ".join(span.text.split())
    text = text if len(text) <= width else text[: width - 1] + "…"
    return text if span.caption is None else f"{text} [caption {span.caption}]"


def _value(value: object) -> str:
    return EMPTY if value is None or value == "" else str(value)


def _coordinates(lat: float | None, lon: float | None) -> str:
    return EMPTY if lat is None or lon is None else f"{lat:.3f}, {lon:.3f}"


def _range(earliest: str | None, latest: str | None) -> str:
    if earliest is None and latest is None:
        return EMPTY
    return f"{earliest or '…'} – {latest or '…'}"


def _table(title: str, columns: Sequence[str], rows: list[list[str]]) -> Table:
    """A small table; columns after the first are left out when no row has a value there."""
    keep = [0] + [i for i in range(1, len(columns)) if any(row[i] != EMPTY for row in rows)]
    table = Table(
        title=f"{title} ({len(rows)})",
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        expand=False,
    )
    for i in keep:
        table.add_column(columns[i], overflow="fold")
    for row in rows:
        table.add_row(*(row[i] for i in keep))
    return table


def _header(doc: Document) -> Text:
    meta = doc.meta
    header = Text()
    header.append(meta.headline or "(no headline)", style="bold")
    header.append(f"\n{doc.source or '<text>'}", style="dim")
    header.append(f" · id {doc.id}", style="dim")
    facts = [
        f"published {meta.published or EMPTY}",
        f"dateline {'/'.join(meta.dateline) or EMPTY}",
        f"agencies {', '.join(meta.agencies) or EMPTY}",
        f"language {meta.language or EMPTY}",
    ]
    header.append("\n" + " · ".join(facts))
    for n, caption in enumerate(meta.captions):
        header.append(f"\ncaption {n}: ", style="dim")
        header.append(" ".join(caption.text.split()), style="italic")
    return header


def _sections(doc: Document) -> list[tuple[str, Sequence[str], list[list[str]]]]:
    events = [
        [
            event.plover + (f"/{event.mode}" if event.mode else ""),
            _quote(event.trigger, 30),
            event.actor1.name if event.actor1 else EMPTY,
            event.actor2.name if event.actor2 else EMPTY,
            event.location.name if event.location else EMPTY,
            event.date.value if event.date else EMPTY,
            _count(event.fatalities),
            _count(event.injured),
            event.source.name if event.source else EMPTY,
            event.certainty,
        ]
        for event in doc.events
    ]
    entities = [
        [
            entity.name,
            entity.label,
            _value(entity.canonical),
            _value(entity.actor_type),
            _value(entity.country),
            str(len(entity.mentions)),
        ]
        for entity in doc.entities
    ]
    places = [
        [
            place.name,
            _value(place.country),
            _coordinates(place.lat, place.lon),
            _value(place.feature),
            place.precision if place.precision != "unknown" else EMPTY,
            str(len(place.mentions)),
        ]
        for place in doc.places
    ]
    times = [
        [
            _quote(t.evidence[0], 30),
            t.type,
            t.value,
            _range(t.earliest, t.latest),
            t.precision if t.precision != "unknown" else EMPTY,
        ]
        for t in doc.times
    ]
    quotes = [
        [_quote(q.evidence[0]), q.kind, q.speaker.name if q.speaker else EMPTY] for q in doc.quotes
    ]
    claims = [
        [
            _quote(c.evidence[0]),
            c.claimant.name if c.claimant else EMPTY,
            _quote(c.cue, 20),
            c.status,
            ", ".join(c.event_ids) or EMPTY,
        ]
        for c in doc.claims
    ]
    return [
        (
            "Events",
            [
                "type",
                "trigger",
                "actor1",
                "actor2",
                "where",
                "when",
                "killed",
                "injured",
                "source",
                "certainty",
            ],
            events,
        ),
        ("Entities", ["name", "label", "canonical", "type", "country", "mentions"], entities),
        ("Places", ["name", "country", "lat, lon", "feature", "precision", "mentions"], places),
        ("Dates", ["text", "type", "value", "range", "precision"], times),
        ("Quotes", ["quote", "kind", "speaker"], quotes),
        ("Claims", ["claim", "claimant", "cue", "status", "events"], claims),
    ]


def render_document(doc: Document) -> list[Any]:
    """Renderables for ``rich.Console.print``: a header, a table per kind of record found,
    one line naming the kinds not found, and the document's problems."""
    parts: list[Any] = [_header(doc)]
    missing = []
    for title, columns, rows in _sections(doc):
        if rows:
            parts.append(_table(title, columns, rows))
        else:
            missing.append(title.lower())
    if missing:
        parts.append(Text("not found: " + ", ".join(missing), style="dim"))
    if doc.problems:
        parts.append(
            Text("problems: " + "; ".join(p.message for p in doc.problems), style="yellow")
        )
    return parts
