"""Shared pieces for the timer tests: a migrated SQLite file, a fake clock, recording handlers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import FakeClock
from bot.scheduling import Timers
from bot.scheduling.timers import TIMER_PREFIX
from storage.database import Database
from storage.migrate import upgrade
from storage.models import Person, ScheduledJob

HOUR = timedelta(hours=1)
SECRET = "SECRET-never-logged"


class Recorder:
    """Job handlers that write down what they were given."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.hanging = asyncio.Event()

    def handlers(self) -> dict[str, Any]:
        async def remind(db: AsyncSession, payload: dict[str, Any]) -> None:
            self.calls.append(("remind", payload))
            db.add(Person(display_name=f"made by {payload['n']}", created_at=made_at()))

        async def explode(db: AsyncSession, payload: dict[str, Any]) -> None:
            self.calls.append(("explode", payload))
            db.add(Person(display_name="half-done work", created_at=made_at()))
            raise ValueError(SECRET)

        async def hang(db: AsyncSession, payload: dict[str, Any]) -> None:
            self.calls.append(("hang", payload))
            db.add(Person(display_name="never committed", created_at=made_at()))
            await db.flush()
            self.hanging.set()
            await asyncio.Event().wait()

        return {"remind": remind, "explode": explode, "hang": hang}


def made_at() -> datetime:
    return datetime(2026, 1, 5, tzinfo=UTC)


async def open_db(path: Path) -> Database:
    db = Database(f"sqlite:///{path}")
    await upgrade(db)
    return db


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await open_db(tmp_path / "t.db")
    yield database
    await database.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2099, 1, 5, 9, 0, tzinfo=UTC))  # far beyond any real timer


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def timers(db: Database, clock: FakeClock, recorder: Recorder) -> Timers:
    return Timers(db, clock, recorder.handlers())


@pytest.fixture(autouse=True)
def no_secrets_in_logs(caplog: pytest.LogCaptureFixture) -> object:
    caplog.set_level("DEBUG")
    yield None
    assert SECRET not in caplog.text


async def add(db: Database, timers: Timers, kind: str, run_at: datetime, **kw: Any) -> int:
    async with db.transaction() as session:
        return await timers.schedule(session, kind, run_at, {"n": kw.pop("n", 0)}, **kw)


async def jobs(db: Database) -> dict[int, ScheduledJob]:
    async with db.sessions() as session:
        return {job.id: job for job in (await session.scalars(select(ScheduledJob))).all()}


async def people(db: Database) -> list[str]:
    async with db.sessions() as session:
        return sorted((await session.scalars(select(Person.display_name))).all())


def our_timers(scheduler: AsyncIOScheduler) -> dict[str, datetime]:
    return {
        job.id: job.trigger.run_date
        for job in scheduler.get_jobs()
        if job.id.startswith(TIMER_PREFIX)
    }
