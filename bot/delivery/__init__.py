"""Durable, rate-limited, exactly-once-per-chat delivery of what carebot queues to say."""

from __future__ import annotations

from bot.delivery.outbox import DeliveryReport, Outbox, delivery_report, purge_outbox
from bot.delivery.ports import (
    TELEGRAM_LIMITS,
    ChatUnavailable,
    DirectMessageRefused,
    PermanentSendError,
    RateLimits,
    Sender,
    SendError,
    SentMessage,
    TransientSendError,
)
from bot.delivery.worker import DeliveryWorker

__all__ = [
    "TELEGRAM_LIMITS",
    "ChatUnavailable",
    "DeliveryReport",
    "DeliveryWorker",
    "DirectMessageRefused",
    "Outbox",
    "PermanentSendError",
    "RateLimits",
    "SendError",
    "Sender",
    "SentMessage",
    "TransientSendError",
    "delivery_report",
    "purge_outbox",
]
