"""The durable outbox: features queue messages here, inside their own unit of work.

Queuing writes one `OutboxItem` and one `Delivery` per chat in the caller's session,
so a broadcast commits (or rolls back) together with whatever else the feature did.
The worker is only woken after that commit, never before, so it cannot look for rows
that are not there yet. A `dedupe_key` makes queuing idempotent: a feature that runs
twice (a retried job, a redelivered event) queues its message once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, event, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert

from bot.clock import Clock
from bot.delivery.attachments import check_attachment
from bot.events import Attachment, Button, ChatKind, ChatRef
from storage.models import Delivery, OutboxItem, ScheduledJob

log = logging.getLogger(__name__)

Listener = Callable[[], None]


def _delivery_row(
    item_id: int, chat: ChatRef, when: datetime, fallback: ChatRef | None = None
) -> dict[str, Any]:
    # A fallback only makes sense for a private chat, and only on the same platform.
    if chat.kind is not ChatKind.DM or (fallback and fallback.platform != chat.platform):
        fallback = None
    return {
        "item_id": item_id,
        "platform": chat.platform,
        "chat_id": chat.id,
        "chat_kind": chat.kind.value,
        "thread_id": chat.thread_id or "",
        "status": "pending",
        "attempts": 0,
        "next_attempt_at": when,
        "fallback_chat_id": fallback.id if fallback else None,
        "fallback_thread_id": fallback.thread_id if fallback else None,
    }


def _unique_chats(chats: Sequence[ChatRef]) -> list[ChatRef]:
    seen: set[tuple[str, str, str]] = set()
    unique: list[ChatRef] = []
    for chat in chats:
        key = (chat.platform, chat.id, chat.thread_id or "")
        if key not in seen:
            seen.add(key)
            unique.append(chat)
    return unique


async def insert_unless_duplicate(
    db: AsyncSession, model: type[OutboxItem] | type[ScheduledJob], values: dict[str, Any]
) -> int | None:
    """INSERT .. ON CONFLICT (dedupe_key) DO NOTHING: the new id, or None if the key was used.

    Safe even when two callers race on one key, where "look, then insert" is not.
    """
    dialect = db.get_bind().dialect.name
    stmt: Insert
    if dialect == "postgresql":
        stmt = (
            postgresql.insert(model)
            .values(values)
            .on_conflict_do_nothing(index_elements=["dedupe_key"])
        )
    elif dialect == "sqlite":
        stmt = (
            sqlite.insert(model)
            .values(values)
            .on_conflict_do_nothing(index_elements=["dedupe_key"])
        )
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise RuntimeError(f"unsupported database dialect {dialect!r}")
    result = await db.execute(stmt.returning(model.id))
    return result.scalar_one_or_none()


class Outbox:
    """Queue messages durably; tell listeners (the delivery worker) after the commit."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._listeners: list[Listener] = []

    def add_listener(self, listener: Listener) -> None:
        """Call `listener()` after any commit that queued something (e.g. worker.wake)."""
        self._listeners.append(listener)

    async def enqueue(
        self,
        db: AsyncSession,
        *,
        kind: str,
        text: str,
        chats: Sequence[ChatRef],
        buttons: Sequence[Button] = (),
        not_before: datetime | None = None,
        dedupe_key: str | None = None,
        expires_at: datetime | None = None,
        fallback: ChatRef | None = None,
        attachment: Attachment | None = None,
    ) -> int | None:
        """Queue `text` for every chat; the item id, or None if `dedupe_key` was queued before.

        `fallback`: a group where a neutral line goes if a private chat refuses (see Outgoing).
        `attachment`: a small file sent with `text` as its caption; ValueError above
        bot.delivery.attachments.MAX_ATTACHMENT_BYTES (5 MB). It is purged with the item.
        """
        now = self._clock.now()
        start = not_before or now
        for moment in (start, expires_at):
            if moment is not None and moment.tzinfo is None:
                raise ValueError("outbox times must be timezone-aware")
        targets = _unique_chats(chats)
        if not targets:
            raise ValueError("an outbox item needs at least one chat")
        if attachment is not None:
            check_attachment(attachment)
        values: dict[str, Any] = {
            "kind": kind,
            "text": text,
            "buttons": [{"label": b.label, "data": b.data} for b in buttons],
            "dedupe_key": dedupe_key,
            "created_at": now,
            "not_before": start,
            "expires_at": expires_at,
        }
        if attachment is not None:
            values["attachment_name"] = attachment.filename
            values["attachment_mime"] = attachment.mime_type
            values["attachment_data"] = attachment.data
        item_id = await self._insert_item(db, values)
        if item_id is None:
            log.info("outbox item not queued again: dedupe key already used (kind=%s)", kind)
            return None
        rows = [_delivery_row(item_id, c, start, fallback) for c in targets]
        await db.execute(insert(Delivery), rows)
        self._wake_after_commit(db)
        log.debug("queued outbox item %s (kind=%s) for %d chats", item_id, kind, len(targets))
        return item_id

    async def _insert_item(self, db: AsyncSession, values: dict[str, Any]) -> int | None:
        if values["dedupe_key"] is not None:
            return await insert_unless_duplicate(db, OutboxItem, values)
        result = await db.execute(insert(OutboxItem).values(values).returning(OutboxItem.id))
        return result.scalar_one()

    def wake_after_commit(self, db: AsyncSession) -> None:
        """Wake the worker once this unit of work commits (after re-queueing by hand)."""
        self._wake_after_commit(db)

    def _wake_after_commit(self, db: AsyncSession) -> None:
        sync: Session = db.sync_session
        if not event.contains(sync, "after_commit", self._after_commit):
            event.listen(sync, "after_commit", self._after_commit)

    def _after_commit(self, _session: Session) -> None:
        for listener in self._listeners:
            listener()


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    """How one outbox item fared: deliveries by status, and failures by reason."""

    item_id: int
    counts: dict[str, int]
    failures: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def finished(self) -> bool:
        return not (self.counts.get("pending") or self.counts.get("sending"))


async def delivery_report(db: AsyncSession, item_id: int) -> DeliveryReport:
    """Counts for staff notices ("sent to 980 groups, 20 failed: removed from group")."""
    by_status = await db.execute(
        select(Delivery.status, func.count())
        .where(Delivery.item_id == item_id)
        .group_by(Delivery.status)
    )
    by_reason = await db.execute(
        select(Delivery.last_error, func.count())
        .where(Delivery.item_id == item_id, Delivery.status.in_(("failed", "expired")))
        .group_by(Delivery.last_error)
    )
    return DeliveryReport(
        item_id=item_id,
        counts={status: count for status, count in by_status.all()},
        failures={reason or "unknown": count for reason, count in by_reason.all()},
    )


async def purge_outbox(db: AsyncSession, *, now: datetime, keep_days: int) -> int:
    """Delete items older than `keep_days` once nothing of them is left to send.

    Run daily with settings.retention.outbox_days: the text of a reminder or a
    broadcast, and any file sent with it, is kept no longer than that. Returns how
    many items were removed.
    """
    unfinished = select(Delivery.item_id).where(Delivery.status.in_(("pending", "sending")))
    old = select(OutboxItem.id).where(
        OutboxItem.created_at < now - timedelta(days=keep_days),
        OutboxItem.id.not_in(unfinished),
    )
    ids = list((await db.scalars(old)).all())
    if ids:
        await db.execute(delete(Delivery).where(Delivery.item_id.in_(ids)))
        await db.execute(delete(OutboxItem).where(OutboxItem.id.in_(ids)))
        log.info("purged %d old outbox items", len(ids))
    return len(ids)
