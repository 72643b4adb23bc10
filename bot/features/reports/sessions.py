"""Group sessions held and who came: totals, per week and per group.

People are counted, never named: person ids are read only to count distinct people and
first-timers, and never leave this module. A first-time attendee is someone whose first
session with any of the organisation's groups falls in the period; they count once, for
the group where that first session was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.reports.scope import Scope, WeekCounts, add
from storage.events_tables import GroupSession, SessionAttendance
from storage.models import Group


@dataclass(slots=True)
class GroupFigures:
    """One group's figures. `title` is the chat's name (never a person's)."""

    group_id: int
    title: str
    sessions: int = 0
    attendances: int = 0
    people: int = 0
    first_timers: int = 0


@dataclass(slots=True)
class SessionFigures:
    sessions: int = 0
    attendances: int = 0
    people: int = 0
    first_timers: int = 0
    sessions_by_week: WeekCounts = field(default_factory=dict)
    attendances_by_week: WeekCounts = field(default_factory=dict)
    first_timers_by_week: WeekCounts = field(default_factory=dict)
    groups: list[GroupFigures] = field(default_factory=list)
    """Every group with a session in the period (privacy.split_groups decides who is shown)."""

    @property
    def empty(self) -> bool:
        return self.sessions == 0


async def session_figures(db: AsyncSession, scope: Scope) -> SessionFigures:
    in_period = (
        Group.org_id == scope.org_id,
        GroupSession.started_at >= scope.starts,
        GroupSession.started_at < scope.ends,
    )
    held = (
        await db.execute(
            select(GroupSession.id, GroupSession.group_id, GroupSession.started_at, Group.title)
            .join(Group, Group.id == GroupSession.group_id)
            .where(*in_period)
        )
    ).all()
    came = (
        await db.execute(
            select(SessionAttendance.session_id, SessionAttendance.person_id)
            .join(GroupSession, GroupSession.id == SessionAttendance.session_id)
            .join(Group, Group.id == GroupSession.group_id)
            .where(*in_period)
        )
    ).all()
    first_seen = func.min(GroupSession.started_at)
    firsts = dict(
        (
            await db.execute(
                select(SessionAttendance.person_id, first_seen)
                .join(GroupSession, GroupSession.id == SessionAttendance.session_id)
                .join(Group, Group.id == GroupSession.group_id)
                .where(Group.org_id == scope.org_id, GroupSession.started_at < scope.ends)
                .group_by(SessionAttendance.person_id)
                .having(first_seen >= scope.starts)
            )
        ).all()
    )

    figures = SessionFigures(sessions=len(held))
    groups: dict[int, GroupFigures] = {}
    session_of: dict[int, tuple[int, datetime]] = {}
    for session_id, group_id, started_at, title in held:
        group = groups.setdefault(group_id, GroupFigures(group_id, title or ""))
        group.sessions += 1
        session_of[session_id] = (group_id, started_at)
        add(figures.sessions_by_week, scope.week(started_at))

    people: dict[int, set[int]] = {}
    counted_first: set[int] = set()
    for session_id, person_id in sorted(came):
        group_id, started_at = session_of[session_id]
        week = scope.week(started_at)
        groups[group_id].attendances += 1
        people.setdefault(group_id, set()).add(person_id)
        add(figures.attendances_by_week, week)
        first = firsts.get(person_id)
        if first is not None and first == started_at and person_id not in counted_first:
            counted_first.add(person_id)
            groups[group_id].first_timers += 1
            add(figures.first_timers_by_week, week)

    for group_id, seen in people.items():
        groups[group_id].people = len(seen)
    figures.attendances = len(came)
    figures.people = len(set().union(*people.values())) if people else 0
    figures.first_timers = len(counted_first)
    figures.groups = sorted(groups.values(), key=lambda g: (g.title.casefold(), g.group_id))
    return figures
