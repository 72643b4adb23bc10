"""A VTIMEZONE block for any IANA zone, worked out from the zone itself (no table to go stale).

Calendar apps need the zone's rules to place "10:30 Europe/London" on every date of an
open-ended series. We find the zone's changes in the starting year and, when they follow a
"nth/last weekday of a month" pattern for the next ten years (as GMT/BST does), write them
as yearly RRULEs; otherwise we list each change for those years. A zone without changes gets
a single STANDARD block.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.features.events.recurrence import nth_weekday

_YEARS_CHECKED = 10
_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class _Change:
    local: datetime  # naive wall time just before the change, in the old offset
    before: timedelta
    after: timedelta
    name: str
    daylight: bool

    @property
    def rule(self) -> tuple[int, int, int]:
        """(month, weekday, nth) with nth = -1 for the last such weekday of the month."""
        d = self.local
        last = d.day + 7 > calendar.monthrange(d.year, d.month)[1]
        return d.month, d.weekday(), -1 if last else (d.day - 1) // 7 + 1


def _offset(zone: ZoneInfo, at: datetime) -> timedelta:
    return at.astimezone(zone).utcoffset() or timedelta(0)


@lru_cache(maxsize=256)
def _changes(key: str, year: int) -> tuple[_Change, ...]:
    zone = ZoneInfo(key)
    found = []
    t = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    while t < end:
        nxt = t + timedelta(days=1)
        if _offset(zone, t) != _offset(zone, nxt):
            lo, hi = t, nxt  # offset(lo) == old, offset(hi) == new
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                lo, hi = (mid, hi) if _offset(zone, mid) == _offset(zone, lo) else (lo, mid)
            before, after = _offset(zone, lo), _offset(zone, hi)
            moment = hi.replace(microsecond=0)
            info = moment.astimezone(zone)
            local = (moment + before).replace(tzinfo=None)
            daylight = bool(info.dst())
            found.append(_Change(local, before, after, info.tzname() or key, daylight))
        t = nxt
    return tuple(found)


def _fmt_offset(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    sign = "+" if seconds >= 0 else "-"
    h, rest = divmod(abs(seconds), 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h:02d}{m:02d}" + (f"{s:02d}" if s else "")


def _fmt_local(at: datetime) -> str:
    return at.strftime("%Y%m%dT%H%M%S")


def _block(change: _Change, rrule: str | None) -> list[str]:
    kind = "DAYLIGHT" if change.daylight else "STANDARD"
    lines = [
        f"BEGIN:{kind}",
        f"TZOFFSETFROM:{_fmt_offset(change.before)}",
        f"TZOFFSETTO:{_fmt_offset(change.after)}",
        f"TZNAME:{change.name}",
        f"DTSTART:{_fmt_local(change.local)}",
    ]
    if rrule:
        lines.append(rrule)
    return [*lines, f"END:{kind}"]


def _rule_holds(key: str, first: _Change, index: int, year: int) -> bool:
    month, weekday, nth = first.rule
    for y in range(year + 1, year + _YEARS_CHECKED + 1):
        changes = _changes(key, y)
        if len(changes) != len(_changes(key, year)):
            return False
        c = changes[index]
        expected = nth_weekday(y, month, weekday, nth)
        if c.local.date() != expected or c.local.time() != first.local.time():
            return False
        if (c.before, c.after) != (first.before, first.after):
            return False
    return True


def vtimezone_lines(zone: ZoneInfo, *, from_year: int) -> list[str]:
    """The VTIMEZONE component (unfolded lines) valid from `from_year` onwards."""
    key = zone.key
    changes = _changes(key, from_year)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{key}"]
    if not changes:
        probe = datetime(from_year, 1, 1, tzinfo=UTC)
        offset = _offset(zone, probe)
        name = probe.astimezone(zone).tzname() or key
        fixed = _Change(datetime(1970, 1, 1), offset, offset, name, daylight=False)
        return [*lines, *_block(fixed, None), "END:VTIMEZONE"]
    if all(_rule_holds(key, c, i, from_year) for i, c in enumerate(changes)):
        for c in changes:
            month, weekday, nth = c.rule
            rrule = f"RRULE:FREQ=YEARLY;BYMONTH={month};BYDAY={nth}{_DAYS[weekday]}"
            lines += _block(c, rrule)
    else:
        for y in range(from_year, from_year + _YEARS_CHECKED + 1):
            for c in _changes(key, y):
                lines += _block(c, None)
    return [*lines, "END:VTIMEZONE"]
