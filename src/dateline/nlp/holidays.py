"""The days holidays fall on in a Gregorian year, for the rules of the ``[holiday]`` word list.

A holiday is written in lexicon.toml as "MM-DD" (a fixed day) or as a table naming how its
day moves: ``easter`` / ``orthodox_easter`` (days from Easter Sunday), ``hijri`` (month and
day of the Islamic calendar, Umm al-Qura, through ``hijridate``), ``hebrew`` and ``persian``
(month and day, through ``convertdate``), ``eid`` (several Islamic days, any of which the
word may mean), ``nth_weekday`` ([month, ISO weekday, n], n = -1 for
the last). ``days`` makes it a period ("Ramadan" = the whole ninth month: ``hijri_month``);
``offset`` moves the day ("Black Friday" = the day after Thanksgiving). The calendars are the
libraries' work; this module only asks them and answers in Gregorian dates.
"""

from __future__ import annotations

import calendar
import warnings
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from convertdate import hebrew, persian
from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from hijridate import Gregorian, Hijri

Occurrence = tuple[date, date]


def occurrences(spec: Any, year: int) -> list[Occurrence]:
    """The (first day, last day) of each occurrence of a holiday that starts in ``year``.

    An unknown spec or a year out of a calendar's range gives no occurrence.
    """
    try:
        if isinstance(spec, str):
            month, day = (int(p) for p in spec.split("-"))
            found = [(date(year, month, day), date(year, month, day))]
        elif isinstance(spec, Mapping):
            found = _moving(spec, year)
        else:
            return []
    except (ValueError, OverflowError, TypeError, KeyError):
        return []
    return [o for o in found if o[0].year == year]


def _moving(spec: Mapping[str, Any], year: int) -> list[Occurrence]:
    days = int(spec.get("days", 1))
    offset = timedelta(days=int(spec.get("offset", 0)))
    starts: list[date] = []
    if "easter" in spec:
        starts = [easter(year, EASTER_WESTERN) + timedelta(days=int(spec["easter"]))]
    elif "orthodox_easter" in spec:
        starts = [easter(year, EASTER_ORTHODOX) + timedelta(days=int(spec["orthodox_easter"]))]
    elif "nth_weekday" in spec:
        month, weekday, n = (int(v) for v in spec["nth_weekday"])
        starts = [_nth_weekday(year, month, weekday, n)]
    elif "hijri_month" in spec:
        # A month of the Islamic calendar (Ramadan): its first to its last day.
        found = []
        for hyear in _hijri_years(year):
            first = Hijri(hyear, int(spec["hijri_month"]), 1)
            last = Hijri(hyear, first.month, first.month_length())
            found.append((_gregorian(first), _gregorian(last)))
        return found
    elif "hijri" in spec or "eid" in spec:
        # "eid" lists several days, any of which the word may mean (Eid al-Fitr, al-Adha).
        pairs = spec["eid"] if "eid" in spec else [spec["hijri"]]
        for month, day in pairs:
            starts += [_gregorian(Hijri(h, int(month), int(day))) for h in _hijri_years(year)]
    elif "hebrew" in spec:
        month, day = (int(v) for v in spec["hebrew"])
        for hyear in (year + 3760, year + 3761):
            with warnings.catch_warnings():
                # convertdate 2.5 calls its own deprecated month_days inside to_gregorian.
                warnings.simplefilter("ignore", DeprecationWarning)
                starts.append(date(*hebrew.to_gregorian(hyear, month, day)))
    elif "persian" in spec:
        month, day = (int(v) for v in spec["persian"])
        for pyear in (year - 622, year - 621):
            starts.append(date(*persian.to_gregorian(pyear, month, day)))
    return [(s + offset, s + offset + timedelta(days=days - 1)) for s in sorted(set(starts))]


def _hijri_years(year: int) -> range:
    """The Islamic years that have days in Gregorian ``year``."""
    return range(Gregorian(year, 1, 1).to_hijri().year, Gregorian(year, 12, 31).to_hijri().year + 1)


def _gregorian(day: Hijri) -> date:
    g = day.to_gregorian()
    return date(g.year, g.month, g.day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``th ISO ``weekday`` of a month (n = -1: the last)."""
    if n < 0:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
