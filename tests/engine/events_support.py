"""Helpers for the events and sessions transcripts: what the outbox queued, and firing timers.

Reminders are not answers to a message: they go through the outbox when a timer fires. The
`Postbox` reads what was queued since it last looked, so a test reads like "then the group
got this".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.app import build_app
from bot.delivery import DeliveryWorker, RateLimits, SentMessage
from bot.events import Action, Button, ChatRef, Outgoing
from storage.events_tables import GroupEvent
from storage.models import Delivery, OutboxItem, ScheduledJob
from tests.support.harness import Actor, Harness

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class Queued:
    chat_id: str
    kind: str
    text: str
    buttons: tuple[Button, ...]
    not_before: datetime
    expires_at: datetime | None
    fallback: str | None

    @property
    def labels(self) -> list[str]:
        return [b.label for b in self.buttons]


@dataclass
class Postbox:
    """Everything the outbox holds, read in order; `new()` gives only what came since."""

    h: Harness
    seen: set[int] = field(default_factory=set)

    async def all(self) -> list[Queued]:
        async with self.h.db.sessions() as db:
            rows = await db.execute(
                select(OutboxItem, Delivery)
                .join(Delivery, Delivery.item_id == OutboxItem.id)
                .order_by(OutboxItem.id, Delivery.id)
            )
            return [_queued(item, delivery) for item, delivery in rows.all()]

    async def new(self) -> list[Queued]:
        async with self.h.db.sessions() as db:
            rows = await db.execute(
                select(OutboxItem, Delivery)
                .join(Delivery, Delivery.item_id == OutboxItem.id)
                .where(OutboxItem.id.not_in(self.seen or {0}))
                .order_by(OutboxItem.id, Delivery.id)
            )
            found = rows.all()
        self.seen.update(item.id for item, _ in found)
        return [_queued(item, delivery) for item, delivery in found]

    async def to(self, chat_id: str) -> list[Queued]:
        return [q for q in await self.new() if q.chat_id == chat_id]


def _queued(item: OutboxItem, delivery: Delivery) -> Queued:
    buttons: list[dict[str, Any]] = item.buttons
    return Queued(
        chat_id=delivery.chat_id,
        kind=item.kind,
        text=item.text,
        buttons=tuple(Button(b["label"], b["data"]) for b in buttons),
        not_before=item.not_before,
        expires_at=item.expires_at,
        fallback=delivery.fallback_chat_id,
    )


async def fire(h: Harness, at: datetime | None = None) -> int:
    """Move the clock to `at` (if given) and run every timer that is due."""
    if at is not None:
        h.clock.set(at)
    timers = h.app.services.timers
    assert timers is not None
    return await timers.run_due()


def london(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A London wall-clock time as aware UTC."""
    return datetime(year, month, day, hour, minute, tzinfo=LONDON).astimezone(UTC)


async def press_on(h: Harness, message: Queued, label: str, *, as_: Any, in_: Any) -> list[Any]:
    """Press a button on a message that came through the outbox (a reminder)."""
    for button in message.buttons:
        if button.label == label:
            return await h.press_data(button.data, as_=as_, in_=in_)
    raise AssertionError(f"no button {label!r} on {message.text!r}")


def said_to(actions: Sequence[Action], chat: ChatRef | Actor) -> list[str]:
    """What carebot said in one chat (a group, or someone's private chat)."""
    chat_id = chat.user.id if isinstance(chat, Actor) else chat.id
    return [a.text for a in actions if isinstance(a, Outgoing) and a.chat.id == chat_id]


def one_to(actions: Sequence[Action], chat: ChatRef | Actor) -> str:
    found = said_to(actions, chat)
    assert len(found) == 1, f"expected one message, got {found!r}"
    return found[0]


async def save_event(h: Harness, text: str, *, as_: Actor, in_: ChatRef) -> GroupEvent:
    """Describe an event and press Save, as a facilitator would; the stored event."""
    await h.say(f"/event {text}", as_=as_, in_=in_)
    saved = one_to(await h.press("Save", as_=as_, in_=in_), in_)
    assert saved.startswith("Saved"), saved
    async with h.db.sessions() as db:
        return (await db.scalars(select(GroupEvent).order_by(GroupEvent.id.desc()))).first()


async def reminder_jobs(h: Harness, status: str = "pending") -> list[datetime]:
    """When the reminders with a timer in this state are due to go out, earliest first.

    (Each timer itself fires a few minutes before, to have its message ready on the minute.)
    """
    async with h.db.sessions() as db:
        rows = await db.scalars(
            select(ScheduledJob.payload)
            .where(ScheduledJob.kind == "events.remind", ScheduledJob.status == status)
            .order_by(ScheduledJob.run_at)
        )
        return [datetime.fromisoformat(payload["at"]) for payload in rows.all()]


def restarted(h: Harness) -> Harness:
    """A fresh app on the same database and clock: carebot after a restart."""
    services = h.app.services
    app = build_app(
        settings=services.settings,
        texts=services.texts,
        clock=h.clock,
        db=services.db,
        capabilities=services.capabilities,
        rng=services.rng,
    )
    return Harness(app=app, clock=h.clock)


class Phone:
    """A platform that records what reached each chat, for end-to-end delivery checks."""

    def __init__(self) -> None:
        self.received: list[Outgoing] = []

    async def send(self, outgoing: Outgoing) -> SentMessage:
        self.received.append(outgoing)
        return SentMessage(message_id=str(len(self.received)))

    async def delete(self, chat: ChatRef, message_id: str) -> None:
        return None


async def deliver(h: Harness, phone: Phone) -> None:
    """Run the real delivery worker once, at the clock's time, onto `phone`."""
    services = h.app.services
    worker = DeliveryWorker(
        services.db,
        {"console": phone},
        {"console": RateLimits()},
        h.clock,
        services.settings.delivery,
        rng=lambda: 0.5,
    )
    await worker.run_once()
