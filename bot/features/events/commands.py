"""`/event`: describe an event in plain words, check it, save it on "Save".

What the parser understood is held as a draft with a short expiry and shown in full; only the
Save button turns it into an event, and only once (the draft is claimed in one statement, so
a second press, or two facilitators pressing together, cannot save it twice). `/event edit N`
works the same way; cancelling, skipping a date and "who's coming" are in `changes.py` and
`rsvp.py`; the list of what is coming up is `listing.py`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, update

from bot.commands import ParsedCommand
from bot.context import Context
from bot.events import Button
from bot.features.events import changes
from bot.features.events.describe import confirmation, moment, offsets_words, problem_text
from bot.features.events.parse import EventDraft, ParseProblem, ProblemKind, parse_event
from bot.features.events.phrases import format_clock, format_day
from bot.features.events.recurrence import occurrences
from bot.features.events.rsvp import who_said_what
from bot.features.events.schedule import plan_for, replan, schedule_next
from bot.features.events.store import (
    apply_draft,
    draft_from_data,
    draft_to_data,
    event_numbered,
    meeting_on,
    next_number,
    refresh_last_start,
    series_of,
    upcoming,
)
from bot.features.events.texts import EventTexts, RepeatTexts
from bot.roles import Role
from bot.router import Router, Where, button_data
from storage.events_tables import EventDraft as DraftRow
from storage.events_tables import GroupEvent
from storage.models import Person

DRAFT_TTL = timedelta(minutes=30)
SUBCOMMANDS = ("edit", "cancel", "skip", "who")

router = Router("events")
router.texts(EventTexts, RepeatTexts)


@router.command("event", role=Role.FACILITATOR, where=Where.GROUP)
async def event_command(ctx: Context, command: ParsedCommand) -> None:
    t = ctx.texts(EventTexts)
    if ctx.group is None or ctx.person is None:
        ctx.reply(t.not_registered)
        return
    words = command.arg_text.split(maxsplit=2)
    if not words:
        ctx.reply(t.usage)
        return
    sub = words[0].lower()
    if sub not in SUBCOMMANDS:
        await start_draft(ctx, command.arg_text, None)
        return
    if len(words) < 2 or not words[1].isdigit():
        ctx.reply(t.needs_number.format(sub=sub))
        return
    event = await event_numbered(ctx.db, ctx.group.id, int(words[1]))
    rest = words[2] if len(words) > 2 else ""
    if event is None:
        ctx.reply(t.not_found.format(number=words[1]))
    elif event.cancelled_at is not None:
        ctx.reply(t.already_cancelled.format(number=event.number))
    elif sub == "who":
        await who_said_what(ctx, event)
    elif sub == "edit":
        await start_draft(ctx, rest, event)
    elif sub == "cancel":
        await changes.cancel_event(ctx, event)
    else:
        await changes.skip_date(ctx, event, rest)


async def start_draft(ctx: Context, text: str, editing: GroupEvent | None) -> None:
    """Read the description and show it back with Save / Cancel; store nothing else."""
    t = ctx.texts(EventTexts)
    assert ctx.group is not None and ctx.person is not None
    if editing is not None and not text.strip():
        ctx.reply(t.edit_usage.format(number=editing.number))
        return
    zone = ZoneInfo(editing.zone) if editing else ctx.services.settings.zone
    now = ctx.now()
    result = parse_event(text, now=now, zone=zone)
    if editing and isinstance(result, ParseProblem) and result.kind is ProblemKind.NO_TITLE:
        result = parse_event(f'"{editing.title}" {text}', now=now, zone=zone)
    if isinstance(result, ParseProblem):
        ctx.reply(problem_text(t, result.kind.value, result.details))
        return
    draft = _keep_details(result, editing)
    await ctx.db.execute(delete(DraftRow).where(DraftRow.expires_at < now))
    row = DraftRow(
        group_id=ctx.group.id,
        person_id=ctx.person.id,
        event_id=editing.id if editing else None,
        data=draft_to_data(draft),
        status="pending",
        created_at=now,
        expires_at=now + DRAFT_TTL,
    )
    ctx.db.add(row)
    await ctx.db.flush()
    text = confirmation(
        draft,
        now=now,
        zone=zone,
        t=t,
        rt=ctx.texts(RepeatTexts),
        editing=editing.number if editing else None,
        skipped=series_of(editing).skipped if editing else frozenset(),
    )
    buttons = [
        Button(t.save_button, button_data("evok", str(row.id))),
        Button(t.drop_button, button_data("evno", str(row.id))),
    ]
    ctx.reply(text, buttons)


def _keep_details(draft: EventDraft, editing: GroupEvent | None) -> EventDraft:
    """An edit that doesn't mention the place, link or practicalities keeps the old ones."""
    if editing is None:
        return draft
    return replace(
        draft,
        place=draft.place or (None if draft.online else editing.place),
        link=draft.link or editing.link,
        online=draft.online or (editing.online and not draft.place),
        practicalities=draft.practicalities or editing.practicalities,
    )


