"""Cancelling an event or skipping one date (half term): the group is told, and so is anyone
who said they were going. The clock starts on Monday 5 January 2026 at 9am.
"""

from __future__ import annotations

import pytest

from bot.roles import Role
from storage.events_tables import EventRsvp, GroupEvent
from tests.engine.events_support import (
    Phone,
    Postbox,
    deliver,
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

WEEKLY = "Support group every Tuesday at 10:30 at Riverside Community Centre"


@pytest.fixture
async def fran(harness: Harness) -> Actor:
    return await harness.person("Fran", Role.FACILITATOR)


async def test_skipping_half_term_tells_the_group_and_those_going(
    harness: Harness, fran: Actor
) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira, ben = await h.person("Amira"), await h.person("Ben")
    await save_event(h, WEEKLY, as_=fran, in_=group)
    post = Postbox(h)
    await fire(h, london(2026, 1, 5, 18, 0))
    [reminder] = await post.new()
    await press_on(h, reminder, "Going", as_=amira, in_=group)
    await press_on(h, reminder, "Maybe", as_=ben, in_=group)

    actions = await h.say("/event skip 1 6 January half term", as_=fran, in_=group)
    assert one_to(actions, group) == (
        "There's no *Support group* on Tuesday 6 January 2026 (half term). "
        "The next one is Tuesday 13 January 2026 at 10:30am."
    )
    assert one_to(actions, amira) == (
        "Just so you know: there's no *Support group* on Tuesday 6 January 2026. "
        "You'd said you were going, so I wanted you to hear it from me."
    )
    assert said_to(actions, ben) == []  # only those going are told privately
    assert await count(h, EventRsvp) == 0
    assert await reminder_jobs(h) == [london(2026, 1, 12, 18, 0)]  # the 9:30 one is gone
    [event] = await rows(h, GroupEvent)
    assert (event.skipped, event.sequence) == (["2026-01-06"], 1)
    listing = only_text(await h.say("/events", as_=amira, in_=group))
    assert "next on Tuesday 13 January 2026 at 10:30am" in listing
    late = only_text(await press_on(h, reminder, "Going", as_=amira, in_=group))
    assert late.startswith("That meeting has already started or passed.")


async def test_skip_explains_what_it_cannot_do(harness: Harness, fran: Actor) -> None:
    h = harness
    group = await h.group("Tuesday")
    await save_event(h, WEEKLY, as_=fran, in_=group)
    await save_event(h, "Dads' group on 8 January at 7pm", as_=fran, in_=group)

    def ask(text: str) -> str:
        return f"/event skip {text}"

    answers = {
        "1 7 January": "*Support group* doesn't meet on Wednesday 7 January 2026. Its next "
        "dates are Tuesday 6 January 2026, Tuesday 13 January 2026, Tuesday 20 January 2026.",
        "1 2 January 2026": "Friday 2 January 2026 has already passed, so there's nothing",
        "1 31 February": "I can't find “31 February” on the calendar.",
        "1 soon": "Which date should I skip? For example: /event skip 1 17 February half term",
        "2 8 January": "Event 2 only happens once, so there's no date to skip. To call it off, "
        "send /event cancel 2.",
    }
    for said, answer in answers.items():
        reply = only_text(await h.say(ask(said), as_=fran, in_=group))
        assert reply.startswith(answer), (said, reply)
    await h.say(ask("1 13 January"), as_=fran, in_=group)
    again = only_text(await h.say(ask("1 13 January"), as_=fran, in_=group))
    assert again == "Tuesday 13 January 2026 is already skipped for *Support group*."
    [weekly] = await rows(h, GroupEvent, GroupEvent.number == 1)
    assert weekly.skipped == ["2026-01-13"]


async def test_cancelling_tells_the_group_and_those_going_and_stops_reminders(
    harness: Harness, fran: Actor
) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira, ben = await h.person("Amira"), await h.person("Ben")
    await save_event(h, WEEKLY, as_=fran, in_=group)
    post = Postbox(h)
    await fire(h, london(2026, 1, 5, 18, 0))
    [reminder] = await post.new()
    await press_on(h, reminder, "Going", as_=amira, in_=group)
    await press_on(h, reminder, "Can't make it", as_=ben, in_=group)
    assert "for facilitators" in only_text(await h.say("/event cancel 1", as_=ben, in_=group))

    actions = await h.say("/event cancel 1", as_=fran, in_=group)
    assert one_to(actions, group) == (
        "*Support group* has been cancelled. Sorry for any trouble, and thank you for "
        "understanding."
    )
    assert one_to(actions, amira).startswith("Just so you know: *Support group* has been")
    assert said_to(actions, ben) == []
    assert await reminder_jobs(h) == []
    assert await count(h, EventRsvp) == 0
    assert await fire(h, london(2026, 1, 6, 9, 30)) == 0
    assert await post.new() == []

    again = only_text(await h.say("/event cancel 1", as_=fran, in_=group))
    assert again == "Event 1 has already been cancelled."
    assert "already been cancelled" in only_text(
        await h.say("/event edit 1 every Monday at 7pm", as_=fran, in_=group)
    )
    answer = only_text(await press_on(h, reminder, "Going", as_=amira, in_=group))
    assert answer == "*Support group* has been cancelled, so there's nothing to answer. Sorry!"
    assert "Nothing is planned" in only_text(await h.say("/events", as_=amira, in_=group))
    gone = only_text(await press_on(h, reminder, "📅 Add to calendar", as_=amira, in_=group))
    assert gone.startswith("That event isn't there any more")
    who = only_text(await h.say("/event who 1", as_=fran, in_=group))
    assert who == "Event 1 has already been cancelled."


async def test_a_reminder_ready_to_go_is_withdrawn_when_plans_change(
    harness: Harness, fran: Actor
) -> None:
    h = harness
    group = await h.group("Tuesday")
    await save_event(h, WEEKLY, as_=fran, in_=group)
    await save_event(h, "Quiz every Tuesday at 7pm", as_=fran, in_=group)
    phone = Phone()
    await fire(h, london(2026, 1, 5, 17, 55))  # both reminders are queued for 6pm
    await h.say("/event cancel 2", as_=fran, in_=group)
    await h.say("/event edit 1 every Tuesday at 11am", as_=fran, in_=group)
    await h.press("Save", as_=fran, in_=group)
    await fire(h, london(2026, 1, 5, 18, 0))
    await deliver(h, phone)
    reminders = [m.text for m in phone.received if m.text.startswith("Reminder")]
    assert reminders == [
        "Reminder: *Support group* is tomorrow, Tuesday 6 January 2026, at 11am.\n"
        "I'll send the address and details privately to everyone who's going.\n"
        "Will you be there? Tap below to let us know."
    ]
    await deliver(h, phone)
    assert len([m for m in phone.received if m.text.startswith("Reminder")]) == 1
