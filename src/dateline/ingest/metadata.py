"""What an article line says about the article: dateline, agencies, dates, captions, bylines.

These readers look at one line (or one body) at a time and never change it; ``text.py`` and
``html.py`` decide what to keep. Agency names and aliases come from ``resources/agencies.tsv``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

_UP = "A-ZÀ-ÖØ-Þ"  # capital letters, Latin-1 accents included (BOGOTÁ, SÃO PAULO)
_UP_WORD = rf"[{_UP}][{_UP}'’.\-]*"
_UP_PLACE = rf"{_UP_WORD}(?:[ ]{_UP_WORD}){{0,4}}"
_ANY_WORD = rf"[{_UP}][^\W\d_]*(?:['’.\-][^\W\d_]*)*\.?"
# Capitalised words with short lower-case particles between them: "Dar es Salaam".
_ANY_PLACE = rf"{_ANY_WORD}(?:[ ](?:[a-z]{{1,3}}[ ])?{_ANY_WORD}){{0,4}}"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Wire headers write the month in capitals and the year in two digits: "8 MAR 90".
_UP_MONTH = r"(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)[A-Z]*\.?"
_DAY_MONTH = (
    rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}|\d{{1,2}}\s+{_UP_MONTH})"
    rf"(?:,?\s+(?:\d{{4}}|\d{{2}}))?"
)
# "MANAGUA (NICARAGUA), 11 DEC 89": a country in brackets after the town, before a comma.
_BRACKETED = rf"(?:\s*\((?P<bracketed>{_UP_PLACE})\)(?=,))?"
_REGION = rf"(?:,\s*{_ANY_PLACE}){{0,2}}"
_DATE = rf"(?:,\s*(?P<date>{_DAY_MONTH}))?"
# A lone hyphen needs spaces around it, so that "US-LED" is not "US" plus a dash.
_DASH = r"(?:\s+--?\s+|\s*--\s*|\s*[—–]\s*)"
# A wire header may stand alone on its line ("LIMA, 4 FEB 90 (EFE)"), the body below it.
_ALONE = r"(?P<alone>[ \t]*(?:\r?\n)?\Z)"

_DATELINE_AGENCY = re.compile(
    rf"(?P<places>{_ANY_PLACE}(?:\s*/\s*{_ANY_PLACE})*){_BRACKETED}(?P<region>{_REGION}){_DATE}"
    rf"\s*\((?P<agency>[^()\n]{{1,40}})\)(?:{_DASH}|\s*:\s+|{_ALONE})"
)
_DATELINE_CAPS = re.compile(
    rf"(?P<places>{_UP_PLACE}(?:\s*/\s*{_UP_PLACE})*){_BRACKETED}(?P<region>{_REGION}){_DATE}"
    rf"(?:(?:{_DASH}|\s*:\s+)(?=\S)|{_ALONE})"
)
_PLACE_IN = re.compile(r"[^/]+")
_REGION_IN = re.compile(r"[^,]+")
# Capitalised labels that open a line like a dateline but are not places.
_NOT_PLACES = frozenset(
    {
        "ADVISORY", "ALERT", "ANALYSIS", "BREAKING", "CLARIFICATION", "COMMENT", "CORRECTION",
        "EDITORIAL", "EXCLUSIVE", "EXPLAINER", "FACTBOX", "FEATURE", "FLASH", "INTERVIEW",
        "LIVE", "NOTE", "OPINION", "PHOTOS", "Q&A", "REFILE", "REVIEW", "UPDATE", "UPDATED",
        "URGENT", "VIDEO", "WATCH",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Dateline:
    """The dateline opening a body: its places and the regions after them ("KABUL,
    Afghanistan"), each with its offsets in the line, its agency and where it ends."""

    places: list[tuple[str, int, int]]
    agency: str | None
    end: int
    regions: list[tuple[str, int, int]] = field(default_factory=list)


def find_dateline(line: str) -> Dateline | None:
    """The dateline at the start of ``line`` ("BEIRUT (Reuters) - ", "KABUL, Afghanistan (AP) — ")."""
    lead = len(line) - len(line.lstrip())
    match = _DATELINE_AGENCY.match(line, lead) or _DATELINE_CAPS.match(line, lead)
    if match is None:
        return None
    if match.group("alone") is not None and not _header_alone(match):
        return None
    start = match.start("places")
    places: list[tuple[str, int, int]] = []
    for part in _PLACE_IN.finditer(match.group("places")):
        name = part.group().strip()
        if not name:
            continue
        offset = start + part.start() + part.group().index(name)
        places.append((name, offset, offset + len(name)))
    if not places or any(name.upper() in _NOT_PLACES for name, _, _ in places):
        return None
    if len(match.group("places")) > 80:
        return None
    agency = match.groupdict().get("agency")
    regions = []
    if match.group("bracketed"):
        regions.append((match.group("bracketed"), match.start("bracketed"), match.end("bracketed")))
    for part in _REGION_IN.finditer(match.group("region")):
        if name := part.group().strip():
            offset = match.start("region") + part.start() + part.group().index(name)
            regions.append((name, offset, offset + len(name)))
    return Dateline(places=places, agency=agency, end=match.end(), regions=regions)


def _header_alone(match: re.Match[str]) -> bool:
    """Whether a line with nothing after its dateline is a wire header, not a headline:
    towns in capitals with a full date or a known agency ("SAN SALVADOR, 8 MAR 90 (AFP)",
    "KABUL (AP)"), or towns in any case with both a date and an agency."""
    date = match.group("date")
    dated = date is not None and len(re.findall(r"\d+", date)) == 2  # day and year
    agency = match.groupdict().get("agency")
    known = agency is not None and agency_table().alias.search(agency) is not None
    places = match.group("places")
    if places.upper() == places:
        return dated or known
    return dated and agency is not None


# -- agencies ----------------------------------------------------------------------------
@dataclass
class AgencyTable:
    """Wire agencies and their aliases, and the patterns that find them in credits and prose."""

    aliases: dict[str, str]
    alias: re.Pattern[str] = field(init=False)
    prose: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        names = sorted(self.aliases, key=lambda a: (-len(a), a))
        alternation = "|".join(re.escape(name) for name in names)
        self.alias = re.compile(rf"(?<![\w&-])(?:{alternation})(?![\w&]|-\w)")
        before = (
            r"(?:told|telling|tells|speaking to|spoke to|speaking with|spoke with|said to|"
            r"in an interview with|interviewed by|according to|quoted by|cited by|reported by|"
            r"confirmed to|in comments to|in remarks to|in a statement to|contacted by)"
        )
        agency_word = r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:news\s+agency|press\s+agency|agency|wire\s+service)\s*,?\s+"
        after = (
            r"(?:\s+news\s+agency)?(?:'s)?\s+(?:reported|reports|has reported|said|quoted|cited|"
            r"learned|has learned|was told|correspondent|reporter|journalist|photographer|"
            r"tally|count|understands|saw|obtained|could not)\b"
        )
        self.prose = re.compile(
            rf"\b{before}\s+(?:{agency_word}|the\s+)?(?P<a>{alternation})(?![\w&]|-\w)"
            rf"|(?<![\w&-])(?P<b>{alternation}){after}"
        )

    def canonical(self, name: str) -> str | None:
        return self.aliases.get(name)

    def in_credit(self, text: str, offset: int = 0) -> list[tuple[int, str]]:
        """Agencies named anywhere in a credit, byline or dateline parenthetical."""
        return [(offset + m.start(), self.aliases[m.group()]) for m in self.alias.finditer(text)]

    def in_prose(self, text: str, offset: int = 0) -> list[tuple[int, str]]:
        """Agencies a body sentence names as its source: "told AFP", "Reuters reported"."""
        found = []
        for m in self.prose.finditer(text):
            group = "a" if m.group("a") else "b"
            found.append((offset + m.start(group), self.aliases[m.group(group)]))
        return found


