"""Stage ``dateline.times.v1``: temporal expressions as Time records with TIMEX3 values.

The spaCy component ``dateline_times`` marks the expressions (span group
``dateline.times``, see ``timecheck``); this stage resolves them. The anchor is the
publication date (``meta.published``), else a full date in the dateline ("BEIRUT, Sept. 7,
2017 (AP) -"), else none: relative expressions then keep values relative to the document.
Expressions are resolved in text order, so that "the next day" or "two days later" count
from the date mentioned last. The two ends of a range ("from 2014 to 2016", "Aug. 29-31")
share a ``range`` covering both.

``times_in`` gives the events layer the time records inside a stretch of text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..config import Config
from ..document import Document
from ..errors import PipelineError
from ..records import Time, TimeRange, assign_ids
from ..registry import Stage, stages
from ..spanindex import SpanIndex
from .timecheck import EXTENSION, TIMES, words_before
from .timenorm import Resolved, Resolver
from .timex import Expression, Grammar, normal_form

COMPONENT = "dateline_times"
# The dateline ends at its first dash or colon, within the first line.
_DATELINE_END = re.compile(r"\s[-–—]+\s|:\s|\s--")
_DATELINE_CHARS = 160
# Grains of the periods later anaphoric expressions may count from.
_PERIOD_GRAINS = frozenset({"month", "season", "year"})
# What may stand between a clock time and the date it belongs to.
_AFTER_CLOCK = frozenset({"", "on", ", on"})
# What joins the two ends of a clock range.
_CLOCK_RANGE = frozenset({"-", "–", "to", "until", "till"})
# What may join the clock times of one day: a range and a bracket of another zone's times.
_CLOCK_CHAIN = _CLOCK_RANGE | {"(", ")", ") (", ""}
# "(0335 GMT on 12 January)": a date inside the bracket, after the other zone's time.
_DATED_IN_BRACKET = re.compile(r"\s+on\s+[^()]{3,20}\)")
_BEFORE_CLOCK = frozenset({"", "at", "around", "about", "by", "from", "until", "before", "after"})
# "A 2 p.m. performance will take place May 3": a clock time that modifies a noun after one of
# these is of the day its sentence names next.
_CLOCK_MODIFIER = re.compile(r"(?:^|\s)(?:a|an|the|its|their|his|her)\s+$", re.I)
_CLAUSE_END = re.compile(r"[.;!?]\s|\n")
# "Five years later, in 1970": a count from an undated time, the date it names written after it.
_COUNTED_ON = frozenset({"later", "after", "on", "earlier", "before"})
_APPOSED = re.compile(r"\s*(?:,|—|–|\()?\s*(?:(?:in|on)\s+)?", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"”’']?(?:\s|$)|\n")
_CURLY_QUOTE = re.compile(r"“[^“”]*”")
_QUARTER_VALUE = re.compile(r"(?:FY)?\d{4}-[QH][1-4]")
# How far from a quotation its sentence may reach (a bound for very long texts).
_SENTENCE_REACH = 600
# The fields of "today", "tomorrow", "yesterday", "tonight": days counted from the saying.
_DAY_WORDS = frozenset({"dayword", "tonight"})
# Days without their year are held in a leap year, so that Feb. 29 stays a day.
_LEAP_YEAR = 2000
_YEARLESS_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)")
# A clock time on a calendar day, from which "two hours later" counts.
_CLOCK_VALUE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
_HEADING_WORDS = 6
_YEARS_STRETCH = re.compile(r"P(?:\d+|X)Y")
_UNDATED_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])(T[A-Z]{2})?")
_DOUBLED_WORD = re.compile(r"\b(\w+) \1\b")
# "at 7 and ends at 10 p.m.": the hours of a p.m. clock value.
_PM_CLOCK = re.compile(r"(?:.*T)?(1[3-9]|2[0-3]):\d\d")


@dataclass
class Found:
    """One expression of the span group, with absolute offsets."""

    start: int
    end: int
    rule: str
    kind: str
    type: str
    fields: dict[str, str]
    pair: int | None = None
    direction: Any = None

    def expression(self, fields: dict[str, str] | None = None) -> Expression:
        return Expression(
            self.start, self.end, self.rule, self.kind, self.type, fields or self.fields
        )


@dataclass
class Reading:
    """A found expression and what it resolved to."""

    found: Found
    resolved: Resolved
    partner_found: Found | None = None  # the other end of its range
    range_span: tuple[int, int] | None = None


def found_in(sdoc: Any) -> list[Found]:
    """The expressions the component marked in a spaCy Doc, in text order."""
    out: list[Found] = []
    for span in sdoc.spans.get(TIMES, []):
        base = span.start_char
        for item in span._.get(EXTENSION) or []:
            pair = item.get("pair")
            out.append(
                Found(
                    base + int(item["start"]),
                    base + int(item["end"]),
                    str(item["rule"]),
                    str(item["kind"]),
                    str(item["type"]),
                    dict(item["fields"]),
                    None if pair is None else base + int(pair),
                    item.get("direction"),
                )
            )
    return sorted(out, key=lambda f: (f.start, f.end))


def parse_iso(value: str | None) -> date | None:
    """The date of an ISO ``YYYY-MM-DD`` string (a longer timestamp is cut), else None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


