"""Staff make invite codes in chat (the same codes `carebot admin invite` prints)."""

from __future__ import annotations

from bot.commands import ParsedCommand
from bot.context import Context
from bot.people.invites import create_invite
from bot.roles import Role, RoleWords
from bot.router import Router, Where
from config.texts import TextSection


class InviteTexts(TextSection):
    section = "invites"
    usage: str
    admins_only: str
    created: str


router = Router("invites")
router.texts(InviteTexts, RoleWords)


@router.command("invite", role=Role.STAFF, where=Where.DM)
async def invite(ctx: Context, command: ParsedCommand) -> None:
    texts = ctx.texts(InviteTexts)
    role = Role.parse(command.args[0]) if command.args else Role.CARER
    if role is None or len(command.args) > 1:
        ctx.reply(texts.usage)
        return
    if role >= Role.STAFF and ctx.role < Role.ADMIN:
        ctx.reply(texts.admins_only)
        return
    assert ctx.org_id is not None and ctx.person is not None
    days = ctx.services.settings.retention.invite_days
    code = await create_invite(
        ctx.db,
        org_id=ctx.org_id,
        role=role,
        created_by=ctx.person.id,
        now=ctx.now(),
        valid_days=days,
        rng=ctx.services.rng,
    )
    role_words = ctx.texts(RoleWords).a(role)
    ctx.reply(texts.created.format(code=code, role=role_words, days=days))
