"""Photo reminders, as conversations: a gentle private word, at most once a day each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.roles import Role
from storage.moderation_tables import ModerationNote
from tests.engine.helpers import count
from tests.engine.moderation_support import in_groups, to
from tests.support.harness import Harness


async def test_a_photo_gets_a_private_reminder_once_a_day(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    other = await h.group("Coffee")
    amira = await h.person("Amira")
    actions = await h.say("Look at this!", as_=amira, in_=group, photo=True)
    assert in_groups(actions) == []
    [reminder] = to(amira, actions)
    assert "photos where a child in care could be recognised" in reminder.text
    assert "Tuesday" in reminder.text
    assert reminder.fallback is None  # never a word about it in the group
    assert await h.say("And another", as_=amira, in_=group, photo=True) == []
    assert await h.say("", as_=amira, in_=other, photo=True) == []
    h.clock.advance(timedelta(days=1))
    assert len(to(amira, await h.say("", as_=amira, in_=group, photo=True))) == 1


async def test_the_day_is_the_local_day(harness: Harness) -> None:
    h = harness
    h.clock.set(datetime(2026, 6, 1, 22, 30, tzinfo=UTC))  # 23:30 in London
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    assert len(to(amira, await h.say("", as_=amira, in_=group, photo=True))) == 1
    h.clock.advance(timedelta(hours=1))  # 00:30 the next morning in London, still 1 June in UTC
    assert len(to(amira, await h.say("", as_=amira, in_=group, photo=True))) == 1


async def test_each_person_gets_their_own_reminder(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira, ben = await h.person("Amira"), await h.person("Ben")
    assert len(to(amira, await h.say("", as_=amira, in_=group, photo=True))) == 1
    assert len(to(ben, await h.say("", as_=ben, in_=group, photo=True))) == 1


async def test_no_reminders_when_switched_off_in_private_or_unregistered(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    lonely = await h.group("Lonely", register=False)
    sam = await h.person("Sam", Role.STAFF)
    amira = await h.person("Amira")
    await h.say("/photos off", as_=sam, in_=group)
    assert await h.say("", as_=amira, in_=group, photo=True) == []
    assert await h.say("", as_=amira, in_=lonely, photo=True) == []
    assert not any("photos" in a.text for a in to(amira, await h.say("", as_=amira, photo=True)))
    assert await count(h, ModerationNote) == 0


async def test_an_edited_caption_is_not_a_new_photo(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    await h.say("Beach day", as_=amira, in_=group, photo=True)
    h.clock.advance(timedelta(days=1))
    assert await h.say("Beach day!", as_=amira, in_=group, photo=True, edit_of="1") == []


async def test_an_identifying_caption_gets_both_words(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    actions = await h.say("Lily Evans at Oakfield Primary", as_=amira, in_=group, photo=True)
    words = [a.text for a in to(amira, actions)]
    assert len(words) == 2
    assert any("[child's name] at [school]" in w for w in words)
    assert any("photos where a child" in w for w in words)
