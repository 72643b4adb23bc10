"""How long an evaluation report takes for a busy organisation.

A year of activity: 50 groups meeting weekly (2,600 sessions, ~20,000 attendances, with
check-ins), 600 carers, 300 buddy pairings, a year of FAQ and nudge counts, 300 tickets and
60 notices with read receipts. Times reading the figures and drawing the files separately.

Run by hand: `.venv/bin/python bench/report.py [--groups 50] [--database-url URL]`
(default: a fresh SQLite file). Writes the report into a temporary folder and prints where.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select, text

from bot.features.reports.files import make_files
from bot.features.reports.period import Period
from bot.features.reports.report import gather
from bot.features.reports.texts import ReportTexts
from config.texts import Texts
from storage.all_tables import Base
from storage.buddies_tables import BuddyPairing
from storage.database import Database
from storage.events_tables import GroupSession, SessionAttendance, SessionCheckin
from storage.faq_tables import FaqTicket
from storage.models import DailyCount, Group, Organisation, Person
from storage.notices_tables import Notice, NoticeAck

SEED = 2026
START = datetime(2025, 1, 6, 18, 30, tzinfo=UTC)
PERIOD = Period(date(2025, 1, 1), date(2025, 12, 31))
ZONE = ZoneInfo("Europe/London")
TOPICS = ["allowances", "pep-meetings", "pupil-premium-plus", "delegated-authority", "respite"]
CATEGORIES = ["child_name", "school", "address", "phone", "birth_family"]


async def seed(db: Database, groups: int, carers: int, rng: random.Random) -> int:
    async with db.transaction() as s:
        org = Organisation(name="Bench Fostering", created_at=START)
        s.add(org)
        await s.flush()
        await s.execute(
            insert(Person),
            [{"display_name": f"Carer {i}", "created_at": START} for i in range(carers)],
        )
        people = list((await s.scalars(select(Person.id).order_by(Person.id))).all())
        await s.execute(
            insert(Group),
            [
                {
                    "org_id": org.id, "platform": "bench", "chat_id": f"g{i}",
                    "title": f"Group {i:02d}", "purpose": "support_group", "registered_at": START,
                }
                for i in range(groups)
            ],
        )  # fmt: skip
        group_ids = list((await s.scalars(select(Group.id).order_by(Group.id))).all())
        await _sessions(s, group_ids, people, rng)
        await _rest(s, org.id, group_ids, people, rng)
        return org.id


async def _sessions(s: Any, group_ids: list[int], people: list[int], rng: random.Random) -> None:
    regulars = {g: rng.sample(people, rng.randint(3, 14)) for g in group_ids}
    sessions = [
        {"group_id": g, "started_at": START + timedelta(weeks=w, hours=i % 5)}
        for w in range(52)
        for i, g in enumerate(group_ids)
    ]
    await s.execute(insert(GroupSession), sessions)
    rows = (
        await s.execute(select(GroupSession.id, GroupSession.group_id).order_by(GroupSession.id))
    ).all()
    attendance, checkins = [], []
    for session_id, group_id in rows:
        came = [p for p in regulars[group_id] if rng.random() < 0.7]
        attendance += [
            {"session_id": session_id, "person_id": p, "how": "here", "recorded_at": START}
            for p in came
        ]
        for phase in ("start", "end"):
            checkins += [
                {"session_id": session_id, "phase": phase, "score": n, "count": rng.randint(0, 3)}
                for n in range(1, 6)
            ]
    await s.execute(insert(SessionAttendance), attendance)
    await s.execute(insert(SessionCheckin), checkins)


async def _rest(
    s: Any, org_id: int, group_ids: list[int], people: list[int], rng: random.Random
) -> None:
    days = [PERIOD.first + timedelta(days=d) for d in range(PERIOD.days)]
    counts = [
        {
            "org_id": org_id,
            "group_id": 0,
            "day": d.isoformat(),
            "metric": f"faq.{kind}:{t}",
            "count": rng.randint(1, 4),
        }
        for d in days
        for t in TOPICS
        for kind in ("answered", "helpful", "unhelpful")
        if rng.random() < 0.4
    ]
    counts += [
        {"org_id": org_id, "group_id": g, "day": d.isoformat(), "metric": f"nudge.{c}", "count": 1}
        for d in days
        for g in group_ids
        for c in CATEGORIES
        if rng.random() < 0.01
    ]
    await s.execute(insert(DailyCount), counts)
    pairings = []
    for i in range(300):
        asked = START + timedelta(days=rng.randint(0, 330))
        introduced = asked + timedelta(days=rng.randint(1, 40))
        ended = introduced + timedelta(days=rng.randint(30, 200)) if i % 3 else None
        pairings.append(
            {
                "org_id": org_id, "mentor_id": rng.choice(people), "mentee_id": rng.choice(people),
                "status": "ended" if ended else "active", "reasons": [], "asked_at": asked,
                "proposed_at": asked, "introduced_at": introduced, "ended_at": ended,
                "end_reason": "planned" if ended else None,
                "mentee_rating": rng.randint(1, 5) if ended else None,
            }
        )  # fmt: skip
    await s.execute(insert(BuddyPairing), pairings)
    await s.execute(
        insert(FaqTicket),
        [
            {
                "org_id": org_id, "platform": "bench", "topic": rng.choice(TOPICS),
                "created_at": (made := START + timedelta(hours=rng.randint(0, 8000))),
                "answered_at": made + timedelta(hours=rng.randint(1, 96)) if i % 5 else None,
            }
            for i in range(300)
        ],
    )  # fmt: skip
    for i in range(60):
        sent = START + timedelta(days=6 * i)
        notice = Notice(
            org_id=org_id, text="bench", audience={}, audience_words="all", ask_ack=True,
            flagged=[], status="sent", send_at=sent, created_at=sent, sent_at=sent,
            groups_count=len(group_ids), people_count=len(people), draft_key=f"bench-{i}",
        )  # fmt: skip
        s.add(notice)
        await s.flush()
        await s.execute(
            insert(NoticeAck),
            [
                {"notice_id": notice.id, "person_id": p, "at": sent}
                for p in rng.sample(people, min(80, len(people)))
            ],
        )


async def run(groups: int, carers: int, url: str | None) -> None:
    """On a fresh SQLite file, or in a scratch schema of its own (dropped after) on PostgreSQL."""
    folder = Path(tempfile.mkdtemp(prefix="carebot-report-"))
    schema = f"carebot_report_bench_{os.getpid()}"
    if url:
        admin = Database(url)
        async with admin.engine.begin() as conn:
            await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        await admin.close()
        db = Database(url, connect_args={"server_settings": {"search_path": schema}})
    else:
        db = Database(f"sqlite:///{folder / 'bench.db'}")
    try:
        await _measure(db, groups, carers, folder)
    finally:
        await db.close()
        if url:
            admin = Database(url)
            async with admin.engine.begin() as conn:
                await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            await admin.close()


async def _measure(db: Database, groups: int, carers: int, folder: Path) -> None:
    async with db.engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    org_id = await seed(db, groups, carers, random.Random(SEED))
    texts = Texts.load().get(ReportTexts)
    for attempt in (1, 2):
        started = time.perf_counter()
        async with db.transaction() as s:
            report = await gather(
                s, org_id=org_id, org_name="Bench Fostering", period=PERIOD, zone=ZONE,
                now=datetime.now(UTC), unnamed_group=texts.unnamed_group,
            )  # fmt: skip
        read = time.perf_counter() - started
        started = time.perf_counter()
        files = make_files(report, texts)
        drawn = time.perf_counter() - started
        print(
            f"run {attempt}: figures {read * 1000:.0f} ms, charts+HTML+CSV {drawn * 1000:.0f} ms "
            f"(first run includes importing matplotlib)"
        )
    (folder / files.html_name).write_bytes(files.html)
    (folder / files.csv_name).write_bytes(files.csv)
    print(
        f"{report.sessions.sessions} sessions, {report.sessions.attendances} attendances, "
        f"{len(report.groups.shown)} groups named, {report.groups.hidden} only in totals; "
        f"HTML {len(files.html) / 1024:.0f} KiB, CSV {len(files.csv) / 1024:.0f} KiB in {folder}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--carers", type=int, default=600)
    parser.add_argument(
        "--database-url", default=None, help="e.g. postgresql://postgres@127.0.0.1/test"
    )
    args = parser.parse_args()
    asyncio.run(run(args.groups, args.carers, args.database_url))


if __name__ == "__main__":
    main()
