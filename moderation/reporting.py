"""`/report`: a member flags a message for the group's facilitators, quietly.

The alert goes privately to facilitators and staff; the report itself is removed
from the group where carebot may delete, so the reporter is not exposed.
"""

from __future__ import annotations

from bot.commands import ParsedCommand
from bot.context import Context
from bot.events import Message
from bot.people.contacts import group_leaders, private_chat
from bot.roles import Role
from bot.router import Router, Where
from config.texts import TextSection


class ReportTexts(TextSection):
    section = "reporting"
    how_to: str
    alert: str
    alert_unknown_author: str
    thanks: str
    nobody_to_tell: str
    not_registered: str


router = Router("reporting")
router.texts(ReportTexts)


@router.command("report", role=Role.GUEST, where=Where.GROUP)
async def report(ctx: Context, _command: ParsedCommand) -> None:
    texts = ctx.texts(ReportTexts)
    message = ctx.event
    assert isinstance(message, Message)
    if ctx.capabilities.delete_messages:
        ctx.delete(message.message_id)
    if ctx.group is None:
        ctx.dm(texts.not_registered)
        return
    if message.reply_to_message_id is None:
        ctx.dm(texts.how_to)
        return
    group_name = ctx.group.title or "a group"
    author = message.reply_to_sender
    if author is not None:
        alert = texts.alert.format(
            reporter=ctx.sender.display_name, author=author.display_name, group=group_name
        )
    else:
        alert = texts.alert_unknown_author.format(
            reporter=ctx.sender.display_name, group=group_name
        )
    leaders = await group_leaders(ctx.db, ctx.group.id, ctx.group.org_id)
    reporter_id = ctx.person.id if ctx.person else None
    told = 0
    for person_id in leaders:
        if person_id == reporter_id:
            continue
        chat = await private_chat(ctx.db, person_id, prefer_platform=ctx.chat.platform)
        if chat is not None:
            ctx.send(chat, alert)
            told += 1
    ctx.dm(texts.thanks if told else texts.nobody_to_tell)
