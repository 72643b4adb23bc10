"""Reading and writing the buddy tables: profiles in and out, pairings, who is free.

Everything that turns rows into the pure profiles matching works on lives here,
so the handlers read as the story they tell and the queries stay in one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.buddies.profiles import (
    AgeRange,
    Availability,
    CareKind,
    ContactWay,
    MenteeProfile,
    MentorProfile,
)
from bot.features.buddies.reasons import Reason, ReasonKind
from bot.roles import Role
from storage.buddies_tables import BuddyPairing, BuddyProfile, BuddyRatherNot
from storage.models import Membership, Person

MENTOR, MENTEE = "mentor", "mentee"
OPEN = ("proposed", "held", "offered", "active")
"""Pairings that use a mentor's place and keep a carer off the waiting list."""
UNSENT = ("proposed", "held")
MENTOR_ROLES = tuple(role.label for role in Role if role >= Role.MENTOR)


def _values(kind: type[Any], raw: Iterable[str]) -> frozenset[Any]:
    known = {member.value: member for member in kind}
    return frozenset(known[value] for value in raw if value in known)


def as_mentor(row: BuddyProfile, active_buddies: int) -> MentorProfile:
    return MentorProfile(
        person_id=row.person_id,
        years_caring=max(0, row.years_caring),
        care_kinds=_values(CareKind, row.care_kinds),
        age_ranges=_values(AgeRange, row.age_ranges),
        region=row.region,
        local_authority=row.local_authority,
        languages=frozenset(row.languages),
        availability=_values(Availability, row.availability),
        contact_ways=_values(ContactWay, row.contact_ways),
        capacity=min(max(row.capacity, 1), 3),
        active_buddies=active_buddies,
        paused=row.status != "active",
    )


def as_mentee(row: BuddyProfile) -> MenteeProfile:
    return MenteeProfile(
        person_id=row.person_id,
        waiting_since=row.waiting_since,
        care_kinds=_values(CareKind, row.care_kinds),
        age_ranges=_values(AgeRange, row.age_ranges),
        region=row.region,
        local_authority=row.local_authority,
        languages=frozenset(row.languages),
        availability=_values(Availability, row.availability),
        contact_ways=_values(ContactWay, row.contact_ways),
    )


def reasons_to_json(reasons: Iterable[Reason]) -> list[Any]:
    return [[reason.kind.value, list(reason.values)] for reason in reasons]


def reasons_from_json(raw: Iterable[Any]) -> tuple[Reason, ...]:
    kinds = {kind.value: kind for kind in ReasonKind}
    return tuple(Reason(kinds[k], tuple(v)) for k, v in raw if k in kinds)


async def profile(db: AsyncSession, org_id: int, person_id: int, role: str) -> BuddyProfile | None:
    return (
        await db.execute(
            select(BuddyProfile).where(
                BuddyProfile.org_id == org_id,
                BuddyProfile.person_id == person_id,
                BuddyProfile.role == role,
            )
        )
    ).scalar_one_or_none()


