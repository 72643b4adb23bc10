"""A staff notice to 1,000 Telegram groups, and one to 10,000 people privately, end to end.

Run `python bench/notices.py [--groups 1000] [--people 10000] [--only groups|people]
[--kill-runs 3] [--latency-ms 60]`.

For each notice: an organisation is seeded in a SQLite file; a staff member writes the
notice through the real engine (`/notice`, audience, receipts, "now", Send), which
queues it in the real outbox; then the real DeliveryWorker sends it, in a child process
(bench/notices_platform.py), to a fake Telegram that enforces Telegram's limits,
answers 429 with retry_after when they are broken, and takes a random 0..latency of
real time per round trip. Each notice is sent once cleanly, then --kill-runs times with
a SIGTERM and --kill-runs times with a SIGKILL, each just after Telegram accepted the
Nth message (N spread over the send, so the signal lands at different moments and at
different places in a chunk), followed by a restart RESTART_GAP seconds (platform time)
later.

Reported per run: platform (fake) time from Send to the last message accepted, against
the platform's minimum (the last of N messages can go no sooner than ceil(N/30) - 1
seconds at 30 per second); wall time; 429s caused; messages lost (a chat that should have
had it and did not) and duplicated (a chat that got it twice); "in doubt": deliveries
left claimed but unrecorded when the process ended, the most that could be duplicated
(after a SIGKILL, the ones Telegram had accepted are, since it has no idempotency key);
and whether carebot's record of the chats that failed for good matches the platform's.
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
from bot.delivery import TELEGRAM_LIMITS
from bot.events import ButtonPressed, ChatKind, ChatRef, Message, Outgoing, UserRef
from config.settings import load_settings
from config.texts import Texts
from storage.all_tables import Base
from storage.database import Database
from storage.models import Account, Delivery, Group, Membership, Organisation, Person

START = datetime(2026, 1, 6, 10, 0, tzinfo=UTC)  # a Tuesday morning: no quiet hours
RESTART_GAP = timedelta(seconds=5)
PER_SECOND = TELEGRAM_LIMITS.global_per_second
BURSTS_PER_SECOND = 5  # DeliveryWorker's default: Telegram's 30 a second as 6 every 200 ms
IN_DOUBT_BOUND = math.ceil(PER_SECOND / BURSTS_PER_SECOND)  # one chunk in flight at most
RUNS = {"clean": "clean run", "term": "SIGTERM", "kill": "SIGKILL"}
CHILD = Path(__file__).resolve().parent / "notices_platform.py"
STAFF_ID = "900"


@dataclass
class Outcome:
    name: str
    mode: str
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
    in_doubt: int
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


@dataclass(frozen=True)
class Plan:
    """One delivery run: how it is interrupted (`mode`), where, and the network's pace."""

    mode: str
    kill_after: int | None
    latency_ms: float
    seed: int


def child(db: Path, log: Path, start: datetime, plan: Plan) -> tuple[int, dict[str, Any]]:
    args = [sys.executable, str(CHILD), str(db), str(log), start.isoformat()]
    args += ["--latency-ms", str(plan.latency_ms), "--seed", str(plan.seed)]
    if plan.kill_after is not None:
        args += ["--kill-after", str(plan.kill_after), "--kill-mode", plan.mode]
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


async def claimed_unrecorded(db: Database) -> int:
    async with db.sessions() as s:
        rows = await s.scalars(select(Delivery.id).where(Delivery.status == "sending"))
        return len(rows.all())


