"""Reading `/event ...` written in plain words into an EventDraft, or a ParseProblem to explain.

Nothing is saved here: the handler shows the draft back in full and saves only on "yes".
Put the title first (in quotes if it contains a day or time, e.g. `"Tuesday Club" every
Tuesday at 7pm`), then when, then `at <place>` or a link, then practicalities after a comma.

"every 2nd Tuesday" (and "every second Tuesday") means the 2nd Tuesday of each month, the
usual UK reading; a note asks the confirmation to offer "every other Tuesday" instead. Clock
conventions (7 means 7pm, 03/04 is 3 April) are in `phrases.py`, date ones in `dates.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.features.events import scan
from bot.features.events.dates import resolve, spec_from
from bot.features.events.phrases import PhraseProblem, format_clock, format_day
from bot.features.events.recurrence import (
    Freq,
    Recurrence,
    all_occurrences,
    first_match,
    wall_to_utc,
)
from bot.features.events.repeats import End, last_date, take_end, take_recurrence
from bot.features.events.timing import read_duration, read_time, settle_time

DEFAULT_DURATION = timedelta(hours=2)
# Two years of a daily event: more than this is almost certainly a slip.
MAX_OCCURRENCES = 731


class ProblemKind(StrEnum):
    NO_TITLE = "no_title"
    NO_DATE = "no_date"
    NO_TIME = "no_time"
    DATE_DOES_NOT_EXIST = "date_does_not_exist"
    TIME_DOES_NOT_EXIST = "time_does_not_exist"
    WEEKDAY_MISMATCH = "weekday_mismatch"
    AMBIGUOUS_NEXT = "ambiguous_next"
    AMBIGUOUS_DATE = "ambiguous_date"
    CONFLICTING = "conflicting"
    IN_THE_PAST = "in_the_past"
    END_BEFORE_START = "end_before_start"
    NO_REPEAT = "no_repeat"
    BAD_DURATION = "bad_duration"
    TOO_MANY = "too_many"


class Note(StrEnum):
    """Things the confirmation should mention because we made a choice for the person."""

    NUMERIC_DATE = "numeric_date"  # 03/04 read as 3 April
    TIME_ASSUMED = "time_assumed"  # "7" read as 7pm, "at 8" as 8am
    SECOND_MEANS_MONTHLY = "second_means_monthly"  # "every 2nd Tuesday": monthly, not fortnightly
    SKIPS_SOME_MONTHS = "skips_some_months"  # the 31st, the 5th Tuesday
    CLOCK_CHANGE = "clock_change"  # the first start falls in the hour the clocks skip
    REPEAT_ASSUMED = "repeat_assumed"  # "on 3 March for 6 weeks" read as weekly
    NEXT_YEAR = "next_year"  # "3 March" said after 3 March this year: next year's


@dataclass(frozen=True, slots=True)
class ParseProblem:
    """Why the message couldn't become an event; `details` fill the message placeholders."""

    kind: ProblemKind
    details: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EventDraft:
    title: str
    start: datetime  # aware, in the group's zone: the first meeting
    duration: timedelta = DEFAULT_DURATION
    recurrence: Recurrence | None = None
    place: str | None = None
    link: str | None = None
    online: bool = False
    practicalities: str | None = None
    all_day: bool = False
    notes: frozenset[Note] = frozenset()

    @property
    def end(self) -> datetime:
        return self.start + self.duration


class _Stop(Exception):
    def __init__(self, kind: ProblemKind, **details: str) -> None:
        super().__init__(kind)
        self.problem = ParseProblem(kind, details)


