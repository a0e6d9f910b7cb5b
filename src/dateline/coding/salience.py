"""Event salience: how likely a coded event is a specific incident the report tells.

A report about one bombing also mentions earlier attacks, a guerrilla offensive in
general, clashes between soldiers and rebels, threats, and pieces of the same bombing that
were not merged. Users who build an incident list want the first kind. ``Event.salience``
is the probability, from a logistic model over features of the coded event and its
document, that the event is such an incident: specific (not generic or a running total),
real, recent and about the report's own country, not a fragment of a richer event.

The model is data (``resources/events/salience.json``): feature weights trained by
``scripts/train_salience.py`` on the answer keys of the MUC-4 train split (1,300 wire
reports; an event is positive when it pairs with a key template), deterministically and
with numpy alone. Scoring is plain Python, in a fixed order, rounded to three decimals, so
the same input gives the same bytes. Event types the model was not trained on (outside its
``scope``) get no salience (null).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..document import Document
from ..nlp import times
from ..records import Event, Place, Role

MODEL_FILE = "events/salience.json"
_WORD = re.compile(r"[a-z]{3,}")
# Days between an event and its report, as buckets: recent incidents are what a report tells.
AGE_BUCKETS = ((0, "0-1"), (7, "2-7"), (31, "8-31"), (92, "32-92"), (366, "93-366"))


def _bucket(value: int, edges: Sequence[tuple[int, str]], last: str) -> str:
    for edge, name in edges:
        if value <= edge:
            return name
    return last


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def home_country(places: Iterable[Place]) -> str | None:
    """The document's own country: that of the places it names most (the first on a tie)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for place in places:
        if not place.country:
            continue
        counts[place.country] += len(place.mentions)
        start = min((m.start for m in place.mentions if m.caption is None), default=10**9)
        first[place.country] = min(first.get(place.country, 10**9), start)
    if not counts:
        return None
    return min(counts, key=lambda c: (-counts[c], first[c]))


def _richness(event: Event) -> int:
    """How many participants and things an event names (a fragment names fewer)."""
    return (
        (event.actor1 is not None)
        + len(event.assoc_actor1)
        + (event.actor2 is not None)
        + len(event.assoc_actor2)
        + len(event.targets)
        + len(event.weapons)
        + (event.fatalities is not None)
        + (event.injured is not None)
    )


@dataclass(frozen=True)
class Context:
    """What the features need of the document besides the event itself."""

    text_length: int
    published: dt.date | None
    home: str | None
    peers: tuple[Event, ...]  # the document's events of the model's scope, in order
    named: frozenset[str]  # entity ids a name names


def context(
    events: Sequence[Event],
    *,
    text_length: int,
    published: str | None,
    places: Iterable[Place],
    named: Iterable[str],
    scope: frozenset[str],
) -> Context:
    return Context(
        text_length=max(1, text_length),
        published=_day(published),
        home=home_country(places),
        peers=tuple(e for e in events if in_scope(e, scope)),
        named=frozenset(named),
    )


def document_context(
    doc: Document, scope: frozenset[str], events: Sequence[Event] | None = None
) -> Context:
    """The context of a document's events (``doc.events`` unless given), the same at run
    time and in training: counted from the day its relative dates count from
    (``times.anchor_day``)."""
    day = times.anchor_day(doc)
    return context(
        doc.events if events is None else events,
        text_length=len(doc.text),
        published=None if day is None else day.isoformat(),
        places=doc.places,
        named=(e.id for e in doc.entities if e.named),
        scope=scope,
    )


def _role_features(prefix: str, roles: list[Role], named: frozenset[str]) -> dict[str, float]:
    """Whether a side is named, and by a name; not what kind of actor it is, so that the
    judgement is about the report, not about who fights whom."""
    found: dict[str, float] = {}
    if not roles:
        return {f"{prefix}:none": 1.0}
    main = roles[0]
    if main.entity_id is None:
        found[f"{prefix}:no_entity"] = 1.0
    elif main.entity_id in named:
        found[f"{prefix}:named"] = 1.0
    if len(roles) > 1:
        found[f"{prefix}:several"] = 1.0
    return found


