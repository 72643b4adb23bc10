"""FAQ answers in a private chat: the answer, "More", "Was this helpful?", small talk."""

from __future__ import annotations

from dataclasses import replace

from bot.events import Message
from bot.roles import Role
from tests.engine.faq_support import PP_QUESTION, counts, faq_texts, handover_texts, labels
from tests.engine.helpers import outgoing
from tests.support.harness import Harness, only_text


async def test_a_question_with_typos_gets_the_sourced_answer_more_and_feedback(
    harness: Harness,
) -> None:
    h = harness
    cara = await h.person("Cara")
    [answer] = outgoing(await h.say(PP_QUESTION, as_=cara))
    assert answer.chat == cara.dm
    assert answer.text.startswith("*Pupil Premium Plus (PP+)*\nPupil Premium Plus (PP+) is extra")
    assert (
        "Sources: [Pupil premium: virtual school heads' responsibilities (GOV.UK)]"
        "(https://www.gov.uk/guidance/pupil-premium-virtual-school-heads-responsibilities)"
    ) in answer.text
    assert "_Last checked November 2026. Applies in England._" in answer.text
    assert answer.text.endswith("Was this helpful?")
    assert labels(answer) == ["More", "Yes", "No"]

    more = only_text(await h.press("More", as_=cara))
    assert more.startswith("*Pupil Premium Plus (PP+)*\n*What it is.*")  # **bold** made chat bold
    assert "Lancashire paid £550 a term" in more
    assert more.count("\n- [") == 5  # all five sources, as links
    assert more.endswith("_Last checked November 2026. Applies in England._")

    assert only_text(await h.press("Yes", as_=cara)) == faq_texts(h).thanks_helpful
    await h.say("whats a pep meeting", as_=cara)
    sorry = only_text(await h.press("No", as_=cara))
    assert sorry.startswith("Thank you for telling me.")
    assert "designated teacher" in sorry.lower()  # the topic's "who to ask"
    assert await counts(h) == {
        "faq.answered:pupil-premium-plus": 1,
        "faq.helpful:pupil-premium-plus": 1,
        "faq.answered:pep-meeting": 1,
        "faq.unhelpful:pep-meeting": 1,
    }


async def test_small_talk_gets_a_friendly_line_not_an_offer(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    for chat in ("hello again", "thanks so much x", "how are you?", "can you help me?"):
        [reply] = outgoing(await h.say(chat, as_=cara))
        assert reply.text == faq_texts(h).small_talk
        assert reply.buttons == ()
    [warm] = outgoing(await h.say("shattered today, the kids were up at 5", as_=cara))
    assert warm.text.startswith("Thank you for telling me. That sounds hard.")
    assert warm.buttons == ()
    off_topic = await h.say("what time does asda close on sundays?", as_=cara)
    assert only_text(off_topic) == faq_texts(h).off_topic
    assert await h.say("👍", as_=cara) == []
    assert await h.say("7", as_=cara) == []
    assert await h.say("/help@otherbot", as_=cara) == []  # another bot's command
    assert await counts(h) == {}


async def test_case_questions_and_unsure_ones_are_offered_to_a_person(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    await h.person("Sue", Role.STAFF)
    [offer] = outgoing(await h.say("can you check if her PP+ has been paid?", as_=cara))
    assert offer.chat == cara.dm
    assert "Pupil Premium Plus" not in offer.text  # no guessing at the answer
    assert offer.text == handover_texts(h).needs_person_offer.format(org="Harbour Fostering")
    assert labels(offer) == ["Yes, pass it on", "No, thanks"]
    [unsure] = outgoing(await h.say("can our foster child have a pet rabbit?", as_=cara))
    assert unsure.text.startswith("I'm not sure I have the right answer to that")
    assert labels(unsure) == ["Yes, pass it on", "No, thanks"]
    assert await counts(h) == {"faq.needs_person": 1, "faq.not_sure": 1}


async def test_ask_command_and_someone_not_yet_joined(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    assert "Pupil Premium Plus" in outgoing(await h.say(f"/ask {PP_QUESTION}", as_=cara))[0].text
    assert only_text(await h.say("/ask", as_=cara)) == faq_texts(h).ask_usage
    assert only_text(await h.say("/ask hi", as_=cara)) == faq_texts(h).small_talk
    visitor = h.guest("Visitor")
    [answer] = outgoing(await h.say("whats a PEP?", as_=visitor))
    assert answer.text.startswith("*PEP meeting")
    assert only_text(await h.press("Yes", as_=visitor)) == faq_texts(h).thanks_helpful
    case = await h.say("will panel approve us?", as_=visitor)
    assert only_text(case) == handover_texts(h).needs_person_guest
    assert case[0].buttons == ()  # nowhere to pass it: no organisation yet
    assert await counts(h) == {"faq.answered:pupil-premium-plus": 1}  # none for the visitor


async def test_stale_buttons_and_edited_questions(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    gone = faq_texts(h).topic_gone
    assert only_text(await h.press_data("faqmore:no-such-topic", as_=cara)) == gone
    assert only_text(await h.press_data("faqno:no-such-topic", as_=cara)) == gone
    assert only_text(await h.press_data("faqshow:no-such-topic", as_=cara)) == gone
    await h.say(PP_QUESTION, as_=cara)
    edit = Message(
        chat=cara.dm,
        sender=cara.user,
        text=PP_QUESTION + "?",
        message_id="3",
        sent_at=h.clock.now(),
        is_edit=True,
    )
    assert await h.app.engine.handle(edit) == []  # answered the first time
    assert await h.app.engine.handle(replace(edit, is_edit=False, message_id="x")) != []
