"""A staff notice to 1,000 Telegram groups, and one to 10,000 people privately, end to end.

Run `python bench/notices.py [--groups 1000] [--people 10000] [--only groups|people]`.

For each notice: an organisation is seeded in a SQLite file; a staff member writes the
notice through the real engine (`/notice`, audience, receipts, "now", Send), which
queues it in the real outbox; then the real DeliveryWorker sends it, in a child process
(bench/notices_platform.py), to a fake Telegram that enforces Telegram's limits and
answers 429 with retry_after when they are broken. Each notice is sent three times over:
a clean run, a run SIGKILLed between delivery passes and restarted, and a run SIGKILLed
in the middle of a pass (just after Telegram accepted a message, before carebot wrote
it down) and restarted. A restart comes RESTART_GAP seconds (platform time) later.

Reported per run: platform (fake) time from Send to the last message accepted, against
the platform's minimum (the last of N messages can go no sooner than ceil(N/30) - 1
seconds at 30 per second); wall time; 429s caused; messages lost (a chat that should have
had it and did not) and duplicated (a chat that got it twice); and whether carebot's
record of the chats that failed for good matches the platform's.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select

from bench.notices_platform import FAILS_FOR_GOOD, fate
from bot.app import build_app
from bot.capabilities import Capabilities
from bot.clock import FakeClock
from bot.events import ButtonPressed, ChatKind, ChatRef, Message, Outgoing, UserRef
from config.settings import load_settings
from config.texts import Texts
from storage.all_tables import Base
from storage.database import Database
from storage.models import Account, Delivery, Group, Membership, Organisation, Person

START = datetime(2026, 1, 6, 10, 0, tzinfo=UTC)  # a Tuesday morning: no quiet hours
RESTART_GAP = timedelta(seconds=5)
PER_SECOND = 30
RUNS = {None: "clean run", "between": "killed between passes", "mid": "killed mid-pass"}
CHILD = Path(__file__).resolve().parent / "notices_platform.py"
STAFF_ID = "900"


@dataclass
class Outcome:
    name: str
    chats: int
    fake: float
    minimum: float
    wall: float
    queue_wall: float
    limited: int
    lost: int
    duplicated: int
    failed_recorded: int
    failed_matches: bool
    restarts: int
    idle_passes: int
    idle_wall: float


async def seed(db: Database, groups: int, people: int) -> None:
    """One organisation, its groups, its carers, and the staff member writing the notice."""
    async with db.engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with db.transaction() as s:
        await s.execute(
            insert(Organisation).values(id=1, name="Harbour Fostering", created_at=START)
        )
        rows = [
            {
                "id": i + 1,
                "org_id": 1,
                "platform": "telegram",
                "chat_id": f"-100{i}",
                "title": f"Group {i}",
                "purpose": "support_group",
                "active": True,
                "registered_at": START,
            }
            for i in range(groups)
        ]
        if rows:
            await s.execute(insert(Group), rows)
        everyone = [(STAFF_ID, "staff", "Sam")] + [
            (str(500000 + i), "carer", f"Carer {i}") for i in range(people)
        ]
        await s.execute(
            insert(Person),
            [
                {"id": n + 1, "display_name": name, "created_at": START}
                for n, (_, _, name) in enumerate(everyone)
            ],
        )
        await s.execute(
            insert(Account),
            [
                {
                    "person_id": n + 1,
                    "platform": "telegram",
                    "external_id": uid,
                    "created_at": START,
                }
                for n, (uid, _, _) in enumerate(everyone)
            ],
        )
        await s.execute(
            insert(Membership),
            [
                {"person_id": n + 1, "org_id": 1, "role": role, "since": START}
                for n, (_, role, _) in enumerate(everyone)
            ],
        )


class Staff:
    """Sam, talking to carebot privately through the real engine."""

    def __init__(self, db: Database, workdir: Path) -> None:
        settings = load_settings(
            env={"CAREBOT_DATA_DIR": str(workdir), "CAREBOT_LOG_LEVEL": "ERROR"}
        )
        caps = {"telegram": Capabilities(buttons=True, threads=True, command_menu=True)}
        self.app = build_app(
            settings=settings, texts=Texts.load(), clock=FakeClock(START), db=db, capabilities=caps
        )
        self.user = UserRef("telegram", STAFF_ID, "Sam")
        self.chat = ChatRef("telegram", STAFF_ID, ChatKind.DM)
        self.n = 0
        self.last: list[Outgoing] = []

    async def say(self, text: str) -> str:
        self.n += 1
        event = Message(self.chat, self.user, text, str(self.n), START)
        return self._keep(await self.app.engine.handle(event))

    async def press(self, label: str) -> str:
        data = next(b.data for o in self.last for b in o.buttons if b.label == label)
        self.n += 1
        event = ButtonPressed(self.chat, self.user, data, str(self.n), START, press_id=str(self.n))
        return self._keep(await self.app.engine.handle(event))

    def _keep(self, actions: list[Any]) -> str:
        self.last = [a for a in actions if isinstance(a, Outgoing)]
        return "\n".join(o.text for o in self.last)


def child(
    db: Path, log: Path, start: datetime, kill_after: int | None, mode: str
) -> tuple[int, dict[str, Any]]:
    args = [sys.executable, str(CHILD), str(db), str(log), start.isoformat()]
    if kill_after is not None:
        args += ["--kill-after", str(kill_after), "--kill-mode", mode]
    done = subprocess.run(args, capture_output=True, text=True, check=False, timeout=3600)
    if done.returncode not in (0, -9):
        raise RuntimeError(f"delivery process failed: {done.stderr[-2000:]}")
    stats = json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else {}
    return done.returncode, stats


def read_log(log: Path) -> list[tuple[str, str, datetime]]:
    return [
        (what, chat, datetime.fromisoformat(at))
        for what, chat, at in (line.split() for line in log.read_text().splitlines())
    ]


async def run(
    name: str, audience: str, groups: int, people: int, kill: str | None, workdir: Path
) -> tuple[Outcome, str]:
    folder = workdir / f"{name.replace(' ', '-')}-{kill or 'clean'}"
    folder.mkdir()
    db_path, log = folder / "carebot.db", folder / "telegram.log"
    db = Database(f"sqlite:///{db_path}")
    await seed(db, groups, people)
    sam = Staff(db, folder)
    began = time.perf_counter()
    await sam.say("/notice Training on trauma-informed care: Thursday 15 January, 10am to 1pm.")
    await sam.say(audience)
    await sam.say("yes")
    await sam.say("now")
    sent = await sam.press("Send")
    queue_wall = time.perf_counter() - began
    assert sent.startswith("Done."), sent
    async with db.sessions() as s:
        chats = list((await s.scalars(select(Delivery.chat_id))).all())
    expected_ok = {c for c in chats if fate(c) not in FAILS_FOR_GOOD}
    kill_after = len(chats) // 2 if kill else None
    start, restarts, wall = START, 0, 0.0
    stats: dict[str, Any] = {}
    while True:
        t = time.perf_counter()
        code, stats = child(db_path, log, start, kill_after, kill or "between")
        wall += time.perf_counter() - t
        if code == 0:
            break
        restarts += 1
        kill_after = None
        start = max(at for _, _, at in read_log(log)) + RESTART_GAP
    events = read_log(log)
    got = Counter(chat for what, chat, _ in events if what == "ok")
    async with db.sessions() as s:
        failed = set(
            (await s.scalars(select(Delivery.chat_id).where(Delivery.status == "failed"))).all()
        )
    status = await sam.say("/notice status 1")
    await db.close()
    last = max(at for what, _, at in events if what == "ok")
    outcome = Outcome(
        name=f"{name}, {RUNS[kill]}",
        chats=len(chats),
        fake=(last - START).total_seconds(),
        minimum=float(math.ceil(len(chats) / PER_SECOND) - 1),
        wall=wall,
        queue_wall=queue_wall,
        limited=sum(1 for what, _, _ in events if what == "429"),
        lost=len(expected_ok - set(got)),
        duplicated=sum(n - 1 for n in got.values() if n > 1),
        failed_recorded=len(failed),
        failed_matches=failed == set(chats) - expected_ok,
        restarts=restarts,
        idle_passes=int(stats.get("idle_passes", 0)),
        idle_wall=float(stats.get("idle_wall", 0.0)),
    )
    return outcome, status


def report(outcomes: list[Outcome]) -> None:
    heads = ("fake s", "min s", "ratio", "wall s", "429s", "lost", "dup")
    widths = (7, 6, 6, 7, 5, 5, 4)
    columns = " ".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True))
    print(f"{'':40} {columns}  failed for good")
    for o in outcomes:
        same = "same chats as the platform" if o.failed_matches else "MISMATCH"
        print(
            f"{o.name:40} {o.fake:7.1f} {o.minimum:6.0f} {o.fake / o.minimum:6.3f} {o.wall:7.1f} "
            f"{o.limited:5d} {o.lost:5d} {o.duplicated:4d}  {o.failed_recorded} ({same})"
        )
    for o in outcomes:
        extra = f", {o.restarts} restart(s), {RESTART_GAP.seconds} s gap each" if o.restarts else ""
        print(
            f"  {o.name}: {o.chats} chats; queued in {o.queue_wall:.2f} s wall{extra}; "
            f"{o.idle_passes} passes found only rate-limited rows ({o.idle_wall:.1f} s wall)"
        )


async def main(groups: int, people: int, only: str | None) -> None:
    plans = []
    if only in (None, "groups"):
        plans.append((f"{groups} groups", "all groups", groups, 0))
    if only in (None, "people"):
        plans.append((f"{people} people", "all carers privately", 0, people))
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, audience, g, p in plans:
            for kill in (None, "between", "mid"):
                outcome, status = await run(name, audience, g, p, kill, Path(tmp))
                outcomes.append(outcome)
                if kill is None:
                    print(f"/notice status 1 after the clean {name} run:\n{status}\n")
    report(outcomes)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=1000)
    parser.add_argument("--people", type=int, default=10000)
    parser.add_argument("--only", choices=["groups", "people"])
    args = parser.parse_args()
    asyncio.run(main(args.groups, args.people, args.only))
