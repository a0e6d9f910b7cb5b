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

# The version of the rules below: a store rebuilds its merged events when it changes, as
# when the [store.merge] settings change.
# 3: a merged event's actor2 is never its actor1.
# 4: the ACLED type and sub-type are voted as one pair, a tie going to the actors' source.
MERGE_VERSION = 4

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
# A value these do not know (a newer contract's) ranks with "unknown".
PLACE_ORDER = ("point", "town", "offset", "admin2", "admin1", "region", "country", "unknown")
DATE_ORDER = ("day", "week", "month", "season", "year", "decade", "unknown")


def _rank(order: tuple[str, ...], value: str | None) -> int:
    return order.index(value) if value in order else order.index("unknown")


_WORD = re.compile(r"[^\W\d_]{3,}")


class MergeRules(Protocol):
    """The ``[store.merge]`` settings the rules read (``config.StoreMergeSettings``)."""

    @property
    def enabled(self) -> bool: ...
    @property
    def threshold(self) -> float: ...
    @property
    def min_identifying(self) -> float: ...
    @property
    def max_group(self) -> int: ...
    @property
    def stretch_days(self) -> int: ...
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


@lru_cache(maxsize=1)
def kind_words() -> frozenset[str]:
    """Stems of words that name a kind of actor, not who (resources/merge_actor_words.txt)."""
    path = resources.files("dateline").joinpath("resources/merge_actor_words.txt")
    text = path.read_text("utf-8")
    words = [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]
    return _stems(" ".join(words))