class TimeReader:
    """Resolves the expressions of one text against an anchor; one per configuration."""

    def __init__(self, resolver: Resolver, grammar: Grammar):
        self.resolver = resolver
        range_words = grammar.lexicon.get("range") or {}
        self.range_from = frozenset(range_words.get("from", []))
        self.range_to = frozenset(range_words.get("to", []))
        self.neutral = grammar.lexicon.words("possessive_day_neutral")
        self.incident_nouns = grammar.lexicon.words("incident_nouns")
        # A figure between a comparison word and the period it is of ("from $98 million a year
        # ago"): an amount and its units (lexicon [figure_units]).
        units = "|".join(re.escape(w) for w in grammar.lexicon.forms("figure_units"))
        self.figure_before = re.compile(
            r"(?:^|\s)(\w+(?: \w+)?)\s+(?:about\s+|some\s+)?[$€£¥]?\s?[0-9][0-9.,]*"
            rf"(?:\s*(?:%|{units}))*\s+$",
            re.I,
        )
        abbreviations = "|".join(re.escape(w) for w in grammar.lexicon.forms("abbreviations"))
        self.abbreviation = re.compile(rf"(?:\b(?:{abbreviations})|\b[A-Z]|\.[A-Z])$")
        self.publication = grammar.lexicon.words("publication_words")
        self.publication_nouns = grammar.lexicon.words("publication_nouns")
        self.comparison_base = grammar.lexicon.words("comparison_base")
        self.year_back = grammar.lexicon.words("year_back")
        self.habit_words = grammar.lexicon.words("habit_words")
        self.lexicon = grammar.lexicon
        self.evening_event = grammar.lexicon.words("evening_event_words")
        self.told_weekday = grammar.lexicon.words("told_weekday_openers")
        ends = "|".join(re.escape(w) for w in grammar.lexicon.forms("clock_range_end"))
        self.clock_range_end = re.compile(rf"\b(?:{ends})\s*$", re.I) if ends else None

    def dateline_anchor(self, text: str, found: Iterable[Found]) -> date | None:
        """A full date written in the dateline at the head of the text, if there is one."""
        head = text[:_DATELINE_CHARS].split("\n", 1)[0]
        end = _DATELINE_END.search(head)
        if end is None:
            return None
        for item in found:
            if item.start >= end.start():
                break
            if item.kind not in ("calendar", "numeric"):
                continue
            resolved = self.resolver.resolve(item.expression(), anchor=None)
            if resolved and resolved.precision == "day" and resolved.earliest:
                return resolved.earliest
        return None

    def read(self, text: str, found: list[Found], anchor: date | None) -> list[Reading]:
        """Every expression resolved, in text order, with its range partner linked."""
        partners = self._partners(text, found)
        order = _numeric_order(found)
        readings: list[Reading | None] = []
        reference: date | None = None
        reference_end = 0
        # Without an anchor, a day told without its year ("Aug. 4") still anchors "that day"
        # and "two days later": held as a day of a leap year, written back with XXXX.
        yearless = False
        # Days the text has named by their weekday alone ("Sunday").
        weekdays: set[date] = set()
        # A month, quarter, season or year mentioned after the last day ("in 2012 ... the
        # previous year"): what anaphoric years and quarters count from.
        period: Resolved | None = None
        period_end = 0
        # The quarter or half told last, which "the year-earlier quarter" counts back from even
        # when a day was told after it ("fourth-quarter earnings ... reports results next
        # Thursday ... in the year-earlier quarter").
        quarter_told: Resolved | None = None
        # The last day told that is not after the anchor: what a past clause's "during the week"
        # counts from when the day told last is still to come.
        past_reference: date | None = None
        for n, item in enumerate(found):
            fields = self._inherited(item, found[partners[n]] if n in partners else None)
            if order and item.kind == "numeric" and "a" in fields:
                fields["order"] = order
            if item.kind == "ago" and self._compared(text, item):
                # "profit fell 20 percent from a year ago": the period the figure is of, a year
                # back (the quarter told last), as "from a year earlier" is.
                fields["compared"] = "1"
            # A bare clock time after a paragraph break ("The Latest" blogs' "7:15 p.m." heads)
            # is of the publication day, not of the last day the paragraphs before named; without
            # a publication date the last day named is all there is.
            clock_ref = (
                anchor is not None
                and item.kind == "time"
                and "\n" in text[reference_end : item.start]
                and _heads_paragraph(text, item.start)
            )
            counts_from = None if clock_ref else reference
            if yearless and item.kind not in ("anaphoric", "ago"):
                counts_from = None
            if (
                item.kind == "anaphoric"
                and item.direction == "past"
                and anchor is not None
                and counts_from is not None
                and counts_from > anchor
            ):
                counts_from = past_reference
            resolved = self.resolver.resolve(
                item.expression(fields),
                anchor=anchor,
                direction=item.direction,
                reference=counts_from,
                # "in 1997 ... \n Collapsed ceasefire \n Earlier in the year": a section heading
                # goes back to the story's own days.
                period=(
                    None
                    if period is not None and _heading_between(text, period_end, item.start)
                    else period
                    if period is not None or not self._year_back(item)
                    else quarter_told
                ),
            )
            if yearless and counts_from is not None and resolved is not None:
                resolved = self._without_year(item, fields, resolved)
            if anchor is not None and _possessive_day(text, item):
                resolved = self._possessive_weekday(text, item, fields, anchor, resolved)
            if resolved is None:
                readings.append(None)
                continue
            if (
                anchor is None
                and reference is not None
                and not yearless
                and self._told_weekday_before(text, item.start)
            ):
                resolved = _on_told_weekday(resolved, reference)
            if _weekday_alone(item) and resolved.earliest is not None:
                weekdays.add(resolved.earliest)
            elif _last_weekday(item, self.resolver) and resolved.earliest in weekdays:
                # "It was an ordinary Sunday ... killed there last Sunday": the text named
                # this Sunday "Sunday", so its "last Sunday" is the one before.
                resolved = _moved(resolved, -7)
            readings.append(Reading(item, resolved))
            if _QUARTER_VALUE.fullmatch(resolved.value):
                quarter_told = resolved
            if resolved.type in ("DATE", "TIME") and resolved.earliest is not None:
                if self._names_issue(text, item):
                    pass  # "as reported in Thursday's Post-Intelligencer": not the story's day
                elif resolved.precision == "day" and not self._by_the_hour(item):
                    reference, period, reference_end = resolved.earliest, None, item.end
                    yearless = False
                    if anchor is not None and resolved.earliest <= anchor:
                        past_reference = resolved.earliest
                elif (
                    resolved.type == "DATE"
                    and resolved.precision in _PERIOD_GRAINS
                    and (n in partners or not self._comparison_base(text, item))
                ):
                    period, period_end = resolved, item.end
            elif anchor is None and resolved.type == "DATE":
                told = _YEARLESS_DAY.fullmatch(resolved.value)
                if told is not None:
                    reference = date(_LEAP_YEAR, int(told[1]), int(told[2]))
                    period, reference_end, yearless = None, item.end, True
        self._year_back_told_after(text, found, readings, anchor)
        self._quoted_days(text, readings, anchor)
        for n, reading in enumerate(readings):
            if reading is not None and (
                reading.found.kind == "time" or "overnight" in reading.found.fields
            ):
                day = self._neighbour_day(text, found, readings, n)  # "overnight on May 3" too
                if day is not None and "T" in reading.resolved.value:
                    clock = reading.resolved.value.split("T", 1)[1]
                    reading.resolved = dataclasses.replace(
                        reading.resolved,
                        value=f"{day.isoformat()}T{clock}",
                        earliest=day,
                        latest=day,
                    )
        for n in range(len(readings) - 1, -1, -1):
            day = self._day_of_range_end(text, found, readings, n)
            reading = readings[n]
            if day is not None and reading is not None and "T" in reading.resolved.value:
                clock = reading.resolved.value.split("T", 1)[1]
                reading.resolved = dataclasses.replace(
                    reading.resolved, value=f"{day.isoformat()}T{clock}", earliest=day, latest=day
                )
        self._across_midnight(text, readings)
        self._bare_hour_day(text, readings)
        self._clock_of_set(text, readings)
        self._holiday_over_years(text, readings)
        self._after_clock(text, readings)
        self._past_midnight(text, readings, partners)
        self._apposed_date(text, readings)
        for first, second in sorted((a, b) for a, b in partners.items() if a < b):
            a, b = readings[first], readings[second]
            if a is None or b is None:
                continue
            self._end_after_start(a, b, anchor)
            start, end = self._range_extent(text, a.found, b.found)
            a.partner_found, b.partner_found = b.found, a.found
            a.range_span = b.range_span = (start, end)
        return [r for r in readings if r is not None]

    def _year_back_told_after(
        self,
        text: str,
        found: list[Found],
        readings: list[Reading | None],
        anchor: date | None,
    ) -> None:
        """ "earned 85 cents a share in the year-ago period, it said of the fourth quarter": with
        no quarter told before it, "the year-ago period" counts back from the quarter its own
        sentence tells after it."""
        for n, item in enumerate(found):
            if readings[n] is not None or not self._year_back(item):
                continue
            for later in readings[n + 1 :]:
                if later is None:
                    continue
                if self._ends_sentence(text, item.end, later.found.start):
                    break
                if not _QUARTER_VALUE.fullmatch(later.resolved.value):
                    continue
                resolved = self.resolver.resolve(
                    item.expression(dict(item.fields)),
                    anchor=anchor,
                    direction=item.direction,
                    reference=None,
                    period=later.resolved,
                )
                if resolved is not None:
                    readings[n] = Reading(item, resolved)
                break

    def _told_weekday_before(self, text: str, start: int) -> bool:
        """Whether "on", "on a", "that" ... (``told_weekday_openers``) comes right before."""
        words = words_before(text, start, 2)
        return any(" ".join(words[n:]) in self.told_weekday for n in range(len(words)))

    def _names_issue(self, text: str, item: Found) -> bool:
        """ "Thursday's Post-Intelligencer", "Sunday's edition": a weekday's possessive that
        names a newspaper's issue."""
        if not _possessive_day(text, item):
            return False
        m = re.match(r"[’']s\s+([\w-]+)(?:\s+([\w-]+))?", text[item.end : item.end + 60])
        if m is None:
            return False
        words = [w for w in m.groups() if w]
        parts = [p.lower() for w in words if w[:1].isupper() for p in w.split("-")]
        return words[0].lower() in self.publication_nouns or any(
            p in self.publication for p in parts
        )

    def _comparison_base(self, text: str, item: Found) -> bool:
        """ "down 0.1 percent from January": a period a figure is compared with."""
        words = words_before(text, item.start, 2)
        return any(" ".join(words[n:]) in self.comparison_base for n in range(len(words)))

    def _year_back(self, item: Found) -> bool:
        """ "the year-earlier quarter", "the year-ago period": a period a year before another."""
        word = normal_form(item.fields.get("ana", "")).removeprefix("the ")
        yback = word in self.year_back or "yback" in item.fields
        return item.kind == "anaphoric" and yback

    def _compared(self, text: str, item: Found) -> bool:
        """ "from a year ago", "from $98 million a year ago": the period a figure is compared with."""
        if self._comparison_base(text, item):
            return True
        m = self.figure_before.search(text, max(0, item.start - 60), item.start)
        if m is None:
            return False
        words = m[1].lower().split()
        return any(" ".join(words[n:]) in self.comparison_base for n in range(len(words)))

    def _clock_of_set(self, text: str, readings: list[Reading | None]) -> None:
        """ "on the first Saturday of each month ..., from 9 a.m. to 1 p.m.": a clock time
        after a set in its sentence is an hour of each of its days, of no one calendar day; so is
        one after a word of habit ("these days, the market is empty by noon", lexicon
        ``habit_words``)."""
        last_set: Reading | None = None
        present = [r for r in readings if r is not None]
        for n, reading in enumerate(present):
            if reading.resolved.type == "SET" or (
                reading.resolved.value == "PRESENT_REF"
                and normal_form(text[reading.found.start : reading.found.end]) in self.habit_words
            ):
                last_set = reading
                continue
            if last_set is None:
                continue
            if self._ends_sentence(text, last_set.found.end, reading.found.start):
                last_set = None
                continue
            item = reading.found
            if item.kind != "time" or {"weekday", "dayword", "partrel"} & item.fields.keys():
                continue
            if not _CLOCK_VALUE.fullmatch(reading.resolved.value):
                continue
            if self._dated_after(text, present, n):
                continue  # "every day since 6 a.m. on Sept. 15": that day's hour
            clock = reading.resolved.value.split("T", 1)[1]
            reading.resolved = dataclasses.replace(
                reading.resolved, value=f"XXXX-XX-XXT{clock}", earliest=None, latest=None
            )

    @staticmethod
    def _dated_after(text: str, present: list[Reading], n: int) -> bool:
        """Whether a day is written right after the clock time ``present[n]`` (or after the
        clock times of its range): "6 a.m. on Sept. 15", "9 a.m. to 1 p.m. on Saturday"."""
        end = present[n].found.end
        for other in present[n + 1 :]:
            gap = normal_form(text[end : other.found.start]).strip(",")
            if other.found.kind == "time" and gap in _CLOCK_CHAIN:
                if {"weekday", "dayword"} & other.found.fields.keys():
                    return True
                end = other.found.end
                continue
            return gap in _AFTER_CLOCK and other.resolved.precision == "day"
        return False

    def _holiday_over_years(self, text: str, readings: list[Reading | None]) -> None:
        """ "over the past five years, 851 people died during the St. Patrick's Day holiday":
        a holiday told without its year after a stretch of years in its sentence is the holiday
        of each of those years, of no one year; so is one after a set ("open every day except
        Christmas")."""
        stretch: Reading | None = None
        for reading in readings:
            if reading is None:
                continue
            if reading.resolved.type == "SET" or (
                reading.resolved.type == "DURATION"
                and _YEARS_STRETCH.fullmatch(reading.resolved.value)
            ):
                stretch = reading
                continue
            item = reading.found
            if stretch is None or "holiday" not in item.fields or "year" in item.fields:
                continue
            if self._ends_sentence(text, stretch.found.end, item.start):
                stretch = None
                continue
            fixed = isinstance(self.lexicon.lookup("holiday", item.fields["holiday"]), str)
            if fixed and re.fullmatch(r"\d{4}-\d\d-\d\d", reading.resolved.value):
                # A holiday whose day moves (Easter) has no one day of any year to give.
                reading.resolved = dataclasses.replace(
                    reading.resolved,
                    value="XXXX" + reading.resolved.value[4:],
                    earliest=None,
                    latest=None,
                )

    def _ends_sentence(self, text: str, start: int, end: int) -> bool:
        """Whether a sentence ends in ``text[start:end]`` (not at an abbreviation's dot)."""
        return any(
            m[0][0] != "."
            or not (
                self.abbreviation.search(text, max(0, m.start() - 30), m.start())
                or re.search(r"\b[ap]\.m$", text[max(0, m.start() - 4) : m.start()], re.I)
            )
            for m in _SENTENCE_END.finditer(text, start, end)
        )

    def _bare_hour_day(self, text: str, readings: list[Reading | None]) -> None:
        """ "polls open at 7 and close at 8 p.m. on Tuesday": a bare hour read beside the clock
        time after it is on that time's day. In a sentence about a show or a game ("starts at 7
        and ends at 10 p.m."), a bare hour before a p.m. time is in the evening too."""
        for a, b in zip(readings, readings[1:], strict=False):
            if a is None or b is None or a.found.rule != "clock_bare_before":
                continue
            self._evening_hour(text, a, b)
            if b.found.kind != "time" or not _CLOCK_VALUE.fullmatch(b.resolved.value):
                continue
            day, clock = b.resolved.value.split("T", 1)[0], a.resolved.value.split("T", 1)[1]
            a.resolved = dataclasses.replace(
                a.resolved,
                value=f"{day}T{clock}",
                earliest=b.resolved.earliest,
                latest=b.resolved.latest,
            )

    def _evening_hour(self, text: str, a: Reading, b: Reading) -> None:
        """The bare hour ``a`` moved to the evening when the p.m. time ``b`` after it ends a show
        or a game told in the same sentence ("the concert starts at 7 and ends at 10 p.m.")."""
        late = _PM_CLOCK.fullmatch(b.resolved.value)
        m = re.fullmatch(r"(.*T)(\d\d)(:\d\d.*)", a.resolved.value)
        if late is None or m is None or not 1 <= int(m[2]) < 12:
            return
        if int(m[2]) + 12 >= int(late[1]):
            return
        lo = max(0, a.found.start - _SENTENCE_REACH)
        start = max((e.end() for e in _SENTENCE_END.finditer(text, lo, a.found.start)), default=lo)
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", text[start : b.found.end])}
        if not words & self.evening_event:
            return
        a.resolved = dataclasses.replace(a.resolved, value=f"{m[1]}{int(m[2]) + 12}{m[3]}")

    def _after_clock(self, text: str, readings: list[Reading | None]) -> None:
        """ "at 9 p.m. ... two hours later": hours or minutes counted on from the clock time
        told last, with no other day told between them and within a few sentences, are a time
        of day (22:00), not the day they fall on."""
        last: Reading | None = None
        for reading in readings:
            if reading is None:
                continue
            resolved = reading.resolved
            if (
                reading.found.kind == "ago"
                and last is not None
                and reading.found.start - last.found.end <= _SENTENCE_REACH
                and "\n\n" not in text[last.found.end : reading.found.start]
            ):
                moved = self.resolver.after_clock(reading.found.fields, last.resolved)
                if moved is not None:
                    reading.resolved = moved
                    last = reading
                    continue
            if resolved.type == "TIME" and _CLOCK_VALUE.fullmatch(resolved.value):
                last = reading
            elif resolved.type in ("DATE", "TIME") and not (
                last is not None
                and resolved.precision == "day"
                and resolved.earliest == last.resolved.earliest
            ):
                last = None  # another day told: the hours count from it

    def _by_the_hour(self, item: Found) -> bool:
        """ "More than 24 hours later": a day reached by counting hours from the day told is
        near it but not itself told; "that day" after it still means the day told."""
        unit = normal_form(item.fields.get("unit", ""))
        return item.kind == "ago" and unit.startswith(("hour", "minute", "second"))

    def _without_year(self, item: Found, fields: dict[str, str], resolved: Resolved) -> Resolved:
        """A reading counted from a day without its year: the day or month kept, the year
        unknown ("XXXX-08-05"); a week or year of an unknown year is not known at all."""
        if not resolved.referent:
            return resolved
        if resolved.precision in ("day", "month") and re.match(r"\d{4}-\d", resolved.value):
            return dataclasses.replace(
                resolved, value="XXXX" + resolved.value[4:], earliest=None, latest=None
            )
        unknown = {"week": "XXXX-WXX", "year": "XXXX"}.get(resolved.precision)
        if unknown is not None:
            return dataclasses.replace(resolved, value=unknown, earliest=None, latest=None)
        again = self.resolver.resolve(
            item.expression(fields), anchor=None, direction=item.direction, reference=None
        )
        return again if again is not None else resolved

    def _quoted_days(self, text: str, readings: list[Reading | None], anchor: date | None) -> None:
        """ "We will bury our dead today," the governor said on Aug. 4: a "today" or
        "tomorrow" inside a quotation counts from the day its sentence gives the saying, when
        that day is before the publication date. Without a publication date, a quotation that
        opens its sentence may take the day the sentence before told ("... on August 4. 'They
        tried to kill me today,' he said")."""
        said = [r for r in readings if r is not None and _DAY_WORDS & r.found.fields.keys()]
        if not said:
            return
        quotes = _quotations(text)
        for reading in said:
            item = reading.found
            quote = next((q for q in quotes if q[0] <= item.start and item.end <= q[1]), None)
            if quote is None:
                continue
            lo, hi = _sentence_around(text, *quote, self.abbreviation)
            day = self._saying_day(readings, quotes, lo, hi, item.start, anchor)
            if day is None and anchor is None and not text[lo : quote[0] - 1].strip() and lo:
                before, _ = _sentence_around(text, lo - 1, lo - 1, self.abbreviation)
                day = self._saying_day(readings, quotes, before, lo, item.start, anchor)
            if day is None:
                continue
            told, yearless = day
            again = self.resolver.resolve(item.expression(), anchor=told, direction=item.direction)
            if again is None:
                continue
            again = dataclasses.replace(again, anchored=False, referent=True)
            if yearless and again.precision == "day":
                again = dataclasses.replace(
                    again, value="XXXX" + again.value[4:], earliest=None, latest=None
                )
            reading.resolved = again

    @staticmethod
    def _saying_day(
        readings: list[Reading | None],
        quotes: list[tuple[int, int]],
        lo: int,
        hi: int,
        near: int,
        anchor: date | None,
    ) -> tuple[date, bool] | None:
        """The day written outside quotation marks in ``text[lo:hi]`` nearest ``near`` (and
        whether its year is unknown), if it is before the anchor."""
        said: list[tuple[int, date, bool]] = []
        for r in readings:
            if r is None or r.found.kind not in ("calendar", "numeric"):
                continue
            if not lo <= r.found.start < hi or r.resolved.precision != "day":
                continue
            if any(q[0] <= r.found.start < q[1] for q in quotes):
                continue
            if r.resolved.earliest is not None:
                if anchor is None or r.resolved.earliest < anchor:
                    said.append((abs(r.found.start - near), r.resolved.earliest, False))
            elif anchor is None:
                told = _YEARLESS_DAY.fullmatch(r.resolved.value)
                if told is not None:
                    day = date(_LEAP_YEAR, int(told[1]), int(told[2]))
                    said.append((abs(r.found.start - near), day, True))
        if not said:
            return None
        _, day, yearless = min(said, key=lambda s: s[0])
        return day, yearless

    def _possessive_weekday(
        self,
        text: str,
        item: Found,
        fields: dict[str, str],
        anchor: date,
        resolved: Resolved | None,
    ) -> Resolved | None:
        """A weekday's possessive: "Saturday's attack" names an incident nobody announces
        ahead, so the day just past whatever the clause's tense ("rescuers are searching for
        survivors of Sunday's earthquake"); "ahead of Sunday's vote" in a clause not told in
        the past is the coming Sunday; else the clause's tense, or the nearer of the two."""
        if self._incident_after(text, item.end):
            again = self.resolver.resolve(item.expression(fields), anchor=anchor, direction="past")
            return again if again is not None else resolved
        neutral = self._neutral_before(text, item.start)
        if neutral and item.direction != "past":
            again = self.resolver.resolve(
                item.expression(fields), anchor=anchor, direction="future"
            )
            return again if again is not None else resolved
        return self._nearest(item, fields, anchor, resolved, force=neutral)

    def _incident_after(self, text: str, end: int) -> bool:
        """Whether a noun of an incident (lexicon [incident_nouns]) follows the possessive
        ending at ``end`` within a few words, before any punctuation ("Friday's deadly raid")."""
        m = _AFTER_POSSESSIVE.match(text, end)
        if m is None:
            return False
        words = [normal_form(w) for w in m[1].split()]
        return any(
            " ".join(words[i:j]) in self.incident_nouns
            for i in range(len(words))
            for j in range(i + 1, min(len(words), i + 2) + 1)
        )

    def _neutral_before(self, text: str, start: int) -> bool:
        """Whether a word that leaves the day's side open ("ahead of", "before") comes right
        before ``start``."""
        words = words_before(text, start, 4)
        return any(" ".join(words[n:]) in self.neutral for n in range(len(words)))

    def _nearest(
        self,
        item: Found,
        fields: dict[str, str],
        anchor: date,
        resolved: Resolved | None,
        *,
        force: bool = False,
    ) -> Resolved | None:
        """A possessive weekday in a clause without a past or future verb ("frustration over
        Saturday's attack", "Wednesday's drill is meant to"), or after a word that leaves its
        side open ("ahead of Sunday's vote"), is the nearer of the two."""
        if item.direction not in ("present", None) and not force:
            return resolved
        both = [
            self.resolver.resolve(item.expression(fields), anchor=anchor, direction=d)
            for d in ("past", "future")
        ]
        found = [r for r in both if r is not None and r.earliest is not None]
        if len(found) < 2:
            return resolved
        return min(found, key=lambda r: abs((r.earliest - anchor).days))  # type: ignore[operator]

    def _end_after_start(self, a: Reading, b: Reading, anchor: date | None) -> None:
        """A range ends after it starts: "from Monday to Friday" said on a Wednesday is the
        coming Friday after that Monday, not this week's. A range told in the past ends by
        the anchor: "met Friday to Tuesday" said on a Monday began the Friday before."""
        start, end = a.resolved.earliest, b.resolved.earliest
        if start is None or end is None or end >= start:
            return
        if b.found.kind != "calendar" or not b.resolved.anchored:
            return
        fields = self._inherited(b.found, a.found)
        again = self.resolver.resolve(b.found.expression(fields), anchor=start, direction="future")
        if again is None or again.earliest is None or again.earliest < start:
            return
        told_past = b.found.direction == "past" and a.resolved.anchored
        if told_past and anchor is not None and again.earliest > anchor and _weekday_alone(a.found):
            first = self.resolver.resolve(a.found.expression(), anchor=end, direction="past")
            if first is not None and first.earliest is not None and first.earliest <= end:
                a.resolved = dataclasses.replace(first, anchored=True)
                return
        b.resolved = dataclasses.replace(again, anchored=True)

    @staticmethod
    def _apposed_date(text: str, readings: list[Reading | None]) -> None:
        """ "Five years later, in 1970, he returned": a count from a time the text told without
        a date, with the date written right after it, is that date (counted from the anchor or
        the day told last it would say something else)."""
        for a, b in zip(readings, readings[1:], strict=False):
            if a is None or b is None or a.found.kind != "ago" or b.found.kind != "calendar":
                continue
            if normal_form(a.found.fields.get("ago", "")) not in _COUNTED_ON:
                continue
            if "year" not in b.found.fields or b.resolved.type != "DATE":
                continue
            if not _APPOSED.fullmatch(text[a.found.end : b.found.start]):
                continue
            a.resolved = dataclasses.replace(
                b.resolved, type=a.resolved.type, anchored=False, referent=True
            )

    def _past_midnight(
        self, text: str, readings: list[Reading | None], partners: dict[int, int]
    ) -> None:
        """ "a curfew from 10 p.m. to 6 a.m.", "begins at 8 p.m. and ends at 6 a.m.": the second
        clock time of a stretch, earlier in the day than the first and not dated on its own,
        falls on the next day. Only an afternoon or evening start and a morning end qualify."""
        for n in range(len(readings) - 1):
            a, b = readings[n], readings[n + 1]
            if a is None or b is None or a.found.kind != "time" or b.found.kind != "time":
                continue
            if {"weekday", "dayword", "weekday_2"} & b.found.fields.keys():
                continue
            first, second = _minutes(a.resolved.value), _minutes(b.resolved.value)
            if first is None or second is None or not second < 12 * 60 <= first:
                continue
            day = b.resolved.earliest
            if day is None or day != a.resolved.earliest:
                continue
            gap = text[a.found.end : b.found.start]
            linked = partners.get(n) == n + 1 or (
                self.clock_range_end is not None
                and len(gap) <= 40
                and not _CLAUSE_END.search(gap)
                and self.clock_range_end.search(gap) is not None
            )
            if not linked:
                continue
            day += timedelta(days=1)
            clock = b.resolved.value.split("T", 1)[1]
            b.resolved = dataclasses.replace(
                b.resolved, value=f"{day.isoformat()}T{clock}", earliest=day, latest=day
            )

    @staticmethod
    def _neighbour_day(
        text: str, found: list[Found], readings: list[Reading | None], n: int
    ) -> date | None:
        """The day of a date written right next to a clock time ("3 p.m. on Aug. 29")."""
        item = found[n]
        if "weekday" in item.fields or "weekday_2" in item.fields:
            return _dated_weekday(text, found, readings, n)
        if "dayword" in item.fields:
            return None
        # "from 0600 to 1200 (1200-1800 GMT) today": past the other clock times of its range and
        # bracket to the date they all belong to.
        after, end = n + 1, item.end
        while (
            after < len(found)
            and found[after].kind == "time"
            and not {"weekday", "dayword"} & found[after].fields.keys()
            and normal_form(text[end : found[after].start]) in _CLOCK_CHAIN
        ):
            end, after = found[after].end, after + 1
        upto = found[after].start if after < len(found) else end
        if text.count("(", item.end, upto) > text.count(")", item.end, upto):
            # "2335 (0335 GMT on 12 January)": the date in the bracket is the other zone's.
            after, end = n + 1, item.end
        for m, gaps in ((after, _AFTER_CLOCK), (n - 1, _BEFORE_CLOCK)):
            if not 0 <= m < len(found) or readings[m] is None:
                continue
            other = readings[m]
            assert other is not None
            lo, hi = (end, other.found.start) if m > n else (other.found.end, item.start)
            # "0000 gmt on on 29 march": a word written twice is read once.
            gap = _DOUBLED_WORD.sub(r"\1", normal_form(text[lo:hi]).strip(",()"))
            if hi - lo > 12 or gap not in gaps:
                continue
            resolved = other.resolved
            if resolved.precision == "day" and resolved.earliest and other.found.kind != "time":
                return resolved.earliest
        if n + 1 < len(found) and _CLOCK_MODIFIER.search(text[max(0, item.start - 8) : item.start]):
            other = readings[n + 1]
            gap = text[item.end : found[n + 1].start]
            if (
                other is not None
                and other.found.kind != "time"
                and other.resolved.precision == "day"
                and other.resolved.earliest
                and len(gap) <= 80
                and not _CLAUSE_END.search(gap)
            ):
                return other.resolved.earliest
        return None

    @staticmethod
    def _across_midnight(text: str, readings: list[Reading | None]) -> None:
        """ "2330 (0530 GMT)", "1 a.m. (2200 GMT)": the same moment in another zone, written
        in brackets after it, lies within 14 hours of it, so it may fall on the next or the
        day before."""
        for a, b in zip(readings, readings[1:], strict=False):
            if a is None or b is None or b.found.kind != "time" or "tz" not in b.found.fields:
                continue
            if text[a.found.end : b.found.start].strip() != "(" or b.resolved.earliest is None:
                continue
            first, second = (_minutes(r.resolved.value) for r in (a, b))
            if first is None or second is None or a.resolved.earliest != b.resolved.earliest:
                continue
            shift = 1 if second - first < -14 * 60 else -1 if second - first > 14 * 60 else 0
            if shift and _DATED_IN_BRACKET.match(text, b.found.end):
                # "2335 (0335 GMT on 12 January)": the bracket dates its own time, so the
                # local one is the day before (or after).
                day = b.resolved.earliest - timedelta(days=shift)
                clock = a.resolved.value.split("T", 1)[1]
                a.resolved = dataclasses.replace(
                    a.resolved, value=f"{day.isoformat()}T{clock}", earliest=day, latest=day
                )
            elif shift:
                day = b.resolved.earliest + timedelta(days=shift)
                clock = b.resolved.value.split("T", 1)[1]
                b.resolved = dataclasses.replace(
                    b.resolved, value=f"{day.isoformat()}T{clock}", earliest=day, latest=day
                )

    @staticmethod
    def _day_of_range_end(
        text: str, found: list[Found], readings: list[Reading | None], n: int
    ) -> date | None:
        """The day of a clock range's first end, which the second end names: "11 a.m. to
        5 p.m. Friday", "8 a.m.-6 p.m. Monday"."""
        item, reading = found[n], readings[n]
        if reading is None or item.kind != "time" or n + 1 >= len(found):
            return None
        if any(k in item.fields for k in ("weekday", "dayword")):
            return None
        other = readings[n + 1]
        if other is None or other.found.kind != "time" or other.resolved.earliest is None:
            return None
        if not any(k in other.found.fields for k in ("weekday", "dayword")):
            return None
        if normal_form(text[item.end : other.found.start]).strip() not in _CLOCK_RANGE:
            return None
        return other.resolved.earliest

    def _partners(self, text: str, found: list[Found]) -> dict[int, int]:
        """Index pairs of range ends: a range rule's two ends, or "from X to Y"."""
        partners: dict[int, int] = {}
        by_pair: dict[int, list[int]] = {}
        for n, item in enumerate(found):
            if item.pair is not None:
                by_pair.setdefault(item.pair, []).append(n)
        for members in by_pair.values():
            if len(members) == 2:
                partners[members[0]], partners[members[1]] = members[1], members[0]
        for n in range(len(found) - 1):
            a, b = found[n], found[n + 1]
            if n in partners or n + 1 in partners or a.type not in ("DATE", "TIME"):
                continue
            between = normal_form(text[a.end : b.start])
            if b.type != a.type and not (between == "to" and _names_weekday(a)):
                continue
            if between not in self.range_to:
                continue
            before = words_before(text, a.start, 1)
            opener = before[-1] if before else ""
            if between == "and" and opener != "between":
                continue
            # "open Friday to Tuesday": two weekdays joined by "to" are a range anyhow.
            weekdays = between == "to" and _names_weekday(a) and _weekday_alone(b)
            if between in ("to", "and") and opener not in self.range_from and not weekdays:
                continue
            partners[n], partners[n + 1] = n + 1, n
        return partners

    def _inherited(self, item: Found, partner: Found | None) -> dict[str, str]:
        """The fields of a range end, with the year its partner gives ("March to May 2015")."""
        fields = dict(item.fields)
        if partner is None or item.kind != "calendar" or "year" in fields:
            return fields
        if "year" not in partner.fields or not any(k in fields for k in ("month", "season")):
            return fields
        year = partner.fields["year"]
        lookup = self.resolver.lexicon.lookup
        first, last = (
            lookup("month", fields.get("month")),
            lookup("month", partner.fields.get("month")),
        )
        if partner.start > item.start and first and last and int(first) > int(last):
            year = str(int(year) - 1)  # "from December to March 2015"
        fields["year"] = year
        return fields

    @staticmethod
    def _range_extent(text: str, a: Found, b: Found) -> tuple[int, int]:
        start = a.start
        before = text[max(0, start - 9) : start]
        m = re.search(r"(?:from|between)\s+$", before, re.IGNORECASE)
        if m:
            start -= len(before) - m.start()
        return start, b.end


