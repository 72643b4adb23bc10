"""Reading and writing notices, and what a person's data request or erasure covers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import Insert

from bot.features.notices.routing import router
from storage.models import Organisation
from storage.notices_tables import Notice, NoticeAck

RECENT = 10  # notices shown by /notice list


async def create_once(db: AsyncSession, values: dict[str, Any]) -> int | None:
    """Insert a notice unless its preview (`draft_key`) was confirmed before: the id, or None.

    ON CONFLICT DO NOTHING, so two presses of "Send" racing each other make one notice.
    """
    stmt: Insert
    if db.get_bind().dialect.name == "postgresql":
        stmt = (
            postgresql.insert(Notice)
            .values(values)
            .on_conflict_do_nothing(index_elements=["draft_key"])
        )
    else:
        stmt = (
            sqlite.insert(Notice)
            .values(values)
            .on_conflict_do_nothing(index_elements=["draft_key"])
        )
    return (await db.execute(stmt.returning(Notice.id))).scalar_one_or_none()


async def by_draft_key(db: AsyncSession, key: str) -> Notice | None:
    return (await db.execute(select(Notice).where(Notice.draft_key == key))).scalar_one_or_none()


async def in_org(db: AsyncSession, org_id: int, number: int) -> Notice | None:
    """The notice with this number, only if it belongs to the asker's organisation."""
    notice = await db.get(Notice, number)
    return notice if notice is not None and notice.org_id == org_id else None


async def recent(db: AsyncSession, org_id: int) -> list[Notice]:
    """Scheduled notices (soonest first), then the latest others (newest first)."""
    waiting = await db.scalars(
        select(Notice)
        .where(Notice.org_id == org_id, Notice.status == "scheduled")
        .order_by(Notice.send_at, Notice.id)
    )
    others = await db.scalars(
        select(Notice)
        .where(Notice.org_id == org_id, Notice.status != "scheduled")
        .order_by(Notice.id.desc())
        .limit(RECENT)
    )
    return [*waiting.all(), *others.all()]


async def org_name(db: AsyncSession, org_id: int) -> str:
    org = await db.get(Organisation, org_id)
    return org.name if org is not None else ""


async def acknowledge(db: AsyncSession, notice_id: int, person_id: int, now: datetime) -> bool:
    """Record that someone read a notice; False if they had said so before."""
    found = await db.scalar(
        select(NoticeAck.id).where(
            NoticeAck.notice_id == notice_id, NoticeAck.person_id == person_id
        )
    )
    if found is not None:
        return False
    db.add(NoticeAck(notice_id=notice_id, person_id=person_id, at=now))
    await db.flush()
    return True


@router.exporter
async def export_notices(db: AsyncSession, person_id: int) -> dict[str, Any]:
    read = await db.execute(
        select(NoticeAck.notice_id, NoticeAck.at).where(NoticeAck.person_id == person_id)
    )
    written = await db.execute(
        select(Notice.id, Notice.created_at, Notice.status).where(Notice.author_id == person_id)
    )
    found: dict[str, Any] = {}
    acks = [f"notice {n}: read on {at:%Y-%m-%d}" for n, at in read.all()]
    if acks:
        found["notices_read"] = acks
    notes = [f"notice {n}: written on {at:%Y-%m-%d} ({status})" for n, at, status in written]
    if notes:
        found["notices_written"] = notes
    return found


@router.eraser
async def erase_notices(db: AsyncSession, person_id: int) -> None:
    """Forget what they read; notices they wrote stay (they are the organisation's), unnamed."""
    await db.execute(delete(NoticeAck).where(NoticeAck.person_id == person_id))
    await db.execute(update(Notice).where(Notice.author_id == person_id).values(author_id=None))
