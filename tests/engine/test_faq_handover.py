"""Passing a question to a person: the ticket, `/answer` and every way it can go wrong."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot import conversation
from bot.app import build_app, feature_routers
from bot.commands import ParsedCommand
from bot.context import Context
from bot.events import Message
from bot.features.faq import handover
from bot.features.faq.pending import PendingQuestions
from bot.roles import Role
from bot.router import Router
from storage.faq_tables import FaqTicket
from storage.models import ConversationState
from tests.engine.faq_support import counts, handover_texts, labels, sent_to
from tests.engine.helpers import count, outgoing, rows
from tests.support.harness import Actor, Harness, only_text

CASE = "can you check if her PP+ has been paid?"


async def team(h: Harness) -> tuple[Actor, Actor, Actor]:
    """A carer, a staff member and a facilitator at Harbour Fostering."""
    return (
        await h.person("Cara"),
        await h.person("Sue", Role.STAFF),
        await h.person("Fay", Role.FACILITATOR),
    )


async def test_the_question_and_only_it_reaches_staff_and_facilitators(harness: Harness) -> None:
    h = harness
    cara, sue, fay = await team(h)
    other_carer = await h.person("Dan")
    elsewhere = await h.person("Eve", Role.STAFF, org="Other Fostering")
    await h.say("we had a lovely weekend", as_=cara)
    await h.say(CASE, as_=cara)
    actions = await h.press("Yes, pass it on", as_=cara)
    [to_sue], [to_fay] = sent_to(actions, sue.dm), sent_to(actions, fay.dm)
    assert to_sue.text == to_fay.text
    assert to_sue.text.startswith(
        "A carer's question for your team: #1 from Cara (Harbour Fostering)"
    )
    assert f'"{CASE}"' in to_sue.text
    assert 'It seems to be about "Pupil Premium Plus (PP+)".' in to_sue.text
    assert "/answer 1" in to_sue.text
    assert "weekend" not in to_sue.text
    assert sent_to(actions, other_carer.dm) == [] and sent_to(actions, elsewhere.dm) == []
    [done] = sent_to(actions, cara.dm)
    assert done.text == handover_texts(h).passed.format(org="Harbour Fostering", number=1)
    [ticket] = await rows(h, FaqTicket)
    assert ticket.question == CASE and ticket.topic == "pupil-premium-plus"
    assert await counts(h) == {"faq.needs_person": 1, "faq.passed": 1}


async def test_answer_goes_back_to_the_carer_privately_and_closes_the_ticket(
    harness: Harness,
) -> None:
    h = harness
    cara, sue, fay = await team(h)
    await h.say(CASE, as_=cara)
    await h.press("Yes, pass it on", as_=cara)
    actions = await h.say("/answer 1 Yes, it went to the school on Monday.", as_=sue)
    [to_cara] = sent_to(actions, cara.dm)
    assert to_cara.text == (
        "Sue from Harbour Fostering has answered your question:\n"
        f'_"{CASE}"_\n\nYes, it went to the school on Monday.'
    )
    assert only_text(sent_to(actions, sue.dm)) == (
        "Thank you. I've sent your answer to Cara privately and closed question #1."
    )
    h.clock.advance(timedelta(days=2))
    again = only_text(await h.say("/answer #1 Me too", as_=fay))
    assert again == "Question #1 was already answered by Sue on 5 January, so I haven't sent yours."
    [ticket] = await rows(h, FaqTicket)
    assert ticket.answered_at is not None and ticket.question == CASE


async def test_answer_mistakes_are_explained(harness: Harness) -> None:
    h = harness
    cara, sue, _fay = await team(h)
    eve = await h.person("Eve", Role.STAFF, org="Other Fostering")
    texts = handover_texts(h)
    await h.say(CASE, as_=cara)
    await h.press("Yes, pass it on", as_=cara)
    assert only_text(await h.say("/answer", as_=sue)) == texts.answer_usage
    assert only_text(await h.say("/answer soon", as_=sue)) == texts.answer_usage
    assert only_text(await h.say("/answer 99 Hello", as_=sue)) == texts.answer_unknown.format(
        number="99"
    )
    huge = "123456789012345678901234"
    assert only_text(await h.say(f"/answer {huge} Hi", as_=sue)) == texts.answer_unknown.format(
        number=huge
    )
    assert only_text(await h.say("/answer 1", as_=sue)) == texts.answer_empty.format(number=1)
    assert only_text(await h.say("/answer 1 Hi", as_=eve)) == texts.answer_other_org.format(
        number=1
    )
    assert "for facilitators" in only_text(await h.say("/answer 1 I think so", as_=cara))
    group = await h.group("Tuesday")
    assert "private chat" in only_text(await h.say("/answer 1 Yes", as_=sue, in_=group))
    [ticket] = await rows(h, FaqTicket)
    assert ticket.answered_at is None  # none of those closed it


async def test_typed_yes_passes_it_on_and_a_new_question_is_just_answered(
    harness: Harness,
) -> None:
    h = harness
    cara, sue, _fay = await team(h)
    await h.say(CASE, as_=cara)
    answer = outgoing(await h.say("what is a PEP?", as_=cara))
    assert answer[0].text.startswith("*PEP meeting")  # a new question, not an answer to the offer
    await h.say("will panel approve us?", as_=cara)
    actions = await h.say("Yes please!", as_=cara)
    assert "will panel approve us?" in only_text(sent_to(actions, sue.dm))
    assert await count(h, FaqTicket) == 1
    await h.say("will panel approve us next week?", as_=cara)
    assert only_text(await h.say("no thanks", as_=cara)) == handover_texts(h).kept
    assert await count(h, FaqTicket) == 1


def name_router() -> Router:
    """Another feature that asks a question of its own."""
    names = Router("names")

    @names.command("name", role=Role.CARER, hidden=True)
    async def start(ctx: Context, _command: ParsedCommand) -> None:
        await conversation.ask(ctx.db, ctx.sender, flow="names", step="name", now=ctx.now())
        ctx.reply("What shall I call you?")

    @names.flow("names")
    async def answer(ctx: Context, message: Message, _state: ConversationState) -> None:
        await conversation.finish(ctx.db, ctx.sender)
        ctx.reply(f"Hello, {message.text}!")

    return names


async def test_asking_never_cuts_across_another_features_question(harness: Harness) -> None:
    h = harness
    app = h.app
    h.app = build_app(
        settings=app.services.settings,
        texts=app.services.texts,
        clock=h.clock,
        db=app.services.db,
        capabilities=app.services.capabilities,
        routers=[*feature_routers(), name_router()],
    )
    cara, _sue, _fay = await team(h)
    await h.say("/name", as_=cara)
    offer = await h.say("/ask will panel approve us?", as_=cara)
    assert labels(outgoing(offer)[0]) == ["Yes, pass it on", "No, thanks"]
    assert only_text(await h.say("yes", as_=cara)) == "Hello, yes!"  # still the other question
    passed = sent_to(await h.press("Yes, pass it on", as_=cara), cara.dm)  # buttons still work
    assert [m.text for m in passed] == [
        handover_texts(h).passed.format(org="Harbour Fostering", number=1)
    ]


async def test_no_keeps_nothing_and_an_offer_lapses_and_is_only_yours(
    harness: Harness,
) -> None:
    h = harness
    cara, _sue, _fay = await team(h)
    dan = await h.person("Dan")
    gone = handover_texts(h).offer_gone
    await h.say(CASE, as_=cara)
    assert only_text(await h.press("No, thanks", as_=cara)) == handover_texts(h).kept
    assert only_text(await h.press("Yes, pass it on", as_=cara)) == gone
    [offer] = outgoing(await h.say(CASE, as_=cara))
    passing = offer.buttons[0].data
    assert only_text(await h.press_data(passing, as_=dan)) == gone
    h.clock.advance(timedelta(hours=3))
    assert only_text(await h.press_data(passing, as_=cara)) == gone
    assert only_text(await h.press_data("faqpass:made-up", as_=cara)) == gone
    assert await count(h, FaqTicket) == 0


async def test_a_second_tap_and_a_restart(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = harness
    cara, sue, _fay = await team(h)
    texts = handover_texts(h)
    await h.say(CASE, as_=cara)
    await h.press("Yes, pass it on", as_=cara)
    again = await h.press("Yes, pass it on", as_=cara)
    assert only_text(again) == texts.already_passed.format(number=1)
    assert only_text(await h.press("No, thanks", as_=cara)) == texts.already_passed.format(number=1)
    await h.say("will panel approve us?", as_=cara)
    monkeypatch.setattr(handover, "WAITING", PendingQuestions())  # carebot restarted
    assert only_text(await h.press("Yes, pass it on", as_=cara)) == texts.offer_gone
    tapped = await h.press_data(h.find_button("Yes, pass it on", cara.dm).data, as_=cara)
    assert only_text(tapped) == texts.offer_gone
    first = next(b for m in outgoing(h.sent) if m.chat == cara.dm for b in m.buttons)
    assert only_text(await h.press_data(first.data, as_=cara)) == texts.already_passed.format(
        number=1
    )
    assert await count(h, FaqTicket) == 1
    assert sent_to(again, sue.dm) == []


async def test_who_is_told_when_few_can_answer(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    await h.say(CASE, as_=cara)
    reply = only_text(await h.press("Yes, pass it on", as_=cara))
    assert reply == handover_texts(h).nobody_to_pass.format(org="Harbour Fostering")
    assert await count(h, FaqTicket) == 0
    fay = await h.person("Fay", Role.FACILITATOR)
    await h.say(CASE, as_=fay)
    alone = only_text(await h.press("Yes, pass it on", as_=fay))  # never to themselves
    assert alone == handover_texts(h).nobody_to_pass.format(org="Harbour Fostering")
    sue = await h.person("Sue", Role.STAFF)
    await h.say(CASE, as_=fay)
    actions = await h.press("Yes, pass it on", as_=fay)
    assert len(sent_to(actions, sue.dm)) == 1
    assert [m.text for m in sent_to(actions, fay.dm)] == [
        handover_texts(h).passed.format(org="Harbour Fostering", number=1)
    ]


async def test_mydata_shows_the_question_and_forgetme_erases_it(harness: Harness) -> None:
    h = harness
    cara, sue, _fay = await team(h)
    await h.say(CASE, as_=cara)
    await h.press("Yes, pass it on", as_=cara)
    mydata = only_text(await h.say("/mydata", as_=cara))
    assert f"*Questions you passed to a person*:\n- #1: {CASE}" in mydata
    await h.say("/forgetme", as_=cara)
    await h.press("Yes, erase it all", as_=cara)
    [ticket] = await rows(h, FaqTicket)
    assert ticket.question is None and ticket.person_id is None
    reply = only_text(await h.say("/answer 1 It was paid", as_=sue))
    assert reply == handover_texts(h).answer_unreachable.format(number=1)


async def test_staff_who_answered_and_leave_are_forgotten_too(harness: Harness) -> None:
    h = harness
    cara, sue, fay = await team(h)
    await h.say(CASE, as_=cara)
    await h.press("Yes, pass it on", as_=cara)
    await h.say("/answer 1 Yes", as_=sue)
    await h.say("/forgetme", as_=sue)
    await h.press("Yes, erase it all", as_=sue)
    [ticket] = await rows(h, FaqTicket)
    assert ticket.answered_by is None and ticket.answered_at is not None
    assert "already answered by someone" in only_text(await h.say("/answer 1 Hi", as_=fay))
