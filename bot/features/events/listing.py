"""`/events`: what is coming up in this group, with "add to calendar" buttons."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.commands import ParsedCommand
from bot.context import Context
from bot.events import Button
from bot.features.events.describe import detail_lines, moment, repeat_words
from bot.features.events.store import active_events, series_of, upcoming
from bot.features.events.texts import EventTexts, RepeatTexts
from bot.roles import Role
from bot.router import Router, Where, button_data

LISTED_CALENDARS = 6  # calendar buttons under /events; the "all" button covers the rest

router = Router("event_list")


@router.command("events", role=Role.CARER, where=Where.GROUP)
async def list_events(ctx: Context, _command: ParsedCommand) -> None:
    t = ctx.texts(EventTexts)
    if ctx.group is None:
        ctx.reply(t.not_registered)
        return
    now = ctx.now()
    coming = []
    for event in await active_events(ctx.db, ctx.group.id):
        found = upcoming(event, now)
        if found:
            coming.append((found[0], event))
    if not coming:
        ctx.reply(t.list_empty)
        return
    coming.sort(key=lambda pair: (pair[0], pair[1].number))
    rt = ctx.texts(RepeatTexts)
    lines = [t.list_header]
    for start, event in coming:
        zone = ZoneInfo(event.zone)
        rec = series_of(event).recurrence
        repeat = ""
        if rec is not None:
            repeat = f" ({repeat_words(rec, event.starts_at.astimezone(zone).date(), rt)})"
        lines.append(
            t.list_line.format(
                number=event.number, title=event.title, next=moment(start, zone), repeat=repeat
            )
        )
        details = detail_lines(t, event.place, event.link, event.online, None)
        lines += [t.list_where.format(where=d) for d in details]
    lines.append(t.list_footer)
    buttons = [
        Button(t.calendar_button.format(title=e.title[:40]), button_data("evcal", str(e.id)))
        for _, e in coming[:LISTED_CALENDARS]
    ]
    buttons.append(Button(t.calendar_group_button, button_data("evcalg", str(ctx.group.id))))
    ctx.reply("\n".join(lines), buttons)
