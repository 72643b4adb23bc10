"""The neutral event model every platform is translated into and out of.

Features only ever see these types, so a feature written once works on every
platform. All ids are strings and all times are timezone-aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class ChatKind(StrEnum):
    DM = "dm"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class ChatRef:
    platform: str
    id: str
    kind: ChatKind
    thread_id: str | None = None
    title: str | None = None

    @property
    def key(self) -> str:
        """A stable key for per-chat bookkeeping (dedupe, rate limits, pending choices)."""
        return f"{self.platform}:{self.id}:{self.thread_id or ''}"


@dataclass(frozen=True, slots=True)
class UserRef:
    platform: str
    id: str
    display_name: str
    is_bot: bool = False


@dataclass(frozen=True, slots=True)
class Message:
    chat: ChatRef
    sender: UserRef
    text: str
    message_id: str
    sent_at: datetime
    mentions_bot: bool = False
    has_photo: bool = False
    has_document: bool = False
    is_edit: bool = False
    reply_to_message_id: str | None = None
    reply_to_sender: UserRef | None = None
    raw: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class ButtonPressed:
    chat: ChatRef
    sender: UserRef
    data: str
    message_id: str
    sent_at: datetime
    press_id: str = ""
    raw: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class MemberJoined:
    chat: ChatRef
    member: UserRef
    sent_at: datetime
    event_id: str = ""
    raw: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class MemberLeft:
    chat: ChatRef
    member: UserRef
    sent_at: datetime
    event_id: str = ""
    raw: Any = field(default=None, compare=False, repr=False)


class ChatChange(StrEnum):
    """What happened to carebot's place in a group."""

    ADDED = "added"  # carebot was added to the group, or added back
    REMOVED = "removed"  # carebot was removed from the group, or the group is gone
    MOVED = "moved"  # the group lives on under `new_id` (Telegram: became a supergroup)


@dataclass(frozen=True, slots=True)
class ChatChanged:
    """carebot's own membership of a group changed; `sender` is who changed it."""

    chat: ChatRef
    sender: UserRef
    change: ChatChange
    sent_at: datetime
    new_id: str | None = None
    event_id: str = ""
    raw: Any = field(default=None, compare=False, repr=False)


Event = Message | ButtonPressed | MemberJoined | MemberLeft | ChatChanged


@dataclass(frozen=True, slots=True)
class Button:
    """A choice offered under a message; `data` comes back in ButtonPressed."""

    label: str
    data: str


@dataclass(frozen=True, slots=True)
class Attachment:
    """A small file carebot sends (a calendar entry, a report); held whole in memory."""

    filename: str
    data: bytes
    mime_type: str = "application/octet-stream"


@dataclass(frozen=True, slots=True)
class Outgoing:
    """Something carebot says. Text uses carebot's small markup (see bot.markup).

    `fallback` is a group chat for a private message that the platform refuses
    (the person never opened a private chat with carebot): a short neutral line
    goes there instead, with a link to the private chat, never the message itself.
    """

    chat: ChatRef
    text: str
    buttons: tuple[Button, ...] = ()
    reply_to: str | None = None
    fallback: ChatRef | None = None
    attachment: Attachment | None = None


@dataclass(frozen=True, slots=True)
class DeleteMessage:
    chat: ChatRef
    message_id: str


Action = Outgoing | DeleteMessage


def event_sender(event: Event) -> UserRef:
    """The person an event is from (the member for joins and leaves)."""
    if isinstance(event, MemberJoined | MemberLeft):
        return event.member
    return event.sender


def event_id(event: Event) -> str:
    """An id unique per chat, used to drop duplicates a platform redelivers."""
    if isinstance(event, Message):
        suffix = f"edit:{event.sent_at.isoformat()}" if event.is_edit else ""
        return f"msg:{event.message_id}:{suffix}"
    if isinstance(event, ButtonPressed):
        return f"press:{event.press_id or event.message_id + ':' + event.data}"
    if isinstance(event, ChatChanged):
        return f"chat-{event.change}:{event.event_id or event.sent_at.isoformat()}"
    kind = "join" if isinstance(event, MemberJoined) else "leave"
    return f"{kind}:{event.event_id or event.member.id + ':' + event.sent_at.isoformat()}"
