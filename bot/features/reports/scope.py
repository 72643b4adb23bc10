"""What every figure query needs: which organisation, which days, and the local time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.reports.period import Period, week_of
from storage.models import DailyCount

WeekCounts = dict[date, int]
"""A count per week, keyed by the week's Monday (see `Scope.week`)."""


@dataclass(frozen=True, slots=True)
class Scope:
    org_id: int
    period: Period
    zone: tzinfo

    @property
    def starts(self) -> datetime:
        return self.period.starts(self.zone)

    @property
    def ends(self) -> datetime:
        """Exclusive: the first moment after the period."""
        return self.period.ends(self.zone)

    @property
    def first_day(self) -> str:
        """The first day as stored in `daily_counts.day`."""
        return self.period.first.isoformat()

    @property
    def last_day(self) -> str:
        return self.period.last.isoformat()

    def local_day(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()

    def week(self, moment: datetime) -> date:
        """The Monday of the local week a moment falls in."""
        return week_of(self.local_day(moment))


async def daily_counts(db: AsyncSession, scope: Scope, prefix: str) -> list[tuple[date, str, int]]:
    """(day, metric without `prefix`, count) for the period's anonymous daily counts."""
    rows = await db.execute(
        select(DailyCount.day, DailyCount.metric, func.sum(DailyCount.count))
        .where(
            DailyCount.org_id == scope.org_id,
            DailyCount.metric.startswith(prefix, autoescape=True),
            DailyCount.day >= scope.first_day,
            DailyCount.day <= scope.last_day,
        )
        .group_by(DailyCount.day, DailyCount.metric)
    )
    return [
        (date.fromisoformat(day), metric.removeprefix(prefix), int(total or 0))
        for day, metric, total in rows.all()
    ]


def add(counts: WeekCounts, week: date, by: int = 1) -> None:
    counts[week] = counts.get(week, 0) + by


def median(values: list[float]) -> float | None:
    """The middle value (mean of the middle two), or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