def _quotations(text: str) -> list[tuple[int, int]]:
    """The stretches inside quotation marks (curly pairs, or straight marks taken in turn)."""
    spans = [(m.start() + 1, m.end() - 1) for m in _CURLY_QUOTE.finditer(text)]
    marks = [m.start() for m in re.finditer('"', text)]
    spans += [(a + 1, b) for a, b in zip(marks[::2], marks[1::2], strict=False)]
    return sorted(spans)


def _sentence_around(
    text: str, start: int, end: int, abbreviation: re.Pattern[str]
) -> tuple[int, int]:
    """The sentence that holds a quotation: from the last sentence end before it to the first
    after it (the quotation's own full stops do not count)."""
    lo, hi = max(0, start - _SENTENCE_REACH), min(len(text), end + _SENTENCE_REACH)
    ends = [
        m
        for m in _SENTENCE_END.finditer(text, lo, hi)
        if not abbreviation.search(text, max(0, m.start() - 8), m.start())
    ]
    before = [m.end() for m in ends if m.end() <= start]
    after = [m.start() + 1 for m in ends if m.start() > end]
    return (before[-1] if before else lo), (after[0] if after else hi)


def _weekday_alone(item: Found) -> bool:
    """A weekday written alone ("Friday"), without a date or a "last"/"next"."""
    return item.kind == "calendar" and set(item.fields) == {"weekday"}


