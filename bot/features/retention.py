"""Forgetting on time: a daily job that erases what has passed its retention period.

Periods are settings (config/carebot.toml, [retention]); this is where they bite.
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import delete, or_
from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.outbox import purge_outbox
from bot.router import JobContext, Router
from bot.scheduling.daily import ensure_daily
from bot.services import Services
from config.settings import RetentionSettings
from storage.models import Invite, LinkCode, PendingChoice, PendingJoin, RoleChange, ScheduledJob

log = logging.getLogger(__name__)

JOB = "core.retention"
RUN_AT = time(3, 30)  # a quiet hour, local time

router = Router("retention")


async def purge_expired(db: AsyncSession, now: datetime, keep: RetentionSettings) -> dict[str, int]:
    """Delete everything past its period; returns counts per kind, for the log."""
    cutoffs = {
        "pending_joins": delete(PendingJoin).where(
            PendingJoin.created_at < now - timedelta(days=keep.pending_join_days)
        ),
        "link_codes": delete(LinkCode).where(
            or_(LinkCode.expires_at < now, LinkCode.used_at.is_not(None))
        ),
        "invites": delete(Invite).where(
            Invite.redeemed_at.is_(None),
            Invite.expires_at < now - timedelta(days=keep.invite_days),
        ),
        "pending_choices": delete(PendingChoice).where(PendingChoice.expires_at < now),
        "role_changes": delete(RoleChange).where(
            RoleChange.at < now - timedelta(days=keep.role_audit_days)
        ),
        "finished_jobs": delete(ScheduledJob).where(
            ScheduledJob.status.in_(("done", "failed")),
            ScheduledJob.run_at < now - timedelta(days=keep.outbox_days),
        ),
    }
    counts: dict[str, int] = {}
    for name, statement in cutoffs.items():
        result = await db.execute(statement.execution_options(synchronize_session=False))
        counts[name] = int(getattr(result, "rowcount", 0) or 0)
    counts["outbox_items"] = await purge_outbox(db, now=now, keep_days=keep.outbox_days)
    return counts


async def ensure_scheduled(db: AsyncSession, services: Services) -> None:
    """Make sure tonight's run exists (safe to call at every start)."""
    assert services.timers is not None
    await ensure_daily(
        db,
        services.timers,
        kind=JOB,
        at=RUN_AT,
        now=services.clock.now(),
        zone=services.settings.zone,
    )


@router.job(JOB)
async def run_retention(job: JobContext, _payload: dict[str, Any]) -> None:
    services = job.services
    counts = await purge_expired(job.db, services.clock.now(), services.settings.retention)
    removed = {name: count for name, count in counts.items() if count}
    log.info("retention: removed %s", removed or "nothing")
    await ensure_scheduled(job.db, services)


router.startup.append(ensure_scheduled)
