"""Sessions in storage: opening and closing them, check-in counts, turns and action points.

A check-in answer is one `count = count + 1` on the row for that point of the scale, so two
answers at once can't lose each other, and no row ever says who chose what. Who has answered
(to stop double answers) and who asked for a turn are removed when the check-in closes.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.sessions.texts import SCALE
from storage.events_tables import (
    GroupSession,
    SessionAction,
    SessionCheckin,
    SessionCheckinVoter,
    SessionTurn,
)

PHASES = {"s": "start", "e": "end"}
# A session left open this long was forgotten: a new /session start closes it.
STALE_AFTER = timedelta(hours=12)
# The closing check-in takes answers this long after /session end.
CLOSING_CHECKIN = timedelta(hours=1)


async def open_session(db: AsyncSession, group_id: int) -> GroupSession | None:
    return await db.scalar(
        select(GroupSession)
        .where(GroupSession.group_id == group_id, GroupSession.ended_at.is_(None))
        .order_by(GroupSession.started_at.desc())
        .limit(1)
    )


async def latest_session(db: AsyncSession, group_id: int) -> GroupSession | None:
    return await db.scalar(
        select(GroupSession)
        .where(GroupSession.group_id == group_id)
        .order_by(GroupSession.started_at.desc(), GroupSession.id.desc())
        .limit(1)
    )


async def begin(db: AsyncSession, group_id: int, now: datetime) -> GroupSession:
    session = GroupSession(group_id=group_id, started_at=now, ended_at=None, checkin_closed_at=None)
    db.add(session)
    await db.flush()
    for phase in PHASES.values():
        for score in SCALE:
            db.add(SessionCheckin(session_id=session.id, phase=phase, score=score, count=0))
    await db.flush()
    return session


async def close(db: AsyncSession, session: GroupSession, now: datetime) -> None:
    """End the session; the speaking list goes (the closing check-in stays open a while)."""
    session.ended_at = now
    await db.execute(delete(SessionTurn).where(SessionTurn.session_id == session.id))


async def close_checkin(db: AsyncSession, session: GroupSession, now: datetime) -> None:
    """Stop taking answers and forget who answered: only the counts remain."""
    session.checkin_closed_at = session.checkin_closed_at or now
    await db.execute(
        delete(SessionCheckinVoter).where(SessionCheckinVoter.session_id == session.id)
    )
    await db.execute(delete(SessionTurn).where(SessionTurn.session_id == session.id))


def taking_answers(session: GroupSession, phase: str) -> bool:
    if phase == "start":
        return session.ended_at is None
    return session.ended_at is not None and session.checkin_closed_at is None


async def record_answer(
    db: AsyncSession, session_id: int, phase: str, person_id: int, score: int
) -> bool:
    """Count one answer; False if this person has already answered this check-in."""
    already = await db.scalar(
        select(SessionCheckinVoter.id).where(
            SessionCheckinVoter.session_id == session_id,
            SessionCheckinVoter.phase == phase,
            SessionCheckinVoter.person_id == person_id,
        )
    )
    if already is not None:
        return False
    db.add(SessionCheckinVoter(session_id=session_id, phase=phase, person_id=person_id))
    await db.execute(
        update(SessionCheckin)
        .where(
            SessionCheckin.session_id == session_id,
            SessionCheckin.phase == phase,
            SessionCheckin.score == score,
        )
        .values(count=SessionCheckin.count + 1)
    )
    return True


async def spread(db: AsyncSession, session_id: int, phase: str) -> dict[int, int]:
    rows = await db.execute(
        select(SessionCheckin.score, SessionCheckin.count).where(
            SessionCheckin.session_id == session_id, SessionCheckin.phase == phase
        )
    )
    counts = dict.fromkeys(SCALE, 0)
    counts.update({int(score): int(count) for score, count in rows.all()})
    return counts


async def action_points(db: AsyncSession, session_id: int) -> list[str]:
    rows = await db.scalars(
        select(SessionAction.text)
        .where(SessionAction.session_id == session_id)
        .order_by(SessionAction.id)
    )
    return list(rows.all())
