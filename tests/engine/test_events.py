"""Creating events in plain words: shown in full, saved only on "Save", and only once.

The clock starts on Monday 5 January 2026 at 9am (GMT, so London time too).
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.roles import Role
from storage.events_tables import EventDraft, GroupEvent
from tests.engine.events_support import one_to, reminder_jobs, said_to, save_event
from tests.engine.helpers import count, rows
from tests.support.harness import Actor, Harness, only_text

COFFEE = "Coffee morning every 2nd Tuesday at 10:30 at Riverside Community Centre, children welcome"


@pytest.fixture
async def fran(harness: Harness) -> Actor:
    return await harness.person("Fran", Role.FACILITATOR)


async def test_the_event_is_shown_in_full_and_saved_only_on_save(
    harness: Harness, fran: Actor
) -> None:
    h = harness
    group = await h.group("Tuesday")
    shown = one_to(await h.say(f"/event {COFFEE}", as_=fran, in_=group), group)
    assert shown.splitlines() == [
        "Here's what I understood:",
        "*Coffee morning*",
        "When: 10:30am to 12:30pm, on the 2nd Tuesday of every month",
        "First dates:",
        "- Tuesday 13 January 2026",
        "- Tuesday 10 February 2026",
        "- Tuesday 10 March 2026",
        "Where: Riverside Community Centre",
        "Good to know: children welcome",
        "_I've taken this as once a month. If you meant every fortnight, say "
        "“every other Tuesday”._",
        "Nothing is saved until you press “Save”.",
    ]
    assert await count(h, GroupEvent) == 0
    assert [d.status for d in await rows(h, EventDraft)] == ["pending"]

    saved = one_to(await h.press("Save", as_=fran, in_=group), group)
    assert saved == (
        "Saved: *Coffee morning* is event 1 in this group. Reminders go out the day before "
        "at 6pm and an hour before. Anyone can see what's coming up with /events."
    )
    again = one_to(await h.press("Save", as_=fran, in_=group), group)
    assert again == "That's already saved as event 1, so there's nothing more to do."
    assert await count(h, GroupEvent) == 1
    [draft] = await rows(h, EventDraft)
    assert (draft.status, draft.data) == ("saved", {})  # nothing of the draft is kept
    assert await reminder_jobs(h) == [h.clock.now().replace(day=12, hour=18, minute=0)]


async def test_a_one_off_online_event_and_changing_your_mind(harness: Harness, fran: Actor) -> None:
    h = harness
    group = await h.group("Tuesday")
    text = "/event PP+ workshop on 3 March 7pm online https://meet.example.org/pp"
    shown = one_to(await h.say(text, as_=fran, in_=group), group)
    assert "When: Tuesday 3 March 2026, 7pm to 9pm" in shown
    assert "Online: https://meet.example.org/pp" in shown
    assert "First dates" not in shown
    assert only_text(await h.press("Cancel", as_=fran, in_=group)) == (
        "OK, I haven't saved anything."
    )
    assert "was cancelled, so nothing was saved" in only_text(
        await h.press("Save", as_=fran, in_=group)
    )
    assert await count(h, GroupEvent) == 0


PROBLEMS = [
    ("Support group on 31 February at 7pm", "I can't find “31 February” on the calendar."),
    (
        "Support group next Monday at 7pm",  # said on a Monday
        "Just to check: by “next Monday” do you mean Monday 12 January 2026 or "
        "Monday 19 January 2026?",
    ),
    ("Support group today at 8am", "Monday 5 January 2026 at 8am has already passed."),
    ("Support group at 7pm", "I've got “Support group”, but not which day."),
    ("every Tuesday at 7pm", "What's the event called?"),
    ("Support group on 3/13 at 7pm", "Did you mean 13 March?"),
    ("Support group every Tuesday", "What time does “Support group” start?"),
    ("Support group every Tuesday at 25:00", "doesn't look like a time I can use"),
]


async def test_what_the_parser_cannot_use_gets_a_kind_answer_and_nothing_is_saved(
    harness: Harness, fran: Actor
) -> None:
    h = harness
    group = await h.group("Tuesday")
    for said, answer in PROBLEMS:
        reply = only_text(await h.say(f"/event {said}", as_=fran, in_=group))
        assert answer in reply, (said, reply)
    assert await count(h, EventDraft) == 0
    assert await count(h, GroupEvent) == 0


async def test_who_may_create_events_and_where(harness: Harness, fran: Actor) -> None:
    h = harness
    group = await h.group("Tuesday")
    lonely = await h.group("Lonely", register=False)
    amira = await h.person("Amira")
    reply = only_text(await h.say(f"/event {COFFEE}", as_=amira, in_=group))
    assert reply.startswith("Sorry, /event is for facilitators.")
    assert "join first" in only_text(await h.say(f"/event {COFFEE}", as_=h.guest("Vi"), in_=group))
    assert "works in a group chat" in only_text(await h.say(f"/event {COFFEE}", as_=fran))
    assert "isn't registered" in only_text(await h.say(f"/event {COFFEE}", as_=fran, in_=lonely))
    assert "describe it after /event" in only_text(await h.say("/event", as_=fran, in_=group))
    assert await count(h, EventDraft) == 0


async def test_only_the_author_can_save_and_drafts_time_out(harness: Harness, fran: Actor) -> None:
    h = harness
    group = await h.group("Tuesday")
    gail = await h.person("Gail", Role.FACILITATOR)
    amira = await h.person("Amira")
    await h.say(f"/event {COFFEE}", as_=fran, in_=group)
    assert only_text(await h.press("Save", as_=gail, in_=group)) == (
        "Only Fran, who wrote this one, can save it."
    )
    assert only_text(await h.press("Save", as_=amira, in_=group)) == (
        "Only Fran, who wrote this one, can save it."
    )
    assert "Only Fran" in only_text(await h.press("Cancel", as_=h.guest("Vi"), in_=group))
    h.clock.advance(timedelta(minutes=31))
    assert "timed out before it was saved" in only_text(await h.press("Save", as_=fran, in_=group))
    assert "timed out" in only_text(await h.press_data("evok:999", as_=fran, in_=group))
    assert "timed out" in only_text(await h.press_data("evno:x", as_=fran, in_=group))
    await h.say("/event Drop-in today at 9:50am", as_=fran, in_=group)
    h.clock.advance(timedelta(minutes=25))  # still a fresh draft, but that time has gone
    assert only_text(await h.press("Save", as_=fran, in_=group)).startswith(
        "Monday 5 January 2026 at 9:50am has already passed."
    )
    assert await count(h, GroupEvent) == 0


async def test_two_presses_at_once_save_one_event(harness: Harness, fran: Actor) -> None:
    h = harness
    group = await h.group("Tuesday")
    await h.say(f"/event {COFFEE}", as_=fran, in_=group)
    first, second = await asyncio.gather(
        h.press("Save", as_=fran, in_=group), h.press("Save", as_=fran, in_=group)
    )
    answers = sorted(said_to(first, group) + said_to(second, group))
    assert answers[0].startswith("Saved: *Coffee morning* is event 1")
    assert answers[1].startswith("That's already saved")
    assert await count(h, GroupEvent) == 1
    assert len(await reminder_jobs(h)) == 1


async def test_events_lists_what_is_coming_up_with_calendar_buttons(
    harness: Harness, fran: Actor
) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    empty = only_text(await h.say("/events", as_=amira, in_=group))
    assert empty.startswith("Nothing is planned in this group yet.")
    await save_event(h, COFFEE, as_=fran, in_=group)
    await save_event(h, "Dads' group on 8 January at 7pm online", as_=fran, in_=group)
    [listing] = await h.say("/events", as_=amira, in_=group)
    assert listing.text.splitlines() == [  # type: ignore[union-attr]
        "*Coming up in this group*",
        "2. *Dads' group*: next on Thursday 8 January 2026 at 7pm",
        "   Online",
        "1. *Coffee morning*: next on Tuesday 13 January 2026 at 10:30am "
        "(on the 2nd Tuesday of every month)",
        "   Where: Riverside Community Centre",
        "Tap a button to add an event to your calendar (I'll send it to you privately).",
    ]
    labels = [b.label for b in listing.buttons]  # type: ignore[union-attr]
    assert labels == ["📅 Dads' group", "📅 Coffee morning", "📅 All of them"]


async def test_editing_shows_the_new_details_and_replans_reminders(
    harness: Harness, fran: Actor
) -> None:
    h = harness
    group = await h.group("Tuesday")
    event = await save_event(h, COFFEE, as_=fran, in_=group)
    old_jobs = await reminder_jobs(h)
    shown = only_text(await h.say("/event edit 1 every Wednesday at 11am", as_=fran, in_=group))
    assert "*Coffee morning*" in shown  # the title is kept when not given again
    assert "When: 11am to 1pm, every Wednesday" in shown
    assert "Where: Riverside Community Centre" in shown  # and so is the place
    assert "This will replace event 1." in shown
    assert await reminder_jobs(h) == old_jobs  # nothing changes before Save
    updated = only_text(await h.press("Save", as_=fran, in_=group))
    assert updated == (
        "Updated: event 1 is now *Coffee morning*. Next: Wednesday 7 January 2026 at 11am."
    )
    [stored] = await rows(h, GroupEvent)
    assert (stored.id, stored.sequence, stored.generation) == (event.id, 1, 1)
    assert await reminder_jobs(h) == [h.clock.now().replace(day=6, hour=18)]
    assert await reminder_jobs(h, "cancelled") == old_jobs


async def test_event_subcommands_explain_what_they_need(harness: Harness, fran: Actor) -> None:
    h = harness
    group = await h.group("Tuesday")
    await save_event(h, COFFEE, as_=fran, in_=group)
    assert "/event edit 2" in only_text(await h.say("/event edit", as_=fran, in_=group))
    assert "/event skip 2" in only_text(await h.say("/event skip soon", as_=fran, in_=group))
    assert "can't find event 7" in only_text(await h.say("/event cancel 7", as_=fran, in_=group))
    assert "/event edit 1 every" in only_text(await h.say("/event edit 1", as_=fran, in_=group))
    reply = only_text(await h.say("/event edit 1 on 30 February at 7pm", as_=fran, in_=group))
    assert "I can't find “30 February” on the calendar" in reply
    assert await count(h, EventDraft, EventDraft.status == "pending") == 0
