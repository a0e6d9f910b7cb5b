"""Stage ``dateline.places.v1``: place names found in the text (recognition only).

Every GPE, LOC and FAC entity becomes a Place with all its mentions. Resolution to
coordinates (gazetteer) is a later stage's work: until then lat/lon stay null and
precision is "unknown".
"""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..records import Place
from ..registry import Stage, stages

PLACE_LABELS = ("GPE", "LOC", "FAC")


def places_from_entities(doc: Document) -> list[Place]:
    """One Place per place-like entity."""
    return [
        Place(id=f"pl{n + 1}", name=ent.name, mentions=list(ent.mentions))
        for n, ent in enumerate(e for e in doc.entities if e.label in PLACE_LABELS)
    ]


@stages.register("dateline.places.v1", requires=["entities"], assigns=["places"], english_only=True)
def make_places(config: Config) -> Stage:
    """Places named in the text (GPE, LOC, FAC entities); no coordinates yet."""

    def places(doc: Document) -> Document:
        doc.places = places_from_entities(doc)
        return doc

    return places
