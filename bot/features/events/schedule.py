"""Planning reminders: one durable timer per event, for its next reminder, rolled forward.

Each timer fires `LEAD` before its reminder is due and queues the message for the promised
minute. Its dedupe key names the event, the plan's generation and the moment, so scheduling
the same reminder twice makes one job, and a timer left from an older plan (the event was
edited, a date skipped, the group's offsets changed) can never fire: the generation moved on.
At start, `ensure_planned` puts back any timer that is missing (a job that failed, say); the
keys make that safe to run again and again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.events.recurrence import occurrences
from bot.features.events.reminders import Offset, QuietHours, parse_offset, reminder_times
from bot.features.events.store import TIMING_COLUMNS, Timing, series_of
from bot.scheduling.timers import Timers
from bot.services import Services
from config.settings import EventSettings
from storage.events_tables import EventGroupSettings, GroupEvent
from storage.models import Group, OutboxItem, ScheduledJob

log = logging.getLogger(__name__)

REMIND_JOB = "events.remind"
LOOKAHEAD = 8  # meetings to look through for the next reminder
# A reminder's timer fires this much early and queues the message with not_before set to the
# promised time, so even when every group's "day before at 6pm" falls due together, each one
# is ready to go out on the minute.
LEAD = timedelta(minutes=5)
_KEY_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Plan:
    """A group's reminder offsets and quiet hours, read and checked."""

    offsets: tuple[str, ...]
    quiet_hours: str
    parsed: tuple[Offset, ...]
    quiet: QuietHours | None

    @classmethod
    def of(cls, offsets: Iterable[str], quiet_hours: str) -> Plan:
        raw = tuple(offsets)
        quiet = QuietHours.parse(quiet_hours) if quiet_hours.strip() else None
        return cls(raw, quiet_hours.strip(), tuple(parse_offset(o) for o in raw), quiet)

    @property
    def longest_lead(self) -> timedelta:
        """No reminder comes earlier than this before its meeting (quiet hours included)."""
        leads = [o.before or timedelta(days=o.days_before + 1) for o in self.parsed]
        return max(leads, default=timedelta(0)) + timedelta(days=1)


def default_plan(settings: EventSettings) -> Plan:
    return Plan.of(settings.reminder_offsets, settings.quiet_hours)


async def plan_for(db: AsyncSession, group_id: int, settings: EventSettings) -> Plan:
    row = await db.get(EventGroupSettings, group_id)
    if row is None:
        return default_plan(settings)
    return Plan.of([str(o) for o in row.offsets], row.quiet_hours)


@dataclass(frozen=True, slots=True)
class Due:
    at: datetime  # when the reminder goes out (aware UTC)
    meeting: datetime  # the start it is about


def next_due(event: Timing, plan: Plan, after: datetime) -> Due | None:
    """The event's first reminder strictly after `after`, or None (no offsets, no meetings)."""
    if not plan.parsed:
        return None
    series = series_of(event)
    best: Due | None = None
    lead = plan.longest_lead
    for meeting in occurrences(
        (series.start, series.recurrence),
        after=after,
        limit=LOOKAHEAD,
        exceptions=series.skipped,
        zone=series.zone,
    ):
        if best is not None and meeting - lead > best.at:
            break  # every reminder for this meeting or later comes after the best one
        times = reminder_times(
            meeting, offsets=plan.parsed, quiet_hours=plan.quiet, zone=series.zone, now=after
        )
        if times and (best is None or times[0] < best.at):
            best = Due(times[0], meeting)
    return best


def job_key(event: Timing, due: Due) -> str:
    return f"{REMIND_JOB}:{event.id}:{event.generation}:{int(due.at.timestamp())}"


def job_payload(event: Timing, due: Due) -> dict[str, Any]:
    return {
        "event": event.id,
        "gen": event.generation,
        "at": due.at.isoformat(),
        "meeting": due.meeting.isoformat(),
    }


