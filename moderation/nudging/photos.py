"""A gentle, private reminder about photos of children in care, at most once a day each.

Runs on photos posted in registered groups whose photo reminders are on. The
reminder goes privately (never in the group); the day is the organisation's
local day, and the only record is a note that the person was reminded.
"""

from __future__ import annotations

from bot.context import Context
from bot.events import Message
from bot.middleware import Next
from moderation.nudging import records
from moderation.nudging.texts import PhotoTexts


class PhotoReminders:
    async def __call__(self, ctx: Context, call_next: Next) -> None:
        event = ctx.event
        group = ctx.group
        if (
            isinstance(event, Message)
            and event.has_photo
            and not event.is_edit
            and group is not None
            and not ctx.in_dm
            and group.photo_reminders
        ):
            now = ctx.now()
            who = records.user_key(ctx.person.id if ctx.person else None, ctx.sender)
            day = now.astimezone(ctx.services.settings.zone).date().isoformat()
            if await records.note_once(
                ctx.db, kind=records.PHOTO, key=records.digest(who, day), who=who, now=now
            ):
                texts = ctx.texts(PhotoTexts)
                ctx.dm(texts.reminder.format(group=group.title or "the group"))
        await call_next()