async def run(
    name: str, audience: str, groups: int, people: int, plan: Plan, workdir: Path
) -> tuple[Outcome, str]:
    folder = workdir / f"{name.replace(' ', '-')}-{plan.mode}-{plan.kill_after}"
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
    first, first_after = plan.mode, plan.kill_after
    start, restarts, wall, in_doubt = START, 0, 0.0, 0
    stats: dict[str, Any] = {}
    while True:
        t = time.perf_counter()
        code, stats = child(db_path, log, start, plan)
        wall += time.perf_counter() - t
        if code == 0 and not stats.get("stopped"):
            break
        in_doubt += await claimed_unrecorded(db)
        restarts += 1
        plan = Plan("restart", None, plan.latency_ms, plan.seed)
        start = max(at for _, _, at in read_log(log)) + RESTART_GAP
    events = read_log(log)
    got = Counter(chat for what, chat, _ in events if what == "ok")
    async with db.sessions() as s:
        failed = set(
            (await s.scalars(select(Delivery.chat_id).where(Delivery.status == "failed"))).all()
        )
    status = await sam.say("/notice status 1")
    mode = RUNS[first] if first_after is None else f"{RUNS[first]} after {first_after}"
    await db.close()
    last = max(at for what, _, at in events if what == "ok")
    outcome = Outcome(
        name=name,
        mode=mode,
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
        in_doubt=in_doubt,
        idle_passes=int(stats.get("idle_passes", 0)),
        idle_wall=float(stats.get("idle_wall", 0.0)),
    )
    return outcome, status


def report(outcomes: list[Outcome]) -> None:
    heads = ("fake s", "min s", "ratio", "wall s", "429s", "lost", "dup", "doubt")
    widths = (7, 6, 6, 7, 5, 5, 4, 6)
    columns = " ".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True))
    print(f"{'':44} {columns}  failed for good")
    for o in outcomes:
        same = "same chats as the platform" if o.failed_matches else "MISMATCH"
        print(
            f"{o.name + ', ' + o.mode:44} {o.fake:7.1f} {o.minimum:6.0f} "
            f"{o.fake / o.minimum:6.3f} {o.wall:7.1f} {o.limited:5d} {o.lost:5d} "
            f"{o.duplicated:4d} {o.in_doubt:6d}  {o.failed_recorded} ({same})"
        )
    for name in dict.fromkeys(o.name for o in outcomes):
        for kind in ("SIGTERM", "SIGKILL"):
            runs = [o for o in outcomes if o.name == name and o.mode.startswith(kind)]
            if runs:
                print(
                    f"  {name}, {kind} x{len(runs)}: lost {sum(o.lost for o in runs)}, "
                    f"duplicated {sum(o.duplicated for o in runs)} "
                    f"(most in one run {max(o.duplicated for o in runs)}), "
                    f"in doubt at most {max(o.in_doubt for o in runs)} "
                    f"(bound: {IN_DOUBT_BOUND}, one chunk)"
                )
    clean = [o for o in outcomes if o.mode == RUNS["clean"]]
    for o in clean:
        print(
            f"  {o.name}: {o.chats} chats; queued in {o.queue_wall:.2f} s wall; "
            f"{o.idle_passes} passes found only rate-limited rows ({o.idle_wall:.1f} s wall)"
        )


def kill_points(chats: int, runs: int) -> list[int]:
    """Where to signal: spread over the send, landing at different places in a chunk."""
    return [max(1, round(chats * 0.9 * (i + 1) / (runs + 1))) for i in range(runs)]


async def main(
    groups: int, people: int, only: str | None, kill_runs: int, latency_ms: float
) -> None:
    plans = []
    if only in (None, "groups"):
        plans.append((f"{groups} groups", "all groups", groups, 0))
    if only in (None, "people"):
        plans.append((f"{people} people", "all carers privately", 0, people))
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, audience, g, p in plans:
            runs = [Plan("clean", None, latency_ms, 0)]
            for mode in ("term", "kill"):
                points = kill_points(g + p, kill_runs)
                runs += [Plan(mode, k, latency_ms, i) for i, k in enumerate(points)]
            for plan in runs:
                outcome, status = await run(name, audience, g, p, plan, Path(tmp))
                outcomes.append(outcome)
                if plan.mode == "clean":
                    print(f"/notice status 1 after the clean {name} run:\n{status}\n")
    report(outcomes)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=1000)
    parser.add_argument("--people", type=int, default=10000)
    parser.add_argument("--only", choices=["groups", "people"])
    parser.add_argument("--kill-runs", type=int, default=3, help="SIGTERM runs and SIGKILL runs")
    parser.add_argument("--latency-ms", type=float, default=60.0, help="round trip, at most")
    args = parser.parse_args()
    asyncio.run(main(args.groups, args.people, args.only, args.kill_runs, args.latency_ms))
