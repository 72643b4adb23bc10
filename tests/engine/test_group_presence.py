"""carebot added to a group, removed from it, added back, or following it to a new id."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.events import ChatChange
from bot.group_retirement import GROUP_LOST_KIND
from bot.roles import Role
from storage.models import Delivery, Group
from tests.engine.moderation_support import in_groups, queued_for
from tests.support.harness import Harness, only_text

NEW_ID = "group-tuesday-super"


async def groups(h: Harness) -> dict[str, bool]:
    async with h.db.sessions() as session:
        rows = await session.execute(select(Group.chat_id, Group.active).order_by(Group.id))
        return {chat_id: active for chat_id, active in rows.all()}


async def test_added_to_a_new_group_says_hello_and_how_to_register(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    place = await h.group("tuesday", register=False)
    text = only_text(await h.carebot_changed(place, ChatChange.ADDED, by=sam))
    assert "I'm carebot" in text and "/register support group" in text
    assert await groups(h) == {}  # nothing is registered until staff say so


async def test_removed_then_added_back_carries_on_and_tells_staff_once(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    amira = await h.person("Amira")
    place = await h.group("tuesday")

    assert await h.carebot_changed(place, ChatChange.REMOVED, by=amira) == []
    await h.carebot_changed(place, ChatChange.REMOVED, by=amira)  # told twice: staff hear once
    assert await groups(h) == {place.id: False}
    [told] = await queued_for(h, sam, GROUP_LOST_KIND)
    assert "removed from *tuesday*" in told.text and "add me back" in told.text

    text = only_text(await h.carebot_changed(place, ChatChange.ADDED, by=amira))
    assert "Thanks for adding me back" in text
    assert await groups(h) == {place.id: True}
    # added again while active (a duplicate notice from the platform): nothing more is said
    assert await h.carebot_changed(place, ChatChange.ADDED, by=amira) == []


async def test_a_moved_group_keeps_its_registration_and_waiting_messages(
    harness: Harness,
) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    place = await h.group("tuesday")
    outbox = h.app.services.outbox
    assert outbox is not None
    tomorrow = h.clock.now() + timedelta(days=1)
    async with h.db.transaction() as session:
        await outbox.enqueue(
            session, kind="reminder", text="Coffee tomorrow", chats=[place], not_before=tomorrow
        )

    assert await h.carebot_changed(place, ChatChange.MOVED, by=sam, new_id=NEW_ID) == []

    assert await groups(h) == {NEW_ID: True}
    async with h.db.sessions() as session:
        reminder = await session.scalar(select(Delivery))
    assert reminder is not None and reminder.chat_id == NEW_ID
    assert reminder.next_attempt_at == tomorrow


async def test_odd_notices_change_nothing(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    place = await h.group("tuesday")
    # a move without a new id, and changes "in" a private chat, are ignored
    assert await h.carebot_changed(place, ChatChange.MOVED, by=sam) == []
    for change in ChatChange:
        actions = await h.carebot_changed(sam.dm, change, by=sam, new_id=NEW_ID)
        assert in_groups(actions) == [] and actions == []
    assert await groups(h) == {place.id: True}
    assert await queued_for(h, sam) == []
