"""Passing a question to a person: the offer, the carer's choice, and staff's `/answer`.

The offer always goes privately. Only when the carer taps "yes" is their question
written down, as a numbered ticket sent to their organisation's facilitators and
staff; `/answer N TEXT` takes the reply back to the carer privately and closes it.
"""

from __future__ import annotations

from bot import conversation
from bot.commands import ParsedCommand
from bot.context import Context
from bot.events import Button
from bot.features.faq import stats, tickets
from bot.features.faq.library import library_for
from bot.features.faq.pending import HOLD, WAITING
from bot.features.faq.render import day_month
from bot.features.faq.texts import FaqTexts, HandoverTexts
from bot.people.contacts import private_chat
from bot.roles import Role
from bot.router import Router, Where, button_data
from storage.faq_tables import FaqTicket
from storage.models import Organisation

FLOW = "faq_handover"
PASS = "faqpass"
KEEP = "faqkeep"


def user_key(ctx: Context) -> str:
    return f"{ctx.sender.platform}:{ctx.sender.id}"


async def offer(ctx: Context, question: str, topic: str | None, *, needs_person: bool) -> None:
    """Say carebot won't guess, and offer a person (privately), or say who to ask."""
    texts = ctx.texts(HandoverTexts)
    day = stats.local_day(ctx.now(), ctx.services.settings.zone)
    await stats.bump(
        ctx.db, ctx.org_id, day, stats.NEEDS_PERSON if needs_person else stats.NOT_SURE
    )
    org = await ctx.db.get(Organisation, ctx.org_id) if ctx.org_id is not None else None
    if org is None or ctx.person is None or ctx.role < Role.CARER:
        guest = texts.needs_person_guest if needs_person else texts.not_sure_guest
        if ctx.in_dm:
            ctx.reply(guest)
        else:
            ctx.dm(guest)
        return
    token = WAITING.hold(
        user_key=user_key(ctx), question=question, org_id=org.id, topic=topic, now=ctx.now()
    )
    wording = texts.needs_person_offer if needs_person else texts.not_sure_offer
    buttons = [
        Button(texts.pass_button, button_data(PASS, token)),
        Button(texts.keep_button, button_data(KEEP, token)),
    ]
    if ctx.in_dm:
        ctx.reply(wording.format(org=org.name), buttons)
        state = await conversation.current(ctx.db, ctx.sender, ctx.now())
        if state is None or state.flow == FLOW:  # never cut across another feature's question
            await conversation.ask(
                ctx.db,
                ctx.sender,
                flow=FLOW,
                step="pass",
                data={"token": token},
                now=ctx.now(),
                ttl=HOLD,
            )
    else:
        ctx.dm(wording.format(org=org.name), buttons, fallback_to_here=True)


async def _close_flow(ctx: Context) -> None:
    state = await conversation.current(ctx.db, ctx.sender, ctx.now())
    if state is not None and state.flow == FLOW:
        await conversation.finish(ctx.db, ctx.sender)


async def _already_passed(ctx: Context, token: str) -> bool:
    number = await tickets.passed_as(ctx.db, token, ctx.person.id if ctx.person else None)
    if number is not None:  # a second tap, or a tap after a restart
        ctx.reply(ctx.texts(HandoverTexts).already_passed.format(number=number))
    return number is not None


