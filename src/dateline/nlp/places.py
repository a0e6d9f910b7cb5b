"""Stage ``dateline.places.v1``: places named in the text, resolved to the gazetteer.

The spaCy component ``dateline_places`` marks place names, datelines and demonyms (span
group ``dateline.places``, in the body and in every caption); this stage resolves them all
together (one document, one context: see dateline.gazetteer.rank), groups the mentions of
one gazetteer record into one Place, and turns "30 km south of Mosul" into a Place of its
own, offset from Mosul, with precision ``offset``.

:func:`locate` is the event stage's geolocation: the place a stretch of text is attached to
("in/near/of X"), else the nearest place in its sentence or paragraph, else the document's
focus; ``basis`` says which.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..config import Config
from ..document import Document
from ..errors import GazetteerError, PipelineError
from ..gazetteer.index import Candidate, Gazetteer, offset_point, open_gazetteer
from ..gazetteer.keys import name_keys
from ..gazetteer.rank import Mention, Ranker, Resolver, load_ranker, precision_of
from ..records import Location, LocationBasis, Place, Relative, Span, assign_ids
from ..registry import Stage, stages
from ..spanindex import SpanIndex
from .components import PLACES
from .toponyms import DATELINE, DEMONYM, PlaceWords, datelines, load_place_words

COMPONENT = "dateline_places"
# How far a feature word ("province") or a comma qualifier may stand from its name.
_WORD = re.compile(r"[\w'’.-]+")
PRECISION_ORDER = ("point", "town", "offset", "admin2", "admin1", "region", "country", "unknown")


@dataclass
class Found:
    """One recognised mention: where (body or caption n), what kind."""

    caption: int | None
    start: int
    end: int
    label: str
    text: str


def found_mentions(doc: Document) -> list[Found]:
    """The component's spans of the body, then of each caption, in order."""
    found = []
    parts: list[tuple[int | None, Any]] = [(None, doc.sdoc)]
    parts += list(enumerate(doc.caption_sdocs))
    for caption, sdoc in parts:
        if sdoc is None:
            continue
        for span in sdoc.spans.get(PLACES, []):
            found.append(
                Found(caption, span.start_char, span.end_char, span.label_ or "PLACE", span.text)
            )
    return found


def relative_pattern(words: PlaceWords) -> re.Pattern[str]:
    """ "<number> <unit> [(...)] <direction> of [the town of] " just before a name."""
    units = "|".join(sorted((re.escape(u) for u in words.units), key=len, reverse=True))
    dirs = "|".join(sorted((re.escape(d) for d in words.directions), key=len, reverse=True))
    return re.compile(
        rf"(?P<num>\d+(?:[.,]\d+)?)\s*-?\s*(?P<unit>{units})\.?\s+(?:\([^()]{{0,30}}\)\s+)?"
        rf"(?P<dir>{dirs})\s+of\s+(?:the\s+(?:[\w-]+\s+){{0,2}}?(?:town|city|village)\s+of\s+)?$",
        re.I,
    )


