"""Sending a reminder when its timer fires, then scheduling the event's next one.

The group gets the reminder with Going / Maybe / Can't make it buttons and only the counts so
far (each reminder carries the latest counts, so answering never adds messages to the group).
People who said Going get it privately too, with the place and practicalities, so the address
need not be repeated in the group.

Timers fire a few minutes early (schedule.LEAD) and the messages wait in the outbox for the
promised minute, so a burst of reminders all due at 6pm still goes out at 6pm.

After a restart a late timer fires once: it is sent if it is still useful (within the grace
period in settings, before the meeting starts, and not overtaken by a later reminder that is
also due), otherwise it is skipped. Either way the next reminder is scheduled. A queued
reminder also expires at the end of the grace period, should delivery be held up.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.events import Button, ChatKind, ChatRef
from bot.features.events.describe import detail_lines
from bot.features.events.phrases import format_clock, format_day
from bot.features.events.schedule import (
    REMIND_JOB,
    Due,
    Plan,
    default_plan,
    next_due,
    schedule_next,
)
from bot.features.events.store import group_chat
from bot.features.events.texts import EventTexts, ReminderTexts
from bot.router import JobContext, Router, button_data
from storage.events_tables import EventGroupSettings, EventRsvp, GroupEvent
from storage.models import Account, Group

log = logging.getLogger(__name__)

ANSWER_CODES = {"g": "going", "m": "maybe", "n": "no"}
REMINDER_KIND = "event_reminder"

router = Router("event_reminders")


def when_words(meeting: datetime, now: datetime, zone: ZoneInfo, t: ReminderTexts) -> str:
    """'today at 10:30am', 'tomorrow, Tuesday 13 January 2026, at 10:30am', 'on ...'."""
    local, today = meeting.astimezone(zone), now.astimezone(zone).date()
    clock, day = format_clock(local.time()), format_day(local.date())
    if local.date() == today:
        return t.when_today.format(time=clock)
    if local.date() == today + timedelta(days=1):
        return t.when_tomorrow.format(date=day, time=clock)
    return t.when_later.format(date=day, time=clock)


def rsvp_buttons(event: GroupEvent, day: date, t: ReminderTexts) -> list[Button]:
    labels = {"g": t.going_button, "m": t.maybe_button, "n": t.no_button}
    stamp = day.strftime("%Y%m%d")
    buttons = [
        Button(label, button_data("rsvp", f"{event.id}.{stamp}.{code}"))
        for code, label in labels.items()
    ]
    return [*buttons, calendar_button(event, t)]


def calendar_button(event: GroupEvent, t: ReminderTexts) -> Button:
    return Button(t.calendar_button, button_data("evcal", str(event.id)))


def counts_line(answers: Sequence[tuple[str, int]], t: ReminderTexts) -> str:
    if not answers:
        return t.counts_none
    counts = {"going": 0, "maybe": 0, "no": 0}
    for said, _ in answers:
        counts[said] = counts.get(said, 0) + 1
    return t.counts.format(**counts)


async def private_chats(db: AsyncSession, person_ids: list[int], platform: str) -> list[ChatRef]:
    """One private chat per person, on the group's platform when they have an account there."""
    if not person_ids:
        return []
    rows = await db.execute(
        select(Account.person_id, Account.platform, Account.external_id)
        .where(Account.person_id.in_(person_ids))
        .order_by(Account.id)
    )
    chosen: dict[int, tuple[str, str]] = {}
    for person_id, on, external_id in rows.all():
        if person_id not in chosen or (on == platform and chosen[person_id][0] != platform):
            chosen[person_id] = (on, external_id)
    return [ChatRef(platform=p, id=i, kind=ChatKind.DM) for p, i in chosen.values()]


async def send_reminder(job: JobContext, event: GroupEvent, group: Group, due: Due) -> None:
    """Queue the group reminder and the private ones for everyone going."""
    db, services = job.db, job.services
    assert job.outbox is not None
    t = services.texts.get(ReminderTexts)
    zone = ZoneInfo(event.zone)
    grace = timedelta(minutes=services.settings.events.missed_grace_minutes)
    expires = min(due.meeting, due.at + grace)
    day = due.meeting.astimezone(zone).date()
    when = when_words(due.meeting, due.at, zone, t)  # as of when it goes out
    await db.execute(delete(EventRsvp).where(EventRsvp.event_id == event.id, EventRsvp.day < day))
    answers = [
        (said, person_id)
        for said, person_id in (
            await db.execute(
                select(EventRsvp.answer, EventRsvp.person_id).where(
                    EventRsvp.event_id == event.id, EventRsvp.day == day
                )
            )
        ).all()
    ]
    lines = [t.group_reminder.format(title=event.title, when=when)]
    if event.place and not event.online:
        lines.append(t.place_private)
    elif event.link:
        lines.append(t.link_private)
    lines.append(counts_line(answers, t))
    key = f"{event.id}:{event.generation}:{day.isoformat()}:{int(due.at.timestamp())}"
    chat = group_chat(group)
    await job.outbox.enqueue(
        db,
        kind=REMINDER_KIND,
        text="\n".join(lines),
        chats=[chat],
        buttons=rsvp_buttons(event, day, t),
        not_before=due.at,
        expires_at=expires,
        dedupe_key=f"events.reminder:{key}",
    )
    going = sorted(person_id for said, person_id in answers if said == "going")
    chats = await private_chats(db, going, group.platform)
    if chats:
        details = detail_lines(
            services.texts.get(EventTexts),
            event.place,
            event.link,
            event.online,
            event.practicalities,
        )
        await job.outbox.enqueue(
            db,
            kind=REMINDER_KIND,
            text="\n".join([t.private_reminder.format(title=event.title, when=when), *details]),
            chats=chats,
            buttons=[calendar_button(event, t)],
            not_before=due.at,
            expires_at=expires,
            dedupe_key=f"events.going:{key}",
            fallback=chat,
        )


def _plan_of(row: EventGroupSettings | None, job: JobContext) -> Plan:
    if row is None:
        return default_plan(job.services.settings.events)
    return Plan.of([str(o) for o in row.offsets], row.quiet_hours)


@router.job(REMIND_JOB)
async def remind(job: JobContext, payload: dict[str, Any]) -> None:
    db, services = job.db, job.services
    assert services.timers is not None
    found = (
        await db.execute(
            select(GroupEvent, Group, EventGroupSettings)
            .join(Group, Group.id == GroupEvent.group_id)
            .outerjoin(EventGroupSettings, EventGroupSettings.group_id == Group.id)
            .where(GroupEvent.id == int(payload["event"]))
        )
    ).first()
    if found is None:
        return
    event, group, settings_row = found
    if event.cancelled_at is not None or event.generation != payload["gen"] or not group.active:
        return  # cancelled or re-planned since: a newer timer (if any) has taken over
    now = services.clock.now()
    due = Due(datetime.fromisoformat(payload["at"]), datetime.fromisoformat(payload["meeting"]))
    plan = _plan_of(settings_row, job)
    following = next_due(event, plan, due.at)
    grace = timedelta(minutes=services.settings.events.missed_grace_minutes)
    if next_due(event, plan, due.at - timedelta(seconds=1)) != due:
        log.info("event %s: reminder no longer in the plan, not sent", event.id)
    elif now >= due.meeting or now - due.at > grace:
        log.info("event %s: reminder missed while down and no longer useful, skipped", event.id)
    elif following is not None and following.at <= now:
        log.info("event %s: a later reminder is also due, so this one is skipped", event.id)
    else:
        await send_reminder(job, event, group, due)
    await schedule_next(db, services.timers, event, plan, due.at)
