"""How long the whole scheduled buddy run takes, database included, on one core.

Run `python bench/buddies_run.py [--mentees 2000] [--mentors 500] [--database URL]`.
It fills a fresh SQLite file (or, for a PostgreSQL URL, a schema of its own that it
drops afterwards; existing tables are never touched) with the same kind of people as
bench/matching.py, mentors' current buddies included, then times, each in one unit of
work: `plan` (reading profiles, past pairs and rather-nots, then matching: what
`carebot buddies match --dry-run` does) and `run` twice: the first daily run (sweep,
plan, record the proposals, tell every carer without a good match through the outbox,
alert staff) and the next day's (where nobody needs telling again).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, text

from bench.matching import make_people
from bot.app import build_app
from bot.clock import FakeClock
from bot.features.buddies.post import from_services
from bot.features.buddies.profiles import MenteeProfile, MentorProfile
from bot.features.buddies.run import plan, run
from config.settings import load_settings
from config.texts import Texts
from storage.all_tables import Base
from storage.buddies_tables import BuddyPairing, BuddyProfile, BuddyRatherNot
from storage.database import Database
from storage.models import Account, Membership, Organisation, Person

NOW = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


def _profile(org_id: int, p: MentorProfile | MenteeProfile, role: str) -> dict[str, Any]:
    mentor = p if isinstance(p, MentorProfile) else None
    return {
        "org_id": org_id,
        "person_id": p.person_id,
        "role": role,
        "status": ("paused" if mentor.paused else "active") if mentor else "waiting",
        "years_caring": mentor.years_caring if mentor else 0,
        "capacity": mentor.capacity if mentor else 1,
        "care_kinds": [k.value for k in p.care_kinds],
        "age_ranges": [a.value for a in p.age_ranges],
        "region": p.region,
        "local_authority": p.local_authority,
        "languages": sorted(p.languages),
        "availability": [a.value for a in p.availability],
        "contact_ways": [c.value for c in p.contact_ways],
        "asked_at": NOW if mentor else p.waiting_since,  # type: ignore[union-attr]
        "waiting_since": NOW if mentor else p.waiting_since,  # type: ignore[union-attr]
        "priority": False,
        "updated_at": NOW,
    }


async def fill(db: Database, n_mentors: int, n_mentees: int, seed: int) -> int:
    """One organisation with everyone in it; returns its id."""
    mentors, mentees = make_people(seed, n_mentors, n_mentees)
    rng = random.Random(seed + 1)
    busy = [m.person_id for m in mentors for _ in range(m.active_buddies)]
    first_paired = n_mentors + n_mentees + 1
    paired = list(range(first_paired, first_paired + len(busy)))  # mentors' current buddies
    people = [p.person_id for p in (*mentors, *mentees)] + paired
    async with db.transaction() as session:
        org = Organisation(name="Bench Fostering", created_at=NOW)
        session.add(org)
        await session.flush()
        await session.execute(
            insert(Person),
            [{"id": p, "display_name": f"Carer {p}", "created_at": NOW} for p in people],
        )
        await session.execute(
            insert(Account),
            [
                {"person_id": p, "platform": "console", "external_id": str(p), "created_at": NOW}
                for p in people
            ],
        )
        mentor_ids = {m.person_id for m in mentors}
        await session.execute(
            insert(Membership),
            [
                {
                    "person_id": p,
                    "org_id": org.id,
                    "role": "mentor" if p in mentor_ids else "carer",
                    "since": NOW,
                }
                for p in people
            ],
        )
        await session.execute(
            insert(BuddyProfile),
            [_profile(org.id, m, "mentor") for m in mentors]
            + [_profile(org.id, t, "mentee") for t in mentees],
        )
        pairs = {(rng.choice(people), rng.choice(people)) for _ in range(200)}
        await session.execute(
            insert(BuddyRatherNot),
            [{"person_id": a, "other_id": b, "created_at": NOW} for a, b in pairs if a != b],
        )
        if busy:
            await session.execute(
                insert(BuddyPairing),
                [
                    {
                        "org_id": org.id,
                        "mentor_id": mentor_id,
                        "mentee_id": mentee_id,
                        "status": "active",
                        "score": 0,
                        "reasons": [],
                        "staff_choice": False,
                        "asked_at": NOW,
                        "proposed_at": NOW,
                        "introduced_at": NOW,
                    }
                    for mentor_id, mentee_id in zip(busy, paired, strict=True)
                ],
            )
        return org.id


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mentees", type=int, default=2000)
    parser.add_argument("--mentors", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database", default=None, help="default: a fresh SQLite file")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):  # one core, as the target says
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    folder = tempfile.mkdtemp(prefix="carebot-bench-")
    schema = f"carebot_bench_{os.getpid()}"
    if args.database:
        async with Database(args.database).engine.begin() as conn:
            await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        server = {"server_settings": {"search_path": schema}}
        db = Database(args.database, connect_args=server)
    else:
        db = Database(f"sqlite:///{folder}/bench.db")
    try:
        await _bench(db, args, folder)
    finally:
        await db.close()
        if args.database:
            admin = Database(args.database)
            async with admin.engine.begin() as conn:
                await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            await admin.close()


async def _bench(db: Database, args: argparse.Namespace, folder: str) -> None:
    async with db.engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    org_id = await fill(db, args.mentors, args.mentees, args.seed)
    settings = load_settings(env={"CAREBOT_DATA_DIR": folder})
    clock = FakeClock(NOW)
    app = build_app(settings=settings, texts=Texts.load(), clock=clock, db=db)

    start = time.perf_counter()
    async with db.sessions() as session:
        planned = await plan(session, org_id, settings.buddies)
    planned_in = time.perf_counter() - start
    timings = []
    for _ in range(2):
        start = time.perf_counter()
        async with db.transaction() as session:
            outcome = await run(from_services(session, app.services), org_id)
        timings.append((time.perf_counter() - start, outcome))
        clock.advance(timedelta(days=1))

    print(f"{args.mentees} waiting carers, {args.mentors} mentors ({db.url.get_backend_name()})")
    print(f"plan, the dry run (reads + matching): {planned_in:.3f} s")
    print(f"  {len(planned.result.proposals)} proposals, {len(planned.result.unmatched)} unmatched")
    for day, (seconds, outcome) in enumerate(timings, 1):
        print(
            f"daily run {day}: {seconds:.3f} s ({outcome.new} proposals recorded, "
            f"{outcome.unmatched} still waiting; each told once, on day 1)"
        )


if __name__ == "__main__":
    asyncio.run(main())
