"""Clean a plain-text wire article: keep the body lines, read the rest as metadata.

Plain-text pages copied from news sites repeat the headline, carry photo captions with
their credits, "Updated ..." lines and sharing widgets ("Follow"). Every line is either
kept verbatim (stripped of surrounding spaces) or dropped and read as metadata; nothing is
rewritten, so each kept line maps back to the input through one ``Segment``. Kept lines are
joined by one newline, or by a blank line where the input had a paragraph break. The dateline
("WASHINGTON/MOSCOW: ") stays in the body, where later stages find its places.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..document import Segment
from .boilerplate import is_boilerplate, is_rights_line
from .metadata import (
    AgencyTable,
    agency_table,
    bare_date,
    byline,
    caption_credit,
    date_line,
    find_dateline,
)

_NEWLINE = re.compile(r"\r\n|\r|\n")
# A headline is a short line without a final full stop.
MAX_HEADLINE_CHARS = 200
MAX_HEADLINE_WORDS = 30


@dataclass
class Cleaned:
    """A cleaned article: body text, its map back to the input, and what the page said."""

    text: str = ""
    segments: list[Segment] = field(default_factory=list)
    headline: str | None = None
    published: str | None = None
    modified: str | None = None
    dateline: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Line:
    """One non-blank line of the input: its stripped text and where that text starts."""

    text: str
    start: int


def split_lines(raw: str) -> Iterator[Line]:
    """The non-blank lines of ``raw`` (any newline convention), stripped, with offsets."""
    pos = 0
    for m in (*_NEWLINE.finditer(raw), None):
        end = m.start() if m else len(raw)
        line = raw[pos:end]
        stripped = line.strip()
        if stripped:
            yield Line(stripped, pos + len(line) - len(line.lstrip()))
        if m is None:
            break
        pos = m.end()


def normalise(line: str) -> str:
    """A line folded for comparison: case, spacing, quotes and end punctuation ignored."""
    line = unicodedata.normalize("NFKC", line).casefold()
    line = " ".join(line.split())
    return line.strip(" \"'“”‘’«».,:;!?-–—")


def looks_like_headline(line: str) -> bool:
    """Whether a first line reads as a title: short, and no full stop at the end."""
    return (
        len(line) <= MAX_HEADLINE_CHARS
        and len(line.split()) <= MAX_HEADLINE_WORDS
        and not line.endswith((".", ":", ",", ";"))
        and any(ch.isalpha() for ch in line)
    )


def clean_text(
    raw: str,
    *,
    headline: str | None = None,
    captions: Iterable[str] = (),
    detect_headline: bool = True,
) -> Cleaned:
    """The body of a plain-text article and what its other lines say.

    ``headline`` (a page title known from elsewhere) and ``captions`` are dropped wherever
    they appear as lines. With ``detect_headline`` the first line is taken for the headline
    when it looks like one, unless that would leave no body.
    """
    lines = list(split_lines(raw))
    table = agency_table()
    first_is_title = (
        detect_headline
        and headline is None
        and bool(lines)
        and looks_like_headline(lines[0].text)
        and _is_plain(lines[0].text, table)
    )
    if first_is_title:
        result = _clean(raw, lines, lines[0].text, captions, table)
        if result.text:
            return result
    return _clean(raw, lines, headline, captions, table)


def _is_plain(line: str, table: AgencyTable) -> bool:
    """Not furniture, metadata, caption or dateline: could be a headline."""
    return not (
        is_boilerplate(line)
        or date_line(line)
        or bare_date(line)
        or byline(line)
        or caption_credit(line, table)
        or find_dateline(line)
    )


def _has_blank_line(between: str) -> bool:
    """Whether the raw text between two lines holds an empty line (a paragraph break)."""
    return any(not piece.strip() for piece in _NEWLINE.split(between)[1:-1])


def _clean(
    raw: str,
    lines: list[Line],
    headline: str | None,
    captions: Iterable[str],
    table: AgencyTable,
) -> Cleaned:
    result = Cleaned(headline=" ".join(headline.split()) if headline else None)
    drop = {normalise(c) for c in captions}
    if headline:
        drop.add(normalise(headline))
    drop.discard("")
    agencies: list[tuple[int, str]] = []
    dates: dict[str, str] = {}
    kept: list[Line] = []
    for line in lines:
        text = line.text
        if normalise(text) in drop:
            continue
        if is_boilerplate(text):
            if is_rights_line(text):
                agencies += table.in_credit(text, line.start)
            continue
        if found := date_line(text):
            for kind, day in found:
                dates.setdefault(kind, day)
            continue
        if not kept and (bare := bare_date(text)):
            dates.setdefault("published", bare)
            continue
        if (who := byline(text)) is not None:
            agencies += table.in_credit(who, line.start)
            continue
        if credit := caption_credit(text, table):
            result.segments.append(
                Segment(
                    start=0, raw_start=line.start, length=len(text), caption=len(result.captions)
                )
            )
            result.captions.append(text)
            agencies += table.in_credit(text[credit[0] : credit[1]], line.start + credit[0])
            continue
        if not kept and (dateline := find_dateline(text)):
            result.dateline = [name for name, _, _ in dateline.places]
            if dateline.agency:
                start = line.start + text.index(f"({dateline.agency})") + 1
                agencies += table.in_credit(dateline.agency, start)
        agencies += table.in_prose(text, line.start)
        kept.append(line)

    parts: list[str] = []
    pos = 0
    previous_end: int | None = None
    for line in kept:
        if previous_end is not None:
            # Paragraphs stay paragraphs: a blank line between two kept lines stays one.
            gap = "\n\n" if _has_blank_line(raw[previous_end : line.start]) else "\n"
            parts.append(gap)
            pos += len(gap)
        result.segments.append(Segment(start=pos, raw_start=line.start, length=len(line.text)))
        parts.append(line.text)
        pos += len(line.text)
        previous_end = line.start + len(line.text)
    result.text = "".join(parts)
    result.published = dates.get("published") or dates.get("modified")
    result.modified = dates.get("modified") if "published" in dates else None
    result.agencies = _ordered(agencies)
    return result


def _ordered(found: list[tuple[int, str]]) -> list[str]:
    """Agency names by first appearance, each once."""
    return list(dict.fromkeys(name for _, name in sorted(found, key=lambda f: f[0])))
