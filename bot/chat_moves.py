"""Following a group to its new id when the platform gives it one.

Telegram gives a group a new id when it becomes a supergroup, which happens on its
own when a group grows or an admin changes some settings. Everything carebot keeps
about a group hangs off `Group.id`, so only the group row and the messages still
on their way need the new id. Without this a group's reminders and notices would
stop without anyone noticing.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import case, exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage.models import Delivery, Group

log = logging.getLogger(__name__)

MOVED_REASON = "chat_migrated"


async def move_group(
    db: AsyncSession, platform: str, old_id: str, new_id: str, now: datetime
) -> int | None:
    """Point the group and its waiting messages at `new_id`; the group's id, or None.

    A message refused because the chat had moved is queued again for the new id.
    If someone already registered the new chat, that registration wins and the old
    one is retired, so nothing is ever registered twice.
    """
    if old_id == new_id:
        return None
    taken = await db.scalar(
        select(Group.id).where(Group.platform == platform, Group.chat_id == new_id)
    )
    if taken is None:
        group_id = await db.scalar(
            update(Group)
            .where(Group.platform == platform, Group.chat_id == old_id)
            .values(chat_id=new_id, active=True)
            .returning(Group.id)
        )
    else:
        await db.execute(
            update(Group)
            .where(Group.platform == platform, Group.chat_id == old_id)
            .values(active=False)
        )
        group_id = taken
    moved = await _move_deliveries(db, platform, old_id, new_id, now)
    if group_id is not None or moved:
        log.info("group %s moved to a new chat id; %d waiting messages follow", group_id, moved)
    return group_id


async def _move_deliveries(
    db: AsyncSession, platform: str, old_id: str, new_id: str, now: datetime
) -> int:
    already = aliased(Delivery)
    to_old_chat = (Delivery.platform == platform, Delivery.chat_id == old_id)
    waiting = Delivery.status == "pending"
    refused_for_moving = (Delivery.status == "failed") & (Delivery.last_error == MOVED_REASON)
    not_there_yet = ~exists().where(
        already.item_id == Delivery.item_id,
        already.platform == platform,
        already.chat_id == new_id,
        already.thread_id == Delivery.thread_id,
    )
    result = await db.execute(
        update(Delivery)
        .where(*to_old_chat, or_(waiting, refused_for_moving), not_there_yet)
        .values(
            chat_id=new_id,
            status="pending",
            # a waiting reminder keeps its moment; a refused message goes now
            next_attempt_at=case((refused_for_moving, now), else_=Delivery.next_attempt_at),
            last_error=None,
        )
        .execution_options(synchronize_session=False)
    )
    await db.execute(
        update(Delivery)
        .where(Delivery.platform == platform, Delivery.fallback_chat_id == old_id)
        .values(fallback_chat_id=new_id)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)
