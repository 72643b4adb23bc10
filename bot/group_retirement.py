"""Retiring a group carebot can no longer post in, and telling its staff once.

Two things find this out: a send the platform refuses ("bot was kicked"), and the
platform's own notice that carebot was removed. Either way the group stops getting
reminders and notices, and the organisation's staff hear about it privately, once,
so a removal by mistake does not go unnoticed for weeks.
"""

from __future__ import annotations

import logging

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.outbox import Outbox
from bot.events import ChatRef
from bot.people.contacts import private_chat, staff_and_admins
from storage.models import Group

log = logging.getLogger(__name__)

GROUP_LOST_KIND = "group_lost"


async def retire_group(
    db: AsyncSession, outbox: Outbox, chat: ChatRef, message: str, why: str
) -> bool:
    """Mark the group inactive and queue `message` ({group}) to staff; False if nothing to do.

    `why` makes the staff message's dedupe key (the delivery id, or the platform event).
    """
    found = await db.execute(
        update(Group)
        .where(Group.platform == chat.platform, Group.chat_id == chat.id, Group.active)
        .values(active=False)
        .returning(Group.id, Group.org_id, Group.title)
    )
    row = found.first()
    if row is None:
        return False  # not registered, or already retired: staff were told then
    group_id, org_id, title = row
    log.warning("group %s can no longer be reached (%s); marked inactive", group_id, why)
    chats = await staff_chats(db, org_id, chat.platform)
    if chats:
        await outbox.enqueue(
            db,
            kind=GROUP_LOST_KIND,
            text=message.format(group=title or chat.title or "a group"),
            chats=chats,
            dedupe_key=f"group-lost:{group_id}:{why}",
        )
    return True


async def staff_chats(db: AsyncSession, org_id: int, platform: str) -> list[ChatRef]:
    """Private chats of the organisation's staff and admins, on `platform` where they can."""
    chats: list[ChatRef] = []
    for person_id in await staff_and_admins(db, org_id):
        found = await private_chat(db, person_id, prefer_platform=platform)
        if found is not None:
            chats.append(found)
    return chats
