"""Invite codes: staff make them, a person redeems one privately to join."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.people.codes import code_hash, new_code
from bot.roles import Role
from storage.models import Invite

PURPOSE = "invite"


class InviteProblem(StrEnum):
    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"


async def create_invite(
    db: AsyncSession,
    *,
    org_id: int,
    role: Role,
    created_by: int | None,
    now: datetime,
    valid_days: int,
    rng: random.Random | None = None,
) -> str:
    """A fresh one-time code; only its hash is stored."""
    code = new_code(rng)
    db.add(
        Invite(
            org_id=org_id,
            role=role.label,
            code_hash=code_hash(code, PURPOSE),
            created_by=created_by,
            created_at=now,
            expires_at=now + timedelta(days=valid_days),
            redeemed_at=None,
            redeemed_by=None,
        )
    )
    await db.flush()
    return code


async def usable_invite(db: AsyncSession, code: str, now: datetime) -> Invite | InviteProblem:
    result = await db.execute(select(Invite).where(Invite.code_hash == code_hash(code, PURPOSE)))
    invite = result.scalar_one_or_none()
    return check_invite(invite, now)


def check_invite(invite: Invite | None, now: datetime) -> Invite | InviteProblem:
    if invite is None:
        return InviteProblem.UNKNOWN
    if invite.redeemed_at is not None:
        return InviteProblem.USED
    if invite.expires_at <= now:
        return InviteProblem.EXPIRED
    return invite


async def mark_redeemed(db: AsyncSession, invite_id: int, person_id: int, now: datetime) -> bool:
    """Claim the invite; False if someone else redeemed it first (a race of two taps)."""
    result = await db.execute(
        update(Invite)
        .where(Invite.id == invite_id, Invite.redeemed_at.is_(None))
        .values(redeemed_at=now, redeemed_by=person_id)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) == 1)
