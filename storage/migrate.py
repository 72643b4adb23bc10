"""Alembic migrations, run from code so no alembic.ini or extra step is needed."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, inspect

from storage.database import Database

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def _upgrade(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "head")


def _current_tables(connection: Connection) -> list[str]:
    return list(inspect(connection).get_table_names())


async def upgrade(db: Database) -> None:
    """Bring the schema to the newest migration (idempotent)."""
    async with db.engine.begin() as conn:
        await conn.run_sync(_upgrade)


async def table_names(db: Database) -> list[str]:
    async with db.engine.connect() as conn:
        return await conn.run_sync(_current_tables)


def _revisions(connection: Connection) -> tuple[str | None, str | None]:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    current = MigrationContext.configure(connection).get_current_revision()
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    return current, head


async def is_current(db: Database) -> bool:
    """True when the schema is at the newest migration."""
    async with db.engine.connect() as conn:
        current, head = await conn.run_sync(_revisions)
    return current == head
