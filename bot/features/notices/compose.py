"""`/notice`, step by step in a private chat: the text, who gets it, read receipts, when.

One question at a time, buttons where there are choices and typed answers everywhere
(the core turns buttons into numbered choices where a platform has none). Answers are
kept in the conversation state, nothing is saved as a notice until the preview is
confirmed, and /cancel (handled by the core) stops it at any point. "Change the text"
from the preview asks only for the text again, then shows the preview once more.
"""

from __future__ import annotations

from typing import Any

from bot import conversation
from bot.context import Context
from bot.events import Button, Message
from bot.features.notices.audience import (
    GROUPS,
    PEOPLE,
    PURPOSES,
    ROLE_CHOICES,
    Audience,
    AudienceProblem,
    read_audience,
)
from bot.features.notices.preview import describe_audience, show_preview
from bot.features.notices.reach import find_reach, regions_of
from bot.features.notices.routing import FLOW, STEP_BUTTON, router
from bot.features.notices.texts import NoticeTexts
from bot.features.notices.when import WhenProblem, read_when
from bot.roles import Role
from bot.router import button_data
from storage.models import ConversationState

MAX_TEXT = 3500  # one message on every platform carebot supports, with room for the header
ASKED = ("text", "audience", "ack", "when")  # the answers a preview needs, in order
AUDIENCE_STEPS = ("audience", "region", "kind")
MAX_REGION_BUTTONS = 12


def next_step(data: dict[str, Any]) -> str:
    return next((step for step in ASKED if data.get(step) is None), "preview")


async def start(ctx: Context, text: str | None) -> None:
    """Begin a new notice (replacing any unfinished one), perhaps with its text already."""
    texts = ctx.texts(NoticeTexts)
    if ctx.org_id is None:
        ctx.reply(texts.no_org)
        return
    data: dict[str, Any] = {"org": ctx.org_id, **dict.fromkeys(ASKED)}
    if text is not None:
        problem = _text_problem(text, texts)
        if problem is not None:
            await advance(ctx, data, prefix=problem)
            return
        data["text"] = text.strip()
    await advance(ctx, data)


async def advance(ctx: Context, data: dict[str, Any], *, prefix: str = "") -> None:
    """Ask the next unanswered question, or show the preview when all are answered."""
    step = next_step(data)
    if step != "preview":
        await ask(ctx, step, data, prefix=prefix)
        return
    audience = Audience.from_json(data["audience"])
    reach = await find_reach(ctx.db, int(data["org"]), audience)
    if reach.empty:  # the groups or people went away since the question was answered
        await _nobody(ctx, {**data, "audience": None}, audience)
        return
    await show_preview(ctx, data, reach)


async def ask(ctx: Context, step: str, data: dict[str, Any], *, prefix: str = "") -> None:
    texts = ctx.texts(NoticeTexts)
    await conversation.ask(ctx.db, ctx.sender, flow=FLOW, step=step, data=data, now=ctx.now())
    question, buttons = await _question(ctx, step, data, texts)
    ctx.reply(f"{prefix}\n\n{question}" if prefix else question, buttons)


def _button(label: str, step: str, value: str) -> Button:
    return Button(label, button_data(STEP_BUTTON, f"{step}:{value}"))


async def _question(
    ctx: Context, step: str, data: dict[str, Any], texts: NoticeTexts
) -> tuple[str, list[Button]]:
    if step == "text":
        return texts.ask_text, []
    if step == "audience":
        return texts.ask_audience, [
            _button(texts.all_groups_button, "audience", "all"),
            _button(texts.regions_button, "audience", "regions"),
            _button(texts.kinds_button, "audience", "kinds"),
            _button(texts.carers_button, "audience", "carer"),
            _button(texts.mentors_button, "audience", "mentor"),
            _button(texts.facilitators_button, "audience", "facilitator"),
        ]
    if step == "region":
        regions = await regions_of(ctx.db, int(data["org"]))
        shown = regions[:MAX_REGION_BUTTONS]
        return texts.ask_region, [_button(name, "region", str(rid)) for rid, name in shown]
    if step == "kind":
        names = texts.purpose_names
        return texts.ask_kind, [_button(names.get(p, p), "kind", p) for p in PURPOSES]
    if step == "ack":
        return texts.ask_ack, [
            _button(texts.yes_button, "ack", "yes"),
            _button(texts.no_button, "ack", "no"),
        ]
    return texts.ask_when, [_button(texts.now_button, "when", "now")]


def _text_problem(text: str, texts: NoticeTexts) -> str | None:
    cleaned = text.strip()
    if not cleaned:
        return texts.empty_text
    if len(cleaned) > MAX_TEXT:
        return texts.too_long.format(length=len(cleaned), limit=MAX_TEXT)
    return None


