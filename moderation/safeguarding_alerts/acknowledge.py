"""The "I'm dealing with this" button: a lead takes a concern, and all alerted hear who.

The first press wins (an atomic update), stops the escalation, and tells the others.
Anyone alerted may press it, and so may any staff member or admin of the organisation.
Also what /mydata shows and /forgetme erases of alerts.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import Context
from bot.people.contacts import private_chat
from bot.people.members import membership
from moderation.safeguarding_alerts.alerts import ACK_BUTTON, escalation_key, notified, router
from moderation.safeguarding_alerts.rota import LEAD_ROLES
from moderation.safeguarding_alerts.texts import SafeguardingTexts
from storage.models import Person
from storage.moderation_tables import SafeguardingAlert


@router.button(ACK_BUTTON)
async def acknowledge(ctx: Context, arg: str) -> None:
    texts = ctx.texts(SafeguardingTexts)
    alert = await ctx.db.get(SafeguardingAlert, int(arg)) if arg.isdigit() else None
    if alert is None:
        ctx.dm(texts.ack_gone)
        return
    me = ctx.person
    alerted = await notified(ctx.db, alert.id)
    if me is None or not (me.id in alerted or await _is_lead(ctx.db, me.id, alert.org_id)):
        ctx.dm(texts.ack_not_for_you)
        return
    taken = await ctx.db.execute(
        update(SafeguardingAlert)
        .where(SafeguardingAlert.id == alert.id, SafeguardingAlert.acknowledged_at.is_(None))
        .values(acknowledged_at=ctx.now(), acknowledged_by=me.id)
        .returning(SafeguardingAlert.id)
    )
    if taken.scalar_one_or_none() is None:
        await ctx.db.refresh(alert)
        if alert.acknowledged_by == me.id:
            ctx.dm(texts.already_yours)
        else:
            holder = await ctx.db.get(Person, alert.acknowledged_by or 0)
            name = holder.display_name if holder else texts.someone
            ctx.dm(texts.already_taken.format(name=name))
        return
    timers = ctx.services.timers
    assert timers is not None
    await timers.cancel(ctx.db, escalation_key(alert.id, len(alerted)))
    where = texts.place(alert.place)
    others: list[str] = []
    for person_id in alerted:
        if person_id == me.id:
            continue
        chat = await private_chat(ctx.db, person_id, prefer_platform=alert.platform)
        person = await ctx.db.get(Person, person_id)
        if chat is None or person is None:
            continue
        ctx.send(chat, texts.ack_others.format(name=me.display_name, where=where))
        others.append(person.display_name)
    if others:
        ctx.dm(texts.ack_thanks.format(others=texts.names(others)))
    else:
        ctx.dm(texts.ack_thanks_alone)


async def _is_lead(db: AsyncSession, person_id: int, org_id: int) -> bool:
    member = await membership(db, person_id, org_id)
    return member is not None and member.role in LEAD_ROLES


@router.exporter
async def export_alerts(db: AsyncSession, person_id: int) -> dict[str, Any]:
    raised = await db.scalar(
        select(func.count())
        .select_from(SafeguardingAlert)
        .where(SafeguardingAlert.author_id == person_id)
    )
    taken = await db.scalar(
        select(func.count())
        .select_from(SafeguardingAlert)
        .where(SafeguardingAlert.acknowledged_by == person_id)
    )
    found: dict[str, Any] = {}
    if raised:
        found["Safeguarding alerts raised from your messages (kept a week)"] = int(raised)
    if taken:
        found["Safeguarding alerts you picked up (kept a week)"] = int(taken)
    return found


@router.eraser
async def erase_alerts(db: AsyncSession, person_id: int) -> None:
    """Keep an open concern open (a child may still be at risk) but without the person's name."""
    await db.execute(
        update(SafeguardingAlert)
        .where(SafeguardingAlert.author_id == person_id)
        .values(author_id=None, author_name="")
    )
