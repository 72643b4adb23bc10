"""`carebot config check`: validate settings and texts without starting anything."""

from __future__ import annotations

import argparse
from typing import Any

from bot.app import feature_routers
from bot.cli.common import add_config_option, settings_from
from bot.dispatch import Dispatcher
from bot.features.sessions.topics import load_library
from config.settings import ConfigError
from config.texts import Texts
from moderation.safeguarding.routes import RoutesError, load_routes


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "config",
        help="check the settings and message files",
        description="Check carebot's configuration without starting it.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check",
        help="validate settings and every feature's texts; exit 2 on the first problem",
        description=(
            "Validate config/carebot.toml (or --config), the environment and "
            "config/messages.toml. Prints one line naming the file, field and problem."
        ),
    )
    add_config_option(check)
    check.set_defaults(handler=handle_check)


async def handle_check(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    texts = Texts.load()
    Dispatcher(feature_routers(), bot_names=(settings.bot_name,)).validate(texts)
    try:
        load_routes()
    except RoutesError as problem:
        raise ConfigError(str(problem)) from problem
    load_library()
    print("Configuration looks good.")
    return 0
