"""Group reminders at scale: rebuilding the schedule at start, memory, and how late they go.

Run `python bench/reminders.py [--events 10000] [--groups 2000] [--hours 48]`.

It fills a fresh SQLite database (or, with `--pg URL`, a scratch schema of its own in that
PostgreSQL database, dropped afterwards) with recurring
events across groups (weekly, fortnightly, the Nth or last weekday of the month, at the
times groups really meet, with some people already "going"), plans every event's next
reminder, then measures:

- start-up: carebot's start-up hooks (which check every live event has its timer) and
  `Timers.start` with an AsyncIOScheduler that is never started (the mirror is built from
  the database, as at every restart), with tracemalloc's peak and the process's peak RSS;
- lateness: a simulated clock jumps to each timer as it falls due and then runs at wall
  speed, so the time a burst takes (every group's "day before at 6pm" at once) shows up as
  lateness. A reminder counts as late by how far after its promised minute its message was
  ready in the outbox; timers fire `LEAD` early so a burst is ready on the minute. The
  platforms' own rate limits (Telegram: about 30 messages a second) come after this and are
  measured by bench/delivery.py.

Targets: rebuild <= 5 s, p99 lateness <= 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import func, insert, select, text

from bot.app import App, build_app
from bot.features.events.recurrence import Freq, Recurrence, first_match, wall_to_utc
from bot.features.events.schedule import LEAD, REMIND_JOB, ensure_planned
from bot.features.events.store import recurrence_to_data
from config.settings import load_settings
from config.texts import Texts
from storage.all_tables import Base
from storage.database import Database
from storage.events_tables import EventRsvp, GroupEvent
from storage.models import Account, Group, Organisation, OutboxItem, Person, ScheduledJob

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # a Monday morning
LONDON = ZoneInfo("Europe/London")
TIMES = [(10, 0), (10, 30), (11, 0), (13, 0), (18, 30), (19, 0), (19, 30), (20, 0)]
PEOPLE_PER_GROUP = 5
SCHEMA = "carebot_bench_reminders"


class SimClock:
    """Simulated time that jumps to each due timer, then runs on at wall-clock speed."""

    def __init__(self, start: datetime) -> None:
        self._base = start
        self._real = time.perf_counter()

    def now(self) -> datetime:
        return self._base + timedelta(seconds=time.perf_counter() - self._real)

    def jump(self, to: datetime) -> None:
        if to > self.now():
            self._base, self._real = to, time.perf_counter()


def a_rule(rng: random.Random) -> Recurrence:
    roll, weekday = rng.random(), rng.randrange(7)
    if roll < 0.6:
        return Recurrence(Freq.WEEKLY, weekdays=(weekday,))
    if roll < 0.75:
        return Recurrence(Freq.WEEKLY, interval=2, weekdays=(weekday,))
    if roll < 0.9:
        return Recurrence(Freq.MONTHLY, weekdays=(weekday,), week_of_month=rng.randint(1, 4))
    return Recurrence(Freq.MONTHLY, weekdays=(weekday,), week_of_month=-1)


async def fill(db: Database, events: int, groups: int, seed: int = 1) -> None:
    """Groups, people with accounts, events, and two people going to each event's first date."""
    rng = random.Random(seed)
    today = START.astimezone(LONDON).date()
    async with db.transaction() as session:
        org = Organisation(name="Bench Fostering", created_at=START)
        session.add(org)
        await session.flush()
        await session.execute(
            insert(Group),
            [
                {
                    "org_id": org.id,
                    "platform": "telegram",
                    "chat_id": f"-100{g}",
                    "title": f"Group {g}",
                    "purpose": "support_group",
                    "active": True,
                    "registered_at": START,
                    "confidentiality_policy": "nudge",
                    "photo_reminders": True,
                }
                for g in range(groups)
            ],
        )
        group_ids = list((await session.scalars(select(Group.id).order_by(Group.id))).all())
        people = [
            {"display_name": f"Carer {n}", "created_at": START}
            for n in range(groups * PEOPLE_PER_GROUP)
        ]
        await session.execute(insert(Person), people)
        person_ids = list((await session.scalars(select(Person.id).order_by(Person.id))).all())
        await session.execute(
            insert(Account),
            [
                {"person_id": p, "platform": "telegram", "external_id": str(p), "created_at": START}
                for p in person_ids
            ],
        )
        rows: list[dict[str, Any]] = []
        firsts: list[date] = []
        for n in range(events):
            rule = a_rule(rng)
            hour, minute = rng.choice(TIMES)
            first = first_match(rule, today + timedelta(days=1))
            assert first is not None
            firsts.append(first)
            rows.append(
                {
                    "group_id": group_ids[n % groups],
                    "number": n // groups + 1,
                    "title": f"Meeting {n}",
                    "starts_at": wall_to_utc(
                        first, datetime.min.time().replace(hour=hour, minute=minute), LONDON
                    ),
                    "last_start": None,
                    "zone": LONDON.key,
                    "duration_minutes": 120,
                    "recurrence": recurrence_to_data(rule),
                    "place": "Community Centre",
                    "link": None,
                    "online": False,
                    "practicalities": "children welcome",
                    "skipped": [],
                    "created_at": START,
                    "sequence": 0,
                    "generation": 0,
                }
            )
        await session.execute(insert(GroupEvent), rows)
        event_ids = list(
            (await session.scalars(select(GroupEvent.id).order_by(GroupEvent.id))).all()
        )
        rsvps = []
        for n, event_id in enumerate(event_ids):
            base = (n % groups) * PEOPLE_PER_GROUP
            for k in range(2):
                rsvps.append(
                    {
                        "event_id": event_id,
                        "day": firsts[n],
                        "person_id": person_ids[base + k],
                        "answer": "going",
                        "answered_at": START,
                    }
                )
        await session.execute(insert(EventRsvp), rsvps)


