"""`carebot run`: start every configured platform and run until stopped."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from typing import Any

from adapters.console.reader import LineReader
from adapters.console.session import PLATFORM, ConsoleSession
from bot.capabilities import Capabilities
from bot.cli.common import add_config_option, settings_from
from bot.clock import SystemClock
from bot.runtime import open_app

log = logging.getLogger(__name__)


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "run",
        help="start carebot on every platform whose settings are present",
        description=(
            "Start carebot on every platform whose settings are present (for example "
            "TELEGRAM_BOT_TOKEN). With none, it runs on the console. Stops cleanly on "
            "Ctrl+C or SIGTERM."
        ),
    )
    add_config_option(parser)
    parser.set_defaults(handler=handle_run)


async def handle_run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    caps = {PLATFORM: Capabilities(buttons=True, delete_messages=True)}
    async with open_app(settings, clock=SystemClock(), capabilities=caps) as app:
        log.info("carebot started; no chat platform configured, using the console")
        session = ConsoleSession(app=app, clock=SystemClock(), out=sys.stdout, err=sys.stderr)
        reader = asyncio.create_task(_read_console(session, stop))
        await stop.wait()
        reader.cancel()
        log.info("carebot stopping")
    return 0


async def _read_console(session: ConsoleSession, stop: asyncio.Event) -> None:
    reader = LineReader()
    while not stop.is_set():
        line = await reader.next_line()
        if line is None:
            stop.set()
            return
        await session.feed(line)
