"""The contract suite's world: the real app and Runner, one real adapter per driver.

Each test runs once per driver (see drivers.DRIVERS) and per database. A small
test-only router stands in for the confidentiality feature (a private nudge with
a fallback to the group) and records what reached the features, so tests can
check edits, photos and leaves without depending on other features' behaviour.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import pytest

from bot.app import App, build_app, feature_routers
from bot.clock import FakeClock
from bot.context import Context
from bot.events import ChatRef, Event, Message, UserRef
from bot.people.setup import ensure_group, ensure_member, ensure_org
from bot.roles import Role
from bot.router import Router
from bot.runner import Runner
from config.settings import Settings
from config.texts import Texts
from storage.database import Database
from tests.contract.drivers import DRIVERS, Driver

ORG = "Harbour Fostering"
NUDGE = "A quick private word about your last message: could you edit it, please?"
TRIGGER = "purple elephant"  # a made-up cue only the probe reacts to


@dataclass
class Seen:
    events: list[Event] = field(default_factory=list)


def probe_router(seen: Seen) -> Router:
    router = Router("contract_probe")

    @router.message()
    async def notice(ctx: Context, message: Message) -> bool:
        seen.events.append(message)
        if TRIGGER in message.text.lower():
            ctx.dm(NUDGE, fallback_to_here=True)
            return True
        return False

    @router.joined
    async def joined(ctx: Context) -> None:
        seen.events.append(ctx.event)

    @router.left
    async def left(ctx: Context) -> None:
        seen.events.append(ctx.event)

    return router


@dataclass
class World:
    app: App
    runner: Runner
    driver: Driver
    seen: Seen

    async def person(self, name: str, role: Role = Role.CARER) -> UserRef:
        user = self.driver.user(name)
        version = self.app.services.settings.privacy_notice_version
        now = self.app.services.clock.now()
        async with self.app.services.db.transaction() as db:
            org = await ensure_org(db, ORG, now)
            await ensure_member(db, org, user, role, now, version)
        return user

    async def group(self, name: str, *, topic: str | None = None) -> ChatRef:
        chat = self.driver.group(name, topic=topic)
        now = self.app.services.clock.now()
        async with self.app.services.db.transaction() as db:
            org = await ensure_org(db, ORG, now)
            await ensure_group(db, org, chat, "support_group", now)
        return chat


async def _no_sleep(_seconds: float) -> None:
    return None


@pytest.fixture(params=sorted(DRIVERS))
def make_driver(request: pytest.FixtureRequest) -> Callable[[], Driver]:
    factory: Callable[[], Driver] = DRIVERS[request.param]
    return factory


@pytest.fixture
async def world(
    make_driver: Callable[[], Driver],
    database: Database,
    settings: Settings,
    texts: Texts,
    clock: FakeClock,
) -> AsyncIterator[World]:
    driver = make_driver()
    await driver.open()
    adapter = driver.adapter()
    seen = Seen()
    app = build_app(
        settings=settings,
        texts=texts,
        clock=clock,
        db=database,
        capabilities={adapter.name: adapter.capabilities},
        routers=[probe_router(seen), *feature_routers()],
        sleep=_no_sleep,
    )
    runner = Runner(app, [adapter])
    await runner.start()
    try:
        yield World(app, runner, driver, seen)
    finally:
        await runner.stop()
        await driver.close()
