"""Multi-step conversations: "what kinds of care do you know?" and the answer that follows.

A feature asks a question with `ask`; the person's next private message (or a
button) goes to that feature's flow handler instead of the usual matchers. State
is a small JSON document in the database with an expiry, so a restart loses
nothing and an abandoned question quietly lapses.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.events import UserRef
from storage.models import ConversationState

DEFAULT_TTL = timedelta(hours=24)


def _key(user: UserRef) -> str:
    return f"{user.platform}:{user.id}"


async def ask(
    db: AsyncSession,
    user: UserRef,
    *,
    flow: str,
    step: str,
    data: dict[str, Any] | None = None,
    now: datetime,
    ttl: timedelta = DEFAULT_TTL,
) -> None:
    """Remember that `user` owes `flow` an answer to `step` (replacing any older question)."""
    await db.execute(delete(ConversationState).where(ConversationState.user_key == _key(user)))
    db.add(
        ConversationState(
            user_key=_key(user), flow=flow, step=step, data=data or {}, expires_at=now + ttl
        )
    )
    await db.flush()


async def current(db: AsyncSession, user: UserRef, now: datetime) -> ConversationState | None:
    """The open question for this person, if it has not lapsed."""
    state = (
        await db.execute(select(ConversationState).where(ConversationState.user_key == _key(user)))
    ).scalar_one_or_none()
    if state is None or state.expires_at <= now:
        return None
    return state


async def finish(db: AsyncSession, user: UserRef) -> None:
    await db.execute(delete(ConversationState).where(ConversationState.user_key == _key(user)))
