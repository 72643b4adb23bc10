"""Confidentiality nudges, as conversations: a private, kind word and a safer version to post."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from bot.capabilities import Capabilities
from bot.events import Outgoing
from bot.roles import Role
from storage.models import DailyCount, Group
from storage.moderation_tables import ModerationNote, NudgeSuggestion
from tests.engine.helpers import count, rows
from tests.engine.moderation_support import in_groups, to
from tests.support.harness import Harness, deletes, only_text

KYLE = "Kyle McAllister starts at St Bedes on Monday"
SAFER = "[child's name] starts at [school] on Monday"


async def test_a_carer_is_nudged_privately_with_a_safer_version(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    actions = await h.say(KYLE, as_=amira, in_=group)
    assert in_groups(actions) == []
    assert deletes(actions) == []
    [nudge] = to(amira, actions)
    assert "Hi Amira" in nudge.text and "Tuesday" in nudge.text
    assert "a child's name and a school" in nudge.text
    assert SAFER in nudge.text
    assert "McAllister" not in nudge.text
    assert [b.label for b in nudge.buttons] == ["Post it for me"]
    assert nudge.fallback == group  # never opened a private chat: a neutral line in the group


async def test_pressing_the_button_posts_it_in_the_group_attributed(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    await h.say(KYLE, as_=amira, in_=group)
    actions = await h.press("Post it for me", as_=amira)
    [posted] = in_groups(actions)
    assert posted.chat == group
    assert posted.text == f"Amira asked me to share:\n{SAFER}"
    assert "posted it in Tuesday" in to(amira, actions)[0].text
    [kept] = await rows(h, NudgeSuggestion)
    assert kept.text == "" and kept.posted_at is not None
    again = await h.press("Post it for me", as_=amira)
    assert "already posted" in only_text(again) and in_groups(again) == []


async def test_only_counts_are_kept_never_the_message(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    await h.say(KYLE, as_=amira, in_=group)
    counts = {c.metric: c.count for c in await rows(h, DailyCount)}
    assert counts == {"nudge.child_name": 1, "nudge.school": 1}
    [day] = {c.day for c in await rows(h, DailyCount)}
    assert day == "2026-01-05"
    [note] = await rows(h, ModerationNote)
    assert "Kyle" not in note.key and "McAllister" not in note.user_key
    [suggestion] = await rows(h, NudgeSuggestion)
    assert suggestion.text == SAFER
    assert suggestion.expires_at == h.clock.now() + timedelta(hours=1)


async def test_hold_removes_the_message_and_says_so(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    sam = await h.person("Sam", Role.STAFF)
    amira = await h.person("Amira")
    await h.say("/confidentiality hold", as_=sam, in_=group)
    actions = await h.say(KYLE, as_=amira, in_=group)
    [removed] = deletes(actions)
    assert removed.chat == group
    assert "taken it down" in to(amira, actions)[0].text


async def test_hold_where_carebot_cannot_delete_is_a_nudge(harness: Harness) -> None:
    h = harness
    h.app.services.capabilities = {"nodelete": Capabilities(buttons=True, delete_messages=False)}
    group = await h.group("Tuesday", platform="nodelete")
    amira = await h.person("Amira", platform="nodelete")
    async with h.db.transaction() as db:
        await db.execute(update(Group).values(confidentiality_policy="hold"))
    actions = await h.say(KYLE, as_=amira, in_=group)
    assert deletes(actions) == []
    [nudge] = to(amira, actions)
    assert "taken it down" not in nudge.text and SAFER in nudge.text


async def test_policy_off_and_unregistered_groups_are_left_alone(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    lonely = await h.group("Lonely", register=False)
    sam = await h.person("Sam", Role.STAFF)
    amira = await h.person("Amira")
    await h.say("/confidentiality off", as_=sam, in_=group)
    assert await h.say(KYLE, as_=amira, in_=group) == []
    assert await h.say(KYLE, as_=amira, in_=lonely) == []
    assert await count(h, DailyCount) == 0


async def test_private_messages_to_carebot_are_not_nudged(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira")
    actions = await h.say(KYLE, as_=amira)
    assert not any("child's name" in a.text for a in actions if isinstance(a, Outgoing))
    assert await count(h, ModerationNote) == 0


async def test_an_edit_is_checked_again_but_nudged_only_once(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    assert await h.say("Our lad starts his new school on Monday", as_=amira, in_=group) == []
    actions = await h.say(KYLE, as_=amira, in_=group, edit_of="1")
    assert SAFER in to(amira, actions)[0].text
    h.clock.advance(timedelta(minutes=1))
    again = await h.say(f"{KYLE}!", as_=amira, in_=group, edit_of="1")
    assert to(amira, again) == []
    assert await count(h, ModerationNote) == 1


async def test_repeat_nudges_get_shorter(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    first = to(amira, await h.say(KYLE, as_=amira, in_=group))[0].text
    second = to(amira, await h.say("Lily Evans goes to Oakfield Primary", as_=amira, in_=group))
    third = to(amira, await h.say("Jayden Smith has ADHD", as_=amira, in_=group))
    assert "Hi Amira" in first and "Another quick one" in second[0].text
    assert len(first) > len(second[0].text) > len(third[0].text)
    assert "\n" not in third[0].text
    assert "“[child's name] has [health detail]”" in third[0].text
    assert [b.label for b in third[0].buttons] == ["Post it for me"]
    h.clock.advance(timedelta(days=8))
    fresh = to(amira, await h.say("Tia-Mae Jones is settling in well", as_=amira, in_=group))
    assert "Hi Amira" in fresh[0].text


async def test_the_suggestion_expires_after_an_hour(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    await h.say(KYLE, as_=amira, in_=group)
    h.clock.advance(timedelta(minutes=61))
    actions = await h.press("Post it for me", as_=amira)
    assert "only keep it for an hour" in only_text(actions)
    assert in_groups(actions) == []
    assert await count(h, NudgeSuggestion) == 0


async def test_the_hourly_job_erases_suggestions(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    await h.say(KYLE, as_=amira, in_=group)
    timers = h.app.services.timers
    assert timers is not None
    h.clock.advance(timedelta(minutes=59))
    await timers.run_due()
    assert await count(h, NudgeSuggestion) == 1
    h.clock.advance(timedelta(minutes=2))
    await timers.run_due()
    assert await count(h, NudgeSuggestion) == 0
    assert "only keep it for an hour" in only_text(await h.press("Post it for me", as_=amira))


async def test_stale_foreign_and_broken_buttons(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira, ben = await h.person("Amira"), await h.person("Ben")
    await h.say(KYLE, as_=amira, in_=group)
    data = h.find_button("Post it for me", amira.dm).data
    assert "someone else's" in only_text(await h.press_data(data, as_=ben))
    assert "only keep it" in only_text(await h.press_data("nudgepost:abc", as_=amira))
    assert "only keep it" in only_text(await h.press_data("nudgepost:999", as_=amira))
    async with h.db.transaction() as db:
        await db.execute(update(Group).values(active=False))
    assert "can't post in that group" in only_text(await h.press_data(data, as_=amira))


async def test_a_guest_in_a_registered_group_is_nudged_too(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    visitor = h.guest("Visitor")
    actions = await h.say(KYLE, as_=visitor, in_=group)
    assert SAFER in to(visitor, actions)[0].text
    posted = in_groups(await h.press("Post it for me", as_=visitor))
    assert posted[0].text.startswith("Visitor asked me to share")


async def test_a_very_long_message_is_nudged_without_a_suggestion(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    long = KYLE + ". " + "We had a lovely walk and a picnic by the river. " * 80
    [nudge] = to(amira, await h.say(long, as_=amira, in_=group))
    assert "long one" in nudge.text and nudge.buttons == ()
    assert await count(h, NudgeSuggestion) == 0


async def test_mydata_shows_and_forgetme_erases_nudge_records(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    await h.say(KYLE, as_=amira, in_=group)
    mydata = only_text(await h.say("/mydata", as_=amira))
    assert "Private confidentiality reminders (kept a week)*: 1" in mydata
    assert "McAllister" not in mydata
    await h.say("/forgetme", as_=amira)
    await h.press("forget:yes", as_=amira)
    assert await count(h, ModerationNote) == 0
    assert await count(h, NudgeSuggestion) == 0
    assert await count(h, DailyCount, DailyCount.metric == "nudge.child_name") == 1


async def test_joins_and_buttons_are_not_checked(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    await h.joins(amira, group)
    await h.press("I agree", as_=amira, in_=group)
    assert await count(h, ModerationNote) == 0


async def test_commands_to_carebot_are_not_nudged(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    await h.say("/rules Kyle McAllister", as_=amira, in_=group)
    assert await count(h, ModerationNote) == 0
