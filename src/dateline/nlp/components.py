"""dateline's spaCy components: token-level work, written to ``doc.spans["dateline.<layer>"]``.

They are ordinary spaCy components, so they can be used in any spaCy pipeline::

    import dateline.nlp.components  # registers the factories
    nlp.add_pipe("dateline_places")

The parse stage adds those named in ``[parse] components`` to the loaded model; an adapter
stage per layer (``dateline.places.v1`` ...) turns the span groups into records.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language

from .timecheck import TIMES as TIMES  # re-exported: the span group name
from .timecheck import mark_times
from .toponyms import datelines

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")

PLACES = "dateline.places"
# Components that must run before one of the model's own: added there, not at the end.
BEFORE = {"dateline_sentences": "parser"}


@Language.component("dateline_sentences", assigns=["token.is_sent_start"])
def mark_sentence_starts(sdoc: Any) -> Any:
    """Sentence starts the parser must respect: after a dateline and at each paragraph.

    Without them the parser reads "KIRKUK, Iraq (Agency) - Teachers protested" as one
    sentence whose root is the town, and the headline as the start of the lead: the most
    important sentence of a report loses its subject and verb.
    """
    text = sdoc.text
    starts = [found.end for found in datelines(text)]
    starts.extend(m.end() for m in _PARAGRAPH.finditer(text))
    for start in starts:
        span = sdoc.char_span(start, min(start + 1, len(text)), alignment_mode="expand")
        if span is not None and 0 < span.start < len(sdoc) and not sdoc[span.start].is_space:
            sdoc[span.start].is_sent_start = True
    return sdoc


@Language.factory(
    "dateline_places",
    default_config={"gazetteer": "", "demonyms": True},
    requires=["doc.ents", "token.pos"],
    assigns=["doc.spans"],
)
def make_place_finder(nlp: Language, name: str, gazetteer: str, demonyms: bool) -> Any:
    """Place-name and demonym mentions as the span group ``dateline.places``.

    spaCy's GPE/LOC/FAC entities checked and completed with the gazetteer and the context
    (see dateline.nlp.toponyms); each span's label is PLACE, DATELINE or DEMONYM.
    ``gazetteer`` is the index file ("" for the one ``make setup`` built).
    """
    from ..gazetteer.index import open_gazetteer
    from .toponyms import ToponymRecogniser

    recognise = ToponymRecogniser(open_gazetteer(gazetteer or None), demonyms=demonyms)

    def find_places(sdoc: Any) -> Any:
        sdoc.spans[PLACES] = recognise(sdoc)
        return sdoc

    return find_places


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
