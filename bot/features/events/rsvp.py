"""Going / Maybe / Can't make it: answers from reminder buttons, and who said what.

The group only ever sees counts (in the next reminder); names go privately to the
facilitator who asks (`/event who N`). Answers are personal data: `/mydata` shows them and
`/forgetme` erases them, and they are dropped once their date has passed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import Context
from bot.features.events.describe import detail_lines
from bot.features.events.phrases import format_day
from bot.features.events.remind import ANSWER_CODES, when_words
from bot.features.events.store import meeting_on, upcoming
from bot.features.events.texts import EventTexts, ReminderTexts
from bot.router import Router
from storage.events_tables import EventRsvp, GroupEvent
from storage.models import Person

router = Router("event_rsvp")
router.texts(ReminderTexts)


def _read(arg: str) -> tuple[int, date, str] | None:
    """'12.20260113.g' -> (12, 13 January 2026, 'going')."""
    parts = arg.split(".")
    if len(parts) != 3 or not parts[0].isdigit() or parts[2] not in ANSWER_CODES:
        return None
    try:
        day = datetime.strptime(parts[1], "%Y%m%d").date()
    except ValueError:
        return None
    return int(parts[0]), day, ANSWER_CODES[parts[2]]


@router.button("rsvp")
async def answer(ctx: Context, arg: str) -> None:
    t = ctx.texts(ReminderTexts)
    read = _read(arg)
    event = await ctx.db.get(GroupEvent, read[0]) if read else None
    if read is None or event is None or (ctx.group is not None and ctx.group.id != event.group_id):
        ctx.dm(t.rsvp_stale, fallback_to_here=True)
        return
    if ctx.person is None:
        ctx.dm(t.rsvp_guest, fallback_to_here=True)
        return
    if event.cancelled_at is not None:
        ctx.dm(t.rsvp_cancelled.format(title=event.title), fallback_to_here=True)
        return
    _, day, said = read
    meeting = meeting_on(event, day)
    now = ctx.now()
    if meeting is None or day.isoformat() in event.skipped or meeting <= now:
        ctx.dm(t.rsvp_past, fallback_to_here=True)
        return
    row = await ctx.db.scalar(
        select(EventRsvp).where(
            EventRsvp.event_id == event.id,
            EventRsvp.day == day,
            EventRsvp.person_id == ctx.person.id,
        )
    )
    if row is None:
        ctx.db.add(
            EventRsvp(
                event_id=event.id, day=day, person_id=ctx.person.id, answer=said, answered_at=now
            )
        )
    else:
        row.answer, row.answered_at = said, now
    when = when_words(meeting, now, ZoneInfo(event.zone), t)
    if said == "going":
        lines = [t.rsvp_going.format(title=event.title, when=when)]
        lines += detail_lines(
            ctx.texts(EventTexts), event.place, event.link, event.online, event.practicalities
        )
        lines.append(t.see_you)
        ctx.dm("\n".join(lines), fallback_to_here=True)
    elif said == "maybe":
        ctx.dm(t.rsvp_maybe.format(title=event.title, when=when), fallback_to_here=True)
    else:
        ctx.dm(t.rsvp_no.format(title=event.title, when=when), fallback_to_here=True)


async def who_said_what(ctx: Context, event: GroupEvent) -> None:
    """`/event who N`: names for the next meeting, privately to the facilitator."""
    t = ctx.texts(EventTexts)
    found = upcoming(event, ctx.now())
    if not found:
        ctx.dm(t.who_no_dates.format(title=event.title), fallback_to_here=True)
        return
    day = found[0].astimezone(ZoneInfo(event.zone)).date()
    rows = await ctx.db.execute(
        select(EventRsvp.answer, Person.display_name)
        .join(Person, Person.id == EventRsvp.person_id)
        .where(EventRsvp.event_id == event.id, EventRsvp.day == day)
        .order_by(Person.display_name)
    )
    names: dict[str, list[str]] = {"going": [], "maybe": [], "no": []}
    for said, name in rows.all():
        names.setdefault(said, []).append(name)
    lines = [t.who_header.format(title=event.title, date=format_day(day))]
    for said in ("going", "maybe", "no"):
        listed = ", ".join(names[said]) or t.who_nobody
        lines.append(
            t.who_line.format(answer=t.answers[said], count=len(names[said]), names=listed)
        )
    ctx.dm("\n".join(lines), fallback_to_here=True)


@router.exporter
async def export_answers(db: AsyncSession, person_id: int) -> dict[str, Any]:
    rows = await db.execute(
        select(EventRsvp.day, EventRsvp.answer, GroupEvent.title)
        .join(GroupEvent, GroupEvent.id == EventRsvp.event_id)
        .where(EventRsvp.person_id == person_id)
        .order_by(EventRsvp.day)
    )
    answers = [f"{title}, {format_day(day)}: {said}" for day, said, title in rows.all()]
    return {"event_answers": answers} if answers else {}


@router.eraser
async def erase_answers(db: AsyncSession, person_id: int) -> None:
    await db.execute(delete(EventRsvp).where(EventRsvp.person_id == person_id))