def features(event: Event, ctx: Context) -> dict[str, float]:
    """Named features of one event (value 1.0 unless said otherwise)."""
    f: dict[str, float] = {}
    f[f"type={event.plover}/{event.mode or '-'}"] = 1.0
    f[f"trigger={event.trigger.text.lower()}"] = 1.0
    f[f"certainty={event.certainty}"] = 1.0
    # The words of the clause that tells it first ("since", "trial", "anniversary" ...).
    for word in sorted(set(_WORD.findall(event.evidence[0].text.lower()))):
        f[f"word={word}"] = 1.0
    if event.source is not None:
        f["sourced"] = 1.0
    if event.trigger.caption is not None:
        f["caption"] = 1.0
    # Participants.
    f.update(_role_features("a1", _roles(event.actor1, event.assoc_actor1), ctx.named))
    f.update(_role_features("a2", _roles(event.actor2, event.assoc_actor2), ctx.named))
    f["targets"] = float(min(len(event.targets), 3))
    f["weapons"] = float(min(len(event.weapons), 3))
    if event.fatalities is not None:
        f["killed"] = 1.0
        best = event.fatalities.best or event.fatalities.low or 0
        if best >= 10:
            f["killed>=10"] = 1.0
    if event.injured is not None:
        f["injured"] = 1.0
    # Tellings.
    f["mentions"] = float(min(len(event.mentions), 4))
    # Date: its own or the report's window, and how old it is.
    date = event.date
    if date is None:
        f["date:none"] = 1.0
    else:
        undated = "/" in date.value and date.precision == "week"
        f["date:window" if undated else f"date:{date.precision}"] = 1.0
        latest = _day(date.latest) or _day(date.value)
        if latest is not None and ctx.published is not None and not undated:
            age = (ctx.published - latest).days
            f["age:future" if age < 0 else f"age:{_bucket(age, AGE_BUCKETS, 'older')}"] = 1.0
    # Place: how it was found, how precise, in the document's own country or not.
    loc = event.location
    if loc is None:
        f["loc:none"] = 1.0
    else:
        f[f"loc:basis={loc.basis or '-'}"] = 1.0
        f[f"loc:precision={loc.precision}"] = 1.0
        if loc.country and ctx.home:
            f["loc:home" if loc.country == ctx.home else "loc:abroad"] = 1.0
    # Position: the lead tells the main incident.
    position = event.trigger.start / ctx.text_length if event.trigger.caption is None else 1.0
    f["position"] = round(position, 3)
    if position < 0.15:
        f["lead"] = 1.0
    # Peers: a fragment of a richer event of the same kind, one among many.
    peers = [e for e in ctx.peers if e is not event]
    f["peers"] = round(math.log1p(len(peers)), 3)
    mine = _richness(event)
    if all(mine >= _richness(e) for e in peers):
        f["richest"] = 1.0
    if peers and all(e.trigger.start > event.trigger.start for e in peers):
        f["first"] = 1.0
    return f


def in_scope(event: Event, scope: frozenset[str]) -> bool:
    """Whether the model judges an event: its PLOVER type, or its type/mode, is in ``scope``
    ("ASSAULT" takes every assault; "COERCE/loot" robbery alone, not arrests)."""
    return event.plover in scope or f"{event.plover}/{event.mode}" in scope


def _roles(main: Role | None, assoc: list[Role]) -> list[Role]:
    return ([main] if main is not None else []) + list(assoc)


class SalienceModel:
    """Logistic weights over named features, read from a JSON file."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.scope = frozenset(str(t) for t in data["scope"])
        self.bias = float(data["bias"])
        self.weights = {str(k): float(v) for k, v in data["weights"].items()}

    def probability(self, feats: Mapping[str, float]) -> float:
        """The model's probability, rounded to three decimals (summed in name order)."""
        z = self.bias
        for name in sorted(feats):
            z += self.weights.get(name, 0.0) * feats[name]
        z = max(-30.0, min(30.0, z))
        return round(1.0 / (1.0 + math.exp(-z)), 3)

    def annotate(self, events: Sequence[Event], ctx: Context) -> None:
        """Set ``salience`` on each event of the model's scope; others keep null."""
        for event in events:
            if in_scope(event, self.scope):
                event.salience = self.probability(features(event, ctx))


@cache
def model() -> SalienceModel:
    """The shipped model (read once per process)."""
    path = resources.files("dateline.resources").joinpath(MODEL_FILE)
    return SalienceModel(json.loads(path.read_text(encoding="utf-8")))
