"""What happens after a send fails for good: the worker reports, the core reacts.

A refused private message with a fallback group gets one neutral line there (never
the message's words); a group that removed carebot is retired and staff told once.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.delivery import Outbox
from bot.delivery.failures import DeliveryFailure
from bot.delivery.ports import ChatUnavailable, DirectMessageRefused, PermanentSendError
from bot.events import ChatKind, ChatRef, Outgoing
from bot.group_retirement import GROUP_LOST_KIND
from bot.roles import Role
from bot.undelivered import FALLBACK_KIND, Undelivered
from storage.models import Delivery, Group, OutboxItem
from tests.delivery.conftest import SECRET, FakeSender, dm, group, make_worker
from tests.support.harness import Harness


class LinkingSender(FakeSender):
    def private_chat_link(self, payload: str) -> str | None:
        return f"https://chat.example/open?start={payload}"


async def test_fallback_is_stored_only_for_private_chats_on_the_same_platform(
    db, clock, outbox: Outbox
) -> None:  # type: ignore[no-untyped-def]
    place = ChatRef("telegram", "g1", ChatKind.GROUP, "77")
    async with db.transaction() as session:
        await outbox.enqueue(
            session, kind="nudge", text=SECRET, chats=[dm(1), group(2)], fallback=place
        )
        await outbox.enqueue(
            session, kind="nudge", text=SECRET, chats=[dm(3, "slack")], fallback=place
        )
    async with db.sessions() as session:
        rows = (await session.execute(select(Delivery).order_by(Delivery.id))).scalars().all()
    stored = [(r.chat_id, r.fallback_chat_id, r.fallback_thread_id) for r in rows]
    assert stored == [("u1", "g1", "77"), ("g2", None, None), ("u3", None, None)]


async def test_worker_reports_permanent_failures_with_the_fallback(
    db, clock, outbox: Outbox, sender: FakeSender
) -> None:  # type: ignore[no-untyped-def]
    heard: list[DeliveryFailure] = []

    async def listen(failure: DeliveryFailure) -> None:
        heard.append(failure)

    place = ChatRef("telegram", "g1", ChatKind.GROUP, "77")
    async with db.transaction() as session:
        await outbox.enqueue(session, kind="nudge", text=SECRET, chats=[dm(1)], fallback=place)
        await outbox.enqueue(session, kind="reply", text=SECRET, chats=[group(2)])
    sender.script = {
        "u1": [DirectMessageRefused("dm_not_started")],
        "g2": [PermanentSendError("x")],
    }
    await make_worker(db, clock, {"telegram": sender}, on_failure=listen).run_once()
    by_chat = {f.chat.id: f for f in heard}
    assert by_chat["u1"].fallback == place and by_chat["u1"].kind == "nudge"
    assert isinstance(by_chat["u1"].error, DirectMessageRefused)
    assert by_chat["g2"].fallback is None


def failure(
    chat: ChatRef,
    error: PermanentSendError,
    fallback: ChatRef | None = None,
    kind: str = "reply",
    delivery: int = 1,
) -> DeliveryFailure:
    return DeliveryFailure(delivery, 1, kind, chat, fallback, error)


async def items(h: Harness) -> list[tuple[str, str]]:
    async with h.db.sessions() as session:
        rows = await session.execute(
            select(OutboxItem.kind, OutboxItem.text).order_by(OutboxItem.id)
        )
        return [(kind, text) for kind, text in rows.all()]


async def test_refused_private_message_gets_one_neutral_line(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira Hassan")
    place = await h.group("tuesday")
    undelivered = Undelivered(h.app.services, {"console": LinkingSender(h.clock)})
    refused = failure(amira.dm, DirectMessageRefused("dm_not_started"), place)
    await undelivered(refused)
    await undelivered(refused)  # a second report of the same delivery changes nothing
    (line,) = await items(h)
    assert line[0] == FALLBACK_KIND
    assert "Amira Hassan" in line[1] and "https://chat.example/open?start=note" in line[1]


async def test_no_fallback_without_a_link_or_for_a_fallback(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira Hassan")
    place = await h.group("tuesday")
    await Undelivered(h.app.services, {"console": FakeSender(h.clock)})(
        failure(amira.dm, DirectMessageRefused("dm_not_started"), place)
    )
    await Undelivered(h.app.services, {"console": LinkingSender(h.clock)})(
        failure(amira.dm, DirectMessageRefused("dm_not_started"), place, kind=FALLBACK_KIND)
    )
    await Undelivered(h.app.services, {"console": LinkingSender(h.clock)})(
        failure(amira.dm, PermanentSendError("user_blocked"), place)
    )
    assert await items(h) == []


async def test_lost_group_is_retired_and_staff_told_once(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    await h.person("Amira")
    place = await h.group("tuesday")
    undelivered = Undelivered(h.app.services, {})
    await undelivered(failure(place, ChatUnavailable("bot_removed"), delivery=1))
    await undelivered(failure(place, ChatUnavailable("bot_removed"), delivery=2))
    (told,) = await items(h)
    assert told[0] == GROUP_LOST_KIND and "*tuesday*" in told[1]
    async with h.db.sessions() as session:
        assert await session.scalar(select(Group.active).where(Group.chat_id == place.id)) is False
        chats = (await session.execute(select(Delivery.chat_id))).scalars().all()
    assert list(chats) == [sam.user.id]


async def test_unregistered_group_or_private_chat_is_left_alone(harness: Harness) -> None:
    h = harness
    await h.person("Sam", Role.STAFF)
    stranger = await h.group("elsewhere", register=False)
    amira = await h.person("Amira")
    undelivered = Undelivered(h.app.services, {})
    await undelivered(failure(stranger, ChatUnavailable("bot_removed")))
    await undelivered(failure(amira.dm, ChatUnavailable("chat_not_found")))
    assert await items(h) == []


async def test_dm_with_fallback_to_here(harness: Harness) -> None:
    from bot.context import Context, Identity
    from bot.events import Message

    h = harness
    place = await h.group("tuesday")
    amira = await h.person("Amira")
    for chat, expected in ((place, place), (amira.dm, None)):
        event = Message(chat, amira.user, "hi", "1", h.clock.now())
        async with h.db.sessions() as session:
            ctx = Context(event, h.app.services, session, Identity())
            ctx.dm("psst", fallback_to_here=True)
            ctx.dm("plain")
        first, second = ctx.actions
        assert isinstance(first, Outgoing) and isinstance(second, Outgoing)
        assert first.chat == amira.dm and first.fallback == expected
        assert second.fallback is None
