"""`carebot events ics GROUP`: a group's calendar (.ics) on standard output.

GROUP is the group's title as registered (any case), its chat id, or its number in carebot.
Staff can put the file on a website or mail it to carers; re-importing updates events rather
than duplicating them, because each event's UID never changes.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sqlalchemy import func, or_, select

from bot.cli.common import add_config_option, settings_from
from bot.clock import Clock, SystemClock
from bot.features.events.calendar import group_calendar
from bot.features.events.ics import group_ics
from bot.runtime import open_database
from storage.models import Group


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "events",
        help="group events: export a group's calendar",
        description="Group events from the command line.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    ics = actions.add_parser(
        "ics",
        help="write a group's events as an .ics calendar to standard output",
        description=(
            "Write every upcoming event of GROUP as one iCalendar file to standard output, "
            "e.g. carebot events ics Tuesday > tuesday.ics"
        ),
    )
    ics.add_argument("group", help="the group's title, chat id or number")
    add_config_option(ics)
    ics.set_defaults(handler=handle_ics)


async def handle_ics(args: argparse.Namespace, *, clock: Clock | None = None) -> int:
    settings = settings_from(args)
    db = await open_database(settings)
    try:
        async with db.sessions() as session:
            said = str(args.group).strip()
            match = or_(func.lower(Group.title) == said.lower(), Group.chat_id == said)
            if said.isdigit():
                match = or_(match, Group.id == int(said))
            groups = list((await session.scalars(select(Group).where(match))).all())
            if not groups:
                print(f"carebot: there is no group called {said!r}.", file=sys.stderr)
                return 1
            if len(groups) > 1:
                print(f"carebot: more than one group matches {said!r}:", file=sys.stderr)
                for group in groups:
                    print(f"  {group.id}: {group.title} ({group.platform})", file=sys.stderr)
                print("Use the number instead.", file=sys.stderr)
                return 1
            group = groups[0]
            now = (clock or SystemClock()).now()
            ics = await group_calendar(session, group, now, settings.zone)
    finally:
        await db.close()
    if ics is None:
        print(f"carebot: nothing is coming up in {group.title!r}.", file=sys.stderr)
        ics = group_ics([], zone=settings.zone, dtstamp=now, name=group.title or "carebot")
    sys.stdout.write(ics)
    return 0