SETTINGS = load_settings(env={"CAREBOT_DATA_DIR": tempfile.gettempdir()})
TEXTS = Texts.load()  # read once, so an edit to a messages file mid-run changes nothing


def fresh_app(db: Database, clock: SimClock) -> App:
    return build_app(settings=SETTINGS, texts=TEXTS, clock=clock, db=db)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def main(events: int, groups: int, hours: int, pg_url: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        if pg_url:
            db = Database(pg_url, connect_args={"server_settings": {"search_path": SCHEMA}})
            async with db.engine.begin() as conn:
                await conn.execute(text(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE'))
                await conn.execute(text(f'CREATE SCHEMA "{SCHEMA}"'))
        else:
            db = Database(f"sqlite:///{Path(tmp) / 'bench.db'}")
        async with db.engine.begin() as conn:
            await conn.run_sync(Base.metadata.create_all)
        clock = SimClock(START)
        began = time.perf_counter()
        await fill(db, events, groups)
        filled = time.perf_counter() - began
        print(f"{events} recurring events in {groups} groups ({db.url.get_backend_name()})")
        print(f"  filled the database       {filled:7.2f} s")

        app = fresh_app(db, clock)
        began = time.perf_counter()
        async with db.transaction() as session:
            planned = await ensure_planned(session, app.services)
        print(
            f"  first planning            {time.perf_counter() - began:7.2f} s  ({planned} timers)"
        )

        began = time.perf_counter()
        async with db.transaction() as session:
            await ensure_planned(session, app.services)
        print(f"  events' start-up check    {time.perf_counter() - began:7.2f} s  (none missing)")

        # A restart: a new app, its start-up hooks, and the timers mirrored from the database.
        restarted = fresh_app(db, clock)
        began = time.perf_counter()
        await restarted.started()
        hooks = time.perf_counter() - began
        timers = restarted.services.timers
        assert timers is not None
        began = time.perf_counter()
        mirrored = await timers.start(AsyncIOScheduler(timezone="UTC"))
        rebuild = time.perf_counter() - began
        print(f"  all start-up hooks        {hooks:7.2f} s  (every feature's, this one included)")
        print(f"  Timers.start (rebuild)    {rebuild:7.2f} s  ({mirrored} timers mirrored)")
        print(f"  start-up total            {hooks + rebuild:7.2f} s  (target <= 5 s)")

        # The same again under tracemalloc (which slows it down), for memory only.
        again = fresh_app(db, clock)
        tracemalloc.start()
        await again.started()
        assert again.services.timers is not None
        await again.services.timers.start(AsyncIOScheduler(timezone="UTC"))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  start-up memory           {peak / 2**20:7.1f} MiB tracemalloc peak")
        print(f"  process peak RSS          {rss:7.0f} MiB")

        # Run the reminders: the timers of a fresh app without the in-memory mirror (as when
        # its scheduler is running, arming a timer is then a dictionary update).
        runner = fresh_app(db, clock).services.timers
        assert runner is not None
        end = START + timedelta(hours=hours)
        passes, began = 0, time.perf_counter()
        while (due := await runner.next_due()) is not None and due <= end:
            clock.jump(due)
            await runner.run_due()
            passes += 1
        wall = time.perf_counter() - began
        async with db.sessions() as session:
            items = (
                await session.execute(
                    select(
                        OutboxItem.created_at, OutboxItem.not_before, OutboxItem.dedupe_key
                    ).where(OutboxItem.kind == "event_reminder")
                )
            ).all()
            fired = await session.scalar(
                select(func.count())
                .select_from(ScheduledJob)
                .where(ScheduledJob.kind == REMIND_JOB, ScheduledJob.status == "done")
            )
        late = [max(0.0, (made - promised).total_seconds()) for made, promised, _ in items]
        behind = [(made - (promised - LEAD)).total_seconds() for made, promised, _ in items]
        group_items = sum(1 for *_, key in items if key and key.startswith("events.reminder:"))
        print(f"  simulated {hours} h: {fired} timers fired in {passes} passes, {wall:.1f} s wall")
        private = len(items) - group_items
        print(f"  queued                    {group_items} group reminders, {private} private")
        if late:
            print(
                f"  lateness (promised time)  p50 {statistics.median(late):.3f} s   "
                f"p99 {percentile(late, 0.99):.3f} s   max {max(late):.3f} s  (target p99 <= 1 s)"
            )
            print(
                f"  timer to queued           p50 {statistics.median(behind):.3f} s   "
                f"p99 {percentile(behind, 0.99):.3f} s   max {max(behind):.3f} s  "
                f"(bursts must fit in the {LEAD.total_seconds():.0f} s lead)"
            )
        if pg_url:
            async with db.engine.begin() as conn:
                await conn.execute(text(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE'))
        await db.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--groups", type=int, default=2_000)
    parser.add_argument("--hours", type=int, default=48, help="simulated time to run reminders")
    parser.add_argument("--pg", metavar="URL", help="PostgreSQL (a scratch schema is used)")
    options = parser.parse_args()
    asyncio.run(main(options.events, options.groups, options.hours, options.pg))
