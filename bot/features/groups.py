"""Registering a chat as one of the organisation's groups, with its purpose."""

from __future__ import annotations

from bot.commands import ParsedCommand
from bot.context import Context
from bot.people.orgs import region_named
from bot.roles import Role
from bot.router import Router, Where
from config.texts import TextSection
from storage.models import Group, Organisation

PURPOSES = {
    "support_group": ("support group", "support", "supportgroup", "support-group"),
    "coffee_morning": ("coffee morning", "coffee", "coffeemorning", "coffee-morning"),
    "constellation": ("constellation", "mockingbird", "hub"),
    "regional_network": ("regional network", "regional", "network", "regional-network"),
    "staff": ("staff", "staff group", "team"),
}


class GroupTexts(TextSection):
    section = "groups"
    register_usage: str
    registered: str
    updated: str
    other_org: str
    no_org: str
    purpose_names: dict[str, str]


router = Router("groups")
router.texts(GroupTexts)


def parse_purpose(args: tuple[str, ...]) -> tuple[str, str] | None:
    """(purpose, region words) from `/register coffee morning North Leeds`."""
    lowered = [a.lower() for a in args]
    for take in (2, 1):
        if len(lowered) < take:
            continue
        phrase = " ".join(lowered[:take]).replace("_", " ")
        for purpose, words in PURPOSES.items():
            if phrase in words or phrase == purpose.replace("_", " "):
                return purpose, " ".join(args[take:])
    return None


@router.command("register", role=Role.STAFF, where=Where.GROUP)
async def register(ctx: Context, command: ParsedCommand) -> None:
    texts = ctx.texts(GroupTexts)
    parsed = parse_purpose(command.args)
    if parsed is None:
        ctx.reply(texts.register_usage)
        return
    purpose, region_name = parsed
    if ctx.org_id is None or ctx.person is None:
        ctx.reply(texts.no_org)
        return
    group = ctx.group
    if group is not None and group.org_id != ctx.org_id:
        ctx.reply(texts.other_org)
        return
    region_id = (await region_named(ctx.db, ctx.org_id, region_name)).id if region_name else None
    title = (ctx.chat.title or "")[:200]
    if group is None:
        ctx.db.add(
            Group(
                org_id=ctx.org_id,
                region_id=region_id,
                platform=ctx.chat.platform,
                chat_id=ctx.chat.id,
                title=title,
                purpose=purpose,
                active=True,
                registered_at=ctx.now(),
                registered_by=ctx.person.id,
            )
        )
        message = texts.registered
    else:
        group.purpose, group.region_id, group.active = purpose, region_id, True
        group.title = title or group.title
        message = texts.updated
    org = await ctx.db.get(Organisation, ctx.org_id)
    assert org is not None
    where = f" ({region_name})" if region_name else ""
    ctx.reply(message.format(purpose=texts.purpose_names[purpose], org=org.name, region=where))
