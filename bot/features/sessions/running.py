"""`/session start` and `/session end`, and the anonymous check-in that opens and closes them.

The start posts a short welcome with the group agreement (the same words as /rules) and a
"how are you today" scale from 1 to 5. The group only ever sees totals, and only once enough
people have answered that nobody can be singled out. The end posts the opening totals, the
action points and the scale again; an hour later the closing check-in stops taking answers
and who answered is forgotten.
"""

from __future__ import annotations

from typing import Any

from bot.commands import ParsedCommand
from bot.context import Context
from bot.events import Button
from bot.features.events.phrases import format_clock, format_day
from bot.features.sessions import store
from bot.features.sessions.texts import SCALE, SessionTexts
from bot.roles import Role
from bot.router import JobContext, Router, Where, button_data
from moderation.rules import RuleTexts
from storage.events_tables import GroupSession

CLOSE_JOB = "sessions.close_checkin"
MIN_SHOWN = 3  # fewer answers than this are not shown, so nobody can be singled out

router = Router("sessions")
router.texts(SessionTexts)


def scale_buttons(session: GroupSession, phase_code: str, t: SessionTexts) -> list[Button]:
    return [
        Button(f"{n} {t.scale[str(n)]}", button_data("chk", f"{session.id}.{phase_code}.{n}"))
        for n in SCALE
    ]


def turn_button(session: GroupSession, t: SessionTexts) -> Button:
    return Button(t.turn_button, button_data("turn", str(session.id)))


def spread_lines(counts: dict[int, int], t: SessionTexts) -> list[str]:
    total = sum(counts.values())
    if total < MIN_SHOWN:
        return [t.too_few.format(count=total, minimum=MIN_SHOWN)]
    lines = [t.spread_header.format(count=total)]
    for score in sorted(SCALE, reverse=True):
        count = counts[score]
        bar = "■" * count + " " if count else ""
        lines.append(
            t.spread_line.format(score=score, word=t.scale[str(score)], bar=bar, count=count)
        )
    return lines


@router.command("session", role=Role.FACILITATOR, where=Where.GROUP)
async def session_command(ctx: Context, command: ParsedCommand) -> None:
    t = ctx.texts(SessionTexts)
    if ctx.group is None:
        ctx.reply(t.not_registered)
        return
    word = (command.arg(0) or "").lower()
    if word in ("start", "begin", "open"):
        await _start(ctx, ctx.group.id)
    elif word in ("end", "stop", "close", "finish"):
        await _end(ctx, ctx.group.id)
    else:
        ctx.reply(t.usage)


async def _start(ctx: Context, group_id: int) -> None:
    t = ctx.texts(SessionTexts)
    now, zone = ctx.now(), ctx.services.settings.zone
    notes = []
    running = await store.open_session(ctx.db, group_id)
    if running is not None:
        if now - running.started_at < store.STALE_AFTER:
            started = format_clock(running.started_at.astimezone(zone).time())
            ctx.reply(t.already_open.format(time=started))
            return
        await store.close(ctx.db, running, running.started_at + store.STALE_AFTER)
        await store.close_checkin(ctx.db, running, now)
        began = running.started_at.astimezone(zone).date()
        notes.append(t.stale_closed.format(date=format_day(began)))
    session = await store.begin(ctx.db, group_id, now)
    rules = ctx.texts(RuleTexts).rules
    turn = turn_button(session, t)
    text = "\n\n".join(
        [
            *notes,
            t.welcome,
            rules,
            t.checkin_question + "\n" + t.turn_hint.format(button=turn.label),
        ]
    )
    ctx.reply(text, [*scale_buttons(session, "s", t), turn])


async def _end(ctx: Context, group_id: int) -> None:
    t = ctx.texts(SessionTexts)
    session = await store.open_session(ctx.db, group_id)
    if session is None:
        ctx.reply(t.no_session)
        return
    now = ctx.now()
    await store.close(ctx.db, session, now)
    lines = [t.end_header, "", t.start_spread]
    lines += spread_lines(await store.spread(ctx.db, session.id, "start"), t)
    actions = await store.action_points(ctx.db, session.id)
    lines += (
        ["", t.actions_header, *(f"- {a}" for a in actions)] if actions else ["", t.actions_none]
    )
    lines += ["", t.end_question]
    assert ctx.services.timers is not None
    await ctx.services.timers.schedule(
        ctx.db,
        CLOSE_JOB,
        now + store.CLOSING_CHECKIN,
        {"session": session.id},
        dedupe_key=f"{CLOSE_JOB}:{session.id}",
    )
    ctx.reply("\n".join(lines), scale_buttons(session, "e", t))


@router.job(CLOSE_JOB)
async def close_closing_checkin(job: JobContext, payload: dict[str, Any]) -> None:
    session = await job.db.get(GroupSession, int(payload["session"]))
    if session is not None:
        await store.close_checkin(job.db, session, job.services.clock.now())


@router.command("checkin", role=Role.FACILITATOR, where=Where.GROUP)
async def show_checkin(ctx: Context, _command: ParsedCommand) -> None:
    t = ctx.texts(SessionTexts)
    session = await store.open_session(ctx.db, ctx.group.id) if ctx.group else None
    if session is None:
        ctx.reply(t.no_session)
        return
    ctx.reply("\n".join(spread_lines(await store.spread(ctx.db, session.id, "start"), t)))


def _read(arg: str) -> tuple[int, str, int] | None:
    parts = arg.split(".")
    if len(parts) != 3 or not parts[0].isdigit() or parts[1] not in store.PHASES:
        return None
    if not parts[2].isdigit() or int(parts[2]) not in SCALE:
        return None
    return int(parts[0]), store.PHASES[parts[1]], int(parts[2])


@router.button("chk")
async def answer(ctx: Context, arg: str) -> None:
    t = ctx.texts(SessionTexts)
    read = _read(arg)
    session = await ctx.db.get(GroupSession, read[0]) if read else None
    if read is None or session is None or (ctx.group and ctx.group.id != session.group_id):
        ctx.dm(t.stale, fallback_to_here=True)
        return
    _, phase, score = read
    if ctx.person is None:
        ctx.dm(t.guest, fallback_to_here=True)
    elif not store.taking_answers(session, phase):
        ctx.dm(t.checkin_closed, fallback_to_here=True)
    elif await store.record_answer(ctx.db, session.id, phase, ctx.person.id, score):
        ctx.dm(t.checkin_thanks, fallback_to_here=True)
    else:
        ctx.dm(t.checkin_already, fallback_to_here=True)
