"""Turning a date phrase into a calendar date, or into the reason it can't be one.

Conventions (each one is visible in the confirmation, where the date is spelled out):

- A date without a year is the next one: today or later this year, else next year.
- "next Tuesday" is the first Tuesday after today; said on a Tuesday it could mean a week or
  a fortnight away, so we ask. "Tuesday" / "on Tuesday" said on a Tuesday could mean today or
  next week: we ask that too. "this Tuesday" said on a Tuesday is today.
- "3/13" can't be day/month, so it was probably written US-style: we ask rather than guess.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from bot.features.events.phrases import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    PhraseProblem,
    day_number,
    format_day,
    month_of,
    weekday_of,
)


@dataclass(frozen=True, slots=True)
class DateSpec:
    """A date as written, before we know which year or week it means."""

    said: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    mode: str | None = None  # "today", "tomorrow", "next", "this", "on", "nth" (the 10th)
    numeric: bool = False
    evening: bool = False


def spec_from(m: re.Match[str], said: str) -> DateSpec:
    """Read a match of `scan.DATE` (or its relatives) into a DateSpec."""
    g = m.groupdict()
    part = (g.get("part") or "").lower()
    evening = part in ("evening", "night", "afternoon")
    if g.get("da") or g.get("db"):
        wd = g.get("wa") or g.get("wb")
        return DateSpec(
            said,
            day=day_number(g.get("da") or g.get("db") or ""),
            month=month_of(g.get("ma") or g.get("mb") or ""),
            year=int(g.get("ya") or g.get("yb") or 0) or None,
            weekday=None if wd is None else weekday_of(wd),
        )
    for d, mo, y in (("id", "im", "iy"), ("nd", "nm", "ny"), ("pd", "pm", "py")):
        if g.get(d):
            year = int(g.get(y) or 0)
            year = year + 2000 if 0 < year < 100 else year
            numeric = d != "id"
            return DateSpec(said, int(g[d]), int(g[mo]), year or None, numeric=numeric)
    if g.get("rel"):
        rel = g["rel"].lower()
        mode = "tomorrow" if rel == "tomorrow" else "today"
        return DateSpec(said, mode=mode, evening=evening or rel == "tonight")
    if g.get("dn"):
        return DateSpec(said, day=int(g["dn"]), mode="nth")
    wd = g.get("wc") or g.get("wd") or ""
    mode = (g.get("mode") or "on").lower()
    mode = "this" if mode == "coming" else mode
    return DateSpec(said, weekday=weekday_of(wd), mode=mode, evening=evening)


def _exists(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _next_dated(day: int, month: int, on_or_after: date) -> date | None:
    for year in range(on_or_after.year, on_or_after.year + 9):
        if _exists(year, month, day) and date(year, month, day) >= on_or_after:
            return date(year, month, day)
    return None


def resolve(spec: DateSpec, today: date, *, on_or_after: date | None = None) -> date:
    """The date meant, counting from `today` (or from `on_or_after` for yearless end dates)."""
    ref = on_or_after or today
    if spec.mode in ("today", "tomorrow"):
        return today + timedelta(days=1 if spec.mode == "tomorrow" else 0)
    if spec.mode == "nth":
        return _nth_of_month(spec, today)
    if spec.weekday is not None and spec.day is None:
        return _weekday(spec, today)
    day, month = spec.day or 0, spec.month or 0
    if spec.numeric and month > 12:
        if 1 <= day <= 12 and month <= 31:
            raise PhraseProblem("ambiguous_date", said=spec.said, suggestion=_dm(month, day))
        raise PhraseProblem("date_does_not_exist", said=spec.said)
    if spec.year is not None:
        if not _exists(spec.year, month, day):
            raise PhraseProblem("date_does_not_exist", said=spec.said)
        found: date | None = date(spec.year, month, day)
    else:
        found = _next_dated(day, month, ref)
        if found is None:
            raise PhraseProblem("date_does_not_exist", said=spec.said)
    assert found is not None
    if spec.weekday is not None and spec.weekday != found.weekday():
        raise PhraseProblem(
            "weekday_mismatch",
            said=spec.said,
            weekday=WEEKDAY_NAMES[spec.weekday],
            date=format_day(found),
        )
    return found


def _dm(day: int, month: int) -> str:
    return f"{day} {MONTH_NAMES[month - 1]}"


def _weekday(spec: DateSpec, today: date) -> date:
    wd = spec.weekday or 0
    ahead = (wd - today.weekday()) % 7
    if ahead or spec.mode == "this":
        return today + timedelta(days=ahead)
    # Said on the same weekday: "next Tuesday" is 7 or 14 days away; "Tuesday" is 0 or 7.
    first = today + timedelta(days=7 if spec.mode == "next" else 0)
    raise PhraseProblem(
        "ambiguous_next",
        said=spec.said,
        weekday=WEEKDAY_NAMES[wd],
        first=format_day(first),
        second=format_day(first + timedelta(days=7)),
    )


def _nth_of_month(spec: DateSpec, today: date) -> date:
    day = spec.day or 0
    if not 1 <= day <= 31:
        raise PhraseProblem("date_does_not_exist", said=spec.said)
    year, month = today.year, today.month
    for _ in range(13):
        if _exists(year, month, day) and date(year, month, day) >= today:
            return date(year, month, day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise PhraseProblem("date_does_not_exist", said=spec.said)  # pragma: no cover


def month_end(month: int, year: int | None, on_or_after: date) -> date:
    """The last day of a month named as an end ("until July", "until July 2027")."""
    if year is None:
        year = on_or_after.year
        if date(year, month, calendar.monthrange(year, month)[1]) < on_or_after:
            year += 1
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day if it is shorter."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))
