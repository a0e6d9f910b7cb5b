"""dateline's spaCy components: token-level work, written to ``doc.spans["dateline.<layer>"]``.

They are ordinary spaCy components, so they can be used in any spaCy pipeline::

    import dateline.nlp.components  # registers the factories
    nlp.add_pipe("dateline_places")

The parse stage adds those named in ``[parse] components`` to the loaded model; an adapter
stage per layer (``dateline.places.v1`` ...) turns the span groups into records.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from .timecheck import TIMES as TIMES  # re-exported: the span group name
from .timecheck import mark_times

PLACES = "dateline.places"
# spaCy's labels for places: countries and cities, other locations, facilities.
PLACE_LABELS = ("GPE", "LOC", "FAC")


@Language.component("dateline_places", requires=["doc.ents"], assigns=["doc.spans"])
def find_places(sdoc: Any) -> Any:
    """Place-name mentions (GPE, LOC and FAC entities) as the span group ``dateline.places``."""
    sdoc.spans[PLACES] = [ent for ent in sdoc.ents if ent.label_ in PLACE_LABELS]
    return sdoc


@Language.component(
    "dateline_times", requires=["token.tag", "token.dep", "token.pos"], assigns=["doc.spans"]
)
def find_times(sdoc: Any) -> Any:
    """Temporal expressions (dates, times, durations, sets) as the span group ``dateline.times``.

    Each span carries its expressions' rules, fields and clause direction in
    ``span._.dateline_timex``; the stage ``dateline.times.v1`` resolves them to TIMEX3 values.
    """
    return mark_times(sdoc)


@Language.component("dateline_actors", requires=["doc.ents", "token.dep"], assigns=["doc.spans"])
def find_actors(sdoc: Any) -> Any:
    """Actor mentions clustered into referents as the span group ``dateline.actors``.

    See ``dateline.nlp.actors``: dictionary names, composed actors, descriptions, pronouns.
    """
    from .actors import find_actors as _find

    return _find(sdoc)


def _register_attribution() -> None:
    """Import the modules whose components live beside their stages (quotes, claims)."""
    from . import claims, quotes  # noqa: F401


_register_attribution()
