"""Reaching people privately: which chat to use for a person, and who looks after a group."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.events import ChatKind, ChatRef
from bot.roles import Role
from storage.models import Account, GroupMember, Membership

STAFF_ROLES = (Role.STAFF.label, Role.ADMIN.label)
LEADERS = (Role.FACILITATOR.label, *STAFF_ROLES)


async def private_chat(
    db: AsyncSession, person_id: int, prefer_platform: str | None = None
) -> ChatRef | None:
    """The person's private chat, on the preferred platform when they have an account there."""
    accounts = (
        (
            await db.execute(
                select(Account).where(Account.person_id == person_id).order_by(Account.id)
            )
        )
        .scalars()
        .all()
    )
    if not accounts:
        return None
    chosen = next((a for a in accounts if a.platform == prefer_platform), accounts[0])
    return ChatRef(platform=chosen.platform, id=chosen.external_id, kind=ChatKind.DM)


async def group_leaders(db: AsyncSession, group_id: int, org_id: int) -> list[int]:
    """Facilitators and staff seen in the group; else the organisation's staff and admins."""
    in_group = await db.execute(
        select(GroupMember.person_id)
        .join(Membership, Membership.person_id == GroupMember.person_id)
        .where(
            GroupMember.group_id == group_id,
            GroupMember.left_at.is_(None),
            Membership.org_id == org_id,
            Membership.role.in_(LEADERS),
        )
        .order_by(GroupMember.person_id)
    )
    people = list(in_group.scalars().all())
    return people or await staff_and_admins(db, org_id)


async def staff_and_admins(db: AsyncSession, org_id: int) -> list[int]:
    """The organisation's staff and admins, by person id."""
    staff = await db.execute(
        select(Membership.person_id)
        .where(Membership.org_id == org_id, Membership.role.in_(STAFF_ROLES))
        .order_by(Membership.person_id)
    )
    return list(staff.scalars().all())
