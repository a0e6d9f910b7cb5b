"""Merging across articles: which article events tell the same real-world event.

Pure functions over the contract's Event dicts, so that the rules can be tested on
hand-made records; ``canonical.py`` runs them on the store as documents arrive.

Two events are **compatible** when nothing rules out that they are one event: the same type
family (ACLED event type, else PLOVER type), date windows that overlap (widened by
``date_slack_days``; an undated event takes the days before its article's publication), the
same country, places no farther apart than their precisions allow, and no two disjoint sets
of dictionary-resolved actors. They are **linked** when they are compatible and similar
enough: a weighted mean of what both say (sub-type, dates, place, actors, casualty figures,
the words of their evidence, targets and weapons) reaches ``threshold``.

The partition is a function of the set of events only, never of the order they arrive in:
groups are the connected components of the "linked" graph, and each group is then split
deterministically wherever it chained together two events that are not even compatible
(edges taken strongest first, ties by key, and two clusters joined only if every pair
across them is compatible). Ingesting the same documents in any order, with any number of
workers, or resumed after a kill, gives the same merged events.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Protocol

# Certainties that do not report an event that happened: never merged with anything.
UNMERGED_CERTAINTY = frozenset({"hypothetical", "negated"})
# From the most to the least certain; a merged event takes its sources' most frequent
# certainty, a tie going to the less certain one.
CERTAINTY_ORDER = (
    "asserted",
    "reported",
    "claimed",
    "unconfirmed",
    "disputed",
    "unsupported",
    "denied",
    "hypothetical",
    "negated",
)
# From the most to the least precise: a merged event takes its most precise place and date.
PLACE_ORDER = ("point", "town", "admin2", "admin1", "region", "country", "unknown")
DATE_ORDER = ("day", "week", "month", "season", "year", "decade", "unknown")

_WORD = re.compile(r"[^\W\d_]{3,}")


class MergeRules(Protocol):
    """The ``[store.merge]`` settings the rules read (``config.StoreMergeSettings``)."""

    @property
    def enabled(self) -> bool: ...
    @property
    def threshold(self) -> float: ...
    @property
    def date_slack_days(self) -> int: ...
    @property
    def undated_days(self) -> int: ...
    @property
    def max_window_days(self) -> int: ...
    @property
    def radius_km(self) -> Mapping[str, float]: ...
    @property
    def weights(self) -> Mapping[str, float]: ...


@lru_cache(maxsize=1)
def quiet_words() -> frozenset[str]:
    """Words that say nothing about which incident a report tells (resources/merge_words.txt)."""
    text = resources.files("dateline").joinpath("resources/merge_words.txt").read_text("utf-8")
    return frozenset(
        word for line in text.splitlines() if not line.startswith("#") for word in line.split()
    )


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Lower case, accents and punctuation dropped, a leading "the" dropped: a name key."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def words_of(texts: Iterable[str]) -> frozenset[str]:
    """The content words of ``texts`` (folded), the quiet words left out."""
    return frozenset().union(*(_words(text) for text in texts))


@lru_cache(maxsize=65_536)
def _words(text: str) -> frozenset[str]:
    quiet = quiet_words()
    return frozenset(word for word in _WORD.findall(fold(text)) if word not in quiet)


def parse_day(value: Any) -> dt.date | None:
    """A date from an ISO day (``2017-09-07``); None for anything else."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Actor:
    key: str  # folded name
    canonical: str | None  # folded dictionary name, when the actor layer resolved one
    actor_type: str | None


@dataclass(frozen=True)
class Item:
    """What the merge compares of one article event; ``key`` orders and names it."""

    key: str
    family: str | None  # None: never merged
    subtype: str | None
    earliest: dt.date | None
    latest: dt.date | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    place: str | None  # folded place name
    actors: tuple[Actor, ...]
    fatalities: tuple[int, int] | None
    descriptors: frozenset[str]  # target and weapon words
    words: frozenset[str]  # trigger and evidence words
    certainty: str = "asserted"


def event_key(content_hash: str, event_id: str) -> str:
    """The natural key of an article event: its document's content hash and its id."""
    return f"{content_hash}:{event_id}"


