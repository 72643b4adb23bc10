"""Shared fixtures: every storage-backed test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.app import build_app
from bot.capabilities import Capabilities
from bot.clock import FakeClock
from config.settings import Settings, load_settings
from config.texts import Texts
from storage.database import Database
from tests.support.databases import (
    drop_pg_schema,
    fresh_sqlite,
    make_sqlite_template,
    pg_database,
    pg_unavailable_reason,
    prepare_pg_schema,
    require_pg,
    truncate_all,
)
from tests.support.harness import PLATFORM, Harness


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return asyncio.run(make_sqlite_template(tmp_path_factory.mktemp("template")))


@pytest.fixture(scope="session")
def pg_state() -> Iterator[str | None]:
    reason = pg_unavailable_reason()
    if reason is None:
        asyncio.run(prepare_pg_schema())
    yield reason
    if reason is None:
        asyncio.run(drop_pg_schema())


@pytest.fixture(params=["sqlite", "postgresql"])
async def database(
    request: pytest.FixtureRequest,
    sqlite_template: Path,
    pg_state: str | None,
    tmp_path: Path,
) -> AsyncIterator[Database]:
    if request.param == "sqlite":
        db = fresh_sqlite(sqlite_template, tmp_path)
    else:
        require_pg(pg_state)
        db = pg_database()
        await truncate_all(db)
    try:
        yield db
    finally:
        await db.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(env={"CAREBOT_DATA_DIR": str(tmp_path / "data")})


@pytest.fixture(scope="session")
def texts() -> Texts:
    return Texts.load()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


async def _no_sleep(_seconds: float) -> None:
    return None


@pytest.fixture
def capabilities() -> dict[str, Capabilities]:
    return {PLATFORM: Capabilities(buttons=True, delete_messages=True)}


@pytest.fixture
def harness(
    database: Database,
    settings: Settings,
    texts: Texts,
    clock: FakeClock,
    capabilities: dict[str, Capabilities],
) -> Harness:
    app = build_app(
        settings=settings,
        texts=texts,
        clock=clock,
        db=database,
        capabilities=capabilities,
        sleep=_no_sleep,
    )
    return Harness(app=app, clock=clock)
