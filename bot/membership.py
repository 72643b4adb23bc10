"""Remembering who has been seen in which group (for rules, reports and attendance).

Runs as a middleware on every group event from a known person. A small
in-process memory of pairs already recorded keeps it to one write per pair.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import Context
from bot.events import MemberLeft
from bot.middleware import Next
from storage.models import GroupMember

_REMEMBERED = 50_000


class MembershipRecorder:
    def __init__(self) -> None:
        self._seen: OrderedDict[tuple[int, int], None] = OrderedDict()

    async def __call__(self, ctx: Context, call_next: Next) -> None:
        if ctx.group is not None and ctx.person is not None:
            if isinstance(ctx.event, MemberLeft):
                await mark_left(ctx.db, ctx.group.id, ctx.person.id, ctx.now())
                self._seen.pop((ctx.group.id, ctx.person.id), None)
            else:
                await self._note(ctx.db, ctx.group.id, ctx.person.id, ctx.now())
        await call_next()

    async def _note(self, db: AsyncSession, group_id: int, person_id: int, now: datetime) -> None:
        key = (group_id, person_id)
        if key in self._seen:
            return
        await note_member(db, group_id, person_id, now)
        self._seen[key] = None
        if len(self._seen) > _REMEMBERED:
            self._seen.popitem(last=False)


async def member_row(db: AsyncSession, group_id: int, person_id: int) -> GroupMember | None:
    result = await db.execute(
        select(GroupMember).where(
            GroupMember.group_id == group_id, GroupMember.person_id == person_id
        )
    )
    return result.scalar_one_or_none()


async def note_member(
    db: AsyncSession, group_id: int, person_id: int, now: datetime
) -> GroupMember:
    row = await member_row(db, group_id, person_id)
    if row is None:
        row = GroupMember(
            group_id=group_id,
            person_id=person_id,
            first_seen=now,
            agreed_rules_at=None,
            left_at=None,
        )
        db.add(row)
        await db.flush()
    elif row.left_at is not None:
        row.left_at = None
    return row


async def mark_left(db: AsyncSession, group_id: int, person_id: int, now: datetime) -> None:
    row = await member_row(db, group_id, person_id)
    if row is not None:
        row.left_at = now
