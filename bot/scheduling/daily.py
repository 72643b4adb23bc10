"""Jobs that run once a day at a local clock time (retention, matching): one way to plan them."""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.scheduling.timers import Timers


def next_local(now: datetime, at: time, zone: tzinfo) -> datetime:
    """The next moment the local clock shows `at`, strictly after `now` (right across DST)."""
    local = now.astimezone(zone)
    candidate = datetime.combine(local.date(), at, tzinfo=zone)
    if candidate <= local:
        candidate = datetime.combine(local.date() + timedelta(days=1), at, tzinfo=zone)
    return candidate.astimezone(now.tzinfo)


async def ensure_daily(
    db: AsyncSession, timers: Timers, *, kind: str, at: time, now: datetime, zone: tzinfo
) -> datetime:
    """Make sure the next run of a daily job exists; safe to call at every start and run."""
    when = next_local(now, at, zone)
    key = f"{kind}:{when.astimezone(zone).date().isoformat()}"
    await timers.schedule(db, kind, when, {}, dedupe_key=key)
    return when
