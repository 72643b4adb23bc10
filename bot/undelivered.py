"""What carebot does when a message can never be delivered.

The delivery worker only reports failures; this core handler decides, so every
platform behaves the same:
- a private message refused because the person never opened a private chat with
  carebot, queued with a fallback group: a short neutral line goes to that group
  with a link that opens the private chat, never the message itself (once per
  refused delivery);
- a group that removed carebot: the group is marked inactive, and the
  organisation's staff are told privately, once, when it stops being active;
- a group that moved to a new id (a Telegram supergroup): carebot follows it, and
  the refused message goes again to the new id.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.chat_moves import move_group
from bot.delivery.failures import DeliveryFailure
from bot.delivery.ports import (
    ChatMoved,
    ChatUnavailable,
    DirectMessageRefused,
    Sender,
    private_chat_link,
)
from bot.events import ChatKind, ChatRef
from bot.group_retirement import retire_group
from bot.services import Services
from config.texts import TextSection
from storage.models import Account, Person

log = logging.getLogger(__name__)

FALLBACK_KIND = "dm_fallback"
PRIVATE_CHAT_PAYLOAD = "note"  # what `/start` carries when someone taps the fallback link


class DeliveryTexts(TextSection):
    section = "delivery"
    dm_fallback: str
    dm_fallback_unnamed: str
    group_removed: str


class Undelivered:
    """The worker's `on_failure`: reacts to deliveries that failed for good."""

    def __init__(self, services: Services, senders: Mapping[str, Sender]) -> None:
        self._services = services
        self._senders = dict(senders)
        self._texts = services.texts.get(DeliveryTexts)  # fail at start if the words are missing

    async def __call__(self, failure: DeliveryFailure) -> None:
        error = failure.error
        if isinstance(error, DirectMessageRefused) and failure.fallback is not None:
            if failure.kind != FALLBACK_KIND:
                await self._fall_back(failure, failure.fallback)
        elif isinstance(error, ChatUnavailable) and failure.chat.kind is ChatKind.GROUP:
            await self._group_lost(failure)
        elif isinstance(error, ChatMoved) and failure.chat.kind is ChatKind.GROUP:
            await self._follow(failure.chat, error.new_chat_id)

    async def _follow(self, chat: ChatRef, new_id: str) -> None:
        outbox = self._services.outbox
        assert outbox is not None
        async with self._services.db.transaction() as db:
            now = self._services.clock.now()
            await move_group(db, chat.platform, chat.id, new_id, now)
            outbox.wake_after_commit(db)

    async def _fall_back(self, failure: DeliveryFailure, group: ChatRef) -> None:
        link = private_chat_link(self._senders.get(failure.chat.platform), PRIVATE_CHAT_PAYLOAD)
        if link is None:
            log.info("private message refused and %s has no chat link", failure.chat.platform)
            return
        outbox = self._services.outbox
        assert outbox is not None
        async with self._services.db.transaction() as db:
            name = await _display_name(db, failure.chat)
            if name:
                text = self._texts.dm_fallback.format(name=name, link=link)
            else:
                text = self._texts.dm_fallback_unnamed.format(link=link)
            await outbox.enqueue(
                db,
                kind=FALLBACK_KIND,
                text=text,
                chats=[group],
                dedupe_key=f"dm-fallback:{failure.delivery_id}",
            )
        log.info("private message refused; neutral line queued (delivery %s)", failure.delivery_id)

    async def _group_lost(self, failure: DeliveryFailure) -> None:
        outbox = self._services.outbox
        assert outbox is not None
        async with self._services.db.transaction() as db:
            await retire_group(
                db, outbox, failure.chat, self._texts.group_removed, f"{failure.delivery_id}"
            )


async def _display_name(db: AsyncSession, chat: ChatRef) -> str | None:
    """The name carebot knows a person by, from their private chat (its id is theirs)."""
    result = await db.execute(
        select(Person.display_name)
        .join(Account, Account.person_id == Person.id)
        .where(Account.platform == chat.platform, Account.external_id == chat.id)
    )
    return result.scalars().first()
