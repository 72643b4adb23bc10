"""What carebot holds about a person (for /mydata) and erasing it (for /forgetme)."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Account,
    Consent,
    DailyCount,
    Delivery,
    Invite,
    Membership,
    Organisation,
    PendingChoice,
    PendingJoin,
    Person,
    RoleChange,
)


async def core_export(db: AsyncSession, person_id: int, zone: tzinfo = UTC) -> dict[str, Any]:
    """Everything the core holds about a person; dates are shown in `zone`."""

    def day(value: datetime) -> str:
        return f"{value.astimezone(zone):%d %b %Y}"

    person = await db.get(Person, person_id)
    if person is None:
        return {}
    accounts = (await db.execute(select(Account).where(Account.person_id == person_id))).scalars()
    memberships = await db.execute(
        select(Membership, Organisation)
        .join(Organisation, Organisation.id == Membership.org_id)
        .where(Membership.person_id == person_id)
    )
    consents = (await db.execute(select(Consent).where(Consent.person_id == person_id))).scalars()
    changes = (
        await db.execute(
            select(RoleChange).where(RoleChange.person_id == person_id).order_by(RoleChange.at)
        )
    ).scalars()
    invites_made = await db.scalar(
        select(func.count()).select_from(Invite).where(Invite.created_by == person_id)
    )
    return {
        "name": person.display_name,
        "joined": person.created_at,
        "accounts": [f"{a.platform}: {a.external_id}" for a in accounts],
        "roles": [f"{o.name}: {m.role} since {day(m.since)}" for m, o in memberships.all()],
        "agreements": [f"{c.kind} version {c.version}, {day(c.given_at)}" for c in consents],
        "role_history": [
            f"{day(c.at)}: {c.old_role or 'none'} → {c.new_role} ({c.reason})" for c in changes
        ],
        "invites_created": int(invites_made or 0),
    }


async def erase_person(db: AsyncSession, person_id: int, org_ids: list[int], now: datetime) -> None:
    """Remove the person and everything that points at them; keep one anonymous count."""
    accounts = (
        (await db.execute(select(Account).where(Account.person_id == person_id))).scalars().all()
    )
    for account in accounts:
        await db.execute(
            delete(PendingJoin).where(
                PendingJoin.platform == account.platform,
                PendingJoin.external_id == account.external_id,
            )
        )
        # Their private chat's id is their platform id: drop what is keyed by it.
        await db.execute(
            delete(PendingChoice).where(
                PendingChoice.chat_key.startswith(
                    f"{account.platform}:{account.external_id}:", autoescape=True
                )
            )
        )
        await db.execute(
            delete(Delivery).where(
                Delivery.platform == account.platform,
                Delivery.chat_id == account.external_id,
                Delivery.chat_kind == "dm",
            )
        )
    person = await db.get(Person, person_id)
    if person is not None:
        await db.delete(person)
    await db.flush()
    day = now.date().isoformat()
    for org_id in org_ids:
        await bump_count(db, org_id=org_id, day=day, metric="people_erased")


async def bump_count(
    db: AsyncSession, *, org_id: int, day: str, metric: str, group_id: int = 0, by: int = 1
) -> None:
    """Add to an anonymous daily count (created on first use)."""
    row = (
        await db.execute(
            select(DailyCount).where(
                DailyCount.org_id == org_id,
                DailyCount.group_id == group_id,
                DailyCount.day == day,
                DailyCount.metric == metric,
            )
        )
    ).scalar_one_or_none()
    if row is None:
        db.add(DailyCount(org_id=org_id, group_id=group_id, day=day, metric=metric, count=by))
    else:
        row.count += by
    await db.flush()