def _last_weekday(item: Found, resolver: Resolver) -> bool:
    """A weekday after "last" ("last Sunday")."""
    if item.kind != "calendar" or set(item.fields) != {"weekday", "rel"}:
        return False
    return str(resolver.lexicon.lookup("relative", item.fields["rel"])) == "-1"


def _heading_between(text: str, start: int, end: int) -> bool:
    """Whether a whole line of ``text[start:end]`` is a section heading: a few words with no
    closing punctuation."""
    first = text.find("\n", start, end)
    if first < 0:
        return False
    for line in text[first + 1 : end].split("\n")[:-1]:
        words = line.split()
        if 0 < len(words) <= _HEADING_WORDS and not re.search(r"[.!?:;,\"”’')]$", line.strip()):
            return True
    return False


def _on_told_weekday(resolved: Resolved, day: date) -> Resolved:
    """Without a publication date, "exploded on a Friday afternoon" after "13 September 1974"
    (a Friday) is that day: a weekday told after a day of its own name is the same day."""
    m = _UNDATED_WEEKDAY.fullmatch(resolved.value)
    if m is None or int(m[1]) != day.isoweekday():
        return resolved
    return dataclasses.replace(
        resolved, value=day.isoformat() + (m[2] or ""), earliest=day, latest=day, referent=True
    )