def family_of(event: Mapping[str, Any]) -> str | None:
    """The type family events must share to merge: ACLED event type, else PLOVER type."""
    if event.get("certainty") in UNMERGED_CERTAINTY:
        return None
    if event.get("acled_event_type"):
        return f"acled:{event['acled_event_type']}"
    if event.get("plover"):
        return f"plover:{event['plover']}"
    return None


def window(
    event: Mapping[str, Any], published: dt.date | None, rules: MergeRules
) -> tuple[dt.date | None, dt.date | None]:
    """The days an event may have happened on: its date's range, else before publication."""
    date = event.get("date") or {}
    earliest = parse_day(date.get("earliest")) or parse_day(date.get("value"))
    latest = parse_day(date.get("latest")) or earliest
    if earliest is None and published is not None:
        return published - dt.timedelta(days=rules.undated_days), published
    return earliest, latest


def _count_range(count: Mapping[str, Any] | None) -> tuple[int, int] | None:
    if not count:
        return None
    values = [count.get(k) for k in ("best", "low", "high")]
    numbers = [v for v in values if isinstance(v, int)]
    if not numbers:
        return None
    return min(numbers), max(numbers)


def _actors(event: Mapping[str, Any]) -> tuple[Actor, ...]:
    found: dict[str, Actor] = {}
    roles = [event.get("actor1"), event.get("actor2")]
    for role in roles:
        if not role or not role.get("name"):
            continue
        canonical = fold(role["canonical"]) if role.get("canonical") else None
        actor = Actor(fold(role["name"]), canonical, role.get("actor_type"))
        found.setdefault(actor.key, actor)
    return tuple(found[key] for key in sorted(found))


def item_of(
    event: Mapping[str, Any],
    *,
    key: str,
    published: dt.date | None,
    rules: MergeRules,
) -> Item:
    """The merge's view of one event of the contract (an Event dict)."""
    family = family_of(event)
    earliest, latest = window(event, published, rules)
    if earliest is None or latest is None:
        family = None
    elif (latest - earliest).days > rules.max_window_days:
        family = None  # too vague a date to tell one incident from another
    location = event.get("location") or {}
    descriptors = [named["name"] for named in event.get("targets") or []]
    descriptors += [named["name"] for named in event.get("weapons") or []]
    evidence = [span["text"] for span in event.get("evidence") or []]
    trigger = (event.get("trigger") or {}).get("text")
    return Item(
        key=key,
        family=family,
        subtype=event.get("acled_sub_event_type") or event.get("mode"),
        earliest=earliest,
        latest=latest,
        country=location.get("country"),
        lat=location.get("lat"),
        lon=location.get("lon"),
        precision=location.get("precision") or "unknown",
        place=fold(location["name"]) if location.get("name") else None,
        actors=_actors(event),
        fatalities=_count_range(event.get("fatalities")),
        descriptors=words_of(descriptors),
        words=words_of([*evidence, *([trigger] if trigger else [])]),
        certainty=event.get("certainty") or "asserted",
    )


