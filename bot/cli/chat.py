"""`carebot chat`: the console playground, interactive or scripted."""

from __future__ import annotations

import argparse
import logging
import random
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from adapters.console.adapter import CONSOLE_CAPABILITIES, ConsoleSender
from adapters.console.reader import LineReader
from adapters.console.session import PLATFORM, ConsoleSession, Tick
from bot.app import App
from bot.cli.common import add_config_option, settings_from
from bot.clock import FakeClock
from bot.delivery.ports import RateLimits
from bot.delivery.worker import DeliveryWorker
from bot.events import Action
from bot.runtime import open_app

SCRIPT_EPOCH = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
HELP_LINES = """Talk to carebot here as anyone you like. Lines starting with ':' steer the console:
  :as NAME [ROLE]      become NAME (created on first use; ROLE: carer, mentor, facilitator,
                       staff or admin)
  :in GROUP [PURPOSE]  speak in GROUP (support_group, coffee_morning, constellation, ...)
  :dm                  speak to carebot privately
  :press N|LABEL       press a button on the last message shown to you
  :wait DURATION       move the console clock on (90m, 2h, 3d), firing what falls due
Anything else is a message. Try:  :as Sam staff   then   /help"""


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "chat",
        help="chat with carebot in this terminal (a trusted local playground)",
        description=HELP_LINES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--script", type=Path, help="read the conversation from FILE instead of the keyboard"
    )
    parser.add_argument(
        "--jsonl", action="store_true", help="print one JSON object per line, for tools"
    )
    parser.add_argument(
        "--start",
        type=datetime.fromisoformat,
        help="console clock start, e.g. 2026-03-02T09:00+00:00 "
        "(scripts default to 2026-01-05 09:00 UTC so runs repeat exactly)",
    )
    add_config_option(parser)
    parser.set_defaults(handler=handle_chat)


def _start_time(args: argparse.Namespace, scripted: bool) -> datetime:
    if args.start is not None:
        start: datetime = args.start
        return start if start.tzinfo else start.replace(tzinfo=UTC)
    return SCRIPT_EPOCH if scripted else datetime.now(UTC)


async def handle_chat(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    logging.getLogger().setLevel(logging.WARNING)  # keep the playground readable
    if args.script is not None and not args.script.is_file():
        print(f"carebot: no script file at {args.script}", file=sys.stderr)
        return 1
    scripted = args.script is not None or not sys.stdin.isatty()
    clock = FakeClock(_start_time(args, scripted))
    rng = random.Random(0) if scripted else None
    caps = {PLATFORM: CONSOLE_CAPABILITIES}
    async with open_app(settings, clock=clock, capabilities=caps, rng=rng) as app:
        session = ConsoleSession(
            app=app, clock=clock, out=sys.stdout, err=sys.stderr, jsonl=args.jsonl
        )
        session.tick = _due_work(app, session)
        await app.started()
        if args.script is not None:
            with args.script.open(encoding="utf-8") as lines:
                for line in lines:
                    await session.feed(line)
        elif scripted:
            for line in sys.stdin:
                await session.feed(line)
        else:
            await _interactive(session)
    return 0


def _due_work(app: App, session: ConsoleSession) -> Tick:
    """After `:wait`: fire due timers, then deliver what they queued, in console time."""
    assert app.services.timers is not None
    timers = app.services.timers
    worker = DeliveryWorker(
        app.services.db,
        {PLATFORM: ConsoleSender(session.show)},
        {PLATFORM: RateLimits()},
        app.services.clock,
        app.services.settings.delivery,
        rng=lambda: 0.5,
    )

    clock = app.services.clock
    assert isinstance(clock, FakeClock)

    async def tick(until: datetime) -> list[Action]:
        """Step the clock to each moment something falls due, so nothing looks missed."""
        for _ in range(100_000):  # a bound, in case something keeps rescheduling itself
            await timers.run_due()
            next_send = await worker.run_once()
            next_timer = await timers.next_due()
            upcoming = [t for t in (next_send, next_timer) if t is not None and t <= until]
            if not upcoming:
                break
            clock.set(max(min(upcoming), clock.now()))
        return []

    return tick


async def _interactive(session: ConsoleSession) -> None:
    print(HELP_LINES + "\n")
    reader = LineReader()
    while True:
        who = session.me.display_name if session.me else "nobody"
        place = session.place.title if session.place else "private chat"
        line = await reader.next_line(f"{who} @ {place}> ")
        if line is None:
            print()
            return
        await session.feed(line)
