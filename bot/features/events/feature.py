"""The events feature's routers, for the composition root (bot/app.py)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.events import calendar, commands, group_plan, listing, remind, rsvp
from bot.features.events.schedule import ensure_planned
from bot.router import Router
from bot.services import Services


async def _plan_at_start(db: AsyncSession, services: Services) -> None:
    await ensure_planned(db, services)


remind.router.startup.append(_plan_at_start)


def routers() -> list[Router]:
    return [
        commands.router,
        listing.router,
        group_plan.router,
        rsvp.router,
        calendar.router,
        remind.router,
    ]
