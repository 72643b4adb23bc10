"""Reminders and answers: counts for the group, names for the facilitator, details privately.

The clock starts on Monday 5 January 2026 at 9am. "Support group" meets every Tuesday at
10:30, so its reminders are due on Monday at 6pm and on Tuesday at 9:30am.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.roles import Role
from storage.events_tables import EventRsvp
from tests.engine.events_support import (
    Postbox,
    fire,
    london,
    one_to,
    press_on,
    reminder_jobs,
    said_to,
    save_event,
)
from tests.engine.helpers import count, rows
from tests.support.harness import Actor, Harness, only_text

GROUP_WEEKLY = (
    "Support group every Tuesday at 10:30 at Riverside Community Centre, bring a packed lunch"
)


@pytest.fixture
async def fran(harness: Harness) -> Actor:
    return await harness.person("Fran", Role.FACILITATOR)


async def test_the_group_sees_counts_the_facilitator_names_and_going_gets_details(
    harness: Harness, fran: Actor
) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira, ben, cara, dev = [await h.person(n) for n in ("Amira", "Ben", "Cara", "Dev")]
    await save_event(h, GROUP_WEEKLY, as_=fran, in_=group)
    post = Postbox(h)
    assert await fire(h, london(2026, 1, 5, 17, 54)) == 0
    # The timer fires five minutes early, so the message is ready to go at 6pm exactly.
    assert await fire(h, london(2026, 1, 5, 17, 55)) == 1
    [first] = await post.new()
    assert (first.chat_id, first.kind) == (group.id, "event_reminder")
    assert first.not_before == london(2026, 1, 5, 18, 0)
    assert first.text.splitlines() == [
        "Reminder: *Support group* is tomorrow, Tuesday 6 January 2026, at 10:30am.",
        "I'll send the address and details privately to everyone who's going.",
        "Will you be there? Tap below to let us know.",
    ]
    assert first.labels == ["Going", "Maybe", "Can't make it", "📅 Add to calendar"]
    assert first.expires_at == london(2026, 1, 5, 20, 0)  # never more than two hours late
    h.clock.set(london(2026, 1, 5, 18, 0))

    going = await press_on(h, first, "Going", as_=amira, in_=group)
    assert said_to(going, group) == []
    assert one_to(going, amira).splitlines() == [
        "Lovely, you're down as going to *Support group* tomorrow, Tuesday 6 January 2026, "
        "at 10:30am.",
        "Where: Riverside Community Centre",
        "Good to know: bring a packed lunch",
        "I'll remind you privately before it starts.",
    ]
    await press_on(h, first, "Going", as_=ben, in_=group)
    await press_on(h, first, "Going", as_=cara, in_=group)
    maybe = await press_on(h, first, "Maybe", as_=cara, in_=group)  # changes her mind
    assert one_to(maybe, cara).startswith("Thanks, you're down as a maybe")
    cant = await press_on(h, first, "Can't make it", as_=dev, in_=group)
    assert one_to(cant, dev).startswith("Thanks for letting us know.")
    assert await post.new() == []  # answering never adds messages to the group
    assert await count(h, EventRsvp) == 4

    who = await h.say("/event who 1", as_=fran, in_=group)
    assert said_to(who, group) == []
    assert one_to(who, fran).splitlines() == [
        "*Support group*, Tuesday 6 January 2026:",
        "Going (2): Amira, Ben",
        "Maybe (1): Cara",
        "Can't make it (1): Dev",
    ]

    assert await fire(h, london(2026, 1, 6, 9, 30)) == 1
    sent = await post.new()
    [second] = [m for m in sent if m.chat_id == group.id]
    assert second.text.splitlines()[0] == "Reminder: *Support group* is today at 10:30am."
    assert second.text.endswith("So far: 2 going, 1 maybe, 1 can't make it.")
    assert not any(name in second.text for name in ("Amira", "Ben", "Cara", "Dev", "Riverside"))
    private = [m for m in sent if m.chat_id != group.id]
    assert sorted(m.chat_id for m in private) == [amira.user.id, ben.user.id]
    assert private[0].text.splitlines() == [
        "Reminder: *Support group* is today at 10:30am.",
        "Where: Riverside Community Centre",
        "Good to know: bring a packed lunch",
    ]
    assert private[0].fallback == group.id
    assert private[0].labels == ["📅 Add to calendar"]

    assert await reminder_jobs(h) == [london(2026, 1, 12, 18, 0)]  # rolled on to next week
    await fire(h, london(2026, 1, 12, 18, 0))
    [next_week] = await post.new()
    assert next_week.text.endswith("Will you be there? Tap below to let us know.")
    assert await count(h, EventRsvp) == 0  # last week's answers are gone once it has passed


async def test_a_weekly_1030_stays_1030_in_london_across_the_clocks_going_forward(
    harness: Harness, fran: Actor
) -> None:
    h = harness
    group = await h.group("Walkers")
    await save_event(h, "Sunday walk every Sunday at 10:30 from 22 March", as_=fran, in_=group)
    post = Postbox(h)
    timers = h.app.services.timers
    assert timers is not None
    while (due := await timers.next_due()) is not None and due < london(2026, 4, 6):
        await fire(h, due)
    sent = await post.new()
    assert [m.not_before for m in sent] == [
        london(2026, 3, 21, 18, 0),
        london(2026, 3, 22, 9, 30),  # 09:30 GMT
        london(2026, 3, 28, 18, 0),
        london(2026, 3, 29, 9, 30),  # 09:30 BST, which is 08:30 UTC
        london(2026, 4, 4, 18, 0),
        london(2026, 4, 5, 9, 30),
    ]
    assert sent[3].not_before.hour == 8  # UTC: the clocks went forward overnight
    texts = [m.text.splitlines()[0] for m in sent]
    assert texts[3] == "Reminder: *Sunday walk* is today at 10:30am."
    assert texts[2] == "Reminder: *Sunday walk* is tomorrow, Sunday 29 March 2026, at 10:30am."
    assert texts[5] == "Reminder: *Sunday walk* is today at 10:30am."
    assert [m.expires_at for m in sent][3] == london(2026, 3, 29, 10, 30)  # when it starts


async def test_quiet_hours_move_reminders_earlier_and_groups_set_their_own(
    harness: Harness, fran: Actor
) -> None:
    h = harness
    group = await h.group("Breakfast")
    await save_event(h, "Breakfast club every Wednesday at 8:30am", as_=fran, in_=group)
    assert await reminder_jobs(h) == [london(2026, 1, 6, 18, 0)]
    await fire(h, london(2026, 1, 6, 18, 0))
    # An hour before would be 7:30am, inside the default quiet hours (9pm to 8am): it comes
    # as the quiet hours begin the evening before instead.
    assert await reminder_jobs(h) == [london(2026, 1, 6, 21, 0)]
    reply = only_text(await h.say("/reminders quiet 22:00-07:00", as_=fran, in_=group))
    assert "No reminders are sent between 10pm and 7am" in reply
    assert await reminder_jobs(h) == [london(2026, 1, 7, 7, 30)]
    reply = only_text(await h.say("/reminders quiet off", as_=fran, in_=group))
    assert "There are no quiet hours" in reply
    assert await reminder_jobs(h) == [london(2026, 1, 7, 7, 30)]
    assert "There are no quiet hours" in only_text(
        await h.say("/reminders quiet", as_=fran, in_=group)
    )
    reply = only_text(await h.say("/reminders quiet whenever", as_=fran, in_=group))
    assert reply.startswith("I couldn't read “whenever” as quiet hours.")


async def test_facilitators_choose_when_their_group_is_reminded(
    harness: Harness, fran: Actor
) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    assert "for facilitators" in only_text(await h.say("/reminders off", as_=amira, in_=group))
    shown = only_text(await h.say("/reminders", as_=fran, in_=group))
    assert shown.startswith(
        "In this group, reminders go out the day before at 6pm and an hour before.\n"
        "No reminders are sent between 9pm and 8am; one that would fall then comes just before."
    )
    await save_event(h, GROUP_WEEKLY, as_=fran, in_=group)

    said = "/reminders 2 days before at 10:00, same day at 8:30"
    reply = only_text(await h.say(said, as_=fran, in_=group))
    assert reply.startswith(
        "Done. In this group, reminders go out 2 days before at 10am and on the day at 8:30am."
    )
    # Tuesday's 2-days-before has passed; Tuesday 8:30am is next.
    assert await reminder_jobs(h) == [london(2026, 1, 6, 8, 30)]
    reply = only_text(await h.say("/reminders soonish, 1h before", as_=fran, in_=group))
    assert reply.startswith("I couldn't read “soonish” as a reminder time.")
    assert await reminder_jobs(h) == [london(2026, 1, 6, 8, 30)]  # nothing changed

    assert "turned off" in only_text(await h.say("/reminders off", as_=fran, in_=group))
    assert await reminder_jobs(h) == []
    await h.say("/event Dads' group on 8 January at 7pm", as_=fran, in_=group)
    saved = only_text(await h.press("Save", as_=fran, in_=group))
    assert "Reminders are turned off here (see /reminders)." in saved
    assert await reminder_jobs(h) == []

    reply = only_text(await h.say("/reminders default", as_=fran, in_=group))
    assert "the day before at 6pm and an hour before" in reply
    assert await reminder_jobs(h) == [london(2026, 1, 5, 18, 0), london(2026, 1, 7, 18, 0)]
    reply = only_text(await h.say("/reminders the day before at 7pm", as_=fran, in_=group))
    assert "reminders go out the day before at 7pm." in reply


async def test_answers_that_cannot_count_get_a_kind_word(harness: Harness, fran: Actor) -> None:
    h = harness
    group = await h.group("Tuesday")
    other = await h.group("Thursday")
    amira = await h.person("Amira")
    event = await save_event(h, GROUP_WEEKLY, as_=fran, in_=group)
    post = Postbox(h)
    await fire(h, london(2026, 1, 5, 18, 0))
    [reminder] = await post.new()

    visitor = h.guest("Visitor")
    answer = one_to(await press_on(h, reminder, "Going", as_=visitor, in_=group), visitor)
    assert answer.startswith("Thank you! To answer, you'll need to join carebot first")
    for data in ("rsvp:nonsense", f"rsvp:{event.id}.20260106.x", f"rsvp:{event.id}.20261306.g"):
        stale = only_text(await h.press_data(data, as_=amira, in_=group))
        assert stale.startswith("That button is from an older message")
    wrong_group = await press_on(h, reminder, "Going", as_=amira, in_=other)
    assert one_to(wrong_group, amira).startswith("That button is from an older message")
    not_a_meeting = f"rsvp:{event.id}.20260107.g"  # a Wednesday
    assert "already started or passed" in only_text(
        await h.press_data(not_a_meeting, as_=amira, in_=group)
    )
    assert await count(h, EventRsvp) == 0

    await press_on(h, reminder, "Going", as_=amira, in_=group)
    exported = [t for t in said_to(await h.say("/mydata", as_=amira), amira) if "Here is" in t]
    assert (
        "*Your answers to event reminders*:\n- Support group, Tuesday 6 January 2026: going"
        in (exported[0])
    )
    h.clock.set(london(2026, 1, 6, 10, 31))
    late = only_text(await press_on(h, reminder, "Maybe", as_=amira, in_=group))
    assert late.startswith("That meeting has already started or passed.")
    assert [r.answer for r in await rows(h, EventRsvp)] == ["going"]

    await h.say("/forgetme", as_=amira)
    await h.press("Yes, erase it all", as_=amira)
    assert await count(h, EventRsvp) == 0


async def test_unanswered_events_still_remind_but_never_after_they_start(
    harness: Harness, fran: Actor
) -> None:
    h = harness
    group = await h.group("Tuesday")
    await save_event(h, "Drop-in tomorrow at 9:45am", as_=fran, in_=group)
    assert await reminder_jobs(h) == [london(2026, 1, 5, 18, 0)]
    post = Postbox(h)
    await fire(h, london(2026, 1, 5, 18, 0))
    assert await reminder_jobs(h) == [london(2026, 1, 6, 8, 45)]
    await fire(h, london(2026, 1, 6, 8, 45))
    first, second = await post.new()
    assert first.text.startswith("Reminder: *Drop-in* is tomorrow, Tuesday 6 January 2026")
    assert "privately" not in first.text  # no place or link to hold back
    assert second.text.startswith("Reminder: *Drop-in* is today at 9:45am.")
    assert await reminder_jobs(h) == []  # a one-off: nothing more to plan
    h.clock.advance(timedelta(days=1))
    assert await fire(h) == 0
    who = await h.say("/event who 1", as_=fran, in_=group)
    assert one_to(who, fran) == "*Drop-in* has no more dates coming up."
    assert "Nothing is planned" in only_text(await h.say("/events", as_=fran, in_=group))


async def test_an_online_link_goes_only_to_those_going(harness: Harness, fran: Actor) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    link = "https://meet.example.org/carers"
    await save_event(h, f"Evening chat on 7 January at 8pm online {link}", as_=fran, in_=group)
    post = Postbox(h)
    await fire(h, london(2026, 1, 6, 18, 0))
    [reminder] = await post.new()
    assert "I'll send the joining link privately to everyone who's going." in reminder.text
    assert link not in reminder.text
    going = one_to(await press_on(h, reminder, "Going", as_=amira, in_=group), amira)
    assert f"Online: {link}" in going
    await fire(h, london(2026, 1, 7, 19, 0))
    private = [m for m in await post.new() if m.chat_id == amira.user.id]
    assert private[0].text.endswith(f"Online: {link}")
