"""What carebot may do in each Telegram chat, learnt from Telegram and kept fresh.

Deleting someone's message in a group needs carebot to be an admin with "Delete
messages". That is asked once per chat (getChatMember for carebot itself) and
then kept up to date by the `my_chat_member` updates Telegram sends whenever
carebot's own rights in a chat change. A failed lookup is not remembered, so the
next event from that chat asks again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace

from telegram import Bot, ChatMember, ChatMemberAdministrator
from telegram.error import TelegramError

from adapters.telegram.render import MAX_CHARS
from bot.capabilities import Capabilities
from bot.events import ChatKind, ChatRef

log = logging.getLogger(__name__)

TELEGRAM_CAPABILITIES = Capabilities(
    buttons=True,
    delete_messages=False,
    threads=True,
    direct_messages=True,
    command_menu=True,
    max_message_length=MAX_CHARS,
    can_send_files=True,
)
_CAN_DELETE = replace(TELEGRAM_CAPABILITIES, delete_messages=True)
REFRESH_AFTER = 6 * 3600.0  # seconds; my_chat_member updates usually refresh sooner


def may_delete(member: ChatMember) -> bool:
    """Whether this membership lets carebot delete other people's messages."""
    if member.status == ChatMember.OWNER:
        return True
    return isinstance(member, ChatMemberAdministrator) and bool(member.can_delete_messages)


class ChatPowers:
    """Per-chat capabilities: delete only where carebot is an admin allowed to delete."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._monotonic = monotonic
        self._can_delete: dict[str, tuple[bool, float]] = {}

    def capabilities(self, chat: ChatRef | None = None) -> Capabilities:
        if chat is None:
            return TELEGRAM_CAPABILITIES
        if chat.kind is ChatKind.DM:
            return _CAN_DELETE  # bots may delete incoming messages in private chats
        known = self._can_delete.get(chat.id)
        return _CAN_DELETE if known is not None and known[0] else TELEGRAM_CAPABILITIES

    def knows(self, chat_id: str) -> bool:
        known = self._can_delete.get(chat_id)
        return known is not None and self._monotonic() - known[1] < REFRESH_AFTER

    def note(self, chat_id: str, member: ChatMember) -> None:
        """Remember carebot's membership in a chat (from getChatMember or my_chat_member)."""
        self._can_delete[chat_id] = (may_delete(member), self._monotonic())

    async def refresh(self, bot: Bot, chat_id: str) -> None:
        try:
            member = await bot.get_chat_member(chat_id, bot.id)
        except TelegramError as exc:
            log.info("could not look up carebot's rights in a chat: %s", type(exc).__name__)
            return
        self.note(chat_id, member)
