"""Hand-made events for the store's tests, and a synthetic event stage.

``event(...)`` builds an Event dict of the contract with evidence spans into a given text.
The stage ``test.synthetic_events.v1`` turns markers written in an article,
``[[event TYPE; SUB; CC; PLACE; LAT; LON; DATE; KILLED; ACTOR1; ACTOR2; WORDS]]``, into
events, so that ingest tests get events without the event layer (empty fields: ``-``).
"""

from __future__ import annotations

import re
from typing import Any

from dateline.document import Document
from dateline.records import Event, assign_ids

STAGE = "test.synthetic_events.v1"
MARKER = re.compile(r"\[\[event ([^\]]*)\]\]")


def span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end], "caption": None}


def event(
    *,
    text: str = "",
    at: int = 0,
    plover: str = "ASSAULT",
    acled: str | None = "Explosions/Remote violence",
    sub: str | None = "Remote explosive/landmine/IED",
    country: str | None = "IQ",
    place: str | None = "Kirkuk",
    lat: float | None = 35.47,
    lon: float | None = 44.39,
    precision: str = "town",
    date: str | None = "2024-05-02",
    latest: str | None = None,
    date_precision: str = "day",
    killed: int | tuple[int, int] | None = None,
    actor1: str | None = None,
    actor2: str | None = None,
    canonical1: str | None = None,
    canonical2: str | None = None,
    targets: tuple[str, ...] = (),
    weapons: tuple[str, ...] = (),
    certainty: str = "asserted",
    id: str | None = None,
) -> dict[str, Any]:
    """An Event dict; its spans index ``text`` (a dummy one of 200 characters by default)."""
    text = text or "x" * 200
    ev = span(text, at, at + 1)

    def role(name: str | None, canonical: str | None) -> dict[str, Any] | None:
        if name is None:
            return None
        return {
            "name": name,
            "canonical": canonical,
            "entity_id": None,
            "actor_type": None,
            "country": None,
            "evidence": [ev],
        }

    count = None
    if killed is not None:
        low, high = (killed, killed) if isinstance(killed, int) else killed
        count = {
            "best": low if low == high else None,
            "low": low,
            "high": high,
            "approximate": False,
            "evidence": [ev],
        }
    return {
        "id": id or f"ev-{at}",
        "plover": plover,
        "mode": None,
        "acled_event_type": acled,
        "acled_sub_event_type": sub,
        "trigger": ev,
        "actor1": role(actor1, canonical1),
        "actor2": role(actor2, canonical2),
        "assoc_actor1": [],
        "assoc_actor2": [],
        "location": None
        if place is None
        else {
            "place_id": None,
            "name": place,
            "lat": lat,
            "lon": lon,
            "country": country,
            "precision": precision,
            "evidence": [ev],
        },
        "date": None
        if date is None
        else {
            "value": date,
            "earliest": date,
            "latest": latest or date,
            "precision": date_precision,
            "evidence": [ev],
        },
        "fatalities": count,
        "injured": None,
        "targets": [{"name": t, "evidence": [ev]} for t in targets],
        "weapons": [{"name": w, "evidence": [ev]} for w in weapons],
        "source": None,
        "certainty": certainty,
        "evidence": [ev],
    }


def _field(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def synthetic_events(doc: Document) -> Document:
    """Events from the markers in ``doc.text`` (see the module docstring)."""
    found = []
    for match in MARKER.finditer(doc.text):
        parts = [_field(p) for p in match.group(1).split(";")]
        parts += [None] * (11 - len(parts))
        kind, sub, cc, place, lat, lon, date, killed, a1, a2, words = parts[:11]
        data = event(
            text=doc.text,
            at=match.start(),
            acled=kind,
            sub=sub,
            country=cc,
            place=place,
            lat=float(lat) if lat else None,
            lon=float(lon) if lon else None,
            date=date,
            killed=int(killed) if killed else None,
            actor1=a1,
            actor2=a2,
            targets=tuple((words or "").split()),
        )
        data["evidence"] = [span(doc.text, match.start(), match.end())]
        found.append(Event.model_validate(data))
    assign_ids(found)
    doc.events = found
    return doc


def _factory(config: Any) -> Any:
    return synthetic_events


def register_synthetic_stage() -> None:
    from dateline.registry import stages

    stages.load()
    stages.register(STAGE, requires=["text"], assigns=["events"])(_factory)


def unregister_synthetic_stage() -> None:
    from dateline.registry import stages

    stages.items.pop(STAGE, None)


def synthetic_pipeline(config: Any) -> Any:
    """A Pipeline with the synthetic stage: a factory for worker processes too."""
    from dateline.pipeline import Pipeline

    register_synthetic_stage()
    return Pipeline(config)
