"""Events in storage: turning drafts and rows into each other, and finding them again.

A draft is held as a small JSON document (see `draft_to_data`) so that what the facilitator
saw in the confirmation is exactly what "Save" stores, however long they take to press it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.events import ChatKind, ChatRef
from bot.features.events.ics import CalendarEvent, stable_uid
from bot.features.events.parse import EventDraft, Note
from bot.features.events.recurrence import Freq, Recurrence, all_occurrences, occurrences
from storage.events_tables import GroupEvent
from storage.models import Group

MAX_MEETINGS = 10_000  # far more than the parser accepts; only a guard


def recurrence_to_data(rec: Recurrence | None) -> dict[str, Any] | None:
    if rec is None:
        return None
    return {
        "freq": rec.freq.value,
        "interval": rec.interval,
        "weekdays": list(rec.weekdays),
        "month_day": rec.month_day,
        "week_of_month": rec.week_of_month,
        "until": rec.until.isoformat() if rec.until else None,
        "count": rec.count,
    }


def recurrence_from_data(data: dict[str, Any] | None) -> Recurrence | None:
    if not data:
        return None
    until = data.get("until")
    return Recurrence(
        Freq(data["freq"]),
        interval=int(data.get("interval") or 1),
        weekdays=tuple(int(d) for d in data.get("weekdays") or ()),
        month_day=data.get("month_day"),
        week_of_month=data.get("week_of_month"),
        until=date.fromisoformat(until) if until else None,
        count=data.get("count"),
    )


def draft_to_data(draft: EventDraft) -> dict[str, Any]:
    return {
        "title": draft.title,
        "start": draft.start.astimezone(UTC).isoformat(),
        "minutes": int(draft.duration.total_seconds() // 60),
        "recurrence": recurrence_to_data(draft.recurrence),
        "place": draft.place,
        "link": draft.link,
        "online": draft.online,
        "practicalities": draft.practicalities,
        "notes": sorted(note.value for note in draft.notes),
    }


def draft_from_data(data: dict[str, Any], zone: ZoneInfo) -> EventDraft:
    return EventDraft(
        title=data["title"],
        start=datetime.fromisoformat(data["start"]).astimezone(zone),
        duration=timedelta(minutes=int(data["minutes"])),
        recurrence=recurrence_from_data(data.get("recurrence")),
        place=data.get("place"),
        link=data.get("link"),
        online=bool(data.get("online")),
        practicalities=data.get("practicalities"),
        notes=frozenset(Note(n) for n in data.get("notes") or ()),
    )


@dataclass(frozen=True, slots=True)
class Series:
    """What the pure event functions need from a stored event: its start, zone and repeat."""

    start: datetime
    recurrence: Recurrence | None
    zone: ZoneInfo
    skipped: frozenset[date]


class Timing(Protocol):
    """What planning needs of an event: a stored row, or just those columns of it."""

    @property
    def id(self) -> int: ...
    @property
    def zone(self) -> str: ...
    @property
    def starts_at(self) -> datetime: ...
    @property
    def recurrence(self) -> dict[str, Any] | None: ...
    @property
    def skipped(self) -> list[Any]: ...
    @property
    def generation(self) -> int: ...


TIMING_COLUMNS = (
    GroupEvent.id,
    GroupEvent.group_id,
    GroupEvent.zone,
    GroupEvent.starts_at,
    GroupEvent.recurrence,
    GroupEvent.skipped,
    GroupEvent.generation,
)


def series_of(event: Timing) -> Series:
    zone = ZoneInfo(event.zone)
    return Series(
        start=event.starts_at.astimezone(zone),
        recurrence=recurrence_from_data(event.recurrence),
        zone=zone,
        skipped=frozenset(date.fromisoformat(d) for d in event.skipped),
    )


def upcoming(event: GroupEvent, after: datetime, limit: int = 1) -> list[datetime]:
    """The event's next starts (aware UTC) strictly after `after`, skipped dates left out."""
    series = series_of(event)
    return occurrences(
        (series.start, series.recurrence),
        after=after,
        limit=limit,
        exceptions=series.skipped,
        zone=series.zone,
    )


def meeting_on(event: GroupEvent, day: date) -> datetime | None:
    """The start of the meeting on this local date, if the event meets that day."""
    series = series_of(event)
    wall_start = datetime.combine(day, datetime.min.time(), tzinfo=series.zone)
    for start in occurrences(
        (series.start, series.recurrence),
        after=wall_start - timedelta(seconds=1),
        limit=1,
        zone=series.zone,
    ):
        if start.astimezone(series.zone).date() == day:
            return start
    return None


def apply_draft(event: GroupEvent, draft: EventDraft) -> None:
    """Copy what the facilitator confirmed onto the stored event."""
    event.title = draft.title[:200]
    event.starts_at = draft.start.astimezone(UTC)
    event.duration_minutes = int(draft.duration.total_seconds() // 60)
    event.recurrence = recurrence_to_data(draft.recurrence)
    event.place = draft.place[:300] if draft.place else None
    event.link = draft.link[:500] if draft.link else None
    event.online = draft.online
    event.practicalities = draft.practicalities[:500] if draft.practicalities else None
    refresh_last_start(event)


def refresh_last_start(event: GroupEvent) -> None:
    """Keep `last_start` right (after a change or a skipped date): None while open-ended."""
    series = series_of(event)
    rec = series.recurrence
    if rec is not None and not rec.bounded:
        event.last_start = None
        return
    every = all_occurrences(
        (series.start, rec), cap=MAX_MEETINGS, exceptions=series.skipped, zone=series.zone
    )
    event.last_start = every[-1] if every else event.starts_at


def calendar_event(event: GroupEvent) -> CalendarEvent:
    series = series_of(event)
    return CalendarEvent(
        uid=stable_uid(event.id),
        title=event.title,
        start=series.start,
        duration=timedelta(minutes=event.duration_minutes),
        recurrence=series.recurrence,
        exceptions=series.skipped,
        place=event.place,
        link=event.link,
        description=event.practicalities,
        sequence=event.sequence,
    )


def group_chat(group: Group) -> ChatRef:
    return ChatRef(
        platform=group.platform, id=group.chat_id, kind=ChatKind.GROUP, title=group.title
    )


async def event_numbered(db: AsyncSession, group_id: int, number: int) -> GroupEvent | None:
    return await db.scalar(
        select(GroupEvent).where(GroupEvent.group_id == group_id, GroupEvent.number == number)
    )


async def next_number(db: AsyncSession, group_id: int) -> int:
    """Numbers are never reused in a group, so an old "event 2" never means a new one."""
    highest = await db.scalar(
        select(func.max(GroupEvent.number)).where(GroupEvent.group_id == group_id)
    )
    return int(highest or 0) + 1


async def active_events(db: AsyncSession, group_id: int) -> list[GroupEvent]:
    rows = await db.scalars(
        select(GroupEvent)
        .where(GroupEvent.group_id == group_id, GroupEvent.cancelled_at.is_(None))
        .order_by(GroupEvent.number)
    )
    return list(rows.all())
