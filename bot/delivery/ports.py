"""What the delivery worker needs from an adapter, and the errors adapters translate into.

The worker never sees a platform library: each adapter implements `Sender` and turns
its platform's failures into `TransientSendError` (try again later, perhaps after the
platform's own retry-after) or `PermanentSendError` (the bot was removed from the
group, the user blocked the bot). Reasons are short words, never message text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from bot.events import ChatRef, Outgoing


@dataclass(frozen=True, slots=True)
class SentMessage:
    """What the platform said about a message it accepted."""

    message_id: str


class Sender(Protocol):
    """Sends for one platform. May also offer `private_chat_link` (see `PrivateChatLinks`)."""

    async def send(self, outgoing: Outgoing) -> SentMessage:
        """Send one message; raise TransientSendError or PermanentSendError on failure."""
        ...

    async def delete(self, chat: ChatRef, message_id: str) -> None:
        """Delete a message carebot sent (where the platform allows it)."""
        ...


@runtime_checkable
class PrivateChatLinks(Protocol):
    """The optional part of a Sender: a link that opens a private chat with carebot."""

    def private_chat_link(self, payload: str) -> str | None:
        """A link opening the private chat, carrying `payload`; None when there is none."""
        ...


def private_chat_link(sender: Sender | None, payload: str) -> str | None:
    """The sender's private-chat link, or None for a sender that offers none."""
    if isinstance(sender, PrivateChatLinks):
        return sender.private_chat_link(payload)
    return None


class SendError(Exception):
    """A send that did not happen, with a reason that is safe to store and log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TransientSendError(SendError):
    """Worth trying again: a timeout, a 5xx, or a rate limit with the platform's retry-after."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        if retry_after is not None and retry_after < 0:
            raise ValueError("retry_after cannot be negative")
        self.retry_after = retry_after


class PermanentSendError(SendError):
    """Never worth trying again for this chat: removed from the group, blocked, chat gone."""


class DirectMessageRefused(PermanentSendError):
    """A private message the platform will not deliver until the person opens the chat."""


class ChatUnavailable(PermanentSendError):
    """carebot can no longer post in this chat at all (removed from the group, chat gone)."""


class ChatMoved(PermanentSendError):
    """The group lives on under a new id (a Telegram group upgraded to a supergroup)."""

    def __init__(self, new_chat_id: str) -> None:
        super().__init__("chat_migrated")
        self.new_chat_id = new_chat_id


@dataclass(frozen=True, slots=True)
class RateLimits:
    """A platform's published limits; the worker stays inside all three at once.

    Each is a sliding window: at most N sends in any window of that length. The
    defaults are generous, for a platform that publishes no limits (the console).
    """

    global_per_second: int = 100
    per_chat_per_second: int = 10
    per_group_per_minute: int = 600

    def __post_init__(self) -> None:
        for name in ("global_per_second", "per_chat_per_second", "per_group_per_minute"):
            if getattr(self, name) < 1:
                raise ValueError(f"RateLimits.{name} must be at least 1")


TELEGRAM_LIMITS = RateLimits(global_per_second=30, per_chat_per_second=1, per_group_per_minute=20)
"""Telegram's Bot API guidance: ~30 messages/s overall, 1/s per chat, 20/min per group."""
