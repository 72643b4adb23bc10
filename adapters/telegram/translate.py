"""Telegram updates to carebot's neutral events. Pure: no I/O, table-tested.

Text is passed through untouched (commands included, `/cmd@botname` too): command
parsing happens once, in the core. Photos and documents are flagged, never
downloaded; their caption is the text. Channels are not carebot's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from telegram import CallbackQuery, Chat, ChatMember, ChatMemberUpdated, MessageEntity, Update, User
from telegram import Message as TgMessage

from bot.events import (
    ButtonPressed,
    ChatChange,
    ChatChanged,
    ChatKind,
    ChatRef,
    Event,
    MemberJoined,
    MemberLeft,
    Message,
    UserRef,
)

PLATFORM = "telegram"
_KINDS = {Chat.PRIVATE: ChatKind.DM, Chat.GROUP: ChatKind.GROUP, Chat.SUPERGROUP: ChatKind.GROUP}


@dataclass(frozen=True, slots=True)
class BotIdentity:
    """Who carebot is on Telegram, from getMe: needed to spot mentions of it."""

    id: int
    username: str


def translate(update: Update, me: BotIdentity, now: datetime) -> list[Event]:
    """The events in one update (a join of three people is three events); often none.

    `now` stands in for platforms' missing timestamps (button presses carry none).
    """
    if update.callback_query is not None:
        press = _press(update.callback_query, now, update)
        return [press] if press is not None else []
    if update.message is not None:
        return _from_message(update.message, me, update, edited=False)
    if update.edited_message is not None:
        return _from_message(update.edited_message, me, update, edited=True)
    if update.my_chat_member is not None:
        change = _own_membership(update.my_chat_member, update)
        return [change] if change is not None else []
    return []


def chat_ref(chat: Chat, message: TgMessage | None = None) -> ChatRef | None:
    """The neutral chat, with the forum topic as its thread; None for channels."""
    kind = _KINDS.get(chat.type)
    if kind is None:
        return None
    thread = None
    if message is not None and message.is_topic_message and message.message_thread_id:
        thread = str(message.message_thread_id)
    return ChatRef(PLATFORM, str(chat.id), kind, thread, chat.title)


def user_ref(user: User) -> UserRef:
    return UserRef(PLATFORM, str(user.id), user.full_name, user.is_bot)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _from_message(message: TgMessage, me: BotIdentity, raw: Update, *, edited: bool) -> list[Event]:
    chat = chat_ref(message.chat, message)
    if chat is None:
        return []
    when = _utc(message.edit_date or message.date) if edited else _utc(message.date)
    if message.new_chat_members:
        return [
            MemberJoined(chat, user_ref(member), when, f"{message.message_id}:{member.id}", raw)
            for member in message.new_chat_members
        ]
    if message.left_chat_member is not None:
        member = message.left_chat_member
        return [MemberLeft(chat, user_ref(member), when, f"{message.message_id}:{member.id}", raw)]
    sender = message.from_user
    if message.migrate_to_chat_id is not None:
        if sender is None:
            return []
        new_id = str(message.migrate_to_chat_id)
        event_id = f"{message.message_id}:moved"
        moved = ChatChange.MOVED
        return [ChatChanged(chat, user_ref(sender), moved, when, new_id, event_id, raw)]
    text = message.text if message.text is not None else (message.caption or "")
    has_photo = bool(message.photo)
    has_document = message.document is not None
    if sender is None or not (text or has_photo or has_document):
        return []  # service messages, stickers, polls: nothing carebot acts on
    reply = _reply(message)
    return [
        Message(
            chat=chat,
            sender=user_ref(sender),
            text=text,
            message_id=str(message.message_id),
            sent_at=when,
            mentions_bot=_mentions(message, me),
            has_photo=has_photo,
            has_document=has_document,
            is_edit=edited,
            reply_to_message_id=str(reply.message_id) if reply else None,
            reply_to_sender=user_ref(reply.from_user) if reply and reply.from_user else None,
            raw=raw,
        )
    ]


_PRESENT = (ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER)


def _own_membership(changed: ChatMemberUpdated, raw: Update) -> ChatChanged | None:
    """carebot added to or removed from a group; None for a promotion or a restriction."""
    chat = chat_ref(changed.chat)
    if chat is None or chat.kind is not ChatKind.GROUP:
        return None  # a person blocking carebot privately shows up as a failed send instead
    was_in, is_in = _present(changed.old_chat_member), _present(changed.new_chat_member)
    if was_in == is_in:
        return None
    change = ChatChange.ADDED if is_in else ChatChange.REMOVED
    when = _utc(changed.date)
    event_id = f"{change}:{int(when.timestamp())}"
    return ChatChanged(chat, user_ref(changed.from_user), change, when, None, event_id, raw)


def _present(member: ChatMember) -> bool:
    if member.status in _PRESENT:
        return True
    return member.status == ChatMember.RESTRICTED and bool(getattr(member, "is_member", False))


def _reply(message: TgMessage) -> TgMessage | None:
    """The message replied to; in a forum topic, not the topic's own opening message."""
    reply = message.reply_to_message
    if reply is None or reply.forum_topic_created is not None:
        return None
    if message.is_topic_message and reply.message_id == message.message_thread_id:
        return None
    return reply


def _mentions(message: TgMessage, me: BotIdentity) -> bool:
    handle = f"@{me.username}".lower()
    if message.text is not None:
        found = message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION])
    else:
        found = message.parse_caption_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION])
    for entity, text in found.items():
        if entity.type == MessageEntity.MENTION and text.lower() == handle:
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == me.id:
            return True
    return False


def _press(query: CallbackQuery, now: datetime, raw: Update) -> ButtonPressed | None:
    message = query.message
    if message is None or query.data is None:
        return None  # a button under an inline-mode message, or a game: not carebot's
    tg_message = message if isinstance(message, TgMessage) else None
    chat = chat_ref(message.chat, tg_message)
    if chat is None:
        return None
    return ButtonPressed(
        chat=chat,
        sender=user_ref(query.from_user),
        data=query.data,
        message_id=str(message.message_id),
        sent_at=_utc(now),
        press_id=query.id,
        raw=raw,
    )
