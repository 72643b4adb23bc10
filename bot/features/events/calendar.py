""" "Add to calendar": an .ics file for one event or a whole group, sent privately.

The file goes as a real attachment (text/calendar) with a short caption; tapping it
opens the carer's own calendar app. Where a platform takes no files, the core sends
the caption with a kind line instead. The same file comes from `carebot events ics
GROUP` on the command line.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import Context
from bot.events import Attachment
from bot.features.events.ics import event_ics, group_ics
from bot.features.events.store import active_events, calendar_event, upcoming
from bot.features.events.texts import ReminderTexts
from bot.roles import Role
from bot.router import Router
from storage.events_tables import GroupEvent
from storage.models import Group

router = Router("event_calendar")
CALENDAR_MIME = "text/calendar"


def file_name(title: str) -> str:
    """'Coffee morning!' -> 'coffee-morning.ics'."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40]
    return f"{slug or 'event'}.ics"


def calendar_file(title: str, ics: str) -> Attachment:
    """The .ics text as the file a calendar app opens."""
    return Attachment(file_name(title), ics.encode("utf-8"), CALENDAR_MIME)


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
    ctx.dm(intro, fallback_to_here=True, attachment=calendar_file(event.title, ics))


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
    ctx.dm(intro, fallback_to_here=True, attachment=calendar_file(title, ics))
