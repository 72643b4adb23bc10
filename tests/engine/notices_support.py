"""Helpers for the notices transcripts: an organisation with regions, what the outbox holds,
and a delivery worker with a fake platform, so a test reads "then the groups got this".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from bot.clock import FakeClock
from bot.delivery import DeliveryWorker, SendError, SentMessage
from bot.events import Button, ChatKind, ChatRef, Outgoing
from bot.people.setup import ensure_group, ensure_org
from config.settings import DeliverySettings
from storage.models import Delivery, OutboxItem
from tests.support.harness import PLATFORM, Actor, Harness

NOTICE_HEADER = "*A notice from Harbour Fostering*"


async def group_in(
    h: Harness,
    name: str,
    purpose: str = "support_group",
    region: str | None = None,
    platform: str = PLATFORM,
) -> ChatRef:
    """A registered group chat with a purpose and (perhaps) a region."""
    chat = ChatRef(platform, f"group-{name}", ChatKind.GROUP, title=name)
    async with h.db.transaction() as db:
        org = await ensure_org(db, h.org_name, h.clock.now())
        await ensure_group(db, org, chat, purpose, h.clock.now(), region=region)
    return chat


async def joined(h: Harness, chat: ChatRef, *people: Actor) -> None:
    """People join a group (carebot notes them as members, and welcomes them)."""
    for person in people:
        await h.joins(person, chat)


@dataclass(frozen=True)
class Queued:
    item_id: int
    kind: str
    chat_id: str
    text: str
    buttons: tuple[Button, ...]
    not_before: datetime
    dedupe_key: str | None
    status: str


async def queued(h: Harness, kind: str = "notice") -> list[Queued]:
    """Every delivery of this kind in the outbox, in order."""
    async with h.db.sessions() as db:
        found = await db.execute(
            select(OutboxItem, Delivery)
            .join(Delivery, Delivery.item_id == OutboxItem.id)
            .where(OutboxItem.kind == kind)
            .order_by(OutboxItem.id, Delivery.id)
        )
        return [
            Queued(
                item.id,
                item.kind,
                delivery.chat_id,
                item.text,
                tuple(Button(b["label"], b["data"]) for b in item.buttons),
                item.not_before,
                item.dedupe_key,
                delivery.status,
            )
            for item, delivery in found.all()
        ]


async def press_on(h: Harness, message: Queued, label: str, *, as_: Actor, in_: ChatRef) -> Any:
    """Press a button on a message that came through the outbox."""
    for button in message.buttons:
        if button.label == label:
            return await h.press_data(button.data, as_=as_, in_=in_)
    raise AssertionError(f"no button {label!r} on {message.text!r}")


@dataclass
class FakePlatform:
    """Accepts every message except those scripted to fail: `fail[chat_id]` is raised once each."""

    clock: FakeClock
    sent: list[Outgoing] = field(default_factory=list)
    fail: dict[str, list[SendError]] = field(default_factory=dict)

    async def send(self, outgoing: Outgoing) -> SentMessage:
        waiting = self.fail.get(outgoing.chat.id)
        if waiting:
            raise waiting.pop(0)
        self.sent.append(outgoing)
        return SentMessage(message_id=str(len(self.sent)))

    async def delete(self, chat: ChatRef, message_id: str) -> None:
        return None

    def to(self, chat_id: str) -> list[Outgoing]:
        return [o for o in self.sent if o.chat.id == chat_id]


async def deliver(
    h: Harness, platform: FakePlatform, platforms: Sequence[str] = (PLATFORM,)
) -> None:
    """Run the real delivery worker until nothing is left to do, jumping the fake clock."""
    worker = DeliveryWorker(
        h.app.services.db,
        dict.fromkeys(platforms, platform),
        {},
        h.clock,
        DeliverySettings(max_attempts=3),
        rng=lambda: 0.5,
    )
    for _ in range(1000):
        next_at = await worker.run_once()
        if next_at is None:
            return
        if next_at > h.clock.now():
            h.clock.set(next_at)
    raise AssertionError("the delivery worker never finished")
