"""Multi-step questions: the next private message goes to the flow that asked; /cancel stops it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot import conversation
from bot.app import build_app, feature_routers
from bot.commands import ParsedCommand
from bot.context import Context
from bot.events import Message
from bot.roles import Role
from bot.router import Router
from storage.models import ConversationState
from tests.support.harness import Harness, only_text


def pet_router() -> Router:
    pets = Router("pets")

    @pets.command("pet", role=Role.CARER, hidden=True)
    async def start(ctx: Context, _command: ParsedCommand) -> None:
        await conversation.ask(ctx.db, ctx.sender, flow="pets", step="name", now=ctx.now())
        ctx.reply("What's your pet called?")

    @pets.flow("pets")
    async def answer(ctx: Context, message: Message, state: ConversationState) -> None:
        if state.step == "name":
            await conversation.ask(
                ctx.db,
                ctx.sender,
                flow="pets",
                step="kind",
                data={"name": message.text},
                now=ctx.now(),
            )
            ctx.reply(f"And what kind of animal is {message.text}?")
        else:
            await conversation.finish(ctx.db, ctx.sender)
            ctx.reply(f"{state.data['name']} the {message.text}. Lovely!")

    return pets


@pytest.fixture
def h(harness: Harness) -> Harness:
    app = harness.app
    harness.app = build_app(
        settings=app.services.settings,
        texts=app.services.texts,
        clock=harness.clock,
        db=app.services.db,
        routers=[*(r for r in feature_routers() if r.name != "faq"), pet_router()],
    )
    return harness


async def test_answers_go_to_the_flow_step_by_step(h: Harness) -> None:
    cara = await h.person("Cara")
    assert only_text(await h.say("/pet", as_=cara)) == "What's your pet called?"
    assert "what kind of animal is Biscuit" in only_text(await h.say("Biscuit", as_=cara))
    assert only_text(await h.say("dog", as_=cara)) == "Biscuit the dog. Lovely!"
    assert await h.say("hello again", as_=cara) == []


async def test_cancel_stops_the_question(h: Harness) -> None:
    cara = await h.person("Cara")
    await h.say("/pet", as_=cara)
    assert "stopped there" in only_text(await h.say("/cancel", as_=cara))
    assert await h.say("Biscuit", as_=cara) == []
    assert "nothing to stop" in only_text(await h.say("/cancel", as_=cara))


async def test_an_abandoned_question_lapses(h: Harness) -> None:
    cara = await h.person("Cara")
    await h.say("/pet", as_=cara)
    h.clock.advance(timedelta(hours=25))
    assert await h.say("Biscuit", as_=cara) == []


async def test_group_messages_never_answer_a_private_question(h: Harness) -> None:
    cara = await h.person("Cara")
    group = await h.group("Tuesday")
    await h.say("/pet", as_=cara)
    assert await h.say("Biscuit", as_=cara, in_=group) == []
    assert "Biscuit" in only_text(await h.say("Biscuit", as_=cara))
