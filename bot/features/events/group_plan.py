"""`/reminders`: a group's own reminder times and quiet hours, set by its facilitators.

Accepts the settings-file form ("day_before_at 18:00", "1h before") and the way people
say it ("the day before at 6pm", "2 days before at 10:00", "an hour before"). Every change
re-plans the group's events at once, so the next reminders follow the new times.
"""

from __future__ import annotations

import re

from bot.commands import ParsedCommand
from bot.context import Context
from bot.features.events.describe import offsets_words
from bot.features.events.phrases import format_clock, read_clock, settle
from bot.features.events.reminders import QuietHours, parse_offset
from bot.features.events.schedule import Plan, default_plan, plan_for, replan_group
from bot.features.events.store import active_events
from bot.features.events.texts import EventTexts, ReminderTexts, RepeatTexts
from bot.roles import Role
from bot.router import Router, Where
from storage.events_tables import EventGroupSettings

router = Router("event_reminder_settings")

_SPOKEN_AT = re.compile(
    r"^(?:the\s+)?(?:(?P<same>same\s+day|on\s+the\s+day|same_day)|(?P<n>\d+)[\s_]+days?[\s_]+before"
    r"|day[\s_]+before)(?:[\s_]+at)?\s+(?P<time>.+)$"
)
_OFF = ("off", "none", "no")
_DEFAULT = ("default", "defaults", "reset")


def read_offset(said: str) -> str:
    """One reminder time as typed -> the settings form; ValueError if it can't be read."""
    spoken = " ".join(said.strip().lower().split())
    spoken = re.sub(r"^(?:an?|one)\s+(hour|day|week)", r"1 \1", spoken)
    if m := _SPOKEN_AT.match(spoken):
        reading = read_clock(m.group("time"))
        settled = settle(reading) if reading else None
        if settled is None:
            raise ValueError(said)
        at = settled[0]
        if m.group("same"):
            lead = "same_day"
        elif m.group("n"):
            lead = f"{int(m.group('n'))}_days_before"
        else:
            lead = "day_before"
        spoken = f"{lead}_at {at.hour:02d}:{at.minute:02d}"
    parse_offset(spoken)
    return spoken


def describe(plan: Plan, ctx: Context) -> str:
    t = ctx.texts(ReminderTexts)
    if not plan.offsets:
        first = t.settings_off
    else:
        first = t.settings_show.format(offsets=offsets_words(plan.offsets, ctx.texts(RepeatTexts)))
    if plan.quiet is None:
        quiet = t.quiet_none
    else:
        start, end = format_clock(plan.quiet.start), format_clock(plan.quiet.end)
        quiet = t.quiet_show.format(start=start, end=end)
    return f"{first}\n{quiet}\n\n{t.settings_usage}"


@router.command("reminders", role=Role.FACILITATOR, where=Where.GROUP)
async def reminders(ctx: Context, command: ParsedCommand) -> None:
    t = ctx.texts(ReminderTexts)
    group = ctx.group
    if group is None:
        ctx.reply(ctx.texts(EventTexts).not_registered)
        return
    settings = ctx.services.settings.events
    current = await plan_for(ctx.db, group.id, settings)
    said = command.arg_text.strip()
    if not said:
        ctx.reply(describe(current, ctx))
        return
    offsets, quiet = list(current.offsets), current.quiet_hours
    words = said.lower().split(maxsplit=1)
    if words[0] == "quiet":
        value = words[1].strip() if len(words) > 1 else ""
        if not value:
            ctx.reply(describe(current, ctx))
            return
        if value in _OFF:
            quiet = ""
        else:
            try:
                QuietHours.parse(value)
            except ValueError:
                ctx.reply(t.bad_quiet.format(said=value))
                return
            quiet = value.replace(" ", "")
    elif said.lower() in _OFF:
        offsets = []
    elif said.lower() in _DEFAULT:
        fallback = default_plan(settings)
        offsets, quiet = list(fallback.offsets), fallback.quiet_hours
    else:
        offsets = []
        for part in re.split(r",|;|\band\b", said):
            if not part.strip():
                continue
            try:
                offsets.append(read_offset(part))
            except ValueError:
                ctx.reply(t.bad_offset.format(said=part.strip()))
                return
    row = await ctx.db.get(EventGroupSettings, group.id)
    if row is None:
        row = EventGroupSettings(
            group_id=group.id, offsets=[], quiet_hours="", updated_at=ctx.now()
        )
        ctx.db.add(row)
    row.offsets, row.quiet_hours, row.updated_at = offsets, quiet, ctx.now()
    plan = Plan.of(offsets, quiet)
    assert ctx.services.timers is not None
    events = await active_events(ctx.db, group.id)
    await replan_group(ctx.db, ctx.services.timers, events, plan, ctx.now())
    ctx.reply(f"{t.settings_saved} {describe(plan, ctx)}")