@lru_cache(maxsize=1)
def agency_table() -> AgencyTable:
    """The agency table shipped in ``resources/agencies.tsv``."""
    text = resources.files("dateline").joinpath("resources/agencies.tsv").read_text("utf-8")
    aliases: dict[str, str] = {}
    for row in text.splitlines():
        if not row.strip() or row.startswith("#") or row.startswith("canonical\t"):
            continue
        canonical, alias = (cell.strip() for cell in row.split("\t"))
        for name in (canonical, alias):
            aliases.setdefault(name, canonical)
            aliases.setdefault(name.upper(), canonical)
    return AgencyTable(aliases)


# -- captions and bylines ----------------------------------------------------------------
_CREDIT_PAREN = re.compile(r"\((?P<credit>[^()]{2,100})\)\s*$")
_CREDIT_WORDS = re.compile(
    r"\b(?:photo|photos|photograph|picture|image|file|handout|pool|getty|courtesy)\b", re.I
)
_LEADING_CREDIT = re.compile(r"^(?:FILE PHOTO|PHOTO|File photo|Photo)\s*:")
_TRAILING_CREDIT = re.compile(
    r"(?:Photo(?:graph)?|Picture|Image)(?:\s+credit)?\s*:\s*(?P<credit>[^.:]{2,80})$"
)
_BYLINE = re.compile(
    r"(?i:by)\s+(?P<who>[A-Z][\w.'’\-]*(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w.'’\-]*){0,3}"
    r"(?:\s*(?:,|\band\b|&)\s*[A-Z][\w.'’\-]*(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w.'’\-]*){0,3})*)"
    r"(?:\s*(?:,|\||/|\s-\s|—|–|\bfor\b|\bin\b)\s*(?P<org>[^.!?]{1,60}))?"
)


