"""iCalendar (.ics) text for one event or a whole group, so carers can add meetings to their phone.

RFC 5545 details that matter to real calendar apps: CRLF line endings, lines folded at 75
octets (never inside a UTF-8 character), TEXT escaping, a UID that stays the same every time
the file is made (so re-importing updates rather than duplicates), local times with a TZID
and a matching VTIMEZONE (so 10:30 stays 10:30 after the clocks change), RRULE for the
repeat and EXDATE for skipped dates. A count with skipped dates is written as UNTIL the last
real meeting, because carebot's count means meetings held (see `recurrence.py`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.features.events.parse import EventDraft
from bot.features.events.recurrence import Freq, Recurrence, all_occurrences, wall_to_utc
from bot.features.events.vtimezone import vtimezone_lines

PRODID = "-//carebot//group events//EN"
_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Enough to turn any count we accept into an UNTIL.
_COUNT_CAP = 10_000


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """What a calendar needs to know about one event (one-off or series)."""

    uid: str
    title: str
    start: datetime  # aware; the first meeting
    duration: timedelta
    recurrence: Recurrence | None = None
    exceptions: frozenset[date] = frozenset()
    place: str | None = None
    link: str | None = None
    description: str | None = None
    sequence: int = 0

    @classmethod
    def from_draft(
        cls, draft: EventDraft, *, uid: str, exceptions: frozenset[date] = frozenset()
    ) -> CalendarEvent:
        return cls(
            uid=uid,
            title=draft.title,
            start=draft.start,
            duration=draft.duration,
            recurrence=draft.recurrence,
            exceptions=exceptions,
            place=draft.place,
            link=draft.link,
            description=draft.practicalities,
        )


def stable_uid(event_id: str | int, domain: str = "carebot.invalid") -> str:
    """A UID that depends only on our event id, so every export of the event matches."""
    return f"event-{event_id}@{domain}"


def escape_text(value: str) -> str:
    """RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Fold one content line at 75 octets, continuing with a space, keeping UTF-8 whole."""
    raw = line.encode("utf-8")
    parts: list[bytes] = []
    limit = 75
    while len(raw) > limit:
        cut = limit
        while cut > 0 and (raw[cut] & 0xC0) == 0x80:  # don't split inside a character
            cut -= 1
        parts.append(raw[:cut])
        raw = raw[cut:]
        limit = 74  # continuation lines start with a space
    parts.append(raw)
    return "\r\n ".join(p.decode("utf-8") for p in parts)


def _utc(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(at: datetime, zone: ZoneInfo) -> str:
    return at.astimezone(zone).strftime("%Y%m%dT%H%M%S")


def rrule(event: CalendarEvent, zone: ZoneInfo) -> str | None:
    """The RRULE value for the event's recurrence (None for a one-off)."""
    rec = event.recurrence
    if rec is None:
        return None
    parts = [f"FREQ={rec.freq.value.upper()}"]
    if rec.interval > 1:
        parts.append(f"INTERVAL={rec.interval}")
    first = event.start.astimezone(zone).date()
    if rec.freq is Freq.WEEKLY:
        days = rec.weekdays or (first.weekday(),)
        parts.append("BYDAY=" + ",".join(_DAYS[d] for d in sorted(set(days))))
        parts.append("WKST=MO")
    elif rec.freq is Freq.MONTHLY:
        if rec.week_of_month is not None:
            parts.append(f"BYDAY={rec.week_of_month}{_DAYS[rec.weekdays[0]]}")
        else:
            parts.append(f"BYMONTHDAY={rec.month_day or first.day}")
    if rec.count is not None and not event.exceptions:
        parts.append(f"COUNT={rec.count}")
    elif rec.count is not None:
        every = all_occurrences(
            (event.start, rec), cap=_COUNT_CAP, exceptions=event.exceptions, zone=zone
        )
        parts.append(f"UNTIL={_utc(every[-1])}")
    elif rec.until is not None:
        parts.append(f"UNTIL={_utc(wall_to_utc(rec.until, time(23, 59, 59), zone))}")
    return ";".join(parts)


def _vevent(event: CalendarEvent, zone: ZoneInfo, dtstamp: datetime) -> list[str]:
    tzid = f";TZID={zone.key}"
    end = event.start.astimezone(UTC) + event.duration
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{_utc(dtstamp)}",
        f"DTSTART{tzid}:{_local(event.start, zone)}",
        f"DTEND{tzid}:{_local(end, zone)}",
        f"SUMMARY:{escape_text(event.title)}",
    ]
    if event.sequence:
        lines.append(f"SEQUENCE:{event.sequence}")
    if rule := rrule(event, zone):
        lines.append(f"RRULE:{rule}")
        if event.exceptions:
            wall = event.start.astimezone(zone).time().replace(tzinfo=None)
            values = ",".join(
                datetime.combine(d, wall).strftime("%Y%m%dT%H%M%S")
                for d in sorted(event.exceptions)
            )
            lines.append(f"EXDATE{tzid}:{values}")
    if event.place:
        lines.append(f"LOCATION:{escape_text(event.place)}")
    if event.link:
        lines.append(f"URL:{event.link}")
    notes = [n for n in (event.description, event.link) if n]
    if notes:
        lines.append(f"DESCRIPTION:{escape_text(chr(10).join(notes))}")
    return [*lines, "END:VEVENT"]


def _calendar(
    events: list[CalendarEvent], zone: ZoneInfo, dtstamp: datetime, name: str | None
) -> str:
    if dtstamp.tzinfo is None:
        raise ValueError("dtstamp must be timezone-aware")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    lines.append("METHOD:PUBLISH")
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    lines.append(f"X-WR-TIMEZONE:{zone.key}")
    if events:
        from_year = min(e.start.astimezone(zone).year for e in events)
        # From the year before, so the first event is covered by an observance that started earlier.
        lines += vtimezone_lines(zone, from_year=from_year - 1)
    for event in events:
        lines += _vevent(event, zone, dtstamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def event_ics(event: CalendarEvent, *, zone: ZoneInfo, dtstamp: datetime) -> str:
    """A calendar file holding one event (or series). `dtstamp` is when the file is made."""
    return _calendar([event], zone, dtstamp, None)


def group_ics(
    events: Iterable[CalendarEvent], *, zone: ZoneInfo, dtstamp: datetime, name: str
) -> str:
    """A calendar file with all of a group's events, named after the group."""
    return _calendar(sorted(events, key=lambda e: (e.start, e.uid)), zone, dtstamp, name)
