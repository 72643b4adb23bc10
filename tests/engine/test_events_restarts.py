"""Reminders survive restarts: a missed one is sent once if still useful, else skipped; never twice.

"Support group" meets every Tuesday at 10:30; reminders are due on Monday at 6pm and Tuesday
at 9:30am, and a reminder may be up to two hours late (settings: missed_grace_minutes).
Each week carebot is "down" over a reminder: the clock moves past it before anything runs.
"""

from __future__ import annotations

from datetime import datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import update

from bot.features.events.remind import remind
from bot.features.events.schedule import (
    job_key,
    job_payload,
    next_due,
    plan_for,
    schedule_next,
)
from bot.roles import Role
from bot.router import JobContext
from storage.events_tables import GroupEvent
from storage.models import ScheduledJob
from tests.engine.events_support import Postbox, london, reminder_jobs, restarted, save_event
from tests.engine.helpers import count
from tests.support.harness import Harness

WEEKLY = "Support group every Tuesday at 10:30 at Riverside Community Centre"


async def back_up_at(h: Harness, post: Postbox, moment: datetime) -> list[str]:
    """carebot comes back at `moment`: a fresh app, its start-up, timers rebuilt, due jobs run.

    Returns the first line of each reminder the group was sent.
    """
    h.clock.set(moment)
    again = restarted(h)
    await again.app.started()
    timers = again.app.services.timers
    assert timers is not None
    scheduler = AsyncIOScheduler(timezone="UTC")  # never started: only mirrored
    assert await timers.start(scheduler) >= 1
    await timers.run_due()
    await timers.run_due()  # a second pass finds nothing more to send
    found = [m for m in await post.new() if m.kind == "event_reminder"]
    return [m.text.splitlines()[0] for m in found]


async def test_missed_reminders_fire_once_if_still_useful_and_never_twice(
    harness: Harness,
) -> None:
    h = harness
    group = await h.group("Tuesday")
    fran = await h.person("Fran", Role.FACILITATOR)
    await save_event(h, WEEKLY, as_=fran, in_=group)
    post = Postbox(h)

    # Week 1: down from 5pm to 9pm on Monday. The 6pm reminder is three hours late: skipped.
    assert await back_up_at(h, post, london(2026, 1, 5, 21, 0)) == []
    assert await reminder_jobs(h) == [london(2026, 1, 6, 9, 30)]
    assert await back_up_at(h, post, london(2026, 1, 6, 9, 30)) == [
        "Reminder: *Support group* is today at 10:30am."
    ]

    # Week 2: down from Monday 5pm until Tuesday 9:45am. Monday's is long gone; Tuesday's is
    # a quarter of an hour late and still useful: sent, once.
    assert await back_up_at(h, post, london(2026, 1, 13, 9, 45)) == [
        "Reminder: *Support group* is today at 10:30am."
    ]
    assert await back_up_at(h, post, london(2026, 1, 13, 9, 50)) == []

    # Week 3: back only after the meeting began: nothing is sent, and the week after is planned.
    assert await back_up_at(h, post, london(2026, 1, 20, 10, 45)) == []
    assert await reminder_jobs(h) == [london(2026, 1, 26, 18, 0)]

    # Week 4: half an hour late on Monday evening: sent once, however often carebot restarts.
    assert await back_up_at(h, post, london(2026, 1, 26, 18, 30)) == [
        "Reminder: *Support group* is tomorrow, Tuesday 27 January 2026, at 10:30am."
    ]
    assert await back_up_at(h, post, london(2026, 1, 26, 18, 31)) == []
    assert await back_up_at(h, post, london(2026, 1, 26, 18, 32)) == []
    assert await reminder_jobs(h) == [london(2026, 1, 27, 9, 30)]


async def test_scheduling_or_running_a_reminder_twice_sends_it_once(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    fran = await h.person("Fran", Role.FACILITATOR)
    event = await save_event(h, WEEKLY, as_=fran, in_=group)
    services = h.app.services
    assert services.timers is not None
    for _ in range(2):
        async with h.db.transaction() as db:
            stored = await db.get(GroupEvent, event.id)
            assert stored is not None
            plan = await plan_for(db, stored.group_id, services.settings.events)
            await schedule_next(db, services.timers, stored, plan, h.clock.now())
    assert await reminder_jobs(h) == [london(2026, 1, 5, 18, 0)]

    h.clock.set(london(2026, 1, 5, 18, 0))
    for _ in range(2):  # as if two workers both ran the same job
        async with h.db.transaction() as db:
            stored = await db.get(GroupEvent, event.id)
            assert stored is not None
            plan = await plan_for(db, stored.group_id, services.settings.events)
            due = next_due(stored, plan, london(2026, 1, 5, 17, 59))
            assert due is not None and job_key(stored, due).startswith("events.remind:")
            job = JobContext(db=db, services=services, outbox=services.outbox)
            await remind(job, job_payload(stored, due))
    group_messages = [m for m in await Postbox(h).all() if m.chat_id == group.id]
    assert len(group_messages) == 1
    assert await count(h, ScheduledJob, ScheduledJob.kind == "events.remind") == 2


async def test_a_lost_timer_is_put_back_at_start(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    fran = await h.person("Fran", Role.FACILITATOR)
    await save_event(h, WEEKLY, as_=fran, in_=group)
    async with h.db.transaction() as db:  # as if a handler had failed and ended the chain
        await db.execute(
            update(ScheduledJob)
            .where(ScheduledJob.kind == "events.remind")
            .values(status="failed", last_error="RuntimeError")
        )
    assert await reminder_jobs(h) == []
    again = restarted(h)
    await again.app.started()
    await again.app.started()
    assert await reminder_jobs(h) == [london(2026, 1, 5, 18, 0)]
