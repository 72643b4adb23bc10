"""Putting an event into words: the confirmation, repeat rules, reminder times and details.

Every sentence comes from config/messages/events.toml; this module only fills them in, so
the same event reads the same way in the confirmation, the list and the reminders.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.features.events.parse import EventDraft, Note
from bot.features.events.phrases import WEEKDAY_NAMES, format_clock, format_day
from bot.features.events.recurrence import Freq, Recurrence, occurrences
from bot.features.events.reminders import Offset, parse_offset
from bot.features.events.texts import EventTexts, RepeatTexts


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def problem_text(t: EventTexts, kind: str, details: dict[str, str]) -> str:
    """The kind words for a parser problem, with its details filled in."""
    return t.problems[kind].format_map(_Blank(details))


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st, 31st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def joined(words: Sequence[str], and_word: str) -> str:
    """'Tuesday', 'Tuesday and Thursday', 'Monday, Wednesday and Friday'."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {and_word} {words[-1]}"


def repeat_words(rec: Recurrence, first: date, t: RepeatTexts) -> str:
    """'every Tuesday', 'on the last Friday of every month', '..., until Tuesday 31 March 2026'."""
    n = rec.interval
    if rec.freq is Freq.DAILY:
        words = t.daily if n == 1 else t.every_n_days.format(n=n)
    elif rec.freq is Freq.WEEKLY:
        days = joined(
            [WEEKDAY_NAMES[d] for d in sorted(rec.weekdays or (first.weekday(),))], t.list_and
        )
        if n == 1:
            words = t.weekly.format(days=days)
        elif n == 2:
            words = t.every_other_week.format(days=days)
        else:
            words = t.every_n_weeks.format(n=n, days=days)
    else:
        months = t.every_month if n == 1 else t.every_n_months.format(n=n)
        if rec.week_of_month == -1:
            words = t.monthly_last.format(day=WEEKDAY_NAMES[rec.weekdays[0]], months=months)
        elif rec.week_of_month is not None:
            day = WEEKDAY_NAMES[rec.weekdays[0]]
            words = t.monthly_weekday.format(nth=ordinal(rec.week_of_month), day=day, months=months)
        else:
            words = t.monthly_day.format(nth=ordinal(rec.month_day or first.day), months=months)
    if rec.until is not None:
        return t.until.format(repeat=words, date=format_day(rec.until))
    if rec.count is not None:
        return t.count.format(repeat=words, count=rec.count)
    return words


def time_words(start: datetime, duration: timedelta, zone: ZoneInfo, t: EventTexts) -> str:
    local = start.astimezone(zone)
    end = (start + duration).astimezone(zone)
    return t.time_range.format(start=format_clock(local.time()), end=format_clock(end.time()))


def moment(start: datetime, zone: ZoneInfo) -> str:
    """'Tuesday 13 January 2026 at 10:30am'."""
    local = start.astimezone(zone)
    return f"{format_day(local.date())} at {format_clock(local.time())}"


def detail_lines(
    t: EventTexts, place: str | None, link: str | None, online: bool, practicalities: str | None
) -> list[str]:
    """Where, the link and practicalities: the private part of an event."""
    lines = []
    if place:
        lines.append(t.where.format(place=place))
    if link:
        lines.append(t.online_link.format(link=link))
    elif online and not place:
        lines.append(t.online)
    if practicalities:
        lines.append(t.good_to_know.format(text=practicalities))
    return lines


def note_lines(draft: EventDraft, zone: ZoneInfo, t: EventTexts) -> list[str]:
    rec = draft.recurrence
    weekday = WEEKDAY_NAMES[rec.weekdays[0]] if rec is not None and rec.weekdays else ""
    clock = format_clock(draft.start.astimezone(zone).time())
    found = []
    for note in Note:  # a fixed order, so the confirmation reads the same every time
        if note in draft.notes:
            found.append("_" + t.notes[note.value].format(weekday=weekday, time=clock) + "_")
    return found


def confirmation(
    draft: EventDraft,
    *,
    now: datetime,
    zone: ZoneInfo,
    t: EventTexts,
    rt: RepeatTexts,
    editing: int | None = None,
    skipped: frozenset[date] = frozenset(),
) -> str:
    """What carebot understood, in full, before anything is saved."""
    start = draft.start.astimezone(zone)
    clock = time_words(draft.start, draft.duration, zone, t)
    lines = [t.confirm_header, f"*{draft.title}*"]
    if draft.recurrence is None:
        lines.append(t.when_once.format(date=format_day(start.date()), time=clock))
    else:
        repeat = repeat_words(draft.recurrence, start.date(), rt)
        lines.append(t.when_series.format(time=clock, repeat=repeat))
        lines.append(t.first_dates)
        first_three = occurrences(draft, after=now, limit=3, exceptions=skipped, zone=zone)
        lines += [f"- {format_day(s.astimezone(zone).date())}" for s in first_three]
    lines += detail_lines(t, draft.place, draft.link, draft.online, draft.practicalities)
    lines += note_lines(draft, zone, t)
    if editing is None:
        lines.append(t.confirm_footer)
    else:
        lines.append(t.confirm_footer_edit.format(number=editing))
    return "\n".join(lines)


def length_words(length: timedelta, t: RepeatTexts) -> str:
    minutes = int(length.total_seconds() // 60)
    for size, one, many in ((10080, t.a_week, t.weeks), (1440, t.a_day, t.days)):
        if minutes % size == 0:
            count = minutes // size
            return one if count == 1 else many.format(n=count)
    if minutes % 60 == 0:
        return t.an_hour if minutes == 60 else t.hours.format(n=minutes // 60)
    return t.minutes.format(n=minutes)


def offset_words(offset: str | Offset, t: RepeatTexts) -> str:
    """'the day before at 6pm', 'an hour before'."""
    parsed = parse_offset(offset) if isinstance(offset, str) else offset
    if parsed.before is not None:
        return t.before.format(length=length_words(parsed.before, t))
    at = format_clock(parsed.at or time(0))
    if parsed.days_before == 0:
        return t.same_day_at.format(time=at)
    if parsed.days_before == 1:
        return t.day_before_at.format(time=at)
    return t.days_before_at.format(n=parsed.days_before, time=at)


def offsets_words(offsets: Sequence[str], t: RepeatTexts) -> str:
    return joined([offset_words(o, t) for o in offsets], t.list_and)
