"""Telegram specifics of sending: HTML on the wire, 429s, 5xx, errors, links, deletes.

Rate limits and retries run on a fake clock with `worker.run_once`, so a 429's
retry_after is checked to the second without any real waiting.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import timedelta

import pytest
from telegram import Bot
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from adapters.telegram.sender import TelegramSender, send_error
from bot.clock import FakeClock
from bot.delivery import TELEGRAM_LIMITS, DeliveryWorker, Outbox
from bot.delivery.ports import (
    ChatMoved,
    ChatUnavailable,
    DirectMessageRefused,
    PermanentSendError,
    TransientSendError,
)
from bot.events import Button, ChatKind, ChatRef, Outgoing
from bot.roles import Role
from config.settings import DeliverySettings
from storage.database import Database
from tests.contract.conftest import World
from tests.contract.drivers import Driver, TelegramDriver
from tests.contract.fake_telegram import TOKEN, FakeBotApi

GROUP = ChatRef("telegram", "-1001876543210", ChatKind.GROUP, title="Tuesday Carers")
TOPIC = ChatRef("telegram", "-1001999888777", ChatKind.GROUP, thread_id="2201")
DM = ChatRef("telegram", "5123456701", ChatKind.DM)

# python-telegram-bot warns about its own RetryAfter internals; nothing for carebot to do.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    fake = FakeBotApi()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def sender(api: FakeBotApi) -> AsyncIterator[TelegramSender]:
    bot = Bot(TOKEN, base_url=f"{api.url}/bot")
    await bot.initialize()
    yield TelegramSender(bot)
    await bot.shutdown()


async def queue(database: Database, clock: FakeClock, text: str, chat: ChatRef) -> None:
    async with database.transaction() as db:
        await Outbox(clock).enqueue(db, kind="reply", text=text, chats=[chat])


def worker_for(database: Database, clock: FakeClock, sender: TelegramSender) -> DeliveryWorker:
    return DeliveryWorker(
        database,
        {"telegram": sender},
        {"telegram": TELEGRAM_LIMITS},
        clock,
        DeliverySettings(),
        rng=lambda: 0.5,
    )


async def test_429_retry_after_is_honoured(
    database: Database, clock: FakeClock, api: FakeBotApi, sender: TelegramSender
) -> None:
    await queue(database, clock, "Coffee on *Friday* <3", GROUP)
    api.fail("sendMessage", 429, "Too Many Requests: retry after 7", retry_after=7)
    worker = worker_for(database, clock, sender)
    start = clock.now()
    assert await worker.run_once() == start + timedelta(seconds=7)
    clock.advance(timedelta(seconds=6.9))
    await worker.run_once()
    assert len(api.called("sendMessage", ok=None)) == 1
    clock.advance(timedelta(seconds=0.1))
    await worker.run_once()
    (sent,) = api.called("sendMessage")
    assert sent.params["text"] == "Coffee on <b>Friday</b> &lt;3"
    assert sent.params["parse_mode"] == "HTML"


async def test_server_errors_are_retried_with_backoff(
    database: Database, clock: FakeClock, api: FakeBotApi, sender: TelegramSender
) -> None:
    await queue(database, clock, "Hello", DM)
    api.fail("sendMessage", 502, "Bad Gateway")
    api.fail("sendMessage", 500, "Internal Server Error")
    worker = worker_for(database, clock, sender)
    for _ in range(2):
        next_at = await worker.run_once()
        assert next_at is not None and next_at > clock.now()
        clock.set(next_at)
    await worker.run_once()
    assert len(api.called("sendMessage")) == 1
    assert len(api.called("sendMessage", ok=False)) == 2


async def test_topic_reply_buttons_and_no_previews(api: FakeBotApi, sender: TelegramSender) -> None:
    outgoing = Outgoing(
        TOPIC, "*Rules* for [us](https://example.org)", (Button("I agree", "rules:1"),), "2210"
    )
    await sender.send(outgoing)
    (call,) = api.called("sendMessage")
    params = call.params
    assert params["chat_id"] == TOPIC.id and params["message_thread_id"] == "2201"
    assert params["text"] == '<b>Rules</b> for <a href="https://example.org">us</a>'
    assert params["reply_parameters"] == {"message_id": 2210, "allow_sending_without_reply": True}
    assert params["reply_markup"] == {
        "inline_keyboard": [[{"text": "I agree", "callback_data": "rules:1"}]]
    }
    assert params["link_preview_options"] == {"is_disabled": True}


async def test_long_text_goes_in_pieces_with_buttons_on_the_last(
    api: FakeBotApi, sender: TelegramSender
) -> None:
    text = "\n\n".join(["A long paragraph & more. " * 60] * 3)
    sent = await sender.send(Outgoing(GROUP, text, (Button("OK", "ok:"),)))
    calls = api.called("sendMessage")
    assert len(calls) == 2
    assert "reply_markup" not in calls[0].params and "reply_markup" in calls[1].params
    assert sent.message_id == str(calls[1].result["message_id"])


async def test_delete_and_private_chat_link(api: FakeBotApi, sender: TelegramSender) -> None:
    await sender.delete(GROUP, "1042")
    assert api.called("deleteMessage")[0].params == {"chat_id": GROUP.id, "message_id": "1042"}
    api.fail("deleteMessage", 400, "Bad Request: message to delete not found")
    await sender.delete(GROUP, "1042")  # already gone is fine
    api.fail("deleteMessage", 400, "Bad Request: message can't be deleted")
    with pytest.raises(PermanentSendError):
        await sender.delete(GROUP, "1042")
    assert sender.private_chat_link("note") == "https://t.me/carebot?start=note"
    with pytest.raises(ValueError):
        sender.private_chat_link("not allowed!")


@pytest.mark.parametrize(
    ("error", "chat", "kind", "reason"),
    [
        (RetryAfter(12), GROUP, TransientSendError, "rate_limited"),
        (TimedOut(), GROUP, TransientSendError, "timed_out"),
        (NetworkError("Bad Gateway"), GROUP, TransientSendError, "network"),
        (InvalidToken(), GROUP, TransientSendError, "invalid_token"),
        (
            Forbidden("Forbidden: bot can't initiate conversation with a user"),
            DM,
            DirectMessageRefused,
            "dm_not_started",
        ),
        (
            Forbidden("Forbidden: bot was blocked by the user"),
            DM,
            PermanentSendError,
            "user_blocked",
        ),
        (Forbidden("Forbidden: user is deactivated"), DM, PermanentSendError, "user_deactivated"),
        (
            Forbidden("Forbidden: bot was kicked from the supergroup chat"),
            GROUP,
            ChatUnavailable,
            "bot_removed",
        ),
        (
            Forbidden("Forbidden: bot is not a member of the supergroup chat"),
            GROUP,
            ChatUnavailable,
            "bot_removed",
        ),
        (BadRequest("Bad Request: chat not found"), GROUP, ChatUnavailable, "chat_not_found"),
        (BadRequest("Bad Request: chat not found"), DM, PermanentSendError, "chat_not_found"),
        (
            BadRequest("Bad Request: message thread not found"),
            TOPIC,
            PermanentSendError,
            "topic_gone",
        ),
        (BadRequest("Bad Request: can't parse entities"), GROUP, PermanentSendError, "bad_markup"),
        (BadRequest("Bad Request: something new"), GROUP, PermanentSendError, "bad_request"),
        (ChatMigrated(-100555), GROUP, ChatMoved, "chat_migrated"),
        (TelegramError("odd"), GROUP, TransientSendError, "telegram_error"),
    ],
)
def test_error_translation(
    error: TelegramError, chat: ChatRef, kind: type[Exception], reason: str
) -> None:
    translated = send_error(error, chat)
    assert type(translated) is kind
    assert translated.reason == reason
    if isinstance(error, RetryAfter):
        assert isinstance(translated, TransientSendError) and translated.retry_after == 12
    if isinstance(error, ChatMigrated):
        assert isinstance(translated, ChatMoved) and translated.new_chat_id == "-100555"


class TestConversationHtml:
    @pytest.fixture
    def make_driver(self) -> Callable[[], Driver]:
        return TelegramDriver

    async def test_group_conversation_on_the_wire(self, world: World) -> None:
        driver = world.driver
        assert isinstance(driver, TelegramDriver)
        sam = await world.person("Sam Staff", Role.STAFF)
        group = driver.group("Tuesday Carers")
        await driver.say(sam, group, "/register coffee morning")
        (call,) = await driver.api.wait_for("sendMessage", 1)
        assert call.params["chat_id"] == group.id
        assert call.params["parse_mode"] == "HTML"
        assert call.params["text"].startswith(
            "Done! This chat is now a coffee morning of <b>Harbour Fostering</b>"
        )
        jo = driver.user("Jo <3 & Co")
        await driver.join(jo, group)
        calls = await driver.api.wait_for("sendMessage", 2)
        welcome = calls[1].params["text"]
        assert welcome.startswith("Welcome, Jo &lt;3 &amp; Co!")
        assert "<b>Our group agreement</b>\n• Be kind." in welcome
        assert calls[1].params["reply_markup"]["inline_keyboard"][0][0]["text"] == "I agree"