def caption_credit(line: str, table: AgencyTable) -> tuple[int, int] | None:
    """Where the photo credit of a caption line sits ("(AFP / NAME)", "REUTERS/Name").

    None when the line is not a caption. Credits are what tell captions from body lines:
    a caption without one stays in the body.
    """
    if len(line) > 1000:
        return None
    if m := _CREDIT_PAREN.search(line):
        credit = m.group("credit")
        named = bool(table.alias.search(credit))
        if ("/" in credit and (named or _CREDIT_WORDS.search(credit))) or re.match(
            r"\s*(?:photo|picture|image|file photo)\b", credit, re.I
        ):
            return m.start("credit"), m.end("credit")
    if m := _LEADING_CREDIT.match(line):
        return m.start(), m.end()
    if m := _TRAILING_CREDIT.search(line):
        return m.start(), m.end()
    for m in table.alias.finditer(line):
        rest = line[m.end() :]
        if re.match(r"\s+(?:PHOTO|Photo)\b", rest):
            return m.start(), len(line)
        if m.group().isupper() and re.fullmatch(r"\s*/\s*[A-Z][\w .'’\-]{1,60}", rest):
            return m.start(), len(line)
    return None


def byline(line: str) -> str | None:
    """The names and organisation of a byline ("By Jane Doe, Reuters"), or None."""
    if len(line) > 120:
        return None
    m = _BYLINE.fullmatch(line.strip())
    return m.group(0)[2:].strip() if m else None


# -- dates -------------------------------------------------------------------------------
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_DATE_IN = re.compile(
    rf"\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}",
    re.I,
)
_KIND = re.compile(
    r"\b(?P<kind>first\s+published|published|posted|released|last\s+updated|updated|"
    r"last\s+modified|modified)\b(?:\s+(?:on|at))?\s*:?",
    re.I,
)
_SEPARATORS = " \t|·•,;/-–—()[]"
_EARLY = dt.datetime(2000, 1, 1)
_LATE = dt.datetime(2001, 2, 2)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_day(value: str) -> bool:
    """Whether ``value`` is a real calendar day written as YYYY-MM-DD."""
    if not _ISO_DAY.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def parse_date(text: str) -> str | None:
    """``text`` as an ISO day if it names a full date with a year, else None."""
    text = text.strip()
    if not text or len(text) > 80 or not _YEAR.search(text):
        return None
    for candidate in (text, *(m.group() for m in _DATE_IN.finditer(text))):
        day = _parse_day(candidate)
        if day:
            return day
    return None


def _parse_day(text: str) -> str | None:
    from dateutil import parser

    try:
        early = parser.parse(text, default=_EARLY, ignoretz=True)
        late = parser.parse(text, default=_LATE, ignoretz=True)
    except (ValueError, OverflowError, TypeError):
        return None
    if early.date() != late.date() or not 1900 <= early.year <= 2100:
        return None  # the text lacks a day, month or year
    day: dt.date = early.date()
    return day.isoformat()


def date_line(line: str) -> list[tuple[str, str]] | None:
    """``[(kind, day)]`` for a metadata line such as "Updated 09 September 2017", else None.

    ``kind`` is "published" or "modified"; every date the line gives must parse, so that a
    body sentence starting with "Updated figures ..." is never taken for metadata.
    """
    if len(line) > 160:
        return None
    kinds = list(_KIND.finditer(line))
    if not kinds or line[: kinds[0].start()].strip(_SEPARATORS):
        return None
    found: list[tuple[str, str]] = []
    for i, m in enumerate(kinds):
        end = kinds[i + 1].start() if i + 1 < len(kinds) else len(line)
        day = parse_date(line[m.end() : end].strip(_SEPARATORS))
        if day is None:
            return None
        word = m.group("kind").lower()
        found.append(
            ("modified" if ("updated" in word or "modified" in word) else "published", day)
        )
    return found


def bare_date(line: str) -> str | None:
    """The day of a line that is nothing but a date ("Saturday 9 September 2017"), else None."""
    if len(line) > 60 or re.search(r"[a-z]{3,}\s+[a-z]{3,}", line):
        return None
    return _parse_day(line) if _YEAR.search(line) else None