def _moved(resolved: Resolved, days: int) -> Resolved:
    """A day's reading moved by ``days``."""
    assert resolved.earliest is not None
    day = resolved.earliest + timedelta(days=days)
    return dataclasses.replace(resolved, value=day.isoformat(), earliest=day, latest=day)


def _dated_weekday(
    text: str, found: list[Found], readings: list[Reading | None], n: int
) -> date | None:
    """ "7:30 p.m. Thursday, Oct. 19": the date written right after a clock time's weekday, when
    it falls on that weekday."""
    reading = readings[n]
    if n + 1 >= len(found) or reading is None or reading.resolved.earliest is None:
        return None
    other = readings[n + 1]
    if other is None or other.found.kind not in ("calendar", "numeric"):
        return None
    if text[found[n].end : other.found.start].strip() != ",":
        return None
    day = other.resolved.earliest
    if other.resolved.precision != "day" or day is None:
        return None
    return day if day.isoweekday() == reading.resolved.earliest.isoweekday() else None


def _names_weekday(item: Found) -> bool:
    """A weekday alone, or with its clock time ("5 p.m. Friday")."""
    return _weekday_alone(item) or (item.kind == "time" and "weekday" in item.fields)


# The few words after a possessive, up to any punctuation ("'s deadly car bombing").
_AFTER_POSSESSIVE = re.compile(r"['’]s((?:\s+[A-Za-z-]+){1,4})")


