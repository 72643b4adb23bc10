"""Helpers for the FAQ conversation tests: its texts, mentions, and anonymous counts."""

from __future__ import annotations

from sqlalchemy import select

from bot.events import Action, ChatRef, Message, Outgoing
from bot.features.faq.texts import FaqStaffTexts, FaqTexts, HandoverTexts
from storage.models import DailyCount
from tests.support.harness import Actor, Harness

PP_QUESTION = "wat is pp+ and who desides how its spent"  # typos on purpose


def faq_texts(h: Harness) -> FaqTexts:
    return h.app.services.texts.get(FaqTexts)


def handover_texts(h: Harness) -> HandoverTexts:
    return h.app.services.texts.get(HandoverTexts)


def staff_texts(h: Harness) -> FaqStaffTexts:
    return h.app.services.texts.get(FaqStaffTexts)


async def mention(h: Harness, text: str, *, as_: Actor, in_: ChatRef) -> list[Action]:
    """A group message that mentions carebot the way platforms flag it (not a leading @)."""
    event = Message(
        chat=in_,
        sender=as_.user,
        text=text,
        message_id=f"m-{len(h.sent)}-{text[:8]}",
        sent_at=h.clock.now(),
        mentions_bot=True,
    )
    return h._record(await h.app.engine.handle(event))


async def counts(h: Harness) -> dict[str, int]:
    """The FAQ's anonymous daily counts, by metric."""
    async with h.db.transaction() as db:
        rows = await db.execute(
            select(DailyCount.metric, DailyCount.count).where(DailyCount.metric.startswith("faq."))
        )
        return {metric: count for metric, count in rows.all()}


def sent_to(actions: list[Action], chat: ChatRef) -> list[Outgoing]:
    return [a for a in actions if isinstance(a, Outgoing) and a.chat.id == chat.id]


def labels(message: Outgoing) -> list[str]:
    return [button.label for button in message.buttons]
