""" "Add to calendar": an .ics for one event or a whole group, sent privately.

The platforms cannot send files through carebot yet, so for now the .ics text goes in the
private message itself, between ``` lines, with a line saying how to save it. The same text
comes from `carebot events ics GROUP` on the command line.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import Context
from bot.features.events.ics import event_ics, group_ics
from bot.features.events.store import active_events, calendar_event, upcoming
from bot.features.events.texts import ReminderTexts
from bot.roles import Role
from bot.router import Router
from storage.events_tables import GroupEvent
from storage.models import Group

router = Router("event_calendar")


def file_name(title: str) -> str:
    """'Coffee morning!' -> 'coffee-morning.ics'."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40]
    return f"{slug or 'event'}.ics"


def as_message(intro: str, ics: str) -> str:
    """The .ics inside a private message (chat apps show line breaks, not CRLF)."""
    return f"{intro}\n```\n{ics.replace(chr(13) + chr(10), chr(10)).rstrip()}\n```"


async def group_calendar(
    db: AsyncSession, group: Group, now: datetime, zone: ZoneInfo
) -> str | None:
    """The group's live events as one calendar file, or None if nothing is coming up."""
    events = [e for e in await active_events(db, group.id) if upcoming(e, now)]
    if not events:
        return None
    return group_ics(
        [calendar_event(e) for e in events], zone=zone, dtstamp=now, name=group.title or "carebot"
    )


@router.button("evcal", role=Role.CARER)
async def one_event(ctx: Context, arg: str) -> None:
    t = ctx.texts(ReminderTexts)
    event = await ctx.db.get(GroupEvent, int(arg)) if arg.isdigit() else None
    if event is None or event.cancelled_at is not None:
        ctx.dm(t.calendar_gone, fallback_to_here=True)
        return
    ics = event_ics(calendar_event(event), zone=ZoneInfo(event.zone), dtstamp=ctx.now())
    intro = t.calendar_intro.format(title=event.title, filename=file_name(event.title))
    ctx.dm(as_message(intro, ics), fallback_to_here=True)


@router.button("evcalg", role=Role.CARER)
async def whole_group(ctx: Context, arg: str) -> None:
    t = ctx.texts(ReminderTexts)
    group = await ctx.db.get(Group, int(arg)) if arg.isdigit() else None
    if group is None:
        ctx.dm(t.calendar_gone, fallback_to_here=True)
        return
    ics = await group_calendar(ctx.db, group, ctx.now(), ctx.services.settings.zone)
    if ics is None:
        ctx.dm(t.calendar_empty, fallback_to_here=True)
        return
    title = group.title or "carebot"
    intro = t.calendar_group_intro.format(group=title, filename=file_name(title))
    ctx.dm(as_message(intro, ics), fallback_to_here=True)