def distance_km(a: Item, b: Item) -> float | None:
    """Great-circle distance between two events' places, when both have coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _radius(item: Item, rules: MergeRules) -> float | None:
    return rules.radius_km.get(item.precision)


def _same_actor(a: Actor, b: Actor) -> bool:
    if a.canonical and b.canonical:
        return a.canonical == b.canonical
    if a.key == b.key:
        return True
    short, long_ = sorted((a.key.split(), b.key.split()), key=len)
    return bool(short) and set(short) <= set(long_)


def _actors_conflict(a: Item, b: Item) -> bool:
    resolved_a = [x for x in a.actors if x.canonical]
    resolved_b = [x for x in b.actors if x.canonical]
    if not resolved_a or not resolved_b:
        return False
    return not any(_same_actor(x, y) for x in a.actors for y in b.actors)


def compatible(a: Item, b: Item, rules: MergeRules) -> bool:
    """Whether nothing rules out that ``a`` and ``b`` report the same event."""
    if a.family is None or a.family != b.family:
        return False
    assert a.earliest and a.latest and b.earliest and b.latest  # family set implies a window
    slack = dt.timedelta(days=rules.date_slack_days)
    if a.earliest > b.latest + slack or b.earliest > a.latest + slack:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    distance = distance_km(a, b)
    ra, rb = _radius(a, rules), _radius(b, rules)
    if distance is not None and ra is not None and rb is not None and distance > ra + rb:
        return False
    return not _actors_conflict(a, b)


def _overlap(x: frozenset[str], y: frozenset[str]) -> float | None:
    if not x or not y:
        return None
    return len(x & y) / min(len(x), len(y))


def _date_score(a: Item, b: Item) -> float:
    assert a.earliest and a.latest and b.earliest and b.latest
    start, end = max(a.earliest, b.earliest), min(a.latest, b.latest)
    if start > end:
        return 0.5  # only the slack joins them: a day apart
    shared = (end - start).days + 1
    shorter = min((a.latest - a.earliest).days, (b.latest - b.earliest).days) + 1
    return shared / shorter


def _place_score(a: Item, b: Item, rules: MergeRules) -> float | None:
    if a.place and b.place and a.place == b.place:
        return 1.0
    distance = distance_km(a, b)
    ra, rb = _radius(a, rules), _radius(b, rules)
    if distance is None or ra is None or rb is None:
        return None
    return max(0.0, 1.0 - distance / max(ra + rb, 1e-9))


def _actor_score(a: Item, b: Item) -> float | None:
    if not a.actors or not b.actors:
        return None
    return 1.0 if any(_same_actor(x, y) for x in a.actors for y in b.actors) else 0.0


def _figure_score(a: Item, b: Item) -> float | None:
    if a.fatalities is None or b.fatalities is None:
        return None
    (lo_a, hi_a), (lo_b, hi_b) = a.fatalities, b.fatalities
    if lo_a <= hi_b and lo_b <= hi_a:
        return 1.0
    # Tolls rise as a story develops: a different figure is weak evidence against.
    small, large = min(hi_a, hi_b), max(lo_a, lo_b)
    return 0.5 if large <= 2 * small + 2 else 0.25


def signals(a: Item, b: Item, rules: MergeRules) -> dict[str, float]:
    """Each comparison both events allow, in [0, 1]; missing values give no signal."""
    found: dict[str, float | None] = {
        "subtype": None if not (a.subtype and b.subtype) else float(a.subtype == b.subtype),
        "date": _date_score(a, b),
        "place": _place_score(a, b, rules),
        "actors": _actor_score(a, b),
        "figures": _figure_score(a, b),
        "descriptors": _overlap(a.descriptors, b.descriptors),
        "words": _overlap(a.words, b.words),
    }
    return {name: value for name, value in found.items() if value is not None}


# Signals that tell one incident from another at the same time and place; a link needs one.
IDENTIFYING = ("place", "actors", "descriptors", "words")


def similarity(a: Item, b: Item, rules: MergeRules) -> float:
    """The weighted mean of the signals; 0 when none of them identifies the incident."""
    found = signals(a, b, rules)
    if not any(name in found for name in IDENTIFYING):
        return 0.0
    total = sum(rules.weights[name] for name in found)
    return sum(rules.weights[name] * value for name, value in found.items()) / total


def linked(a: Item, b: Item, rules: MergeRules) -> float | None:
    """The similarity of two events that may be merged, or None if they may not."""
    if not rules.enabled or not compatible(a, b, rules):
        return None
    score = similarity(a, b, rules)
    return score if score >= rules.threshold else None


class _Sets:
    """Union-find over keys; the smallest key names each set."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {key: key for key in keys}

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> str:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            ra, rb = min(ra, rb), max(ra, rb)
            self.parent[rb] = ra
        return ra

    def groups(self) -> list[list[str]]:
        found: dict[str, list[str]] = {}
        for key in sorted(self.parent):
            found.setdefault(self.find(key), []).append(key)
        return sorted(found.values())


def _pairs(items: Sequence[Item], rules: MergeRules) -> Iterator[tuple[Item, Item, float]]:
    """Every linked pair with its score, comparing only events whose dates may meet.

    A sweep over the events sorted by first possible day: once one starts after another's
    last day and the slack, no later one can be compatible with it. Which pairs are found
    does not depend on this order.
    """
    slack = dt.timedelta(days=rules.date_slack_days)
    dated = sorted(
        (item for item in items if item.family is not None and item.earliest and item.latest),
        key=lambda item: (item.earliest, item.key),
    )
    for i, a in enumerate(dated):
        assert a.latest is not None
        for b in dated[i + 1 :]:
            assert b.earliest is not None
            if b.earliest > a.latest + slack:
                break
            score = linked(a, b, rules)
            if score is not None:
                yield (a, b, score) if a.key < b.key else (b, a, score)