def _possessive_day(text: str, item: Found) -> bool:
    """A weekday alone, written as a possessive ("Saturday's attack")."""
    return (
        item.kind == "calendar"
        and _weekday_alone(item)
        and text[item.end : item.end + 2] in ("'s", "’s")
    )


def _minutes(value: str) -> int | None:
    """Minutes since midnight of a TIMEX3 clock value ("1990-02-17T23:30"), else None."""
    m = re.search(r"T(\d\d):(\d\d)$", value)
    return int(m[1]) * 60 + int(m[2]) if m else None


def _heads_paragraph(text: str, start: int) -> bool:
    """Whether a clock time opens its paragraph (a live blog's "7:15 p.m." head), within a
    few words ("UPDATE 7:15 p.m."), rather than telling the hour inside a sentence."""
    line_start = text.rfind("\n", 0, start) + 1
    return len(text[line_start:start].split()) <= 2


def _numeric_order(found: list[Found]) -> str | None:
    """The day/month order a text's own numeric dates show ("25/04/2018" is day first), when
    they agree; it settles the ambiguous ones of the same text ("03/06/2018")."""
    seen = set()
    for item in found:
        if item.kind == "numeric" and "a" in item.fields and "b" in item.fields:
            a, b = int(item.fields["a"]), int(item.fields["b"])
            if a > 12 >= b:
                seen.add("dmy")
            elif b > 12 >= a:
                seen.add("mdy")
    return seen.pop() if len(seen) == 1 else None


