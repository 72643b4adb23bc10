"""One vote per person per answer on "Was this helpful?".

Each answer carries a short random token on its buttons. A tap is keyed on a hash of
the organisation, the voter and that token, so pressing "Yes" three times counts once,
and pressing "No" later moves the vote instead of adding a second one. The anonymous
daily counts that `/faq gaps` reads are kept in step with these choices.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.expression import Executable

from bot.features.faq import stats
from storage.faq_tables import FaqVote

VOTE_DAYS = 90  # as long as `/faq gaps` looks back; older votes are forgotten
TOKEN_BYTES = 6  # eight characters on the button: unique enough per answer, short for data
_SEPARATOR = ":"


def new_token() -> str:
    """A fresh token for one answer's buttons."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def button_arg(slug: str, token: str) -> str:
    """What a vote button carries: the topic and, when there is room, the answer's token."""
    return f"{slug}{_SEPARATOR}{token}" if token else slug


def parse_button_arg(arg: str) -> tuple[str, str]:
    """(slug, token); buttons sent before tokens existed carry only the slug."""
    slug, _, token = arg.partition(_SEPARATOR)
    return slug, token


def vote_key(org_id: int, voter: str, slug: str, token: str) -> str:
    """A one-way key: the same person on the same answer always gets the same key.

    Without a token (an old button) the answer is the topic itself, so old buttons still
    give one vote per person per topic.
    """
    raw = _SEPARATOR.join((str(org_id), voter, slug, token))
    return hashlib.sha256(raw.encode()).hexdigest()


def _kind(helpful: bool) -> str:
    return stats.HELPFUL if helpful else stats.UNHELPFUL


async def _insert_new(db: AsyncSession, values: dict[str, object]) -> bool:
    """Insert the vote unless this key is already there; True when it was new."""
    stmt: Executable
    if db.get_bind().dialect.name == "postgresql":
        stmt = postgresql.insert(FaqVote).values(**values).on_conflict_do_nothing()
    else:
        stmt = sqlite.insert(FaqVote).values(**values).on_conflict_do_nothing()
    result = await db.execute(stmt)
    return bool(getattr(result, "rowcount", 0))


async def record(
    db: AsyncSession,
    *,
    org_id: int,
    key: str,
    topic: str,
    helpful: bool,
    day: str,
    now: datetime,
) -> bool:
    """Count this tap once. Returns True when the counts changed (a new or changed vote).

    Safe when two taps arrive at once: the insert and the flip are each one conditional
    statement, so only one of them can win.
    """
    values = {
        "key": key,
        "org_id": org_id,
        "topic": topic,
        "day": day,
        "helpful": helpful,
        "voted_at": now,
    }
    if await _insert_new(db, values):
        await stats.bump(db, org_id, day, _kind(helpful), topic)
        return True
    counted_on = await db.scalar(select(FaqVote.day).where(FaqVote.key == key))
    flipped = await db.execute(
        update(FaqVote)
        .where(FaqVote.key == key, FaqVote.helpful.is_not(helpful))
        .values(helpful=helpful, voted_at=now)
    )
    if counted_on is None or not getattr(flipped, "rowcount", 0):
        return False  # the same choice again: nothing to count
    await stats.unbump(db, org_id, counted_on, _kind(not helpful), topic)
    await stats.bump(db, org_id, counted_on, _kind(helpful), topic)
    return True


async def forget_old(db: AsyncSession, now: datetime, days: int = VOTE_DAYS) -> int:
    """Drop votes older than ``days``; the anonymous daily counts stay."""
    result = await db.execute(delete(FaqVote).where(FaqVote.voted_at < now - timedelta(days=days)))
    return int(getattr(result, "rowcount", 0) or 0)
