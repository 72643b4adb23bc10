"""Numbered questions handed to staff: who receives them, closing them, forgetting them.

A ticket holds the carer's question only because they agreed to pass it on, and only
until `[faq] ticket_days` have passed; then the words and the link to the carer go,
and the number, dates and topic guess stay for anonymous counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.roles import Role
from storage.faq_tables import FaqTicket
from storage.models import Membership, Person

HANDLERS = (Role.FACILITATOR.label, Role.STAFF.label, Role.ADMIN.label)
KEEP_ANONYMOUS_DAYS = 730  # a forgotten ticket's number and dates, for counts by week


async def open_ticket(
    db: AsyncSession,
    *,
    org_id: int,
    person_id: int,
    platform: str,
    question: str,
    topic: str | None,
    offer_token: str,
    now: datetime,
) -> FaqTicket:
    ticket = FaqTicket(
        org_id=org_id,
        person_id=person_id,
        platform=platform,
        question=question,
        topic=topic,
        offer_token=offer_token,
        created_at=now,
    )
    db.add(ticket)
    await db.flush()
    return ticket


async def passed_as(db: AsyncSession, offer_token: str, person_id: int | None) -> int | None:
    """The ticket this person's "pass it on" button already made, if any."""
    if person_id is None:
        return None
    return await db.scalar(
        select(FaqTicket.id).where(
            FaqTicket.offer_token == offer_token, FaqTicket.person_id == person_id
        )
    )


async def close(db: AsyncSession, number: int, by: int, now: datetime) -> bool:
    """Mark answered, unless someone else just did (then False): one reply per question."""
    claimed = await db.execute(
        update(FaqTicket)
        .where(FaqTicket.id == number, FaqTicket.answered_at.is_(None))
        .values(answered_at=now, answered_by=by)
        .returning(FaqTicket.id)
    )
    return claimed.scalar_one_or_none() is not None


async def handlers(db: AsyncSession, org_id: int, leave_out: int | None = None) -> list[int]:
    """The organisation's facilitators, staff and admins, who may answer tickets."""
    rows = await db.execute(
        select(Membership.person_id)
        .where(Membership.org_id == org_id, Membership.role.in_(HANDLERS))
        .order_by(Membership.person_id)
    )
    return [person for person in rows.scalars().all() if person != leave_out]


async def may_answer(db: AsyncSession, person_id: int, org_id: int) -> bool:
    role = await db.scalar(
        select(Membership.role).where(
            Membership.person_id == person_id, Membership.org_id == org_id
        )
    )
    return role in HANDLERS


async def name_of(db: AsyncSession, person_id: int | None) -> str | None:
    if person_id is None:
        return None
    person = await db.get(Person, person_id)
    return person.display_name if person else None


@dataclass(frozen=True, slots=True)
class RecentTicket:
    number: int
    created_at: datetime
    question: str | None
    answered: bool


async def recent(db: AsyncSession, org_id: int, since: datetime, limit: int) -> list[RecentTicket]:
    rows = await db.execute(
        select(FaqTicket)
        .where(FaqTicket.org_id == org_id, FaqTicket.created_at >= since)
        .order_by(FaqTicket.created_at.desc(), FaqTicket.id.desc())
        .limit(limit)
    )
    return [
        RecentTicket(t.id, t.created_at, t.question, t.answered_at is not None)
        for t in rows.scalars().all()
    ]


async def forget_old(db: AsyncSession, now: datetime, ticket_days: int) -> tuple[int, int]:
    """Erase questions past their period; drop anonymous rows long past it. (erased, dropped)"""
    erased = await db.execute(
        update(FaqTicket)
        .where(
            FaqTicket.created_at < now - timedelta(days=ticket_days),
            or_(FaqTicket.question.is_not(None), FaqTicket.person_id.is_not(None)),
        )
        .values(question=None, person_id=None, answered_by=None)
        .execution_options(synchronize_session=False)
    )
    dropped = await db.execute(
        delete(FaqTicket)
        .where(FaqTicket.created_at < now - timedelta(days=KEEP_ANONYMOUS_DAYS))
        .execution_options(synchronize_session=False)
    )
    return int(getattr(erased, "rowcount", 0) or 0), int(getattr(dropped, "rowcount", 0) or 0)


async def export(db: AsyncSession, person_id: int) -> dict[str, Any]:
    """For /mydata: the questions this person passed on that are still held."""
    rows = await db.execute(
        select(FaqTicket).where(FaqTicket.person_id == person_id).order_by(FaqTicket.created_at)
    )
    held = [f"#{t.id}: {t.question}" for t in rows.scalars().all() if t.question]
    return {"faq_questions": held} if held else {}


async def erase(db: AsyncSession, person_id: int) -> None:
    """For /forgetme: their questions' words go; the anonymous numbers stay."""
    await db.execute(
        update(FaqTicket)
        .where(FaqTicket.person_id == person_id)
        .values(question=None, person_id=None)
        .execution_options(synchronize_session=False)
    )
    await db.execute(
        update(FaqTicket)
        .where(FaqTicket.answered_by == person_id)
        .values(answered_by=None)
        .execution_options(synchronize_session=False)
    )
