"""Clean an HTML page: the article body by trafilatura, its dates by htmldate.

The body is trafilatura's main text without comments; the page title is the headline;
``<figcaption>`` texts become captions; htmldate reads the published date (the original
one) and the last modified date apart. The extracted text then goes through the plain-text
cleaner, which finds the dateline and agencies and drops repeated headlines and captions.
Offsets index the extracted text; ``align`` finds that text again in the page's source, so
the offset map (``segments``) leads from the text and the captions back into the HTML.

The page is parsed with lxml's ``huge_tree`` (elements nested 2,048 deep rather than 256).
A page nested deeper still, which lxml would cut short, is read by a flat pass over its tags
(``FlatText``): block elements become lines, scripts and styles are skipped.
"""

from __future__ import annotations

import logging
from html.parser import HTMLParser
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

    tree, cut = load_tree(raw)
    if tree is None:
        return Cleaned()
    published, modified = _dates(tree, url)
    extracted: Any = None
    body: str | None
    if cut:
        # lxml dropped what lies deeper than it can nest: read the page flat instead.
        flat = FlatText.of(raw)
        captions = list(dict.fromkeys(flat.captions))
        body, title = flat.text, flat.title or _title(tree)
    else:
        captions = _captions(tree)
        extracted = trafilatura.bare_extraction(
            tree, url=url, include_comments=False, include_tables=True, with_metadata=True
        )
        body = extracted.text if extracted is not None else None
        title = _one_line(extracted.title) if extracted is not None else _title(tree)
    if not body and not cut:
        # trafilatura refuses pages with little text (a fragment, a short item): keep
        # their paragraphs rather than losing the article.
        body = _paragraphs(load_tree(raw)[0])
    result = clean_text(body or "", headline=title, captions=captions, detect_headline=False)
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


def load_tree(raw: str) -> tuple[Any, bool]:
    """The page's lxml tree (None when there is no document) and whether nesting cut it short."""
    from lxml.etree import ParserError  # type: ignore[import-untyped]
    from lxml.html import HTMLParser as LxmlParser  # type: ignore[import-untyped]
    from lxml.html import fromstring
    from trafilatura.utils import repair_faulty_html

    # trafilatura's own parser, but deep: its default limit of 256 levels silently drops
    # the rest of the page. A parser per call: its error log is what tells a cut tree.
    parser = LxmlParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    data = repair_faulty_html(raw, raw[:50].lower()).encode("utf-8", "surrogatepass")
    try:
        tree = fromstring(data, parser=parser)
    except (ParserError, ValueError):
        return None, False
    cut = any("Excessive depth" in error.message for error in parser.error_log)
    return tree, cut


class FlatText(HTMLParser):
    """The text of a page read tag by tag, however deep: one line per block element.

    Skips scripts, styles and other non-text elements; keeps the title and ``<figcaption>``
    texts apart.
    """

    SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object"})
    BLOCKS = frozenset(
        {
            "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
            "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
            "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
        }
    )  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.captions: list[str] = []
        self.title: str | None = None
        self._skip = 0
        self._in: str | None = None  # "title" or "figcaption" while inside one
        self._held: list[str] = []

    @classmethod
    def of(cls, raw: str) -> FlatText:
        reader = cls()
        reader.feed(raw)
        reader.close()
        return reader

    @property
    def text(self) -> str:
        lines = (_one_line(line) for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag in ("title", "figcaption") and self._in is None:
            self._in, self._held = tag, []
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag == self._in:
            text = _one_line("".join(self._held))
            if text and tag == "title":
                self.title = self.title or text
            elif text:
                self.captions.append(text)
            self._in = None
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        (self._held if self._in else self.parts).append(data)


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
