"""Durable timers: fire once, survive restarts and races, isolate failing handlers."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import FakeClock
from bot.scheduling import Timers
from storage.database import Database
from storage.models import OutboxItem
from tests.scheduling.conftest import (
    HOUR,
    Recorder,
    add,
    jobs,
    made_at,
    open_db,
    our_timers,
    people,
)


async def test_run_due_fires_each_job_once(
    db: Database, timers: Timers, clock: FakeClock, recorder: Recorder
) -> None:
    job_id = await add(db, timers, "remind", clock.now() + HOUR, n=1)
    assert await timers.next_due() == clock.now() + HOUR
    assert await timers.run_due() == 0
    clock.advance(HOUR)
    assert await timers.run_due() == 1
    assert await timers.run_due() == 0
    assert recorder.calls == [("remind", {"n": 1})]
    job = (await jobs(db))[job_id]
    assert (job.status, job.fired_at) == ("done", clock.now())
    assert await people(db) == ["made by 1"]  # the handler's work committed with "done"
    assert await timers.next_due() is None


async def test_due_jobs_run_in_order_across_batches(
    db: Database, clock: FakeClock, recorder: Recorder
) -> None:
    timers = Timers(db, clock, recorder.handlers(), batch=2)
    for n in (3, 1, 2, 5, 4):
        await add(db, timers, "remind", clock.now() + timedelta(minutes=n), n=n)
    clock.advance(HOUR)
    assert await timers.run_due() == 5
    assert [payload["n"] for _, payload in recorder.calls] == [1, 2, 3, 4, 5]


async def test_a_failing_handler_is_isolated(
    db: Database, timers: Timers, clock: FakeClock, recorder: Recorder
) -> None:
    bad = await add(db, timers, "explode", clock.now())
    good = await add(db, timers, "remind", clock.now(), n=2)
    assert await timers.run_due() == 1
    found = await jobs(db)
    assert (found[bad].status, found[bad].last_error) == ("failed", "ValueError")
    assert found[bad].payload == {"n": 0}
    assert found[good].status == "done"
    assert await people(db) == ["made by 2"]  # the failed handler's writes were rolled back
    assert await timers.run_due() == 0  # failed jobs are not retried
    assert [kind for kind, _ in recorder.calls] == ["explode", "remind"]


async def test_a_handler_breaking_a_constraint_fails_its_job(
    db: Database, clock: FakeClock
) -> None:
    async def clash(session: AsyncSession, payload: dict[str, Any]) -> None:
        session.add(
            OutboxItem(
                kind="k",
                text="t",
                buttons=[],
                dedupe_key="same",
                created_at=made_at(),
                not_before=made_at(),
            )
        )

    timers = Timers(db, clock, {"clash": clash})
    first = await add(db, timers, "clash", clock.now())
    second = await add(db, timers, "clash", clock.now())
    assert await timers.run_due() == 1
    found = await jobs(db)
    assert found[first].status == "done"
    assert (found[second].status, found[second].last_error) == ("failed", "IntegrityError")


async def test_a_job_whose_handler_is_gone_fails(
    db: Database, timers: Timers, clock: FakeClock
) -> None:
    job_id = await add(db, timers, "remind", clock.now())
    assert await Timers(db, clock, {}).run_due() == 0
    job = (await jobs(db))[job_id]
    assert (job.status, job.last_error) == ("failed", "no handler for this kind of job")


@pytest.mark.parametrize(
    ("kind", "run_at", "message"),
    [
        ("nope", datetime(2099, 1, 1, tzinfo=UTC), "no handler"),
        ("remind", datetime(2099, 1, 1), "aware"),
    ],
)
async def test_schedule_rejects_bad_input(
    db: Database, timers: Timers, kind: str, run_at: datetime, message: str
) -> None:
    async with db.transaction() as session:
        with pytest.raises(ValueError, match=message):
            await timers.schedule(session, kind, run_at, {})


async def test_dedupe_key_schedules_once(db: Database, timers: Timers, clock: FakeClock) -> None:
    first = await add(db, timers, "remind", clock.now(), dedupe_key="weekly:g1:2099-01-05")
    again = await add(db, timers, "remind", clock.now() + HOUR, dedupe_key="weekly:g1:2099-01-05")
    assert first == again and len(await jobs(db)) == 1


async def test_a_rolled_back_schedule_leaves_no_job_and_no_timer(
    db: Database, timers: Timers, clock: FakeClock
) -> None:
    scheduler = AsyncIOScheduler()
    await timers.start(scheduler)
    with pytest.raises(RuntimeError):
        async with db.transaction() as session:
            await timers.schedule(session, "remind", clock.now() + HOUR, {"n": 1})
            raise RuntimeError("the feature failed")
    assert await jobs(db) == {} and our_timers(scheduler) == {}
    await add(db, timers, "remind", clock.now() + HOUR)  # the same session type works after
    assert len(our_timers(scheduler)) == 1


async def test_cancel_by_id_and_by_key(
    db: Database, timers: Timers, clock: FakeClock, recorder: Recorder
) -> None:
    scheduler = AsyncIOScheduler()
    await timers.start(scheduler)
    by_id = await add(db, timers, "remind", clock.now() + HOUR)
    by_key = await add(db, timers, "remind", clock.now() + HOUR, dedupe_key="k")
    assert len(our_timers(scheduler)) == 2
    async with db.transaction() as session:
        assert await timers.cancel(session, by_id)
        assert await timers.cancel(session, "k")
        assert not await timers.cancel(session, "no-such-key")
        assert len(our_timers(scheduler)) == 2  # not before the commit
    assert our_timers(scheduler) == {}
    async with db.transaction() as session:
        assert not await timers.cancel(session, by_id)  # already cancelled
    clock.advance(2 * HOUR)
    assert await timers.run_due() == 0 and recorder.calls == []
    assert {job.status for job in (await jobs(db)).values()} == {"cancelled"}
    assert by_key in await jobs(db)


async def test_restart_fires_what_is_still_pending_once(
    tmp_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    path = tmp_path / "t.db"
    first_db = await open_db(path)
    first = Timers(first_db, clock, recorder.handlers())
    for n in range(4):
        await add(first_db, first, "remind", clock.now() + n * HOUR, n=n)
    assert await first.run_due() == 1
    await first_db.close()  # the process stops; jobs 1..3 are still pending

    clock.advance(5 * HOUR)  # it stays down past their times
    second_db = await open_db(path)
    scheduler = AsyncIOScheduler()
    second = Timers(second_db, clock, recorder.handlers())
    assert await second.start(scheduler) == 3
    assert len(our_timers(scheduler)) == 3
    assert await second.run_due() == 3
    assert await second.run_due() == 0
    assert sorted(p["n"] for _, p in recorder.calls) == [0, 1, 2, 3]
    await second_db.close()


async def test_a_crash_mid_handler_leaves_the_job_to_run_after_restart(
    tmp_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    path = tmp_path / "t.db"
    first_db = await open_db(path)
    first = Timers(first_db, clock, recorder.handlers())
    job_id = await add(first_db, first, "hang", clock.now())
    task = asyncio.create_task(first.run_due())
    async with asyncio.timeout(10):
        await recorder.hanging.wait()
    task.cancel()  # the process dies inside the handler
    with contextlib.suppress(asyncio.CancelledError):
        await task
    await first_db.close()

    second_db = await open_db(path)
    assert (await jobs(second_db))[job_id].status == "pending"
    assert await people(second_db) == []

    async def hang(session: AsyncSession, payload: dict[str, Any]) -> None:  # fixed on restart
        recorder.calls.append(("hang", payload))

    second = Timers(second_db, clock, {"hang": hang})
    assert await second.run_due() == 1
    assert await second.run_due() == 0
    assert len(recorder.calls) == 2  # one interrupted attempt, one that completed
    await second_db.close()


async def test_two_workers_racing_run_each_job_once(
    tmp_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    path = tmp_path / "t.db"
    setup = await open_db(path)
    timers = Timers(setup, clock, recorder.handlers())
    for n in range(30):
        await add(setup, timers, "remind", clock.now(), n=n)
    await setup.close()
    one, two = await open_db(path), await open_db(path)
    racers = [Timers(d, clock, recorder.handlers()) for d in (one, two)]
    counts = await asyncio.gather(*(t.run_due() for t in racers))
    assert sum(counts) == 30
    assert sorted(p["n"] for _, p in recorder.calls) == list(range(30))
    assert len(await people(one)) == 30
    await one.close()
    await two.close()


class FlakyDatabase:
    """A Database whose transactions fail from the `fail_from`-th one on."""

    def __init__(self, real: Database, fail_from: int) -> None:
        self._real = real
        self.sessions = real.sessions
        self._count = 0
        self._fail_from = fail_from

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        self._count += 1
        if self._count >= self._fail_from:
            raise OperationalError("update", {}, Exception("database is locked"))
        async with self._real.transaction() as session:
            yield session


async def test_a_claim_that_cannot_be_written_leaves_the_job_pending(
    db: Database, clock: FakeClock, recorder: Recorder
) -> None:
    timers = Timers(db, clock, recorder.handlers())
    job_id = await add(db, timers, "remind", clock.now())
    flaky = Timers(FlakyDatabase(db, 1), clock, recorder.handlers())  # type: ignore[arg-type]
    assert await flaky.run_due() == 0
    assert recorder.calls == [] and (await jobs(db))[job_id].status == "pending"
    assert await timers.run_due() == 1


async def test_a_failure_that_cannot_be_recorded_is_logged(
    db: Database, clock: FakeClock, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    timers = Timers(db, clock, recorder.handlers())
    job_id = await add(db, timers, "explode", clock.now())
    flaky = Timers(FlakyDatabase(db, 2), clock, recorder.handlers())  # type: ignore[arg-type]
    assert await flaky.run_due() == 0
    assert "could not mark job" in caplog.text
    assert (await jobs(db))[job_id].status == "pending"  # a later pass will try again
