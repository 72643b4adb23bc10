"""Test databases: a fresh SQLite file per test, and PostgreSQL in a schema of our own.

PostgreSQL tests skip when no server answers, except under CI=true, where
they fail instead: CI must never pass with half the storage tests unrun.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import asyncpg
import pytest

from storage.all_tables import Base
from storage.database import Database

PG_URL = os.environ.get("CAREBOT_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
PG_SCHEMA = f"carebot_test_{os.getpid()}"


def pg_unavailable_reason() -> str | None:
    async def probe() -> None:
        conn = await asyncpg.connect(PG_URL.replace("postgresql://", "postgres://"), timeout=3)
        await conn.close()

    try:
        asyncio.run(probe())
    except Exception as exc:  # any failure to connect means "not available"
        return f"PostgreSQL not reachable at {PG_URL}: {exc}"
    return None


def require_pg(reason: str | None) -> None:
    if reason is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but PostgreSQL tests cannot run: {reason}")
    pytest.skip(reason)


async def create_schema(db: Database) -> None:
    """Tables straight from the models (fast, always current); migrations have their own test."""
    async with db.engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)


async def make_sqlite_template(folder: Path) -> Path:
    path = folder / "template.db"
    db = Database(f"sqlite:///{path}")
    await create_schema(db)
    await db.close()
    return path


def fresh_sqlite(template: Path, folder: Path) -> Database:
    target = folder / "carebot.db"
    shutil.copyfile(template, target)
    return Database(f"sqlite:///{target}")


def pg_database() -> Database:
    return Database(PG_URL, connect_args={"server_settings": {"search_path": PG_SCHEMA}})


async def prepare_pg_schema() -> None:
    conn = await asyncpg.connect(PG_URL.replace("postgresql://", "postgres://"))
    try:
        await conn.execute(f'DROP SCHEMA IF EXISTS "{PG_SCHEMA}" CASCADE')
        await conn.execute(f'CREATE SCHEMA "{PG_SCHEMA}"')
    finally:
        await conn.close()
    db = pg_database()
    await create_schema(db)
    await db.close()


async def drop_pg_schema() -> None:
    conn = await asyncpg.connect(PG_URL.replace("postgresql://", "postgres://"))
    try:
        await conn.execute(f'DROP SCHEMA IF EXISTS "{PG_SCHEMA}" CASCADE')
    finally:
        await conn.close()


def _reset_sql() -> str:
    """Empty every table and restart its ids, in one round trip.

    DELETE on tiny tables is far cheaper than TRUNCATE (which rewrites files);
    children go first so foreign keys never object.
    """
    statements = []
    for table in reversed(Base.metadata.sorted_tables):
        statements.append(f'DELETE FROM "{table.name}"')
    for table in Base.metadata.sorted_tables:
        for column in table.primary_key.columns:
            if column.autoincrement is True or (
                column.autoincrement == "auto" and column.type.python_type is int
            ):
                statements.append(
                    f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', "
                    f"'{column.name}'), 1, false) "
                    f"WHERE pg_get_serial_sequence('\"{table.name}\"', '{column.name}') IS NOT NULL"
                )
    return ";\n".join(statements)


async def truncate_all(db: Database) -> None:
    async with db.engine.begin() as conn:
        raw = await conn.get_raw_connection()
        driver = raw.driver_connection
        assert driver is not None
        await driver.execute(_reset_sql())
