"""Event locations the event's own clauses do not give, chosen once a document's mentions
are merged into events (``refine``).

``places.locate`` reads the clause of each mention. Three things it cannot see:

* a report often names the country in the lead ("killed ... in the Syrian desert") and the
  town or district only in the sentences that go on about the same incident ("The convoy
  has been stalled in the Deir Ezzor region"): a finer place of that country named there,
  after a locative preposition, in a sentence whose subject is something the event's
  telling named, with no other incident told in between, is where the event was (basis
  ``continued``);
* an event located only by the document's focus or its dateline, whose telling in a photo
  caption names a place, happened at the caption's place (basis ``caption``);
* a dateline says where the report was filed, not where the event was: an event located
  only by the dateline's place, or by the nearest place of another sentence (no place named
  with it), is placed in that place's country, at country precision (basis
  ``dateline_country``), rather than in the reporting town.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..document import Document
from ..errors import GazetteerError
from ..gazetteer.index import Candidate, Gazetteer, open_gazetteer
from ..nlp import places
from ..nlp.toponyms import datelines
from ..records import Location, Place, Span
from .merge import Draft

# Precisions finer than each coarse one (places.PRECISION_ORDER without the unknown).
FINER = {
    "country": frozenset({"point", "town", "offset", "admin2", "admin1"}),
    "admin1": frozenset({"point", "town", "offset", "admin2"}),
}
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
PrepOf = Callable[[Document, Span], str | None]


def refine(
    doc: Document,
    drafts: list[Draft],
    *,
    window: int,
    dateline_country: bool,
    prep_of: PrepOf,
    locative: frozenset[str],
    generic: frozenset[str] = frozenset(),
) -> None:
    """Give each merged event the location its neighbourhood tells (see the module).

    ``prep_of`` tells the preposition that introduces a body place mention's phrase (None
    for a place word that names an actor); ``locative`` the prepositions that place an
    event; ``generic`` the subjects that refer back to nothing in particular.
    """
    if doc.sdoc is None:
        return
    sents = list(doc.sdoc.sents)
    lines = _Datelines(doc)
    body = sorted((d for d in drafts if d.trigger.caption is None), key=lambda d: d.order)
    for draft in drafts:
        location = draft.location
        if location is None:
            continue
        if location.basis == "focus" or lines.placed_by(location):
            told = _caption_location(doc, draft)
            if told is not None:
                draft.location = told
                continue
        body_told = draft.trigger.caption is None
        if dateline_country:
            location = _reported_from(doc, lines, draft, location) or location
        if body_told and window > 0 and _coarse(location):
            location = _continued(
                doc, sents, draft, location, body, window, prep_of, locative, generic
            )
        draft.location = location


def report_country(doc: Document) -> str | None:
    """The country a report with a dateline is about: the dateline's place's, unless the
    body names places of another country only (see ``_filed_about``); None without one."""
    lines = _Datelines(doc)
    focus = lines.place()
    if focus is None or not focus.country:
        return None
    elsewhere = lines.body_place(focus.country)
    return (elsewhere or focus).country


def _reported_from(
    doc: Document, lines: _Datelines, draft: Draft, location: Location
) -> Location | None:
    """The country of the dateline's place, for an event located only by it, or by the
    nearest place named in another sentence (no place named in the event's own sentence:
    the nearest one elsewhere is as often an office, a speaker's home or another incident's
    site, and no better a guess)."""
    # Of a dateline of several countries ("ABUJA/N'DJAMENA"), the one whose actors acted;
    # a dateline of one country says only where the report was filed ("WASHINGTON - U.S.
    # forces killed ..." may well be about Syria).
    countries = _actor_countries(draft) if len(lines.countries()) > 1 else frozenset()
    if location.basis == "focus" and countries and location.country not in countries:
        own = lines.place(countries)
        if own is not None and own.country in countries:
            return _country_location(doc, own)
    if location.basis == "paragraph" and draft.trigger.caption is None:
        focus = lines.place(countries)
        return _filed_about(doc, lines, focus, countries) if focus is not None else None
    if lines.placed_by(location):
        # "ABUJA/N'DJAMENA - Chad's army said its troops clashed ...": the dateline's place
        # of the country whose forces acted.
        own = lines.place(countries) or location
        return _filed_about(doc, lines, own, countries)
    return None


def _actor_countries(draft: Draft) -> frozenset[str]:
    """The countries of the event's actors on either side, where the actors layer says."""
    return frozenset(a.role.country for a in (*draft.agents, *draft.patients) if a.role.country)


def _filed_about(
    doc: Document, lines: _Datelines, location: Location, countries: frozenset[str] = frozenset()
) -> Location:
    """The country of the dateline's place, unless the body names places of another country
    only: a report filed from Beirut about Syria is about events in Syria; but not for an
    event whose actors are of the dateline's country."""
    if location.country in countries:
        return _country_location(doc, location)
    elsewhere = lines.body_place(location.country or "")
    return _country_location(doc, elsewhere if elsewhere is not None else location)


