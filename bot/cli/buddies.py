"""`carebot buddies match`: see (or make) the buddy proposals from the command line.

With --dry-run it prints what matching would propose and the gaps, and changes nothing.
Without it, it records the proposals for staff to check with /buddies in chat, exactly
like the daily run; any messages it queues go out when carebot is running.
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.cli.common import add_config_option, settings_from
from bot.features.buddies import store
from bot.features.buddies.gaps import describe_gap
from bot.features.buddies.post import from_services
from bot.features.buddies.reasons import describe
from bot.features.buddies.run import plan, run
from bot.features.buddies.texts import BuddyTexts
from bot.people.orgs import find_org
from bot.runtime import open_app, open_database
from config.settings import Settings
from config.texts import Texts


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "buddies",
        help="the buddy programme: preview or run matching",
        description="Work with the buddy programme from the command line.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    matching = actions.add_parser(
        "match",
        help="propose buddies for everyone waiting (staff confirm in chat with /buddies)",
        description=(
            "Match carers waiting for a buddy with mentors who have room. With --dry-run, "
            "print the proposals and the gaps and change nothing."
        ),
    )
    matching.add_argument("--org", required=True, help="the organisation's name")
    matching.add_argument(
        "--dry-run", action="store_true", help="only print what would be proposed"
    )
    add_config_option(matching)
    matching.set_defaults(handler=handle_match)


async def describe_plan(
    db: AsyncSession, org_id: int, org_name: str, settings: Settings, texts: Texts
) -> list[str]:
    """The lines --dry-run prints: each proposal with its reasons, then the gaps."""
    planned = await plan(db, org_id, settings.buddies)
    templates = texts.get(BuddyTexts).reasons
    proposals = planned.result.proposals
    named = await store.names(
        db, [p.mentor_id for p in proposals] + [p.mentee_id for p in proposals]
    )
    lines = [
        f"Buddy proposals for {org_name} (dry run: nothing changed, nobody told): {len(proposals)}"
    ]
    for p in proposals:
        why = describe(p.reasons, templates)
        lines.append(
            f"  {named.get(p.mentor_id, '?')} for {named.get(p.mentee_id, '?')} "
            f"(score {p.score}): {why}"
        )
    gaps = planned.result.gaps()
    lines.append(f"Still waiting with no good match: {len(planned.result.unmatched)}")
    lines += [f"  {describe_gap(gap, templates)}" for gap in gaps]
    return lines


async def handle_match(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if args.dry_run:
        db = await open_database(settings)
        try:
            async with db.sessions() as session:  # read only: never committed
                org = await find_org(session, args.org)
                if org is None:
                    print(f"carebot: there is no organisation called {args.org!r}.")
                    return 1
                lines = await describe_plan(session, org.id, org.name, settings, Texts.load())
        finally:
            await db.close()
        print("\n".join(lines))
        return 0
    async with open_app(settings) as app, app.services.db.transaction() as session:
        org = await find_org(session, args.org)
        if org is None:
            print(f"carebot: there is no organisation called {args.org!r}.")
            return 1
        outcome = await run(from_services(session, app.services), org.id)
    print(f"New proposals: {outcome.new}. Still waiting for a match: {outcome.unmatched}.")
    print("Staff can check and send them with /buddies in a private chat with carebot.")
    return 0
