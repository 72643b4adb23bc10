"""Readers saying "I've read this": the button, or a typed "read" where there are no buttons.

The thank-you always goes privately, so a group is not filled with receipts. A typed
"read" counts only for a notice that asked for it and reached that very chat, and
only in private chats or on platforms without buttons, where the notice asked for it
in words; anywhere else it is left to the other features as ordinary talk.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.context import Context
from bot.events import Message
from bot.features.notices import store
from bot.features.notices.routing import ACK_BUTTON, router
from bot.features.notices.texts import NoticeReportTexts
from bot.people.members import membership
from bot.roles import Role
from storage.models import Delivery, Membership
from storage.notices_tables import Notice, NoticeAck, NoticeItem


async def _record(ctx: Context, notice: Notice) -> None:
    texts = ctx.texts(NoticeReportTexts)
    assert ctx.person is not None
    if await membership(ctx.db, ctx.person.id, notice.org_id) is None:
        ctx.dm(texts.ack_other_org)
        return
    if await store.acknowledge(ctx.db, notice.id, ctx.person.id, ctx.now()):
        ctx.dm(texts.ack_thanks.format(org=await store.org_name(ctx.db, notice.org_id)))
    else:
        ctx.dm(texts.ack_already)


@router.button(ACK_BUTTON, role=Role.GUEST)
async def pressed(ctx: Context, arg: str) -> None:
    texts = ctx.texts(NoticeReportTexts)
    notice = await ctx.db.get(Notice, int(arg)) if arg.isdigit() else None
    if notice is None or not notice.ask_ack:
        ctx.dm(texts.ack_gone)
        return
    if ctx.person is None:
        ctx.dm(texts.ack_guest)
        return
    await _record(ctx, notice)


async def _latest_unread(ctx: Context, person_id: int) -> Notice | None:
    """The newest notice asking for a receipt that reached this chat and they haven't answered."""
    answered = select(NoticeAck.notice_id).where(NoticeAck.person_id == person_id)
    theirs = select(Membership.org_id).where(Membership.person_id == person_id)
    found = await ctx.db.execute(
        select(Notice)
        .join(NoticeItem, NoticeItem.notice_id == Notice.id)
        .join(Delivery, Delivery.item_id == NoticeItem.item_id)
        .where(
            Delivery.platform == ctx.chat.platform,
            Delivery.chat_id == ctx.chat.id,
            Delivery.status == "sent",
            Notice.ask_ack,
            Notice.org_id.in_(theirs),
            Notice.id.not_in(answered),
        )
        .order_by(Notice.id.desc())
        .limit(1)
    )
    return found.scalars().first()


@router.message(role=Role.CARER)
async def typed(ctx: Context, message: Message) -> bool:
    texts = ctx.texts(NoticeReportTexts)
    said = " ".join(message.text.lower().replace("’", "'").strip(" .!").split())
    if said not in texts.read_words or ctx.person is None:
        return False
    if not ctx.in_dm and ctx.capabilities.buttons:
        return False
    notice = await _latest_unread(ctx, ctx.person.id)
    if notice is None:
        return False
    await _record(ctx, notice)
    return True
