"""Who an audience reaches today: the organisation's active groups, or people's private chats.

Worked out twice on purpose: for the preview ("3 groups, 27 people") and again when
the notice goes, so a group registered or a carer joined in between is included.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.events import ChatKind, ChatRef
from bot.features.notices.audience import GROUPS, Audience
from storage.models import Account, Group, GroupMember, Membership, Region


@dataclass(frozen=True, slots=True)
class Reach:
    """The chats a notice goes to, and how many people that is (known members, for groups)."""

    chats: list[ChatRef]
    groups: int
    people: int

    @property
    def empty(self) -> bool:
        return not self.chats


async def regions_of(db: AsyncSession, org_id: int) -> list[tuple[int, str]]:
    rows = await db.execute(
        select(Region.id, Region.name).where(Region.org_id == org_id).order_by(Region.name)
    )
    return [(region_id, name) for region_id, name in rows.all()]


async def find_reach(db: AsyncSession, org_id: int, audience: Audience) -> Reach:
    if audience.kind == GROUPS:
        return await _groups(db, org_id, audience)
    return await _people(db, org_id, audience)


async def _groups(db: AsyncSession, org_id: int, audience: Audience) -> Reach:
    query = select(Group).where(Group.org_id == org_id, Group.active).order_by(Group.id)
    if audience.regions:
        query = query.where(Group.region_id.in_(audience.regions))
    if audience.purposes:
        query = query.where(Group.purpose.in_(audience.purposes))
    groups = list((await db.scalars(query)).all())
    if not groups:
        return Reach([], 0, 0)
    members = await db.scalar(
        select(func.count(func.distinct(GroupMember.person_id))).where(
            GroupMember.group_id.in_([g.id for g in groups]), GroupMember.left_at.is_(None)
        )
    )
    chats = [ChatRef(g.platform, g.chat_id, ChatKind.GROUP, title=g.title) for g in groups]
    return Reach(chats, len(groups), int(members or 0))


async def _people(db: AsyncSession, org_id: int, audience: Audience) -> Reach:
    """One private chat per person: their first account, as `private_chat` chooses."""
    rows = await db.execute(
        select(Account.person_id, Account.platform, Account.external_id)
        .join(Membership, Membership.person_id == Account.person_id)
        .where(Membership.org_id == org_id, Membership.role.in_(audience.member_roles))
        .order_by(Account.person_id, Account.id)
    )
    chats: dict[int, ChatRef] = {}
    for person_id, platform, external_id in rows.all():
        chats.setdefault(person_id, ChatRef(platform, external_id, ChatKind.DM))
    return Reach(list(chats.values()), 0, len(chats))
