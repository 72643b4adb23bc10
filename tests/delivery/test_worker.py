"""The worker: sends, rate limits under a fake clock, retries, failures and expiry."""

from __future__ import annotations

import math
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.clock import FakeClock
from bot.delivery import (
    TELEGRAM_LIMITS,
    Outbox,
    PermanentSendError,
    TransientSendError,
    delivery_report,
)
from bot.events import Button, ChatKind, ChatRef
from config.settings import DeliverySettings
from storage.database import Database
from storage.models import Delivery
from tests.delivery.conftest import SECRET, FakeSender, dm, drain, group, make_worker, max_in_window

TELEGRAM = {"telegram": TELEGRAM_LIMITS}


async def queue(db: Database, outbox: Outbox, chats: list[ChatRef], **kwargs: object) -> int:
    async with db.transaction() as session:
        item_id = await outbox.enqueue(
            session,
            kind=str(kwargs.pop("kind", "notice")),
            text=SECRET,
            chats=chats,
            **kwargs,  # type: ignore[arg-type]
        )
    assert item_id is not None
    return item_id


async def deliveries(db: Database) -> list[Delivery]:
    async with db.sessions() as session:
        return list((await session.scalars(select(Delivery).order_by(Delivery.id))).all())


async def test_sends_each_chat_once_and_records_the_message_id(
    db: Database, outbox: Outbox, clock: FakeClock, sender: FakeSender
) -> None:
    thread = ChatRef("telegram", "g9", ChatKind.GROUP, thread_id="42")
    await queue(db, outbox, [dm(1), thread], buttons=[Button("OK", "ok:1")])
    worker = make_worker(db, clock, {"telegram": sender}, TELEGRAM)
    assert await worker.run_once() is None
    assert [out.chat for _, out in sender.sent] == [dm(1), thread]
    assert sender.sent[0][1].buttons == (Button("OK", "ok:1"),)
    assert sender.sent[0][1].text == SECRET
    rows = await deliveries(db)
    assert [(r.status, r.platform_message_id, r.attempts) for r in rows] == [
        ("sent", "m1", 1),
        ("sent", "m2", 1),
    ]
    assert all(r.sent_at == clock.now() for r in rows)
    assert await worker.run_once() is None
    assert len(sender.sent) == 2


async def test_nothing_to_do_returns_none(db: Database, clock: FakeClock) -> None:
    assert await make_worker(db, clock, {}).run_once() is None


async def test_not_before_is_respected(
    db: Database, outbox: Outbox, clock: FakeClock, sender: FakeSender
) -> None:
    later = clock.now() + timedelta(hours=1)
    await queue(db, outbox, [dm(1)], not_before=later)
    worker = make_worker(db, clock, {"telegram": sender})
    assert await worker.run_once() == later
    assert sender.sent == []
    clock.set(later)
    assert await worker.run_once() is None
    assert sender.count_for("u1") == 1


