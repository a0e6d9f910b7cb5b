"""Map text extracted from an HTML page back to the page's source, for the offset map.

trafilatura gives the article's text, not where each character sits in the page. The text
is found again in the page: the page's visible characters (tags, comments, scripts and
styles left out, entities decoded) are compared with the text ignoring whitespace, line by
line, then word by word for lines that moved; every run of characters that the text copies
verbatim from the source becomes a ``Segment``. Characters no segment covers (an entity such
as ``&amp;``, a line break the page does not have) are mapped by the reader to the nearest
segment.
"""

from __future__ import annotations

import html
import re
from array import array
from bisect import bisect_right

from ..document import Segment

_TOKENS = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(?P<raw>script|style|noscript|template)\b.*?(?:</(?P=raw)\s*>|\Z)"
    r"|<[!?/]?[A-Za-z][^>]*>?"
    r"|&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?",
    re.S | re.I,
)
_WORD = re.compile(r"\S+")
# Words are found within this many visible characters after the last one found.
_WINDOW = 4000


class Visible:
    """The non-space visible characters of a page, with where each sits in the source.

    Kept as runs (one per word or decoded entity), so a large page costs one entry a word.
    """

    def __init__(self, page: str) -> None:
        parts: list[str] = []
        self.starts = array("q")  # where each run starts in ``text``
        self.raw_starts = array("q")  # ... and in the page
        self.verbatim = bytearray()
        self._size = 0
        pos = 0
        for m in _TOKENS.finditer(page):
            self._add_text(page, pos, m.start(), parts)
            token = m.group()
            if token.startswith("&"):
                decoded = "".join(html.unescape(token).split())
                if decoded and decoded != token:
                    self._add(decoded, m.start(), parts, verbatim=False)
                elif decoded:
                    self._add_text(page, m.start(), m.end(), parts)
            pos = m.end()
        self._add_text(page, pos, len(page), parts)
        self.text = "".join(parts)

    def _add_text(self, page: str, start: int, end: int, parts: list[str]) -> None:
        for word in _WORD.finditer(page, start, end):
            self._add(word.group(), word.start(), parts, verbatim=True)

    def _add(self, chars: str, raw_start: int, parts: list[str], *, verbatim: bool) -> None:
        parts.append(chars)
        self.starts.append(self._size)
        self.raw_starts.append(raw_start)
        self.verbatim.append(verbatim)
        self._size += len(chars)

    def raw(self, at: int) -> int | None:
        """The page offset of ``text[at]``, or None when it came from an entity."""
        run = bisect_right(self.starts, at) - 1
        if not self.verbatim[run]:
            return None
        return int(self.raw_starts[run] + (at - self.starts[run]))


def align(text: str, page: str, *, caption: int | None = None) -> list[Segment]:
    """Segments mapping runs of ``text`` copied verbatim from ``page`` (an HTML source)."""
    if not text or not page:
        return []
    visible = Visible(page)
    anchors = _anchor(text, visible, page)
    return _segments(text, page, anchors, caption)


def _anchor(text: str, visible: Visible, page: str) -> list[tuple[int, int]]:
    """(offset in text, offset in page) of the non-space characters of ``text`` found."""
    found: list[tuple[int, int]] = []
    cursor = 0
    for line in re.finditer(r"[^\n]+", text):
        chars = [(line.start() + i, ch) for i, ch in enumerate(line.group()) if not ch.isspace()]
        if not chars:
            continue
        needle = "".join(ch for _, ch in chars)
        at = visible.text.find(needle, cursor)
        if at != -1:
            found += _pairs(visible, at, [pos for pos, _ in chars])
            cursor = at + len(needle)
            continue
        for word in re.finditer(r"\S+", line.group()):
            hit = _find_word(word.group(), visible, page, cursor)
            if hit is None:
                continue
            start = line.start() + word.start()
            found += _pairs(visible, hit, list(range(start, start + len(word.group()))))
            cursor = hit + len(word.group())
    return found


def _find_word(word: str, visible: Visible, page: str, cursor: int) -> int | None:
    """Where a whole word of the text stands in the visible text, near ``cursor``.

    Only whole words of the page count: "of" is not found inside "officials".
    """
    limit = cursor + _WINDOW + len(word)
    at = visible.text.find(word, cursor, limit)
    while at != -1:
        first, last = visible.raw(at), visible.raw(at + len(word) - 1)
        if (
            first is not None
            and last is not None
            and not (first > 0 and page[first - 1].isalnum())
            and not (last + 1 < len(page) and page[last + 1].isalnum())
        ):
            return at
        at = visible.text.find(word, at + 1, limit)
    return None


def _pairs(visible: Visible, at: int, positions: list[int]) -> list[tuple[int, int]]:
    """(text offset, page offset) for characters found at ``at`` onwards in the visible text."""
    pairs = []
    for k, pos in enumerate(positions):
        raw = visible.raw(at + k)
        if raw is not None:
            pairs.append((pos, raw))
    return pairs


def _segments(
    text: str, page: str, anchors: list[tuple[int, int]], caption: int | None
) -> list[Segment]:
    segments: list[Segment] = []
    covered = 0
    for pos, raw in anchors:
        if pos < covered or text[pos] != page[raw]:
            continue
        end, raw_end = pos, raw
        while end < len(text) and raw_end < len(page) and text[end] == page[raw_end]:
            end += 1
            raw_end += 1
        segments.append(Segment(start=pos, raw_start=raw, length=end - pos, caption=caption))
        covered = end
    return segments
