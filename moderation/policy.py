"""`/confidentiality nudge|hold|off` and `/photos on|off`: staff set a group's policy."""

from __future__ import annotations

from bot.commands import ParsedCommand
from bot.context import Context
from bot.roles import Role
from bot.router import Router, Where
from config.texts import TextSection

POLICIES = ("nudge", "hold", "off")


class PolicyTexts(TextSection):
    section = "confidentiality_policy"
    usage: str
    current: str
    changed: dict[str, str]
    hold_cannot_delete: str
    photos_usage: str
    photos_changed: dict[str, str]
    not_registered: str


router = Router("confidentiality_policy")
router.texts(PolicyTexts)


@router.command("confidentiality", role=Role.STAFF, where=Where.GROUP)
async def confidentiality(ctx: Context, command: ParsedCommand) -> None:
    texts = ctx.texts(PolicyTexts)
    if ctx.group is None:
        ctx.reply(texts.not_registered)
        return
    choice = (command.arg(0) or "").lower()
    if not choice:
        ctx.reply(texts.current.format(policy=ctx.group.confidentiality_policy))
        return
    if choice not in POLICIES or len(command.args) > 1:
        ctx.reply(texts.usage)
        return
    ctx.group.confidentiality_policy = choice
    reply = texts.changed[choice]
    if choice == "hold" and not ctx.capabilities.delete_messages:
        reply += "\n\n" + texts.hold_cannot_delete
    ctx.reply(reply)


@router.command("photos", role=Role.STAFF, where=Where.GROUP)
async def photos(ctx: Context, command: ParsedCommand) -> None:
    texts = ctx.texts(PolicyTexts)
    if ctx.group is None:
        ctx.reply(texts.not_registered)
        return
    choice = (command.arg(0) or "").lower()
    if choice not in ("on", "off") or len(command.args) > 1:
        ctx.reply(texts.photos_usage)
        return
    ctx.group.photo_reminders = choice == "on"
    ctx.reply(texts.photos_changed[choice])