async def pass_on(ctx: Context, token: str) -> None:
    """The carer agreed: write the ticket and tell the people who can answer it."""
    texts = ctx.texts(HandoverTexts)
    await _close_flow(ctx)
    if await _already_passed(ctx, token):
        return
    waiting = WAITING.get(token, user_key(ctx), ctx.now())
    org = await ctx.db.get(Organisation, waiting.org_id) if waiting is not None else None
    if waiting is None or org is None or ctx.person is None:
        ctx.reply(texts.offer_gone)
        return
    chats = []
    for person_id in await tickets.handlers(ctx.db, org.id, leave_out=ctx.person.id):
        chat = await private_chat(ctx.db, person_id, prefer_platform=ctx.chat.platform)
        if chat is not None:
            chats.append(chat)
    if not chats:
        ctx.reply(texts.nobody_to_pass.format(org=org.name))
        return
    ticket = await tickets.open_ticket(
        ctx.db,
        org_id=org.id,
        person_id=ctx.person.id,
        platform=ctx.sender.platform,
        question=waiting.question,
        topic=waiting.topic,
        offer_token=token,
        now=ctx.now(),
    )
    entry = library_for(ctx.services.settings).kb.get(waiting.topic) if waiting.topic else None
    hint = texts.ticket_hint.format(title=entry.title) if entry else ""
    name = ctx.person.display_name
    alert = texts.ticket.format(
        number=ticket.id, name=name, org=org.name, question=waiting.question, hint=hint
    )
    for chat in chats:
        ctx.send(chat, alert)
    await stats.bump(
        ctx.db, org.id, stats.local_day(ctx.now(), ctx.services.settings.zone), stats.PASSED
    )
    ctx.reply(texts.passed.format(org=org.name, number=ticket.id))


async def keep(ctx: Context, token: str) -> None:
    """The carer said no: the question is dropped at once."""
    await _close_flow(ctx)
    if await _already_passed(ctx, token):
        return
    WAITING.drop(token, user_key(ctx))
    ctx.reply(ctx.texts(HandoverTexts).kept)


async def answer(ctx: Context, command: ParsedCommand) -> None:
    """`/answer N TEXT`: send staff's reply to the carer privately and close the ticket."""
    texts = ctx.texts(HandoverTexts)
    parts = command.arg_text.split(maxsplit=1)
    number = parts[0].lstrip("#") if parts else ""
    if not number.isdigit() or ctx.person is None:
        ctx.reply(texts.answer_usage)
        return
    ticket = await ctx.db.get(FaqTicket, int(number)) if len(number) <= 9 else None
    if ticket is None:
        ctx.reply(texts.answer_unknown.format(number=number))
        return
    if not await tickets.may_answer(ctx.db, ctx.person.id, ticket.org_id):
        ctx.reply(texts.answer_other_org.format(number=ticket.id))
        return
    if ticket.answered_at is not None:
        who = await tickets.name_of(ctx.db, ticket.answered_by) or texts.someone
        when = day_month(ticket.answered_at, ctx.services.settings.zone, ctx.texts(FaqTexts))
        ctx.reply(texts.answer_already.format(number=ticket.id, name=who, date=when))
        return
    reply = parts[1].strip() if len(parts) > 1 else ""
    if not reply:
        ctx.reply(texts.answer_empty.format(number=ticket.id))
        return
    carer = await tickets.name_of(ctx.db, ticket.person_id)
    chat = None
    if ticket.person_id is not None and carer is not None:
        chat = await private_chat(ctx.db, ticket.person_id, ticket.platform)
    if chat is None:
        ctx.reply(texts.answer_unreachable.format(number=ticket.id))
        return
    org = await ctx.db.get(Organisation, ticket.org_id)
    assert org is not None
    if ticket.question:
        text = texts.answer_for_carer.format(
            name=ctx.person.display_name, org=org.name, question=ticket.question, answer=reply
        )
    else:
        text = texts.answer_for_carer_no_question.format(
            name=ctx.person.display_name, org=org.name, answer=reply
        )
    if not await tickets.close(ctx.db, ticket.id, ctx.person.id, ctx.now()):
        ctx.reply(texts.answer_just_taken.format(number=ticket.id))
        return
    ctx.send(chat, text)
    ctx.reply(texts.answer_sent.format(name=carer, number=ticket.id))


def register(router: Router) -> None:
    router.texts(HandoverTexts)
    router.command("answer", role=Role.FACILITATOR, where=Where.DM)(answer)
    router.button(PASS, role=Role.CARER)(pass_on)
    router.button(KEEP, role=Role.CARER)(keep)
