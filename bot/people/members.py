"""People joining an organisation and changing roles, with an audit trail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.events import UserRef
from bot.roles import Role
from storage.models import Account, Consent, Membership, Person, RoleChange


async def account_for(db: AsyncSession, user: UserRef) -> Account | None:
    result = await db.execute(
        select(Account).where(Account.platform == user.platform, Account.external_id == user.id)
    )
    return result.scalar_one_or_none()


async def ensure_person(db: AsyncSession, user: UserRef, now: datetime) -> Person:
    """The person behind this platform account, created (with the account) on first use."""
    account = await account_for(db, user)
    if account is not None:
        person = await db.get(Person, account.person_id)
        assert person is not None
        return person
    person = Person(display_name=user.display_name[:200] or "someone", created_at=now)
    db.add(person)
    await db.flush()
    db.add(
        Account(person_id=person.id, platform=user.platform, external_id=user.id, created_at=now)
    )
    await db.flush()
    return person


async def membership(db: AsyncSession, person_id: int, org_id: int) -> Membership | None:
    result = await db.execute(
        select(Membership).where(Membership.person_id == person_id, Membership.org_id == org_id)
    )
    return result.scalar_one_or_none()


async def set_role(
    db: AsyncSession,
    *,
    person_id: int,
    org_id: int,
    role: Role,
    changed_by: int | None,
    reason: str,
    now: datetime,
) -> Role | None:
    """Give a person a role in an organisation; returns the role they had before."""
    current = await membership(db, person_id, org_id)
    old = Role[current.role.upper()] if current else None
    if current is None:
        db.add(Membership(person_id=person_id, org_id=org_id, role=role.label, since=now))
    elif old != role:
        current.role = role.label
        current.since = now
    if old != role:
        db.add(
            RoleChange(
                org_id=org_id,
                person_id=person_id,
                changed_by=changed_by,
                old_role=old.label if old else None,
                new_role=role.label,
                reason=reason,
                at=now,
            )
        )
    await db.flush()
    return old


async def record_consent(
    db: AsyncSession, person_id: int, version: str, now: datetime, kind: str = "privacy_notice"
) -> None:
    existing = await db.execute(
        select(Consent).where(
            Consent.person_id == person_id, Consent.kind == kind, Consent.version == version
        )
    )
    if existing.scalar_one_or_none() is None:
        db.add(Consent(person_id=person_id, kind=kind, version=version, given_at=now))
        await db.flush()


async def people_named(db: AsyncSession, org_id: int, name: str) -> list[Person]:
    """Members of an organisation whose name matches what someone typed (@ and case ignored)."""
    wanted = _comparable(name.lstrip("@"))
    rows = await db.execute(
        select(Person)
        .join(Membership, Membership.person_id == Person.id)
        .where(Membership.org_id == org_id)
        .order_by(Person.id)
    )
    people = list(rows.scalars().all())
    exact = [p for p in people if _comparable(p.display_name) == wanted]
    if exact:
        return exact
    return [p for p in people if _comparable(p.display_name).startswith(wanted)] if wanted else []


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def _comparable(name: str) -> str:
    """A name as typed and as stored compare equal despite case, spacing and curly quotes."""
    return " ".join(name.translate(_APOSTROPHES).split()).casefold()
