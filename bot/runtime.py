"""Opening carebot for real: settings, database (upgraded if SQLite), and the app."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager

from bot.app import App, build_app
from bot.capabilities import Capabilities
from bot.clock import Clock, SystemClock
from bot.services import CapabilitySource
from config.settings import ConfigError, Settings
from config.texts import Texts
from storage.database import Database, DatabaseUrlError
from storage.migrate import is_current, upgrade


async def open_database(settings: Settings) -> Database:
    """The database, ready: SQLite is upgraded here, PostgreSQL must be upgraded on purpose."""
    try:
        db = Database(settings.database())
    except DatabaseUrlError as problem:
        raise ConfigError(f"environment: field 'DATABASE_URL': {problem}") from problem
    try:
        if db.is_sqlite:
            await upgrade(db)
        elif not await is_current(db):
            raise ConfigError("database: the schema is out of date; run `carebot db upgrade` first")
    except BaseException:
        await db.close()
        raise
    return db


@asynccontextmanager
async def open_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    capabilities: Mapping[str, Capabilities | CapabilitySource] | None = None,
    rng: random.Random | None = None,
    texts: Texts | None = None,
) -> AsyncIterator[App]:
    """The wired app; SQLite is migrated automatically, PostgreSQL via `carebot db upgrade`."""
    db = await open_database(settings)
    try:
        yield build_app(
            settings=settings,
            texts=texts or Texts.load(),
            clock=clock or SystemClock(),
            db=db,
            capabilities=capabilities,
            rng=rng,
        )
    finally:
        await db.close()
