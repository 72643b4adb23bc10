"""The `carebot` command line: one entry point, a subcommand per job."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from bot.cli import admin, chat, config_check, db, doctor, run
from bot.cli import buddies as buddies_command
from bot.cli import events as events_command
from bot.cli import faq as faq_command
from bot.cli import scan as scan_command
from bot.features.reports import cli as report_command
from config.settings import ConfigError

EXIT_CONFIG = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="carebot",
        description=(
            "carebot helps foster and kinship carers support each other in the chat apps "
            "they already use. Settings come from config/carebot.toml (or CAREBOT_CONFIG) "
            "and the environment; secrets only from the environment."
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    run.add_parser(commands)
    chat.add_parser(commands)
    admin.add_parser(commands)
    db.add_parser(commands)
    config_check.add_parser(commands)
    doctor.add_parser(commands)
    scan_command.add_parser(commands)
    faq_command.add_parser(commands)
    events_command.add_parser(commands)
    buddies_command.add_parser(commands)
    report_command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = asyncio.run(args.handler(args))
    except ConfigError as problem:
        print(f"carebot: configuration problem: {problem}", file=sys.stderr)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        return 130
    return result


if __name__ == "__main__":
    sys.exit(main())
