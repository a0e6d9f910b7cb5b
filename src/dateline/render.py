"""A readable terminal view of one Document: events, then places, dates and quotes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.table import Table
from rich.text import Text

from .document import Document
from .records import Count, Span

EMPTY = "-"


def _count(count: Count | None) -> str:
    if count is None:
        return EMPTY
    if count.best is not None:
        return ("~" if count.approximate else "") + str(count.best)
    if count.low is not None:
        return f"{count.low}+" if count.high is None else f"{count.low}-{count.high}"
    return EMPTY


def _quote(span: Span | None, width: int = 60) -> str:
    if span is None:
        return EMPTY
    text = " ".join(span.text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(title: str, columns: Iterable[str], rows: list[list[str]]) -> Table:
    table = Table(title=f"{title} ({len(rows)})", title_justify="left", expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def render_document(doc: Document) -> list[Any]:
    """Renderables for ``rich.Console.print``: a header and one table per record kind."""
    meta = doc.meta
    header = Text()
    header.append(meta.headline or "(no headline)", style="bold")
    header.append(f"\n{doc.source or doc.id}")
    facts = [
        f"published {meta.published or EMPTY}",
        f"dateline {'/'.join(meta.dateline) or EMPTY}",
        f"agencies {', '.join(meta.agencies) or EMPTY}",
        f"language {meta.language or EMPTY}",
        f"{len(doc.entities)} entities",
    ]
    header.append("\n" + " · ".join(facts))
    parts: list[Any] = [header]

    events = [
        [
            event.plover + (f"/{event.mode}" if event.mode else ""),
            event.actor1.name if event.actor1 else EMPTY,
            event.actor2.name if event.actor2 else EMPTY,
            event.location.name if event.location else EMPTY,
            event.date.value if event.date else EMPTY,
            _count(event.fatalities),
            event.certainty,
            event.source.name if event.source else EMPTY,
            _quote(event.trigger, 30),
        ]
        for event in doc.events
    ]
    parts.append(
        _table(
            "Events",
            [
                "type",
                "actor1",
                "actor2",
                "where",
                "when",
                "killed",
                "certainty",
                "source",
                "trigger",
            ],
            events,
        )
    )
    places = [
        [
            place.name,
            place.country or EMPTY,
            EMPTY if place.lat is None else f"{place.lat:.3f}, {place.lon:.3f}",
            place.precision,
            str(len(place.mentions)),
        ]
        for place in doc.places
    ]
    parts.append(_table("Places", ["name", "country", "lat, lon", "precision", "mentions"], places))
    times = [[t.evidence[0].text, t.type, t.value, t.precision] for t in doc.times]
    parts.append(_table("Dates", ["text", "type", "value", "precision"], times))
    quotes = [
        [
            _quote(q.evidence[0]),
            q.kind,
            q.speaker.name if q.speaker else EMPTY,
        ]
        for q in doc.quotes
    ]
    parts.append(_table("Quotes", ["quote", "kind", "speaker"], quotes))
    if doc.problems:
        parts.append(
            Text("problems: " + "; ".join(p.message for p in doc.problems), style="yellow")
        )
    return parts
