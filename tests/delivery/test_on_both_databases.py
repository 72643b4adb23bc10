"""The outbox, worker and timers on SQLite and on PostgreSQL (dialect-specific inserts)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import FakeClock
from bot.delivery import Outbox, TransientSendError, delivery_report
from bot.scheduling import Timers
from storage.database import Database
from tests.delivery.conftest import SECRET, FakeSender, dm, drain, group, make_worker

pytestmark = pytest.mark.storage


async def test_queue_dedupe_send_retry_and_report(database: Database, clock: FakeClock) -> None:
    outbox = Outbox(clock)
    sender = FakeSender(clock)
    sender.script["g2"] = [TransientSendError("busy", retry_after=3)]
    async with database.transaction() as session:
        item = await outbox.enqueue(
            session, kind="k", text=SECRET, chats=[group(1), group(2)], dedupe_key="once"
        )
        again = await outbox.enqueue(
            session, kind="k", text=SECRET, chats=[group(1)], dedupe_key="once"
        )
    assert item is not None and again is None
    elapsed = await drain(make_worker(database, clock, {"telegram": sender}), clock)
    assert elapsed == timedelta(seconds=3)
    assert sender.count_for("g1") == 1 and sender.count_for("g2") == 1
    async with database.sessions() as session:
        report = await delivery_report(session, item)
    assert report.counts == {"sent": 2}


async def test_timers_schedule_once_and_fire_once(database: Database, clock: FakeClock) -> None:
    fired: list[dict[str, Any]] = []

    async def remind(session: AsyncSession, payload: dict[str, Any]) -> None:
        fired.append(payload)
        await Outbox(clock).enqueue(session, kind="reminder", text=SECRET, chats=[dm(1)])

    timers = Timers(database, clock, {"remind": remind})
    async with database.transaction() as session:
        first = await timers.schedule(session, "remind", clock.now(), {"n": 1}, dedupe_key="d")
        again = await timers.schedule(session, "remind", clock.now(), {"n": 2}, dedupe_key="d")
        other = await timers.schedule(session, "remind", clock.now(), {"n": 3})
        assert await timers.cancel(session, other)
    assert first == again
    assert await timers.run_due() == 1
    assert await timers.run_due() == 0
    assert fired == [{"n": 1}]