async def still_theirs(ctx: Context, data: dict[str, Any]) -> bool:
    """Staff of the same organisation as when they began (roles can change mid-way)."""
    if ctx.role >= Role.STAFF and ctx.org_id == data.get("org"):
        return True
    await conversation.finish(ctx.db, ctx.sender)
    ctx.reply(ctx.texts(NoticeTexts).stale)
    return False


@router.flow(FLOW)
async def answer(ctx: Context, message: Message, state: ConversationState) -> None:
    data = dict(state.data)
    if not await still_theirs(ctx, data):
        return
    texts = ctx.texts(NoticeTexts)
    said = message.text.strip()
    step = state.step
    if step == "text":
        problem = _text_problem(said, texts)
        if problem is not None:
            await ask(ctx, "text", data, prefix=problem)
            return
        await advance(ctx, {**data, "text": said})
    elif step in AUDIENCE_STEPS:
        regions = await regions_of(ctx.db, int(data["org"]))
        await _take_audience(ctx, data, read_audience(said, regions))
    elif step == "ack":
        spoken = " ".join(said.lower().strip(".!").split())
        if spoken in texts.yes_words or spoken in texts.no_words:
            await advance(ctx, {**data, "ack": spoken in texts.yes_words})
        else:
            await ask(ctx, "ack", data, prefix=texts.didnt_catch_ack)
    elif step == "when":
        await _take_when(ctx, data, said)
    else:
        ctx.reply(texts.use_buttons)


async def _take_audience(
    ctx: Context, data: dict[str, Any], read: Audience | AudienceProblem
) -> None:
    texts = ctx.texts(NoticeTexts)
    if isinstance(read, AudienceProblem):
        kind = read.kind
        if kind == "unknown_region" and not read.details.get("known"):
            kind = "no_regions"
        problem = texts.audience_problems[kind].format(**read.details)
        await ask(ctx, "audience", data, prefix=problem)
        return
    if (await find_reach(ctx.db, int(data["org"]), read)).empty:
        await _nobody(ctx, data, read)
        return
    await advance(ctx, {**data, "audience": read.to_json()})


async def _nobody(ctx: Context, data: dict[str, Any], audience: Audience) -> None:
    texts = ctx.texts(NoticeTexts)
    words = await describe_audience(ctx, audience)
    template = texts.nobody_groups if audience.kind == GROUPS else texts.nobody_people
    await ask(ctx, "audience", data, prefix=template.format(audience=words))


async def _take_when(ctx: Context, data: dict[str, Any], said: str) -> None:
    texts = ctx.texts(NoticeTexts)
    now = ctx.now()
    read = read_when(said, now=now, zone=ctx.services.settings.zone)
    if isinstance(read, WhenProblem):
        template = texts.when_problems.get(read.kind, texts.when_problems["not_understood"])
        await ask(ctx, "when", data, prefix=template.format_map({"said": said, **read.details}))
        return
    await advance(ctx, {**data, "when": "now" if read == now else read.isoformat()})


@router.button(STEP_BUTTON, role=Role.STAFF)
async def tapped(ctx: Context, arg: str) -> None:
    texts = ctx.texts(NoticeTexts)
    step, _, value = arg.partition(":")
    state = await conversation.current(ctx.db, ctx.sender, ctx.now())
    family = AUDIENCE_STEPS if step in AUDIENCE_STEPS else (step,)
    if state is None or state.flow != FLOW or state.step not in family:
        ctx.reply(texts.stale_step)
        return
    data = dict(state.data)
    if not await still_theirs(ctx, data):
        return
    if step == "audience" and value in ("regions", "kinds"):
        if value == "regions" and not await regions_of(ctx.db, int(data["org"])):
            await ask(ctx, "audience", data, prefix=texts.audience_problems["no_regions"])
            return
        await ask(ctx, "region" if value == "regions" else "kind", data)
    elif step == "audience" and (value == "all" or value in ROLE_CHOICES):
        chosen = Audience(GROUPS) if value == "all" else Audience(PEOPLE, roles=(value,))
        await _take_audience(ctx, data, chosen)
    elif step == "region" and value.isdigit():
        await _take_audience(ctx, data, Audience(GROUPS, regions=(int(value),)))
    elif step == "kind" and value in PURPOSES:
        await _take_audience(ctx, data, Audience(GROUPS, purposes=(value,)))
    elif step == "ack" and value in ("yes", "no"):
        await advance(ctx, {**data, "ack": value == "yes"})
    elif step == "when" and value == "now":
        await advance(ctx, {**data, "when": "now"})
    else:
        ctx.reply(texts.stale_step)
