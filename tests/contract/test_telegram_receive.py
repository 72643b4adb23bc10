"""Telegram specifics of receiving: polling, the webhook's secret, menus, capabilities."""

from __future__ import annotations

from collections.abc import Callable

import aiohttp
import pytest

from adapters.telegram.webhook import SECRET_HEADER
from bot.events import ChatKind, ChatRef
from tests.contract.conftest import World
from tests.contract.drivers import Driver, TelegramDriver
from tests.contract.payloads import load

GROUP = ChatRef("telegram", "-1001876543210", ChatKind.GROUP)


@pytest.fixture
def make_driver() -> Callable[[], Driver]:
    return TelegramDriver


def telegram(world: World) -> TelegramDriver:
    assert isinstance(world.driver, TelegramDriver)
    return world.driver


async def test_polling_serves_recorded_updates_then_nothing(world: World) -> None:
    api = telegram(world).api
    first = await api.push(load("telegram", "group_command_botname"))
    second = await api.push(load("telegram", "private_start_deeplink"))
    sent = {s.chat_id: s for s in await world.driver.sent(2)}  # two chats: either order
    assert sorted(sent) == ["-1001876543210", "5123456701"]
    assert "Here's what I can do" in sent["-1001876543210"].text

    def offsets() -> list[int]:
        return [int(c.params.get("offset") or 0) for c in api.called("getUpdates")]

    # carebot confirms both by asking for what comes after them, so they are not served again
    await api.wait_until(lambda: second + 1 in offsets(), "a poll after the second update")
    assert first < second and max(offsets()) == second + 1
    assert api.called("deleteWebhook")  # polling clears any webhook first


async def test_polling_asks_only_for_what_carebot_uses(world: World) -> None:
    api = telegram(world).api
    poll = (await api.wait_for("getUpdates", 1))[0]
    assert sorted(poll.params["allowed_updates"]) == sorted(
        ["message", "edited_message", "callback_query", "my_chat_member"]
    )


async def test_command_menus_for_everyone_and_for_admins(world: World) -> None:
    api = telegram(world).api
    menus = await api.wait_for("setMyCommands", 2)
    by_scope = {c.params["scope"]["type"]: c.params["commands"] for c in menus}
    everyone = {c["command"] for c in by_scope["default"]}
    admins = {c["command"] for c in by_scope["all_chat_administrators"]}
    assert {"start", "privacy", "rules"} <= everyone
    assert everyone < admins and {"register", "invite"} <= admins
    assert all(c["description"] for c in by_scope["default"])


async def test_button_press_is_answered(world: World) -> None:
    api = telegram(world).api
    await api.push(load("telegram", "callback_query"))
    answered = await api.wait_for("answerCallbackQuery", 1)
    assert answered[0].params["callback_query_id"] == "4382712345678901234"


async def test_delete_only_where_carebot_is_an_admin_that_may_delete(world: World) -> None:
    api = telegram(world).api
    adapter = world.runner.adapters["telegram"]
    api.members[GROUP.id] = {"status": "member", "user": api.me}
    await api.push(load("telegram", "group_message"))
    await api.wait_for("getChatMember", 1)
    await api.push(load("telegram", "private_start_deeplink"))  # a barrier
    await world.driver.sent(1)
    assert not adapter.capabilities(GROUP).delete_messages

    await api.push(load("telegram", "my_chat_member_promoted"))
    await api.push(load("telegram", "group_command_botname"))
    await world.driver.sent(2)
    assert adapter.capabilities(GROUP).delete_messages
    assert len(api.called("getChatMember")) == 1  # remembered, then kept fresh by updates
    assert adapter.capabilities(ChatRef("telegram", "5", ChatKind.DM)).delete_messages


async def test_added_to_a_group_carebot_says_hello_there(world: World) -> None:
    api = telegram(world).api
    await api.push(load("telegram", "my_chat_member_added"))
    (hello,) = await world.driver.sent(1)
    assert hello.chat_id == "-4012345678"
    assert "I'm carebot" in hello.text and "/register support group" in hello.text


class TestWebhook:
    @pytest.fixture
    def make_driver(self) -> Callable[[], Driver]:
        return lambda: TelegramDriver(webhook=True)

    async def test_registers_the_webhook_with_its_secret(self, world: World) -> None:
        api = telegram(world).api
        (hook,) = api.called("setWebhook")
        assert hook.params["url"] == "https://carebot.example.org/telegram/hook"
        assert hook.params["secret_token"] == telegram(world).secret
        assert not api.called("getUpdates")

    @pytest.mark.parametrize("secret", [None, "", "forged-secret-0123456789"])
    async def test_refuses_a_forged_or_missing_secret(
        self, world: World, secret: str | None
    ) -> None:
        driver = telegram(world)
        webhook = world.runner.adapters["telegram"].webhook  # type: ignore[attr-defined]
        url = f"http://127.0.0.1:{webhook.port}/telegram/hook"
        forged = load("telegram", "private_start_deeplink")
        forged["message"]["text"] = "/privacy"
        headers = {} if secret is None else {SECRET_HEADER: secret}
        async with aiohttp.ClientSession() as session:
            async with session.post(url, json=forged, headers=headers) as answer:
                assert answer.status == 403
            good = load("telegram", "private_start_deeplink")
            good["message"]["text"] = "/start"
            headers = {SECRET_HEADER: driver.secret}
            async with session.post(url, json=good, headers=headers) as answer:
                assert answer.status == 200
        (welcome,) = await driver.sent(1)
        assert "I help foster and kinship carers" in welcome.text
        # Updates are handled in order, so the forged one would have been answered first.
        assert not any("privacy" in s.text.lower() for s in await driver.sent(1))

    async def test_refuses_nonsense(self, world: World) -> None:
        webhook = world.runner.adapters["telegram"].webhook  # type: ignore[attr-defined]
        url = f"http://127.0.0.1:{webhook.port}/telegram/hook"
        headers = {SECRET_HEADER: telegram(world).secret}
        async with aiohttp.ClientSession() as session:
            async with session.post(url, data=b"not json", headers=headers) as answer:
                assert answer.status == 400
            async with session.get(url, headers=headers) as answer:
                assert answer.status == 405
