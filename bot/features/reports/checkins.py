"""The check-in spread: how many chose each point of the 1-to-5 scale, at the start and end.

Only totals over every group: a spread for one small session could say how one person felt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.reports.scope import Scope
from storage.events_tables import GroupSession, SessionCheckin
from storage.models import Group

SCALE = (1, 2, 3, 4, 5)
PHASES = ("start", "end")


@dataclass(slots=True)
class CheckinFigures:
    """`spread[phase][score]` = how many answers; every phase and score present."""

    spread: dict[str, dict[int, int]] = field(
        default_factory=lambda: {phase: dict.fromkeys(SCALE, 0) for phase in PHASES}
    )

    def answers(self, phase: str) -> int:
        return sum(self.spread[phase].values())

    def average(self, phase: str) -> float | None:
        total = self.answers(phase)
        if not total:
            return None
        return sum(score * n for score, n in self.spread[phase].items()) / total

    @property
    def empty(self) -> bool:
        return not any(self.answers(phase) for phase in PHASES)


async def checkin_figures(db: AsyncSession, scope: Scope) -> CheckinFigures:
    rows = await db.execute(
        select(SessionCheckin.phase, SessionCheckin.score, func.sum(SessionCheckin.count))
        .join(GroupSession, GroupSession.id == SessionCheckin.session_id)
        .join(Group, Group.id == GroupSession.group_id)
        .where(
            Group.org_id == scope.org_id,
            GroupSession.started_at >= scope.starts,
            GroupSession.started_at < scope.ends,
        )
        .group_by(SessionCheckin.phase, SessionCheckin.score)
    )
    figures = CheckinFigures()
    for phase, score, total in rows.all():
        if phase in figures.spread and score in SCALE:
            figures.spread[phase][score] += int(total or 0)
    return figures
