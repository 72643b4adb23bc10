"""Confidentiality nudges: how many, of which kind (`nudge.<category>` daily counts).

Counts only, and only over every group together: never who, never where, never the words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.reports.period import week_of
from bot.features.reports.scope import Scope, WeekCounts, add
from storage.models import DailyCount

PREFIX = "nudge."


@dataclass(slots=True)
class NudgeFigures:
    by_category: dict[str, int] = field(default_factory=dict)
    """Most frequent first (ties by name)."""
    by_week: WeekCounts = field(default_factory=dict)
    """Kinds of detail found per week (one message may have had two kinds)."""

    @property
    def total(self) -> int:
        return sum(self.by_category.values())

    @property
    def empty(self) -> bool:
        return self.total == 0


async def nudge_figures(db: AsyncSession, scope: Scope) -> NudgeFigures:
    rows = await db.execute(
        select(DailyCount.day, DailyCount.metric, func.sum(DailyCount.count))
        .where(
            DailyCount.org_id == scope.org_id,
            DailyCount.metric.startswith(PREFIX, autoescape=True),
            DailyCount.day >= scope.first_day,
            DailyCount.day <= scope.last_day,
        )
        .group_by(DailyCount.day, DailyCount.metric)
    )
    figures = NudgeFigures()
    categories: dict[str, int] = {}
    for day, metric, total in rows.all():
        count = int(total or 0)
        category = metric.removeprefix(PREFIX)
        categories[category] = categories.get(category, 0) + count
        add(figures.by_week, week_of(date.fromisoformat(day)), count)
    figures.by_category = dict(sorted(categories.items(), key=lambda kv: (-kv[1], kv[0])))
    return figures
