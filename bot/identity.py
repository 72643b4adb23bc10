"""Who is this? Looks up the sender's person, role and the chat's group."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import Identity
from bot.events import ChatKind, ChatRef, UserRef
from bot.roles import Role
from storage.models import Account, Group, Membership, Person


async def find_group(db: AsyncSession, chat: ChatRef) -> Group | None:
    if chat.kind is not ChatKind.GROUP:
        return None
    result = await db.execute(
        select(Group).where(Group.platform == chat.platform, Group.chat_id == chat.id)
    )
    return result.scalar_one_or_none()


async def identify(db: AsyncSession, user: UserRef, chat: ChatRef) -> Identity:
    """The sender's role in the chat's organisation (or their highest role in a DM)."""
    group = await find_group(db, chat)
    row = (
        await db.execute(
            select(Account, Person)
            .join(Person, Person.id == Account.person_id)
            .where(Account.platform == user.platform, Account.external_id == user.id)
        )
    ).first()
    if row is None:
        return Identity(group=group, org_id=group.org_id if group else None)
    account, person = row
    memberships = (
        (await db.execute(select(Membership).where(Membership.person_id == person.id)))
        .scalars()
        .all()
    )
    identity = Identity(account=account, person=person, group=group)
    if group is not None:
        identity.org_id = group.org_id
        for membership in memberships:
            if membership.org_id == group.org_id:
                identity.role = Role[membership.role.upper()]
        return identity
    if memberships:
        best = max(memberships, key=lambda m: (Role[m.role.upper()], -m.org_id))
        identity.org_id = best.org_id
        identity.role = Role[best.role.upper()]
    return identity
