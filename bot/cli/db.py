"""`carebot db upgrade`: bring the database schema up to date."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.common import add_config_option, settings_from
from config.settings import ConfigError
from storage.database import Database, DatabaseUrlError
from storage.migrate import upgrade


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "db", help="database maintenance", description="Database maintenance."
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    up = actions.add_parser(
        "upgrade",
        help="apply every pending migration (safe to run again)",
        description=(
            "Apply pending migrations to the database named by DATABASE_URL "
            "(default: SQLite in the data folder). SQLite is also upgraded at every start."
        ),
    )
    add_config_option(up)
    up.set_defaults(handler=handle_upgrade)


async def handle_upgrade(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    try:
        db = Database(settings.database())
    except DatabaseUrlError as problem:
        raise ConfigError(f"environment: field 'DATABASE_URL': {problem}") from problem
    try:
        await upgrade(db)
    finally:
        await db.close()
    print(f"Database is up to date ({db.url.render_as_string(hide_password=True)}).")
    return 0
