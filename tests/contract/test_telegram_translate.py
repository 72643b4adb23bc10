"""Table tests: recorded Telegram updates to carebot events (translate.py is pure)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from telegram import Bot, Update

from adapters.telegram.translate import BotIdentity, translate
from bot.events import (
    ButtonPressed,
    ChatChange,
    ChatChanged,
    ChatKind,
    MemberJoined,
    MemberLeft,
    Message,
)
from tests.contract.fake_telegram import TOKEN
from tests.contract.payloads import load

ME = BotIdentity(123456789, "carebot")
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
GROUP = "-1001876543210"


def events(name: str) -> list[Any]:
    update = Update.de_json(load("telegram", name), Bot(TOKEN))
    return translate(update, ME, NOW)


def only(name: str) -> Any:
    found = events(name)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("payload", "chat_id", "kind", "thread", "text"),
    [
        ("group_message", GROUP, ChatKind.GROUP, None, "Morning all, anyone going to the"),
        ("legacy_group_message", "-4012345678", ChatKind.GROUP, None, "See you Thursday <3 &"),
        ("group_command_botname", GROUP, ChatKind.GROUP, None, "/help@carebot"),
        ("private_start_deeplink", "5123456701", ChatKind.DM, None, "/start ABCDE-23456"),
        ("forum_topic_message", "-1001999888777", ChatKind.GROUP, "2201", "Has anyone used"),
        ("photo_with_caption", GROUP, ChatKind.GROUP, None, "Our day at the beach"),
    ],
)
def test_messages_keep_chat_thread_and_text(
    payload: str, chat_id: str, kind: ChatKind, thread: str | None, text: str
) -> None:
    message = only(payload)
    assert isinstance(message, Message)
    assert (message.chat.platform, message.chat.id, message.chat.kind) == (
        "telegram",
        chat_id,
        kind,
    )
    assert message.chat.thread_id == thread
    assert message.text.startswith(text)
    assert message.sent_at.tzinfo is not None and message.sent_at.utcoffset().total_seconds() == 0
    assert not message.is_edit


def test_sender_and_time_are_neutral() -> None:
    message = only("group_message")
    assert message.sender.id == "5123456701"
    assert message.sender.display_name == "Amira Hassan"
    assert not message.sender.is_bot
    assert message.message_id == "1042"
    assert message.sent_at == datetime.fromtimestamp(1764000000, UTC)
    assert message.chat.title == "Tuesday Carers"


def test_topic_opening_message_is_not_a_reply() -> None:
    message = only("forum_topic_message")
    assert message.reply_to_message_id is None and message.reply_to_sender is None


def test_reply_and_mention() -> None:
    message = only("reply_with_mention")
    assert message.reply_to_message_id == "1042"
    assert message.reply_to_sender is not None and message.reply_to_sender.id == "5123456701"
    assert message.mentions_bot
    assert not only("group_message").mentions_bot


def test_photo_and_document_are_flagged_not_downloaded() -> None:
    photo = only("photo_with_caption")
    assert photo.has_photo and not photo.has_document
    document = only("document")
    assert document.has_document and not document.has_photo and document.text == ""


def test_edit_is_passed_on_as_an_edit() -> None:
    edit = only("edited_message")
    assert isinstance(edit, Message) and edit.is_edit
    assert edit.message_id == "1042"
    assert edit.sent_at == datetime.fromtimestamp(1764000500, UTC)
    assert edit.text.endswith("on Friday?")


def test_button_press() -> None:
    press = only("callback_query")
    assert isinstance(press, ButtonPressed)
    assert press.data == "rules:1"
    assert press.press_id == "4382712345678901234"
    assert press.message_id == "5003"
    assert press.chat.id == GROUP and press.sender.id == "5123456701"
    assert press.sent_at == NOW


def test_members_joining_and_leaving() -> None:
    joined = only("new_chat_members")
    assert isinstance(joined, MemberJoined)
    assert joined.member.id == "5123456704" and joined.event_id == "1060:5123456704"
    left = only("left_chat_member")
    assert isinstance(left, MemberLeft) and left.member.display_name == "Dev"


@pytest.mark.parametrize(
    ("payload", "chat_id", "change", "new_id"),
    [
        ("my_chat_member_added", "-4012345678", ChatChange.ADDED, None),
        ("my_chat_member_removed", GROUP, ChatChange.REMOVED, None),
        ("migrate_to_supergroup", "-4012345678", ChatChange.MOVED, "-1002233445566"),
    ],
)
def test_carebots_own_place_in_a_group(
    payload: str, chat_id: str, change: ChatChange, new_id: str | None
) -> None:
    event = only(payload)
    assert isinstance(event, ChatChanged)
    assert (event.chat.id, event.chat.kind, event.change, event.new_id) == (
        chat_id,
        ChatKind.GROUP,
        change,
        new_id,
    )
    assert event.sender.id == "5123456799" and not event.sender.is_bot
    assert event.event_id and event.sent_at.tzinfo is not None


@pytest.mark.parametrize("payload", ["channel_post", "sticker", "my_chat_member_promoted"])
def test_nothing_for_carebot(payload: str) -> None:
    assert events(payload) == []
