"""Sending again what a platform refused because the person had not opened the chat yet.

When they do open it (Telegram's `/start note` link), the refused private messages
still within the outbox's retention go out, once each.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.events import ChatRef
from storage.models import Delivery

REFUSED_REASON = "dm_not_started"


async def resend_refused(db: AsyncSession, chat: ChatRef, now: datetime) -> int:
    """Put refused deliveries to this private chat back in the queue; returns how many."""
    result = await db.execute(
        update(Delivery)
        .where(
            Delivery.platform == chat.platform,
            Delivery.chat_id == chat.id,
            Delivery.status == "failed",
            Delivery.last_error == REFUSED_REASON,
        )
        .values(status="pending", attempts=0, next_attempt_at=now, last_error=None)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)