@lru_cache(maxsize=1)
def compound_heads() -> tuple[str, ...]:
    """Nouns for people that end one-word compounds (resources/merge_compound_heads.txt)."""
    path = resources.files("dateline").joinpath("resources/merge_compound_heads.txt")
    text = path.read_text("utf-8")
    return tuple(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def _heads(word: str) -> list[str]:
    """The person nouns a one-word compound ends in: "schoolteachers" -> "teachers"."""
    found = []
    for head in compound_heads():
        for form in (head, head + "s", head[:-3] + "men" if head.endswith("man") else ""):
            if form and len(word) > len(form) and word.endswith(form):
                found.append(form)
    return found


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
    """The content words of ``texts``, folded and stemmed, the quiet words left out.

    Stems let "bombing", "bombed" and "bombs", or "teachers" and "teacher", meet.
    """
    return frozenset().union(*(_words(text) for text in texts))


@lru_cache(maxsize=65_536)
def _words(text: str) -> frozenset[str]:
    quiet = quiet_words()
    words = [w for w in _WORD.findall(fold(text)) if w not in quiet]
    words += [head for w in words for head in _heads(w)]
    return _stems(" ".join(words))


@lru_cache(maxsize=65_536)
def _stems(text: str) -> frozenset[str]:
    words = _WORD.findall(fold(text))
    return frozenset(_stemmer().stemWords(words))


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer("english")


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
    country: str | None = None
    words: frozenset[str] = frozenset()  # the name's content words: "teachers", "army"


@dataclass(frozen=True)
class Spot:
    """Where an event happened, as far as one report knows."""

    name: str | None  # folded
    country: str | None
    lat: float | None
    lon: float | None
    precision: str


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
    event_type: str | None = None  # ACLED event type: a sub-type's broader kind


@dataclass(frozen=True)
class Context:
    """What the merge reads of an event's document beside the event itself.

    ``dateline_end``: the body offsets before it are the dateline ("KIRKUK, Iraq, March 13
    (Northern Wire) -"), which says where the reporter files from, not where the event was,
    so no actor, place or word of an event is read from there. ``places``: the document's
    place records by id, for a place the event's own sentences name. ``names``: the words of
    every place the document names, left out of the evidence words (the place signal
    compares places; a distractor in the same town shares its name).
    """

    dateline_end: int = 0
    places: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    names: frozenset[str] = frozenset()


NO_CONTEXT = Context()


def context_of(document: Mapping[str, Any]) -> Context:
    """The merge's context of a contract document (``text``, ``meta``, ``places``).

    ``text`` may be cut after its first few lines: only the dateline is read from it.
    """
    from ..ingest.metadata import find_dateline

    text = str(document.get("text") or "")
    meta = document.get("meta") or {}
    end = 0
    names = list(meta.get("dateline") or [])
    if names:
        offset = 0
        for line in text.split("\n")[:6]:
            found = find_dateline(line) if line.lstrip().startswith(names[0]) else None
            if found is not None:
                end = offset + found.end
                break
            offset += len(line) + 1
    places: dict[str, Mapping[str, Any]] = {}
    place_names: list[str] = []
    for record in document.get("places") or []:
        places[str(record.get("id"))] = record
        place_names.append(str(record.get("name") or ""))
        place_names += [str(m.get("text") or "") for m in record.get("mentions") or []]
    return Context(dateline_end=end, places=places, names=_stems(" ".join(place_names)))


def event_key(content_hash: str, event_id: str) -> str:
    """The natural key of an article event: its document's content hash and its id."""
    return f"{content_hash}:{event_id}"


def family_of(event: Mapping[str, Any]) -> str | None:
    """The kind of event two reports must share to merge: PLOVER type, else ACLED type.

    PLOVER's types are broad (ASSAULT holds battles, bombings, air strikes and attacks on
    civilians) and ACLED's split what outlets tell differently: one report of a hotel siege
    codes the car bomb (Explosions/Remote violence), another the gunmen (Violence against
    civilians), a third the fight with troops (Battles). The sub-types weigh in the
    similarity instead.
    """
    if event.get("certainty") in UNMERGED_CERTAINTY:
        return None
    if event.get("plover"):
        return f"plover:{event['plover']}"
    if event.get("acled_event_type"):
        return f"acled:{event['acled_event_type']}"
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


def _in_dateline(spans: Iterable[Mapping[str, Any]], context: Context) -> bool:
    """Whether every span lies in the dateline (body offsets before ``dateline_end``)."""
    found = [s for s in spans if s.get("caption") is None]
    return bool(found) and all(int(s.get("end", 0)) <= context.dateline_end for s in found)


def _actors(event: Mapping[str, Any], context: Context) -> tuple[Actor, ...]:
    found: dict[str, Actor] = {}
    roles = [event.get("actor1"), event.get("actor2")]
    roles += list(event.get("assoc_actor1") or []) + list(event.get("assoc_actor2") or [])
    for role in roles:
        if not role or not role.get("name"):
            continue
        if _in_dateline(role.get("evidence") or [], context):
            continue  # "MOGADISHU, Aug 18 (Horn Report) -" names no actor
        canonical = fold(role["canonical"]) if role.get("canonical") else None
        actor = Actor(
            fold(role["name"]),
            canonical,
            role.get("actor_type"),
            role.get("country"),
            words_of([role["name"]]) - context.names - kind_words(),
        )
        found.setdefault(actor.key, actor)
    return tuple(found[key] for key in sorted(found))


def _spot(record: Mapping[str, Any]) -> Spot:
    return Spot(
        name=fold(record["name"]) if record.get("name") else None,
        country=record.get("country"),
        lat=record.get("lat"),
        lon=record.get("lon"),
        precision=record.get("precision") or "unknown",
    )


def place_of(event: Mapping[str, Any], context: Context = NO_CONTEXT) -> Spot | None:
    """The event's place; a place read from the dateline gives way to one its sentences name."""
    location = event.get("location") or {}
    if not location:
        return None
    if _in_dateline(location.get("evidence") or [], context) and context.places:
        spans = [
            (int(s["start"]), int(s["end"]))
            for s in event.get("evidence") or []
            if s.get("caption") is None and int(s["end"]) > context.dateline_end
        ]
        named = []
        for record in context.places.values():
            for mention in record.get("mentions") or []:
                at = int(mention.get("start", -1))
                inside = any(start <= at < end for start, end in spans)
                if mention.get("caption") is None and at >= context.dateline_end and inside:
                    named.append((at, record))
        if named:
            return _spot(min(named, key=lambda found: found[0])[1])
    return _spot(location)


def _evidence_texts(event: Mapping[str, Any], context: Context) -> list[str]:
    """The event's evidence and trigger, the dateline cut off."""
    texts = []
    spans = list(event.get("evidence") or [])
    if event.get("trigger"):
        spans.append(event["trigger"])
    for span in spans:
        text = str(span.get("text") or "")
        start = int(span.get("start", 0))
        if span.get("caption") is None and start < context.dateline_end:
            text = text[context.dateline_end - start :]
        texts.append(text)
    return texts


def item_of(
    event: Mapping[str, Any],
    *,
    key: str,
    published: dt.date | None,
    rules: MergeRules,
    context: Context = NO_CONTEXT,
) -> Item:
    """The merge's view of one event of the contract (an Event dict) in its document."""
    family = family_of(event)
    earliest, latest = window(event, published, rules)
    if earliest is None or latest is None:
        family = None
    elif (latest - earliest).days > rules.max_window_days:
        family = None  # too vague a date to tell one incident from another
    spot = place_of(event, context)
    descriptors = [named["name"] for named in event.get("targets") or []]
    descriptors += [named["name"] for named in event.get("weapons") or []]
    return Item(
        key=key,
        family=family,
        subtype=event.get("acled_sub_event_type") or event.get("mode"),
        earliest=earliest,
        latest=latest,
        country=spot.country if spot else None,
        lat=spot.lat if spot else None,
        lon=spot.lon if spot else None,
        precision=spot.precision if spot else "unknown",
        place=spot.name if spot else None,
        actors=_actors(event, context),
        fatalities=_count_range(event.get("fatalities")),
        descriptors=words_of(descriptors) - context.names,
        words=words_of(_evidence_texts(event, context)) - context.names,
        certainty=event.get("certainty") or "asserted",
        event_type=event.get("acled_event_type"),
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


# Armed groups of these kinds are each one side: two reports naming two different ones as
# the actor of one kind tell two incidents.
NON_STATE_ARMED = frozenset({"rebel_groups", "political_militias", "identity_militias"})


def _rival(x: Actor, y: Actor) -> bool:
    """Two dictionary actors that cannot stand for each other in one report of an event."""
    if not (x.canonical and y.canonical) or x.canonical == y.canonical:
        return False
    if x.actor_type is None or y.actor_type is None:
        return True  # unknown kinds: a different name is a different actor
    if x.actor_type != y.actor_type:
        return False  # the two sides of one fight (an army and a rebel group)
    if x.actor_type in NON_STATE_ARMED:
        return True
    # Forces of two states are two sides; two bodies of one state (army, police) may be
    # told for each other.
    return (
        x.actor_type == "state_forces"
        and bool(x.country and y.country)
        and (x.country != y.country)
    )


def _actors_conflict(a: Item, b: Item) -> bool:
    """Whether the two events name rival dictionary actors and no actor in common."""
    resolved_a = [x for x in a.actors if x.canonical]
    resolved_b = [x for x in b.actors if x.canonical]
    if not resolved_a or not resolved_b:
        return False
    if any(_same_actor(x, y) for x in a.actors for y in b.actors):
        return False
    return any(_rival(x, y) for x in resolved_a for y in resolved_b)


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
    """1 for an actor in common (by dictionary name or by the words of its name: "Hundreds
    of schoolteachers", "teachers"); else a part of the agreement of the kinds of actors
    (civilians, state forces, rebels): half when one report names no one ("nine people"),
    a quarter when both name someone and no one in common ("teachers", "traders")."""
    if not a.actors or not b.actors:
        return None
    if any(_same_actor(x, y) or (x.words & y.words) for x in a.actors for y in b.actors):
        return 1.0
    named = any(x.words for x in a.actors) and any(y.words for y in b.actors)
    kinds_a = frozenset(x.actor_type for x in a.actors if x.actor_type)
    kinds_b = frozenset(y.actor_type for y in b.actors if y.actor_type)
    if not kinds_a or not kinds_b:
        return 0.0 if named else None
    return (0.25 if named else 0.5) * (_overlap(kinds_a, kinds_b) or 0.0)


def _figure_score(a: Item, b: Item) -> float | None:
    if a.fatalities is None or b.fatalities is None:
        return None
    (lo_a, hi_a), (lo_b, hi_b) = a.fatalities, b.fatalities
    if lo_a <= hi_b and lo_b <= hi_a:
        return 1.0
    # Tolls rise as a story develops: a different figure is weak evidence against.
    small, large = min(hi_a, hi_b), max(lo_a, lo_b)
    return 0.5 if large <= 2 * small + 2 else 0.25


def _subtype_score(a: Item, b: Item) -> float | None:
    if not (a.subtype and b.subtype):
        return None
    if a.subtype == b.subtype:
        return 1.0
    return 0.5 if a.event_type and a.event_type == b.event_type else 0.0


def signals(a: Item, b: Item, rules: MergeRules) -> dict[str, float]:
    """Each comparison both events allow, in [0, 1]; missing values give no signal."""
    found: dict[str, float | None] = {
        "subtype": _subtype_score(a, b),
        "date": _date_score(a, b),
        "place": _place_score(a, b, rules),
        "actors": _actor_score(a, b),
        "figures": _figure_score(a, b),
        "descriptors": _overlap(a.descriptors, b.descriptors),
        "words": _overlap(a.words, b.words),
    }
    return {name: value for name, value in found.items() if value is not None}


# Signals that tell one incident from another at the same time and place: who, the
# figures, what was hit and with what, the words of the report. A distractor (another
# incident in the same town on the same day) shares the type, the date and the place.
IDENTIFYING = ("actors", "figures", "descriptors", "words")


def _mean(found: Mapping[str, float], rules: MergeRules) -> float:
    total = sum(rules.weights[name] for name in found)
    return sum(rules.weights[name] * value for name, value in found.items()) / total


def similarity(a: Item, b: Item, rules: MergeRules) -> float:
    """The weighted mean of the signals, or 0 when what identifies the incident (actors,
    figures, targets and weapons, words) agrees less than ``min_identifying``."""
    found = signals(a, b, rules)
    telling = {name: value for name, value in found.items() if name in IDENTIFYING}
    if not telling or _mean(telling, rules) < rules.min_identifying:
        return 0.0
    return _mean(found, rules)


def linked(a: Item, b: Item, rules: MergeRules) -> float | None:
    """The similarity of two events that may be merged, or None if they may not."""
    if not rules.enabled or not compatible(a, b, rules):
        return None
    score = similarity(a, b, rules)
    return score if score >= rules.threshold and score > 0 else None


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
    is compatible and the pairs across them are, on average, as similar as a link needs
    (average linkage): so a chain of links never joins two events that cannot be one, nor
    two incidents that one report telling both ("two bombings hit the province") links.
    """
    edges = sorted((-score, a.key, b.key) for a, b, score in _pairs(items, rules))
    by_key = {item.key: item for item in items}
    known: dict[tuple[str, str], float | None] = {(ka, kb): -s for s, ka, kb in edges}

    def score(x: str, y: str) -> float | None:
        pair = (x, y) if x < y else (y, x)
        if pair not in known:
            a, b = by_key[pair[0]], by_key[pair[1]]
            known[pair] = similarity(a, b, rules) if compatible(a, b, rules) else None
        return known[pair]

    sets = _Sets(by_key)
    members: dict[str, list[str]] = {key: [key] for key in by_key}
    for _, ka, kb in edges:
        ra, rb = sets.find(ka), sets.find(kb)
        if ra == rb:
            continue
        scores = [score(x, y) for x in members[ra] for y in members[rb]]
        numbers = [value for value in scores if value is not None]
        if len(numbers) < len(scores) or sum(numbers) / len(numbers) < rules.threshold:
            continue
        root = sets.union(ra, rb)
        other = rb if root == ra else ra
        members[root] = sorted(members[root] + members.pop(other))
    return sets.groups()


def stretch(item: Item, rules: MergeRules) -> int:
    """The stretch of ``stretch_days`` days an event's first possible day falls in."""
    assert item.earliest is not None
    return item.earliest.toordinal() // rules.stretch_days


def stretch_bounds(index: int, rules: MergeRules) -> tuple[dt.date, dt.date]:
    """The first and last day of a stretch."""
    first = index * rules.stretch_days
    return dt.date.fromordinal(first), dt.date.fromordinal(first + rules.stretch_days - 1)


def partition_group(items: Sequence[Item], rules: MergeRules) -> list[list[str]]:
    """The merged events of a group (a connected component of the linked graph).

    A group of up to ``max_group`` events is partitioned whole. A larger one is a chain of
    similar events (daily shelling of one province) rather than one incident: it is
    partitioned stretch by stretch of ``stretch_days`` days (by first possible day), so a
    new event re-partitions its stretch only, never the whole chain. The result is still a
    function of the group's members alone, whatever the order they came in.
    """
    dated = [item for item in items if item.earliest is not None]
    if len(items) <= rules.max_group or len(dated) < len(items):
        return partition(items, rules)
    parts: dict[int, list[Item]] = {}
    for item in dated:
        parts.setdefault(stretch(item, rules), []).append(item)
    out: list[list[str]] = []
    for index in sorted(parts):
        out += partition(parts[index], rules)
    return sorted(out)


def cluster(items: Sequence[Item], rules: MergeRules) -> list[list[str]]:
    """The merged events of any set of events: components, each partitioned."""
    by_key = {item.key: item for item in items}
    out: list[list[str]] = []
    for group in components(items, rules):
        out += partition_group([by_key[key] for key in group], rules)
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


def _acled_kind(
    events: Sequence[Mapping[str, Any]], a1: str | None, a2: str | None
) -> tuple[str | None, str | None]:
    """The merged event's ACLED type and sub-type, voted as one pair (never the type of one
    source with the sub-type of another); a tie goes to the pair of a source whose actors
    are the merged event's (a siege told as the gunmen's attack on hotel guests and as the
    troops' fight with the gunmen is the attack when its actors are the gunmen and the
    guests), then to the alphabetical first."""
    pairs = Counter(
        (str(e["acled_event_type"]), e.get("acled_sub_event_type") or "")
        for e in events
        if e.get("acled_event_type")
    )
    if not pairs:
        return None, None
    top = max(pairs.values())
    tied = sorted(pair for pair, n in pairs.items() if n == top)
    told_by_dyad = {
        (str(e["acled_event_type"]), e.get("acled_sub_event_type") or "")
        for e in events
        if e.get("acled_event_type")
        and _role_name(e.get("actor1")) == a1
        and _role_name(e.get("actor2")) == a2
    }
    kind, sub = next((pair for pair in tied if pair in told_by_dyad), tied[0])
    return kind, sub or None


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
            _rank(PLACE_ORDER, m.event["location"].get("precision")),
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
            key=lambda m: (_rank(DATE_ORDER, m.event["date"].get("precision")), m.key),
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
    # The other side is someone else: a source that names the attacker as acted on (or an
    # actor in both roles) does not make the merged event one of an actor against itself.
    a2 = _vote(n for e in events if (n := _role_name(e.get("actor2"))) != a1)
    acled = _acled_kind(events, a1, a2)
    published = [m.published for m in members if m.published]
    summary.columns = {
        "key": summary.key,
        "plover": _vote(e.get("plover") for e in events),
        "mode": _vote(e.get("mode") for e in events),
        "acled_event_type": acled[0],
        "acled_sub_event_type": acled[1],
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
        "date_precision": min(precisions, key=lambda p: _rank(DATE_ORDER, p))
        if precisions
        else None,
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
