"""Clean an HTML page: the article body by trafilatura, its dates by htmldate.

The body is trafilatura's main text without comments; the page title is the headline;
``<figcaption>`` texts become captions; htmldate reads the published date (the original
one) and the last modified date apart. The extracted text then goes through the plain-text
cleaner, which finds the dateline and agencies and drops repeated headlines and captions.
Offsets index the extracted text; ``align`` finds that text again in the page's source, so
the offset map (``segments``) leads from the text and the captions back into the HTML.
"""

from __future__ import annotations

import logging
from typing import Any

from .align import align
from .metadata import agency_table
from .text import Cleaned, clean_text

log = logging.getLogger(__name__)

DATE_FORMAT = "%Y-%m-%d"


def clean_html(raw: str, *, url: str | None = None) -> Cleaned:
    """The body text and metadata of an HTML page (empty text when it has no article)."""
    # Imported here: trafilatura takes about half a second to import.
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(raw)
    if tree is None:
        return Cleaned()
    captions = _captions(tree)
    published, modified = _dates(tree, url)
    extracted: Any = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=True, with_metadata=True
    )
    body = extracted.text if extracted is not None else None
    title = _one_line(extracted.title) if extracted is not None else _title(tree)
    if not body:
        # trafilatura refuses pages with little text (a fragment, a short item): keep
        # their paragraphs rather than losing the article.
        body = _paragraphs(load_html(raw))
    result = clean_text(body, headline=title, captions=captions, detect_headline=False)
    result.segments = align(result.text, raw)
    for n, caption in enumerate(captions):
        result.segments += align(caption, raw, caption=n)
    result.captions = captions
    result.published = published or result.published
    result.modified = modified if modified and modified != result.published else None
    table = agency_table()
    author = _one_line(extracted.author) if extracted is not None else None
    credited = [name for _, name in table.in_credit(author or "")]
    credited += [name for caption in captions for _, name in table.in_credit(caption)]
    result.agencies = list(dict.fromkeys([*credited, *result.agencies]))
    return result


def _captions(tree: Any) -> list[str]:
    captions = []
    for node in tree.iter("figcaption"):
        text = _one_line(node.text_content())
        if text:
            captions.append(text)
    return list(dict.fromkeys(captions))


def _title(tree: Any) -> str | None:
    node = next(tree.iter("title"), None)
    return _one_line(node.text_content()) if node is not None else None


def _paragraphs(tree: Any) -> str:
    """The text of a page's paragraphs, one per line, when trafilatura finds no article."""
    if tree is None:
        return ""
    for node in list(tree.iter("script", "style", "noscript", "figcaption", "template")):
        node.drop_tree()
    blocks = ("p", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "td")
    lines = [
        _one_line(node.text_content())
        for node in tree.iter(*blocks)
        if not any(above.tag in blocks for above in node.iterancestors())
    ]
    kept = [line for line in lines if line]
    if not kept:
        kept = [line for line in [_one_line(tree.text_content())] if line]
    return "\n".join(kept)


def _dates(tree: Any, url: str | None) -> tuple[str | None, str | None]:
    from htmldate import find_date

    def find(original: bool) -> str | None:
        try:
            day = find_date(
                tree,
                url=url,
                original_date=original,
                extensive_search=False,
                outputformat=DATE_FORMAT,
            )
        except Exception:  # htmldate is a heuristic; a page it chokes on has no date
            log.debug("htmldate failed on %s", url, exc_info=True)
            return None
        return day if isinstance(day, str) else None

    published = find(True)
    modified = find(False)
    return published, (modified if modified != published else None)


def _one_line(text: str | None) -> str | None:
    text = " ".join((text or "").split())
    return text or None
