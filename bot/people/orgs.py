"""Organisations and regions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Organisation, Region


class OrgError(ValueError):
    """A problem with an organisation name, in words for the person who typed it."""


async def find_org(db: AsyncSession, name: str) -> Organisation | None:
    result = await db.execute(
        select(Organisation).where(func.lower(Organisation.name) == name.strip().lower())
    )
    return result.scalar_one_or_none()


async def create_org(db: AsyncSession, name: str, now: datetime) -> Organisation:
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > 200:
        raise OrgError("an organisation needs a name of 1 to 200 characters")
    if await find_org(db, cleaned) is not None:
        raise OrgError(f"there is already an organisation called {cleaned!r}")
    org = Organisation(name=cleaned, created_at=now)
    db.add(org)
    await db.flush()
    return org


async def region_named(db: AsyncSession, org_id: int, name: str) -> Region:
    """The organisation's region with this name, created on first use."""
    cleaned = " ".join(name.split())[:200]
    result = await db.execute(
        select(Region).where(Region.org_id == org_id, func.lower(Region.name) == cleaned.lower())
    )
    region = result.scalar_one_or_none()
    if region is None:
        region = Region(org_id=org_id, name=cleaned)
        db.add(region)
        await db.flush()
    return region
