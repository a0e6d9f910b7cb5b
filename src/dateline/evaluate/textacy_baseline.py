"""textacy's direct-quotation extractor as the baseline of the attribution scorer.

textacy (``pip install 'dateline[eval]'``) reads quotations and their speakers from a spaCy
parse of the same texts with the same model; its output is written in the contract's shape
(quotes only) so that one scorer scores both.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

with warnings.catch_warnings():
    # textacy's imports (scikit-learn, networkx ...) may warn on newer numpy: not ours to fix.
    warnings.simplefilter("ignore")
    from textacy.extract.triples import direct_quotations

from ..config import load_config
from ..nlp.model import load_model

if TYPE_CHECKING:
    from .attribution import AttributionDoc


def quotes_of(sdoc: Any) -> list[dict[str, Any]]:
    """textacy's quotations of a parsed Doc as contract quotes (content span, speaker name).

    textacy refuses a text with an odd number of quotation marks (a quotation continued in
    the next paragraph): that text gets no quotes, as a user of textacy would get.
    """
    quotes: list[dict[str, Any]] = []
    try:
        found_all = list(direct_quotations(sdoc))
    except ValueError:
        return quotes
    for found in found_all:
        content = found.content
        speaker = " ".join(t.text for t in found.speaker) or None
        quotes.append(
            {
                "kind": "direct",
                "speaker": {"name": speaker, "entity_id": None, "evidence": []}
                if speaker
                else None,
                "evidence": [
                    {
                        "start": content.start_char,
                        "end": content.end_char,
                        "text": content.text,
                        "caption": None,
                    }
                ],
            }
        )
    return quotes


def textacy_predictions(gold: Sequence[AttributionDoc]) -> dict[str, dict[str, Any]]:
    """Predictions of textacy on each gold text, parsed by dateline's configured model."""
    nlp = load_model(load_config().model.name)
    texts = [doc.text for doc in gold]
    return {
        doc.id: {"text": doc.text, "quotes": quotes_of(sdoc), "claims": [], "entities": []}
        for doc, sdoc in zip(gold, nlp.pipe(texts), strict=True)
    }
