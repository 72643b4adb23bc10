"""Numbered choices for platforms without buttons.

The engine turns buttons into "Reply with a number" lines, remembers the
options per chat, and turns a later "2" back into the press it stands for.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core_texts import CoreTexts
from bot.events import ButtonPressed, Message, Outgoing
from storage.models import PendingChoice

_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")


def as_numbered(outgoing: Outgoing, texts: CoreTexts) -> Outgoing:
    lines = [outgoing.text, "", texts.choose_number]
    lines += [f"{index}. {button.label}" for index, button in enumerate(outgoing.buttons, 1)]
    return Outgoing(chat=outgoing.chat, text="\n".join(lines), reply_to=outgoing.reply_to)


async def remember(db: AsyncSession, outgoing: Outgoing, expires_at: datetime) -> None:
    key = outgoing.chat.key
    await db.execute(delete(PendingChoice).where(PendingChoice.chat_key == key))
    db.add(
        PendingChoice(
            chat_key=key, options=[b.data for b in outgoing.buttons], expires_at=expires_at
        )
    )


async def as_press(db: AsyncSession, message: Message) -> ButtonPressed | int | None:
    """The press a numbered reply stands for; an int (the count) when out of range."""
    match = _NUMBER.match(message.text)
    if match is None:
        return None
    choice = (
        await db.execute(select(PendingChoice).where(PendingChoice.chat_key == message.chat.key))
    ).scalar_one_or_none()
    if choice is None or choice.expires_at < message.sent_at:
        return None
    index = int(match.group(1))
    if not 1 <= index <= len(choice.options):
        return len(choice.options)
    await db.delete(choice)
    return ButtonPressed(
        chat=message.chat,
        sender=message.sender,
        data=str(choice.options[index - 1]),
        message_id=message.message_id,
        sent_at=message.sent_at,
        press_id=f"number:{message.message_id}",
    )