async def names(db: AsyncSession, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = await db.execute(select(Person.id, Person.display_name).where(Person.id.in_(wanted)))
    return {pid: name for pid, name in rows.all()}


async def name_of(db: AsyncSession, person_id: int | None) -> str:
    return (await names(db, [person_id])).get(person_id or 0, "")


async def open_counts(db: AsyncSession, org_id: int) -> dict[int, int]:
    """Places each mentor has in use: proposals, offers and active pairs."""
    rows = await db.execute(
        select(BuddyPairing.mentor_id, func.count())
        .where(
            BuddyPairing.org_id == org_id,
            BuddyPairing.status.in_(OPEN),
            BuddyPairing.mentor_id.is_not(None),
        )
        .group_by(BuddyPairing.mentor_id)
    )
    return {mentor_id: int(n) for mentor_id, n in rows.all() if mentor_id is not None}


def _members_profiles() -> Select[Any]:
    """Profiles of people still in the profile's organisation (a leaver's profile is ignored)."""
    return select(BuddyProfile).join(
        Membership,
        (Membership.person_id == BuddyProfile.person_id)
        & (Membership.org_id == BuddyProfile.org_id),
    )


async def mentor_pool(db: AsyncSession, org_id: int) -> list[MentorProfile]:
    """Mentors of this organisation who still hold a mentor role (paused ones included)."""
    rows = await db.execute(
        _members_profiles()
        .where(
            BuddyProfile.org_id == org_id,
            BuddyProfile.role == MENTOR,
            Membership.role.in_(MENTOR_ROLES),
        )
        .order_by(BuddyProfile.person_id)
    )
    used = await open_counts(db, org_id)
    return [as_mentor(row, used.get(row.person_id, 0)) for row in rows.scalars()]


async def waiting_rows(db: AsyncSession, org_id: int) -> list[BuddyProfile]:
    """Carers waiting for a buddy with nothing proposed, offered or active for them."""
    busy = select(BuddyPairing.mentee_id).where(
        BuddyPairing.org_id == org_id,
        BuddyPairing.status.in_(OPEN),
        BuddyPairing.mentee_id.is_not(None),
    )
    rows = await db.execute(
        _members_profiles()
        .where(
            BuddyProfile.org_id == org_id,
            BuddyProfile.role == MENTEE,
            BuddyProfile.status == "waiting",
            BuddyProfile.person_id.not_in(busy),
        )
        .order_by(BuddyProfile.waiting_since, BuddyProfile.person_id)
    )
    return list(rows.scalars())


async def past_pairs(db: AsyncSession, people: Iterable[int]) -> set[tuple[int, int]]:
    """Every pair ever proposed (in any state): matching never suggests one twice."""
    ids = list(set(people))
    if not ids:
        return set()
    rows = await db.execute(
        select(BuddyPairing.mentor_id, BuddyPairing.mentee_id).where(
            BuddyPairing.mentor_id.is_not(None),
            BuddyPairing.mentee_id.is_not(None),
            or_(BuddyPairing.mentor_id.in_(ids), BuddyPairing.mentee_id.in_(ids)),
        )
    )
    return {(a, b) for a, b in rows.all() if a is not None and b is not None}


async def rather_not(db: AsyncSession, people: Iterable[int]) -> set[tuple[int, int]]:
    ids = list(set(people))
    if not ids:
        return set()
    rows = await db.execute(
        select(BuddyRatherNot.person_id, BuddyRatherNot.other_id).where(
            or_(BuddyRatherNot.person_id.in_(ids), BuddyRatherNot.other_id.in_(ids))
        )
    )
    return {(int(a), int(b)) for a, b in rows.all()}


async def move(
    db: AsyncSession, pairing_id: int, before: Iterable[str], after: str, **values: Any
) -> BuddyPairing | None:
    """Move a pairing on, only from one of the `before` states: the row if this call moved it.

    One guarded UPDATE, so of two people pressing at once exactly one wins.
    """
    result = await db.execute(
        update(BuddyPairing)
        .where(BuddyPairing.id == pairing_id, BuddyPairing.status.in_(tuple(before)))
        .values(status=after, **values)
        .returning(BuddyPairing.id)
        .execution_options(synchronize_session=False)
    )
    if result.scalar_one_or_none() is None:
        return None
    row = await db.get(BuddyPairing, pairing_id, populate_existing=True)
    return row


async def pairing(db: AsyncSession, pairing_id: str | int) -> BuddyPairing | None:
    if isinstance(pairing_id, str):
        if not pairing_id.isdigit():
            return None
        pairing_id = int(pairing_id)
    return await db.get(BuddyPairing, pairing_id, populate_existing=True)


async def set_mentee_status(
    db: AsyncSession, org_id: int, person_id: int | None, status: str, now: datetime, **values: Any
) -> None:
    """Update a carer's place on the waiting list (nothing if they have no request)."""
    if person_id is None:
        return
    row = await profile(db, org_id, person_id, MENTEE)
    if row is None:
        return
    row.status = status
    row.updated_at = now
    for key, value in values.items():
        setattr(row, key, value)
