"""`carebot run` stopping (SIGTERM): the send under way finishes and is recorded first."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest
from sqlalchemy import select

from bot.app import build_app
from bot.capabilities import Capabilities
from bot.clock import FakeClock
from bot.delivery import RateLimits, SentMessage
from bot.events import ChatKind, ChatRef, Outgoing
from bot.platform import EventSink
from bot.runner import Runner
from config.settings import Settings
from config.texts import Texts
from storage.database import Database
from storage.models import Delivery
from tests.delivery.conftest import SECRET, FakeSender

pytestmark = pytest.mark.storage

PLATFORM = "fake"


class HeldSender(FakeSender):
    """A send that stays with the platform until the test lets the answer come back."""

    def __init__(self, clock: FakeClock, order: list[str]) -> None:
        super().__init__(clock)
        self.order = order
        self.in_flight = asyncio.Event()
        self.answer = asyncio.Event()

    async def send(self, outgoing: Outgoing) -> SentMessage:
        self.in_flight.set()
        await self.answer.wait()
        sent = await super().send(outgoing)
        self.order.append("answered")
        return sent


class HeldAdapter:
    """A platform adapter whose sends need it running (as Telegram's HTTP client does)."""

    name = PLATFORM
    username = None
    limits = RateLimits()

    def __init__(self, clock: FakeClock) -> None:
        self.order: list[str] = []
        self.sender = HeldSender(clock, self.order)

    def capabilities(self, chat: ChatRef | None = None) -> Capabilities:
        return Capabilities()

    async def start(self, sink: EventSink) -> None:
        return None

    async def stop(self) -> None:
        self.order.append("adapter stopped")

    async def publish_commands(
        self, everyone: Sequence[tuple[str, str]], admins: Sequence[tuple[str, str]]
    ) -> None:
        return None


async def test_stop_waits_for_the_send_under_way_then_stops_the_adapters(
    database: Database, settings: Settings, texts: Texts, clock: FakeClock
) -> None:
    adapter = HeldAdapter(clock)
    app = build_app(
        settings=settings,
        texts=texts,
        clock=clock,
        db=database,
        capabilities={PLATFORM: adapter.capabilities()},
    )
    runner = Runner(app, [adapter])
    await runner.start()
    chats = [ChatRef(PLATFORM, f"u{n}", ChatKind.DM) for n in range(2)]
    await runner.perform([Outgoing(chat, SECRET) for chat in chats])
    async with asyncio.timeout(10):
        await adapter.sender.in_flight.wait()
    stopping = asyncio.create_task(runner.stop())
    for _ in range(20):
        await asyncio.sleep(0)
    assert not stopping.done() and adapter.order == []  # it waits for the answer
    adapter.sender.answer.set()
    async with asyncio.timeout(10):
        await stopping
    assert adapter.order[-1] == "adapter stopped"
    assert adapter.order.count("answered") == adapter.sender.calls
    async with database.sessions() as session:
        statuses = sorted((await session.scalars(select(Delivery.status))).all())
    # Whatever was sent is recorded as sent; nothing is left claimed and unrecorded.
    assert "sending" not in statuses
    assert statuses.count("sent") == len(adapter.sender.sent) >= 1
