"""A group that moves to a new id (a Telegram supergroup) keeps getting its messages."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.chat_moves import move_group
from bot.delivery.ports import ChatMoved
from bot.events import ChatKind, ChatRef
from bot.identity import find_group
from bot.undelivered import Undelivered
from storage.models import Delivery, Group
from tests.delivery.conftest import FakeSender, make_worker
from tests.support.harness import Harness

NEW_ID = "group-tuesday-super"


async def chat_ids(h: Harness) -> dict[str, bool]:
    async with h.db.sessions() as session:
        rows = await session.execute(select(Group.chat_id, Group.active).order_by(Group.id))
        return {chat_id: active for chat_id, active in rows.all()}


async def test_a_refused_message_follows_the_group_and_reminders_keep_their_time(
    harness: Harness,
) -> None:
    h = harness
    place = await h.group("tuesday")
    outbox = h.app.services.outbox
    assert outbox is not None
    tomorrow = h.clock.now() + timedelta(days=1)
    async with h.db.transaction() as session:
        await outbox.enqueue(session, kind="notice", text="Training on Friday", chats=[place])
        await outbox.enqueue(
            session, kind="reminder", text="Coffee tomorrow", chats=[place], not_before=tomorrow
        )
    sender = FakeSender(h.clock)
    sender.script = {place.id: [ChatMoved(NEW_ID)]}
    undelivered = Undelivered(h.app.services, {"console": sender})
    worker = make_worker(h.db, h.clock, {"console": sender}, on_failure=undelivered)

    await worker.run_once()  # refused: the chat has moved
    await worker.run_once()  # sent again, to the new id

    assert [out.text for _, out in sender.sent] == ["Training on Friday"]
    assert sender.sent[0][1].chat.id == NEW_ID
    assert await chat_ids(h) == {NEW_ID: True}
    async with h.db.sessions() as session:
        reminder = await session.scalar(
            select(Delivery).where(Delivery.status == "pending").order_by(Delivery.id)
        )
    assert reminder is not None and reminder.chat_id == NEW_ID
    assert reminder.next_attempt_at == tomorrow

    h.clock.advance(timedelta(days=1))
    await worker.run_once()
    assert [out.text for _, out in sender.sent] == ["Training on Friday", "Coffee tomorrow"]
    # the group is found under its new id, with everything that hangs off it
    async with h.db.sessions() as session:
        found = await find_group(session, ChatRef("console", NEW_ID, ChatKind.GROUP))
    assert found is not None and found.title == "tuesday"


async def test_a_new_chat_registered_already_wins_and_the_old_one_retires(
    harness: Harness,
) -> None:
    h = harness
    old = await h.group("tuesday")
    await h.group("tuesday-super")
    async with h.db.transaction() as session:
        kept = await move_group(session, "console", old.id, "group-tuesday-super", h.clock.now())
    async with h.db.sessions() as session:
        kept_chat = await session.scalar(select(Group.chat_id).where(Group.id == kept))
    assert kept_chat == "group-tuesday-super"
    assert await chat_ids(h) == {old.id: False, "group-tuesday-super": True}


async def test_unknown_chats_and_same_ids_change_nothing(harness: Harness) -> None:
    h = harness
    place = await h.group("tuesday")
    async with h.db.transaction() as session:
        assert await move_group(session, "console", "nowhere", "elsewhere", h.clock.now()) is None
        assert await move_group(session, "console", place.id, place.id, h.clock.now()) is None
        assert await move_group(session, "telegram", place.id, NEW_ID, h.clock.now()) is None
    assert await chat_ids(h) == {place.id: True}
