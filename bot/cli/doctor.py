"""`carebot doctor PLATFORM`: check a chat platform is set up so carebot can do its job."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sqlalchemy import select

from bot.cli.common import add_config_option, settings_from
from bot.runtime import open_database
from config.settings import ConfigError
from storage.models import Group


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "doctor",
        help="check that a chat platform is set up well, and say what to fix",
        description="Check that a chat platform is set up so carebot can do its job.",
    )
    platforms = parser.add_subparsers(dest="platform", metavar="PLATFORM", required=True)
    telegram = platforms.add_parser(
        "telegram",
        help="check the Telegram token, privacy mode and admin rights in registered groups",
        description=(
            "Check carebot on Telegram: that TELEGRAM_BOT_TOKEN works; whether carebot can "
            "read every message in its groups (BotFather's privacy mode off, or carebot an "
            "admin), which confidentiality nudges need; and, for every Telegram group "
            "registered with /register, whether carebot is still there and is an admin that "
            "may delete messages. Each problem comes with what to do about it. Exits 0 when "
            "nothing needs fixing, 1 when something does, 2 on a settings problem."
        ),
    )
    add_config_option(telegram)
    telegram.set_defaults(handler=handle_telegram)


async def handle_telegram(args: argparse.Namespace) -> int:
    from adapters.telegram.adapter import TelegramConfig
    from adapters.telegram.doctor import RegisteredGroup, diagnose, report

    settings = settings_from(args)
    if settings.telegram_bot_token is None:
        raise ConfigError(
            "environment: field 'TELEGRAM_BOT_TOKEN': not set (get it from @BotFather)"
        )
    db = await open_database(settings)
    try:
        async with db.sessions() as session:
            rows = await session.execute(
                select(Group.title, Group.chat_id, Group.active)
                .where(Group.platform == "telegram")
                .order_by(Group.title, Group.id)
            )
            groups = [RegisteredGroup(title, chat_id, active) for title, chat_id, active in rows]
    finally:
        await db.close()
    findings = await diagnose(TelegramConfig.from_settings(settings), groups)
    return report(findings, sys.stdout)
