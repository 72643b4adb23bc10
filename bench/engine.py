"""Messages per second through the real engine with SQLite storage, and p50/p99 per message.

Run by hand: `.venv/bin/python bench/engine.py [--messages N]`. Target on one core:
p50 <= 1 ms and >= 1,000 messages/s for ordinary group chat.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bot.app import build_app
from bot.capabilities import Capabilities
from bot.clock import FakeClock
from bot.events import ChatKind, ChatRef, Message, UserRef
from bot.people.setup import ensure_group, ensure_member, ensure_org
from bot.roles import Role
from config.settings import load_settings
from config.texts import Texts
from storage.database import Database
from storage.migrate import upgrade

LINES = [
    "Morning all, rough night here but we got there in the end",
    "Does anyone know when the next training session is?",
    "Thanks so much, that really helps x",
    "/help",
    "We had our review yesterday and it went well",
]


async def run(messages: int, people: int, groups: int) -> None:
    folder = Path(tempfile.mkdtemp())
    settings = load_settings(env={"CAREBOT_DATA_DIR": str(folder)})
    db = Database(settings.database())
    await upgrade(db)
    clock = FakeClock()
    app = build_app(
        settings=settings,
        texts=Texts.load(),
        clock=clock,
        db=db,
        capabilities={"bench": Capabilities()},
    )
    users = [UserRef("bench", f"u{i}", f"Carer {i}") for i in range(people)]
    chats = [ChatRef("bench", f"g{i}", ChatKind.GROUP, title=f"G{i}") for i in range(groups)]
    async with db.transaction() as session:
        org = await ensure_org(session, "Bench Fostering", clock.now())
        for user in users:
            await ensure_member(session, org, user, Role.CARER, clock.now(), "2026-11")
        for chat in chats:
            await ensure_group(session, org, chat, "support_group", clock.now())
    timings: list[float] = []
    started = time.perf_counter()
    for index in range(messages):
        event = Message(
            chat=chats[index % groups],
            sender=users[index % people],
            text=LINES[index % len(LINES)],
            message_id=str(index),
            sent_at=clock.now(),
        )
        begin = time.perf_counter()
        await app.engine.handle(event)
        timings.append(time.perf_counter() - begin)
    elapsed = time.perf_counter() - started
    await db.close()
    timings.sort()
    p50 = statistics.median(timings) * 1000
    p99 = timings[int(len(timings) * 0.99) - 1] * 1000
    print(f"messages: {messages}, people: {people}, groups: {groups}")
    print(f"throughput: {messages / elapsed:,.0f} messages/s")
    print(f"p50: {p50:.3f} ms   p99: {p99:.3f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--groups", type=int, default=20)
    args = parser.parse_args()
    asyncio.run(run(args.messages, args.people, args.groups))


if __name__ == "__main__":
    main()
