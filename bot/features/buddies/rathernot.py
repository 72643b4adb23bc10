"""/buddy notwith: who a person would rather not be paired with, known only to them.

Matching treats each entry as a block in both directions. Staff never see the list,
and a proposal between the two that has not gone out yet is quietly withdrawn.
"""

from __future__ import annotations

from sqlalchemy import and_, delete, or_, select

from bot.context import Context
from bot.events import Button
from bot.features.buddies import store
from bot.features.buddies.routing import router
from bot.features.buddies.texts import CarerTexts
from bot.people.members import people_named
from bot.roles import Role
from bot.router import button_data
from storage.buddies_tables import BuddyPairing, BuddyRatherNot
from storage.models import Person

MAX_CHOICES = 8


async def notwith(ctx: Context, name: str) -> None:
    texts = ctx.texts(CarerTexts)
    assert ctx.org_id is not None
    if not name.strip():
        await _list(ctx)
        return
    people = await people_named(ctx.db, ctx.org_id, name)
    if not people:
        ctx.reply(texts.notwith_nobody.format(name=name.lstrip("@")))
    elif len(people) > 1:
        seen: dict[str, int] = {}
        buttons = []
        for person in people[:MAX_CHOICES]:
            seen[person.display_name] = seen.get(person.display_name, 0) + 1
            count = seen[person.display_name]
            shown = person.display_name if count == 1 else f"{person.display_name} ({count})"
            buttons.append(Button(shown, button_data("bnot", f"add:{person.id}")))
        ctx.reply(texts.notwith_several.format(name=name.lstrip("@")), buttons)
    else:
        await _add(ctx, people[0])


async def _add(ctx: Context, other: Person) -> None:
    texts = ctx.texts(CarerTexts)
    assert ctx.person is not None
    me = ctx.person.id
    if other.id == me:
        ctx.reply(texts.notwith_self)
        return
    exists = await ctx.db.scalar(
        select(BuddyRatherNot.id).where(
            BuddyRatherNot.person_id == me, BuddyRatherNot.other_id == other.id
        )
    )
    if exists is None:
        ctx.db.add(BuddyRatherNot(person_id=me, other_id=other.id, created_at=ctx.now()))
    unsent = await ctx.db.execute(
        select(BuddyPairing.id).where(
            BuddyPairing.status.in_(store.UNSENT),
            or_(
                and_(BuddyPairing.mentor_id == me, BuddyPairing.mentee_id == other.id),
                and_(BuddyPairing.mentor_id == other.id, BuddyPairing.mentee_id == me),
            ),
        )
    )
    for pairing_id in unsent.scalars().all():
        await store.move(
            ctx.db, pairing_id, store.UNSENT, "cancelled", ended_at=ctx.now(), end_reason="blocked"
        )
    ctx.reply(texts.notwith_added.format(name=other.display_name))


async def _list(ctx: Context) -> None:
    texts = ctx.texts(CarerTexts)
    assert ctx.person is not None
    others = list(
        (
            await ctx.db.execute(
                select(BuddyRatherNot.other_id)
                .where(BuddyRatherNot.person_id == ctx.person.id)
                .order_by(BuddyRatherNot.id)
            )
        ).scalars()
    )
    if not others:
        ctx.reply(texts.notwith_empty)
        return
    named = await store.names(ctx.db, others)
    lines = [texts.notwith_list, *(f"- {named.get(o, '?')}" for o in others)]
    buttons = [
        Button(texts.notwith_remove.format(name=named.get(o, "?")), button_data("bnot", f"rm:{o}"))
        for o in others
    ]
    ctx.reply("\n".join(lines), buttons)


@router.button("bnot", role=Role.CARER)
async def pressed(ctx: Context, arg: str) -> None:
    texts = ctx.texts(CarerTexts)
    action, _, other_text = arg.partition(":")
    assert ctx.person is not None and ctx.org_id is not None
    other = await ctx.db.get(Person, int(other_text)) if other_text.isdigit() else None
    if other is None:
        ctx.reply(texts.notwith_gone)
        return
    if action == "add":
        if other not in await people_named(ctx.db, ctx.org_id, other.display_name):
            ctx.reply(texts.notwith_nobody.format(name=other.display_name))
            return
        await _add(ctx, other)
        return
    removed = await ctx.db.execute(
        delete(BuddyRatherNot)
        .where(BuddyRatherNot.person_id == ctx.person.id, BuddyRatherNot.other_id == other.id)
        .returning(BuddyRatherNot.id)
    )
    if removed.scalar_one_or_none() is None:
        ctx.reply(texts.notwith_gone)
        return
    ctx.reply(texts.notwith_removed.format(name=other.display_name))
