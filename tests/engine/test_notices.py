"""Staff notices, the whole way: written privately, previewed, sent once, read, reported."""

from __future__ import annotations

import pytest

from bot.delivery import ChatUnavailable, TransientSendError
from bot.roles import Role
from storage.models import Delivery, OutboxItem
from storage.notices_tables import Notice, NoticeAck
from tests.engine.helpers import count, outgoing, rows
from tests.engine.notices_support import (
    NOTICE_HEADER,
    FakePlatform,
    deliver,
    group_in,
    joined,
    press_on,
    queued,
)
from tests.support.harness import Harness, only_text, texts

TRAINING = "Trauma-informed care training: Thursday 15 January, 10am to 1pm at the Leeds office."


async def leeds(h: Harness) -> None:
    """Two support groups and a coffee morning in Leeds, a support group in York."""
    await group_in(h, "Tuesday Group", region="Leeds")
    await group_in(h, "Thursday Group", region="Leeds")
    await group_in(h, "Leeds Coffee", purpose="coffee_morning", region="Leeds")
    await group_in(h, "York Group", region="York")


async def test_staff_send_a_notice_to_the_leeds_support_groups_and_see_who_read_it(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    ann, bea, cal = [await h.person(n) for n in ("Ann", "Bea", "Cal")]
    await leeds(h)
    tuesday = await group_in(h, "Tuesday Group")
    thursday = await group_in(h, "Thursday Group")
    await joined(h, tuesday, ann, bea)
    await joined(h, thursday, cal)

    assert "What would you like it to say?" in only_text(await h.say("/notice", as_=sam))
    [question] = outgoing(await h.say(TRAINING, as_=sam))
    assert question.text.startswith("Who should get it?")
    assert "All groups" in [b.label for b in question.buttons]
    [question] = outgoing(await h.say("support groups in Leeds", as_=sam))
    assert question.text.startswith("Shall I ask people to tap “I've read this”?")
    await h.press("Yes, ask them", as_=sam)
    [preview] = outgoing(await h.press("Now", as_=sam))

    assert preview.chat == sam.dm
    assert preview.text.splitlines() == [
        "Here's your notice. Please check it before it goes:",
        "",
        NOTICE_HEADER,
        "",
        TRAINING,
        "",
        "*To:* support groups in Leeds: 2 groups, with 3 people I know of in them",
        "*Read receipts:* people can tap “I've read this”",
        "*When:* as soon as you press Send",
    ]
    assert [b.label for b in preview.buttons] == ["Send", "Change the text", "Don't send"]
    assert await queued(h) == []  # nothing goes before Send

    sent = only_text(await h.press("Send", as_=sam))
    assert sent == (
        "Done. Notice 1 is on its way to 2 groups, with 3 people I know of in them. "
        "/notice status 1 shows how it's going."
    )
    again = only_text(await h.press("Send", as_=sam))  # a double tap
    assert again.startswith("That one is already on its way: it's notice 1.")

    notices = await queued(h)
    assert [q.chat_id for q in notices] == [tuesday.id, thursday.id]
    assert len({q.item_id for q in notices}) == 1  # one item, one delivery per group
    assert notices[0].dedupe_key == "notice:1:tap"
    assert notices[0].text == f"{NOTICE_HEADER}\n\n{TRAINING}"
    assert [b.label for b in notices[0].buttons] == ["I've read this"]
    assert await count(h, OutboxItem) == 1

    waiting = only_text(await h.say("/notice status 1", as_=sam)).splitlines()
    assert waiting[3:] == ["Delivered: 0 of 2", "Still on its way: 2", "Read it: nobody yet"]
    platform = FakePlatform(h.clock)
    await deliver(h, platform)
    assert [o.chat.id for o in platform.sent] == [tuesday.id, thursday.id]

    [thanks] = outgoing(await press_on(h, notices[0], "I've read this", as_=ann, in_=tuesday))
    assert thanks.chat == ann.dm  # the thank-you is private, never in the group
    assert thanks.text == "Thank you. I've let the team at Harbour Fostering know you've read it."
    await press_on(h, notices[1], "I've read this", as_=cal, in_=thursday)
    twice = only_text(await press_on(h, notices[0], "I've read this", as_=ann, in_=tuesday))
    assert twice == "You've already told them you've read it. Thank you!"
    assert await count(h, NoticeAck) == 2

    status = only_text(await h.say("/notice status 1", as_=sam))
    assert status.splitlines() == [
        "*Notice 1:* “Trauma-informed care training: Thursday 15 Janu…”",
        "To support groups in Leeds.",
        "Sent at 9am on Monday 5 January 2026.",
        "Delivered: 2 of 2",
        "Read it: 2 (Ann, Cal)",
    ]
    ours = [r.getMessage() for r in caplog.records if r.name.startswith(("bot.", "moderation."))]
    assert ours and not any(TRAINING in line for line in ours)  # never the words in our logs


async def test_the_report_says_which_groups_failed_and_why_and_what_is_still_waiting(
    harness: Harness,
) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    await leeds(h)
    await h.say(f"/notice {TRAINING}", as_=sam)
    await h.press("All groups", as_=sam)
    await h.press("No need", as_=sam)
    await h.press("Now", as_=sam)
    assert "4 groups" in only_text(await h.press("Send", as_=sam))

    platform = FakePlatform(h.clock)
    platform.fail["group-York Group"] = [ChatUnavailable("bot_removed")]
    platform.fail["group-Leeds Coffee"] = [TransientSendError("network")] * 5
    await deliver(h, platform)

    status = only_text(await h.say("/notice status 1", as_=sam)).splitlines()
    assert status[1:] == [
        "To all groups.",
        "Sent at 9am on Monday 5 January 2026.",
        "Delivered: 2 of 4",
        "Couldn't be delivered: 2",
        "- carebot was removed from the group: York Group",
        "- it kept failing, so carebot stopped trying: Leeds Coffee",
        "Read receipts weren't asked for.",
    ]
    [retried] = await rows(h, Delivery, Delivery.chat_id == "group-Leeds Coffee")
    assert retried.attempts == 3


async def test_people_privately_by_role_get_one_message_each(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    ann = await h.person("Ann")
    mo = await h.person("Mo", Role.MENTOR)
    await h.person("Fay", Role.FACILITATOR)
    await h.say("/notice Allowances go up in April.", as_=sam)
    [preview_question] = outgoing(await h.press("All carers, privately", as_=sam))
    assert preview_question.text.startswith("Shall I ask")
    await h.press("Yes, ask them", as_=sam)
    preview = only_text(await h.press("Now", as_=sam))
    assert "*To:* carers (mentors too), privately: 2 people" in preview
    await h.press("Send", as_=sam)

    notices = await queued(h)
    assert sorted(q.chat_id for q in notices) == [ann.user.id, mo.user.id]
    [thanks] = outgoing(await press_on(h, notices[0], "I've read this", as_=ann, in_=ann.dm))
    assert thanks.chat == ann.dm
    await deliver(h, FakePlatform(h.clock))
    status = only_text(await h.say("/notice status 1", as_=sam))
    assert "Delivered: 2 of 2" in status
    assert "Read it: 1 (Ann)" in status
    assert (await rows(h, Notice))[0].people_count == 2


async def test_list_shows_scheduled_first_then_the_latest(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    await leeds(h)
    assert only_text(await h.say("/notice list", as_=sam)) == (
        "No notices yet. Send /notice to write one."
    )
    for text, when in (("Coffee on us", "now"), ("Training next week", "tomorrow 10am")):
        await h.say(f"/notice {text}", as_=sam)
        await h.say("coffee mornings and support groups in York and Leeds", as_=sam)
        await h.say("no", as_=sam)
        await h.say(when, as_=sam)
        await h.press("Schedule it" if when != "now" else "Send", as_=sam)
    listing = only_text(await h.say("/notice list", as_=sam)).splitlines()
    assert listing == [
        "Your organisation's notices (scheduled first, then the latest):",
        "*2.* “Training next week” to support groups and coffee mornings in Leeds and York: "
        "scheduled for 10am on Tuesday 6 January 2026",
        "*1.* “Coffee on us” to support groups and coffee mornings in Leeds and York: "
        "sent at 9am on Monday 5 January 2026",
        "/notice status N shows who one reached.",
    ]
    help_text = texts(await h.say("/notice help", as_=sam))[0]
    assert help_text.startswith("/notice writes a new notice.")
