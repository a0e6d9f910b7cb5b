"""A compact terminal view of one Document: what was found, and one line for what was not.

Each kind of record is shown only when the document holds some: events, dates, quotes and
claims as small tables (a column only when some row has a value for it), entities and places
as one wrapped list each (an article names dozens), with the canonical name, actor type,
country and coordinates when the layers give them. So the view fills in as the layers land,
without empty tables filling the screen.
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
QUOTE_WIDTH = 50
NAME_WIDTH = 24
# Columns whose values are codes, dates or figures: never folded inside a value.
CODES = frozenset(
    {"type", "when", "killed", "injured", "certainty", "value", "range", "precision", "kind"}
    | {"status"}
)


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


def _name(value: str | None, width: int = NAME_WIDTH) -> str:
    if not value:
        return EMPTY
    text = " ".join(value.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _value(value: object) -> str:
    return EMPTY if value is None or value == "" else str(value)


def _coordinates(lat: float | None, lon: float | None) -> str:
    return EMPTY if lat is None or lon is None else f"{lat:.3f}, {lon:.3f}"


def _range(earliest: str | None, latest: str | None) -> str:
    if (earliest is None and latest is None) or earliest == latest:
        return EMPTY  # nothing, or a single day that ``value`` already says
    return f"{earliest or '…'} – {latest or '…'}"


def _table(title: str, columns: Sequence[str], rows: list[list[str]]) -> Table:
    """A small table; columns after the first are left out when no row has a value there."""
    keep = [0] + [i for i in range(1, len(columns)) if any(row[i] != EMPTY for row in rows)]
    table = Table(
        title=f"{title} ({len(rows)})",
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
        expand=False,
    )
    for i in keep:
        # Codes, dates and figures stay whole; names and quoted words wrap between words.
        table.add_column(columns[i], no_wrap=columns[i] in CODES, overflow="fold")
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


def _times(n: int) -> str:
    return f" ×{n}" if n > 1 else ""


def _entities(doc: Document) -> list[str]:
    items = []
    for entity in doc.entities:
        facts = [entity.label]
        if entity.canonical and entity.canonical != entity.name:
            facts.append(f"= {entity.canonical}")
        facts += [value for value in (entity.actor_type, entity.country) if value]
        items.append(f"{entity.name} ({', '.join(facts)}){_times(len(entity.mentions))}")
    return items


def _places(doc: Document) -> list[str]:
    items = []
    for place in doc.places:
        facts = [value for value in (place.country, place.admin1, place.feature) if value]
        if place.lat is not None and place.lon is not None:
            facts.append(_coordinates(place.lat, place.lon))
        if place.precision != "unknown":
            facts.append(place.precision)
        detail = f" ({', '.join(facts)})" if facts else ""
        items.append(f"{place.name}{detail}{_times(len(place.mentions))}")
    return items


def _listing(title: str, items: list[str]) -> Text:
    text = Text()
    text.append(f"{title} ({len(items)}): ", style="bold")
    text.append(" · ".join(items))
    return text


Section = tuple[str, Sequence[str], list[list[str]]]


def _tables(doc: Document) -> list[Section]:
    events = [
        [
            event.plover
            + (f"/{event.mode}" if event.mode else "")
            + f" «{_quote(event.trigger, 20)}»",
            _name(event.actor1.name if event.actor1 else None),
            _name(event.actor2.name if event.actor2 else None),
            _name(event.location.name if event.location else None),
            event.date.value if event.date else EMPTY,
            _count(event.fatalities),
            _count(event.injured),
            _name(event.source.name if event.source else None),
            event.certainty,
        ]
        for event in doc.events
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
        [_quote(q.evidence[0]), q.kind, _name(q.speaker.name if q.speaker else None)]
        for q in doc.quotes
    ]
    claims = [
        [
            _quote(c.evidence[0]),
            _name(c.claimant.name if c.claimant else None),
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
                "event «trigger»",
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
        ("Dates", ["text", "type", "value", "range", "precision"], times),
        ("Quotes", ["quote", "kind", "speaker"], quotes),
        ("Claims", ["claim", "claimant", "cue", "status", "events"], claims),
    ]


def render_document(doc: Document) -> list[Any]:
    """Renderables for ``rich.Console.print``: a header, what was found (events first), one
    line naming the kinds not found, and the document's problems."""
    parts: list[Any] = [_header(doc)]
    missing = []
    tables = {title: (columns, rows) for title, columns, rows in _tables(doc)}
    listings = {"Entities": _entities(doc), "Places": _places(doc)}
    for title in ("Events", "Entities", "Places", "Dates", "Quotes", "Claims"):
        if title in listings:
            if listings[title]:
                parts.append(_listing(title, listings[title]))
            else:
                missing.append(title.lower())
            continue
        columns, rows = tables[title]
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
