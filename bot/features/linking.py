"""`/link`: one person on several platforms. A code from one, typed into the other."""

from __future__ import annotations

from bot.commands import ParsedCommand
from bot.context import Context
from bot.people.codes import looks_like_code
from bot.people.linking import create_link_code, merge_people, usable_link_code
from bot.people.members import account_for
from bot.roles import Role
from bot.router import Router, Where
from config.texts import TextSection
from storage.models import Account


class LinkTexts(TextSection):
    section = "linking"
    code: str
    not_found: str
    same_person: str
    linked: str
    guest_needs_code: str


router = Router("linking")
router.texts(LinkTexts)


@router.command("link", role=Role.GUEST, where=Where.DM)
async def link(ctx: Context, command: ParsedCommand) -> None:
    texts = ctx.texts(LinkTexts)
    if not command.args:
        if ctx.person is None:
            ctx.reply(texts.guest_needs_code)
            return
        minutes = ctx.services.settings.retention.link_code_minutes
        code = await create_link_code(ctx.db, ctx.person.id, ctx.now(), minutes, ctx.services.rng)
        ctx.reply(texts.code.format(code=code, minutes=minutes))
        return
    found = None
    if looks_like_code(command.arg_text):
        found = await usable_link_code(ctx.db, command.arg_text, ctx.now())
    if found is None:
        ctx.reply(texts.not_found)
        return
    if ctx.person is not None and ctx.person.id == found.person_id:
        ctx.reply(texts.same_person)  # the code stays usable for the other app
        return
    found.used_at = ctx.now()
    account = await account_for(ctx.db, ctx.sender)
    if account is None:
        ctx.db.add(
            Account(
                person_id=found.person_id,
                platform=ctx.sender.platform,
                external_id=ctx.sender.id,
                created_at=ctx.now(),
            )
        )
        await ctx.db.flush()
    elif ctx.person is not None:
        await merge_people(ctx.db, keep_id=found.person_id, drop_id=ctx.person.id, now=ctx.now())
    ctx.reply(texts.linked)
