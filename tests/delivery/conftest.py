"""Shared pieces for the delivery tests: a migrated SQLite file, a fake clock, a fake adapter."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.delivery import DeliveryWorker, Outbox, RateLimits, Sender, SentMessage
from bot.events import ChatKind, ChatRef, Outgoing
from config.settings import DeliverySettings
from storage.database import Database
from storage.migrate import upgrade

SECRET = "SECRET-WORDING-never-logged"


def group(n: int | str, platform: str = "telegram") -> ChatRef:
    return ChatRef(platform, f"g{n}", ChatKind.GROUP)


def dm(n: int | str, platform: str = "telegram") -> ChatRef:
    return ChatRef(platform, f"u{n}", ChatKind.DM)


class FakeSender:
    """Records what it sends and when; `script[chat_id]` lists exceptions to raise first."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.sent: list[tuple[datetime, Outgoing]] = []
        self.calls = 0
        self.script: dict[str, list[BaseException]] = {}
        self.deleted: list[tuple[ChatRef, str]] = []
        self.hang_after_send = False
        self.hang_before_send = False
        self.hung = asyncio.Event()
        self.on_send: Callable[[Outgoing], None] | None = None

    async def send(self, outgoing: Outgoing) -> SentMessage:
        self.calls += 1
        await asyncio.sleep(0)  # let other tasks interleave, as a network call would
        queued = self.script.get(outgoing.chat.id)
        if queued:
            raise queued.pop(0)
        if self.hang_before_send:
            await self._hang()
        self.sent.append((self.clock.now(), outgoing))
        if self.on_send is not None:
            self.on_send(outgoing)
        if self.hang_after_send:
            await self._hang()
        return SentMessage(message_id=f"m{len(self.sent)}")

    async def delete(self, chat: ChatRef, message_id: str) -> None:
        self.deleted.append((chat, message_id))

    async def _hang(self) -> None:
        self.hung.set()
        await asyncio.Event().wait()  # the process "dies" here; the test cancels us

    def count_for(self, chat_id: str) -> int:
        return sum(1 for _, out in self.sent if out.chat.id == chat_id)

    def times_for(self, chat_id: str) -> list[datetime]:
        return [at for at, out in self.sent if out.chat.id == chat_id]


async def open_db(path: Path) -> Database:
    db = Database(f"sqlite:///{path}")
    await upgrade(db)
    return db


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await open_db(tmp_path / "t.db")
    yield database
    await database.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sender(clock: FakeClock) -> FakeSender:
    return FakeSender(clock)


@pytest.fixture
def outbox(clock: FakeClock) -> Outbox:
    return Outbox(clock)


@pytest.fixture(autouse=True)
def no_message_text_in_logs(caplog: pytest.LogCaptureFixture) -> object:
    caplog.set_level("DEBUG")
    yield None
    assert SECRET not in caplog.text


def make_worker(
    db: Database,
    clock: FakeClock,
    senders: dict[str, Sender],
    limits: dict[str, RateLimits] | None = None,
    **kwargs: object,
) -> DeliveryWorker:
    settings = kwargs.pop("settings", None) or DeliverySettings()
    assert isinstance(settings, DeliverySettings)
    return DeliveryWorker(db, senders, limits or {}, clock, settings, rng=lambda: 0.5, **kwargs)  # type: ignore[arg-type]


async def drain(worker: DeliveryWorker, clock: FakeClock, max_passes: int = 100_000) -> timedelta:
    """Run the worker, jumping the fake clock to each time it asks for, until it is idle."""
    start = clock.now()
    for _ in range(max_passes):
        next_at = await worker.run_once()
        if next_at is None:
            return clock.now() - start
        if next_at > clock.now():
            clock.set(next_at)
    raise AssertionError("the worker never became idle")


def max_in_window(times: list[datetime], period: timedelta) -> int:
    """The most events found in any half-open window of `period`."""
    ordered = sorted(times)
    best = 0
    left = 0
    for right, at in enumerate(ordered):
        while at - ordered[left] >= period:
            left += 1
        best = max(best, right - left + 1)
    return best
