"""TIMEX3 values of temporal expressions, resolved against an anchor date.

``Resolver.resolve`` turns an ``Expression`` (the named groups a rule matched) into a
``Resolved``: TIMEX3 type and value, the first and last day it can mean, its precision and
its TIMEX3 ``mod``. Relative expressions ("last week", "Thursday", "in April") need the
anchor (the publication date) and the direction of their clause ("said Thursday" looks
back, "will meet Thursday" forward). Without an anchor they keep a value relative to the
document ("DCT-P1W" for "last week", "XXXX-WXX-4" for "Thursday") and no calendar range:
dateline never guesses a date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Literal

from .holidays import occurrences
from .timex import Expression, Lexicon, normal_form

Direction = Literal["past", "present", "future"]
Precision = Literal["day", "week", "month", "season", "year", "decade", "unknown"]

# How far past or ahead of the anchor a date may lie and still be read as the past (or the
# future): a report dated the 9th may say "on the 10th" with a past verb across time zones.
SLACK = timedelta(days=2)
# A month and day read in the past (or future) that lies this far from the anchor loses to
# the same day within NEAR days of it on the other side.
FAR = 270
NEAR = 45
# A season "last summer" is the latest one that ended at least this long before the anchor;
# "next summer" the first that starts at least this long after it (in September "last
# summer" is the year before: the one just ended would be "this summer").
SEASON_GAP = timedelta(days=30)

_UNIT_PRECISION: dict[str, Precision] = {
    "S": "day",
    "MIN": "day",
    "H": "day",
    "D": "day",
    "WE": "week",
    "W": "week",
    "M": "month",
    "Q": "season",
    "Y": "year",
    "DE": "decade",
    "CE": "unknown",
}
# Fractions of a unit are written in the next smaller one (1.5 years = P18M).
_SMALLER = {"Y": ("M", 12), "DE": ("Y", 10), "CE": ("Y", 100), "W": ("D", 7), "D": ("H", 24)}
_SMALLER_TIME = {"H": ("M", 60), "M": ("S", 60)}
# Values of periods that "the previous year", "a year earlier" can count from.
_PERIOD_VALUE = re.compile(r"(\d{4})(?:-(Q[1-4]|H[12]|0[1-9]|1[0-2]|SP|SU|FA|WI))?")
_REFERENCE_SPAN = {
    "PRESENT_REF": (True, True),
    "PAST_REF": (False, True),
    "FUTURE_REF": (True, False),
}


@dataclass(frozen=True)
class Resolved:
    """What an expression means: the fields of a Time record."""

    type: str
    value: str
    earliest: date | None = None
    latest: date | None = None
    precision: Precision = "unknown"
    mod: str | None = None
    # Whether the value depends on the anchor (and then on which), or on an earlier date.
    anchored: bool = False
    referent: bool = False


@dataclass(frozen=True)
class Period:
    """A stretch of the calendar with its TIMEX3 value."""

    value: str
    start: date
    end: date
    precision: Precision


# ---- periods -------------------------------------------------------------------------------------
def day_period(d: date) -> Period:
    return Period(d.isoformat(), d, d, "day")


def week_period(d: date) -> Period:
    year, week, weekday = d.isocalendar()
    start = d - timedelta(days=weekday - 1)
    return Period(f"{year}-W{week:02d}", start, start + timedelta(days=6), "week")


def weekend_period(d: date) -> Period:
    """The weekend (Saturday and Sunday) of the ISO week of ``d``."""
    week = week_period(d)
    return Period(week.value + "-WE", week.start + timedelta(days=5), week.end, "week")


def month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last), "month")


def season_period(year: int, code: str, months: Mapping[str, list[int]]) -> Period:
    first, last = months[code]
    start = date(year, first, 1)
    end_year = year + 1 if last < first else year
    end = date(end_year, last, calendar.monthrange(end_year, last)[1])
    return Period(f"{year:04d}-{code}", start, end, "season")


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * (quarter - 1) + 1
    end = month_period(year, first + 2).end
    return Period(f"{year:04d}-Q{quarter}", date(year, first, 1), end, "season")


def half_period(year: int, half: int) -> Period:
    if half == 1:
        return Period(f"{year:04d}-H1", date(year, 1, 1), date(year, 6, 30), "season")
    return Period(f"{year:04d}-H2", date(year, 7, 1), date(year, 12, 31), "season")


def year_period(year: int) -> Period:
    return Period(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year")


def decade_period(decade: int) -> Period:
    """The decade whose years start with ``decade`` (199 = the 1990s)."""
    return Period(f"{decade:03d}", date(decade * 10, 1, 1), date(decade * 10 + 9, 12, 31), "decade")


def century_period(century: int) -> Period:
    """The years that start with ``century`` (19 = 1900-1999, the 20th century)."""
    return Period(
        f"{century:02d}",
        date(max(1, century * 100), 1, 1),
        date(century * 100 + 99, 12, 31),
        "unknown",
    )


def stretch_period(start: date, end: date) -> Period:
    """A stretch of days (a holiday period) valued by the smallest calendar unit holding it."""
    if start == end:
        return day_period(start)
    long: Precision = "month" if (end - start).days >= 27 else "week"
    if (start.year, start.month) == (end.year, end.month):
        return Period(f"{start.year:04d}-{start.month:02d}", start, end, long)
    if start.isocalendar()[:2] == end.isocalendar()[:2]:
        return Period(week_period(start).value, start, end, "week")
    if start.year == end.year:
        return Period(f"{start.year:04d}", start, end, long)
    return Period(f"{start.year // 10:03d}", start, end, long)


def choose(
    candidates: list[tuple[date, date]], anchor: date, direction: Direction | None
) -> tuple[date, date]:
    """Which of the occurrences (first day, last day) of a date without its year is meant.

    Looking back, the latest that began by the anchor; looking forward (or in the present
    tense, which in news mostly announces), the first that has not ended. The tense read from
    the parse is a hint: an occurrence near the anchor beats one nearly a year away ("reported
    on 18 May" in a report of 21 May, whatever the parse says).
    """

    def distance(c: tuple[date, date]) -> int:
        if c[0] <= anchor <= c[1]:
            return 0
        return min(abs((c[0] - anchor).days), abs((c[1] - anchor).days))

    nearest = min(candidates, key=lambda c: (distance(c), c[0]))
    chosen = None
    if direction == "past":
        before = [c for c in candidates if c[0] <= anchor + SLACK]
        chosen = max(before) if before else None
    elif direction in ("future", "present"):
        after = [c for c in candidates if c[1] >= anchor - SLACK]
        chosen = min(after) if after else None
    if chosen is None or (distance(chosen) > FAR and distance(nearest) <= NEAR):
        return nearest
    return chosen


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def shift(d: date, amount: float, unit: str) -> date:
    """``d`` moved by ``amount`` calendar units (negative: back)."""
    if unit == "D":
        return d + timedelta(days=round(amount))
    if unit in ("H", "MIN", "S"):
        # Whole days only: "36 hours later" is the next day, "hours later" the same one.
        hours = amount / {"H": 1, "MIN": 60, "S": 3600}[unit]
        return d + timedelta(days=int(hours / 24))
    if unit in ("W", "WE"):
        return d + timedelta(weeks=amount)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit]
    return add_months(d, round(amount * months))


def period_of(d: date, unit: str) -> Period:
    """The calendar period of ``unit`` that holds ``d``."""
    if unit == "W":
        return week_period(d)
    if unit == "WE":
        return weekend_period(d)
    if unit == "M":
        return month_period(d.year, d.month)
    if unit == "Q":
        return quarter_period(d.year, (d.month - 1) // 3 + 1)
    if unit == "Y":
        return year_period(d.year)
    if unit == "DE":
        return decade_period(d.year // 10)
    if unit == "CE":
        return century_period(d.year // 100)
    return day_period(d)


def narrowed(period: Period, mod: str | None) -> tuple[date, date]:
    """The first, middle or last third of a period for TIMEX3 mod START, MID, END.

    Periods of months are cut at month ends ("early 2015" is January to April), shorter ones
    by days ("late August" is the 21st to the 31st).
    """
    if mod not in ("START", "MID", "END"):
        return period.start, period.end
    months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    if months >= 3 and period.start.day == 1:
        third = months // 3
        first_end = add_months(period.start, third) - timedelta(days=1)
        last_start = add_months(period.start, months - third)
        if mod == "START":
            return period.start, first_end
        if mod == "MID":
            return first_end + timedelta(days=1), last_start - timedelta(days=1)
        return last_start, period.end
    days = (period.end - period.start).days + 1
    if days < 3:
        return period.start, period.end
    third = 10 if period.precision == "month" else days // 3
    if mod == "START":
        return period.start, period.start + timedelta(days=third - 1)
    if mod == "MID":
        return period.start + timedelta(days=third), period.start + timedelta(days=2 * third - 1)
    return period.start + timedelta(days=2 * third), period.end


def number(text: str | None, lexicon: Lexicon) -> float | None:
    """The number a numeral stands for ("three", "twenty-five", "2.5", "a"), else None."""
    if text is None:
        return None
    plain = text.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", plain):
        return float(plain)
    key = normal_form(text.replace(",", "").replace("½", " 1/2"))
    if key.endswith("1/2"):
        whole = key[:-3].strip()
        return (float(whole) if whole else 0.0) + 0.5
    value = lexicon.lookup("number", key)
    if value is not None:
        return float(value)
    parts = re.split(r"[- ]", key)
    if len(parts) == 2:
        tens, ones = (lexicon.lookup("number", p) for p in parts)
        if tens is not None and ones is not None:
            return float(tens) + float(ones)
    return None


def year_in_words(text: str, lexicon: Lexicon) -> int | None:
    """A year written in words: "nineteen ninety-five", "two thousand and three"."""
    words = normal_form(text).replace("-", " ").split()
    words = [w for w in words if w not in ("and", "oh")]
    if words[:2] == ["two", "thousand"]:
        rest = number(" ".join(words[2:]), lexicon) if words[2:] else 0.0
        return None if rest is None else 2000 + int(rest)
    century = number(words[0], lexicon)
    if century is None:
        return None
    if words[1:2] == ["hundred"]:
        rest = number(" ".join(words[2:]), lexicon) if words[2:] else 0.0
    else:
        rest = number(" ".join(words[1:]), lexicon)
    return None if rest is None else int(century) * 100 + int(rest)


def _amount(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


_IN_YEARS = {"DE": 10, "CE": 100}


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: P3Y, PT24H, PXY (unknown amount), P18M (1.5 years)."""
    if unit == "2W":
        unit, amount = "W", None if amount is None else amount * 2
    if unit in _IN_YEARS and amount is not None:
        # ISO 8601 (and so TIMEX3) counts durations in Y, M, W, D, H, M, S only: "a decade" is
        # P10Y, "two centuries" P200Y. An unknown count keeps its unit (PXDE, "decades").
        unit, amount = "Y", amount * _IN_YEARS[unit]
    if unit == "Q" and amount is not None:
        unit, amount = "M", amount * 3  # no quarter in ISO 8601: "five quarters" is P15M
    is_time = unit in ("H", "MIN", "S")
    letter = "M" if unit == "MIN" else unit
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    if amount != int(amount):
        table = _SMALLER_TIME if is_time else _SMALLER
        if letter in table:
            smaller, factor = table[letter]
            amount, letter = amount * factor, smaller
            if unit == "D":
                prefix = "PT"
    return f"{prefix}{_amount(amount)}{letter}"


# How many periods after the one in question an anaphoric word points ("the following
# year" 1, "that same month" 0); any other word ("the previous", "the day before") -1.
_ANAPHORIC_STEP = {
    "same": 0,
    "that": 0,
    "that same": 0,
    "the": 0,
    "latest": 0,
    "following": 1,
    "next": 1,
    "after": 1,
}


# Periods of a year or more: told alone, they lend no year to a month told after them when the
# text has no publication date (the day told before them still does).
_YEAR_GRAINS = frozenset({"year", "decade", "century"})
# A clock time on a calendar day ("2021-03-17T21:00"), from which "two hours later" counts.
_CLOCK_VALUE = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)")


