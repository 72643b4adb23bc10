"""Queuing: one item and one delivery per chat, in the caller's unit of work."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.clock import FakeClock
from bot.delivery import Outbox, delivery_report, purge_outbox
from bot.events import Button, ChatKind, ChatRef
from storage.database import Database
from storage.models import Delivery, OutboxItem
from tests.delivery.conftest import SECRET, dm, group


async def count(db: Database, model: type[OutboxItem] | type[Delivery]) -> int:
    async with db.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_enqueue_writes_an_item_and_a_delivery_per_chat(
    db: Database, outbox: Outbox, clock: FakeClock
) -> None:
    thread = ChatRef("telegram", "g1", ChatKind.GROUP, thread_id="7")
    async with db.transaction() as session:
        item_id = await outbox.enqueue(
            session,
            kind="reminder",
            text=SECRET,
            chats=[group(1), dm(2), thread, group(1)],  # the repeat is collapsed
            buttons=[Button("Yes", "rsvp:yes")],
        )
    assert item_id is not None
    async with db.sessions() as session:
        item = await session.get_one(OutboxItem, item_id)
        rows = (await session.scalars(select(Delivery).order_by(Delivery.id))).all()
    assert item.buttons == [{"label": "Yes", "data": "rsvp:yes"}]
    assert item.not_before == clock.now() and item.created_at == clock.now()
    assert [(r.chat_id, r.chat_kind, r.thread_id, r.status) for r in rows] == [
        ("g1", "group", "", "pending"),
        ("u2", "dm", "", "pending"),
        ("g1", "group", "7", "pending"),
    ]
    assert all(r.next_attempt_at == clock.now() and r.attempts == 0 for r in rows)


async def test_not_before_sets_the_first_attempt(
    db: Database, outbox: Outbox, clock: FakeClock
) -> None:
    later = clock.now() + timedelta(hours=3)
    async with db.transaction() as session:
        await outbox.enqueue(session, kind="k", text="t", chats=[dm(1)], not_before=later)
    async with db.sessions() as session:
        row = await session.scalar(select(Delivery))
    assert row is not None and row.next_attempt_at == later


async def test_dedupe_key_queues_once(db: Database, outbox: Outbox) -> None:
    async with db.transaction() as session:
        first = await outbox.enqueue(session, kind="k", text="t", chats=[dm(1)], dedupe_key="x")
    async with db.transaction() as session:
        again = await outbox.enqueue(session, kind="k", text="t", chats=[dm(1)], dedupe_key="x")
        other = await outbox.enqueue(session, kind="k", text="t", chats=[dm(1)], dedupe_key="y")
    assert first is not None and again is None and other is not None and other != first
    assert await count(db, OutboxItem) == 2
    assert await count(db, Delivery) == 2


async def test_a_rolled_back_unit_of_work_queues_nothing_and_wakes_nobody(
    db: Database, outbox: Outbox
) -> None:
    woken: list[str] = []
    outbox.add_listener(lambda: woken.append("woken"))
    with pytest.raises(RuntimeError):
        async with db.transaction() as session:
            await outbox.enqueue(session, kind="k", text="t", chats=[dm(1)])
            raise RuntimeError("the feature failed after queuing")
    assert await count(db, OutboxItem) == 0
    assert await count(db, Delivery) == 0
    assert woken == []


async def test_listeners_are_called_once_per_commit(db: Database, outbox: Outbox) -> None:
    woken: list[str] = []
    outbox.add_listener(lambda: woken.append("woken"))
    async with db.transaction() as session:
        await outbox.enqueue(session, kind="k", text="a", chats=[dm(1)])
        await outbox.enqueue(session, kind="k", text="b", chats=[dm(2)])
        assert woken == []  # not before the commit
    assert woken == ["woken"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"chats": []}, "at least one chat"),
        ({"chats": [dm(1)], "not_before": datetime(2026, 1, 1)}, "timezone-aware"),
        ({"chats": [dm(1)], "expires_at": datetime(2026, 1, 1)}, "timezone-aware"),
    ],
)
async def test_enqueue_rejects_bad_input(
    db: Database, outbox: Outbox, kwargs: dict[str, object], message: str
) -> None:
    async with db.transaction() as session:
        with pytest.raises(ValueError, match=message):
            await outbox.enqueue(session, kind="k", text="t", **kwargs)  # type: ignore[arg-type]


async def test_report_counts_statuses_and_reasons(db: Database, outbox: Outbox) -> None:
    async with db.transaction() as session:
        item_id = await outbox.enqueue(session, kind="k", text="t", chats=[dm(i) for i in range(5)])
        rows = (await session.scalars(select(Delivery).order_by(Delivery.id))).all()
        rows[0].status = "sent"
        rows[1].status, rows[1].last_error = "failed", "bot removed from group"
        rows[2].status, rows[2].last_error = "failed", "bot removed from group"
        rows[3].status, rows[3].last_error = "expired", None
    assert item_id is not None
    async with db.sessions() as session:
        report = await delivery_report(session, item_id)
    assert report.counts == {"sent": 1, "failed": 2, "expired": 1, "pending": 1}
    assert report.failures == {"bot removed from group": 2, "unknown": 1}
    assert report.total == 5
    assert not report.finished
    async with db.sessions() as session:
        empty = await delivery_report(session, 999)
    assert empty.total == 0 and empty.finished


async def test_purge_removes_old_finished_items_only(
    db: Database, outbox: Outbox, clock: FakeClock
) -> None:
    async with db.transaction() as session:
        old_done = await outbox.enqueue(session, kind="k", text="t", chats=[dm(1), dm(2)])
        old_open = await outbox.enqueue(session, kind="k", text="t", chats=[dm(3)])
        for row in (await session.scalars(select(Delivery))).all():
            row.status = "pending" if row.item_id == old_open else "sent"
    clock.advance(timedelta(days=20))
    async with db.transaction() as session:
        recent = await outbox.enqueue(session, kind="k", text="t", chats=[dm(4)])
        (
            await session.scalars(select(Delivery).where(Delivery.item_id == recent))
        ).one().status = "sent"
    clock.advance(timedelta(days=11))
    async with db.transaction() as session:
        removed = await purge_outbox(session, now=clock.now(), keep_days=30)
    assert removed == 1
    async with db.sessions() as session:
        left = set((await session.scalars(select(OutboxItem.id))).all())
        deliveries = set((await session.scalars(select(Delivery.item_id))).all())
    assert left == {old_open, recent} and old_done not in deliveries
    async with db.transaction() as session:
        assert await purge_outbox(session, now=clock.now(), keep_days=30) == 0
