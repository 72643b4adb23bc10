"""The delivery worker's reads, kept apart so the worker reads as policy, not SQL.

Every function takes a session and only reads; all state changes stay in the
worker, each in its own short transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.events import Attachment, Button
from storage.models import Delivery, OutboxItem


@dataclass(frozen=True, slots=True)
class Due:
    """A pending delivery whose time has come."""

    id: int
    item_id: int
    platform: str
    chat_id: str
    chat_kind: str
    thread_id: str
    attempts: int
    fallback_chat_id: str | None = None
    fallback_thread_id: str | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """What an outbox item says."""

    kind: str
    text: str
    buttons: tuple[Button, ...]
    attachment: Attachment | None = None


async def due_deliveries(
    session: AsyncSession, now: datetime, limit: int
) -> tuple[list[Due], list[int]]:
    """Pending deliveries due by `now`, oldest first, and the ids of those that expired."""
    stmt = (
        select(
            Delivery.id,
            Delivery.item_id,
            Delivery.platform,
            Delivery.chat_id,
            Delivery.chat_kind,
            Delivery.thread_id,
            Delivery.attempts,
            OutboxItem.expires_at,
            Delivery.fallback_chat_id,
            Delivery.fallback_thread_id,
        )
        .join(OutboxItem, OutboxItem.id == Delivery.item_id)
        .where(Delivery.status == "pending", Delivery.next_attempt_at <= now)
        .order_by(Delivery.next_attempt_at, Delivery.id)
        .limit(limit)
    )
    due: list[Due] = []
    expired: list[int] = []
    for row in (await session.execute(stmt)).all():
        if row.expires_at is not None and row.expires_at <= now:
            expired.append(row.id)
        else:
            due.append(
                Due(
                    row.id,
                    row.item_id,
                    row.platform,
                    row.chat_id,
                    row.chat_kind,
                    row.thread_id,
                    row.attempts,
                    row.fallback_chat_id,
                    row.fallback_thread_id,
                )
            )
    return due, expired


async def stale_claims(session: AsyncSession, now: datetime) -> list[tuple[int, int, str]]:
    """(delivery id, attempts, item kind) of claims whose lease ran out: a worker died."""
    stmt = (
        select(Delivery.id, Delivery.attempts, OutboxItem.kind)
        .join(OutboxItem, OutboxItem.id == Delivery.item_id)
        .where(Delivery.status == "sending", Delivery.next_attempt_at <= now)
    )
    return [(row[0], row[1], row[2]) for row in (await session.execute(stmt)).all()]


async def load_items(session: AsyncSession, ids: set[int]) -> dict[int, Item]:
    stmt = select(
        OutboxItem.id,
        OutboxItem.kind,
        OutboxItem.text,
        OutboxItem.buttons,
        OutboxItem.attachment_name,
        OutboxItem.attachment_mime,
        OutboxItem.attachment_data,
    )
    rows = (await session.execute(stmt.where(OutboxItem.id.in_(ids)))).all()
    return {
        row.id: Item(
            row.kind,
            row.text,
            tuple(Button(b["label"], b["data"]) for b in row.buttons),
            _attachment(row.attachment_name, row.attachment_mime, row.attachment_data),
        )
        for row in rows
    }


def _attachment(name: str | None, mime: str | None, data: bytes | None) -> Attachment | None:
    if name is None or data is None:
        return None
    return Attachment(name, bytes(data), mime or "application/octet-stream")


async def next_wakeups(session: AsyncSession, now: datetime) -> list[datetime]:
    """The next retry (or not-before) time, and the next lease to run out, where there are any."""
    retry_at = await session.scalar(
        select(func.min(Delivery.next_attempt_at)).where(
            Delivery.status == "pending", Delivery.next_attempt_at > now
        )
    )
    lease_ends = await session.scalar(
        select(func.min(Delivery.next_attempt_at)).where(Delivery.status == "sending")
    )
    return [t for t in (retry_at, lease_ends) if t is not None]
