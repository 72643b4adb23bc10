"""`carebot run`: start every configured platform and run until stopped."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from typing import Any

from adapters.console.adapter import CONSOLE_CAPABILITIES, ConsoleAdapter
from adapters.console.session import PLATFORM, ConsoleSession
from bot.capabilities import Capabilities
from bot.cli.common import add_config_option, settings_from
from bot.clock import SystemClock
from bot.platform import PlatformAdapter
from bot.runner import Runner
from bot.runtime import open_app
from bot.services import CapabilitySource
from config.settings import Settings

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


def configured_adapters(settings: Settings) -> list[PlatformAdapter]:
    """Every platform whose settings are present. (Platforms arrive one issue at a time.)"""
    adapters: list[PlatformAdapter] = []
    if settings.telegram_bot_token is not None:
        from adapters.telegram.adapter import TelegramAdapter, TelegramConfig

        adapters.append(TelegramAdapter(TelegramConfig.from_settings(settings)))
    return adapters


async def handle_run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    clock = SystemClock()
    adapters = configured_adapters(settings)
    capabilities: dict[str, Capabilities | CapabilitySource] = {
        adapter.name: adapter.capabilities for adapter in adapters
    }
    if not adapters:
        capabilities[PLATFORM] = CONSOLE_CAPABILITIES
    async with open_app(settings, clock=clock, capabilities=capabilities) as app:
        if not adapters:
            log.info("no chat platform configured; using the console")
            session = ConsoleSession(app=app, clock=clock, out=sys.stdout, err=sys.stderr)
            adapters = [ConsoleAdapter(session, on_end=stop.set)]
        runner = Runner(app, adapters)
        await runner.start()
        try:
            await stop.wait()
        finally:
            await runner.stop()
    return 0
