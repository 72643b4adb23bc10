"""The designated safeguarding leads, in order: `/dsl`, `/dsl add NAME`, `/dsl remove NAME`.

Alerts go to the first person on the organisation's rota, then the next if nobody
answers in time. With nobody on the rota, every staff member and admin is told.
Only staff and admins can be on it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.commands import ParsedCommand
from bot.context import Context
from bot.people.contacts import STAFF_ROLES
from bot.people.members import membership, people_named
from bot.roles import Role, RoleWords
from bot.router import Router
from moderation.safeguarding_alerts.texts import SafeguardingTexts
from storage.models import Organisation, Person
from storage.moderation_tables import SafeguardingRotaEntry

router = Router("safeguarding_rota")
router.texts(SafeguardingTexts)

LEAD_ROLES = STAFF_ROLES


async def rota_people(db: AsyncSession, org_id: int) -> list[int]:
    """The organisation's safeguarding leads' person ids, in the order they are alerted."""
    found = await db.execute(
        select(SafeguardingRotaEntry.person_id)
        .where(SafeguardingRotaEntry.org_id == org_id)
        .order_by(SafeguardingRotaEntry.position, SafeguardingRotaEntry.id)
    )
    return list(found.scalars().all())


@router.command("dsl", role=Role.STAFF)
async def dsl(ctx: Context, command: ParsedCommand) -> None:
    texts = ctx.texts(SafeguardingTexts)
    org = await ctx.db.get(Organisation, ctx.org_id) if ctx.org_id is not None else None
    if org is None:
        ctx.reply(texts.rota_no_org)
        return
    action = (command.arg(0) or "").lower()
    name = " ".join(command.args[1:]).strip()
    if not action:
        await _show(ctx, org, texts)
    elif action not in ("add", "remove") or not name:
        ctx.reply(texts.rota_usage)
    else:
        await _change(ctx, org, action, name, texts)


async def _show(ctx: Context, org: Organisation, texts: SafeguardingTexts) -> None:
    rows = await ctx.db.execute(
        select(Person.display_name)
        .join(SafeguardingRotaEntry, SafeguardingRotaEntry.person_id == Person.id)
        .where(SafeguardingRotaEntry.org_id == org.id)
        .order_by(SafeguardingRotaEntry.position, SafeguardingRotaEntry.id)
    )
    names = list(rows.scalars().all())
    if not names:
        ctx.reply(texts.rota_empty)
        return
    lines = [texts.rota_header.format(org=org.name)]
    lines += [texts.rota_line.format(position=n, name=name) for n, name in enumerate(names, 1)]
    ctx.reply("\n".join(lines))


async def _change(
    ctx: Context, org: Organisation, action: str, name: str, texts: SafeguardingTexts
) -> None:
    people = await people_named(ctx.db, org.id, name)
    if not people:
        ctx.reply(texts.rota_nobody.format(name=name, org=org.name))
        return
    if len(people) > 1:
        names = texts.names([p.display_name for p in people])
        ctx.reply(texts.rota_several.format(name=name, names=names))
        return
    person = people[0]
    entry = (
        await ctx.db.execute(
            select(SafeguardingRotaEntry).where(
                SafeguardingRotaEntry.org_id == org.id, SafeguardingRotaEntry.person_id == person.id
            )
        )
    ).scalar_one_or_none()
    if action == "remove":
        if entry is None:
            ctx.reply(texts.rota_not_on.format(name=person.display_name))
            return
        await ctx.db.delete(entry)
        await ctx.db.flush()
        await _renumber(ctx.db, org.id)
        ctx.reply(texts.rota_removed.format(name=person.display_name))
        await _show(ctx, org, texts)
        return
    if entry is not None:
        ctx.reply(texts.rota_already.format(name=person.display_name))
        return
    member = await membership(ctx.db, person.id, org.id)
    if member is None or member.role not in LEAD_ROLES:
        role = ctx.texts(RoleWords).a(member.role if member else Role.CARER)
        ctx.reply(texts.rota_not_staff.format(name=person.display_name, role=role))
        return
    last = await ctx.db.scalar(
        select(func.max(SafeguardingRotaEntry.position)).where(
            SafeguardingRotaEntry.org_id == org.id
        )
    )
    ctx.db.add(
        SafeguardingRotaEntry(
            org_id=org.id, person_id=person.id, position=(last or 0) + 1, added_at=ctx.now()
        )
    )
    await ctx.db.flush()
    ctx.reply(texts.rota_added.format(name=person.display_name))
    await _show(ctx, org, texts)


async def _renumber(db: AsyncSession, org_id: int) -> None:
    entries = await db.execute(
        select(SafeguardingRotaEntry)
        .where(SafeguardingRotaEntry.org_id == org_id)
        .order_by(SafeguardingRotaEntry.position, SafeguardingRotaEntry.id)
    )
    for position, entry in enumerate(entries.scalars().all(), 1):
        entry.position = position


@router.exporter
async def export_rota(db: AsyncSession, person_id: int) -> dict[str, Any]:
    rows = await db.execute(
        select(Organisation.name, SafeguardingRotaEntry.position)
        .join(SafeguardingRotaEntry, SafeguardingRotaEntry.org_id == Organisation.id)
        .where(SafeguardingRotaEntry.person_id == person_id)
    )
    places = [f"{org}: number {position}" for org, position in rows.all()]
    return {"Safeguarding rota": places} if places else {}


@router.eraser
async def erase_rota(db: AsyncSession, person_id: int) -> None:
    orgs = await db.execute(
        select(SafeguardingRotaEntry.org_id).where(SafeguardingRotaEntry.person_id == person_id)
    )
    org_ids = list(orgs.scalars().all())
    await db.execute(
        delete(SafeguardingRotaEntry).where(SafeguardingRotaEntry.person_id == person_id)
    )
    for org_id in org_ids:
        await _renumber(db, org_id)
