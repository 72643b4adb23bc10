"""Sending for the delivery worker: Telegram HTML, topics, keyboards, and honest errors.

Telegram's failures become the worker's two kinds: try again (a 429 with its own
retry_after, network trouble, 5xx) or give up for this chat, with a short reason
word that is safe to store and log. A private message to someone who never opened
a chat with carebot is `DirectMessageRefused`, so the core can fall back to a
neutral line in the group; a group that removed carebot is `ChatUnavailable`.
"""

from __future__ import annotations

import re
import warnings
from datetime import timedelta

from telegram import Bot, LinkPreviewOptions, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.warnings import PTBDeprecationWarning

from adapters.telegram.render import keyboard, render
from bot.delivery.ports import (
    ChatUnavailable,
    DirectMessageRefused,
    PermanentSendError,
    SendError,
    SentMessage,
    TransientSendError,
)
from bot.events import ChatKind, ChatRef, Outgoing

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
_PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")
_FORBIDDEN = (
    ("can't initiate conversation", DirectMessageRefused, "dm_not_started"),
    ("blocked by the user", PermanentSendError, "user_blocked"),
    ("user is deactivated", PermanentSendError, "user_deactivated"),
    ("was kicked", ChatUnavailable, "bot_removed"),
    ("not a member", ChatUnavailable, "bot_removed"),
)
_BAD_REQUEST = (
    ("chat not found", ChatUnavailable, "chat_not_found"),
    ("upgraded to a supergroup", PermanentSendError, "chat_migrated"),
    ("thread not found", PermanentSendError, "topic_gone"),
    ("topic_deleted", PermanentSendError, "topic_gone"),
    ("topic_closed", PermanentSendError, "topic_closed"),
    ("not enough rights", PermanentSendError, "no_rights"),
    ("can't parse entities", PermanentSendError, "bad_markup"),
)


def send_error(exc: TelegramError, chat: ChatRef) -> SendError:
    """The worker's view of a Telegram failure (order matters: BadRequest is a NetworkError)."""
    if isinstance(exc, RetryAfter):
        return TransientSendError("rate_limited", retry_after=_seconds(exc))
    if isinstance(exc, ChatMigrated):
        return PermanentSendError("chat_migrated")
    if isinstance(exc, Forbidden):
        return _match(exc, _FORBIDDEN, chat, "forbidden")
    if isinstance(exc, BadRequest):
        return _match(exc, _BAD_REQUEST, chat, "bad_request")
    if isinstance(exc, TimedOut):
        return TransientSendError("timed_out")
    if isinstance(exc, NetworkError):
        return TransientSendError("network")  # 5xx and connection trouble
    if isinstance(exc, InvalidToken):
        return TransientSendError("invalid_token")  # a settings problem; keep the messages
    if isinstance(exc, Conflict):
        return TransientSendError("conflict")
    return TransientSendError("telegram_error")


def _match(
    exc: TelegramError,
    table: tuple[tuple[str, type[PermanentSendError], str], ...],
    chat: ChatRef,
    otherwise: str,
) -> SendError:
    said = exc.message.lower()
    for words, kind, reason in table:
        if words in said:
            if kind is ChatUnavailable and chat.kind is ChatKind.DM:
                return PermanentSendError(reason)  # a private chat is not a group to retire
            return kind(reason)
    if isinstance(exc, Forbidden) and chat.kind is ChatKind.GROUP:
        return ChatUnavailable("bot_removed")
    return PermanentSendError(otherwise)


def _seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class TelegramSender:
    """A `Sender` over python-telegram-bot's Bot, plus deep links to the private chat."""

    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def send(self, outgoing: Outgoing) -> SentMessage:
        pieces = render(outgoing.text)
        if not pieces:
            raise PermanentSendError("empty_message")
        chat = outgoing.chat
        thread = int(chat.thread_id) if chat.thread_id else None
        reply = None
        if outgoing.reply_to and outgoing.reply_to.isdigit():
            reply = ReplyParameters(int(outgoing.reply_to), allow_sending_without_reply=True)
        last: Message | None = None
        for index, piece in enumerate(pieces):
            final = index == len(pieces) - 1
            try:
                last = await self._bot.send_message(
                    chat_id=chat.id,
                    text=piece,
                    parse_mode=ParseMode.HTML,
                    message_thread_id=thread,
                    reply_parameters=reply if index == 0 else None,
                    reply_markup=keyboard(outgoing.buttons) if final else None,
                    link_preview_options=NO_PREVIEW,
                )
            except TelegramError as exc:
                raise send_error(exc, chat) from exc
        assert last is not None
        return SentMessage(message_id=str(last.message_id))

    async def delete(self, chat: ChatRef, message_id: str) -> None:
        try:
            await self._bot.delete_message(chat_id=chat.id, message_id=int(message_id))
        except BadRequest as exc:
            if "not found" in exc.message.lower():
                return  # already gone: that is what we wanted
            raise PermanentSendError("cannot_delete") from exc
        except TelegramError as exc:
            raise send_error(exc, chat) from exc

    def private_chat_link(self, payload: str) -> str | None:
        """https://t.me/<bot>?start=<payload>: opens the private chat, ready to press Start."""
        if not _PAYLOAD.fullmatch(payload):
            raise ValueError("a start payload is 1-64 letters, digits, '_' or '-'")
        try:
            username = self._bot.username
        except RuntimeError:  # not initialised yet: we do not know our own name
            return None
        return f"https://t.me/{username}?start={payload}"
