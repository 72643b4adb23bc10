"""`/notice` for staff, in a private chat: write one, or list, check and cancel them.

`/notice` starts the questions (`/notice <text>` starts with the text already given);
`/notice list`, `/notice status N` and `/notice cancel N` look after the ones already
written. Importing this module registers every handler of the feature on `router`.
"""

from __future__ import annotations

from bot.commands import ParsedCommand
from bot.context import Context
from bot.features.notices import ack, compose, confirm, report, sending, store
from bot.features.notices.routing import router
from bot.features.notices.texts import NoticeReportTexts, NoticeTexts
from bot.roles import Role
from bot.router import Where
from storage.notices_tables import Notice

__all__ = ["ack", "confirm", "router"]

SUBCOMMANDS = ("status", "cancel")


@router.command("notice", role=Role.STAFF, where=Where.DM)
async def notice(ctx: Context, command: ParsedCommand) -> None:
    first = (command.arg(0) or "").lower()
    if ctx.org_id is None:
        ctx.reply(ctx.texts(NoticeTexts).no_org)
        return
    if first == "list" and len(command.args) == 1:
        await report.list_notices(ctx, ctx.org_id)
    elif first == "help" and len(command.args) == 1:
        ctx.reply(ctx.texts(NoticeReportTexts).usage)
    elif first in SUBCOMMANDS and len(command.args) <= 2:
        await _one(ctx, first, ctx.org_id, command.arg(1))
    else:
        await compose.start(ctx, command.arg_text or None)


async def _one(ctx: Context, action: str, org_id: int, said: str | None) -> None:
    texts = ctx.texts(NoticeReportTexts)
    number = (said or "").lstrip("#")
    if not number.isdigit():
        ctx.reply(texts.needs_number.format(action=action))
        return
    found = await store.in_org(ctx.db, org_id, int(number))
    if found is None:
        ctx.reply(texts.not_found.format(number=number))
        return
    if action == "status":
        await report.show_status(ctx, found)
    else:
        await _cancel(ctx, found)


async def _cancel(ctx: Context, notice: Notice) -> None:
    texts = ctx.texts(NoticeReportTexts)
    number = notice.id
    if notice.status == "scheduled" and await sending.cancel(ctx.db, ctx.services, notice):
        ctx.reply(texts.cancelled.format(number=number))
    elif notice.status == "cancelled":
        ctx.reply(texts.cancel_already.format(number=number))
    elif notice.status == "nobody":
        ctx.reply(texts.cancel_nobody.format(number=number))
    else:  # sent, or its timer fired a moment ago
        ctx.reply(texts.cancel_sent.format(number=number))
