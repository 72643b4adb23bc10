"""Saying "I've read this": a button where there are buttons, a typed "read" where there are
none; numbered choices for staff on such apps; and what /mydata and /forgetme cover.
"""

from __future__ import annotations

import pytest

from bot.capabilities import Capabilities
from bot.roles import Role
from storage.notices_tables import Notice, NoticeAck
from tests.engine.helpers import count, outgoing, rows
from tests.engine.notices_support import NOTICE_HEADER, FakePlatform, deliver, group_in, queued
from tests.support.harness import PLATFORM, Actor, Harness, only_text, texts

PLAIN = "sms"  # an app with no buttons


@pytest.fixture
def capabilities() -> dict[str, Capabilities]:
    return {
        PLATFORM: Capabilities(buttons=True, delete_messages=True),
        PLAIN: Capabilities(buttons=False),
    }


async def send_to_all_groups(h: Harness, sam: Actor, text: str, *, ack: bool = True) -> None:
    await h.say(f"/notice {text}", as_=sam)
    await h.say("all groups", as_=sam)
    await h.say("yes" if ack else "no", as_=sam)
    await h.say("now", as_=sam)
    await h.press("Send", as_=sam)


async def test_each_app_is_asked_its_own_way_and_typed_read_counts(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    ann = await h.person("Ann", platform=PLAIN)
    tapping = await group_in(h, "Tuesday Group")
    typing = await group_in(h, "Texting Group", platform=PLAIN)
    await send_to_all_groups(h, sam, "Training on Thursday")

    tap, typed = await queued(h)
    assert (tap.chat_id, tap.dedupe_key) == (tapping.id, "notice:1:tap")
    assert [b.label for b in tap.buttons] == ["I've read this"]
    assert (typed.chat_id, typed.dedupe_key, typed.buttons) == (typing.id, "notice:1:typed", ())
    assert typed.text == (
        f"{NOTICE_HEADER}\n\nTraining on Thursday\n\n"
        "When you've read this, just reply *read* so the team knows."
    )
    assert await h.say("read", as_=ann, in_=typing) == []  # not delivered yet: ordinary talk
    await deliver(h, FakePlatform(h.clock), platforms=(PLATFORM, PLAIN))

    [thanks] = outgoing(await h.say("Read.", as_=ann, in_=typing))
    assert thanks.chat == ann.dm
    assert thanks.text.startswith("Thank you. I've let the team at Harbour Fostering know")
    assert await h.say("read", as_=ann, in_=typing) == []  # nothing left to say "read" to
    bea = await h.person("Bea")
    await h.say("read", as_=bea, in_=tapping)  # where there are buttons, "read" is just talk
    assert await count(h, NoticeAck) == 1
    assert "Read it: 1 (Ann)" in only_text(await h.say("/notice status 1", as_=sam))


async def test_typed_read_privately_answers_the_latest_notice(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    ann = await h.person("Ann", platform=PLAIN)
    for text in ("First notice", "Second notice"):
        await h.say(f"/notice {text}", as_=sam)
        await h.press("All carers, privately", as_=sam)
        await h.press("Yes, ask them", as_=sam)
        await h.press("Now", as_=sam)
        await h.press("Send", as_=sam)
    await deliver(h, FakePlatform(h.clock), platforms=(PLATFORM, PLAIN))
    await h.say("I've read it", as_=ann)
    await h.say("read", as_=ann)
    acks = await rows(h, NoticeAck)
    assert [a.notice_id for a in sorted(acks, key=lambda a: a.id)] == [2, 1]


async def test_staff_on_an_app_without_buttons_answer_with_numbers(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF, platform=PLAIN)
    await group_in(h, "Tuesday Group")
    await h.say("/notice Office closed on Friday", as_=sam)
    [question] = outgoing(h.sent[-1:])
    assert "Reply with a number:" in question.text
    assert "1. All groups" in question.text
    await h.say("1", as_=sam)  # All groups
    await h.say("2", as_=sam)  # No need
    preview = only_text(await h.say("1", as_=sam))  # Now
    assert "1. Send" in preview
    assert only_text(await h.say("1", as_=sam)).startswith("Done. Notice 1 is on its way")
    assert [n.status for n in await rows(h, Notice)] == ["sent"]


async def test_who_may_say_they_read_it_and_what_mydata_and_forgetme_cover(
    harness: Harness,
) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    ann = await h.person("Ann")
    group = await group_in(h, "Tuesday Group")
    await send_to_all_groups(h, sam, "Training on Thursday")
    [notice] = await queued(h)
    data = notice.buttons[0].data
    olu = await h.person("Olu", org="Other Fostering")
    guest = only_text(await h.press_data(data, as_=h.guest("Visitor"), in_=group))
    assert guest.startswith("Thank you! Once you've joined carebot")
    other = only_text(await h.press_data(data, as_=olu, in_=group))
    assert other.startswith("Thank you, but that notice is from another organisation")
    gone = only_text(await h.press_data("nack:99", as_=olu, in_=group))
    assert gone.startswith("Thank you. That notice has been tidied away")
    await h.press_data(data, as_=ann, in_=group)

    mine = texts(await h.say("/mydata", as_=ann))[-1]
    assert "*Notices you said you'd read*:\n- notice 1: read on 2026-01-05" in mine
    written = texts(await h.say("/mydata", as_=sam))[-1]
    assert "*Notices you wrote*:\n- notice 1: written on 2026-01-05 (sent)" in written

    for person in (ann, sam):
        await h.say("/forgetme", as_=person)
        await h.press("forget:yes", as_=person)
    assert await count(h, NoticeAck) == 0
    [kept] = await rows(h, Notice)  # the organisation's notice stays, without a name
    assert kept.author_id is None
