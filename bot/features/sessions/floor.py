"""Guiding the conversation: who would like a turn, topics, breaks and action points.

The speaking order is a fair shuffle (services.rng, so tests and scripted runs repeat exactly)
of the people who tapped "I'd like a turn"; the list itself is forgotten when the session
ends. Topics come from the library in config/session_topics.toml or the facilitator's own
words. Only action points are kept.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.commands import ParsedCommand
from bot.context import Context
from bot.features.events.phrases import format_clock
from bot.features.events.store import group_chat
from bot.features.sessions import store
from bot.features.sessions.running import turn_button
from bot.features.sessions.texts import SessionTexts
from bot.features.sessions.topics import choose, load_library
from bot.roles import Role
from bot.router import JobContext, Router, Where
from bot.services import Services
from storage.events_tables import GroupSession, SessionAction, SessionTurn
from storage.models import Group, Person

BREAK_JOB = "sessions.break_over"
DEFAULT_BREAK = 10
LONGEST_BREAK = 60

router = Router("session_floor")


async def _check_library(_db: Any, _services: Services) -> None:
    load_library()  # a broken topics file stops the start here, in one clear line


router.startup.append(_check_library)


async def _running(ctx: Context) -> GroupSession | None:
    """The group's open session, or None after saying there isn't one."""
    session = await store.open_session(ctx.db, ctx.group.id) if ctx.group else None
    if session is None:
        ctx.reply(ctx.texts(SessionTexts).no_session)
    return session


@router.button("turn")
async def want_turn(ctx: Context, arg: str) -> None:
    t = ctx.texts(SessionTexts)
    session = await ctx.db.get(GroupSession, int(arg)) if arg.isdigit() else None
    if session is None or (ctx.group and ctx.group.id != session.group_id):
        ctx.dm(t.stale, fallback_to_here=True)
        return
    if ctx.person is None:
        ctx.dm(t.guest, fallback_to_here=True)
        return
    if session.ended_at is not None:
        ctx.dm(t.stale, fallback_to_here=True)
        return
    already = await ctx.db.scalar(
        select(SessionTurn.id).where(
            SessionTurn.session_id == session.id, SessionTurn.person_id == ctx.person.id
        )
    )
    if already is not None:
        ctx.dm(t.turn_already, fallback_to_here=True)
        return
    ctx.db.add(SessionTurn(session_id=session.id, person_id=ctx.person.id, asked_at=ctx.now()))
    ctx.dm(t.turn_noted, fallback_to_here=True)


@router.command("round", role=Role.FACILITATOR, where=Where.GROUP)
async def speaking_order(ctx: Context, _command: ParsedCommand) -> None:
    t = ctx.texts(SessionTexts)
    session = await _running(ctx)
    if session is None:
        return
    rows = await ctx.db.execute(
        select(Person.display_name)
        .join(SessionTurn, SessionTurn.person_id == Person.id)
        .where(SessionTurn.session_id == session.id)
        .order_by(Person.id)
    )
    names = list(rows.scalars().all())
    if not names:
        ctx.reply(t.round_empty, [turn_button(session, t)])
        return
    ctx.services.rng.shuffle(names)
    lines = [t.round_header, *(f"{i}. {name}" for i, name in enumerate(names, 1))]
    ctx.reply("\n".join(lines), [turn_button(session, t)])


@router.command("topic", role=Role.FACILITATOR, where=Where.GROUP)
async def topic(ctx: Context, command: ParsedCommand) -> None:
    t = ctx.texts(SessionTexts)
    if ctx.group is None:
        ctx.reply(t.not_registered)
        return
    prompt = choose(load_library(), command.arg_text, ctx.services.rng)
    if prompt.theme is None:
        ctx.reply(t.topic_own.format(prompt=prompt.text))
    else:
        ctx.reply(t.topic_theme.format(theme=prompt.theme, prompt=prompt.text))


@router.command("break", role=Role.FACILITATOR, where=Where.GROUP)
async def take_break(ctx: Context, command: ParsedCommand) -> None:
    t = ctx.texts(SessionTexts)
    said = (command.arg(0) or str(DEFAULT_BREAK)).lower().removesuffix("mins").rstrip("m")
    if not said.isdigit() or not 1 <= int(said) <= LONGEST_BREAK:
        ctx.reply(t.break_usage)
        return
    session = await _running(ctx)
    if session is None:
        return
    minutes = int(said)
    back = ctx.now() + timedelta(minutes=minutes)
    assert ctx.services.timers is not None
    await ctx.services.timers.schedule(
        ctx.db,
        BREAK_JOB,
        back,
        {"session": session.id},
        dedupe_key=f"{BREAK_JOB}:{session.id}:{int(back.timestamp())}",
    )
    when = format_clock(back.astimezone(ctx.services.settings.zone).time())
    ctx.reply(t.break_start.format(minutes=minutes, time=when))


@router.job(BREAK_JOB)
async def break_over(job: JobContext, payload: dict[str, Any]) -> None:
    session = await job.db.get(GroupSession, int(payload["session"]))
    if session is None or session.ended_at is not None or job.outbox is None:
        return  # the session ended during the break: nothing to come back to
    group = await job.db.get(Group, session.group_id)
    if group is None:
        return
    t = job.services.texts.get(SessionTexts)
    await job.outbox.enqueue(
        job.db,
        kind="session_break",
        text=t.break_over,
        chats=[group_chat(group)],
        expires_at=job.services.clock.now() + timedelta(minutes=30),
    )


@router.command("action", role=Role.FACILITATOR, where=Where.GROUP)
async def action_point(ctx: Context, command: ParsedCommand) -> None:
    t = ctx.texts(SessionTexts)
    text = " ".join(command.arg_text.split())
    if not text:
        ctx.reply(t.action_usage)
        return
    session = await _running(ctx)
    if session is None:
        return
    ctx.db.add(SessionAction(session_id=session.id, text=text[:500], added_at=ctx.now()))
    ctx.reply(t.action_added.format(text=text[:500]))
