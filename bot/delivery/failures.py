"""What the delivery worker tells the core when a send fails for good.

The worker only reports; a core handler (bot.undelivered) decides what
follows, such as a neutral line in the group or telling staff a group is gone.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.delivery.ports import PermanentSendError
from bot.events import ChatKind, ChatRef


@dataclass(frozen=True, slots=True)
class DeliveryFailure:
    """One delivery that will never be sent, and why (the error's reason is a short word)."""

    delivery_id: int
    item_id: int
    kind: str
    chat: ChatRef
    fallback: ChatRef | None
    error: PermanentSendError


FailureListener = Callable[[DeliveryFailure], Awaitable[None]]


def fallback_chat(platform: str, chat_id: str | None, thread_id: str | None) -> ChatRef | None:
    """The stored fallback group of a delivery, if it has one."""
    if not chat_id:
        return None
    return ChatRef(platform, chat_id, ChatKind.GROUP, thread_id or None)
