"""Staff notices sent in the period, how far they reached, and how many said "I've read this".

Counts only: never a notice's words (they may name a family), never who read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.reports.scope import Scope, WeekCounts, add
from storage.notices_tables import Notice, NoticeAck


@dataclass(slots=True)
class NoticeFigures:
    sent: int = 0
    sent_by_week: WeekCounts = field(default_factory=dict)
    groups_reached: int = 0
    people_reached: int = 0
    asked_to_acknowledge: int = 0
    """Notices sent with an "I've read this" button."""
    acknowledgements: int = 0
    """"I've read this" answers to the notices sent in the period (given at any time since)."""
    acknowledged_by_week: WeekCounts = field(default_factory=dict)
    """Those answers, by the week their notice was sent."""

    @property
    def empty(self) -> bool:
        return self.sent == 0


async def notice_figures(db: AsyncSession, scope: Scope) -> NoticeFigures:
    acks = (
        select(NoticeAck.notice_id, func.count().label("n"))
        .group_by(NoticeAck.notice_id)
        .subquery()
    )
    rows = await db.execute(
        select(
            Notice.sent_at,
            Notice.groups_count,
            Notice.people_count,
            Notice.ask_ack,
            func.coalesce(acks.c.n, 0),
        )
        .outerjoin(acks, acks.c.notice_id == Notice.id)
        .where(
            Notice.org_id == scope.org_id,
            Notice.status == "sent",
            Notice.sent_at >= scope.starts,
            Notice.sent_at < scope.ends,
        )
        .order_by(Notice.id)
    )
    figures = NoticeFigures()
    for sent_at, groups, people, ask_ack, acknowledged in rows.all():
        assert sent_at is not None  # the WHERE makes sure
        week = scope.week(sent_at)
        figures.sent += 1
        add(figures.sent_by_week, week)
        figures.groups_reached += groups
        figures.people_reached += people
        figures.asked_to_acknowledge += 1 if ask_ack else 0
        figures.acknowledgements += int(acknowledged)
        add(figures.acknowledged_by_week, week, int(acknowledged))
    return figures
