"""Helpers for the confidentiality and safeguarding conversations: who was told what, privately."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from bot.events import Action, ChatKind, Outgoing
from storage.models import Delivery, OutboxItem
from tests.support.harness import Actor, Harness


def to(actor: Actor, actions: Sequence[Action]) -> list[Outgoing]:
    """What was said privately to this person."""
    return [
        a
        for a in actions
        if isinstance(a, Outgoing) and a.chat.kind is ChatKind.DM and a.chat.id == actor.user.id
    ]


def in_groups(actions: Sequence[Action]) -> list[Outgoing]:
    return [a for a in actions if isinstance(a, Outgoing) and a.chat.kind is ChatKind.GROUP]


async def queued_for(h: Harness, actor: Actor, kind: str | None = None) -> list[OutboxItem]:
    """Messages queued in the outbox for this person's private chat, oldest first."""
    async with h.db.transaction() as db:
        query = (
            select(OutboxItem)
            .join(Delivery, Delivery.item_id == OutboxItem.id)
            .where(Delivery.chat_id == actor.user.id, Delivery.chat_kind == "dm")
            .order_by(OutboxItem.id)
        )
        if kind is not None:
            query = query.where(OutboxItem.kind == kind)
        return list((await db.execute(query)).scalars().all())
