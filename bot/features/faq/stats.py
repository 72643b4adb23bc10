"""Anonymous FAQ counts per organisation, topic and day, in the core `daily_counts` table.

Never who asked or what they wrote: only that a topic was answered, marked helpful or
not, or that carebot was not sure. `/faq gaps` reads them back, by week.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.expression import Executable

from storage.models import DailyCount

PREFIX = "faq."
ANSWERED = "answered"
HELPFUL = "helpful"
UNHELPFUL = "unhelpful"
NOT_SURE = "not_sure"  # a question carebot could not answer
NEEDS_PERSON = "needs_person"  # a question about one family's case
PASSED = "passed"  # a question handed to staff as a ticket
SUGGESTED = "suggested"  # a group suggestion shown
_METRIC_LENGTH = 64


def metric(kind: str, topic: str | None = None) -> str:
    """`faq.helpful:pupil-premium-plus`, cut to fit the column."""
    name = f"{PREFIX}{kind}" + (f":{topic}" if topic else "")
    return name[:_METRIC_LENGTH]


def local_day(moment: datetime, zone: tzinfo) -> str:
    return moment.astimezone(zone).date().isoformat()


async def bump(
    db: AsyncSession,
    org_id: int | None,
    day: str,
    kind: str,
    topic: str | None = None,
) -> None:
    """Add one to a count in a single statement, so two carers at once cannot clash."""
    if org_id is None:
        return  # someone not yet joined: nothing is kept
    values = {"org_id": org_id, "group_id": 0, "day": day, "metric": metric(kind, topic)}
    keys = ["org_id", "group_id", "day", "metric"]
    stmt: Executable
    if db.get_bind().dialect.name == "postgresql":
        pg = postgresql.insert(DailyCount).values(**values, count=1)
        stmt = pg.on_conflict_do_update(
            index_elements=keys, set_={"count": DailyCount.count + pg.excluded.count}
        )
    else:
        lite = sqlite.insert(DailyCount).values(**values, count=1)
        stmt = lite.on_conflict_do_update(
            index_elements=keys, set_={"count": DailyCount.count + lite.excluded.count}
        )
    await db.execute(stmt)


async def unbump(
    db: AsyncSession, org_id: int, day: str, kind: str, topic: str | None = None
) -> None:
    """Take one back (a changed vote); never below zero, and never creates a row."""
    await db.execute(
        update(DailyCount)
        .where(
            DailyCount.org_id == org_id,
            DailyCount.group_id == 0,
            DailyCount.day == day,
            DailyCount.metric == metric(kind, topic),
            DailyCount.count > 0,
        )
        .values(count=DailyCount.count - 1)
    )


def week_start(day: date) -> date:
    """The Monday of that day's week."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class Week:
    starts: date
    not_sure: int = 0
    needs_person: int = 0
    passed: int = 0


@dataclass(frozen=True, slots=True)
class TopicMarks:
    topic: str
    answered: int
    helpful: int
    unhelpful: int


async def _counts(db: AsyncSession, org_id: int, since: date) -> list[tuple[str, str, int]]:
    rows = await db.execute(
        select(DailyCount.day, DailyCount.metric, func.sum(DailyCount.count))
        .where(
            DailyCount.org_id == org_id,
            DailyCount.metric.startswith(PREFIX, autoescape=True),
            DailyCount.day >= since.isoformat(),
        )
        .group_by(DailyCount.day, DailyCount.metric)
    )
    return [(day, name, int(total or 0)) for day, name, total in rows.all()]


async def weeks(db: AsyncSession, org_id: int, today: date, count: int) -> list[Week]:
    """Unanswered questions per week, newest first, for weeks that had any."""
    since = week_start(today) - timedelta(weeks=count - 1)
    totals: dict[date, dict[str, int]] = {}
    for day, name, total in await _counts(db, org_id, since):
        kind = name.removeprefix(PREFIX)
        if kind in (NOT_SURE, NEEDS_PERSON, PASSED):
            bucket = totals.setdefault(week_start(date.fromisoformat(day)), {})
            bucket[kind] = bucket.get(kind, 0) + total
    return [
        Week(start, t.get(NOT_SURE, 0), t.get(NEEDS_PERSON, 0), t.get(PASSED, 0))
        for start, t in sorted(totals.items(), reverse=True)
    ]


async def marks(db: AsyncSession, org_id: int, since: date) -> list[TopicMarks]:
    """Topics marked unhelpful at least once since `since`, most unhelpful first."""
    per_topic: dict[str, dict[str, int]] = {}
    for _day, name, total in await _counts(db, org_id, since):
        kind, _, topic = name.removeprefix(PREFIX).partition(":")
        if topic and kind in (ANSWERED, HELPFUL, UNHELPFUL):
            bucket = per_topic.setdefault(topic, {})
            bucket[kind] = bucket.get(kind, 0) + total
    found = [
        TopicMarks(topic, t.get(ANSWERED, 0), t.get(HELPFUL, 0), t.get(UNHELPFUL, 0))
        for topic, t in per_topic.items()
        if t.get(UNHELPFUL, 0)
    ]
    return sorted(found, key=lambda m: (-m.unhelpful, m.topic))
