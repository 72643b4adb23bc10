"""A child process for the kill tests: queue or deliver, and die by SIGKILL when told.

Run as `python -m tests.delivery.crash_child MODE DB LOG [KILL_AFTER]`.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.clock import FakeClock
from bot.delivery import DeliveryWorker, Outbox, RateLimits, SentMessage
from bot.events import ChatKind, ChatRef, Outgoing
from config.settings import DeliverySettings
from storage.database import Database
from storage.migrate import upgrade

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
CHATS = 40


class LoggingSender:
    """Appends each chat it sends to, flushed to disk, so a kill can't hide a send."""

    def __init__(self, log: Path, kill_after: int | None) -> None:
        self.log = log
        self.kill_after = kill_after
        self.sent = 0

    async def send(self, outgoing: Outgoing) -> SentMessage:
        if self.kill_after is not None and self.sent >= self.kill_after:
            os.kill(os.getpid(), signal.SIGKILL)
        with self.log.open("a", encoding="utf-8") as handle:
            handle.write(outgoing.chat.id + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.sent += 1
        return SentMessage(message_id=str(self.sent))

    async def delete(self, chat: ChatRef, message_id: str) -> None:
        return None


async def queue(db: Database) -> None:
    clock = FakeClock(START)
    chats = [ChatRef("telegram", f"g{n}", ChatKind.GROUP) for n in range(CHATS)]
    async with db.transaction() as session:
        await Outbox(clock).enqueue(
            session, kind="notice", text="Training on Thursday", chats=chats
        )
    os.kill(os.getpid(), signal.SIGKILL)  # die before any worker runs


async def deliver(db: Database, log: Path, kill_after: int | None, minutes: int) -> None:
    clock = FakeClock(START + timedelta(minutes=minutes))
    worker = DeliveryWorker(
        db,
        {"telegram": LoggingSender(log, kill_after)},
        {"telegram": RateLimits()},
        clock,
        DeliverySettings(),
        rng=lambda: 0.5,
        concurrency=1,
    )
    while await worker.run_once() is not None:
        clock.advance(timedelta(seconds=1))


async def main(mode: str, path: Path, log: Path, kill_after: int | None, minutes: int) -> None:
    db = Database(f"sqlite:///{path}")
    await upgrade(db)
    try:
        if mode == "queue":
            await queue(db)
        else:
            await deliver(db, log, kill_after, minutes)
    finally:
        await db.close()


if __name__ == "__main__":
    kill = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[4] != "-" else None
    minutes = int(sys.argv[5]) if len(sys.argv) > 5 else 0
    asyncio.run(main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), kill, minutes))
