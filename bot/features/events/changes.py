"""Cancelling an event, or skipping one date of it (half term), with a word to the group.

People who had said Going are told privately too, so nobody turns up to a locked door. Their
answers for what no longer happens are removed with it.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select

from bot.context import Context
from bot.features.events import scan
from bot.features.events.dates import resolve, spec_from
from bot.features.events.describe import moment, problem_text
from bot.features.events.phrases import PhraseProblem, format_day
from bot.features.events.remind import private_chats
from bot.features.events.schedule import plan_for, replan
from bot.features.events.store import meeting_on, refresh_last_start, upcoming
from bot.features.events.texts import EventTexts
from storage.events_tables import EventRsvp, GroupEvent

_LEADING_ON = ("on ", "from ")


async def _tell_going(ctx: Context, event: GroupEvent, days: list[date], text: str) -> None:
    """A private word to everyone who said Going for any of these dates."""
    if not days:
        return
    going = await ctx.db.scalars(
        select(EventRsvp.person_id)
        .where(
            EventRsvp.event_id == event.id,
            EventRsvp.day.in_(days),
            EventRsvp.answer == "going",
        )
        .distinct()
    )
    for chat in await private_chats(ctx.db, sorted(going.all()), ctx.chat.platform):
        ctx.send(chat, text)


async def cancel_event(ctx: Context, event: GroupEvent) -> None:
    t = ctx.texts(EventTexts)
    now = ctx.now()
    zone = ZoneInfo(event.zone)
    today = now.astimezone(zone).date()
    answered = await ctx.db.scalars(
        select(EventRsvp.day).where(EventRsvp.event_id == event.id, EventRsvp.day >= today)
    )
    await _tell_going(
        ctx, event, sorted(set(answered.all())), t.cancelled_private.format(title=event.title)
    )
    await ctx.db.execute(delete(EventRsvp).where(EventRsvp.event_id == event.id))
    event.cancelled_at = now
    event.sequence += 1
    assert ctx.services.timers is not None
    plan = await plan_for(ctx.db, event.group_id, ctx.services.settings.events)
    await replan(ctx.db, ctx.services.timers, event, plan, now)
    ctx.reply(t.cancelled_group.format(title=event.title))


def _read_day(text: str, today: date) -> tuple[date, str] | str:
    """The date named in `/event skip N ...` and any reason after it, or a problem kind."""
    s = scan.Scanner(text)
    found = s.take(scan.DATE)
    if found is None:
        return "usage"
    said = s.said(found)
    for lead in _LEADING_ON:
        if said.lower().startswith(lead):
            said = said[len(lead) :]
    day = resolve(spec_from(found, said), today)
    reason = " ".join(piece for _, piece in s.pieces()).strip(" -,.()")
    return day, reason


async def skip_date(ctx: Context, event: GroupEvent, text: str) -> None:
    t = ctx.texts(EventTexts)
    if event.recurrence is None:
        ctx.reply(t.skip_one_off.format(number=event.number))
        return
    now = ctx.now()
    zone = ZoneInfo(event.zone)
    today = now.astimezone(zone).date()
    try:
        read = _read_day(text, today)
    except PhraseProblem as problem:
        ctx.reply(problem_text(t, problem.kind, problem.details))
        return
    if isinstance(read, str):
        ctx.reply(t.skip_usage.format(number=event.number))
        return
    day, reason = read
    meeting = meeting_on(event, day)
    if day < today or (meeting is not None and meeting <= now):
        ctx.reply(t.skip_past.format(date=format_day(day)))
        return
    if meeting is None:
        dates = ", ".join(format_day(s.astimezone(zone).date()) for s in upcoming(event, now, 3))
        ctx.reply(t.skip_not_a_meeting.format(title=event.title, date=format_day(day), dates=dates))
        return
    if day.isoformat() in event.skipped:
        ctx.reply(t.skip_already.format(title=event.title, date=format_day(day)))
        return
    await _tell_going(
        ctx, event, [day], t.skipped_private.format(title=event.title, date=format_day(day))
    )
    await ctx.db.execute(
        delete(EventRsvp).where(EventRsvp.event_id == event.id, EventRsvp.day == day)
    )
    event.skipped = sorted([*event.skipped, day.isoformat()])
    refresh_last_start(event)
    event.sequence += 1
    assert ctx.services.timers is not None
    plan = await plan_for(ctx.db, event.group_id, ctx.services.settings.events)
    await replan(ctx.db, ctx.services.timers, event, plan, now)
    why = t.skipped_reason.format(reason=reason) if reason else ""
    lines = [t.skipped_group.format(title=event.title, date=format_day(day), reason=why)]
    after = upcoming(event, now)
    lines.append(t.next_one.format(next=moment(after[0], zone)) if after else t.no_more)
    ctx.reply(" ".join(lines))
