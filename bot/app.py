"""The composition root: the one place that lists every feature and wires the engine."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.capabilities import Capabilities
from bot.clock import Clock
from bot.delivery.outbox import Outbox
from bot.dispatch import Dispatcher
from bot.engine import Engine, Sleep
from bot.features import (
    data_rights,
    group_presence,
    groups,
    invites,
    linking,
    onboarding,
    retention,
    roles,
)
from bot.features.buddies.feature import router as buddies_router
from bot.features.events.feature import routers as event_routers
from bot.features.faq.feature import router as faq_router
from bot.features.notices.feature import router as notices_router
from bot.features.reports.chat import router as reports_router
from bot.features.sessions.feature import routers as session_routers
from bot.membership import MembershipRecorder
from bot.middleware import Middleware
from bot.router import JobContext, JobHandler, Router
from bot.scheduling.timers import JobRunner, Timers
from bot.services import CapabilitySource, Services
from config.settings import Settings
from config.texts import Texts
from moderation import policy, reporting, rules
from moderation.nudging import ConfidentialityNudges, PhotoReminders
from moderation.nudging import router as nudges_router
from moderation.safeguarding_alerts import SafeguardingWatch, alerts, rota
from storage.database import Database


def feature_routers() -> list[Router]:
    """Every feature, in the order their message matchers are tried."""
    return [
        onboarding.router,
        groups.router,
        group_presence.router,
        roles.router,
        invites.router,
        linking.router,
        data_rights.router,
        rules.router,
        reporting.router,
        policy.router,
        nudges_router,
        rota.router,
        alerts.router,
        *event_routers(),
        *session_routers(),
        buddies_router,
        notices_router,
        reports_router,
        retention.router,
        faq_router,  # last: its catch-all private answers come after every other matcher
    ]


def middlewares() -> list[Middleware]:
    """What sees every event before the features do, in order."""
    return [
        MembershipRecorder(),
        SafeguardingWatch(),  # before the nudge: safeguarding comes first
        ConfidentialityNudges(),
        PhotoReminders(),
    ]


@dataclass(slots=True)
class App:
    services: Services
    dispatcher: Dispatcher
    engine: Engine
    routers: Sequence[Router]

    async def started(self) -> None:
        """Run every feature's start-up step (e.g. make sure nightly jobs are scheduled)."""
        async with self.services.db.transaction() as db:
            for router in self.routers:
                for hook in router.startup:
                    await hook(db, self.services)


def build_app(
    *,
    settings: Settings,
    texts: Texts,
    clock: Clock,
    db: Database,
    capabilities: Mapping[str, Capabilities | CapabilitySource] | None = None,
    routers: Sequence[Router] | None = None,
    sleep: Sleep | None = None,
    rng: random.Random | None = None,
) -> App:
    """Wire everything; raises ConfigError if any feature's texts are missing."""
    chosen = list(routers if routers is not None else feature_routers())
    services = Services(
        settings=settings,
        texts=texts,
        clock=clock,
        db=db,
        capabilities=dict(capabilities or {}),
        rng=rng or random.SystemRandom(),
        exporters=[e for r in chosen for e in r.exporters],
        erasers=[e for r in chosen for e in r.erasers],
    )
    services.outbox = Outbox(clock)
    services.timers = Timers(db, clock, _job_runners(chosen, services))
    dispatcher = Dispatcher(chosen, bot_names=(settings.bot_name,))
    dispatcher.validate(texts)
    engine = Engine(services, dispatcher, middlewares(), sleep=sleep or asyncio.sleep)
    return App(services=services, dispatcher=dispatcher, engine=engine, routers=chosen)


def _job_runners(routers: Sequence[Router], services: Services) -> dict[str, JobRunner]:
    """Adapt each feature's jobs to the timers' (session, payload) shape."""
    runners: dict[str, JobRunner] = {}
    for router in routers:
        for kind, handler in router.jobs.items():
            if kind in runners:
                raise ValueError(f"job kind {kind!r} declared twice ({router.name})")
            runners[kind] = _runner(handler, services)
    return runners


def _runner(handler: JobHandler, services: Services) -> JobRunner:
    async def run(db: AsyncSession, payload: dict[str, Any]) -> None:
        await handler(JobContext(db=db, services=services, outbox=services.outbox), payload)

    return run