async def test_one_group_at_twenty_a_minute(
    db: Database, outbox: Outbox, clock: FakeClock, sender: FakeSender
) -> None:
    for _ in range(100):
        await queue(db, outbox, [group(1)])
    start = clock.now()
    elapsed = await drain(make_worker(db, clock, {"telegram": sender}, TELEGRAM), clock)
    times = sender.times_for("g1")
    assert len(times) == 100
    assert max_in_window(times, timedelta(minutes=1)) == 20
    assert max_in_window(times, timedelta(seconds=1)) == 1
    # 100 at 20/min needs five minute-windows: the last goes out in the fifth minute.
    assert {int((t - start).total_seconds() // 60) for t in times} == {0, 1, 2, 3, 4}
    assert timedelta(minutes=4) <= elapsed <= timedelta(minutes=5) * 1.2


async def test_a_thousand_groups_within_the_global_limit(
    db: Database, outbox: Outbox, clock: FakeClock, sender: FakeSender
) -> None:
    await queue(db, outbox, [group(i) for i in range(1000)], kind="broadcast")
    elapsed = await drain(make_worker(db, clock, {"telegram": sender}, TELEGRAM), clock)
    times = [at for at, _ in sender.sent]
    assert len(times) == 1000 and len({out.chat.id for _, out in sender.sent}) == 1000
    assert max_in_window(times, timedelta(seconds=1)) == 30
    floor = timedelta(seconds=math.ceil(1000 / 30) - 1)  # the last batch can start at 33 s
    assert floor <= elapsed <= timedelta(seconds=1000 / 30) * 1.2


async def test_one_dm_at_one_a_second(
    db: Database, outbox: Outbox, clock: FakeClock, sender: FakeSender
) -> None:
    for _ in range(3):
        await queue(db, outbox, [dm(1)])
    start = clock.now()
    await drain(make_worker(db, clock, {"telegram": sender}, TELEGRAM), clock)
    assert sender.times_for("u1") == [start + timedelta(seconds=s) for s in (0, 1, 2)]


async def test_retry_after_is_honoured_exactly(
    db: Database, outbox: Outbox, clock: FakeClock, sender: FakeSender
) -> None:
    sender.script["g1"] = [TransientSendError("rate limited", retry_after=7.5)]
    await queue(db, outbox, [group(1)])
    worker = make_worker(db, clock, {"telegram": sender}, TELEGRAM)
    start = clock.now()
    assert await worker.run_once() == start + timedelta(seconds=7.5)
    [row] = await deliveries(db)
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, "rate limited")
    await queue(db, outbox, [group(1)])  # the chat is held, not just the one delivery
    clock.advance(timedelta(seconds=5))
    assert await worker.run_once() == start + timedelta(seconds=7.5)
    assert sender.sent == []
    clock.set(start + timedelta(seconds=7.5))
    await drain(worker, clock)
    assert sender.times_for("g1") == [start + timedelta(seconds=s) for s in (7.5, 8.5)]


async def test_transient_errors_back_off_with_jitter(
    db: Database, outbox: Outbox, clock: FakeClock, sender: FakeSender
) -> None:
    sender.script["u1"] = [TransientSendError("server error") for _ in range(3)]
    await queue(db, outbox, [dm(1)])
    worker = make_worker(db, clock, {"telegram": sender})
    gaps = []
    while (next_at := await worker.run_once()) is not None:
        gaps.append((next_at - clock.now()).total_seconds())
        clock.set(next_at)
    assert gaps == [1.5, 3.0, 6.0]  # 2 s doubling, rng 0.5 -> three quarters of each step
    [row] = await deliveries(db)
    assert (row.status, row.attempts, row.last_error) == ("sent", 4, "server error")


@pytest.mark.parametrize(
    ("attempts", "rng", "expected"),
    [(1, 0.0, 1.0), (1, 1.0, 2.0), (3, 0.5, 6.0), (10, 1.0, 60.0), (40, 0.0, 30.0)],
)
def test_backoff_doubles_and_is_capped(
    db: Database, clock: FakeClock, attempts: int, rng: float, expected: float
) -> None:
    settings = DeliverySettings(base_backoff_seconds=2.0, max_backoff_seconds=60.0)
    worker = make_worker(db, clock, {}, settings=settings)
    worker._rng = lambda: rng
    assert worker.backoff(attempts) == pytest.approx(expected)


async def test_gives_up_after_max_attempts(
    db: Database, outbox: Outbox, clock: FakeClock, sender: FakeSender
) -> None:
    sender.script["u1"] = [TransientSendError("server error") for _ in range(10)]
    await queue(db, outbox, [dm(1)])
    worker = make_worker(db, clock, {"telegram": sender}, settings=DeliverySettings(max_attempts=3))
    await drain(worker, clock)
    assert sender.calls == 3 and sender.sent == []
    [row] = await deliveries(db)
    assert (row.status, row.last_error) == ("failed", "gave up after 3 attempts: server error")


async def test_permanent_failure_is_recorded_and_not_retried(
    db: Database, outbox: Outbox, clock: FakeClock, sender: FakeSender
) -> None:
    sender.script["g2"] = [PermanentSendError("bot removed from group")]
    item_id = await queue(db, outbox, [group(1), group(2)])
    await drain(make_worker(db, clock, {"telegram": sender}), clock)
    assert sender.calls == 2 and sender.count_for("g1") == 1
    async with db.sessions() as session:
        report = await delivery_report(session, item_id)
    assert report.counts == {"sent": 1, "failed": 1}
    assert report.failures == {"bot removed from group": 1}
    assert report.finished


async def test_a_platform_without_an_adapter_fails_politely(
    db: Database, outbox: Outbox, clock: FakeClock, sender: FakeSender
) -> None:
    await queue(db, outbox, [dm(1, platform="matrix"), dm(2)])
    await drain(make_worker(db, clock, {"telegram": sender}), clock)
    rows = await deliveries(db)
    assert [(r.status, r.last_error) for r in rows] == [
        ("failed", "no adapter for platform matrix"),
        ("sent", None),
    ]


async def test_a_send_timeout_is_retried(
    db: Database, outbox: Outbox, clock: FakeClock, sender: FakeSender
) -> None:
    sender.script["u1"] = [TimeoutError()]
    await queue(db, outbox, [dm(1)])
    await drain(make_worker(db, clock, {"telegram": sender}), clock)
    [row] = await deliveries(db)
    assert (row.status, row.attempts, row.last_error) == ("sent", 2, "timed out")


async def test_a_send_timeout_is_not_repeated_for_at_most_once_kinds(
    db: Database, outbox: Outbox, clock: FakeClock, sender: FakeSender
) -> None:
    sender.script["u1"] = [TimeoutError()]
    await queue(db, outbox, [dm(1)], kind="broadcast")
    worker = make_worker(
        db, clock, {"telegram": sender}, at_most_once_kinds=frozenset({"broadcast"})
    )
    await drain(worker, clock)
    [row] = await deliveries(db)
    assert (row.status, row.last_error) == ("failed", "timed out; may not have arrived")


async def test_an_adapter_bug_is_retried_and_logged_without_its_message(
    db: Database,
    outbox: Outbox,
    clock: FakeClock,
    sender: FakeSender,
    caplog: pytest.LogCaptureFixture,
) -> None:
    sender.script["u1"] = [ValueError(f"could not render {SECRET}")]
    await queue(db, outbox, [dm(1)])
    await drain(make_worker(db, clock, {"telegram": sender}), clock)
    [row] = await deliveries(db)
    assert (row.status, row.last_error) == ("sent", "unexpected error: ValueError")
    assert "ValueError" in caplog.text  # and the autouse fixture checks SECRET is absent


async def test_expired_items_are_not_sent(
    db: Database, outbox: Outbox, clock: FakeClock, sender: FakeSender
) -> None:
    soon = clock.now() + timedelta(minutes=1)
    sender.script["u1"] = [TransientSendError("busy", retry_after=120)]
    retried = await queue(db, outbox, [dm(1)], expires_at=soon)
    late = await queue(db, outbox, [dm(2)], expires_at=soon, not_before=soon)
    await drain(make_worker(db, clock, {"telegram": sender}), clock)
    assert sender.sent == []
    async with db.sessions() as session:
        for item_id in (retried, late):
            report = await delivery_report(session, item_id)
            assert report.counts == {"expired": 1}
            assert report.failures == {"expired before it could be sent": 1}


async def test_a_full_batch_asks_to_run_again_at_once(
    db: Database, outbox: Outbox, clock: FakeClock, sender: FakeSender
) -> None:
    await queue(db, outbox, [dm(i) for i in range(5)])
    worker = make_worker(db, clock, {"telegram": sender}, batch=2)
    assert await worker.run_once() == clock.now()
    assert len(sender.sent) == 2
    await drain(worker, clock)
    assert len(sender.sent) == 5


def test_the_send_timeout_must_fit_in_the_lease(db: Database, clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="lease"):
        make_worker(db, clock, {}, send_timeout=300.0)


class Crash(BaseException):
    """Not an error the worker may swallow: the process is going down."""


async def test_a_process_level_exception_is_not_swallowed(
    db: Database, outbox: Outbox, clock: FakeClock, sender: FakeSender
) -> None:
    sender.script["u1"] = [Crash()]
    await queue(db, outbox, [dm(1)])
    with pytest.raises(Crash):
        await make_worker(db, clock, {"telegram": sender}).run_once()
    [row] = await deliveries(db)
    assert row.status == "sending"  # left to the lease, like any crash
