"""Staff change people's roles; every change is written to the audit trail.

Staff may make people carers, mentors or facilitators; only admins may make or
unmake staff and admins. Nobody changes their own role.
"""

from __future__ import annotations

from bot.commands import ParsedCommand
from bot.context import Context
from bot.events import Button
from bot.people.contacts import private_chat
from bot.people.members import membership, people_named, set_role
from bot.roles import Role, RoleWords
from bot.router import Router, button_data
from config.texts import TextSection
from storage.models import Organisation, Person


class RoleTexts(TextSection):
    section = "roles"
    usage: str
    unknown_role: str
    nobody: str
    several: str
    yourself: str
    admins_only: str
    unchanged: str
    changed: str
    told: str
    gone: str


router = Router("roles")
router.texts(RoleTexts, RoleWords)


@router.command("role", role=Role.STAFF)
async def role_command(ctx: Context, command: ParsedCommand) -> None:
    texts = ctx.texts(RoleTexts)
    if len(command.args) < 2:
        ctx.reply(texts.usage)
        return
    new_role = Role.parse(command.args[-1])
    if new_role is None:
        ctx.reply(texts.unknown_role.format(word=command.args[-1]))
        return
    assert ctx.org_id is not None
    name = " ".join(command.args[:-1])
    people = await people_named(ctx.db, ctx.org_id, name)
    if not people:
        ctx.reply(texts.nobody.format(name=name.lstrip("@")))
    elif len(people) > 1:
        buttons = [
            Button(f"{p.display_name} (#{p.id})", button_data("role", f"{p.id}:{new_role.label}"))
            for p in people[:8]
        ]
        ctx.reply(texts.several.format(name=name.lstrip("@")), buttons)
    else:
        await _change(ctx, people[0], new_role)


@router.button("role", role=Role.STAFF)
async def role_button(ctx: Context, arg: str) -> None:
    texts = ctx.texts(RoleTexts)
    person_id, _, role_word = arg.partition(":")
    new_role = Role.parse(role_word)
    person = await ctx.db.get(Person, int(person_id)) if person_id.isdigit() else None
    if person is None or new_role is None:
        ctx.reply(texts.gone)
        return
    await _change(ctx, person, new_role)


async def _change(ctx: Context, person: Person, new_role: Role) -> None:
    texts = ctx.texts(RoleTexts)
    assert ctx.org_id is not None and ctx.person is not None
    if person.id == ctx.person.id:
        ctx.reply(texts.yourself)
        return
    current = await membership(ctx.db, person.id, ctx.org_id)
    if current is None:
        ctx.reply(texts.gone)
        return
    old_role = Role[current.role.upper()]
    if max(old_role, new_role) >= Role.STAFF and ctx.role < Role.ADMIN:
        ctx.reply(texts.admins_only)
        return
    words = ctx.texts(RoleWords)
    if old_role == new_role:
        ctx.reply(texts.unchanged.format(name=person.display_name, role=words.a(new_role)))
        return
    await set_role(
        ctx.db,
        person_id=person.id,
        org_id=ctx.org_id,
        role=new_role,
        changed_by=ctx.person.id,
        reason="staff",
        now=ctx.now(),
    )
    org = await ctx.db.get(Organisation, ctx.org_id)
    assert org is not None
    ctx.reply(
        texts.changed.format(
            name=person.display_name, old=words.a(old_role), role=words.a(new_role)
        )
    )
    chat = await private_chat(ctx.db, person.id)
    if chat is not None:
        ctx.send(chat, texts.told.format(org=org.name, role=words.a(new_role)))
