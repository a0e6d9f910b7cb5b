"""Stage ``dateline.clean.v1``: the article body as ``text``, and what the article says about itself."""

from __future__ import annotations

from ..config import Config
from ..document import Caption, Document, Segment
from ..errors import InputError
from ..registry import Stage, stages
from .html import clean_html
from .text import Cleaned, clean_text


@stages.register(
    "dateline.clean.v1",
    requires=["raw"],
    assigns=[
        "text",
        "meta.headline",
        "meta.published",
        "meta.modified",
        "meta.dateline",
        "meta.agencies",
        "meta.captions",
    ],
)
def make_clean(config: Config) -> Stage:
    """Strip boilerplate; find headline, dates, dateline, agencies and captions."""

    def clean(doc: Document) -> Document:
        result = _cleaned(doc) if doc.clean else _as_given(doc)
        if not result.text.strip():
            # A page of markup and scripts decodes to plenty of text, just no article.
            code = "no_article" if doc.input_format == "html" else "empty"
            raise InputError(doc.name, code)
        doc.set_text(result.text, result.segments)
        meta = doc.meta
        meta.headline = result.headline
        meta.published = doc.published_given or result.published
        meta.modified = result.modified
        meta.dateline = result.dateline
        meta.agencies = result.agencies
        meta.captions = [Caption(text=caption) for caption in result.captions]
        return doc

    return clean


def _cleaned(doc: Document) -> Cleaned:
    return clean_html(doc.raw, url=doc.url) if doc.input_format == "html" else clean_text(doc.raw)


def _as_given(doc: Document) -> Cleaned:
    """The input unchanged (``--no-clean``), with what cleaning it would have read.

    The headline, dates, dateline and agencies are read as a cleaning reads them; nothing
    is dropped from the text (captions stay in it), so offsets still index the input.
    """
    read = _cleaned(doc)
    return Cleaned(
        text=doc.raw,
        segments=[Segment(start=0, raw_start=0, length=len(doc.raw))],
        headline=read.headline,
        published=read.published,
        modified=read.modified,
        dateline=read.dateline,
        agencies=read.agencies,
    )