class PlaceResolver:
    """Recognised mentions -> Place records, for one document at a time."""

    def __init__(self, gazetteer: Gazetteer, config: Config, ranker: Ranker | None = None) -> None:
        self.gaz = gazetteer
        self.settings = config.places
        self.words = load_place_words()
        self.resolver = Resolver(
            gazetteer,
            ranker or load_ranker(self.settings.ranker or None),
            min_confidence=self.settings.min_confidence,
        )
        self.relative = relative_pattern(self.words)

    def mention(self, text: str, found: Found, following: Found | None) -> Mention:
        after = text[found.end : found.end + 40]
        word = _WORD.search(after)
        hint = ""
        if word and after[: word.start()].strip() == "":
            hint = self.words.feature_words.get(word.group().lower().strip("."), "")
        if not hint:
            before = text[max(0, found.start - 30) : found.start].lower().split()
            if len(before) >= 2 and before[-1] == "of":
                hint = self.words.feature_words.get(before[-2], "")
        qualifier = ""
        if (
            following is not None
            and following.caption == found.caption
            and text[found.end : following.start] in (", ", ",")
        ):
            qualifier = following.text
        return Mention(
            start=found.start,
            end=found.end,
            text=found.text,
            demonym=found.label == DEMONYM,
            dateline=found.label == DATELINE,
            hint=hint,
            qualifier=qualifier,
        )

    def __call__(self, doc: Document) -> list[Place]:
        return self.resolve_found(doc, found_mentions(doc))

    def resolve_found(self, doc: Document, found: list[Found]) -> list[Place]:
        """Places of ``found``, the recognised mentions of ``doc`` (the trainer caches them)."""
        if not self.settings.demonyms:
            found = [f for f in found if f.label != DEMONYM]
        mentions = []
        for n, f in enumerate(found):
            following = found[n + 1] if n + 1 < len(found) else None
            mentions.append(self.mention(doc.part(f.caption), f, following))
        chosen = self.resolver.resolve(mentions)
        return self.group(doc, found, chosen)

    def group(
        self, doc: Document, found: list[Found], chosen: list[Candidate | None]
    ) -> list[Place]:
        """One Place per gazetteer record (or per unresolved name), and relative places."""
        groups: dict[object, list[int]] = {}
        for n, (f, cand) in enumerate(zip(found, chosen, strict=True)):
            key: object = cand.id if cand is not None else ("?", name_keys(f.text)[0])
            groups.setdefault(key, []).append(n)
        places: list[Place] = []
        for indices in groups.values():
            cand = chosen[indices[0]]
            named = [found[i] for i in indices if found[i].label != DEMONYM]
            # The name as written, preferably not in a dateline's capitals ("KIRKUK").
            named.sort(key=lambda f: f.text.isupper() and len(f.text) > 3)
            name = named[0].text if named else (cand.name if cand is not None else found[0].text)
            spans = [
                doc.span(found[i].start, found[i].end, caption=found[i].caption) for i in indices
            ]
            places.append(self.place(name, cand, spans))
        assign_ids(places)
        by_id = {}
        for place, indices in zip(places, groups.values(), strict=True):
            for i in indices:
                by_id[i] = place
        if self.settings.relative:
            places += self.relatives(doc, found, by_id)
        assign_ids(places)
        return sorted(places, key=lambda p: (p.mentions[0].order, p.id))

    def place(self, name: str, cand: Candidate | None, spans: list[Span]) -> Place:
        if cand is None:
            return Place(id="", name=name, mentions=spans)
        return Place(
            id="",
            name=name,
            geonames_id=cand.geonames_id,
            lat=cand.lat,
            lon=cand.lon,
            country=cand.country or None,
            admin1=cand.admin1 or None,
            feature=cand.feature,
            precision=precision_of(cand.feature),
            mentions=spans,
        )

    def relatives(self, doc: Document, found: list[Found], by_id: dict[int, Place]) -> list[Place]:
        """ "30 km south of Mosul": a point offset from Mosul."""
        out = []
        for n, f in enumerate(found):
            anchor = by_id.get(n)
            if anchor is None or anchor.lat is None or anchor.lon is None or f.label == DEMONYM:
                continue
            text = doc.part(f.caption)
            window_start = max(0, f.start - 90)
            match = self.relative.search(text[window_start : f.start])
            if match is None:
                continue
            km = (
                float(match.group("num").replace(",", "."))
                * self.words.units[match.group("unit").lower()]
            )
            bearing = self.words.directions[match.group("dir").lower()]
            lat, lon = offset_point(anchor.lat, anchor.lon, km, bearing)
            start = window_start + match.start()
            phrase = text[start : f.end]
            out.append(
                Place(
                    id="",
                    name=phrase,
                    lat=lat,
                    lon=lon,
                    country=anchor.country,
                    admin1=anchor.admin1,
                    feature="OFFSET",
                    precision="offset",
                    relative=Relative(
                        anchor=anchor.id,
                        distance_km=round(km, 3),
                        bearing=bearing,
                        evidence=[doc.span(start, f.end, caption=f.caption)],
                    ),
                    mentions=[doc.span(start, f.end, caption=f.caption)],
                )
            )
        return out


