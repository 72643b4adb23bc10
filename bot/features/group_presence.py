"""carebot added to a group, removed from it, or following it to a new id.

Platforms say when carebot's own place in a group changes. Added back to a group it
was removed from, carebot simply carries on (reminders, notices, sessions) and says
so; added to a new group, it says hello and how to register it. Removed, it stops
posting there and tells staff once. Moved, it follows the group to its new id.
"""

from __future__ import annotations

import logging

from bot.chat_moves import move_group
from bot.context import Context
from bot.events import ChatChange, ChatChanged
from bot.group_retirement import retire_group
from bot.router import Router
from bot.undelivered import DeliveryTexts
from config.texts import TextSection

log = logging.getLogger(__name__)


class GroupPresenceTexts(TextSection):
    section = "group_presence"
    hello: str
    welcome_back: str


router = Router("group_presence")
router.texts(GroupPresenceTexts)


@router.chat_changed
async def chat_changed(ctx: Context) -> None:
    event = ctx.event
    if not isinstance(event, ChatChanged) or ctx.in_dm:
        return
    if event.change is ChatChange.ADDED:
        _added(ctx)
    elif event.change is ChatChange.REMOVED:
        outbox = ctx.services.outbox
        assert outbox is not None
        message = ctx.texts(DeliveryTexts).group_removed
        why = f"removed:{event.event_id or event.sent_at.isoformat()}"
        await retire_group(ctx.db, outbox, ctx.chat, message, why)
    elif event.change is ChatChange.MOVED and event.new_id:
        await move_group(ctx.db, ctx.chat.platform, ctx.chat.id, event.new_id, ctx.now())


def _added(ctx: Context) -> None:
    texts = ctx.texts(GroupPresenceTexts)
    group = ctx.group
    if group is None:
        ctx.reply(texts.hello)
    elif not group.active:
        group.active = True
        log.info("group %s has carebot back; active again", group.id)
        ctx.reply(texts.welcome_back)
