"""`carebot admin ...`: set up a real organisation from nothing."""

from __future__ import annotations

import argparse
import os
from typing import Any

from bot.cli.common import add_config_option, settings_from
from bot.clock import SystemClock
from bot.people.invites import create_invite
from bot.people.orgs import OrgError, create_org, find_org
from bot.roles import ASSIGNABLE, Role
from bot.runtime import open_database


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "admin",
        help="set up organisations and invite people",
        description="Set up an organisation and make invite codes, from the command line.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    org = actions.add_parser(
        "create-org",
        help="create an organisation (a fostering service or charity)",
        description="Create an organisation. Its name is how staff and invites refer to it.",
    )
    org.add_argument("name", help='the organisation\'s name, e.g. "Harbour Fostering"')
    add_config_option(org)
    org.set_defaults(handler=handle_create_org)

    invite = actions.add_parser(
        "invite",
        help="print a one-time invite code (and a Telegram link if configured)",
        description=(
            "Print a one-time invite code. The person sends it to carebot privately "
            "(/join CODE), reads the privacy notice and agrees, and joins with this role."
        ),
    )
    invite.add_argument("--org", required=True, help="the organisation's name")
    invite.add_argument(
        "--role",
        required=True,
        choices=[r.label for r in ASSIGNABLE],
        help="the role the person gets when they join",
    )
    invite.add_argument("--days", type=int, default=None, help="how many days the code works")
    add_config_option(invite)
    invite.set_defaults(handler=handle_invite)


async def handle_create_org(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    db = await open_database(settings)
    try:
        async with db.transaction() as session:
            org = await create_org(session, args.name, SystemClock().now())
            name = org.name
    except OrgError as problem:
        print(f"carebot: {problem}")
        return 1
    finally:
        await db.close()
    print(f"Created organisation {name!r}.")
    print(f'Next: carebot admin invite --org "{name}" --role admin')
    return 0


async def handle_invite(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    days = args.days if args.days is not None else settings.retention.invite_days
    if not 1 <= days <= 365:
        print("carebot: --days must be between 1 and 365")
        return 1
    role = Role.parse(args.role)
    assert role is not None
    db = await open_database(settings)
    try:
        async with db.transaction() as session:
            org = await find_org(session, args.org)
            if org is None:
                print(f"carebot: there is no organisation called {args.org!r}.")
                print(f'Create it first: carebot admin create-org "{args.org}"')
                return 1
            code = await create_invite(
                session,
                org_id=org.id,
                role=role,
                created_by=None,
                now=SystemClock().now(),
                valid_days=days,
            )
    finally:
        await db.close()
    print(f"Invite code for a {role.label} of {org.name}: {code}")
    print(f"It works once, for {days} days. The person sends carebot, privately: /join {code}")
    username = os.environ.get("TELEGRAM_BOT_USERNAME")
    if username:
        print(f"Telegram link: https://t.me/{username}?start={code.replace('-', '')}")
    return 0
