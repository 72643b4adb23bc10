"""The buddy programme: who is waiting, introductions and how long they took, endings, ratings.

Only counts: pairings are read for their dates, status, reason for ending and ratings,
never for who was in them. "Waiting" is as of today (carebot keeps no history of the
waiting list); everything else belongs to the period.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.reports.scope import Scope, WeekCounts, add, median
from storage.buddies_tables import BuddyPairing, BuddyProfile
from storage.models import Membership

DAY = 86400.0
# Upper ends (in days) of the "time to introduction" bands; the last band is everything longer.
BANDS = (7, 14, 28, 56)
RATINGS = (1, 2, 3, 4, 5)
NOT_TAKEN_UP = ("declined", "expired")


@dataclass(slots=True)
class BuddyFigures:
    waiting_today: int = 0
    asked: int = 0
    introduced: int = 0
    introduced_by_week: WeekCounts = field(default_factory=dict)
    days_to_introduction: list[float] = field(default_factory=list)
    active_at_end: int = 0
    endings: dict[str, int] = field(default_factory=dict)
    not_taken_up: dict[str, int] = field(default_factory=dict)
    ratings: dict[int, int] = field(default_factory=lambda: dict.fromkeys(RATINGS, 0))

    @property
    def median_days(self) -> float | None:
        return median(self.days_to_introduction)

    def bands(self) -> list[int]:
        """How many introductions fell in each band of BANDS, then the longer ones."""
        counts = [0] * (len(BANDS) + 1)
        for days in self.days_to_introduction:
            index = next((i for i, top in enumerate(BANDS) if days <= top), len(BANDS))
            counts[index] += 1
        return counts

    @property
    def rating_answers(self) -> int:
        return sum(self.ratings.values())

    @property
    def empty(self) -> bool:
        """Nothing in the period ("waiting today" is about today, not the period)."""
        return not (
            self.asked or self.introduced or self.active_at_end or self.endings or self.not_taken_up
        )


async def buddy_figures(db: AsyncSession, scope: Scope) -> BuddyFigures:
    figures = BuddyFigures()
    mentee = (BuddyProfile.org_id == scope.org_id, BuddyProfile.role == "mentee")
    still_member = exists().where(
        Membership.person_id == BuddyProfile.person_id, Membership.org_id == scope.org_id
    )
    figures.waiting_today = int(
        await db.scalar(
            select(func.count())
            .select_from(BuddyProfile)
            .where(*mentee, BuddyProfile.status == "waiting", still_member)
        )
        or 0
    )
    figures.asked = int(
        await db.scalar(
            select(func.count())
            .select_from(BuddyProfile)
            .where(
                *mentee,
                BuddyProfile.asked_at >= scope.starts,
                BuddyProfile.asked_at < scope.ends,
            )
        )
        or 0
    )
    rows = await db.execute(
        select(
            BuddyPairing.status,
            BuddyPairing.asked_at,
            BuddyPairing.introduced_at,
            BuddyPairing.ended_at,
            BuddyPairing.end_reason,
            BuddyPairing.mentor_rating,
            BuddyPairing.mentee_rating,
        )
        .where(BuddyPairing.org_id == scope.org_id)
        .order_by(BuddyPairing.id)
    )
    for status, asked_at, introduced_at, ended_at, reason, *ratings in rows.all():
        ended_in_period = ended_at is not None and scope.starts <= ended_at < scope.ends
        if introduced_at is not None:
            if scope.starts <= introduced_at < scope.ends:
                figures.introduced += 1
                add(figures.introduced_by_week, scope.week(introduced_at))
                figures.days_to_introduction.append(
                    (introduced_at - asked_at).total_seconds() / DAY
                )
            if introduced_at < scope.ends and (ended_at is None or ended_at >= scope.ends):
                figures.active_at_end += 1
            if ended_in_period:
                key = reason or "other"
                figures.endings[key] = figures.endings.get(key, 0) + 1
                for rating in ratings:
                    if rating in figures.ratings:
                        figures.ratings[rating] += 1
        elif status in NOT_TAKEN_UP and ended_in_period:
            figures.not_taken_up[status] = figures.not_taken_up.get(status, 0) + 1
    figures.endings = dict(sorted(figures.endings.items()))
    figures.not_taken_up = dict(sorted(figures.not_taken_up.items()))
    return figures
