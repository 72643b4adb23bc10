"""The nightly retention job erases what has passed its period, and schedules itself again."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bot.features.retention import JOB, RUN_AT
from bot.people.invites import create_invite
from bot.roles import Role
from bot.scheduling.daily import next_local
from storage.models import Invite, LinkCode, PendingJoin, RoleChange, ScheduledJob
from tests.support.harness import Harness, only_text


async def count(h: Harness, model: type) -> int:
    async with h.db.transaction() as db:
        return int(await db.scalar(select(func.count()).select_from(model)) or 0)


async def pending_retention_jobs(h: Harness) -> list[ScheduledJob]:
    async with h.db.transaction() as db:
        rows = await db.execute(
            select(ScheduledJob).where(ScheduledJob.kind == JOB, ScheduledJob.status == "pending")
        )
        return list(rows.scalars().all())


async def test_start_schedules_one_nightly_run_however_often_it_starts(harness: Harness) -> None:
    h = harness
    await h.app.started()
    await h.app.started()
    jobs = await pending_retention_jobs(h)
    assert len(jobs) == 1
    local = jobs[0].run_at.astimezone(h.app.services.settings.zone)
    assert (local.hour, local.minute) == (3, 30)


async def test_the_job_purges_expired_things_and_keeps_live_ones(harness: Harness) -> None:
    h = harness
    timers = h.app.services.timers
    assert timers is not None
    org = await h.org()
    async with h.db.transaction() as db:
        for _ in range(2):
            await create_invite(
                db, org_id=org.id, role=Role.CARER, created_by=None, now=h.clock.now(), valid_days=1
            )
        live = await create_invite(
            db, org_id=org.id, role=Role.CARER, created_by=None, now=h.clock.now(), valid_days=30
        )
    sam = await h.person("Sam", Role.STAFF)
    await h.say("/link", as_=sam)
    await h.say(f"/join {live}", as_=h.guest("Undecided"))
    assert await count(h, PendingJoin) == 1
    assert await count(h, LinkCode) == 1
    assert await count(h, RoleChange) == 1
    await h.app.started()
    h.clock.advance(timedelta(days=20))
    assert await timers.run_due() >= 1  # other features' nightly jobs may run too
    assert await count(h, Invite) == 1  # the one still valid for ten more days
    assert await count(h, LinkCode) == 0
    assert await count(h, PendingJoin) == 0
    assert await count(h, RoleChange) == 1  # kept for six years
    assert len(await pending_retention_jobs(h)) == 1
    assert "Hello" in only_text(await h.say("/start", as_=h.guest("Still works")))


async def test_next_run_is_tomorrow_once_tonights_has_passed(harness: Harness) -> None:
    services = harness.app.services
    morning = harness.clock.now()  # 09:00 UTC in January
    zone = services.settings.zone
    first = next_local(morning, RUN_AT, zone)
    assert first > morning and first - morning < timedelta(days=1)
    assert next_local(first, RUN_AT, zone) == first + timedelta(days=1)
