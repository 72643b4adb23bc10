"""The nudge's "post it for me" button, the job that erases suggestions, and data rights.

Pressing the button posts the redacted suggestion in the group, clearly attributed
("Amira asked me to share: ..."), then forgets its text at once. After its hour
the suggestion is gone and the button says so kindly.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import Context
from bot.events import ChatKind, ChatRef
from bot.router import JobContext, Router
from bot.services import Services
from moderation.confidentiality import warm_up
from moderation.nudging import records
from moderation.nudging.middleware import POST_BUTTON
from moderation.nudging.texts import NudgeTexts, PhotoTexts
from storage.models import Group
from storage.moderation_tables import NudgeSuggestion

router = Router("confidentiality_nudges")
router.texts(NudgeTexts, PhotoTexts)


@router.button(POST_BUTTON)
async def post_for_me(ctx: Context, arg: str) -> None:
    texts = ctx.texts(NudgeTexts)
    row = await ctx.db.get(NudgeSuggestion, int(arg)) if arg.isdigit() else None
    if row is None or row.expires_at <= ctx.now():
        if row is not None:
            await ctx.db.delete(row)
        ctx.dm(texts.expired)
        return
    if row.user_key != records.user_key(ctx.person.id if ctx.person else None, ctx.sender):
        ctx.dm(texts.not_yours)
        return
    group = await ctx.db.get(Group, row.group_id)
    if group is None or not group.active:
        ctx.dm(texts.group_gone)
        return
    title = group.title or "the group"
    if row.posted_at is not None:
        ctx.dm(texts.already_posted.format(group=title))
        return
    chat = ChatRef(
        platform=group.platform,
        id=group.chat_id,
        kind=ChatKind.GROUP,
        thread_id=row.thread_id,
        title=group.title,
    )
    ctx.send(chat, texts.shared_for.format(name=ctx.sender.display_name, suggestion=row.text))
    row.posted_at = ctx.now()
    row.text = ""  # posted: nothing of it needs keeping any longer
    ctx.dm(texts.posted.format(group=title))


@router.job(records.FORGET_JOB)
async def forget(job: JobContext, payload: dict[str, Any]) -> None:
    """An hour is up: erase this suggestion (and anything else past its time)."""
    suggestion_id = payload.get("id")
    if isinstance(suggestion_id, int):
        await job.db.execute(delete(NudgeSuggestion).where(NudgeSuggestion.id == suggestion_id))
    await records.forget_old(job.db, job.services.clock.now())


async def _warm_up(_db: AsyncSession, _services: Services) -> None:
    """Load the detector's word lists now, so the first message doesn't wait for them."""
    warm_up()


router.startup.append(_warm_up)
router.exporter(records.export)
router.eraser(records.erase)
