"""Numbered choices for platforms without buttons.

The engine turns buttons into "Reply with a number" lines, remembers the
options per chat and person, and turns that person's later "2" back into the
press it stands for. In a group the choice belongs to whoever caused it (the
staff member who asked, the person who joined), so others' numbers are just talk.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core_texts import CoreTexts
from bot.events import ButtonPressed, ChatKind, Message, Outgoing
from storage.models import PendingChoice

_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")


def as_numbered(outgoing: Outgoing, texts: CoreTexts) -> Outgoing:
    lines = [outgoing.text, "", texts.choose_number]
    lines += [f"{index}. {button.label}" for index, button in enumerate(outgoing.buttons, 1)]
    return Outgoing(
        chat=outgoing.chat,
        text="\n".join(lines),
        reply_to=outgoing.reply_to,
        fallback=outgoing.fallback,
        attachment=outgoing.attachment,
    )


def _key(chat_key: str, user_id: str) -> str:
    return f"{chat_key}|{user_id}"


async def remember(
    db: AsyncSession, outgoing: Outgoing, expires_at: datetime, asked_by: str
) -> None:
    """Keep the options; `asked_by` is the user whose event produced them."""
    owner = outgoing.chat.id if outgoing.chat.kind is ChatKind.DM else asked_by
    key = _key(outgoing.chat.key, owner)
    await db.execute(delete(PendingChoice).where(PendingChoice.chat_key == key))
    db.add(
        PendingChoice(
            chat_key=key, options=[b.data for b in outgoing.buttons], expires_at=expires_at
        )
    )


async def as_press(db: AsyncSession, message: Message) -> ButtonPressed | int | None:
    """The press a numbered reply stands for; an int (the count) when out of range.

    Out-of-range numbers are only answered in private chats; in a group they
    are left alone as ordinary conversation.
    """
    match = _NUMBER.match(message.text)
    if match is None:
        return None
    choice = (
        await db.execute(
            select(PendingChoice).where(
                PendingChoice.chat_key == _key(message.chat.key, message.sender.id)
            )
        )
    ).scalar_one_or_none()
    if choice is None or choice.expires_at < message.sent_at:
        return None
    index = int(match.group(1))
    if not 1 <= index <= len(choice.options):
        # In a group, "5" is far more likely conversation than a mistyped choice.
        return len(choice.options) if message.chat.kind is ChatKind.DM else None
    await db.delete(choice)
    return ButtonPressed(
        chat=message.chat,
        sender=message.sender,
        data=str(choice.options[index - 1]),
        message_id=message.message_id,
        sent_at=message.sent_at,
        press_id=f"number:{message.message_id}",
    )
