"""Reading how often an event repeats ("every other Wednesday") and when it stops ("10 times").

"every 2nd Tuesday" / "every second Tuesday" is read as the 2nd Tuesday of each month, the
usual UK meaning; `take_recurrence` says when it made that choice so the confirmation can
offer "every other Tuesday" instead. "for 6 weeks" ends the day before the same weekday six
weeks on, so a weekly event meets six times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from bot.features.events import scan
from bot.features.events.dates import DateSpec, add_months, month_end, resolve, spec_from
from bot.features.events.phrases import (
    PhraseProblem,
    format_day,
    month_of,
    number_of,
    ordinal_of,
    weekday_of,
    weekdays_in,
)
from bot.features.events.recurrence import Freq, Recurrence

_ORDINAL_WORDS = {"other": 2, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def take_recurrence(s: scan.Scanner) -> tuple[Recurrence | None, bool]:
    """The repeat rule, and whether "every 2nd <day>" was read as monthly."""
    if m := s.take(scan.MONTHLY_NTH):
        ordinal = m.group("ord") or m.group("ord2") or m.group("ord3")
        wd = weekday_of(m.group("wd") or m.group("wd2") or m.group("wd3"))
        second = bool(m.group("ord3")) and ordinal_of(ordinal) == 2
        return Recurrence(Freq.MONTHLY, weekdays=(wd,), week_of_month=ordinal_of(ordinal)), second
    if m := s.take(scan.MONTHLY_DATE):
        day = int(re.sub(r"\D", "", m.group("day") or m.group("day2")))
        if not 1 <= day <= 31:
            raise PhraseProblem("date_does_not_exist", said=s.said(m))
        return Recurrence(Freq.MONTHLY, month_day=day), False
    if m := s.take(scan.WEEKLY_INTERVAL):
        n = (m.group("n") or m.group("nw") or "").lower()
        every = 2 if m.group("fort") or m.group("days2") else _ORDINAL_WORDS.get(n) or number_of(n)
        days = weekdays_in(m.group("days") or m.group("days2") or "")
        return Recurrence(Freq.WEEKLY, interval=max(every, 1), weekdays=days), False
    if m := s.take(scan.WEEKDAY_RANGE):
        days = (0, 1, 2, 3, 4)
        if m.group("a"):
            a, b = weekday_of(m.group("a")), weekday_of(m.group("b"))
            days = tuple(sorted({(a + i) % 7 for i in range((b - a) % 7 + 1)}))
        return Recurrence(Freq.WEEKLY, weekdays=days), False
    if m := s.take(scan.WEEKLY):
        days = weekdays_in(m.group("days") or m.group("plural") or "")
        return Recurrence(Freq.WEEKLY, weekdays=days), False
    if m := s.take(scan.DAILY):
        n = (m.group("n") or "1").lower()
        return Recurrence(Freq.DAILY, interval=2 if n == "other" else max(number_of(n), 1)), False
    if s.take(scan.MONTHLY):
        return Recurrence(Freq.MONTHLY), False
    return None, False


@dataclass(frozen=True, slots=True)
class End:
    """When a series stops, as written: one of the four fields is set."""

    until: DateSpec | None = None
    month: tuple[int, int | None] | None = None  # (7, 2027) for "until July 2027"
    span: tuple[int, str] | None = None  # (6, "week") for "for 6 weeks"
    count: int | None = None

    @property
    def implies_weekly(self) -> bool:
        """'on 3 March for 6 weeks' or '... 6 times' reads as weekly from that date."""
        return self.count is not None or (self.span is not None and self.span[1] == "week")


def take_end(s: scan.Scanner) -> End | None:
    if m := s.take(scan.UNTIL):
        said = re.sub(r"^\S+\s+(?:the\s+)?", "", s.said(m))
        return End(until=spec_from(m, said))
    if m := s.take(scan.UNTIL_MONTH):
        return End(month=(month_of(m.group("me")), int(m.group("mey") or 0) or None))
    if m := s.take(scan.SPAN):
        n = 1 if m.group("n").lower() in ("a", "an") else number_of(m.group("n"))
        return End(span=(n, m.group("unit").lower().rstrip("s")))
    if m := s.take(scan.COUNT):
        return End(count=number_of(m.group("n")))
    return None


def last_date(end: End, first: date, today: date) -> date | None:
    """The inclusive last date for an `until`-style end (None for a count)."""
    if end.count is not None:
        return None
    if end.until is not None:
        until = resolve(end.until, today, on_or_after=first)
    elif end.month is not None:
        until = month_end(end.month[0], end.month[1], first)
    else:
        assert end.span is not None
        n, unit = end.span
        if unit in ("month", "year"):
            until = add_months(first, n * (12 if unit == "year" else 1)) - timedelta(days=1)
        else:
            days = {"week": 7, "fortnight": 14, "day": 1}[unit] * n
            until = first + timedelta(days=days - 1)
    if until < first:
        raise PhraseProblem("end_before_start", start=format_day(first), end=format_day(until))
    return until