def components(items: Sequence[Item], rules: MergeRules) -> list[list[str]]:
    """The connected components of the "linked" graph over ``items`` (keys, sorted)."""
    sets = _Sets(item.key for item in items)
    for a, b, _ in _pairs(items, rules):
        sets.union(a.key, b.key)
    return sets.groups()


def partition(items: Sequence[Item], rules: MergeRules) -> list[list[str]]:
    """The merged events of one group: lists of keys, each sorted, the lists sorted.

    Strongest links first (ties by keys); two clusters join only if every pair across them
    is compatible, so a chain of links never joins two events that cannot be one.
    """
    edges = sorted((-score, a.key, b.key) for a, b, score in _pairs(items, rules))
    by_key = {item.key: item for item in items}
    sets = _Sets(by_key)
    members: dict[str, list[str]] = {key: [key] for key in by_key}
    for _, ka, kb in edges:
        ra, rb = sets.find(ka), sets.find(kb)
        if ra == rb:
            continue
        if all(compatible(by_key[x], by_key[y], rules) for x in members[ra] for y in members[rb]):
            root = sets.union(ra, rb)
            other = rb if root == ra else ra
            members[root] = sorted(members[root] + members.pop(other))
    return sets.groups()


def cluster(items: Sequence[Item], rules: MergeRules) -> list[list[str]]:
    """The merged events of any set of events: components, each partitioned."""
    by_key = {item.key: item for item in items}
    out: list[list[str]] = []
    for group in components(items, rules):
        out += partition([by_key[key] for key in group], rules)
    return sorted(out)


# -- what a merged event says ------------------------------------------------------------------
@dataclass(frozen=True)
class Member:
    """One article event inside a merged event, with the document it comes from."""

    key: str
    event: Mapping[str, Any]
    document_id: str
    source: str | None
    headline: str | None
    published: dt.date | None
    admin1: str | None = None
    agencies: tuple[str, ...] = ()


@dataclass
class Summary:
    """A merged event: its columns and its sources (one per member, in key order)."""

    key: str
    columns: dict[str, Any] = field(default_factory=dict)
    sources: list[dict[str, Any]] = field(default_factory=list)


def canonical_key(member_keys: Sequence[str]) -> str:
    """A merged event's key: ``ce-`` and a hash of its smallest member key."""
    import hashlib

    smallest = min(member_keys)
    return "ce-" + hashlib.sha256(smallest.encode("utf-8")).hexdigest()[:16]


