"""One report: every section's figures for one organisation and period, read in one go."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.reports.buddies import BuddyFigures, buddy_figures
from bot.features.reports.checkins import CheckinFigures, checkin_figures
from bot.features.reports.faq import FaqFigures, faq_figures
from bot.features.reports.notices import NoticeFigures, notice_figures
from bot.features.reports.nudges import NudgeFigures, nudge_figures
from bot.features.reports.period import Period
from bot.features.reports.privacy import SplitGroups, split_groups
from bot.features.reports.scope import Scope
from bot.features.reports.sessions import SessionFigures, session_figures

SECTIONS = ("sessions", "checkins", "buddies", "faq", "nudges", "notices")


@dataclass(frozen=True, slots=True)
class Report:
    org_name: str
    period: Period
    made_at: datetime
    """When it was made, in the organisation's time zone."""
    sessions: SessionFigures
    groups: SplitGroups
    checkins: CheckinFigures
    buddies: BuddyFigures
    faq: FaqFigures
    nudges: NudgeFigures
    notices: NoticeFigures

    def section_empty(self, name: str) -> bool:
        return {
            "sessions": self.sessions.empty,
            "checkins": self.checkins.empty,
            "buddies": self.buddies.empty,
            "faq": self.faq.empty,
            "nudges": self.nudges.empty,
            "notices": self.notices.empty,
        }[name]

    @property
    def empty(self) -> bool:
        """Nothing at all happened: no sessions, buddies, questions, nudges or notices."""
        return all(self.section_empty(name) for name in SECTIONS)


async def gather(
    db: AsyncSession,
    *,
    org_id: int,
    org_name: str,
    period: Period,
    zone: tzinfo,
    now: datetime,
    unnamed_group: str,
) -> Report:
    """Read every figure. Read-only: nothing is written, nobody is told."""
    scope = Scope(org_id, period, zone)
    sessions = await session_figures(db, scope)
    return Report(
        org_name=org_name,
        period=period,
        made_at=now.astimezone(zone),
        sessions=sessions,
        groups=split_groups(sessions.groups, unnamed_group),
        checkins=await checkin_figures(db, scope),
        buddies=await buddy_figures(db, scope),
        faq=await faq_figures(db, scope),
        nudges=await nudge_figures(db, scope),
        notices=await notice_figures(db, scope),
    )
