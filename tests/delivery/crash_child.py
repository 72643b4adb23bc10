"""A child process for the kill tests: queue or deliver, and die by SIGKILL when told.

Run as `python -m tests.delivery.crash_child MODE DB LOG [KILL_AFTER [MINUTES]]`. MODE
`deliver` dies by SIGKILL as its send number KILL_AFTER + 1 begins; MODE `term` gets a
SIGTERM while send number KILL_AFTER is with the platform (accepted, not yet answered)
and stops the way `carebot run` does.
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

    def __init__(self, log: Path, kill_after: int | None, term: bool = False) -> None:
        self.log = log
        self.kill_after = kill_after
        self.term = term
        self.sent = 0

    async def send(self, outgoing: Outgoing) -> SentMessage:
        if not self.term and self.kill_after is not None and self.sent >= self.kill_after:
            os.kill(os.getpid(), signal.SIGKILL)
        with self.log.open("a", encoding="utf-8") as handle:
            handle.write(outgoing.chat.id + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.sent += 1
        if self.term and self.sent == self.kill_after:
            os.kill(os.getpid(), signal.SIGTERM)  # as systemd or docker stop would
            await asyncio.sleep(0)  # the answer is still on its way back
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


async def deliver(
    db: Database, log: Path, kill_after: int | None, minutes: int, term: bool = False
) -> None:
    clock = FakeClock(START + timedelta(minutes=minutes))
    worker = DeliveryWorker(
        db,
        {"telegram": LoggingSender(log, kill_after, term)},
        {"telegram": RateLimits()},
        clock,
        DeliverySettings(),
        rng=lambda: 0.5,
        concurrency=1,
    )
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, worker.stop)
    while await worker.run_once() is not None and not worker.stopping:
        clock.advance(timedelta(seconds=1))


async def main(mode: str, path: Path, log: Path, kill_after: int | None, minutes: int) -> None:
    db = Database(f"sqlite:///{path}")
    await upgrade(db)
    try:
        if mode == "queue":
            await queue(db)
        else:
            await deliver(db, log, kill_after, minutes, term=mode == "term")
    finally:
        await db.close()


if __name__ == "__main__":
    kill = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[4] != "-" else None
    minutes = int(sys.argv[5]) if len(sys.argv) > 5 else 0
    asyncio.run(main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), kill, minutes))