def _vote(values: Iterable[str | None]) -> str | None:
    """The most frequent value (ties: alphabetical first), None only if all are None."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def _role_name(role: Mapping[str, Any] | None) -> str | None:
    if not role:
        return None
    return str(role.get("canonical") or role.get("name") or "") or None


def _figure(count: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if not count:
        return None
    return {k: count.get(k) for k in ("best", "low", "high", "approximate")}


def summarize(members: Sequence[Member]) -> Summary:
    """The merged event of ``members``: every source kept, figures as the range they report."""
    members = sorted(members, key=lambda m: m.key)
    events = [m.event for m in members]
    summary = Summary(key=canonical_key([m.key for m in members]))
    located = [m for m in members if m.event.get("location")]
    best_place = min(
        located,
        key=lambda m: (
            PLACE_ORDER.index(m.event["location"].get("precision") or "unknown"),
            m.event["location"]["lat"] is None,
            m.key,
        ),
        default=None,
    )
    location = best_place.event["location"] if best_place else {}
    dated = [m for m in members if (m.event.get("date") or {}).get("earliest")]
    earliest = [parse_day(m.event["date"]["earliest"]) for m in dated]
    latest = [
        parse_day(m.event["date"].get("latest")) or e for m, e in zip(dated, earliest, strict=True)
    ]
    days_e = [d for d in earliest if d is not None]
    days_l = [d for d in latest if d is not None]
    date_e: dt.date | None = max(days_e) if days_e else None
    date_l: dt.date | None = min(days_l) if days_l else None
    if date_e is not None and date_l is not None and date_e > date_l:
        # The sources disagree beyond overlap (the slack joined them): take the most precise.
        best = min(
            dated,
            key=lambda m: (DATE_ORDER.index(m.event["date"].get("precision") or "unknown"), m.key),
        )
        date_e = parse_day(best.event["date"]["earliest"])
        date_l = parse_day(best.event["date"].get("latest")) or date_e
    precisions = [(m.event.get("date") or {}).get("precision") or "unknown" for m in dated]
    fatal = [r for r in (_count_range(e.get("fatalities")) for e in events) if r]
    injured = [r for r in (_count_range(e.get("injured")) for e in events) if r]
    certainties = Counter(e.get("certainty") or "asserted" for e in events)
    certainty = min(certainties, key=lambda c: (-certainties[c], -CERTAINTY_ORDER.index(c)))
    assoc1 = sorted(
        {n for e in events for r in e.get("assoc_actor1") or [] if (n := _role_name(r))}
    )
    assoc2 = sorted(
        {n for e in events for r in e.get("assoc_actor2") or [] if (n := _role_name(r))}
    )
    a1 = _vote(_role_name(e.get("actor1")) for e in events)
    a2 = _vote(_role_name(e.get("actor2")) for e in events)
    published = [m.published for m in members if m.published]
    summary.columns = {
        "key": summary.key,
        "plover": _vote(e.get("plover") for e in events),
        "mode": _vote(e.get("mode") for e in events),
        "acled_event_type": _vote(e.get("acled_event_type") for e in events),
        "acled_sub_event_type": _vote(e.get("acled_sub_event_type") for e in events),
        "actor1": a1,
        "actor1_type": _vote(
            (e.get("actor1") or {}).get("actor_type")
            for e in events
            if _role_name(e.get("actor1")) == a1
        ),
        "actor2": a2,
        "actor2_type": _vote(
            (e.get("actor2") or {}).get("actor_type")
            for e in events
            if _role_name(e.get("actor2")) == a2
        ),
        "assoc_actor1": "; ".join(assoc1) or None,
        "assoc_actor2": "; ".join(assoc2) or None,
        "country": location.get("country")
        or _vote((e.get("location") or {}).get("country") for e in events),
        "admin1": best_place.admin1 if best_place else None,
        "location": location.get("name"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
        "geo_precision": location.get("precision"),
        "date_earliest": date_e,
        "date_latest": date_l,
        "date_precision": min(precisions, key=DATE_ORDER.index) if precisions else None,
        "fatalities_low": min(lo for lo, _ in fatal) if fatal else None,
        "fatalities_high": max(hi for _, hi in fatal) if fatal else None,
        "injured_low": min(lo for lo, _ in injured) if injured else None,
        "injured_high": max(hi for _, hi in injured) if injured else None,
        "certainty": certainty,
        "n_events": len(members),
        "n_documents": len({m.document_id for m in members}),
        "first_published": min(published) if published else None,
    }
    summary.sources = [
        {
            "document": m.document_id,
            "source": m.source,
            "headline": m.headline,
            "agencies": list(m.agencies),
            "published": m.published.isoformat() if m.published else None,
            "event": m.event.get("id"),
            "claimant": (m.event.get("source") or {}).get("name"),
            "certainty": m.event.get("certainty"),
            "fatalities": _figure(m.event.get("fatalities")),
            "injured": _figure(m.event.get("injured")),
        }
        for m in members
    ]
    summary.columns["notes"] = notes(summary)
    return summary


def notes(summary: Summary) -> str:
    """A short description in the spirit of ACLED's notes: what, where, when, the figures."""
    c = summary.columns
    what = c["acled_sub_event_type"] or c["acled_event_type"] or c["plover"] or "Event"
    parts = [str(what)]
    if c["actor1"]:
        parts.append(f"by {c['actor1']}")
    if c["actor2"]:
        parts.append(f"involving {c['actor2']}")
    if c["location"]:
        parts.append(f"in {c['location']}")
    if c["date_earliest"]:
        day = c["date_earliest"].isoformat()
        if c["date_latest"] and c["date_latest"] != c["date_earliest"]:
            day += f" to {c['date_latest'].isoformat()}"
        parts.append(f"on {day}")
    text = " ".join(parts) + "."
    low, high = c["fatalities_low"], c["fatalities_high"]
    if low is not None:
        figure = str(low) if low == high else f"{low} to {high}"
        text += f" Fatalities reported: {figure}"
        text += " (sources differ)." if low != high else "."
    n = c["n_documents"]
    text += f" Reported by {n} article{'s' if n != 1 else ''}."
    return text
