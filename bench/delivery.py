"""How fast the delivery worker drains a big broadcast, in fake time and in wall time.

Run `python bench/delivery.py [--groups 1000]`. The worker sends through an
in-process fake adapter with Telegram's limits while a fake clock jumps to each
time the worker asks for, so fake time shows how close carebot gets to the
platform's own minimum (the target is at most 1.2x) and wall time shows what the
worker itself costs per delivery (SQLite claims and settles, rate-limit bookkeeping).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.clock import FakeClock
from bot.delivery import TELEGRAM_LIMITS, DeliveryWorker, Outbox, SentMessage
from bot.events import ChatKind, ChatRef, Outgoing
from config.settings import DeliverySettings
from storage.database import Database
from storage.migrate import upgrade


class InstantSender:
    """A platform that accepts everything at once and remembers when."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.times: list[datetime] = []

    async def send(self, outgoing: Outgoing) -> SentMessage:
        self.times.append(self.clock.now())
        return SentMessage(message_id=str(len(self.times)))

    async def delete(self, chat: ChatRef, message_id: str) -> None:
        return None


async def run(chats: list[ChatRef], items_per_chat: int, workdir: Path) -> tuple[float, float, int]:
    """Queue and drain; return (fake seconds to the last send, wall seconds, sends)."""
    db = Database(f"sqlite:///{workdir / f'bench-{len(chats)}-{items_per_chat}.db'}")
    await upgrade(db)
    clock = FakeClock()
    outbox = Outbox(clock)
    async with db.transaction() as session:
        for _ in range(items_per_chat):
            await outbox.enqueue(session, kind="broadcast", text="Coffee morning", chats=chats)
    sender = InstantSender(clock)
    worker = DeliveryWorker(
        db, {"telegram": sender}, {"telegram": TELEGRAM_LIMITS}, clock, DeliverySettings()
    )
    start, wall = clock.now(), time.perf_counter()
    while (next_at := await worker.run_once()) is not None:
        clock.set(max(next_at, clock.now()))
    wall = time.perf_counter() - wall
    await db.close()
    return (max(sender.times) - start).total_seconds(), wall, len(sender.times)


def report(name: str, fake: float, earliest: float, wall: float, sends: int) -> None:
    """`earliest`: when the last send could go at best without breaking a sliding window."""
    print(name)
    print(f"  deliveries              {sends}")
    print(f"  fake time to last send  {fake:7.1f} s")
    print(
        f"  platform minimum        {earliest:7.1f} s  ratio {fake / earliest:.3f} (target <= 1.2)"
    )
    print(f"  wall time               {wall:7.2f} s  {1000 * wall / sends:.2f} ms per delivery")


async def main(groups: int) -> None:
    limits = TELEGRAM_LIMITS
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        chats = [ChatRef("telegram", f"-100{i}", ChatKind.GROUP) for i in range(groups)]
        fake, wall, sends = await run(chats, 1, workdir)
        earliest = float(math.ceil(groups / limits.global_per_second) - 1)
        report(f"{groups} Telegram groups, one message each (30/s)", fake, earliest, wall, sends)
        print(f"  ({groups} / 30 per second = {groups / limits.global_per_second:.1f} s)")

        one = [ChatRef("telegram", "-1001", ChatKind.GROUP)]
        fake, wall, sends = await run(one, 100, workdir)
        per_minute = limits.per_group_per_minute
        earliest = float((math.ceil(100 / per_minute) - 1) * 60 + (per_minute - 1))
        report("100 messages to one Telegram group (20/min, 1/s)", fake, earliest, wall, sends)
        print(f"  (five minute-windows; 100 / 20 per minute = {100 / per_minute * 60:.0f} s)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=1000)
    asyncio.run(main(parser.parse_args().groups))