def _attached(text: str, start: int) -> bool:
    """A locative preposition ("in", "near", "of" ...) right before a mention."""
    before = text[max(0, start - 40) : start]
    return (
        re.search(
            r"\b(?:in|near|at|outside|around|of|into|inside|across|throughout|on)\s+(?:the\s+)?"
            r"(?:(?:[A-Z][\w'’-]*|[a-z]+-held|[a-z]+-controlled)\s+){0,3}$",
            before,
        )
        is not None
    )


def _origin(text: str, start: int) -> bool:
    """A mention after "from" ("funds from Baghdad", "no comment from Damascus"): where
    something comes from, no guess for an event told in another clause."""
    return re.search(r"\bfrom\s+(?:the\s+)?$", text[max(0, start - 12) : start], re.I) is not None


def _rank(place: Place) -> int:
    return PRECISION_ORDER.index(place.precision) if place.precision in PRECISION_ORDER else 9


@dataclass
class _Mentions:
    """The body's place mentions of one document, indexed for :func:`locate` and the event
    stage (built once per document: a scan per event made a long article quadratic)."""

    # (place, mention) in place order, then mention order: the order ties are broken in.
    body: list[tuple[Place, Span]]
    located: list[tuple[Place, Span]]  # those that may locate an event (no demonyms)
    body_index: SpanIndex[tuple[int, Place]]
    located_index: SpanIndex[tuple[int, Place]]
    focus: tuple[Place, Span] | None
    newlines: list[int]  # offsets of the text's line breaks, for paragraph bounds
    # The datelines' headers ("KANDAHAR, Afghanistan, Oct. 3 (Xinhua) --"): where a report
    # was filed, never a place a clause tells, even one the parser runs a headline into.
    headers: list[tuple[int, int]]


def _mentions(doc: Document) -> _Mentions:
    def make() -> _Mentions:
        gazetteer = _gazetteer_or_none()
        body = [(p, m) for p in doc.places for m in p.mentions if m.caption is None]
        located = [
            (p, m) for p, m in body if gazetteer is None or gazetteer.demonym(m.text) is None
        ]
        return _Mentions(
            body=body,
            located=located,
            body_index=SpanIndex((m, (n, p)) for n, (p, m) in enumerate(body)),
            located_index=SpanIndex((m, (n, p)) for n, (p, m) in enumerate(located)),
            focus=document_focus(doc, located),
            newlines=[n for n, c in enumerate(doc.text) if c == "\n"],
            headers=[(found.start, found.end) for found in datelines(doc.text)],
        )

    return doc.memo("places.mentions", doc.places, make)


def _within(index: SpanIndex[tuple[int, Place]], start: int, end: int) -> list[tuple[Place, Span]]:
    found = [
        (n, place, span)
        for span, (n, place) in index.overlapping(start, end)
        if start <= span.start and span.end <= end
    ]
    return [(place, span) for _, place, span in sorted(found, key=lambda item: item[0])]


def body_mentions(
    doc: Document, start: int = 0, end: int | None = None
) -> list[tuple[Place, Span]]:
    """The (place, mention) pairs of the body inside ``text[start:end]``, demonyms included,
    in place order (then mention order)."""
    table = _mentions(doc)
    if start <= 0 and (end is None or end >= len(doc.text)):
        return list(table.body)
    return _within(table.body_index, start, len(doc.text) if end is None else end)


def _in_header(table: _Mentions, offset: int) -> bool:
    return any(lo <= offset < hi for lo, hi in table.headers)


def in_dateline(doc: Document, offset: int) -> bool:
    """Whether ``offset`` lies in a dateline's header: where the report was filed, no place
    a clause tells even where the parser runs a headline into it ("... in Afghanistan" +
    "KANDAHAR, Afghanistan, Oct. 3 (Xinhua) --")."""
    return _in_header(_mentions(doc), offset)


