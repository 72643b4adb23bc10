"""The preview's buttons: send (once, however often it is pressed), the safer version,
change the text, or don't send.

Only the latest preview's buttons work: each carries the token the conversation holds.
A second press of "Send" finds the notice the first one made (by that token) and says
so; any other out-of-date button says the preview has closed.
"""

from __future__ import annotations

from typing import Any

from bot import conversation
from bot.context import Context
from bot.features.notices import compose, store
from bot.features.notices.audience import Audience
from bot.features.notices.preview import describe_audience, release_at, send_moment
from bot.features.notices.routing import FLOW, PREVIEW_BUTTON, router
from bot.features.notices.sending import plan, queue_now, reach_words
from bot.features.notices.texts import NoticeTexts
from bot.features.notices.when import spoken_time
from bot.roles import Role
from storage.notices_tables import Notice


@router.button(PREVIEW_BUTTON, role=Role.STAFF)
async def pressed(ctx: Context, arg: str) -> None:
    texts = ctx.texts(NoticeTexts)
    action, _, token = arg.partition(":")
    state = await conversation.current(ctx.db, ctx.sender, ctx.now())
    if (
        state is None
        or state.flow != FLOW
        or state.step != "preview"
        or state.data.get("token") != token
    ):
        await _out_of_date(ctx, action, token)
        return
    data = dict(state.data)
    if not await compose.still_theirs(ctx, data):
        return
    if action == "stop":
        await conversation.finish(ctx.db, ctx.sender)
        ctx.reply(texts.stopped)
    elif action == "edit":
        changed = {**data, "text": None}
        await conversation.ask(
            ctx.db, ctx.sender, flow=FLOW, step="text", data=changed, now=ctx.now()
        )
        ctx.reply(texts.edit_text)
    elif action == "safe" and data.get("suggestion"):
        await compose.advance(ctx, {**data, "text": data["suggestion"]})
    elif action == "send":
        await _send(ctx, data, token)
    else:
        ctx.reply(texts.stale)


async def _out_of_date(ctx: Context, action: str, token: str) -> None:
    texts = ctx.texts(NoticeTexts)
    if action == "send":
        notice = await store.by_draft_key(ctx.db, token)
        if notice is not None and notice.org_id == ctx.org_id:
            ctx.reply(texts.already.format(number=notice.id))
            return
    ctx.reply(texts.stale)


async def _send(ctx: Context, data: dict[str, Any], token: str) -> None:
    texts = ctx.texts(NoticeTexts)
    now = ctx.now()
    org_id = int(data["org"])
    moment = send_moment(ctx, data)
    zone = ctx.services.settings.zone
    if moment < now:  # the time chosen went by while the preview was open
        passed = texts.when_passed.format(when=spoken_time(moment, zone, texts.when_format))
        await compose.advance(ctx, {**data, "when": None}, prefix=passed)
        return
    audience = Audience.from_json(data["audience"])
    send_at = await release_at(ctx, org_id, moment)
    words = await describe_audience(ctx, audience, org_id)
    values = {
        "org_id": org_id,
        "author_id": ctx.person.id if ctx.person else None,
        "text": str(data["text"]),
        "audience": audience.to_json(),
        "audience_words": words[:300],
        "ask_ack": bool(data.get("ack")),
        "flagged": list(data.get("flagged") or []),
        "status": "scheduled",
        "send_at": send_at,
        "created_at": now,
        "draft_key": token,
    }
    notice_id = await store.create_once(ctx.db, values)
    if notice_id is None:
        await _out_of_date(ctx, "send", token)
        return
    await conversation.finish(ctx.db, ctx.sender)
    notice = await ctx.db.get(Notice, notice_id)
    assert notice is not None
    if send_at > now:
        await plan(ctx.db, ctx.services, notice)
        template = texts.scheduled_held if send_at != moment else texts.scheduled
        when = spoken_time(send_at, zone, texts.when_format)
        ctx.reply(template.format(number=notice.id, audience=words, when=when))
        return
    reach = await queue_now(ctx.db, ctx.services, notice)
    if reach.empty:
        ctx.reply(texts.went_to_nobody.format(number=notice.id, audience=words))
        return
    told = reach_words(texts, reach.groups, reach.people)
    ctx.reply(texts.sent.format(number=notice.id, reach=told))
