"""What the moderation middlewares cost per message, through the real engine with SQLite.

Run by hand: `.venv/bin/python bench/moderation_cost.py [--messages N]`. Sends the same mix of
ordinary group chat (and one identifying message in twenty, which writes a note, counts,
a suggestion and a timer) through the engine twice: with every middleware, and with only
the membership recorder, and prints p50/p99 per message and the difference.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bot.app import App, build_app
from bot.capabilities import Capabilities
from bot.clock import FakeClock
from bot.events import ChatKind, ChatRef, Message, UserRef
from bot.people.setup import ensure_group, ensure_member, ensure_org
from bot.roles import Role
from config.settings import load_settings
from config.texts import Texts
from moderation.nudging import check_text
from moderation.safeguarding import assess
from storage.all_tables import Base
from storage.database import Database

ORDINARY = [
    "Morning all, rough night here but we got there in the end",
    "Does anyone know when the next training session is? I missed the email about it and "
    "our supervising social worker is off this week, so I can't ask her until Monday.",
    "Thanks so much, that really helps x",
    "We had our review yesterday and it went well, the IRO was lovely and the little one "
    "managed to sit through most of it, which felt like a small miracle",
    "I could kill for a coffee",
    "he's missing his mum again tonight, lots of cuddles on the sofa",
]
IDENTIFYING = "Kyle McAllister starts at St Bedes on Monday"


async def _app(folder: Path) -> tuple[App, list[UserRef], list[ChatRef], Database]:
    settings = load_settings(env={"CAREBOT_DATA_DIR": str(folder)})
    db = Database(settings.database())
    async with db.engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    clock = FakeClock()
    app = build_app(
        settings=settings,
        texts=Texts.load(),
        clock=clock,
        db=db,
        capabilities={"bench": Capabilities()},
    )
    await app.started()
    users = [UserRef("bench", f"u{i}", f"Carer {i}") for i in range(200)]
    chats = [ChatRef("bench", f"g{i}", ChatKind.GROUP, title=f"G{i}") for i in range(20)]
    async with db.transaction() as session:
        org = await ensure_org(session, "Bench Fostering", clock.now())
        for user in users:
            await ensure_member(session, org, user, Role.CARER, clock.now(), "2026-11")
        for chat in chats:
            await ensure_group(session, org, chat, "support_group", clock.now())
    return app, users, chats, db


async def run(messages: int, *, moderation: bool) -> list[float]:
    app, users, chats, db = await _app(Path(tempfile.mkdtemp()))
    if not moderation:
        app.engine.middlewares = app.engine.middlewares[:1]
    timings: list[float] = []
    for index in range(messages):
        text = IDENTIFYING if index % 20 == 19 else ORDINARY[index % len(ORDINARY)]
        event = Message(
            chat=chats[index % len(chats)],
            sender=users[index % len(users)],
            text=text,
            message_id=str(index),
            sent_at=app.services.clock.now(),
        )
        begin = time.perf_counter()
        await app.engine.handle(event)
        timings.append(time.perf_counter() - begin)
    await db.close()
    return sorted(timings)


def _report(label: str, timings: list[float]) -> float:
    p50 = statistics.median(timings) * 1000
    p99 = timings[int(len(timings) * 0.99) - 1] * 1000
    print(f"{label:<22} p50: {p50:.3f} ms   p99: {p99:.3f} ms")
    return p50


def detectors_only(rounds: int = 2000) -> None:
    """The pure part: both detectors on each ordinary line, as the middlewares call them."""
    check_text(IDENTIFYING)  # load the word lists first
    timings: list[float] = []
    for index in range(rounds):
        text = ORDINARY[index % len(ORDINARY)]
        begin = time.perf_counter()
        check_text(text)
        assess(text)
        timings.append(time.perf_counter() - begin)
    timings.sort()
    p50 = statistics.median(timings) * 1_000_000
    print(f"detectors only         p50: {p50:.0f} µs per ordinary message")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=3000)
    args = parser.parse_args()
    detectors_only()
    best: dict[bool, float] = {}
    for _round in range(2):  # alternate, keep each side's best: the machine is rarely quiet
        for moderation in (False, True):
            timings = asyncio.run(run(args.messages, moderation=moderation))
            label = "with moderation" if moderation else "without moderation"
            p50 = _report(label, timings)
            best[moderation] = min(best.get(moderation, p50), p50)
    print(f"moderation adds about {best[True] - best[False]:.3f} ms per message at p50 (best runs)")


if __name__ == "__main__":
    main()
