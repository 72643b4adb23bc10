"""Confidentiality nudges: how many, of which kind (`nudge.<category>` daily counts).

Counts only, and only over every group together: never who, never where, never the words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.reports.period import week_of
from bot.features.reports.scope import Scope, WeekCounts, add, daily_counts

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
    figures = NudgeFigures()
    categories: dict[str, int] = {}
    for day, category, count in await daily_counts(db, scope, PREFIX):
        categories[category] = categories.get(category, 0) + count
        add(figures.by_week, week_of(day), count)
    figures.by_category = dict(sorted(categories.items(), key=lambda kv: (-kv[1], kv[0])))
    return figures
