"""When to remind a group about a meeting: set offsets, kept out of the group's quiet hours.

Offsets are written in group settings as short strings, so an organisation can change them
without code: "day_before_at 18:00", "2_days_before_at 10:00", "same_day_at 08:30", or a
length of time before the start: "1h before", "30m before", "90 minutes before", "2d before".

Quiet hours are an open interval: with quiet hours 21:00-08:00, 21:00 and 08:00 themselves
are allowed. A reminder that falls inside them moves to the latest allowed time before, which
is the moment quiet hours begin (21:00 that evening, or the evening before for an early
morning reminder), so it still comes before the meeting. Reminders that would be in the past
(or not before the start) are dropped; two that land on the same moment are sent once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.features.events.recurrence import wall_to_utc

DEFAULT_OFFSETS = ("day_before_at 18:00", "1h before")

_AT = re.compile(
    r"^(?:(?P<same>same_day)|(?P<n>\d+)_days|(?P<one>day))(?:_before)?_at\s+(?P<h>\d{1,2}):(?P<m>\d{2})$"
)
_BEFORE = re.compile(
    r"^(?P<n>\d+)\s*(?P<unit>m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\s+before$"
)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


@dataclass(frozen=True, slots=True)
class Offset:
    """Either a fixed length of time before the start, or a clock time some days before."""

    before: timedelta | None = None
    days_before: int = 0
    at: time | None = None


def parse_offset(text: str) -> Offset:
    """Read one offset setting; ValueError says what is wrong, for a clear config error."""
    spoken = " ".join(text.strip().lower().split())
    if m := _AT.match(spoken):
        hour, minute = int(m.group("h")), int(m.group("m"))
        if hour > 23 or minute > 59:
            raise ValueError(f"reminder offset {text!r}: {hour}:{minute:02d} is not a time")
        days = 0 if m.group("same") else int(m.group("n") or 1)
        return Offset(days_before=days, at=time(hour, minute))
    if m := _BEFORE.match(spoken):
        amount = int(m.group("n"))
        if amount <= 0:
            raise ValueError(f"reminder offset {text!r}: must be more than zero")
        return Offset(before=timedelta(**{_UNITS[m.group("unit")[0]]: amount}))
    raise ValueError(
        f"reminder offset {text!r} not understood; use e.g. 'day_before_at 18:00' or '1h before'"
    )


@dataclass(frozen=True, slots=True)
class QuietHours:
    """Local clock times between which the group gets no reminders (may cross midnight)."""

    start: time
    end: time

    @classmethod
    def parse(cls, text: str) -> QuietHours:
        """'21:00-08:00' -> QuietHours(21:00, 08:00)."""
        m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*", text)
        if m is None:
            raise ValueError(f"quiet hours {text!r} not understood; use e.g. '21:00-08:00'")
        h1, m1, h2, m2 = (int(x) for x in m.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            raise ValueError(f"quiet hours {text!r}: not a time of day")
        return cls(time(h1, m1), time(h2, m2))

    def contains(self, at: time) -> bool:
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start < at < self.end
        return at > self.start or at < self.end

    def began(self, local: datetime) -> date:
        """The date on which the quiet period containing `local` began."""
        crosses_midnight = self.start > self.end
        if crosses_midnight and local.time() < self.end:
            return local.date() - timedelta(days=1)
        return local.date()


def _raw_time(start: datetime, offset: Offset, zone: ZoneInfo) -> datetime:
    if offset.before is not None:
        # A length of time is real elapsed time, so "1h before" is right on clock-change days.
        return start.astimezone(UTC) - offset.before
    assert offset.at is not None
    day = start.astimezone(zone).date() - timedelta(days=offset.days_before)
    return wall_to_utc(day, offset.at, zone)


def reminder_times(
    start: datetime,
    *,
    offsets: Iterable[str | Offset] = DEFAULT_OFFSETS,
    quiet_hours: QuietHours | None,
    zone: ZoneInfo,
    now: datetime,
) -> list[datetime]:
    """When to send reminders for a meeting at `start`: aware UTC, earliest first, unique."""
    if start.tzinfo is None or now.tzinfo is None:
        raise ValueError("start and now must be timezone-aware")
    found: set[datetime] = set()
    for item in offsets:
        offset = parse_offset(item) if isinstance(item, str) else item
        when = _raw_time(start, offset, zone)
        local = when.astimezone(zone)
        if quiet_hours is not None and quiet_hours.contains(local.time()):
            when = wall_to_utc(quiet_hours.began(local), quiet_hours.start, zone)
        if now < when < start:
            found.add(when)
    return sorted(found)
