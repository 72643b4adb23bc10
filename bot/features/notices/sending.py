"""Putting a confirmed notice into the outbox: now, or from a durable timer when it is due.

Exactly once per chat rests on the outbox: one item per way of asking for a read
receipt (buttons, or "reply read" where the platform has none), each with one
delivery per chat and a dedupe key per notice, queued in the same unit of work that
marks the notice sent. A timer that fires twice, or a job retried after a crash,
finds the notice no longer `scheduled` and does nothing.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.events import Button, ChatRef
from bot.features.notices import store
from bot.features.notices.audience import Audience
from bot.features.notices.reach import Reach, find_reach
from bot.features.notices.routing import ACK_BUTTON, NOTICE_KIND, SEND_JOB, TOLD_KIND, router
from bot.features.notices.texts import NoticeTexts
from bot.features.notices.when import quiet_hours_for, release_time
from bot.people.contacts import private_chat
from bot.router import JobContext, button_data
from bot.services import Services
from storage.notices_tables import Notice, NoticeItem

log = logging.getLogger(__name__)


def reach_words(texts: NoticeTexts, groups: int, people: int) -> str:
    """'3 groups, with 27 people I know of in them', '3 groups' or '12 people'."""
    heads = texts.count(people, texts.people_counts)
    if not groups:
        return texts.reach_people.format(people=heads)
    chats = texts.count(groups, texts.group_counts)
    return texts.reach_groups.format(groups=chats, people=heads) if people else chats


def _variants(
    services: Services, notice: Notice, body: str, chats: list[ChatRef]
) -> list[tuple[str, str, list[Button], list[ChatRef]]]:
    """(name, text, buttons, chats) per way of asking; chats without buttons get "reply read"."""
    texts = services.texts.get(NoticeTexts)
    if not notice.ask_ack:
        return [("all", body, [], chats)]
    tapping = [c for c in chats if services.capabilities_for(c.platform, c).buttons]
    typing = [c for c in chats if not services.capabilities_for(c.platform, c).buttons]
    button = Button(texts.read_button, button_data(ACK_BUTTON, str(notice.id)))
    return [
        ("tap", body, [button], tapping),
        ("typed", f"{body}\n\n{texts.reply_read}", [], typing),
    ]


async def queue_now(db: AsyncSession, services: Services, notice: Notice) -> Reach:
    """Queue the notice for everyone it reaches today and mark it sent (or `nobody`)."""
    assert services.outbox is not None, "the outbox is wired in build_app"
    now = services.clock.now()
    reach = await find_reach(db, notice.org_id, Audience.from_json(notice.audience))
    notice.sent_at = now
    notice.groups_count, notice.people_count = reach.groups, reach.people
    if reach.empty:
        notice.status = "nobody"
        log.info("notice %s had nobody to go to", notice.id)
        return reach
    org = await store.org_name(db, notice.org_id)
    quiet = quiet_hours_for(services.settings.notices, org)
    not_before = release_time(now, quiet, services.settings.zone)
    body = f"{services.texts.get(NoticeTexts).header.format(org=org)}\n\n{notice.text}"
    for name, text, buttons, chats in _variants(services, notice, body, reach.chats):
        if not chats:
            continue
        item_id = await services.outbox.enqueue(
            db,
            kind=NOTICE_KIND,
            text=text,
            chats=chats,
            buttons=buttons,
            not_before=not_before,
            dedupe_key=f"notice:{notice.id}:{name}",
        )
        if item_id is not None:
            db.add(NoticeItem(notice_id=notice.id, item_id=item_id))
    notice.status = "sent"
    await db.flush()
    log.info("notice %s queued for %d chats", notice.id, len(reach.chats))
    return reach


async def plan(db: AsyncSession, services: Services, notice: Notice) -> None:
    """A durable timer for a notice due later."""
    assert services.timers is not None, "the timers are wired in build_app"
    await services.timers.schedule(
        db, SEND_JOB, notice.send_at, {"notice": notice.id}, dedupe_key=f"notice:{notice.id}"
    )


async def cancel(db: AsyncSession, services: Services, notice: Notice) -> bool:
    """Stop a scheduled notice; False if its timer has already fired (it is going out)."""
    assert services.timers is not None
    if not await services.timers.cancel(db, f"notice:{notice.id}"):
        return False
    notice.status = "cancelled"
    notice.cancelled_at = services.clock.now()
    return True


@router.job(SEND_JOB)
async def send_due(job: JobContext, payload: dict[str, Any]) -> None:
    db, services = job.db, job.services
    notice = await db.get(Notice, int(payload.get("notice", 0)))
    if notice is None or notice.status != "scheduled":
        return  # cancelled, or already sent
    reach = await queue_now(db, services, notice)
    if notice.author_id is None or services.outbox is None:
        return
    chat = await private_chat(db, notice.author_id)
    if chat is None:
        return
    texts = services.texts.get(NoticeTexts)
    if reach.empty:
        told = texts.went_to_nobody.format(number=notice.id, audience=notice.audience_words)
    else:
        told = texts.went_out.format(
            number=notice.id, reach=reach_words(texts, reach.groups, reach.people)
        )
    await services.outbox.enqueue(
        db, kind=TOLD_KIND, text=told, chats=[chat], dedupe_key=f"notice-told:{notice.id}"
    )