def _coarse(location: Location) -> bool:
    return location.basis == "focus" or location.precision in FINER


def _continued(
    doc: Document,
    sents: list[Any],
    draft: Draft,
    location: Location,
    body: list[Draft],
    window: int,
    prep_of: PrepOf,
    locative: frozenset[str],
    generic: frozenset[str],
) -> Location:
    """A finer place of the event's country (admin1 area) named after a locative preposition
    in the event's sentences or the ``window`` sentences after its last one, up to the next
    incident told; else ``location``."""
    if location.basis == "focus" or location.precision not in FINER:
        finer = FINER["country"] | {"admin1"} if location.basis == "focus" else frozenset()
        finer = frozenset(finer) - {location.precision}
    else:
        finer = FINER[location.precision]
    if not location.country:
        return location
    first = draft.sentence_rank
    last = min(len(sents) - 1, draft.last_sentence_rank + window)
    words = _event_words(doc, draft, generic)
    starts = {o.sentence_rank for o in body if o is not draft}
    about = {}  # sentence rank -> whether it speaks of the event's participants or targets
    for rank in range(draft.last_sentence_rank + 1, last + 1):
        about[rank] = _shares_referent(sents[rank], words, generic)
        if rank in starts and not about[rank]:
            # Another incident told, not about this one's people or things: the window ends.
            last = rank - 1
            break
    if last < first:
        return location
    lo, hi = sents[first].start_char, sents[last].end_char
    tokens = doc.sdoc
    told_in = {  # the sentences of the event's triggers
        _sentence_rank(sents, first, last, tokens[index].idx)
        for caption, index in draft.mention_keys
        if caption is None and index < len(tokens)
    }
    found = []
    for place, mention in places.body_mentions(doc, lo, hi):
        if (
            place.country != location.country
            or place.precision not in finer
            or (location.precision == "admin1" and place.admin1 != location.admin1)
            or prep_of(doc, mention) not in locative
        ):
            continue
        rank = _sentence_rank(sents, first, last, mention.start)
        told = any(
            e.caption is None and e.start <= mention.start and mention.end <= e.end
            for e in draft.evidence
        )
        # The sentences that tell the event: a place inside the province they name, named
        # there after a locative preposition ("shot a farmer in the town of cuilapa, in
        # the santa rosa department, and burned a bus"), is where it was, though the
        # event's clause names none. (A town of a country named there may be another
        # incident's: "guerrillas are active in colombia, where ... in bogota".)
        own = rank in told_in and location.precision == "admin1"
        if (
            not told
            and not own
            and not about.setdefault(rank, _shares_referent(sents[rank], words, generic))
        ):
            continue
        found.append((rank, places.PRECISION_ORDER.index(place.precision), mention.start, place))
    if not found:
        return location
    _, _, start, place = min(found, key=lambda item: item[:3])
    mention = next(m for m in place.mentions if m.caption is None and m.start == start)
    return places.location_of(place, mention, "continued")


def _sentence_rank(sents: list[Any], first: int, last: int, offset: int) -> int:
    for rank in range(first, last + 1):
        if sents[rank].start_char <= offset < sents[rank].end_char:
            return rank
    return last


def _event_words(doc: Document, draft: Draft, generic: frozenset[str]) -> frozenset[str]:
    """The lemmas of the nouns of the event's body clauses and of its participants' and
    targets' names: what a sentence that goes on about the incident speaks of."""
    words: set[str] = set()
    sdoc = doc.sdoc
    for span in draft.evidence:
        if span.caption is not None or sdoc is None:
            continue
        told = sdoc.char_span(span.start, span.end, alignment_mode="expand")
        if told is not None:
            words.update(t.lemma_.lower() for t in told if t.pos_ in ("NOUN", "PROPN"))
    names = [a.role.name for a in (*draft.agents, *draft.patients)]
    names += [n.name for n in (*draft.targets, *draft.weapons)]
    words.update(w.strip(".,'\"()").lower() for name in names for w in name.split())
    return frozenset(w for w in words if len(w) > 2 and w not in generic)


def _shares_referent(sentence: Any, words: frozenset[str], generic: frozenset[str]) -> bool:
    """Whether a sentence is about something the event's telling named: its subject is a
    definite noun ("The convoy ..." after "a convoy of buses") or a name told there."""
    for t in sentence:
        if t.dep_ not in SUBJECTS or t.lower_ in generic or t.lemma_.lower() not in words:
            continue
        if t.pos_ == "PROPN" or (
            t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in t.children)
        ):
            return True
    return False


def _caption_location(doc: Document, draft: Draft) -> Location | None:
    """The place a caption that tells the event names (the first in its sentence)."""
    for caption, index in sorted(draft.mention_keys, key=lambda k: (k[0] is None, k)):
        if caption is None or caption >= len(doc.caption_sdocs):
            continue
        sdoc = doc.caption_sdocs[caption]
        if sdoc is None or index >= len(sdoc):
            continue
        sent = sdoc[index].sent
        found = caption_place(doc, caption, sent.start_char, sent.end_char, "caption")
        if found is not None:
            return found
    return None


