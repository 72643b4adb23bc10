"""Sending for the delivery worker: Telegram HTML, topics, keyboards, files, and honest errors.

Telegram's failures become the worker's two kinds: try again (a 429 with its own
retry_after, network trouble, 5xx) or give up for this chat, with a short reason
word that is safe to store and log. A private message to someone who never opened
a chat with carebot is `DirectMessageRefused`, so the core can fall back to a
neutral line in the group; a group that removed carebot is `ChatUnavailable`.

A file goes with sendDocument, its text as the caption. A caption holds at most
1024 characters, so longer text goes first as message(s) of its own, then the file;
the buttons always sit on the last thing sent.
"""

from __future__ import annotations

import re
import warnings
from datetime import timedelta

from telegram import Bot, InputFile, LinkPreviewOptions, Message, ReplyParameters
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
    ChatMoved,
    ChatUnavailable,
    DirectMessageRefused,
    PermanentSendError,
    SendError,
    SentMessage,
    TransientSendError,
)
from bot.events import Attachment, ChatKind, ChatRef, Outgoing

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
MAX_CAPTION = 1024  # Telegram's limit on a file's caption, counted like a message
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
        return ChatMoved(str(exc.new_chat_id))
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


def _thread(chat: ChatRef) -> int | None:
    return int(chat.thread_id) if chat.thread_id else None


def _reply(outgoing: Outgoing) -> ReplyParameters | None:
    if outgoing.reply_to and outgoing.reply_to.isdigit():
        return ReplyParameters(int(outgoing.reply_to), allow_sending_without_reply=True)
    return None


class TelegramSender:
    """A `Sender` over python-telegram-bot's Bot, plus deep links to the private chat."""

    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def send(self, outgoing: Outgoing) -> SentMessage:
        if outgoing.attachment is not None:
            return await self._send_file(outgoing, outgoing.attachment)
        pieces = render(outgoing.text)
        if not pieces:
            raise PermanentSendError("empty_message")
        last = await self._send_text(outgoing, pieces, with_buttons=True)
        return SentMessage(message_id=str(last.message_id))

    async def _send_text(
        self, outgoing: Outgoing, pieces: list[str], with_buttons: bool
    ) -> Message:
        chat = outgoing.chat
        last: Message | None = None
        for index, piece in enumerate(pieces):
            final = index == len(pieces) - 1
            try:
                last = await self._bot.send_message(
                    chat_id=chat.id,
                    text=piece,
                    parse_mode=ParseMode.HTML,
                    message_thread_id=_thread(chat),
                    reply_parameters=_reply(outgoing) if index == 0 else None,
                    reply_markup=keyboard(outgoing.buttons) if final and with_buttons else None,
                    link_preview_options=NO_PREVIEW,
                )
            except TelegramError as exc:
                raise send_error(exc, chat) from exc
        assert last is not None
        return last

    async def _send_file(self, outgoing: Outgoing, attachment: Attachment) -> SentMessage:
        captions = render(outgoing.text, MAX_CAPTION)
        reply = _reply(outgoing)
        if len(captions) > 1:  # too long for a caption: say it first, then send the file
            await self._send_text(outgoing, render(outgoing.text), with_buttons=False)
            captions, reply = [], None
        document = InputFile(attachment.data, filename=attachment.filename)
        document.mimetype = attachment.mime_type
        try:
            sent = await self._bot.send_document(
                chat_id=outgoing.chat.id,
                document=document,
                caption=captions[0] if captions else None,
                parse_mode=ParseMode.HTML if captions else None,
                message_thread_id=_thread(outgoing.chat),
                reply_parameters=reply,
                reply_markup=keyboard(outgoing.buttons),
            )
        except TelegramError as exc:
            raise send_error(exc, outgoing.chat) from exc
        return SentMessage(message_id=str(sent.message_id))

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