def locate(doc: Document, start: int, end: int) -> Location | None:
    """Where an event told in ``text[start:end]`` (a sentence or clause) happened, or None.

    The place a locative preposition attaches inside the stretch ("in Qara", "near Deir
    Ezzor"), the most precise first; else the place named nearest to the stretch in its
    sentence, then in its paragraph; else the document's focus (the dateline's place, else
    the place named most often). ``basis`` says which; ``precision`` how precise the place is.
    """
    text = doc.text
    table = _mentions(doc)
    if not table.located:
        return None
    inside = [
        (p, m)
        for p, m in _within(table.located_index, start, end)
        if not _in_header(table, m.start)
    ]
    attached = [(p, m) for p, m in inside if _attached(text, m.start)]
    if attached:
        place, mention = min(attached, key=lambda pm: (_rank(pm[0]), pm[1].start))
        return location_of(place, mention, "attached")
    if inside:
        place, mention = min(inside, key=lambda pm: (_rank(pm[0]), pm[1].start))
        return location_of(place, mention, "sentence")
    windows: list[tuple[LocationBasis, tuple[int, int]]] = [
        ("sentence", _sentence_bounds(doc, start, end)),
        ("paragraph", _paragraph_bounds(table.newlines, len(text), start, end)),
    ]
    for basis, (lo, hi) in windows:
        near = [pm for pm in _within(table.located_index, lo, hi) if not _origin(text, pm[1].start)]
        if near:
            place, mention = min(
                near, key=lambda pm: (abs(pm[1].start - start), _rank(pm[0]), pm[1].start)
            )
            return location_of(place, mention, basis)
    return location_of(*table.focus, "focus") if table.focus else None


def document_focus(
    doc: Document, candidates: list[tuple[Place, Span]]
) -> tuple[Place, Span] | None:
    """The dateline's place if resolved, else the most often named town, else any place."""
    if not candidates:
        return None
    filed_at = [name for found in datelines(doc.text) for name in found.names]
    for place, mention in candidates:
        if place.lat is not None and any(lo <= mention.start < hi for lo, hi in filed_at):
            return place, mention
    counts = Counter(p.id for p, _ in candidates)
    return min(
        candidates,
        key=lambda pm: (
            pm[0].lat is None,
            pm[0].precision != "town",
            -counts[pm[0].id],
            pm[1].start,
        ),
    )


def _sentence_bounds(doc: Document, start: int, end: int) -> tuple[int, int]:
    sdoc = doc.sdoc
    if sdoc is None:
        return start, end
    span = sdoc.char_span(start, max(end, start + 1), alignment_mode="expand")
    if span is None:
        return start, end
    return span.sent.start_char, span[-1].sent.end_char


def _paragraph_bounds(newlines: list[int], length: int, start: int, end: int) -> tuple[int, int]:
    """The line around ``[start, end)``: from after the line break before ``start`` to the
    next one at or after ``end`` (by bisection of the break offsets)."""
    before = bisect_left(newlines, start)
    lo = newlines[before - 1] + 1 if before else 0
    after = bisect_left(newlines, end)
    return lo, newlines[after] if after < len(newlines) else length


def location_of(place: Place, mention: Span, basis: LocationBasis) -> Location:
    """The event location a place's mention gives, found as ``basis`` says."""
    return Location(
        place_id=place.id,
        name=place.name,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        admin1=place.admin1,
        geonames_id=place.geonames_id,
        precision=place.precision,
        basis=basis,
        evidence=[mention],
    )


def _gazetteer_or_none() -> Gazetteer | None:
    try:
        return open_gazetteer()
    except GazetteerError:  # locate still works, only demonyms are not told apart
        return None


@stages.register("dateline.places.v1", requires=["sdoc"], assigns=["places"], english_only=True)
def make_places(config: Config) -> Stage:
    """Places named in the text and captions, resolved to the gazetteer, grouped per place."""
    if COMPONENT not in config.parse.components:
        raise PipelineError(
            f"stage dateline.places.v1 reads the spaCy component {COMPONENT!r}: "
            f'add it to [parse] components = ["{COMPONENT}"]'
        )
    resolve = PlaceResolver(open_gazetteer(), config)

    def places(doc: Document) -> Document:
        doc.places = resolve(doc)
        return doc

    return places
