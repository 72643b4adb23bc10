"""Who came: `/here` during a session, `/attendance add NAME` afterwards, and the history.

The history goes privately to the facilitator who asks: how many came to each recent
session, who was new last time (a friendly hello), and who has not been for a while (a kind
personal invitation, never a telling-off). Attendance is personal data: `/mydata` shows it
and `/forgetme` erases it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.commands import ParsedCommand
from bot.context import Context
from bot.features.events.phrases import format_day
from bot.features.sessions import store
from bot.features.sessions.running import MIN_SHOWN
from bot.features.sessions.texts import AttendanceTexts, SessionTexts
from bot.roles import Role
from bot.router import Router, Where
from storage.events_tables import (
    GroupSession,
    SessionAttendance,
    SessionCheckin,
    SessionCheckinVoter,
    SessionTurn,
)
from storage.models import Group, GroupMember, Person

HISTORY = 8  # sessions shown
AWAY_AFTER = 3  # missed this many sessions in a row: worth a personal invitation

router = Router("attendance")
router.texts(AttendanceTexts)


@router.command("here", role=Role.CARER, where=Where.GROUP)
async def here(ctx: Context, _command: ParsedCommand) -> None:
    t = ctx.texts(SessionTexts)
    session = await store.open_session(ctx.db, ctx.group.id) if ctx.group else None
    if session is None or ctx.person is None:
        ctx.dm(t.here_no_session, fallback_to_here=True)
        return
    if await _attended(ctx.db, session.id, ctx.person.id):
        ctx.dm(t.here_already, fallback_to_here=True)
        return
    ctx.db.add(
        SessionAttendance(
            session_id=session.id, person_id=ctx.person.id, how="here", recorded_at=ctx.now()
        )
    )
    ctx.dm(t.here_thanks, fallback_to_here=True)


async def _attended(db: AsyncSession, session_id: int, person_id: int) -> bool:
    found = await db.scalar(
        select(SessionAttendance.id).where(
            SessionAttendance.session_id == session_id, SessionAttendance.person_id == person_id
        )
    )
    return found is not None


@router.command("attendance", role=Role.FACILITATOR, where=Where.GROUP)
async def attendance(ctx: Context, command: ParsedCommand) -> None:
    if ctx.group is None:
        ctx.reply(ctx.texts(SessionTexts).not_registered)
        return
    if (command.arg(0) or "").lower() == "add":
        await _add(ctx, ctx.group, " ".join(command.args[1:]))
    else:
        ctx.dm(await history(ctx, ctx.group), fallback_to_here=True)


async def _add(ctx: Context, group: Group, name: str) -> None:
    t = ctx.texts(AttendanceTexts)
    if not name.strip():
        ctx.dm(t.add_usage, fallback_to_here=True)
        return
    session = await store.latest_session(ctx.db, group.id)
    if session is None:
        ctx.dm(t.add_no_session, fallback_to_here=True)
        return
    members = await ctx.db.execute(
        select(Person.id, Person.display_name)
        .join(GroupMember, GroupMember.person_id == Person.id)
        .where(GroupMember.group_id == group.id)
        .order_by(Person.display_name)
    )
    people = members.all()
    wanted = " ".join(name.casefold().split())
    found = [(pid, shown) for pid, shown in people if shown.casefold() == wanted]
    if not found:
        found = [(pid, shown) for pid, shown in people if shown.casefold().startswith(wanted)]
    day = format_day(session.started_at.astimezone(ctx.services.settings.zone).date())
    if not found:
        ctx.dm(t.add_unknown.format(name=name), fallback_to_here=True)
    elif len(found) > 1:
        names = ", ".join(shown for _, shown in found)
        ctx.dm(t.add_ambiguous.format(name=name, names=names), fallback_to_here=True)
    elif await _attended(ctx.db, session.id, found[0][0]):
        ctx.dm(t.add_already.format(name=found[0][1], date=day), fallback_to_here=True)
    else:
        person_id, shown = found[0]
        ctx.db.add(
            SessionAttendance(
                session_id=session.id, person_id=person_id, how="added", recorded_at=ctx.now()
            )
        )
        ctx.dm(t.added.format(name=shown, date=day), fallback_to_here=True)


async def history(ctx: Context, group: Group) -> str:
    """The group's recent sessions, newcomers, and people missed lately."""
    t = ctx.texts(AttendanceTexts)
    zone = ctx.services.settings.zone
    sessions = list(
        (
            await ctx.db.scalars(
                select(GroupSession)
                .where(GroupSession.group_id == group.id)
                .order_by(GroupSession.started_at.desc(), GroupSession.id.desc())
            )
        ).all()
    )
    if not sessions:
        return t.none_yet
    ids = [s.id for s in sessions]
    came: dict[int, set[int]] = {s.id: set() for s in sessions}
    for session_id, person_id in (
        await ctx.db.execute(
            select(SessionAttendance.session_id, SessionAttendance.person_id).where(
                SessionAttendance.session_id.in_(ids)
            )
        )
    ).all():
        came[session_id].add(person_id)
    moods = {
        sid: t.mood.format(start=f"{start:.1f}", end=f"{end:.1f}")
        for sid, (start, end) in (await _moods(ctx.db, ids[:HISTORY])).items()
    }
    lines = [t.header.format(group=group.title or "this group")]
    for session in sessions[:HISTORY]:
        mood = moods.get(session.id, "")
        day = format_day(session.started_at.astimezone(zone).date())
        lines.append(t.session_line.format(date=day, count=len(came[session.id]), mood=mood))
    names = await _names(ctx.db, set().union(*came.values()))
    earlier = set().union(*(came[s.id] for s in sessions[1:]))
    new = sorted(names[p] for p in came[sessions[0].id] - earlier)
    if new:
        lines.append(t.first_timers.format(names=", ".join(new)))
    if len(sessions) > AWAY_AFTER:
        recent = set().union(*(came[s.id] for s in sessions[:AWAY_AFTER]))
        away = sorted(names[p] for p in set().union(*came.values()) - recent)
        if away:
            lines.append(t.missing.format(sessions=AWAY_AFTER, names=", ".join(away)))
    return "\n".join(lines)


