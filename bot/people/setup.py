"""Trusted set-up used by the console playground, tests and the admin command line.

These skip invites and consent on purpose: the person at the keyboard is the
operator setting things up, not a carer arriving through a chat.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.events import ChatRef, UserRef
from bot.people.members import ensure_person, record_consent, set_role
from bot.people.orgs import create_org, find_org, region_named
from bot.roles import Role
from storage.models import Group, Organisation, Person


async def ensure_org(db: AsyncSession, name: str, now: datetime) -> Organisation:
    return await find_org(db, name) or await create_org(db, name, now)


async def ensure_member(
    db: AsyncSession, org: Organisation, user: UserRef, role: Role, now: datetime, version: str
) -> Person:
    person = await ensure_person(db, user, now)
    await record_consent(db, person.id, version, now)
    await set_role(
        db, person_id=person.id, org_id=org.id, role=role, changed_by=None, reason="setup", now=now
    )
    return person


async def ensure_group(
    db: AsyncSession,
    org: Organisation,
    chat: ChatRef,
    purpose: str,
    now: datetime,
    region: str | None = None,
) -> Group:
    existing = (
        await db.execute(
            select(Group).where(Group.platform == chat.platform, Group.chat_id == chat.id)
        )
    ).scalar_one_or_none()
    if existing is not None:
        return existing
    region_id = (await region_named(db, org.id, region)).id if region else None
    group = Group(
        org_id=org.id,
        region_id=region_id,
        platform=chat.platform,
        chat_id=chat.id,
        title=chat.title or chat.id,
        purpose=purpose,
        active=True,
        registered_at=now,
        registered_by=None,
    )
    db.add(group)
    await db.flush()
    return group
