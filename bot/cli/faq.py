"""`carebot faq ask` and `carebot faq check`: try and check the FAQ without chatting.

Both read the shared topics plus the organisation's `[faq] overrides_dir`, exactly
as carebot does at start, and `ask` words its reply with the chat's own texts, so what
you see here is what carers get.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.cli.common import add_config_option, settings_from
from bot.clock import SystemClock
from bot.features.faq import cli
from bot.features.faq.library import kb_dirs
from config.texts import Texts


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "faq",
        help="ask the FAQ a question, or check the topic files",
        description=(
            "Try carebot's FAQ answers and check the topic files (config/faq plus your "
            "organisation's [faq] overrides_dir) without starting carebot."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    ask = actions.add_parser(
        "ask",
        help="print carebot's answer to a question (or answer many with --jsonl)",
        description=(
            'Print the answer carebot would give, e.g. carebot faq ask "what is PP+?". '
            'With --jsonl, read {"id": ..., "text": ...} lines on standard input and write '
            '{"id": ..., "topic": SLUG or null, "score": ...} lines (exit 1 if a line was bad).'
        ),
    )
    ask.add_argument("text", nargs="*", help="the question, in your own words")
    ask.add_argument(
        "--jsonl", action="store_true", help="read JSON lines on stdin; write one result per line"
    )
    add_config_option(ask)
    ask.set_defaults(handler=handle_ask)

    check = actions.add_parser(
        "check",
        help="check every topic file; print problems as file:line: message",
        description=(
            "Check every topic file in config/faq and your [faq] overrides_dir: missing "
            "fields, broken front matter, an answer too long for a chat message, a source "
            "without a web address, a check date over a year old. Each problem is printed "
            "as file:line: message. Exit 0 when all is well, 1 when something needs fixing."
        ),
    )
    add_config_option(check)
    check.set_defaults(handler=handle_check)


async def handle_ask(args: argparse.Namespace) -> int:
    folders = kb_dirs(settings_from(args))
    if args.jsonl:
        if args.text:
            print("carebot faq ask: give a question or --jsonl, not both", file=sys.stderr)
            return 2
        return cli.ask_jsonl(folders, sys.stdin, sys.stdout)
    question = " ".join(args.text).strip()
    if not question:
        print('carebot faq ask: what would you like to ask? e.g. "what is PP+?"', file=sys.stderr)
        return 2
    return cli.ask_once(folders, question, sys.stdout, Texts.load())


async def handle_check(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    today = SystemClock().now().astimezone(settings.zone).date()
    return cli.check(kb_dirs(settings), sys.stdout, today)
