"""The national capital a description names ("in the capital", "in the Somali capital",
"in Iraq's capital", "in the capital of Peru"), as an event's location.

Wire reports name the capital so as often as by name, and the places layer reads names
only: without this the event falls back to the country. The country is the one the phrase
names, else the report's (see ``locations.report_country``), else the country of the
document's focus; the capital is the gazetteer's (GeoNames' country list). A phrase with
another word before its head ("the provincial capital", "the former capital") or that names
a town of its own is left to the places layer.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..document import Document
from ..errors import GazetteerError
from ..gazetteer.index import open_gazetteer
from ..records import Location, Span


def capital_location(
    doc: Document,
    caption: int | None,
    phrase: tuple[int, int],
    head: Token,
    spans: list[Span],
    *,
    heads: frozenset[str],
    modifiers: frozenset[str],
    context_country: Callable[[], str | None],
) -> Location | None:
    """The capital ``phrase`` (character bounds in its part) names, with ``spans`` as its
    evidence; None where the phrase is no bare description of a national capital."""
    if head.lemma_.lower() not in heads and head.lower_ not in heads:
        return None
    start, end = phrase
    named: set[str] = set()
    covered: list[tuple[int, int]] = []
    for place in doc.places:
        for mention in place.mentions:
            if mention.caption != caption or not (start <= mention.start and mention.end <= end):
                continue
            if place.precision != "country" or not place.country:
                return None  # "the capital, Kabul": the name says where
            named.add(place.country)
            covered.append((mention.start, mention.end))
    for token in head.doc:
        if not (start <= token.idx < head.idx):
            continue
        if any(a <= token.idx < b for a, b in covered):
            continue
        if token.lower_ not in modifiers and not token.is_punct:
            return None  # "the provincial capital"
    if len(named) > 1:
        return None
    country = next(iter(named)) if named else context_country()
    if not country:
        return None
    try:
        record = open_gazetteer().capital(country)
    except GazetteerError:
        return None
    if record is None:
        return None
    return Location(
        name=record.name,
        lat=record.lat,
        lon=record.lon,
        country=record.country,
        admin1=record.admin1 or None,
        geonames_id=record.geonames_id,
        precision="town",
        basis="attached",
        evidence=spans,
    )