async def _draft_for(ctx: Context, arg: str) -> DraftRow | None:
    """The draft behind a Save / Cancel press, or None after telling the presser why not."""
    t = ctx.texts(EventTexts)
    row = await ctx.db.get(DraftRow, int(arg)) if arg.isdigit() else None
    if row is None:
        ctx.reply(t.draft_expired)
        return None
    if ctx.person is None or row.person_id != ctx.person.id or ctx.role < Role.FACILITATOR:
        author = await ctx.db.get(Person, row.person_id)
        ctx.reply(t.not_your_draft.format(name=author.display_name if author else "its author"))
        return None
    if row.status == "saved":
        event = await ctx.db.get(GroupEvent, row.event_id) if row.event_id else None
        ctx.reply(t.already_saved.format(number=event.number if event else "?"))
        return None
    if row.status == "dropped":
        ctx.reply(t.already_dropped)
        return None
    if row.expires_at <= ctx.now():
        ctx.reply(t.draft_expired)
        return None
    return row


async def _claim(ctx: Context, row: DraftRow, status: str) -> bool:
    """Mark the draft done in one statement; False if another press got there first."""
    claimed = await ctx.db.execute(
        update(DraftRow)
        .where(DraftRow.id == row.id, DraftRow.status == "pending")
        .values(status=status, data={})
        .returning(DraftRow.id)
    )
    found = claimed.scalar_one_or_none() is not None
    await ctx.db.refresh(row)
    return found


@router.button("evok")  # only the facilitator who wrote it: checked in _draft_for
async def save(ctx: Context, arg: str) -> None:
    t = ctx.texts(EventTexts)
    row = await _draft_for(ctx, arg)
    if row is None:
        return
    now = ctx.now()
    editing = await ctx.db.get(GroupEvent, row.event_id) if row.event_id else None
    zone = ZoneInfo(editing.zone) if editing else ctx.services.settings.zone
    draft = draft_from_data(row.data, zone)
    if editing is not None and editing.cancelled_at is not None:
        ctx.reply(t.already_cancelled.format(number=editing.number))
        return
    if not occurrences(draft, after=now, limit=1):  # it was soon, and that time has gone
        local = draft.start.astimezone(zone)
        when = {"date": format_day(local.date()), "time": format_clock(local.time())}
        ctx.reply(problem_text(t, "in_the_past", when))
        return
    if not await _claim(ctx, row, "saved"):
        await _draft_for(ctx, arg)  # says what became of it
        return
    if editing is not None:
        await _save_edit(ctx, editing, draft)
        return
    assert ctx.person is not None
    event = GroupEvent(
        group_id=row.group_id,
        number=await next_number(ctx.db, row.group_id),
        zone=zone.key,
        skipped=[],
        created_by=ctx.person.id,
        created_at=now,
        cancelled_at=None,
        sequence=0,
        generation=0,
    )
    apply_draft(event, draft)
    ctx.db.add(event)
    await ctx.db.flush()
    row.event_id = event.id
    assert ctx.services.timers is not None
    plan = await plan_for(ctx.db, event.group_id, ctx.services.settings.events)
    await schedule_next(ctx.db, ctx.services.timers, event, plan, now)
    if plan.offsets:
        reminders = offsets_words(plan.offsets, ctx.texts(RepeatTexts))
        ctx.reply(t.saved.format(title=event.title, number=event.number, reminders=reminders))
    else:
        ctx.reply(t.saved_quietly.format(title=event.title, number=event.number))


async def _save_edit(ctx: Context, event: GroupEvent, draft: EventDraft) -> None:
    t = ctx.texts(EventTexts)
    now = ctx.now()
    apply_draft(event, draft)
    today = now.astimezone(ZoneInfo(event.zone)).date()
    event.skipped = [
        d for d in event.skipped if d >= today.isoformat() and meeting_on(event, _day(d))
    ]
    refresh_last_start(event)
    event.sequence += 1
    assert ctx.services.timers is not None
    plan = await plan_for(ctx.db, event.group_id, ctx.services.settings.events)
    await replan(ctx.db, ctx.services.timers, event, plan, now)
    found = upcoming(event, now)
    nxt = moment(found[0], ZoneInfo(event.zone)) if found else "–"
    ctx.reply(t.updated.format(number=event.number, title=event.title, next=nxt))


def _day(iso: str) -> date:
    return date.fromisoformat(iso)


@router.button("evno")
async def drop(ctx: Context, arg: str) -> None:
    t = ctx.texts(EventTexts)
    row = await _draft_for(ctx, arg)
    if row is None:
        return
    if await _claim(ctx, row, "dropped"):
        ctx.reply(t.dropped)
    else:
        await _draft_for(ctx, arg)