def _anchor_name(resolved: Resolved, source: str | None) -> str | None:
    if resolved.referent:
        return "mention"
    return source if resolved.anchored else None


def build_times(doc: Document, reader: TimeReader) -> list[Time]:
    """The Time records of a document's body and photo captions, with their ids."""
    found = found_in(doc.sdoc)
    anchor = parse_iso(doc.meta.published)
    source = "published" if anchor else None
    if anchor is None:
        anchor = reader.dateline_anchor(doc.text, found)
        source = "dateline" if anchor else None
    records = _records(doc, reader.read(doc.text, found, anchor), source, None)
    for n, sdoc in enumerate(doc.caption_sdocs):
        text = doc.meta.captions[n].text
        records += _records(doc, reader.read(text, found_in(sdoc), anchor), source, n)
    assign_ids(records)
    return records


def _records(
    doc: Document, readings: list[Reading], source: str | None, caption: int | None
) -> list[Time]:
    by_found = {id(r.found): r for r in readings}
    records: list[Time] = []
    for reading in readings:
        r = reading.resolved
        rng = None
        if reading.partner_found is not None and reading.range_span is not None:
            partner = by_found[id(reading.partner_found)]
            first, last = sorted([reading, partner], key=lambda x: x.found.start)
            rng = TimeRange(
                earliest=_iso(first.resolved.earliest),
                latest=_iso(last.resolved.latest),
                evidence=[doc.span(*reading.range_span, caption=caption)],
            )
        records.append(
            Time(
                id="",
                type=r.type,
                value=r.value,
                earliest=_iso(r.earliest),
                latest=_iso(r.latest),
                precision=r.precision,
                evidence=[doc.span(reading.found.start, reading.found.end, caption=caption)],
                mod=r.mod,
                anchor=_anchor_name(r, source),
                range=rng,
            )
        )
    return records


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def times_in(doc: Document, start: int, end: int) -> list[Time]:
    """The body's time records whose first evidence lies inside ``text[start:end]``, in order.

    The function the event stage calls to date an event from the expressions of its
    sentence; the two ends of a range both come, each with the ``range`` they share.
    """
    index = doc.memo(
        "times.first", doc.times, lambda: SpanIndex((time.evidence[0], time) for time in doc.times)
    )
    return [
        time
        for span, time in index.overlapping(start, end)
        if start <= span.start and span.end <= end
    ]


