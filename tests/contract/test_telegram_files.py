"""Telegram files: sendDocument on the wire, captions and their limit, 403 and 429, and
"Add to calendar" end to end (update in, outbox, worker, multipart upload out).

Rate limits and retries run on a fake clock with `worker.run_once`, as in
test_telegram_delivery.py, so a 429's retry_after is checked without real waiting.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import timedelta

import icalendar
import pytest
from sqlalchemy import select
from telegram import Bot

from adapters.telegram.sender import TelegramSender
from bot.clock import FakeClock
from bot.delivery import TELEGRAM_LIMITS, DeliveryWorker, Outbox
from bot.events import Attachment, Button, ChatKind, ChatRef, Outgoing
from bot.roles import Role
from config.settings import DeliverySettings
from storage.database import Database
from storage.models import Delivery
from tests.contract.conftest import World
from tests.contract.drivers import Driver, TelegramDriver
from tests.contract.fake_telegram import TOKEN, FakeBotApi, Upload

TOPIC = ChatRef("telegram", "-1001999888777", ChatKind.GROUP, thread_id="2201")
DM = ChatRef("telegram", "5123456701", ChatKind.DM)
CALENDAR = Attachment(
    "sunday-walk.ics", b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "text/calendar"
)
BINARY = Attachment("notes.bin", bytes(range(256)) * 8, "application/octet-stream")

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


def worker_for(database: Database, clock: FakeClock, sender: TelegramSender) -> DeliveryWorker:
    return DeliveryWorker(
        database,
        {"telegram": sender},
        {"telegram": TELEGRAM_LIMITS},
        clock,
        DeliverySettings(),
        rng=lambda: 0.5,
    )


async def queue_file(database: Database, clock: FakeClock, chat: ChatRef) -> None:
    async with database.transaction() as db:
        await Outbox(clock).enqueue(
            db, kind="reply", text="Your *notes* & more", chats=[chat], attachment=BINARY
        )


async def delivery_state(database: Database) -> tuple[str, str | None]:
    async with database.sessions() as db:
        row = (await db.execute(select(Delivery.status, Delivery.last_error))).one()
    return row.status, row.last_error


async def test_a_file_goes_as_a_document_with_its_caption_and_buttons(
    api: FakeBotApi, sender: TelegramSender
) -> None:
    outgoing = Outgoing(DM, "Here's *Sunday walk* <3", (Button("Thanks", "ok:1"),))
    sent = await sender.send(Outgoing(DM, outgoing.text, outgoing.buttons, attachment=CALENDAR))
    assert api.called("sendMessage") == []
    (call,) = api.called("sendDocument")
    params = call.params
    assert params["document"] == Upload("sunday-walk.ics", "text/calendar", CALENDAR.data)
    assert params["chat_id"] == DM.id
    assert params["caption"] == "Here's <b>Sunday walk</b> &lt;3"
    assert params["parse_mode"] == "HTML"
    assert params["reply_markup"] == {
        "inline_keyboard": [[{"text": "Thanks", "callback_data": "ok:1"}]]
    }
    assert sent.message_id == str(call.result["message_id"])
    assert call.result["document"]["file_name"] == "sunday-walk.ics"


async def test_a_file_in_a_topic_replies_there_and_bytes_arrive_intact(
    api: FakeBotApi, sender: TelegramSender
) -> None:
    await sender.send(Outgoing(TOPIC, "", reply_to="2210", attachment=BINARY))
    (call,) = api.called("sendDocument")
    assert call.params["document"] == Upload("notes.bin", "application/octet-stream", BINARY.data)
    assert call.params["message_thread_id"] == "2201"
    assert call.params["reply_parameters"] == {
        "message_id": 2210,
        "allow_sending_without_reply": True,
    }
    assert "caption" not in call.params and "parse_mode" not in call.params


async def test_text_too_long_for_a_caption_goes_first_then_the_file(
    api: FakeBotApi, sender: TelegramSender
) -> None:
    text = "All the details you asked for. " * 40  # about 1,200 characters: over 1,024
    await sender.send(Outgoing(DM, text, (Button("OK", "ok:"),), "77", attachment=CALENDAR))
    message, document = api.calls[-2:]
    assert (message.method, document.method) == ("sendMessage", "sendDocument")
    assert message.params["text"] == text
    assert "reply_markup" not in message.params  # the buttons sit on the last thing sent
    assert message.params["reply_parameters"]["message_id"] == 77
    assert "caption" not in document.params and "reply_parameters" not in document.params
    assert document.params["reply_markup"]["inline_keyboard"][0][0]["text"] == "OK"
    assert document.params["document"].data == CALENDAR.data


async def test_a_file_to_someone_who_blocked_carebot_fails_for_good(
    database: Database, clock: FakeClock, api: FakeBotApi, sender: TelegramSender
) -> None:
    await queue_file(database, clock, DM)
    api.fail("sendDocument", 403, "Forbidden: bot was blocked by the user")
    worker = worker_for(database, clock, sender)
    assert await worker.run_once() is None  # nothing left to try
    assert await delivery_state(database) == ("failed", "user_blocked")
    assert len(api.called("sendDocument", ok=False)) == 1
    assert api.called("sendDocument") == []


async def test_a_file_rate_limited_waits_exactly_retry_after_then_goes_whole(
    database: Database, clock: FakeClock, api: FakeBotApi, sender: TelegramSender
) -> None:
    await queue_file(database, clock, DM)
    api.fail("sendDocument", 429, "Too Many Requests: retry after 9", retry_after=9)
    worker = worker_for(database, clock, sender)
    start = clock.now()
    assert await worker.run_once() == start + timedelta(seconds=9)
    assert await delivery_state(database) == ("pending", "rate_limited")
    clock.advance(timedelta(seconds=8.9))
    await worker.run_once()
    assert len(api.called("sendDocument", ok=None)) == 1
    clock.advance(timedelta(seconds=0.1))
    await worker.run_once()
    (sent,) = api.called("sendDocument")
    assert sent.params["document"] == Upload("notes.bin", "application/octet-stream", BINARY.data)
    assert sent.params["caption"] == "Your <b>notes</b> &amp; more"
    assert await delivery_state(database) == ("sent", "rate_limited")


class TestAddToCalendarEndToEnd:
    @pytest.fixture
    def make_driver(self) -> Callable[[], Driver]:
        return TelegramDriver

    async def test_the_calendar_file_arrives_privately(self, world: World) -> None:
        driver = world.driver
        assert isinstance(driver, TelegramDriver)
        fran = await world.person("Fran", Role.FACILITATOR)
        amira = await world.person("Amira")
        group = await world.group("Walkers")
        await driver.say(fran, group, "/event Sunday walk every Sunday at 10:30 from 22 March")
        (preview,) = await driver.sent(1)
        await driver.press(fran, preview, "Save")
        await driver.sent(2)
        await driver.say(amira, group, "/events")
        listing = (await driver.sent(3))[2]
        await driver.press(amira, listing, "📅 Sunday walk")
        (call,) = await driver.api.wait_for("sendDocument", 1)
        assert call.params["chat_id"] == driver.dm(amira).id
        upload = call.params["document"]
        assert isinstance(upload, Upload)
        assert (upload.filename, upload.content_type) == ("sunday-walk.ics", "text/calendar")
        [event] = icalendar.Calendar.from_ical(upload.data).walk("VEVENT")
        assert str(event["SUMMARY"]) == "Sunday walk"
        assert call.params["caption"].startswith("Here's <b>Sunday walk</b> for your calendar.")
        assert len(driver.api.called("sendMessage")) == 3  # nothing else went to the group
