"""/mentor and /buddy: opting in, pausing, staff invitations and asking the team for a word.

/mentor needs the mentor role (staff give it), so the people offering to support new
carers are people the service knows. Asking for a buddy is open to every carer. All of
it happens in a private chat.
"""

from __future__ import annotations

from bot.commands import ParsedCommand
from bot.context import Context
from bot.events import Button
from bot.features.buddies import rathernot, store
from bot.features.buddies.asking import start_questions
from bot.features.buddies.post import from_context
from bot.features.buddies.routing import router
from bot.features.buddies.texts import CarerTexts
from bot.people.contacts import staff_and_admins
from bot.people.members import people_named
from bot.roles import Role
from bot.router import Where, button_data
from storage.models import Organisation, Person


@router.command("mentor", role=Role.MENTOR, where=Where.DM)
async def mentor(ctx: Context, command: ParsedCommand) -> None:
    texts = ctx.texts(CarerTexts)
    word = (command.arg(0) or "").casefold()
    if word == "":
        await start_questions(ctx, store.MENTOR)
        return
    if word not in ("pause", "resume"):
        ctx.reply(texts.mentor_usage)
        return
    assert ctx.person is not None and ctx.org_id is not None
    row = await store.profile(ctx.db, ctx.org_id, ctx.person.id, store.MENTOR)
    if row is None:
        ctx.reply(texts.no_mentor_profile)
        return
    wanted = "paused" if word == "pause" else "active"
    if row.status == wanted:
        ctx.reply(texts.already_paused if word == "pause" else texts.already_active)
        return
    row.status, row.updated_at = wanted, ctx.now()
    ctx.reply(texts.paused if word == "pause" else texts.resumed)


@router.command("buddy", role=Role.CARER, where=Where.DM)
async def buddy(ctx: Context, command: ParsedCommand) -> None:
    word = (command.arg(0) or "").casefold()
    rest = " ".join(command.args[1:])
    if word == "":
        await start_questions(ctx, store.MENTEE)
    elif word in ("notwith", "not-with"):
        await rathernot.notwith(ctx, rest)
    elif word == "invite":
        await _invite_command(ctx, rest)
    elif word == "help":
        await _ask_for_help(ctx)
    else:
        ctx.reply(ctx.texts(CarerTexts).buddy_usage)


async def _invite_command(ctx: Context, name: str) -> None:
    texts = ctx.texts(CarerTexts)
    if ctx.role < Role.STAFF:
        ctx.reply(texts.staff_only)
        return
    assert ctx.org_id is not None
    if not name:
        ctx.reply(ctx.texts(CarerTexts).buddy_usage)
        return
    people = await people_named(ctx.db, ctx.org_id, name)
    if not people:
        ctx.reply(texts.invite_nobody.format(name=name.lstrip("@")))
    elif len(people) > 1:
        buttons = [
            Button(f"{p.display_name} (#{p.id})", button_data("binvp", str(p.id)))
            for p in people[:8]
        ]
        ctx.reply(texts.invite_several.format(name=name.lstrip("@")), buttons)
    else:
        await _invite(ctx, people[0])


@router.button("binvp", role=Role.STAFF)
async def invite_picked(ctx: Context, arg: str) -> None:
    assert ctx.org_id is not None
    person = await ctx.db.get(Person, int(arg)) if arg.isdigit() else None
    members = await people_named(ctx.db, ctx.org_id, person.display_name) if person else []
    if person is None or person not in members:
        ctx.reply(ctx.texts(CarerTexts).invite_nobody.format(name="that person"))
        return
    await _invite(ctx, person)


async def _invite(ctx: Context, person: Person) -> None:
    texts = ctx.texts(CarerTexts)
    assert ctx.org_id is not None
    org = await ctx.db.get(Organisation, ctx.org_id)
    assert org is not None
    buttons = [
        Button(texts.invite_yes, button_data("binv", "yes")),
        Button(texts.invite_no, button_data("binv", "no")),
    ]
    text = texts.invite.format(name=person.display_name, org=org.name)
    if await from_context(ctx).to(person.id, text, buttons):
        ctx.reply(texts.invite_sent.format(name=person.display_name))
    else:
        ctx.reply(texts.invite_nobody.format(name=person.display_name))


@router.button("binv", role=Role.CARER)
async def invite_answered(ctx: Context, answer: str) -> None:
    if answer == "yes":
        await start_questions(ctx, store.MENTEE)
    else:
        ctx.reply(ctx.texts(CarerTexts).invite_not_now)


async def _ask_for_help(ctx: Context) -> None:
    """A buddy asks for a word with the team: staff hear who, and nothing else."""
    texts = ctx.texts(CarerTexts)
    assert ctx.person is not None and ctx.org_id is not None
    is_mentor = ctx.role >= Role.MENTOR or (
        await store.profile(ctx.db, ctx.org_id, ctx.person.id, store.MENTOR) is not None
    )
    if not is_mentor:
        ctx.reply(texts.help_not_mentor)
        return
    post = from_context(ctx)
    alert = texts.help_alert.format(name=ctx.person.display_name)
    told = 0
    for staff_id in await staff_and_admins(ctx.db, ctx.org_id):
        if staff_id != ctx.person.id and await post.to(staff_id, alert):
            told += 1
    ctx.reply(texts.help_sent if told else texts.help_nobody)
