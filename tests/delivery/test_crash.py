"""Restarts and races: nothing lost, nothing sent twice (bar the one documented window)."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from bot.clock import FakeClock
from bot.delivery import DeliveryWorker, Outbox, RateLimits, SentMessage, delivery_report
from bot.delivery.worker import INTERRUPTED_DROPPED, INTERRUPTED_RESEND
from bot.events import ChatRef, Outgoing
from config.settings import DeliverySettings
from storage.database import Database
from storage.models import Delivery
from tests.delivery.conftest import SECRET, FakeSender, dm, drain, group, make_worker, open_db

LEASE = timedelta(minutes=2)


async def queue(db: Database, clock: FakeClock, chats: list[ChatRef], kind: str = "notice") -> int:
    async with db.transaction() as session:
        item_id = await Outbox(clock).enqueue(session, kind=kind, text=SECRET, chats=chats)
    assert item_id is not None
    return item_id


async def kill_mid_send(worker: DeliveryWorker, sender: FakeSender) -> None:
    """Run the worker until the sender hangs, then stop it dead, as a crash would."""
    task = asyncio.create_task(worker.run_once())
    async with asyncio.timeout(10):
        await sender.hung.wait()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def statuses(db: Database) -> dict[str, str]:
    async with db.sessions() as session:
        rows = (await session.scalars(select(Delivery))).all()
    return {row.chat_id: row.status for row in rows}


async def test_crash_between_queueing_and_sending_loses_nothing(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "t.db"
    first = await open_db(path)
    await queue(first, clock, [group(i) for i in range(50)])
    await first.close()  # the process dies before any worker ran

    second = await open_db(path)
    sender = FakeSender(clock)
    await drain(make_worker(second, clock, {"telegram": sender}), clock)
    assert sorted(out.chat.id for _, out in sender.sent) == sorted(f"g{i}" for i in range(50))
    await second.close()


async def test_crash_midway_through_a_broadcast_sends_the_rest_once(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "t.db"
    first = await open_db(path)
    await queue(first, clock, [group(i) for i in range(10)])
    dying = FakeSender(clock)
    dying.on_send = lambda _out: setattr(dying, "hang_before_send", len(dying.sent) == 3)
    await kill_mid_send(make_worker(first, clock, {"telegram": dying}, concurrency=1), dying)
    await first.close()
    assert len(dying.sent) == 3  # the fourth was claimed but never reached the platform

    second = await open_db(path)
    sender = FakeSender(clock)
    worker = make_worker(second, clock, {"telegram": sender})
    next_at = await worker.run_once()  # six go now; the claimed one waits for its lease
    assert next_at == clock.now() + LEASE and len(sender.sent) == 6
    await drain(worker, clock)
    everyone = [out.chat.id for _, out in dying.sent + sender.sent]
    assert sorted(everyone) == sorted(f"g{i}" for i in range(10))  # each exactly once
    assert set((await statuses(second)).values()) == {"sent"}
    await second.close()


async def test_crash_after_the_platform_accepted_resends_at_least_once(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "t.db"
    first = await open_db(path)
    item_id = await queue(first, clock, [dm(1), dm(2)], kind="safeguarding")
    dying = FakeSender(clock)
    dying.hang_after_send = True  # sent, but we die before writing "sent"
    await kill_mid_send(make_worker(first, clock, {"telegram": dying}, concurrency=1), dying)
    await first.close()
    assert [out.chat.id for _, out in dying.sent] == ["u1"]

    second = await open_db(path)
    sender = FakeSender(clock)
    worker = make_worker(second, clock, {"telegram": sender})
    await worker.run_once()
    assert [out.chat.id for _, out in sender.sent] == ["u2"]  # u1 waits out the lease
    clock.advance(LEASE - timedelta(seconds=1))
    await worker.run_once()
    assert sender.count_for("u1") == 0  # a live worker might still own it
    await drain(worker, clock)
    # The policy: the interrupted one goes again (u1 twice in all), everything else once.
    assert dying.count_for("u1") + sender.count_for("u1") == 2
    assert sender.count_for("u2") == 1
    async with second.sessions() as session:
        rows = {r.chat_id: r for r in (await session.scalars(select(Delivery))).all()}
        report = await delivery_report(session, item_id)
    assert (rows["u1"].status, rows["u1"].attempts, rows["u1"].last_error) == (
        "sent",
        2,
        INTERRUPTED_RESEND,
    )
    assert report.counts == {"sent": 2}
    await second.close()


async def test_crash_after_sending_an_at_most_once_kind_is_not_repeated(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "t.db"
    first = await open_db(path)
    item_id = await queue(first, clock, [group(1)], kind="broadcast")
    dying = FakeSender(clock)
    dying.hang_after_send = True
    await kill_mid_send(make_worker(first, clock, {"telegram": dying}), dying)
    await first.close()

    second = await open_db(path)
    sender = FakeSender(clock)
    kinds = frozenset({"broadcast"})
    await drain(make_worker(second, clock, {"telegram": sender}, at_most_once_kinds=kinds), clock)
    assert sender.sent == [] and dying.count_for("g1") == 1
    async with second.sessions() as session:
        report = await delivery_report(session, item_id)
    assert report.failures == {INTERRUPTED_DROPPED: 1}
    await second.close()


async def test_a_delivery_interrupted_too_often_fails(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "t.db"
    first = await open_db(path)
    await queue(first, clock, [dm(1)])
    dying = FakeSender(clock)
    dying.hang_before_send = True
    one_try = DeliverySettings(max_attempts=1)
    await kill_mid_send(make_worker(first, clock, {"telegram": dying}, settings=one_try), dying)
    await first.close()

    second = await open_db(path)
    sender = FakeSender(clock)
    await drain(make_worker(second, clock, {"telegram": sender}, settings=one_try), clock)
    assert sender.sent == []
    async with second.sessions() as session:
        row = (await session.scalars(select(Delivery))).one()
    assert (row.status, row.last_error) == ("failed", "interrupted too many times")
    await second.close()


@pytest.mark.parametrize("rounds", [1, 5])
async def test_two_workers_racing_never_double_send(
    tmp_path: Path, clock: FakeClock, rounds: int
) -> None:
    path = tmp_path / "t.db"
    setup = await open_db(path)
    chats = [group(i) for i in range(40)] + [dm(i) for i in range(40)]
    for _ in range(rounds):
        await queue(setup, clock, chats)
    await setup.close()
    one, two = await open_db(path), await open_db(path)
    sender = FakeSender(clock)  # one platform, two processes sending through it
    roomy = {"telegram": RateLimits(global_per_second=1000, per_chat_per_second=1000)}
    workers = [make_worker(d, clock, {"telegram": sender}, roomy) for d in (one, two)]
    for _ in range(100):
        results = await asyncio.gather(*(w.run_once() for w in workers))
        pending = [t for t in results if t is not None]
        if not pending:
            break
        clock.set(max(min(pending), clock.now()))
    assert len(sender.sent) == 80 * rounds
    for chat in chats:
        assert sender.count_for(chat.id) == rounds
    await one.close()
    await two.close()


async def test_run_forever_is_woken_by_a_commit_and_stops_when_told(
    db: Database, clock: FakeClock, sender: FakeSender
) -> None:
    stop = asyncio.Event()
    sender.on_send = lambda _out: stop.set()
    worker = make_worker(db, clock, {"telegram": sender}, idle_seconds=3600.0)
    outbox = Outbox(clock)
    outbox.add_listener(worker.wake)
    task = asyncio.create_task(worker.run_forever(stop))
    await asyncio.sleep(0)  # let it start and go idle (no time passes)
    async with db.transaction() as session:
        await outbox.enqueue(session, kind="k", text=SECRET, chats=[dm(1)])
    async with asyncio.timeout(10):
        await task
    assert sender.count_for("u1") == 1


async def test_run_forever_survives_a_failed_pass(
    db: Database, clock: FakeClock, sender: FakeSender, monkeypatch: pytest.MonkeyPatch
) -> None:
    await queue(db, clock, [dm(1)])
    stop = asyncio.Event()
    sender.on_send = lambda _out: stop.set()
    worker = make_worker(db, clock, {"telegram": sender}, idle_seconds=0.0)
    real = worker.run_once
    calls = []

    async def flaky() -> object:
        calls.append(1)
        if len(calls) == 1:
            raise OSError("database is busy")
        return await real()

    monkeypatch.setattr(worker, "run_once", flaky)
    async with asyncio.timeout(10):
        await worker.run_forever(stop)
    assert len(calls) == 2 and sender.count_for("u1") == 1


async def test_run_forever_returns_at_once_when_already_stopped(
    db: Database, clock: FakeClock
) -> None:
    stop = asyncio.Event()
    stop.set()
    await make_worker(db, clock, {}).run_forever(stop)


async def test_a_lost_write_after_sending_is_covered_by_the_lease(
    db: Database,
    clock: FakeClock,
    sender: FakeSender,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await queue(db, clock, [dm(1)])
    worker = make_worker(db, clock, {"telegram": sender})
    real_write = worker._write
    writes: list[object] = []

    async def flaky_write(stmt: Any) -> int:
        writes.append(stmt)
        if len(writes) == 2:  # the claim works; writing "sent" does not
            raise OperationalError("update", {}, Exception("disk I/O error"))
        return await real_write(stmt)

    monkeypatch.setattr(worker, "_write", flaky_write)
    assert await worker.run_once() == clock.now() + LEASE
    assert "delivery pass error: OperationalError" in caplog.text
    assert await statuses(db) == {"u1": "sending"}
    await drain(worker, clock)  # at least once: it goes again after the lease
    assert sender.count_for("u1") == 2
    assert await statuses(db) == {"u1": "sent"}


class TakenOverSender(FakeSender):
    """Sends so slowly that another worker takes the delivery back meanwhile."""

    def __init__(self, clock: FakeClock, db: Database) -> None:
        super().__init__(clock)
        self.db = db

    async def send(self, outgoing: Outgoing) -> SentMessage:
        async with self.db.transaction() as session:
            row = (await session.scalars(select(Delivery))).one()
            row.status = "pending"
        return await super().send(outgoing)


async def test_a_send_that_outlives_its_lease_is_logged(
    db: Database, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    await queue(db, clock, [dm(1)])
    await make_worker(db, clock, {"telegram": TakenOverSender(clock, db)}).run_once()
    assert "was sent after its lease ran out" in caplog.text
