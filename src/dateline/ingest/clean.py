"""Stage ``dateline.clean.v1``: the article body as ``text``, and what the article says about itself."""

from __future__ import annotations

from ..config import Config
from ..document import Caption, Document, Segment
from ..errors import InputError
from ..registry import Stage, stages
from .html import clean_html
from .metadata import agency_table, find_dateline
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
        if doc.clean:
            if doc.input_format == "html":
                result = clean_html(doc.raw, url=doc.url)
            else:
                result = clean_text(doc.raw)
        else:
            result = _as_given(doc.raw)
        if not result.text.strip():
            raise InputError(doc.source or doc.id, "empty")
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


def _as_given(raw: str) -> Cleaned:
    """The input unchanged (``--no-clean``), with the dateline and agencies it opens with.

    Reading them changes no text, so offsets still index the input exactly.
    """
    result = Cleaned(text=raw, segments=[Segment(start=0, raw_start=0, length=len(raw))])
    lead = len(raw) - len(raw.lstrip())
    first_line = raw[lead:].split("\n", 1)[0]
    dateline = find_dateline(first_line)
    table = agency_table()
    found = table.in_prose(raw)
    if dateline:
        result.dateline = [name for name, _, _ in dateline.places]
        if dateline.agency:
            found = table.in_credit(dateline.agency) + found
    result.agencies = list(dict.fromkeys(name for _, name in found))
    return result