def caption_place(
    doc: Document, caption: int, start: int, end: int, basis: Any = "sentence"
) -> Location | None:
    """The first place named in a caption sentence (``places.locate`` reads the body)."""
    found = [
        (mention.start, place, mention)
        for place in doc.places
        for mention in place.mentions
        if mention.caption == caption and start <= mention.start and mention.end <= end
    ]
    if not found:
        return None
    _, place, mention = min(found, key=lambda item: item[0])
    return places.location_of(place, mention, basis)


class _Datelines:
    """The dateline's place names of one document, read once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.names = [span for found in datelines(doc.text) for span in found.names]

    def place(self, countries: frozenset[str] = frozenset()) -> Location | None:
        """The dateline's place, as a location (None when the text opens with no dateline);
        of a dateline with several places ("ABUJA/N'DJAMENA"), the first of one of
        ``countries`` if any is, else the first."""
        found = []
        for place in self.doc.places:
            if place.lat is None or not place.country:
                continue
            for mention in place.mentions:
                if mention.caption is None and self._inside(mention):
                    found.append((mention.start, place, mention))
        if not found:
            return None
        found.sort(key=lambda item: item[0])
        _, place, mention = next((item for item in found if item[1].country in countries), found[0])
        return places.location_of(place, mention, "focus")

    def countries(self) -> set[str]:
        """The countries of the dateline's places."""
        return {
            place.country
            for place in self.doc.places
            if place.country and any(m.caption is None and self._inside(m) for m in place.mentions)
        }

    def body_place(self, country: str) -> Location | None:
        """Where the report's body is, when it names no place of the dateline's ``country``:
        the first place of the country whose towns and provinces it names most often
        ("BEIRUT - ... in the town of Ariha in Syria's Idlib province": the report is filed
        from Lebanon about Syria). None when the body names a place of the dateline's
        country, or no other one."""
        counts: Counter[str] = Counter()
        first: dict[str, tuple[Place, Span]] = {}
        for place in self.doc.places:
            # A country's name is as often its state acting ("the U.S. condemned ...").
            if not place.country or place.precision not in FINER["country"]:
                continue
            for mention in place.mentions:
                if mention.caption is not None or self._inside(mention):
                    continue
                counts[place.country] += 1
                if place.country not in first or mention.start < first[place.country][1].start:
                    first[place.country] = (place, mention)
        if not counts or country in counts:
            return None
        ranked = counts.most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None  # two countries as often: no telling which
        place, mention = first[ranked[0][0]]
        return places.location_of(place, mention, "paragraph")

    def placed_by(self, location: Location) -> bool:
        """Whether a location below country level is the dateline's place, found for want
        of a place named with the event (the document's focus or the nearest place)."""
        if location.basis not in ("focus", "paragraph") or not location.country:
            return False
        if location.precision not in ("town", "admin2", "admin1", "point"):
            return False
        mention = location.evidence[0]
        return mention.caption is None and self._inside(mention)

    def _inside(self, mention: Span) -> bool:
        return any(lo <= mention.start < hi for lo, hi in self.names)


def _country_location(doc: Document, location: Location) -> Location:
    """The country of a dateline-found location, named as the text names it if it does."""
    iso = location.country or ""
    gazetteer = _gazetteer()
    named = _country_place(doc, iso, gazetteer)
    if named is not None:
        place, mention = named
        found = places.location_of(place, mention, "dateline_country")
        return found.model_copy(update={"evidence": [mention, *location.evidence[:1]]})
    record = _country_record(gazetteer, iso) if gazetteer is not None else None
    return Location(
        name=country_names().get(iso) or (record.name if record else iso),
        lat=record.lat if record else None,
        lon=record.lon if record else None,
        country=iso,
        precision="country",
        geonames_id=record.geonames_id if record else None,
        basis="dateline_country",
        evidence=location.evidence[:1],
    )


# Country records by (gazetteer file, ISO code): the query scans the index (tens of ms).
_COUNTRIES: dict[tuple[Path, str], Candidate | None] = {}


def _country_record(gazetteer: Gazetteer, iso: str) -> Candidate | None:
    key = (gazetteer.path, iso)
    if key not in _COUNTRIES:
        _COUNTRIES[key] = gazetteer.country(iso)
    return _COUNTRIES[key]


def _country_place(
    doc: Document, iso: str, gazetteer: Gazetteer | None
) -> tuple[Place, Span] | None:
    """The body's first mention of the country ``iso`` by name (not by a demonym)."""
    for place in doc.places:
        if place.country != iso or place.precision != "country":
            continue
        for mention in place.mentions:
            if mention.caption is None and (
                gazetteer is None or gazetteer.demonym(mention.text) is None
            ):
                return place, mention
    return None


@cache
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> short English name (``resources/iso3166.tsv``)."""
    text = resources.files("dateline.resources").joinpath("iso3166.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {row[0]: row[2] for row in rows[1:] if len(row) > 2}


def _gazetteer() -> Gazetteer | None:
    try:
        return open_gazetteer()
    except GazetteerError:
        return None