async def schedule_next(
    db: AsyncSession, timers: Timers, event: GroupEvent, plan: Plan, after: datetime
) -> Due | None:
    """Schedule the event's next reminder after `after` (once, however often this runs)."""
    due = next_due(event, plan, after)
    if due is None:
        event.reminder_key = None
        return None
    await _schedule(db, timers, event, due)
    return due


async def _schedule(db: AsyncSession, timers: Timers, event: GroupEvent, due: Due) -> None:
    key = job_key(event, due)
    await timers.schedule(db, REMIND_JOB, due.at - LEAD, job_payload(event, due), dedupe_key=key)
    event.reminder_key = key


async def withdraw_queued(db: AsyncSession, event_id: int, now: datetime) -> None:
    """Stop reminders already queued (ready to go on the minute) but not yet due to go."""
    prefixes = (f"events.reminder:{event_id}:%", f"events.going:{event_id}:%")
    await db.execute(
        update(OutboxItem)
        .where(
            or_(*(OutboxItem.dedupe_key.like(p) for p in prefixes)),
            OutboxItem.not_before > now,
        )
        .values(expires_at=now)
    )


async def replan(
    db: AsyncSession, timers: Timers, event: GroupEvent, plan: Plan, now: datetime
) -> Due | None:
    """After any change to an event or its group's plan: drop the old timer, plan afresh."""
    if event.reminder_key:
        await timers.cancel(db, event.reminder_key)
    await withdraw_queued(db, event.id, now)
    event.generation += 1
    event.reminder_key = None
    if event.cancelled_at is not None:
        return None
    return await schedule_next(db, timers, event, plan, now)


async def replan_group(
    db: AsyncSession, timers: Timers, events: Sequence[GroupEvent], plan: Plan, now: datetime
) -> None:
    for event in events:
        await replan(db, timers, event, plan, now)


async def ensure_planned(db: AsyncSession, services: Services) -> int:
    """At start: give every live event its next reminder if it has none. Returns how many."""
    assert services.timers is not None
    now = services.clock.now()
    settings = services.settings.events
    events = (
        await db.execute(
            select(*TIMING_COLUMNS)  # just the columns: far quicker than whole rows
            .join(Group, Group.id == GroupEvent.group_id)
            .where(
                Group.active.is_(True),
                GroupEvent.cancelled_at.is_(None),
                or_(GroupEvent.last_start.is_(None), GroupEvent.last_start > now),
            )
        )
    ).all()
    plans = {
        row.group_id: Plan.of([str(o) for o in row.offsets], row.quiet_hours)
        for row in (await db.scalars(select(EventGroupSettings))).all()
    }
    fallback = default_plan(settings)
    wanted: dict[str, tuple[int, Due]] = {}
    for timing in events:
        due = next_due(timing, plans.get(timing.group_id, fallback), now)
        if due is not None:
            wanted[job_key(timing, due)] = (timing.id, due)
    keys = list(wanted)
    known: dict[str, str] = {}
    for start in range(0, len(keys), _KEY_CHUNK):
        chunk = keys[start : start + _KEY_CHUNK]
        found = await db.execute(
            select(ScheduledJob.dedupe_key, ScheduledJob.status).where(
                ScheduledJob.dedupe_key.in_(chunk)
            )
        )
        known.update({key: status for key, status in found.all() if key is not None})
    added = 0
    for key in keys:
        status = known.get(key)
        if status in ("pending", "done"):
            continue  # waiting, or already sent (a timer fires a little before its reminder)
        event_id, due = wanted[key]
        stored = await db.get(GroupEvent, event_id)
        assert stored is not None
        if status is not None:  # it failed, so nothing was sent: try again under a new key
            stored.generation += 1
        await _schedule(db, services.timers, stored, due)
        added += 1
    if added:
        log.info("events: put back %d missing reminder timers", added)
    return added
