"""Notices for later: held back in quiet hours, sent by a durable timer once, or cancelled."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from bot.features.notices.sending import send_due
from bot.roles import Role
from bot.router import JobContext
from storage.models import Group
from storage.notices_tables import Notice
from tests.engine.events_support import london
from tests.engine.helpers import outgoing, rows
from tests.engine.notices_support import group_in, queued
from tests.support.harness import Actor, Harness, only_text


async def write(h: Harness, sam: Actor, text: str, when: str) -> str:
    """Sam writes a notice to all groups, no receipts, for `when`; the preview's last line."""
    await h.say(f"/notice {text}", as_=sam)
    await h.say("all groups", as_=sam)
    await h.say("no", as_=sam)
    preview = only_text(await h.say(when, as_=sam))
    return preview.splitlines()[-1]


async def fire(h: Harness, at: object) -> int:
    h.clock.set(at)  # type: ignore[arg-type]
    timers = h.app.services.timers
    assert timers is not None
    return await timers.run_due()


async def test_a_notice_due_in_quiet_hours_waits_until_they_end_then_goes_once(
    harness: Harness,
) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    await group_in(h, "Tuesday Group")
    when = await write(h, sam, "Reminder: forms due Friday", "tomorrow 7am")
    assert when == (
        "*When:* 8am on Tuesday 6 January 2026, once the quiet hours (9pm to 8am) are over"
    )
    done = only_text(await h.press("Schedule it", as_=sam))
    assert done == (
        "Done. Notice 1 will go to all groups at 8am on Tuesday 6 January 2026, when the quiet "
        "hours are over. To stop it, send /notice cancel 1."
    )
    status = only_text(await h.say("/notice status 1", as_=sam))
    assert "Scheduled for 8am on Tuesday 6 January 2026. Nothing has been sent yet." in status

    await fire(h, london(2026, 1, 6, 7, 59))
    assert await queued(h) == []
    assert await fire(h, london(2026, 1, 6, 8, 0)) == 1
    [notice] = await queued(h)
    assert notice.chat_id == "group-Tuesday Group"
    [told] = await queued(h, kind="notice_told")
    assert told.chat_id == sam.user.id
    assert told.text.startswith("Your notice 1 has just gone out to 1 group.")
    assert await fire(h, london(2026, 1, 6, 9, 0)) == 0  # a timer fires once
    async with h.db.transaction() as db:  # and the job run again (a retry after a crash)
        await send_due(JobContext(db, h.app.services, h.app.services.outbox), {"notice": 1})
    assert len(await queued(h)) == 1
    assert len(await queued(h, kind="notice_told")) == 1


async def test_now_during_quiet_hours_is_held_until_morning(harness: Harness) -> None:
    h = harness
    h.clock.set(london(2026, 1, 5, 22, 30))
    sam = await h.person("Sam", Role.STAFF)
    await group_in(h, "Tuesday Group")
    when = await write(h, sam, "Snow: tomorrow's group is online", "now")
    assert when.startswith("*When:* 8am on Tuesday 6 January 2026, once the quiet hours")
    done = only_text(await h.press("Schedule it", as_=sam))
    assert "at 8am on Tuesday 6 January 2026, when the quiet hours are over" in done
    assert await queued(h) == []
    await fire(h, london(2026, 1, 6, 8, 0))
    assert len(await queued(h)) == 1


async def test_a_scheduled_notice_can_be_cancelled_but_a_sent_one_cannot(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    await group_in(h, "Tuesday Group")
    await write(h, sam, "Picnic on Saturday", "tomorrow 10am")
    await h.press("Schedule it", as_=sam)
    listing = only_text(await h.say("/notice list", as_=sam))
    assert "scheduled for 10am on Tuesday 6 January 2026" in listing

    cancelled = only_text(await h.say("/notice cancel 1", as_=sam))
    assert cancelled == "Notice 1 is cancelled. Nothing was sent."
    again = only_text(await h.say("/notice cancel #1", as_=sam))
    assert again == "Notice 1 was already cancelled."
    await fire(h, london(2026, 1, 6, 11, 0))
    assert await queued(h) == []
    status = only_text(await h.say("/notice status 1", as_=sam))
    assert "Cancelled at 9am on Monday 5 January 2026. Nothing was sent." in status

    await write(h, sam, "Office closed today", "now")
    await h.press("Send", as_=sam)
    answer = only_text(await h.say("/notice cancel 2", as_=sam))
    assert answer.startswith("Notice 2 has already gone out, so it can't be cancelled.")
    assert len(await queued(h)) == 1


async def test_when_things_change_before_it_goes(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    await group_in(h, "Tuesday Group")
    await write(h, sam, "Meeting moved", "in 2 hours")
    h.clock.advance(timedelta(hours=3))  # the preview was left open
    [question] = outgoing(await h.press("Schedule it", as_=sam))
    assert question.text.startswith("The time you chose (11am on Monday 5 January 2026) went by")
    assert "When should it go?" in question.text
    assert await rows(h, Notice) == []
    preview = only_text(await h.say("tomorrow 10am", as_=sam))
    assert "*When:* 10am on Tuesday 6 January 2026" in preview
    await h.press("Schedule it", as_=sam)
    async with h.db.transaction() as db:
        await db.execute(update(Group).values(active=False))  # carebot was removed meanwhile
    await fire(h, london(2026, 1, 6, 10, 0))
    assert await queued(h) == []
    [told] = await queued(h, kind="notice_told")
    assert told.text.startswith("Notice 1 was due to go, but I couldn't find anyone")
    [notice] = await rows(h, Notice)
    assert notice.status == "nobody"
    answer = only_text(await h.say("/notice cancel 1", as_=sam))
    assert answer == "Notice 1 didn't go out, as there was nobody to send it to."
    assert "Not sent: there was nobody" in only_text(await h.say("/notice status 1", as_=sam))
