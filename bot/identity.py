"""Who is this? Looks up the sender's person, role and the chat's group.

This runs for every event, so the statements are built once with bind
parameters and the person, account and memberships come back in one query.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import Identity
from bot.events import ChatKind, ChatRef, UserRef
from bot.roles import Role
from storage.models import Account, Group, Membership, Person

_GROUP = select(Group).where(
    Group.platform == bindparam("platform"), Group.chat_id == bindparam("chat_id")
)
_PERSON = (
    select(Account, Person, Membership)
    .join(Person, Person.id == Account.person_id)
    .outerjoin(Membership, Membership.person_id == Person.id)
    .where(Account.platform == bindparam("platform"), Account.external_id == bindparam("user_id"))
)


async def find_group(db: AsyncSession, chat: ChatRef) -> Group | None:
    if chat.kind is not ChatKind.GROUP:
        return None
    result = await db.execute(_GROUP, {"platform": chat.platform, "chat_id": chat.id})
    return result.scalar_one_or_none()


async def identify(db: AsyncSession, user: UserRef, chat: ChatRef) -> Identity:
    """The sender's role in the chat's organisation (or their highest role in a DM)."""
    group = await find_group(db, chat)
    rows = (await db.execute(_PERSON, {"platform": user.platform, "user_id": user.id})).all()
    if not rows:
        return Identity(group=group, org_id=group.org_id if group else None)
    account, person, _ = rows[0]
    memberships = [m for _, _, m in rows if m is not None]
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
