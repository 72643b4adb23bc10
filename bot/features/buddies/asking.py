"""The friendly step-by-step profile for /mentor and /buddy, saved when the last answer comes.

One question at a time in a private chat: buttons where there are choices, typed
answers read by the parsers, a kind "I didn't catch that" when they cannot tell, and
/cancel (handled by the core) to stop. Nothing is saved until the end.
"""

from __future__ import annotations

from typing import Any

from bot import conversation
from bot.context import Context
from bot.events import Button, Message
from bot.features.buddies import questions, store
from bot.features.buddies.questions import DONE, SKIP, Reading
from bot.features.buddies.routing import router
from bot.features.buddies.texts import BuddyTexts, QuestionTexts
from bot.roles import Role
from bot.router import button_data
from storage.buddies_tables import BuddyProfile
from storage.models import ConversationState

FLOW = "buddies.profile"


async def start_questions(ctx: Context, role: str) -> None:
    """Begin the questions for a mentor or for a carer asking for a buddy."""
    texts = ctx.texts(QuestionTexts)
    first = questions.steps(role)[0]
    await conversation.ask(
        ctx.db, ctx.sender, flow=FLOW, step=first, data={"role": role, "answers": {}}, now=ctx.now()
    )
    name = ctx.person.display_name if ctx.person else ctx.sender.display_name
    intro = texts.start_mentor if role == store.MENTOR else texts.start_mentee
    ctx.reply(intro.format(name=name))
    _ask(ctx, role, first, ())


def _ask(ctx: Context, role: str, step: str, picked: tuple[str, ...], prefix: str = "") -> None:
    texts = ctx.texts(QuestionTexts)
    asks = texts.ask_mentor if role == store.MENTOR else texts.ask_mentee
    buttons = [
        Button(texts.options.get(key, key), button_data("bq", f"{step}:{value}"))
        for key, value in questions.options(step)
    ]
    if step in questions.MULTI:
        buttons.append(Button(texts.done_button, button_data("bq", f"{step}:{DONE}")))
    elif step == "local_authority":
        buttons.append(Button(texts.skip_button, button_data("bq", f"{step}:{SKIP}")))
    elif step == "languages":
        buttons.append(Button(texts.english_button, button_data("bq", f"{step}:english")))
    text = asks[step]
    ctx.reply(f"{prefix}\n\n{text}" if prefix else text, buttons)


@router.flow(FLOW)
async def answer(ctx: Context, message: Message, state: ConversationState) -> None:
    if ctx.person is None or ctx.org_id is None:  # erased or left since the question
        await conversation.finish(ctx.db, ctx.sender)
        ctx.reply(ctx.texts(QuestionTexts).closed)
        return
    data = dict(state.data)
    picked = tuple(data.get("picked", ()))
    reading = questions.read(state.step, message.text, picked)
    await _take(ctx, state.step, data, reading, picked)


@router.button("bq", role=Role.CARER)
async def tapped(ctx: Context, arg: str) -> None:
    step, _, value = arg.partition(":")
    state = await conversation.current(ctx.db, ctx.sender, ctx.now())
    if state is None or state.flow != FLOW or state.step != step:
        ctx.reply(ctx.texts(QuestionTexts).stale)
        return
    data = dict(state.data)
    picked = tuple(data.get("picked", ()))
    result = questions.press(step, value, picked)
    if result is None:
        ctx.reply(ctx.texts(QuestionTexts).stale)
        return
    if value == DONE and not picked:
        ctx.reply(ctx.texts(QuestionTexts).pick_one_first)
        return
    if isinstance(result, Reading):
        await _take(ctx, step, data, result, picked)
        return
    texts = ctx.texts(QuestionTexts)
    await _remember(ctx, step, {**data, "picked": list(result)})
    shown = ", ".join(texts.options.get(v, v) for v in result)
    ctx.reply(texts.picked.format(values=shown) if result else texts.pick_one_first)


async def _remember(ctx: Context, step: str, data: dict[str, Any]) -> None:
    await conversation.ask(ctx.db, ctx.sender, flow=FLOW, step=step, data=data, now=ctx.now())


async def _take(
    ctx: Context, step: str, data: dict[str, Any], reading: Reading, picked: tuple[str, ...]
) -> None:
    """Move on after a good answer; otherwise keep what was understood and ask again kindly."""
    texts = ctx.texts(QuestionTexts)
    role = str(data["role"])
    if not reading.done:
        kept = tuple(dict.fromkeys((*picked, *reading.add)))
        await _remember(ctx, step, {**data, "picked": list(kept)})
        if reading.unknown:
            sorry = texts.didnt_catch_words.format(words=" ".join(reading.unknown[:5]))
        else:
            sorry = texts.didnt_catch
        _ask(ctx, role, step, kept, prefix=sorry)
        return
    answers = {**data.get("answers", {}), step: reading.value}
    following = questions.next_step(role, step)
    if following is not None:
        await _remember(ctx, following, {"role": role, "answers": answers})
        _ask(ctx, role, following, ())
        return
    await conversation.finish(ctx.db, ctx.sender)
    await _save(ctx, role, answers)


async def _save(ctx: Context, role: str, answers: dict[str, Any]) -> None:
    texts = ctx.texts(QuestionTexts)
    assert ctx.person is not None and ctx.org_id is not None
    now = ctx.now()
    row = await store.profile(ctx.db, ctx.org_id, ctx.person.id, role)
    if row is None:
        row = BuddyProfile(
            org_id=ctx.org_id,
            person_id=ctx.person.id,
            role=role,
            status="active" if role == store.MENTOR else "waiting",
            asked_at=now,
            waiting_since=now,
            priority=False,
            gap_told=None,
        )
        ctx.db.add(row)
    elif role == store.MENTEE and row.status in ("paused", "done"):
        row.status, row.asked_at, row.waiting_since = "waiting", now, now
    for step in questions.steps(role):
        setattr(row, step, answers[step])
    row.gap_told = None  # new answers: a new "no match yet" is worth telling
    row.updated_at = now
    await ctx.db.flush()
    templates = ctx.texts(BuddyTexts).reasons
    summary = "\n".join(
        texts.summary[step].format(
            value=questions.shown(step, answers[step], templates, texts.not_given)
        )
        for step in questions.steps(role)
    )
    if role == store.MENTOR:
        done = texts.saved_mentor if row.status == "active" else texts.saved_mentor_paused
    else:
        done = texts.saved_mentee if row.status == "waiting" else texts.saved_mentee_paired
    ctx.reply(done.format(name=ctx.person.display_name, summary=summary))