async def _names(db: AsyncSession, person_ids: set[int]) -> dict[int, str]:
    if not person_ids:
        return {}
    rows = await db.execute(select(Person.id, Person.display_name).where(Person.id.in_(person_ids)))
    return {pid: name for pid, name in rows.all()}


async def _moods(db: AsyncSession, session_ids: list[int]) -> dict[int, tuple[float, float]]:
    """Average check-in (start, end) for sessions where both check-ins had answers."""
    rows = await db.execute(
        select(
            SessionCheckin.session_id,
            SessionCheckin.phase,
            func.sum(SessionCheckin.count),
            func.sum(SessionCheckin.count * SessionCheckin.score),
        )
        .where(SessionCheckin.session_id.in_(session_ids))
        .group_by(SessionCheckin.session_id, SessionCheckin.phase)
    )
    averages: dict[int, dict[str, float]] = {}
    for session_id, phase, answers, total in rows.all():
        if answers and int(answers) >= MIN_SHOWN:  # too few answers could give someone away
            averages.setdefault(session_id, {})[phase] = int(total) / int(answers)
    return {
        session_id: (found["start"], found["end"])
        for session_id, found in averages.items()
        if "start" in found and "end" in found
    }


@router.exporter
async def export_attendance(db: AsyncSession, person_id: int) -> dict[str, Any]:
    rows = await db.execute(
        select(Group.title, GroupSession.started_at)
        .join(GroupSession, GroupSession.group_id == Group.id)
        .join(SessionAttendance, SessionAttendance.session_id == GroupSession.id)
        .where(SessionAttendance.person_id == person_id)
        .order_by(GroupSession.started_at)
    )
    came = [f"{title}, {format_day(started.date())}" for title, started in rows.all()]
    return {"session_attendance": came} if came else {}


@router.eraser
async def erase_attendance(db: AsyncSession, person_id: int) -> None:
    for table in (SessionAttendance, SessionCheckinVoter, SessionTurn):
        await db.execute(delete(table).where(table.person_id == person_id))
