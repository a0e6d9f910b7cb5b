"""Stage ``dateline.places.v1``: place names found in the text (recognition only).

The spaCy component ``dateline_places`` marks the mentions (span group
``dateline.places``); this stage groups them by name into Place records. Resolution to
coordinates (gazetteer) is a later stage's work: until then lat/lon stay null and
precision is "unknown".
"""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..errors import PipelineError
from ..records import Location, Place, assign_ids
from ..registry import Stage, stages
from .components import PLACES
from .entities import normalise, trim_mention

COMPONENT = "dateline_places"


def group_places(doc: Document) -> list[Place]:
    """One Place per normalised name, with every mention of it."""
    groups: dict[str, list[tuple[int, int]]] = {}
    names: dict[str, str] = {}
    for span in doc.sdoc.spans.get(PLACES, []):
        start, end = trim_mention(doc.text, span.start_char, span.end_char)
        key = normalise(doc.text[start:end])
        if key:
            groups.setdefault(key, []).append((start, end))
            names.setdefault(key, doc.text[start:end])
    places = [
        Place(id="", name=names[key], mentions=[doc.span(s, e) for s, e in spans])
        for key, spans in groups.items()
    ]
    assign_ids(places)
    return places


def locate(doc: Document, start: int, end: int) -> Location | None:
    """Where an event told in ``text[start:end]`` (a sentence or clause) happened, or None.

    The function the event stage calls. For now the first place named inside the stretch;
    the gazetteer layer (issue #9) replaces it with prepositional attachment, the nearest
    place, then the document's focus, and says which in ``precision``.
    """
    found = [
        (mention.start, place, mention)
        for place in doc.places
        for mention in place.mentions
        if mention.caption is None and start <= mention.start and mention.end <= end
    ]
    if not found:
        return None
    _, place, mention = min(found, key=lambda item: item[0])
    return Location(
        place_id=place.id,
        name=place.name,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        precision=place.precision,
        evidence=[mention],
    )


@stages.register("dateline.places.v1", requires=["sdoc"], assigns=["places"], english_only=True)
def make_places(config: Config) -> Stage:
    """Places named in the text (the dateline_places component); no coordinates yet."""
    if COMPONENT not in config.parse.components:
        raise PipelineError(
            f"stage dateline.places.v1 reads the spaCy component {COMPONENT!r}: "
            f'add it to [parse] components = ["{COMPONENT}"]'
        )

    def places(doc: Document) -> Document:
        doc.places = group_places(doc)
        return doc

    return places