def parse_event(
    text: str, *, now: datetime, zone: ZoneInfo, max_occurrences: int = MAX_OCCURRENCES
) -> EventDraft | ParseProblem:
    """Understand an event description, or say (as data) what is wrong with it."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    try:
        return _parse(_tidy(text), now, zone, max_occurrences)
    except PhraseProblem as problem:
        return ParseProblem(ProblemKind(problem.kind), problem.details)
    except _Stop as stop:
        return stop.problem


def _tidy(text: str) -> str:
    text = re.sub(r"^\s*[/!]event\w*(?:@\w+)?\b", "", text, flags=re.IGNORECASE)
    text = text.replace("–", "-").replace("—", "-").replace("’", "'").replace("\u00a0", " ")
    return re.sub(r"[ \t]+", " ", text).strip()


def _parse(text: str, now: datetime, zone: ZoneInfo, cap: int) -> EventDraft:
    s = scan.Scanner(text)
    notes: set[Note] = set()
    url = s.take(scan.URL)
    quoted = s.take(scan.QUOTED)
    rec, second = take_recurrence(s)
    if second:
        notes.add(Note.SECOND_MEANS_MONTHLY)
    end = take_end(s)
    anchor = s.take(scan.FROM)
    length = read_duration(s)
    clock = read_time(s)
    dates = _take_dates(s, anchor is None and rec is None)
    if anchor is not None:
        dates.insert(0, anchor)
    if len(dates) > 1:
        raise _Stop(ProblemKind.CONFLICTING, first=s.said(dates[0]), second=s.said(dates[1]))
    spec = spec_from(dates[0], _said_date(s.said(dates[0]))) if dates else None
    title, place, online, practicalities = scan.leftovers(s, quoted)
    if not title:
        raise _Stop(ProblemKind.NO_TITLE)

    today = now.astimezone(zone).date()
    day = resolve(spec, today) if spec is not None else None
    if rec is None and end is not None:
        rec = _repeat_from_end(end, day, notes)
    if rec is None and day is None:
        raise _Stop(ProblemKind.NO_DATE, title=title)
    if clock is None:
        raise _Stop(ProblemKind.NO_TIME, title=title)
    at, range_length, assumed = settle_time(clock, evening=spec is not None and spec.evening)
    if assumed:
        notes.add(Note.TIME_ASSUMED)
    duration = range_length or length or DEFAULT_DURATION
    if not timedelta(minutes=5) <= duration <= timedelta(hours=24):
        raise _Stop(ProblemKind.BAD_DURATION, said=clock.said)

    if rec is None:
        assert day is not None
        first = day
        if wall_to_utc(first, at, zone) <= now:
            raise _Stop(ProblemKind.IN_THE_PAST, date=format_day(first), time=format_clock(at))
    else:
        rec, first = _first_meeting(rec, day, today, at, now, zone, title)
        rec = _with_end(rec, end, first, today)
        _check_size(rec, first, at, zone, cap)
        if rec.freq is Freq.MONTHLY and ((rec.month_day or 0) > 28 or rec.week_of_month == 5):
            notes.add(Note.SKIPS_SOME_MONTHS)
    start = wall_to_utc(first, at, zone).astimezone(zone)
    if start.time() != at:
        notes.add(Note.CLOCK_CHANGE)
    if spec is not None and spec.numeric:
        notes.add(Note.NUMERIC_DATE)
    if spec is not None and spec.month and spec.year is None and first.year > today.year:
        notes.add(Note.NEXT_YEAR)
    return EventDraft(
        title=title,
        start=start,
        duration=duration,
        recurrence=rec,
        place=place,
        link=None if url is None else url.group(),
        online=online or url is not None,
        practicalities=practicalities,
        notes=frozenset(notes),
    )


def _said_date(said: str) -> str:
    """'on 31 February' -> '31 February', for use inside a sentence."""
    return re.sub(r"^(?:on|from|starting(?: on| from)?|beginning(?: on)?)\s+", "", said, flags=re.I)


def _take_dates(s: scan.Scanner, allow_bare_weekday: bool) -> list[re.Match[str]]:
    found = []
    while m := s.take(scan.DATE):
        found.append(m)
    lead = len(s.text) - len(s.text.lstrip(" \"'"))
    while allow_bare_weekday and (m := s.take(scan.BARE_WEEKDAY, lambda m: m.start() > lead)):
        found.append(m)
    return sorted(found, key=lambda m: m.start())


def _repeat_from_end(end: End, day: date | None, notes: set[Note]) -> Recurrence:
    if day is None or not end.implies_weekly:
        raise _Stop(ProblemKind.NO_REPEAT)
    notes.add(Note.REPEAT_ASSUMED)
    return Recurrence(Freq.WEEKLY, weekdays=(day.weekday(),))


def _first_meeting(
    rec: Recurrence,
    day: date | None,
    today: date,
    at: time,
    now: datetime,
    zone: ZoneInfo,
    title: str,
) -> tuple[Recurrence, date]:
    if day is not None and day < today:
        raise _Stop(ProblemKind.IN_THE_PAST, date=format_day(day), time=format_clock(at))
    needs_day = (rec.freq is Freq.WEEKLY and not rec.weekdays) or (
        rec.freq is Freq.MONTHLY and rec.month_day is None and rec.week_of_month is None
    )
    if needs_day:
        if day is None:
            raise _Stop(ProblemKind.NO_DATE, title=title)
        if rec.freq is Freq.WEEKLY:
            rec = replace(rec, weekdays=(day.weekday(),))
        else:
            rec = replace(rec, month_day=day.day)
    base = day or today
    first = first_match(rec, base)
    if first is not None and wall_to_utc(first, at, zone) <= now:
        first = first_match(rec, first + timedelta(days=1))
    if first is None:  # pragma: no cover - every rule we build matches some day
        raise _Stop(ProblemKind.DATE_DOES_NOT_EXIST, said=title)
    return rec, first


def _with_end(rec: Recurrence, end: End | None, first: date, today: date) -> Recurrence:
    if end is None:
        return rec
    if end.count is not None:
        return replace(rec, count=end.count)
    return replace(rec, until=last_date(end, first, today))


def _check_size(rec: Recurrence, first: date, at: time, zone: ZoneInfo, cap: int) -> None:
    if not rec.bounded:
        return
    too_many = (rec.count or 0) > cap or (
        rec.count is None
        and len(all_occurrences((wall_to_utc(first, at, zone), rec), cap=cap, zone=zone)) > cap
    )
    if too_many:
        raise _Stop(ProblemKind.TOO_MANY, limit=str(cap))


__all__ = ["EventDraft", "Note", "ParseProblem", "ProblemKind", "parse_event"]