def anchor_day(doc: Document) -> date | None:
    """The day the document's relative expressions count from: the publication date, else
    the full date its dateline writes ("KIRKUK, March 13, 2029 (...) -"), as ``build_times``
    anchors them; None when the text gives neither.

    The event stage dates an event with no time of its own as a range ending on this day.
    """
    published = parse_iso(doc.meta.published)
    if published is not None:
        return published
    return doc.memo("times.dateline_day", doc.times, lambda: _dateline_day(doc))


def _dateline_day(doc: Document) -> date | None:
    head = doc.text[:_DATELINE_CHARS].split("\n", 1)[0]
    end = _DATELINE_END.search(head)
    if end is None:
        return None
    for time in doc.times:
        span = time.evidence[0]
        if span.caption is None and span.end <= end.start() and time.precision == "day":
            day = parse_iso(time.earliest or time.value)
            if day is not None:
                return day
    return None


@stages.register("dateline.times.v1", requires=["sdoc"], assigns=["times"], english_only=True)
def make_times(config: Config) -> Stage:
    """Dates, times, durations and sets with TIMEX3 values, anchored on the publication date."""
    if COMPONENT not in config.parse.components:
        raise PipelineError(
            f"stage dateline.times.v1 reads the spaCy component {COMPONENT!r}: "
            f'add it to [parse] components = [..., "{COMPONENT}"]'
        )
    grammar = Grammar.load()
    resolver = Resolver(grammar.lexicon, day_first=config.times.day_first)
    reader = TimeReader(resolver, grammar)

    def times(doc: Document) -> Document:
        doc.times = build_times(doc, reader)
        return doc

    return times
