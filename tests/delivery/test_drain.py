"""Chunks and stopping: answers are written before the next claim; a stop loses nothing."""

from __future__ import annotations

import asyncio
import sqlite3
from collections import Counter
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from bot.clock import FakeClock
from bot.delivery import TELEGRAM_LIMITS, Outbox, PermanentSendError, RateLimits, SentMessage
from bot.delivery.failures import DeliveryFailure
from bot.events import ChatRef, Outgoing
from storage.database import Database
from storage.models import Delivery
from tests.delivery.conftest import SECRET, FakeSender, dm, drain, group, make_worker

ROOMY = {"telegram": RateLimits(global_per_second=1000, per_chat_per_second=1000)}


async def queue(db: Database, clock: FakeClock, chats: list[ChatRef]) -> None:
    async with db.transaction() as session:
        await Outbox(clock).enqueue(session, kind="notice", text=SECRET, chats=chats)


async def rows(db: Database) -> dict[str, tuple[str, int]]:
    async with db.sessions() as session:
        found = (await session.scalars(select(Delivery))).all()
    return {row.chat_id: (row.status, row.attempts) for row in found}


class PeekingSender(FakeSender):
    """Before each send, reads what is committed in the database file (as a crash would find it)."""

    def __init__(self, clock: FakeClock, path: Path) -> None:
        super().__init__(clock)
        self.path = path
        self.seen: list[tuple[str, dict[str, str]]] = []

    async def send(self, outgoing: Outgoing) -> SentMessage:
        with sqlite3.connect(self.path) as conn:
            committed = dict(conn.execute("SELECT chat_id, status FROM deliveries").fetchall())
        self.seen.append((outgoing.chat.id, committed))
        return await super().send(outgoing)


class HeldSender(FakeSender):
    """Sends that stay in flight until the test lets them answer."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(clock)
        self.in_flight = 0
        self.all_in_flight = asyncio.Event()
        self.answer = asyncio.Event()
        self.expected = 1

    async def send(self, outgoing: Outgoing) -> SentMessage:
        self.in_flight += 1
        if self.in_flight == self.expected:
            self.all_in_flight.set()
        await self.answer.wait()
        return await super().send(outgoing)


async def test_a_chunk_is_claimed_at_once_and_recorded_before_the_next_is_claimed(
    tmp_path: Path, db: Database, clock: FakeClock
) -> None:
    chats = [dm(i) for i in range(5)]
    await queue(db, clock, chats)
    sender = PeekingSender(clock, tmp_path / "t.db")
    worker = make_worker(db, clock, {"telegram": sender}, ROOMY, concurrency=2)
    assert await worker.run_once() is None
    assert [chat for chat, _ in sender.seen] == [c.id for c in chats]
    for n, (_, committed) in enumerate(sender.seen):
        chunk = n // 2
        expected = {
            c.id: "sent" if i // 2 < chunk else "sending" if i // 2 == chunk else "pending"
            for i, c in enumerate(chats)
        }
        assert committed == expected, f"send {n}"
    assert await rows(db) == {c.id: ("sent", 1) for c in chats}


async def test_telegrams_second_goes_in_bursts_of_six(
    db: Database, clock: FakeClock, sender: FakeSender
) -> None:
    await queue(db, clock, [group(i) for i in range(60)])
    worker = make_worker(db, clock, {"telegram": sender}, {"telegram": TELEGRAM_LIMITS})
    start, burst = clock.now(), timedelta(milliseconds=200)
    assert await worker.run_once() == start + burst
    assert len(sender.sent) == 6  # all that is ever in flight, so all a crash leaves in doubt
    await drain(worker, clock)
    assert Counter(at for at, _ in sender.sent) == {start + burst * i: 6 for i in range(10)}


async def test_a_stop_lets_sends_in_flight_finish_and_records_them(
    db: Database, clock: FakeClock
) -> None:
    await queue(db, clock, [dm(i) for i in range(5)])
    sender = HeldSender(clock)
    sender.expected = 2
    worker = make_worker(db, clock, {"telegram": sender}, ROOMY, concurrency=2)
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run_forever(stop))
    async with asyncio.timeout(10):
        await sender.all_in_flight.wait()
    stop.set()  # SIGTERM while two sends are with the platform
    await asyncio.sleep(0)
    assert not task.done()  # it waits for them
    sender.answer.set()
    async with asyncio.timeout(10):
        await task
    assert worker.stopping
    assert sender.calls == 2
    assert await rows(db) == {
        "u0": ("sent", 1),
        "u1": ("sent", 1),
        "u2": ("pending", 0),  # never claimed: the next start sends them, once
        "u3": ("pending", 0),
        "u4": ("pending", 0),
    }


async def test_nothing_is_claimed_after_a_stop(
    db: Database, clock: FakeClock, sender: FakeSender
) -> None:
    await queue(db, clock, [dm(i) for i in range(3)])
    worker = make_worker(db, clock, {"telegram": sender})
    worker.stop()
    assert await worker.run_once() == clock.now()  # there is work, left for the next start
    stopped = asyncio.Event()
    stopped.set()
    await worker.run_forever(stopped)
    assert sender.calls == 0
    assert await rows(db) == {f"u{i}": ("pending", 0) for i in range(3)}
    after = make_worker(db, clock, {"telegram": sender})  # the next start
    assert await after.run_once() is None
    assert sorted(out.chat.id for _, out in sender.sent) == ["u0", "u1", "u2"]


async def test_a_stop_between_chunks_of_one_pass_claims_no_more(
    db: Database, clock: FakeClock, sender: FakeSender
) -> None:
    await queue(db, clock, [dm(i) for i in range(6)])
    worker = make_worker(db, clock, {"telegram": sender}, ROOMY, concurrency=2)
    sender.on_send = lambda out: worker.stop() if out.chat.id == "u2" else None
    assert await worker.run_once() == clock.now()
    assert [out.chat.id for _, out in sender.sent] == ["u0", "u1", "u2", "u3"]
    statuses = await rows(db)
    assert [statuses[f"u{i}"][0] for i in range(6)] == ["sent"] * 4 + ["pending"] * 2


async def test_permanent_failures_are_reported_after_the_chunk_is_recorded(
    db: Database, clock: FakeClock, sender: FakeSender
) -> None:
    await queue(db, clock, [dm(0), dm(1)])
    sender.script["u0"] = [PermanentSendError("user_blocked")]
    seen: list[dict[str, tuple[str, int]]] = []

    async def on_failure(failure: DeliveryFailure) -> None:
        assert failure.chat.id == "u0"
        seen.append(await rows(db))

    worker = make_worker(db, clock, {"telegram": sender}, ROOMY, on_failure=on_failure)
    assert await worker.run_once() is None
    assert seen == [{"u0": ("failed", 1), "u1": ("sent", 1)}]
