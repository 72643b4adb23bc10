"""The dates a report covers: parsed from what staff type, checked, and cut into weeks.

Both ends are whole local days and included ("1 January to 31 March"). Dates may be typed
as `2026-01-01` or in words, `1 January 2026` (also `1 Jan 2026`, `1st January 2026`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum

MAX_DAYS = 3 * 366  # a longer report would be slow to make and too long to read
DEFAULT_MONTHS = 3

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$")


class Problem(StrEnum):
    """Why a period was refused; each has a kind sentence in `[reports.problems]`."""

    BAD_DATE = "bad_date"
    BACKWARDS = "backwards"
    TOO_LONG = "too_long"
    USAGE = "usage"


class PeriodError(ValueError):
    def __init__(self, problem: Problem, typed: str = "") -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.typed = typed


@dataclass(frozen=True, slots=True)
class Period:
    """From `first` to `last`, both days included, in the organisation's time zone."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def starts(self, zone: tzinfo) -> datetime:
        return _local_midnight(self.first, zone)

    def ends(self, zone: tzinfo) -> datetime:
        """The moment just after the last day (exclusive)."""
        return _local_midnight(self.last + timedelta(days=1), zone)

    def iso(self) -> str:
        """An ISO 8601 interval of dates, as written in the CSV: `2026-01-01/2026-03-31`."""
        return f"{self.first.isoformat()}/{self.last.isoformat()}"

    def weeks(self) -> Iterator[Period]:
        """Monday-to-Sunday weeks, the first and last cut to the period."""
        monday = week_of(self.first)
        while monday <= self.last:
            yield Period(max(monday, self.first), min(monday + timedelta(days=6), self.last))
            monday += timedelta(weeks=1)


def week_of(day: date) -> date:
    """The Monday of that day's week."""
    return day - timedelta(days=day.weekday())


def _local_midnight(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def parse_day(text: str) -> date:
    """`2026-01-01` or `1 January 2026`; anything else raises PeriodError(BAD_DATE)."""
    cleaned = " ".join(text.strip().lower().split())
    iso = _ISO.match(cleaned)
    words = _WORDS.match(cleaned)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if words and words[2] in _MONTHS:
            return date(int(words[3]), _MONTHS[words[2]], int(words[1]))
    except ValueError:
        pass  # 31 February and the like
    raise PeriodError(Problem.BAD_DATE, text.strip())


def make_period(first: date, last: date) -> Period:
    if first > last:
        raise PeriodError(Problem.BACKWARDS)
    period = Period(first, last)
    if period.days > MAX_DAYS:
        raise PeriodError(Problem.TOO_LONG)
    return period


def default_period(today: date) -> Period:
    """The last three months up to today: 16 January to 15 April, say."""
    month = today.month - DEFAULT_MONTHS
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    day = min(today.day, _days_in(year, month))
    return Period(date(year, month, day) + timedelta(days=1), today)


def _days_in(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def parse_period(words: str, today: date) -> Period:
    """What staff typed after /report: nothing, two dates, or `DATE to DATE`."""
    cleaned = " ".join(words.split())
    if not cleaned:
        return default_period(today)
    parts = re.split(r"\s+(?:to|until|-|–)\s+", cleaned, maxsplit=1, flags=re.IGNORECASE)
    if len(parts) != 2:
        parts = cleaned.split(" ")
    if len(parts) != 2:
        raise PeriodError(Problem.USAGE)
    return make_period(parse_day(parts[0]), parse_day(parts[1]))
