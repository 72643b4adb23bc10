"""What staff see about notices afterwards: `/notice list` and `/notice status N`.

The delivery report is read straight from the outbox (the notice's items and their
deliveries), so it always matches what the delivery worker did. Failures are grouped
by reason in plain words, with the groups' names or the people's names, because staff
will want to reach those another way.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import Context
from bot.features.notices import store
from bot.features.notices.texts import NoticeReportTexts, NoticeTexts
from bot.features.notices.when import spoken_time
from moderation.nudging import NudgeTexts
from storage.models import Account, Delivery, Group, Person
from storage.notices_tables import Notice, NoticeAck, NoticeItem

MAX_NAMES = 10
SNIPPET = 48


def snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET else flat[: SNIPPET - 1].rstrip() + "…"


def _when(ctx: Context, at: datetime | None) -> str:
    if at is None:
        return ""
    texts = ctx.texts(NoticeTexts)
    return spoken_time(at, ctx.services.settings.zone, texts.when_format)


def _names(names: list[str], texts: NoticeReportTexts) -> str:
    shown = ", ".join(names[:MAX_NAMES])
    extra = len(names) - MAX_NAMES
    return f"{shown} {texts.more.format(count=extra)}" if extra > 0 else shown


async def list_notices(ctx: Context, org_id: int) -> None:
    texts = ctx.texts(NoticeReportTexts)
    notices = await store.recent(ctx.db, org_id)
    if not notices:
        ctx.reply(texts.list_empty)
        return
    lines = [texts.list_header]
    for notice in notices:
        at = notice.send_at if notice.status == "scheduled" else notice.sent_at
        state = texts.states[notice.status].format(when=_when(ctx, at))
        lines.append(
            texts.list_line.format(
                number=notice.id,
                snippet=snippet(notice.text),
                audience=notice.audience_words,
                state=state,
            )
        )
    lines.append(texts.list_footer)
    ctx.reply("\n".join(lines))


def reason_key(raw: str | None, known: dict[str, str]) -> str:
    """The plain-words key for what the delivery worker recorded."""
    said = (raw or "").strip()
    if said.startswith("expired"):
        return "expired"
    if said.startswith("gave up"):
        return "gave_up"
    if said.startswith(("interrupted", "timed out")):
        return "interrupted"
    return said if said in known else "other"


async def _chat_names(db: AsyncSession, rows: list[tuple[str, str, str]]) -> dict[str, str]:
    """Names for failed chats: a group's title, or the person's name for a private chat."""
    groups = [chat_id for _, chat_id, kind in rows if kind == "group"]
    people = [chat_id for _, chat_id, kind in rows if kind != "group"]
    names: dict[str, str] = {}
    if groups:
        found = await db.execute(
            select(Group.platform, Group.chat_id, Group.title).where(Group.chat_id.in_(groups))
        )
        names.update({f"{p}:{c}": t or c for p, c, t in found.all()})
    if people:
        found = await db.execute(
            select(Account.platform, Account.external_id, Person.display_name)
            .join(Person, Person.id == Account.person_id)
            .where(Account.external_id.in_(people))
        )
        names.update({f"{p}:{c}": n for p, c, n in found.all()})
    return names


async def _delivery_lines(ctx: Context, notice: Notice) -> list[str]:
    texts = ctx.texts(NoticeReportTexts)
    rows = (
        await ctx.db.execute(
            select(
                Delivery.status,
                Delivery.last_error,
                Delivery.platform,
                Delivery.chat_id,
                Delivery.chat_kind,
            )
            .join(NoticeItem, NoticeItem.item_id == Delivery.item_id)
            .where(NoticeItem.notice_id == notice.id)
            .order_by(Delivery.id)
        )
    ).all()
    if not rows:
        days = ctx.services.settings.retention.outbox_days
        return [texts.status_purged.format(days=days)]
    delivered = sum(1 for r in rows if r.status == "sent")
    waiting = sum(1 for r in rows if r.status in ("pending", "sending"))
    failed = [r for r in rows if r.status in ("failed", "expired")]
    lines = [texts.status_delivered.format(count=delivered, total=len(rows))]
    if waiting:
        lines.append(texts.status_waiting.format(count=waiting))
    if failed:
        lines.append(texts.status_failed.format(count=len(failed)))
        names = await _chat_names(ctx.db, [(r.platform, r.chat_id, r.chat_kind) for r in failed])
        by_reason: dict[str, list[str]] = defaultdict(list)
        for r in failed:
            key = reason_key(r.last_error, texts.failure_reasons)
            by_reason[key].append(names.get(f"{r.platform}:{r.chat_id}", r.chat_id))
        for key, who in sorted(by_reason.items(), key=lambda pair: (-len(pair[1]), pair[0])):
            reason = texts.failure_reasons[key]
            lines.append(texts.status_failed_line.format(reason=reason, names=_names(who, texts)))
    return lines


async def _read_line(ctx: Context, notice: Notice) -> str:
    texts = ctx.texts(NoticeReportTexts)
    if not notice.ask_ack:
        return texts.status_not_asked
    found = await ctx.db.execute(
        select(Person.display_name)
        .join(NoticeAck, NoticeAck.person_id == Person.id)
        .where(NoticeAck.notice_id == notice.id)
        .order_by(NoticeAck.at, NoticeAck.id)
    )
    names = list(found.scalars().all())
    if not names:
        return texts.status_read_none
    return texts.status_read.format(count=len(names), names=_names(names, texts))


async def show_status(ctx: Context, notice: Notice) -> None:
    texts = ctx.texts(NoticeReportTexts)
    lines = [
        texts.status_header.format(
            number=notice.id, snippet=snippet(notice.text), audience=notice.audience_words
        )
    ]
    if notice.status == "scheduled":
        lines.append(
            texts.status_scheduled.format(when=_when(ctx, notice.send_at), number=notice.id)
        )
    elif notice.status == "cancelled":
        lines.append(texts.status_cancelled.format(when=_when(ctx, notice.cancelled_at)))
    elif notice.status == "nobody":
        lines.append(texts.status_nobody)
    else:
        lines.append(texts.status_sent.format(when=_when(ctx, notice.sent_at)))
        lines += await _delivery_lines(ctx, notice)
        lines.append(await _read_line(ctx, notice))
    if notice.flagged:
        details = ctx.texts(NudgeTexts).details([str(c) for c in notice.flagged])
        lines.append(texts.status_flagged.format(details=details))
    ctx.reply("\n".join(lines))
