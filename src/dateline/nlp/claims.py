"""Claims: ``claim_for`` gives the claim whose content covers a stretch of text.

The event stage calls ``claim_for`` so that an event told inside a claim takes its source and
certainty from it (and the claim lists the event). The attribution layer (issue #12) fills
``Document.claims``; until then the list is empty and every answer is None.
"""

from __future__ import annotations

from ..document import Document
from ..records import Claim


def claim_for(doc: Document, start: int, end: int) -> Claim | None:
    """The innermost claim whose evidence covers ``text[start:end]`` of the body, or None."""
    covering = [
        (span.end - span.start, claim)
        for claim in doc.claims
        for span in claim.evidence
        if span.caption is None and span.start <= start and end <= span.end
    ]
    return min(covering, key=lambda item: item[0])[1] if covering else None
