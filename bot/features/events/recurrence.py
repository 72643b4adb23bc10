"""Repeating events, expanded in local wall-clock time so 10:30 stays 10:30 all year.

Rules follow RFC 5545 so that what carebot reminds people about is exactly what their
calendar app shows from our .ics file:

- A monthly rule for a day that a month lacks (the 31st, the 5th Tuesday) skips that month.
- Weeks start on Monday (WKST=MO) for "every N weeks".
- A wall-clock time that does not exist on one day (01:30 on the last Sunday of March, when
  clocks go forward) happens that day at the same moment a clock that had not gone forward
  would show, i.e. 02:30 BST; other days stay 01:30. A time that happens twice (01:30 on the
  last Sunday of October) means the first one (BST).

One difference from RFC 5545, chosen for people: a `count` counts meetings that happen, so
"10 times" with a half-term week skipped is still ten meetings. The .ics writer turns such a
rule into an UNTIL so calendar apps agree.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol
from zoneinfo import ZoneInfo

# A monthly rule that matches no day for this many periods in a row is broken; stop looking.
_MAX_EMPTY_PERIODS = 400


class Freq(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


@dataclass(frozen=True, slots=True)
class Recurrence:
    """How an event repeats. Weekdays are 0=Monday .. 6=Sunday.

    WEEKLY uses `weekdays` (empty: the first date's weekday). MONTHLY uses either `month_day`
    (1..31) or `week_of_month` (1..5, or -1 for the last) with exactly one weekday; with
    neither, the first date's day of the month. `until` is an inclusive local date.
    """

    freq: Freq
    interval: int = 1
    weekdays: tuple[int, ...] = ()
    month_day: int | None = None
    week_of_month: int | None = None
    until: date | None = None
    count: int | None = None

    def __post_init__(self) -> None:
        if self.interval < 1:
            raise ValueError("interval must be at least 1")
        if any(not 0 <= d <= 6 for d in self.weekdays):
            raise ValueError("weekdays are 0 (Monday) to 6 (Sunday)")
        if self.month_day is not None and not 1 <= self.month_day <= 31:
            raise ValueError("month_day must be 1..31")
        if self.week_of_month is not None:
            if self.week_of_month not in (1, 2, 3, 4, 5, -1):
                raise ValueError("week_of_month must be 1..5 or -1")
            if len(self.weekdays) != 1:
                raise ValueError("a monthly weekday rule needs exactly one weekday")
        if self.count is not None and self.count < 1:
            raise ValueError("count must be at least 1")
        if self.count is not None and self.until is not None:
            raise ValueError("give count or until, not both")

    @property
    def bounded(self) -> bool:
        return self.count is not None or self.until is not None


class Scheduled(Protocol):
    """Anything with a first start and an optional recurrence (an EventDraft, a stored event)."""

    @property
    def start(self) -> datetime: ...

    @property
    def recurrence(self) -> Recurrence | None: ...


Source = Scheduled | tuple[datetime, Recurrence | None]


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The nth (1..5, or -1 for last) given weekday of a month, or None if the month lacks it."""
    days = calendar.monthrange(year, month)[1]
    if nth == -1:
        last = date(year, month, days)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    day = 1 + (weekday - first.weekday()) % 7 + 7 * (nth - 1)
    return date(year, month, day) if day <= days else None


def wall_to_utc(day: date, wall: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of a local wall-clock time (see the module docstring for gaps/folds)."""
    return datetime.combine(day, wall.replace(tzinfo=None, fold=0), tzinfo=zone).astimezone(UTC)


def _month_day(rec: Recurrence, first: date, year: int, month: int) -> date | None:
    if rec.week_of_month is not None:
        return nth_weekday(year, month, rec.weekdays[0], rec.week_of_month)
    wanted = rec.month_day or first.day
    if wanted > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, wanted)


def _dates(rec: Recurrence, first: date, from_day: date) -> Iterator[date]:
    """Dates matching the rule's pattern on or after both `first` and `from_day`, in order.

    Jumps straight to `from_day` rather than walking from `first`; ignores until/count.
    """
    from_day = max(first, from_day)
    step = rec.interval
    if rec.freq is Freq.DAILY:
        k = -(-(from_day - first).days // step)
        day = first + timedelta(days=k * step)
        while True:
            yield day
            day += timedelta(days=step)
    elif rec.freq is Freq.WEEKLY:
        days = sorted(set(rec.weekdays or (first.weekday(),)))
        week0 = first - timedelta(days=first.weekday())
        k = (from_day - week0).days // (7 * step)
        while True:
            monday = week0 + timedelta(weeks=k * step)
            for wd in days:
                day = monday + timedelta(days=wd)
                if day >= from_day:
                    yield day
            k += 1
    else:
        m0 = first.year * 12 + first.month - 1
        k = (from_day.year * 12 + from_day.month - 1 - m0) // step
        empty = 0
        while empty < _MAX_EMPTY_PERIODS:
            year, month0 = divmod(m0 + k * step, 12)
            found = _month_day(rec, first, year, month0 + 1)
            if found is not None and found >= from_day:
                empty = 0
                yield found
            else:
                empty += 1
            k += 1


def _unpack(source: Source, zone: ZoneInfo | None) -> tuple[datetime, Recurrence | None, ZoneInfo]:
    if isinstance(source, tuple):
        start, rec = source
    else:
        start, rec = source.start, source.recurrence
    if start.tzinfo is None:
        raise ValueError("the first start must be timezone-aware")
    if zone is None:
        if not isinstance(start.tzinfo, ZoneInfo):
            raise ValueError("pass zone=, or give the first start a ZoneInfo")
        zone = start.tzinfo
    return start, rec, zone


def _local_series(
    start: datetime, rec: Recurrence, zone: ZoneInfo, exceptions: frozenset[date], from_day: date
) -> Iterator[datetime]:
    local = start.astimezone(zone)
    first, wall = local.date(), local.timetz().replace(tzinfo=None)
    held = 0
    # With a count we must walk from the first date to know which meeting is the last.
    seek = first if rec.count is not None else from_day
    for day in _dates(rec, first, seek):
        if rec.until is not None and day > rec.until:
            return
        if day in exceptions:
            continue
        held += 1
        if rec.count is not None and held > rec.count:
            return
        if day >= from_day:  # earlier meetings only count towards `count`
            yield wall_to_utc(day, wall, zone)


def occurrences(
    source: Source,
    *,
    after: datetime,
    limit: int,
    exceptions: frozenset[date] = frozenset(),
    zone: ZoneInfo | None = None,
    inclusive: bool = False,
) -> list[datetime]:
    """The next `limit` starts (aware UTC) strictly after `after` (or at it, if inclusive).

    Each is computed as a local date plus the event's local clock time, then converted to UTC
    on its own, which is what keeps the time right across clock changes. `exceptions` are
    local dates to skip (half term). `zone` defaults to the first start's ZoneInfo.
    """
    if after.tzinfo is None:
        raise ValueError("after must be timezone-aware")
    start, rec, zone = _unpack(source, zone)
    if limit <= 0:
        return []
    if rec is None:
        ok = start > after or (inclusive and start == after)
        skipped = start.astimezone(zone).date() in exceptions
        return [start.astimezone(UTC)] if ok and not skipped else []
    # A day's margin either side of `after` covers any UTC offset.
    from_day = after.astimezone(zone).date() - timedelta(days=1)
    found: list[datetime] = []
    for when in _local_series(start, rec, zone, exceptions, from_day):
        if when > after or (inclusive and when == after):
            found.append(when)
            if len(found) >= limit:
                break
    return found


def all_occurrences(
    source: Source,
    *,
    cap: int,
    exceptions: frozenset[date] = frozenset(),
    zone: ZoneInfo | None = None,
) -> list[datetime]:
    """Every start of a bounded event (at most `cap + 1`, so callers can spot "too many")."""
    start, rec, zone = _unpack(source, zone)
    if rec is not None and not rec.bounded:
        raise ValueError("an open-ended recurrence has no last occurrence")
    before_first = start - timedelta(seconds=1)
    return occurrences(
        (start, rec), after=before_first, limit=cap + 1, exceptions=exceptions, zone=zone
    )


def first_match(rec: Recurrence, on_or_after: date) -> date | None:
    """The first date on or after `on_or_after` that fits the rule's pattern (not its phase).

    The parser uses this to choose an event's first meeting, which then fixes the phase of
    "every other week" and the like.
    """
    pattern = replace(rec, interval=1, count=None, until=None)
    return next(_dates(pattern, on_or_after, on_or_after), None)
