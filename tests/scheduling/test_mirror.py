"""The APScheduler mirror: one timer per pending row, kept in step after each commit."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import FakeClock
from bot.delivery import Outbox
from bot.events import ChatKind, ChatRef
from bot.scheduling import Timers
from bot.scheduling.timers import SWEEP_ID, TIMER_PREFIX
from storage.database import Database
from storage.models import OutboxItem, ScheduledJob
from tests.scheduling.conftest import (
    HOUR,
    Recorder,
    add,
    jobs,
    our_timers,
)


async def test_a_handler_can_queue_and_schedule_in_its_unit_of_work(
    db: Database, clock: FakeClock
) -> None:
    outbox = Outbox(clock)
    scheduler = AsyncIOScheduler()
    holder: dict[str, Timers] = {}

    async def follow_up(session: AsyncSession, payload: dict[str, Any]) -> None:
        chat = ChatRef("telegram", payload["chat"], ChatKind.GROUP)
        await outbox.enqueue(session, kind="reminder", text="hello", chats=[chat])
        await holder["t"].schedule(session, "follow_up", clock.now() + HOUR, payload)

    timers = holder["t"] = Timers(db, clock, {"follow_up": follow_up}, sweep_seconds=None)
    await timers.start(scheduler)
    await add(db, timers, "follow_up", clock.now())
    async with db.transaction() as session:  # overwrite payload n with a chat id
        (await session.scalars(select(ScheduledJob))).one().payload = {"chat": "g1"}
    assert await timers.run_due() == 1
    assert len(our_timers(scheduler)) == 2  # the fired one's timer is stale until rebuild
    assert await timers.rebuild() == 1
    assert list(our_timers(scheduler).values()) == [clock.now() + HOUR]
    async with db.sessions() as session:
        assert len((await session.scalars(select(OutboxItem))).all()) == 1
    assert [job.id for job in scheduler.get_jobs()] == [next(iter(our_timers(scheduler)))]


async def test_start_mirrors_one_timer_per_pending_row(
    db: Database, timers: Timers, clock: FakeClock
) -> None:
    pending = [await add(db, timers, "remind", clock.now() + n * HOUR) for n in (1, 2, 3)]
    done = await add(db, timers, "remind", clock.now())
    await timers.run_due()
    scheduler = AsyncIOScheduler()
    assert await timers.start(scheduler) == 3
    assert our_timers(scheduler) == {
        f"{TIMER_PREFIX}{job_id}": clock.now() + n * HOUR
        for n, job_id in enumerate(pending, start=1)
    }
    assert f"{TIMER_PREFIX}{done}" not in our_timers(scheduler)
    assert scheduler.get_job(SWEEP_ID) is not None
    assert await timers.rebuild() == 3  # rebuilding again adds no copies
    assert len(our_timers(scheduler)) == 3
    later = await add(db, timers, "remind", clock.now() + 9 * HOUR)  # armed after commit
    assert our_timers(scheduler)[f"{TIMER_PREFIX}{later}"] == clock.now() + 9 * HOUR


async def test_a_running_scheduler_replaces_rather_than_duplicates(
    db: Database, timers: Timers, clock: FakeClock
) -> None:
    scheduler = AsyncIOScheduler(timezone=UTC)
    scheduler.start()  # on this test's loop; every run date is in 2099, so nothing fires
    try:
        for n in (1, 2):
            await add(db, timers, "remind", clock.now() + n * HOUR)
        assert await timers.start(scheduler) == 2
        assert await timers.rebuild() == 2
        assert len(our_timers(scheduler)) == 2
        async with db.transaction() as session:
            await timers.cancel(session, min(await jobs(db)))
        assert await timers.rebuild() == 1 and len(our_timers(scheduler)) == 1
    finally:
        scheduler.shutdown(wait=False)


async def test_a_timer_firing_runs_what_is_due(
    db: Database, timers: Timers, clock: FakeClock, recorder: Recorder
) -> None:
    await add(db, timers, "remind", clock.now(), n=7)
    await timers._fire()
    assert recorder.calls == [("remind", {"n": 7})]


async def test_a_timer_firing_never_raises(
    timers: Timers, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken() -> int:
        raise OperationalError("select", {}, Exception("disk I/O error"))

    monkeypatch.setattr(timers, "run_due", broken)
    await timers._fire()
    assert "timer pass failed: OperationalError" in caplog.text


async def test_rebuild_needs_a_scheduler(timers: Timers) -> None:
    with pytest.raises(RuntimeError, match="start"):
        await timers.rebuild()


async def test_a_started_scheduler_fires_an_overdue_job_through_run_due(db: Database) -> None:
    clock = FakeClock(datetime(2000, 1, 1, tzinfo=UTC))  # long past in real time: fires at once
    fired = asyncio.Event()

    async def remind(session: AsyncSession, payload: dict[str, Any]) -> None:
        fired.set()

    timers = Timers(db, clock, {"remind": remind}, sweep_seconds=None)
    job_id = await add(db, timers, "remind", clock.now())
    scheduler = AsyncIOScheduler(timezone=UTC)
    await timers.start(scheduler)
    scheduler.start()
    try:
        async with asyncio.timeout(10):
            await fired.wait()
    finally:
        scheduler.shutdown(wait=False)
    assert (await jobs(db))[job_id].status == "done"


async def test_cancelling_without_a_scheduler_is_fine(db: Database, timers: Timers) -> None:
    job_id = await add(db, timers, "remind", datetime(2099, 2, 1, tzinfo=UTC))
    async with db.transaction() as session:
        assert await timers.cancel(session, job_id)
