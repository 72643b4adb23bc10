"""FAQ answers: questions answered, marked unhelpful, passed to staff and how fast staff replied.

Answers and marks come from the anonymous `faq.*` daily counts; hand-overs and turnaround
from the tickets' dates only (never the question, never who asked).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.reports.period import week_of
from bot.features.reports.scope import Scope, WeekCounts, add, daily_counts, median
from storage.faq_tables import FaqTicket

PREFIX = "faq."
HOUR = 3600.0


@dataclass(slots=True)
class FaqFigures:
    answered: int = 0
    answered_by_week: WeekCounts = field(default_factory=dict)
    helpful: int = 0
    unhelpful: int = 0
    unhelpful_by_topic: dict[str, int] = field(default_factory=dict)
    """Most often first (ties by topic)."""
    not_sure: int = 0
    handed_over: int = 0
    handed_over_by_week: WeekCounts = field(default_factory=dict)
    staff_answered: int = 0
    still_open: int = 0
    hours_to_answer: list[float] = field(default_factory=list)

    @property
    def median_hours(self) -> float | None:
        return median(self.hours_to_answer)

    @property
    def empty(self) -> bool:
        return not (self.answered or self.handed_over or self.not_sure or self.helpful)


async def faq_figures(db: AsyncSession, scope: Scope) -> FaqFigures:
    figures = FaqFigures()
    await _counts(db, scope, figures)
    tickets = await db.execute(
        select(FaqTicket.created_at, FaqTicket.answered_at)
        .where(
            FaqTicket.org_id == scope.org_id,
            FaqTicket.created_at >= scope.starts,
            FaqTicket.created_at < scope.ends,
        )
        .order_by(FaqTicket.id)
    )
    for created_at, answered_at in tickets.all():
        figures.handed_over += 1
        add(figures.handed_over_by_week, scope.week(created_at))
        if answered_at is None:
            figures.still_open += 1
        else:
            figures.staff_answered += 1
            figures.hours_to_answer.append((answered_at - created_at).total_seconds() / HOUR)
    return figures


async def _counts(db: AsyncSession, scope: Scope, figures: FaqFigures) -> None:
    unhelpful: dict[str, int] = {}
    for day, metric, count in await daily_counts(db, scope, PREFIX):
        kind, _, topic = metric.partition(":")
        if kind == "answered":
            figures.answered += count
            add(figures.answered_by_week, week_of(day), count)
        elif kind == "helpful":
            figures.helpful += count
        elif kind == "unhelpful":
            figures.unhelpful += count
            unhelpful[topic] = unhelpful.get(topic, 0) + count
        elif kind in ("not_sure", "needs_person"):
            figures.not_sure += count
    figures.unhelpful_by_topic = dict(sorted(unhelpful.items(), key=lambda kv: (-kv[1], kv[0])))
