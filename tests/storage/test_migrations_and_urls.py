"""The migrations build exactly the tables the models describe, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection

from storage.database import Database, DatabaseUrlError, to_async_url
from storage.migrate import is_current, upgrade
from storage.models import Base, Organisation


def _diff(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": False})
    return list(compare_metadata(context, Base.metadata))


async def test_schema_matches_models(database: Database) -> None:
    async with database.engine.connect() as conn:
        differences = await conn.run_sync(_diff)
    assert differences == []
    assert await is_current(database)


async def test_upgrade_twice_is_harmless(database: Database) -> None:
    await upgrade(database)
    assert await is_current(database)


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
