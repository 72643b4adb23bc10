"""Keeping the FAQ tidy: build the matcher at start, and forget tickets and votes on time.

A nightly job (its own, so the core retention job need not know about tickets)
erases handed-over questions once `[faq] ticket_days` have passed, and drops
"Was this helpful?" votes once `/faq gaps` no longer looks at them.
"""

from __future__ import annotations

import logging
from datetime import time
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.faq import tickets, votes
from bot.features.faq.library import check_overrides_folder, library_for
from bot.router import JobContext, Router
from bot.scheduling.daily import ensure_daily
from bot.services import Services

log = logging.getLogger(__name__)

JOB = "faq.retention"
RUN_AT = time(3, 45)  # a quiet hour, local time, after the core retention run


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


async def build_matcher(_db: AsyncSession, services: Services) -> None:
    """Load the topics now (and stop on a missing overrides folder), not at the first question."""
    check_overrides_folder(services.settings)
    library_for(services.settings)


async def forget_tickets(job: JobContext, _payload: dict[str, Any]) -> None:
    services = job.services
    erased, dropped = await tickets.forget_old(
        job.db, services.clock.now(), services.settings.faq.ticket_days
    )
    forgotten = await votes.forget_old(job.db, services.clock.now())
    log.info(
        "faq retention: erased %d questions, dropped %d old tickets and %d old votes",
        erased,
        dropped,
        forgotten,
    )
    await ensure_scheduled(job.db, services)


def register(router: Router) -> None:
    router.startup.append(build_matcher)
    router.startup.append(ensure_scheduled)
    router.job(JOB)(forget_tickets)
    router.exporter(tickets.export)
    router.eraser(tickets.erase)