class Resolver:
    """Resolves expressions with the lexicon's meanings and the configured day/month order."""

    def __init__(self, lexicon: Lexicon, *, day_first: bool = False):
        self.lexicon = lexicon
        self.day_first = day_first
        self.season_months: dict[str, list[int]] = dict(lexicon.get("season_months") or {})

    # -- helpers -----------------------------------------------------------------------------------
    def _unit(self, text: str | None) -> str | None:
        if text is None:
            return None
        unit = self.lexicon.lookup("unit", text)
        if unit is None:
            return None
        if unit == "M" and normal_form(text).startswith("minute"):
            return "MIN"
        return str(unit)

    def _year(self, text: str | None, anchor: date | None) -> int | None:
        if text is None:
            return None
        digits = text.strip("'’")
        if not digits.isdigit():
            return None
        year = int(digits)
        if len(digits) == 2:
            # Two-digit years: the century that puts the year nearest the anchor.
            base = anchor.year if anchor else 2000
            year = min(
                (
                    c + year
                    for c in (base // 100 * 100 - 100, base // 100 * 100, base // 100 * 100 + 100)
                ),
                key=lambda y: abs(y - base),
            )
        return year

    def _mod(self, fields: Mapping[str, str]) -> str | None:
        for name, table in (
            ("pmod", "part_mod"),
            ("qmod", "quantity_mod"),
            ("qover", "quantity_mod"),
        ):
            mod = self.lexicon.lookup(table, fields.get(name))
            if mod:
                return str(mod)
        return None

    @staticmethod
    def _make(
        type_: str,
        period: Period,
        mod: str | None = None,
        *,
        anchored: bool = False,
        suffix: str = "",
        referent: bool = False,
    ) -> Resolved:
        start, end = narrowed(period, mod)
        return Resolved(
            type_ if not suffix else "TIME",
            period.value + suffix,
            start,
            end,
            period.precision,
            mod,
            anchored,
            referent,
        )

    # -- public ------------------------------------------------------------------------------------
    def resolve(
        self,
        expr: Expression,
        *,
        anchor: date | None,
        direction: Direction | None = None,
        reference: date | None = None,
        period: Resolved | None = None,
    ) -> Resolved | None:
        """The meaning of ``expr``, or None when it names no valid date (Feb. 30).

        ``reference`` is the day mentioned last; ``period`` a month, quarter, season or year
        mentioned after it, from which "the previous year" or "a year earlier" count.
        """
        method = getattr(self, f"_{expr.kind}", None)
        if method is None:
            return None
        try:
            result: Resolved | None = None
            if period is not None and expr.kind in ("anaphoric", "ago"):
                result = self._from_period(expr.fields, period)
            elif expr.kind == "offset" and direction == "past" and "pmod" in expr.fields:
                result = self._period_in_question(expr.fields, anchor, reference, period)
            if expr.kind == "calendar" and "ana" in expr.fields and period is not None:
                reference = period.earliest or reference  # "that December": of the year in question
            elif (
                expr.kind == "calendar"
                and anchor is None
                and period is not None
                and period.precision not in _YEAR_GRAINS
            ):
                # No publication date: "in April" after "in March 2019" is of 2019. A year told
                # alone is no such thread ("founded in 2015 ... the coup attempt in July" may be
                # any July after it; "died in 1977 of his wounds" is an aside): a month told after
                # it keeps the year of the day told before it, else none rather than a guessed one.
                reference = period.earliest or reference
            if result is None:
                result = method(expr.fields, anchor, direction, reference)
        except (ValueError, OverflowError):
            return None
        if (
            result is not None
            and normal_form(expr.fields.get("ago", "")) == "on"
            and anchor is not None
            and result.earliest is not None
            and result.earliest > anchor
        ):
            # "60 years on" counted from a day the text told that would lie after the report: the
            # count runs from the event the phrase is about, up to the time of the telling.
            result = self._ago(expr.fields, anchor, direction, None)
        if result is not None and result.type == "DATE" and expr.type != "DATE":
            result = replace(result, type=expr.type)
        return result

    def _period_in_question(
        self,
        f: Mapping[str, str],
        anchor: date | None,
        reference: date | None,
        period: Resolved | None,
    ) -> Resolved | None:
        """Told in the past, "the end of the month" is the end of the month mentioned before
        ("Fighting resumed in January. By the end of the month, 200 were dead"); None when
        nothing fits, and the anchor's month it is."""
        if "rel" in f or "cunit" not in f:
            return None
        unit = self.lexicon.lookup("calendar_unit", f["cunit"])
        base = reference
        if period is not None and period.earliest is not None:
            fits = period.precision == "month" if unit == "M" else unit == "Y"
            base = period.earliest if fits else base
        if unit not in ("M", "Y") or base is None:
            return None
        target = period_of(base, str(unit))
        if anchor is not None and target == period_of(anchor, str(unit)):
            return None  # the anchor's own period: read from the anchor, and said so
        return self._make("DATE", target, self._mod(f), referent=True)

    def _from_period(self, f: Mapping[str, str], period: Resolved) -> Resolved | None:
        """ "the previous year" after "in 2012" is 2011; "a year earlier" after "the first
        quarter" the first quarter of the year before. None when the units do not fit."""
        m = _PERIOD_VALUE.fullmatch(period.value)
        if m is None:
            return None
        year, part = int(m[1]), m[2]
        if "ago" in f:
            word = normal_form(f["ago"])
            amount = number(f.get("num"), self.lexicon)
            compared = word == "ago" and "compared" in f
            if word not in ("earlier", "later", "on") and not compared:
                return None
            unit = self._unit(f.get("unit"))
            if amount is not None and unit in _IN_YEARS and not part:
                # "Two centuries later", "half a century later" after "in 1650": in years,
                # counted from the year told, as "a decade later" is.
                amount, unit = amount * _IN_YEARS[unit], "Y"
            if amount is None or amount != int(amount):
                return None
            step = int(amount) * (-1 if word in ("earlier", "ago") else 1)
        else:
            word = normal_form(f["ana"]).removeprefix("the ")
            unit = str(self.lexicon.lookup("calendar_unit", f.get("cunit")))
            if word in self.lexicon.words("year_back") or "yback" in f:
                unit, step = "Y", -1
            else:
                step = _ANAPHORIC_STEP.get(word, -1)
                if unit == "Y":
                    part = ""  # "in October 2007 ... the previous year": 2006, a whole year
        if unit == "Y":
            year += step
        elif unit == "DE" and not part:
            year += 10 * step  # "in 1992 ... a decade later": 2002
        elif unit == "Q" and part and part.startswith("Q"):
            index = year * 4 + int(part[1]) - 1 + step
            year, part = index // 4, f"Q{index % 4 + 1}"
        elif unit == "M" and part and part.isdigit():
            index = year * 12 + int(part) - 1 + step
            year, part = index // 12, f"{index % 12 + 1:02d}"
        else:
            return None
        if not part:
            target = year_period(year)
        elif part.startswith("Q"):
            target = quarter_period(year, int(part[1]))
        elif part.startswith("H"):
            target = half_period(year, int(part[1]))
        elif part.isdigit():
            target = month_period(year, int(part))
        else:
            target = season_period(year, part, self.season_months)
        return self._make("DATE", target, referent=True)

    def after_clock(self, f: Mapping[str, str], clock: Resolved) -> Resolved | None:
        """ "two hours later" after "at 9 p.m.": the clock time counted on (or back, "earlier")
        by the hours or minutes, a time of day; None when the expression counts no hours or
        minutes or the clock time has no calendar day."""
        word = normal_form(f.get("ago", ""))
        amount = number(f.get("num"), self.lexicon)
        unit = self._unit(f.get("unit"))
        m = _CLOCK_VALUE.fullmatch(clock.value)
        if word not in ("later", "earlier") or amount is None or unit not in ("H", "MIN") or not m:
            return None
        year, month, day, hour, minute = (int(g) for g in m.groups())
        if hour > 23:
            return None
        step = timedelta(hours=amount) if unit == "H" else timedelta(minutes=amount)
        moment = datetime(year, month, day, hour, minute) + (-step if word == "earlier" else step)
        when = moment.date()
        value = f"{when.isoformat()}T{moment:%H:%M}"
        return Resolved("TIME", value, when, when, clock.precision, self._mod(f), referent=True)

    # -- kinds --------------------------------------------------------------------------------------
    def _numeric(
        self,
        f: Mapping[str, str],
        anchor: date | None,
        direction: Direction | None,
        ref: date | None,
    ) -> Resolved | None:
        year = self._year(f.get("year"), anchor)
        if year is None:
            return None
        if "monthnum" in f:
            month, day = int(f["monthnum"]), int(f["day"])
        else:
            a, b = int(f["a"]), int(f["b"])
            if a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a:
                month, day = a, b
            elif f.get("order", "dmy" if self.day_first else "mdy") == "dmy":
                day, month = a, b
            else:
                month, day = a, b
        period = day_period(date(year, month, day))
        if "hour" in f:
            return self._make("TIME", period, suffix=f"T{f['hour']}:{f['minute']}")
        return self._make("DATE", period)

    def _calendar(
        self,
        f: Mapping[str, str],
        anchor: date | None,
        direction: Direction | None,
        ref: date | None,
    ) -> Resolved | None:
        mod = self._mod(f)
        lookup = self.lexicon.lookup
        year = self._year(f.get("year"), anchor)
        if "yearword" in f:
            year = year_in_words(f["yearword"], self.lexicon)
        rel = lookup("relative", f.get("rel"))
        ryrel = lookup("relative", f.get("ryrel"))
        anchored = False
        if year is None and ryrel is not None and anchor is not None:
            year, anchored = anchor.year + int(ryrel), True
        part = lookup("part_of_day", f.get("part"))
        suffix = f"T{part}" if part else ""

        if "decade" in f or "decade_short" in f:
            if "decade" in f:
                decade = int(f["decade"])
                if decade % 10 == 0 and decade < 200:
                    # "the 1800s", "the early 1900s": hundreds are read as the century, as
                    # wires mean them; "the 2000s" stays the decade.
                    return self._make("DATE", century_period(decade // 10), mod)
                return self._make("DATE", decade_period(decade), mod)
            if anchor is None:
                return Resolved("DATE", f"XX{f['decade_short']}", precision="decade", mod=mod)
            base = anchor.year // 100 * 10
            decade = base + int(f["decade_short"])
            if decade * 10 > anchor.year:
                decade -= 10
            return self._make("DATE", decade_period(decade), mod, anchored=True)
        if "century" in f:
            text = normal_form(f["century"])
            n = lookup("century_ordinal", text)
            n = int(n) if n is not None else int(re.sub(r"\D", "", text))
            return self._make("DATE", century_period(n - 1), mod)

        event = f.get("event") or f.get("event_named")
        if event is not None:  # "9/11": a day of its own year, whatever the anchor
            known = lookup("event_date", event)
            if known is None:
                return None
            return self._make("DATE", day_period(date.fromisoformat(str(known))), mod)
        if "holiday" in f:
            rel = lookup("relative", f.get("rel"))
            return self._holiday(
                lookup("holiday", f["holiday"]), year, anchor, direction, anchored, rel
            )
        month = lookup("month", f.get("month"))
        day = int(re.sub(r"\D", "", f["day"])) if "day" in f else None
        weekday = lookup("weekday", f.get("weekday")) or lookup("weekday_abbr", f.get("weekday"))

        if month is not None and day is not None:
            if year is None and "ana" in f and ref is not None:
                year = ref.year  # "April 3 of that year": of the year in question
            inferred = year is None and anchor is None and ref is not None
            if inferred and ref is not None:
                # No publication date: "on April 17" after "April 15, 1995" is of the year the
                # text last named with a day, not an unknown year.
                year = ref.year
            date_ = self._month_day(int(month), day, year, weekday, anchor, direction)
            if date_ is None:
                if anchor is None and year is None:
                    date(2000, int(month), day)  # raises for Feb. 30
                    value = f"XXXX-{int(month):02d}-{day:02d}" + suffix
                    return Resolved("TIME" if suffix else "DATE", value, precision="day", mod=mod)
                return None
            unit = self.lexicon.lookup("calendar_unit", f.get("period_unit"))
            # "the week ended Feb. 14": the week (or month) that holds the day.
            period = day_period(date_) if unit is None else period_of(date_, str(unit))
            return self._make("DATE", period, mod, anchored=year is None or inferred, suffix=suffix)
        if month is not None:
            if year is None and "ana" in f and ref is not None:
                year, anchored = ref.year, False  # "that December": the year in question
            if year is None and anchor is None and ref is not None and direction == "past":
                # Told in the past, the year the text last named ("In April, ..." after "March
                # 2019"); a habit in the present ("holds elections in November") has none.
                year, anchored = ref.year, True
            if year is None:
                if anchor is None:
                    return Resolved("DATE", f"XXXX-{int(month):02d}", precision="month", mod=mod)
                year, anchored = self._infer_month_year(int(month), anchor, rel, direction), True
            return self._make("DATE", month_period(year, int(month)), mod, anchored=anchored)
        season = lookup("season", f.get("season"))
        if season is not None:
            return self._season(str(season), year, rel, anchor, direction, mod, anchored)
        if "quarter" in f or "half" in f:
            return self._quarter(f, year, anchor, direction, anchored)
        if weekday is not None:
            if anchor is None:
                value = f"XXXX-WXX-{int(weekday)}" + suffix
                return Resolved("TIME" if suffix else "DATE", value, precision="day", mod=mod)
            if "ana" in f:
                # "the previous Friday": before or after the day told last, else the anchor.
                step = _ANAPHORIC_STEP.get(normal_form(f["ana"]).removeprefix("the "), -1)
                d = self._weekday(int(weekday), ref or anchor, step, None)
                return self._make(
                    "DATE",
                    day_period(d),
                    mod,
                    anchored=ref is None,
                    referent=ref is not None,
                    suffix=suffix,
                )
            d = self._weekday(int(weekday), anchor, rel, direction)
            return self._make("DATE", day_period(d), mod, anchored=True, suffix=suffix)
        if day is not None and month is None and year is None:
            return self._day_of_month(day, anchor, direction, ref, mod)
        if year is not None:
            period = year_period(year)
            if "fiscal" in f:
                period = Period(f"FY{year:04d}", period.start, period.end, "year")
            return self._make("DATE", period, mod, anchored=anchored)
        return None

    def _day_of_month(
        self,
        day: int,
        anchor: date | None,
        direction: Direction | None,
        ref: date | None,
        mod: str | None,
    ) -> Resolved | None:
        """ "the 17th": of the month of the day last named, else of the publication month (the
        month before when told in the past of a day still to come)."""
        named = date(ref.year, ref.month, day) if ref is not None else None
        wrong_side = (
            anchor is not None
            and named is not None
            and (
                (direction == "future" and named < anchor)
                or (direction == "past" and named > anchor)
            )
        )
        if named is not None and not wrong_side:
            return self._make("DATE", day_period(named), mod, anchored=True)
        if anchor is None:
            return Resolved("DATE", f"XXXX-XX-{day:02d}", precision="day", mod=mod)
        month_start = anchor.replace(day=1)
        if direction == "past" and day > anchor.day:
            month_start = add_months(month_start, -1)
        elif direction == "future" and day < anchor.day:
            month_start = add_months(month_start, 1)
        return self._make("DATE", day_period(month_start.replace(day=day)), mod, anchored=True)

    def _month_day(
        self,
        month: int,
        day: int,
        year: int | None,
        weekday: object,
        anchor: date | None,
        direction: Direction | None,
    ) -> date | None:
        if year is not None:
            return date(year, month, day)
        if anchor is None:
            return None
        candidates = []
        for y in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                candidates.append(date(y, month, day))
            except ValueError:
                continue
        if weekday is not None:
            # "Thursday, Aug. 31": the year in which that day is a Thursday, if one is near.
            matching = [c for c in candidates if c.isoweekday() == int(str(weekday))]
            candidates = matching or candidates
        if not candidates:
            return None
        return choose([(c, c) for c in candidates], anchor, direction)[0]

    def _holiday(
        self,
        spec: object,
        year: int | None,
        anchor: date | None,
        direction: Direction | None,
        anchored: bool,
        rel: object = None,
    ) -> Resolved | None:
        """A holiday: its day (or period) in the year given, else the one the clause means."""
        offset = int(str(rel)) if rel is not None else 0
        if year is not None:
            found = occurrences(spec, year)
        elif anchor is not None and offset:
            # "next Easter": the first to begin after the anchor; "last Christmas" the latest
            # to begin before it.
            years = (anchor.year - 1, anchor.year, anchor.year + 1)
            every = sorted(o for y in years for o in occurrences(spec, y))
            picked = [o for o in every if (o[0] > anchor if offset > 0 else o[0] < anchor)]
            found = picked[:1] if offset > 0 else picked[-1:]
            anchored = True
        elif anchor is not None:
            years = (anchor.year - 1, anchor.year, anchor.year + 1)
            # A present tense says little of a holiday's year ("victims of the attack on New
            # Year Day"): the nearest occurrence, unless the clause looks back or ahead.
            toward = None if direction == "present" else direction
            found = [choose([o for y in years for o in occurrences(spec, y)], anchor, toward)]
            anchored = True
        else:
            # Nothing to count from: a fixed day keeps its month and day, a moving one nothing.
            if isinstance(spec, str) and re.fullmatch(r"\d\d-\d\d", spec):
                return Resolved("DATE", f"XXXX-{spec}", precision="day")
            return Resolved("DATE", "XXXX-XX-XX", precision="day")
        if not found:
            return None
        return self._make("DATE", stretch_period(*found[0]), anchored=anchored)

    @staticmethod
    def _infer_month_year(
        month: int, anchor: date, rel: object, direction: Direction | None
    ) -> int:
        if rel is not None:
            offset = int(str(rel))
            if offset < 0:
                return anchor.year if month < anchor.month else anchor.year - 1
            if offset > 0:
                return anchor.year if month > anchor.month else anchor.year + 1
            return anchor.year
        if direction == "past":
            return anchor.year if month <= anchor.month else anchor.year - 1
        if direction in ("future", "present"):
            return anchor.year if month >= anchor.month else anchor.year + 1
        return anchor.year

    @staticmethod
    def _weekday(weekday: int, anchor: date, rel: object, direction: Direction | None) -> date:
        today = anchor.isoweekday()
        if rel is not None:
            offset = int(str(rel))
            if offset < 0:
                return anchor - timedelta(days=(today - weekday) % 7 or 7)
            if offset > 0:
                return anchor + timedelta(days=(weekday - today) % 7 or 7)
            # "this Monday": of this week, unless the clause looks the other way.
            day = anchor + timedelta(days=weekday - today)
            if direction in ("future", "present") and day < anchor:
                return day + timedelta(days=7)
            if direction == "past" and day > anchor + SLACK:
                return day - timedelta(days=7)
            return day
        if direction in ("future", "present"):
            # "will continue Thursday" written on a Thursday: that day, as wire style names
            # the day of publication by its weekday too ("next Thursday" is a week ahead).
            return anchor + timedelta(days=(weekday - today) % 7)
        return anchor - timedelta(days=(today - weekday) % 7)

    def _season(
        self,
        code: str,
        year: int | None,
        rel: object,
        anchor: date | None,
        direction: Direction | None,
        mod: str | None,
        anchored: bool,
    ) -> Resolved:
        months = self.season_months
        if year is not None:
            return self._make("DATE", season_period(year, code, months), mod, anchored=anchored)
        if anchor is None:
            return Resolved("DATE", f"XXXX-{code}", precision="season", mod=mod)
        # "this winter" in January is the winter that began in December.
        this_year = (
            anchor.year - 1 if code == "WI" and anchor.month <= months[code][1] else anchor.year
        )
        occurrences = [season_period(y, code, months) for y in range(this_year - 2, this_year + 3)]
        this = season_period(this_year, code, months)
        offset = int(str(rel)) if rel is not None else None
        if offset is not None and offset < 0:
            period = max((p for p in occurrences if p.end < anchor - SEASON_GAP), key=_start)
        elif offset is not None and offset > 0:
            period = min((p for p in occurrences if p.start > anchor + SEASON_GAP), key=_start)
        elif direction == "past":
            # "this winter" said in March of the winter just ended.
            period = max((p for p in occurrences if p.start <= anchor), key=_start)
        elif offset == 0 or direction in (None, "present"):
            period = this
        else:
            period = min((p for p in occurrences if p.end >= anchor), key=_start)
        return self._make("DATE", period, mod, anchored=True)

    def _quarter(
        self,
        f: Mapping[str, str],
        year: int | None,
        anchor: date | None,
        direction: Direction | None,
        anchored: bool,
    ) -> Resolved | None:
        # "the third fiscal quarter", "the third quarter of fiscal 2016": a quarter (or half) of a
        # fiscal year (TIDES: FY2016-Q3), its calendar days those of the calendar quarter.
        fiscal = "FY" if {"fiscal", "fiscal_q", "fiscal_y"} & f.keys() else ""
        if "half" in f:
            half = 1 if normal_form(f["half"]) in ("first", "1") else 2
            if year is None:
                if anchor is None:
                    return Resolved("DATE", f"{fiscal}XXXX-H{half}", precision="season")
                year, anchored = anchor.year, True
            period = half_period(year, half)
            if fiscal:
                period = replace(period, value=fiscal + period.value)
            return self._make("DATE", period, anchored=anchored)
        text = normal_form(f["quarter"])
        n = self.lexicon.lookup("ordinal", text)
        last_month = self.lexicon.lookup("month", f["quarter"])
        if last_month is not None:  # "the July-September quarter"
            quarter = (int(last_month) - 1) // 3 + 1
        else:
            quarter = int(text) if text.isdigit() else (4 if n is None or int(n) < 0 else int(n))
        if not 1 <= quarter <= 4:
            return None
        if year is None:
            if anchor is None:
                return Resolved("DATE", f"{fiscal}XXXX-Q{quarter}", precision="season")
            current = (anchor.month - 1) // 3 + 1
            year = anchor.year
            if direction == "past" and quarter > current:
                year -= 1
            elif direction == "future" and quarter < current and quarter != current - 1:
                year += 1
            elif quarter == 4 and current == 1 and "qadj" in f:
                # "said fourth-quarter earnings would miss forecasts", told in February: the
                # quarter just ended, whose results are still to come, whatever the tense ("expects
                # a profit in Q4" looks ahead).
                year -= 1
            anchored = True
        period = quarter_period(year, quarter)
        if fiscal:
            period = replace(period, value=fiscal + period.value)
        return self._make("DATE", period, anchored=anchored)

    def _offset(
        self,
        f: Mapping[str, str],
        anchor: date | None,
        direction: Direction | None,
        ref: date | None,
    ) -> Resolved | None:
        lookup = self.lexicon.lookup
        mod = self._mod(f) if normal_form(f.get("pmod", "")) not in ("earlier", "later") else None
        part = lookup("part_of_day", f.get("part"))
        if "overnight" in f:
            # The night just past, or the night of the date mentioned before.
            if anchor is not None and ref is not None:
                return self._make("TIME", day_period(ref), referent=True, suffix="TNI")
            offset, unit, part = (0 if direction == "future" else -1), "D", "NI"
        elif "tonight" in f:
            offset, unit, part = 0, "D", "NI"
        elif "partrel" in f:
            word = normal_form(f["partrel"])
            known = self.lexicon.lookup("part_relative", word)
            offset = known if known is not None else int(lookup("day_word", word) or 0)
            unit = "D"
        elif "dayword" in f:
            offset, unit = int(lookup("day_word", f["dayword"])), "D"
        else:
            unit = str(lookup("calendar_unit", f.get("cunit")))
            rel = lookup("relative", f.get("rel"))
            if rel is not None:
                offset = int(rel)
            elif unit == "WE":
                offset = self._weekend_offset(anchor, direction)
            else:
                offset = 0
        suffix = f"T{part}" if part else ""
        if anchor is None:
            sign = "+" if offset >= 0 else "-"
            value = f"DCT{sign}P{abs(offset)}{unit}" if unit != "D" or offset else "DCT"
            return Resolved(
                "TIME" if suffix else "DATE",
                value + suffix,
                precision=_UNIT_PRECISION.get(unit, "unknown"),
                mod=mod,
            )
        base = shift(anchor, offset, unit)
        period = period_of(base, unit)
        if "fiscal" in f and unit == "Y":
            period = replace(period, value="FY" + period.value)
        return self._make("DATE", period, mod, anchored=True, suffix=suffix)

    @staticmethod
    def _weekend_offset(anchor: date | None, direction: Direction | None) -> int:
        """Which weekend "the weekend" is: the one just past, or the coming one."""
        if anchor is None or anchor.isoweekday() >= 6 or direction in ("future", "present"):
            return 0
        return -1

    def _anaphoric(
        self,
        f: Mapping[str, str],
        anchor: date | None,
        direction: Direction | None,
        ref: date | None,
    ) -> Resolved | None:
        base = ref or anchor
        word = normal_form(f["ana"]).removeprefix("the ")
        if word == "a":
            # "on a day when ...": some one day, which the expression does not tell.
            return Resolved("DATE", "XXXX-XX-XX", precision="day")
        part = self.lexicon.lookup("part_of_day", f.get("cunit"))
        unit = "D" if part else str(self.lexicon.lookup("calendar_unit", f["cunit"]))
        if unit not in _UNIT_PRECISION:
            return None  # "the year-ago period" with no period told before it
        if word in self.lexicon.words("year_back") or "yback" in f:
            offset = -4 if unit == "Q" else -1  # "the same quarter a year earlier" too
        else:
            offset = _ANAPHORIC_STEP.get(word, -1)
        if (
            unit == "Q"
            and ref is None
            and offset == 0
            and (word == "latest" or direction == "past")
        ):
            offset = -1  # "profit fell in the quarter": results come after their quarter ends
        if "full" in f and ref is None and offset == 0 and direction == "past":
            offset = -1  # "sales for the full year rose": a year's results come after it ends
        if base is None:
            # Nothing to count from: the period's kind is known, not its date.
            value = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX"}
            text = value.get(unit, "XXXX") + (f"T{part}" if part else "")
            return Resolved("TIME" if part else "DATE", text, precision=_UNIT_PRECISION[unit])
        period = period_of(shift(base, offset, unit), unit)
        suffix = f"T{part}" if part else ""
        return self._make(
            "DATE",
            period,
            self._mod(f),
            anchored=ref is None,
            referent=ref is not None,
            suffix=suffix,
        )

    def _ago(
        self,
        f: Mapping[str, str],
        anchor: date | None,
        direction: Direction | None,
        ref: date | None,
    ) -> Resolved | None:
        word = normal_form(f["ago"])
        back = word in ("ago", "earlier", "before")
        uses_ref = word in ("earlier", "later", "before", "after", "on")
        mod = self._mod(f)
        amount = number(f.get("num"), self.lexicon)
        unit = self._unit(f.get("unit"))
        if amount is None or unit is None:
            vague = "PAST_REF" if back else "FUTURE_REF"
            return self._reference(vague, anchor)
        if unit == "2W":
            unit, amount = "W", amount * 2
        if word == "on" and not (uses_ref and ref):
            # "Six months on, the inquiry has yet to report": counted on from what the text does
            # not date, it is the time of the telling, the anchor's period of that unit.
            amount = 0.0
        base = (ref if uses_ref else None) or anchor
        if "ago_weekday" in f and back and base is not None:
            # "a week ago Sunday": that weekday a week before its last one, a day.
            weekday = self.lexicon.lookup("weekday", f.get("ago_weekday"))
            if weekday is None:
                return None
            day = self._weekday(int(weekday), base, None, "past")
            return self._make("DATE", period_of(shift(day, -amount, unit), "D"), None)
        if word == "from" and base is not None:
            # "two weeks from Friday": counted from the coming weekday.
            weekday = self.lexicon.lookup("weekday", f.get("from_weekday"))
            if weekday is None:
                return None
            base = self._weekday(int(weekday), base, 1, "future")
        if base is None:
            sign = "-" if back else "+"
            value = "DCT" + sign + duration_value(amount, unit)
            return Resolved("DATE", value, precision=_UNIT_PRECISION.get(unit, "unknown"), mod=mod)
        moved = shift(base, -amount if back else amount, unit)
        grain = "D" if unit in ("H", "MIN", "S") else unit
        return self._make(
            "DATE",
            period_of(moved, grain),
            self._point_mod(mod, back),
            anchored=not (uses_ref and ref),
            referent=bool(uses_ref and ref),
        )

    def _point_mod(self, mod: str | None, back: bool) -> str | None:
        """The quantity's bound as a bound on the point it counts to ("more than a year ago")."""
        table = "point_mod_back" if back else "point_mod_forward"
        bound = self.lexicon.lookup(table, mod)
        return str(bound) if bound else None

    def _duration(
        self,
        f: Mapping[str, str],
        anchor: date | None,
        direction: Direction | None,
        ref: date | None,
    ) -> Resolved | None:
        unit_text = f.get("unit") or f.get("unit_bare")
        unit = self._unit(unit_text)
        if unit_text is None or unit is None:
            return None
        plural = normal_form(unit_text).endswith("s")
        amount: float | None
        if "num" in f:
            amount = number(f["num"], self.lexicon)
            if amount is None:
                return None
            if "andhalf" in f or "halfpre" in f:
                amount += 0.5  # "two years and a half", "two and a half years"
        elif "vnum" in f or "unit_bare" in f or plural:
            amount = None  # "several years", "for years", "the past weeks"
        else:
            amount = 1.0  # "the past week"
        if unit == "2W":
            unit, amount = "W", None if amount is None else amount * 2
        earliest = latest = None
        span = self.lexicon.lookup("span_word", f.get("span"))
        edge = self._year_edge(f, amount, unit, anchor, ref)
        if edge is not None:
            earliest, latest = edge
        elif span is not None and anchor is not None:
            if int(span) < 0:
                latest = anchor
                earliest = None if amount is None else shift(anchor, -amount, unit)
            else:
                earliest = anchor
                latest = None if amount is None else shift(anchor, amount, unit)
        return Resolved(
            "DURATION",
            duration_value(amount, unit),
            earliest,
            latest,
            _UNIT_PRECISION.get(unit, "unknown"),
            self._mod(f),
            anchored=earliest is not None or latest is not None,
        )

    def _year_edge(
        self,
        f: Mapping[str, str],
        amount: float | None,
        unit: str,
        anchor: date | None,
        ref: date | None,
    ) -> tuple[date, date] | None:
        """ "the first nine months of 2016", "the last three months of last year": the first or
        last days of the year named after the stretch (January to September 2016)."""
        if "ofyear" not in f or amount is None or amount != int(amount):
            return None
        word = normal_form(f.get("span", ""))
        if word not in ("first", "last", "final") or unit not in ("D", "W", "M", "Q"):
            return None
        text = normal_form(f["ofyear"])
        if text.isdigit():
            year = int(text)
        elif anchor is None and ref is None:
            return None
        else:
            base = ref if text == "the year" and ref is not None else anchor
            assert base is not None
            year = base.year - (1 if text == "last year" else 0)
        if word == "first":
            start = date(year, 1, 1)
            return start, shift(start, amount, unit) - timedelta(days=1)
        end = date(year, 12, 31)
        return shift(date(year + 1, 1, 1), -amount, unit), end

    def _edge(
        self,
        f: Mapping[str, str],
        anchor: date | None,
        direction: Direction | None,
        ref: date | None,
    ) -> Resolved | None:
        """ "the last week of February": the day, week or month at one end of a month or year."""
        inner = self._calendar(
            {k: f[k] for k in ("month", "year") if k in f}, anchor, direction, ref
        )
        if inner is None or inner.earliest is None or inner.latest is None:
            return None
        nth = self.lexicon.lookup("week_ordinal", f.get("nth"))
        if nth is not None:  # "the second week of December": the week that holds its 8th
            day = inner.earliest + timedelta(days=int(nth) - 1)
        else:
            first = normal_form(f["edge"]) in ("first", "opening")
            day = inner.earliest if first else inner.latest
        unit = str(self.lexicon.lookup("calendar_unit", f["cunit"]))
        return self._make(
            "DATE", period_of(day, unit), anchored=inner.anchored, referent=inner.referent
        )

    def _elapsed(
        self,
        f: Mapping[str, str],
        anchor: date | None,
        direction: Direction | None,
        ref: date | None,
    ) -> Resolved | None:
        """ "in 2:06:40", "4:12 hours": a stretch written as a clock (PT2H6M40S)."""
        amounts = [int(f.get(name) or 0) for name in ("hours", "minutes", "seconds")]
        parts = "".join(f"{n}{u}" for n, u in zip(amounts, "HMS", strict=True) if n)
        return Resolved("DURATION", f"PT{parts or '0S'}", precision="day") if parts else None

    def _set(
        self,
        f: Mapping[str, str],
        anchor: date | None,
        direction: Direction | None,
        ref: date | None,
    ) -> Resolved | None:
        lookup = self.lexicon.lookup
        if "freq" in f:
            value = str(lookup("frequency", f["freq"]))
            return Resolved("SET", value, precision=_precision_of(value))
        if "wset" in f:
            # "every Tuesday and Thursday", "Friday afternoons", "open Monday-Friday 9-5"
            part = lookup("part_of_day_plural", f.get("partpl") or f.get("partpl_2"))
            value = f"XXXX-WXX-{lookup('weekday', f['wset'])}" + (f"T{part}" if part else "")
            return Resolved("SET", value, precision="day")
        if "wplural" in f:
            value = f"XXXX-WXX-{lookup('weekday_plural', f['wplural'])}"
            hhmm = self._hhmm(f) if "clock" in f or "hour" in f else None
            return Resolved("SET", value + (f"T{hhmm}" if hhmm else ""), precision="day")
        target = f.get("unit", "")
        weekday = lookup("weekday", target)
        if weekday is not None:
            return Resolved("SET", f"XXXX-WXX-{weekday}", precision="day")
        part = lookup("part_of_day", target)
        if part is not None:
            return Resolved("SET", f"XXXX-XX-XXT{part}", precision="day")
        season = lookup("season", target)
        if season is not None:
            return Resolved("SET", f"XXXX-{season}", precision="season")
        unit = self._unit(target)
        if unit is None:
            return None
        count = normal_form(f.get("num", ""))
        ordinal = lookup("ordinal", count) if count != "first" else None
        # "every other day", "every second week": every two; "every third year": every three.
        amount = (
            2.0
            if count == "other"
            else float(ordinal)
            if ordinal is not None and int(ordinal) > 0
            else number(f.get("num"), self.lexicon)
        )
        value = duration_value(None if "vnum" in f else amount or 1.0, unit)
        return Resolved("SET", value, precision=_precision_of(value))

    def _ref(
        self,
        f: Mapping[str, str],
        anchor: date | None,
        direction: Direction | None,
        ref: date | None,
    ) -> Resolved | None:
        value = self.lexicon.lookup("vague_ref", f.get("ref"))
        if value is None:
            value = self.lexicon.lookup("vague_ref_bare", f.get("ref"))
        return None if value is None else self._reference(str(value), anchor)

    @staticmethod
    def _reference(value: str, anchor: date | None) -> Resolved:
        starts, ends = _REFERENCE_SPAN[value]
        if anchor is None:
            return Resolved("DATE", value)
        return Resolved(
            "DATE",
            value,
            anchor if starts else None,
            anchor if ends else None,
            "unknown",
            anchored=True,
        )

    def _hhmm(self, f: Mapping[str, str]) -> str | None:
        """The clock of a time's fields ("15:00", "12:00" for noon, "MO" for dawn)."""
        if "clock" in f:
            return str(self.lexicon.lookup("clock_word", f["clock"]))
        if "part" in f and "hour" not in f:
            return str(self.lexicon.lookup("part_of_day", f["part"]))  # "dawn": TMO
        hour_value = number(f["hour"], self.lexicon)
        if hour_value is None:
            return None
        hour = int(hour_value)
        minute = int(f.get("minute") or 0)
        ampm = normal_form(f.get("ampm", ""))
        half = self.lexicon.lookup("clock_day_part", f.get("dpart"))
        if half == "night":
            half = "pm" if 6 <= hour < 12 else "am"  # "10 at night", "2 at night"
        if half is not None:
            ampm = str(half)
        if "from_hour" in f and not ampm:
            # "from 9 to 5": the end of a working day comes after its start (17:00).
            first = number(f["from_hour"], self.lexicon)
            if first is not None and hour < int(first) and hour < 12:
                hour += 12
        if "hour_last" in f and ampm.startswith("p"):
            # "at 10, 11 and 1 p.m.": an hour of the list that would come after the last in the
            # afternoon is in the morning (10:00, 11:00, 13:00).
            last = number(f["hour_last"], self.lexicon)
            last_hour = int(last) % 12 + 12 if last is not None else 24
            if hour % 12 + 12 > last_hour:
                ampm = "a"
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if hour > 24 or minute > 59:
            return None
        return f"{hour:02d}:{minute:02d}"

    def _time(
        self,
        f: Mapping[str, str],
        anchor: date | None,
        direction: Direction | None,
        ref: date | None,
    ) -> Resolved | None:
        hhmm = self._hhmm(f)
        if hhmm is None:
            return None
        weekday = self.lexicon.lookup("weekday", f.get("weekday"))
        dayword = self.lexicon.lookup("day_word", f.get("dayword"))
        if "partrel" in f:
            # "0315 this morning", "2330 last night": the day of the part named after the time.
            word = normal_form(f["partrel"])
            known = {"this": 0, "last": -1}.get(word)
            dayword = known if known is not None else self.lexicon.lookup("day_word", word)
        mod = self._mod(f)
        if anchor is None and ref is not None and weekday is None and dayword is None:
            # No publication date, but the text named the day ("on April 17 ... at 4 p.m.").
            return self._make("TIME", day_period(ref), mod, anchored=True, suffix=f"T{hhmm}")
        if anchor is None:
            day_value = f"XXXX-WXX-{weekday}" if weekday is not None else "XXXX-XX-XX"
            return Resolved("TIME", f"{day_value}T{hhmm}", precision="day", mod=mod)
        if weekday is not None:
            day = self._weekday(int(weekday), anchor, None, direction)
        elif dayword is not None:
            day = anchor + timedelta(days=int(dayword))
        else:
            day = ref or anchor
        return self._make("TIME", day_period(day), mod, anchored=True, suffix=f"T{hhmm}")


def _start(period: Period) -> date:
    return period.start


def _precision_of(value: str) -> Precision:
    """The precision of a duration's unit (P1W -> week)."""
    m = re.fullmatch(r"PT?[\dX.]+([A-Z]+)", value)
    if not m:
        return "unknown"
    letter = m[1]
    if value.startswith("PT"):
        return "day"
    return _UNIT_PRECISION.get(letter, "unknown")
