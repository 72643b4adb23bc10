"""Group agreement: ground rules shown to people joining a group, with an "I agree" button.

The rules include the limits of confidentiality: what must be passed on to keep a
child safe. Agreement is recorded per person per group.
"""

from __future__ import annotations

from bot.commands import ParsedCommand
from bot.context import Context
from bot.events import Button
from bot.membership import note_member
from bot.roles import Role
from bot.router import Router, Where, button_data
from config.texts import TextSection
from storage.models import Group


class RuleTexts(TextSection):
    section = "group_rules"
    welcome: str
    rules: str
    agree_button: str
    thanks: str
    thanks_guest: str
    not_a_group: str


router = Router("group_rules")
router.texts(RuleTexts)


def _rules_buttons(texts: RuleTexts, group: Group) -> list[Button]:
    return [Button(texts.agree_button, button_data("rules", str(group.id)))]


@router.joined
async def welcome(ctx: Context) -> None:
    if ctx.group is None:
        return
    texts = ctx.texts(RuleTexts)
    greeting = texts.welcome.format(name=ctx.sender.display_name)
    ctx.reply(f"{greeting}\n\n{texts.rules}", _rules_buttons(texts, ctx.group))


@router.command("rules", role=Role.GUEST, where=Where.GROUP)
async def rules(ctx: Context, _command: ParsedCommand) -> None:
    texts = ctx.texts(RuleTexts)
    if ctx.group is None:
        ctx.reply(texts.not_a_group)
        return
    ctx.reply(texts.rules, _rules_buttons(texts, ctx.group))


@router.button("rules")
async def agree(ctx: Context, group_id: str) -> None:
    texts = ctx.texts(RuleTexts)
    group = await ctx.db.get(Group, int(group_id)) if group_id.isdigit() else None
    if group is None:
        ctx.dm(texts.not_a_group)
        return
    if ctx.person is None:
        ctx.dm(texts.thanks_guest)
        return
    row = await note_member(ctx.db, group.id, ctx.person.id, ctx.now())
    if row.agreed_rules_at is None:
        row.agreed_rules_at = ctx.now()
    ctx.dm(texts.thanks.format(group=group.title or "the group"))
