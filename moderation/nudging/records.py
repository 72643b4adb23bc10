"""What nudges and photo reminders keep: who was reminded when, and suggestions for an hour.

Nothing here holds a group message. A note says only "this person had a private
word, once, for this message (or this day)". Notes go after a week; a suggestion
goes when its hour is up (a scheduled job) or as soon as it is posted.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import Insert

from bot.events import UserRef
from storage.models import Account
from storage.moderation_tables import ModerationNote, NudgeSuggestion

NUDGE = "nudge"
PHOTO = "photo"
FORGET_JOB = "confidentiality.forget"
REPEAT_WINDOW = timedelta(days=7)  # nudges within this get shorter
NOTE_KEEP = timedelta(days=8)
SUGGESTION_TTL = timedelta(hours=1)


def user_key(person_id: int | None, user: UserRef) -> str:
    """Whose note this is: the person (all their linked accounts), else the platform account."""
    return f"person:{person_id}" if person_id is not None else f"{user.platform}:{user.id}"


def digest(*parts: str) -> str:
    """A short, fixed-length key for a message or a day, without keeping what it names."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]


async def note_once(db: AsyncSession, *, kind: str, key: str, who: str, now: datetime) -> bool:
    """Record a private word; False (and nothing written) if this key was noted before.

    INSERT .. ON CONFLICT DO NOTHING, so an edit racing its original cannot nudge twice.
    """
    values: dict[str, Any] = {"kind": kind, "key": f"{kind}:{key}", "user_key": who, "at": now}
    stmt: Insert
    if db.get_bind().dialect.name == "postgresql":
        stmt = postgresql.insert(ModerationNote).values(values).on_conflict_do_nothing()
    else:
        stmt = sqlite.insert(ModerationNote).values(values).on_conflict_do_nothing()
    result = await db.execute(stmt.returning(ModerationNote.id))
    return result.scalar_one_or_none() is not None


async def recent(db: AsyncSession, *, kind: str, who: str, since: datetime) -> int:
    """How many private words of this kind the person has had since `since` (this one included)."""
    found = await db.scalar(
        select(func.count())
        .select_from(ModerationNote)
        .where(
            ModerationNote.kind == kind, ModerationNote.user_key == who, ModerationNote.at >= since
        )
    )
    return int(found or 0)


async def keep_suggestion(
    db: AsyncSession,
    *,
    who: str,
    group_id: int,
    thread_id: str | None,
    text: str,
    now: datetime,
) -> NudgeSuggestion:
    row = NudgeSuggestion(
        user_key=who,
        group_id=group_id,
        thread_id=thread_id,
        text=text,
        created_at=now,
        expires_at=now + SUGGESTION_TTL,
        posted_at=None,
    )
    db.add(row)
    await db.flush()
    return row


async def forget_old(db: AsyncSession, now: datetime) -> None:
    """Erase suggestions past their hour and notes past their week."""
    await db.execute(delete(NudgeSuggestion).where(NudgeSuggestion.expires_at <= now))
    await db.execute(delete(ModerationNote).where(ModerationNote.at < now - NOTE_KEEP))


async def _keys_of(db: AsyncSession, person_id: int) -> list[str]:
    accounts = await db.execute(
        select(Account.platform, Account.external_id).where(Account.person_id == person_id)
    )
    return [f"person:{person_id}", *(f"{p}:{e}" for p, e in accounts.all())]


async def export(db: AsyncSession, person_id: int) -> dict[str, Any]:
    keys = await _keys_of(db, person_id)
    counts = await db.execute(
        select(ModerationNote.kind, func.count())
        .where(ModerationNote.user_key.in_(keys))
        .group_by(ModerationNote.kind)
    )
    by_kind: dict[str, int] = {kind: int(n) for kind, n in counts.all()}
    waiting = await db.scalar(
        select(func.count()).select_from(NudgeSuggestion).where(NudgeSuggestion.user_key.in_(keys))
    )
    if not by_kind and not waiting:
        return {}
    return {
        "Private confidentiality reminders (kept a week)": by_kind.get(NUDGE, 0),
        "Photo reminders (kept a week)": by_kind.get(PHOTO, 0),
        "Suggested messages waiting to post (kept an hour)": int(waiting or 0),
    }


async def erase(db: AsyncSession, person_id: int) -> None:
    keys = await _keys_of(db, person_id)
    await db.execute(delete(ModerationNote).where(ModerationNote.user_key.in_(keys)))
    await db.execute(delete(NudgeSuggestion).where(NudgeSuggestion.user_key.in_(keys)))
