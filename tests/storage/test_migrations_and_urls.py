"""The migrations build exactly the tables the models describe, on both databases."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection

from storage.all_tables import Base
from storage.database import Database, DatabaseUrlError, to_async_url
from storage.migrate import is_current, upgrade
from storage.models import Organisation
from tests.support.databases import PG_URL, require_pg


def _diff(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": False})
    return list(compare_metadata(context, Base.metadata))


@pytest.fixture(params=["sqlite", "postgresql"])
async def migrated(
    request: pytest.FixtureRequest, pg_state: str | None, tmp_path: Path
) -> AsyncIterator[Database]:
    """A database built only by the migrations, never by create_all."""
    if request.param == "sqlite":
        db = Database(f"sqlite:///{tmp_path}/migrated.db")
        await upgrade(db)
        yield db
        await db.close()
        return
    require_pg(pg_state)
    schema = f"carebot_migrations_{os.getpid()}"
    admin = await asyncpg.connect(PG_URL.replace("postgresql://", "postgres://"))
    await admin.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE; CREATE SCHEMA "{schema}"')
    db = Database(PG_URL, connect_args={"server_settings": {"search_path": schema}})
    try:
        await upgrade(db)
        yield db
    finally:
        await db.close()
        await admin.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        await admin.close()


async def test_migrations_build_exactly_the_models(migrated: Database) -> None:
    async with migrated.engine.connect() as conn:
        differences = await conn.run_sync(_diff)
    assert differences == []
    assert await is_current(migrated)


async def test_upgrade_twice_is_harmless(migrated: Database) -> None:
    await upgrade(migrated)
    assert await is_current(migrated)


async def test_a_schema_nobody_migrated_is_not_current(database: Database) -> None:
    assert not await is_current(database)


async def test_times_come_back_timezone_aware_utc(database: Database) -> None:
    when = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)
    async with database.transaction() as db:
        db.add(Organisation(name="Clockwork", created_at=when))
    async with database.transaction() as db:
        org = await db.get(Organisation, 1)
        assert org is not None and org.created_at == when and org.created_at.tzinfo is not None


async def test_naive_times_are_refused(database: Database) -> None:
    with pytest.raises(Exception, match="naive"):
        async with database.transaction() as db:
            db.add(Organisation(name="Naive", created_at=datetime(2026, 1, 1)))


@pytest.mark.parametrize(
    ("raw", "driver"),
    [
        ("sqlite:///data/carebot.db", "sqlite+aiosqlite"),
        ("sqlite:////tmp/x.db", "sqlite+aiosqlite"),
        ("postgresql://me@localhost/care", "postgresql+asyncpg"),
        ("postgres://me@localhost/care", "postgresql+asyncpg"),
        ("postgresql+psycopg2://me@localhost/care", "postgresql+asyncpg"),
    ],
)
def test_plain_urls_get_the_async_driver(raw: str, driver: str) -> None:
    assert to_async_url(raw).drivername == driver


@pytest.mark.parametrize("raw", ["mysql://me@localhost/db", "not a url", ""])
def test_unusable_urls_are_explained(raw: str) -> None:
    with pytest.raises(DatabaseUrlError):
        to_async_url(raw)


async def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Any) -> None:
    from sqlalchemy import text

    db = Database(f"sqlite:///{tmp_path}/wal.db")
    try:
        async with db.engine.connect() as conn:
            mode = (await conn.execute(text("PRAGMA journal_mode"))).scalar()
            timeout = (await conn.execute(text("PRAGMA busy_timeout"))).scalar()
        assert mode == "wal"
        assert timeout == 5000
    finally:
        await db.close()
