"""Joining two platform accounts into one person with a one-time code."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.people.codes import code_hash, new_code
from bot.roles import Role
from storage.models import (
    Account,
    Consent,
    Group,
    Invite,
    LinkCode,
    Membership,
    Person,
    RoleChange,
)

PURPOSE = "link"


async def create_link_code(
    db: AsyncSession,
    person_id: int,
    now: datetime,
    minutes: int,
    rng: random.Random | None = None,
) -> str:
    code = new_code(rng)
    db.add(
        LinkCode(
            person_id=person_id,
            code_hash=code_hash(code, PURPOSE),
            expires_at=now + timedelta(minutes=minutes),
            used_at=None,
        )
    )
    await db.flush()
    return code


async def usable_link_code(db: AsyncSession, code: str, now: datetime) -> LinkCode | None:
    found = (
        await db.execute(select(LinkCode).where(LinkCode.code_hash == code_hash(code, PURPOSE)))
    ).scalar_one_or_none()
    if found is None or found.used_at is not None or found.expires_at <= now:
        return None
    return found


async def merge_people(db: AsyncSession, keep_id: int, drop_id: int, now: datetime) -> None:
    """Move everything of `drop_id` onto `keep_id`, keeping the higher role per organisation.

    A role raised by the merge is written to the audit trail like any other change.
    """
    kept = {
        m.org_id: m
        for m in (await db.execute(select(Membership).where(Membership.person_id == keep_id)))
        .scalars()
        .all()
    }
    dropped = (
        (await db.execute(select(Membership).where(Membership.person_id == drop_id)))
        .scalars()
        .all()
    )
    for member in dropped:
        mine = kept.get(member.org_id)
        if mine is None:
            member.person_id = keep_id
        else:
            higher = Role[member.role.upper()]
            if higher > Role[mine.role.upper()]:
                db.add(
                    RoleChange(
                        org_id=mine.org_id,
                        person_id=keep_id,
                        changed_by=None,
                        old_role=mine.role,
                        new_role=higher.label,
                        reason="link",
                        at=now,
                    )
                )
                mine.role, mine.since = higher.label, now
            await db.delete(member)
    await db.flush()
    for model, column in (
        (Account, Account.person_id),
        (Consent, Consent.person_id),
        (LinkCode, LinkCode.person_id),
        (RoleChange, RoleChange.person_id),
        (RoleChange, RoleChange.changed_by),
        (Invite, Invite.created_by),
        (Invite, Invite.redeemed_by),
        (Group, Group.registered_by),
    ):
        await db.execute(
            update(model)
            .where(column == drop_id)
            .values({column.key: keep_id})
            .execution_options(synchronize_session=False)
        )
    person = await db.get(Person, drop_id)
    if person is not None:
        await db.delete(person)
    await db.flush()
