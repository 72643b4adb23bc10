"""The FAQ in a group: quiet unless asked, private hand-overs, and opt-in suggestions."""

from __future__ import annotations

from datetime import timedelta

from bot.app import build_app
from bot.roles import Role
from config.settings import FaqSettings
from storage.faq_tables import FaqGroupSetting
from tests.engine.faq_support import (
    PP_QUESTION,
    counts,
    faq_texts,
    labels,
    mention,
    sent_to,
    staff_texts,
)
from tests.engine.helpers import count, outgoing
from tests.support.harness import Harness, only_text

CONFIDENT = "how long can staying put last after 18?"


async def test_ask_in_a_group_is_answered_there(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    group = await h.group("Tuesday")
    [answer] = outgoing(await h.say(f"/ask {PP_QUESTION}", as_=cara, in_=group))
    assert answer.chat == group and answer.reply_to is not None
    assert answer.text.startswith("*Pupil Premium Plus (PP+)*")
    assert labels(answer) == ["More", "Yes", "No"]
    more = outgoing(await h.press("More", as_=cara, in_=group))
    assert [m.chat for m in more] == [cara.dm]  # the long version goes privately
    assert more[0].fallback == group
    thanks = outgoing(await h.press("Yes", as_=cara, in_=group))
    assert [(m.chat, m.text) for m in thanks] == [(cara.dm, faq_texts(h).thanks_helpful)]


async def test_a_mention_is_a_question_for_carebot(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    group = await h.group("Tuesday")
    leading = outgoing(await h.say("@carebot what is PP+?", as_=cara, in_=group))
    assert leading[0].chat == group and "Pupil Premium Plus" in leading[0].text
    flagged = outgoing(await mention(h, "quick one @carebot whats a PEP?", as_=cara, in_=group))
    assert flagged[0].chat == group and flagged[0].text.startswith("*PEP meeting")
    assert await mention(h, "thanks @carebot", as_=cara, in_=group) == []
    assert await h.say("@carebot regster", as_=cara, in_=group) == []
    off_topic = outgoing(await h.say("@carebot who won the football?", as_=cara, in_=group))
    assert [(m.chat, m.text) for m in off_topic] == [(group, faq_texts(h).off_topic)]


async def test_in_a_group_the_offer_of_a_person_goes_privately(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    sue = await h.person("Sue", Role.STAFF)
    group = await h.group("Tuesday")
    actions = await h.say("/ask can you check if her PP+ has been paid?", as_=cara, in_=group)
    assert sent_to(actions, group) == []
    [offer] = sent_to(actions, cara.dm)
    assert offer.fallback == group  # a neutral pointer only if the private chat is refused
    assert labels(offer) == ["Yes, pass it on", "No, thanks"]
    passed = await h.press("Yes, pass it on", as_=cara)
    assert sent_to(passed, group) == []
    assert "can you check if her PP+ has been paid?" in sent_to(passed, sue.dm)[0].text


async def test_suggestions_only_when_staff_turn_them_on(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    sue = await h.person("Sue", Role.STAFF)
    group = await h.group("Tuesday")
    words = staff_texts(h)
    assert await h.say(PP_QUESTION, as_=cara, in_=group) == []  # off by default: quiet
    assert await h.say(CONFIDENT, as_=cara, in_=group) == []
    assert (
        only_text(await h.say("/faq suggestions", as_=sue, in_=group))
        == (words.suggestions_now["off"])
    )
    on = only_text(await h.say("/faq suggestions on", as_=sue, in_=group))
    assert on == words.suggestions_changed["on"]
    [line] = outgoing(await h.say(CONFIDENT, as_=cara, in_=group))
    assert line.chat == group and line.reply_to is not None
    assert line.text == "I have a short answer about *Staying put (after 18)* if that helps."
    assert labels(line) == ["Show me"]
    shown = outgoing(await h.press("Show me", as_=sue, in_=group))
    assert [m.chat for m in shown] == [sue.dm]  # whoever asks gets it, privately
    assert shown[0].text.startswith("*Staying put (after 18)*")
    h.clock.advance(timedelta(minutes=10))
    assert await h.say(PP_QUESTION, as_=cara, in_=group) == []  # one suggestion per half hour
    h.clock.advance(timedelta(minutes=25))
    assert await h.say("lovely day for it", as_=cara, in_=group) == []
    assert await h.say("hows your weekend been?", as_=cara, in_=group) == []
    assert len(outgoing(await h.say(CONFIDENT, as_=cara, in_=group))) == 1
    off = only_text(await h.say("/faq suggestions off", as_=sue, in_=group))
    assert off == words.suggestions_changed["off"]
    h.clock.advance(timedelta(hours=1))
    assert await h.say(CONFIDENT, as_=cara, in_=group) == []
    assert await counts(h) == {
        "faq.suggested:staying-put": 2,
        "faq.answered:staying-put": 1,
    }


async def test_suggestion_setting_mistakes(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    sue = await h.person("Sue", Role.STAFF)
    group = await h.group("Tuesday")
    lonely = await h.group("Lonely", register=False)
    words = staff_texts(h)
    assert "for staff members" in only_text(await h.say("/faq suggestions on", as_=cara, in_=group))
    assert only_text(await h.say("/faq suggestions maybe", as_=sue, in_=group)) == (
        words.suggestions_usage
    )
    assert only_text(await h.say("/faq suggestions on off", as_=sue, in_=group)) == (
        words.suggestions_usage
    )
    assert "works in a group chat" in only_text(await h.say("/faq suggestions on", as_=sue))
    assert only_text(await h.say("/faq suggestions on", as_=sue, in_=lonely)) == (
        words.not_registered
    )
    assert only_text(await h.say("/faq", as_=sue, in_=group)) == words.usage
    assert only_text(await h.say("/faq nonsense", as_=sue)) == words.usage
    assert await count(h, FaqGroupSetting) == 0


async def test_organisation_default_turns_suggestions_on_until_a_group_says_no(
    harness: Harness,
) -> None:
    h = harness
    app = h.app
    settings = app.services.settings.model_copy(update={"faq": FaqSettings(group_suggestions=True)})
    h.app = build_app(
        settings=settings,
        texts=app.services.texts,
        clock=h.clock,
        db=app.services.db,
        capabilities=app.services.capabilities,
    )
    cara = await h.person("Cara")
    sue = await h.person("Sue", Role.STAFF)
    group = await h.group("Tuesday")
    assert (
        only_text(await h.say("/faq suggestions", as_=sue, in_=group))
        == (staff_texts(h).suggestions_now["on"])
    )
    assert len(outgoing(await h.say(CONFIDENT, as_=cara, in_=group))) == 1
    await h.say("/faq suggestions off", as_=sue, in_=group)
    h.clock.advance(timedelta(hours=1))
    assert await h.say(CONFIDENT, as_=cara, in_=group) == []


async def test_when_safeguarding_speaks_up_the_faq_stays_quiet(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    await h.person("Sue", Role.STAFF)
    group = await h.group("Tuesday")
    worry = "@carebot J has been missing since 6pm and his phone is off, who do I call?"
    actions = await h.say(worry, as_=cara, in_=group)
    assert sent_to(actions, group) == []
    [routes] = sent_to(actions, cara.dm)
    assert "Ring the police now" in routes.text  # the urgent routes, and nothing else
    asked = await h.say("/ask J has been missing since 6pm and his phone is off", as_=cara)
    assert ["Ring the police now" in m.text for m in sent_to(asked, cara.dm)] == [True]
