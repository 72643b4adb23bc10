"""One command name, one handler per place: groups and private chats can mean different things."""

from __future__ import annotations

import pytest

from bot.app import build_app
from bot.commands import ParsedCommand
from bot.context import Context
from bot.core_texts import CoreTexts
from bot.dispatch import Dispatcher
from bot.roles import Role
from bot.router import Router, Where
from tests.support.harness import Harness, only_text


def answering(
    router: Router, where: Where, word: str, role: Role = Role.CARER, hidden: bool = True
) -> None:
    @router.command("ping", role=role, where=where, hidden=hidden, help_key="report")
    async def ping(ctx: Context, _command: ParsedCommand) -> None:
        ctx.reply(word)


def with_routers(h: Harness, *routers: Router) -> Harness:
    services = h.app.services
    h.app = build_app(
        settings=services.settings,
        texts=services.texts,
        clock=h.clock,
        db=services.db,
        capabilities=services.capabilities,
        routers=list(routers),
    )
    return h


async def test_each_place_reaches_its_own_handler(harness: Harness) -> None:
    in_groups, in_private = Router("groups"), Router("private")
    answering(in_groups, Where.GROUP, "group pong")
    answering(in_private, Where.DM, "private pong", role=Role.STAFF)
    h = with_routers(harness, in_groups, in_private)
    group = await h.group("Tuesday")
    staff = await h.person("Sue", Role.STAFF)
    carer = await h.person("Cara")
    assert only_text(await h.say("/ping", as_=staff, in_=group)) == "group pong"
    assert only_text(await h.say("/ping", as_=carer, in_=group)) == "group pong"
    assert only_text(await h.say("/ping", as_=staff)) == "private pong"
    core = h.app.services.texts.get(CoreTexts)
    refused = only_text(await h.say("/ping", as_=carer))  # the private one is for staff
    assert refused == core.needs_role.format(name="ping", role=core.role_names["staff"])


async def test_refused_in_one_place_hears_what_it_does_in_the_other(harness: Harness) -> None:
    in_groups, in_private = Router("groups"), Router("private")
    answering(in_groups, Where.GROUP, "group pong", hidden=False)
    answering(in_private, Where.DM, "private pong", role=Role.STAFF, hidden=False)
    h = with_routers(harness, in_groups, in_private)
    carer = await h.person("Cara")
    core = h.app.services.texts.get(CoreTexts)
    refused = only_text(await h.say("/ping", as_=carer))
    what = core.command_help["report"]
    staff = core.role_names["staff"]
    assert refused == core.needs_role_here_dm.format(name="ping", role=staff, what=what)
    # Someone who may use neither gets the plain answer.
    stranger = h.guest("Stray")
    assert only_text(await h.say("/ping", as_=stranger)) == core.needs_join


async def test_a_name_for_one_place_only_still_points_to_that_place(harness: Harness) -> None:
    only_private = Router("private")
    answering(only_private, Where.DM, "private pong")
    h = with_routers(harness, only_private)
    group = await h.group("Tuesday")
    carer = await h.person("Cara")
    core = h.app.services.texts.get(CoreTexts)
    assert only_text(await h.say("/ping", as_=carer, in_=group)) == core.dm_only.format(name="ping")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (Where.GROUP, Where.GROUP),
        (Where.DM, Where.DM),
        (Where.ANYWHERE, Where.DM),
        (Where.GROUP, Where.ANYWHERE),
    ],
)
def test_two_handlers_for_the_same_place_are_refused(first: Where, second: Where) -> None:
    one, two = Router("one"), Router("two")
    answering(one, first, "a")
    answering(two, second, "b")
    with pytest.raises(ValueError, match="declared twice"):
        Dispatcher([one, two], bot_names=("carebot",))


def test_a_group_and_a_private_handler_live_side_by_side() -> None:
    one, two = Router("one"), Router("two")
    answering(one, Where.GROUP, "a")
    answering(two, Where.DM, "b")
    dispatcher = Dispatcher([one, two], bot_names=("carebot",))
    assert [spec.where for spec in dispatcher.commands["ping"]] == [Where.GROUP, Where.DM]
