"""The contract every chat platform adapter passes, written once, run per driver.

Each test is a short conversation through the real adapter and SDK, the real
engine and features, the Runner and a real delivery worker, against a fake of the
platform's HTTP API. Nothing here names a platform: drivers do the translating.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.events import ChatKind, MemberJoined, MemberLeft, Message
from bot.roles import Role
from bot.undelivered import PRIVATE_CHAT_PAYLOAD
from storage.models import Group
from tests.contract.conftest import NUDGE, ORG, World


async def test_group_conversation(world: World) -> None:
    d = world.driver
    sam = await world.person("Sam Staff", Role.STAFF)
    amira = await world.person("Amira Hassan")
    group = d.group("Tuesday Carers")

    await d.say(sam, group, "/register support group")
    registered = (await d.sent(1))[0]
    assert registered.chat_id == group.id
    assert "now a support group of" in registered.text
    assert ORG in registered.bold

    await d.say(amira, group, "/help@carebot")
    helped = (await d.sent(2))[1]
    assert helped.chat_id == group.id
    assert "/rules" in helped.text


async def test_private_chat_and_deep_link_start(world: World) -> None:
    d = world.driver
    newcomer = d.user("Jo Newcomer")
    await d.say(newcomer, d.dm(newcomer), "/start")
    welcome = (await d.sent(1))[0]
    assert welcome.chat_id == d.dm(newcomer).id
    assert "I help foster and kinship carers" in welcome.text

    await d.say(newcomer, d.dm(newcomer), "/start ABCDE-23456")
    unknown = (await d.sent(2))[1]
    assert "couldn't find that invite code" in unknown.text


async def test_thread_is_kept(world: World) -> None:
    d = world.driver
    priya = await world.person("Priya")
    topic = await world.group("North Leeds Network", topic="2201")
    await d.say(priya, topic, "/rules")
    rules = (await d.sent(1))[0]
    assert (rules.chat_id, rules.thread_id) == (topic.id, "2201")
    seen = [e for e in world.seen.events if isinstance(e, Message)]
    assert seen == [] or all(e.chat.thread_id == "2201" for e in seen)


async def test_button_press_is_answered_and_handled(world: World) -> None:
    d = world.driver
    amira = await world.person("Amira Hassan")
    group = await world.group("Tuesday Carers")
    await d.say(amira, group, "/rules")
    rules = (await d.sent(1))[0]
    assert [label for label, _ in rules.buttons] == ["I agree"]

    await d.press(amira, rules, "I agree")
    assert await d.presses_acknowledged(1) == 1
    thanks = (await d.sent(2))[1]
    assert thanks.chat_id == d.dm(amira).id
    assert "Thank you for agreeing" in thanks.text


async def test_member_join_gets_rules_with_a_button(world: World) -> None:
    d = world.driver
    group = await world.group("Tuesday Carers")
    jo = d.user("Jo <3 & Co")
    await d.join(jo, group)
    welcome = (await d.sent(1))[0]
    assert welcome.chat_id == group.id
    assert welcome.text.startswith("Welcome, Jo <3 & Co!")
    assert "Our group agreement" in welcome.bold
    assert [label for label, _ in welcome.buttons] == ["I agree"]
    assert any(isinstance(e, MemberJoined) and e.member.id == jo.id for e in world.seen.events)

    await d.leave(jo, group)
    await d.say(jo, d.dm(jo), "/privacy")  # a barrier: handled after the leave
    await d.sent(2)
    assert any(isinstance(e, MemberLeft) and e.member.id == jo.id for e in world.seen.events)


async def test_edit_is_seen_as_an_edit(world: World) -> None:
    d = world.driver
    amira = await world.person("Amira Hassan")
    group = await world.group("Tuesday Carers")
    first = await d.say(amira, group, "Look, an elephant at the park")
    await d.edit(amira, group, first, "Look, a purple elephant at the park")
    nudge = (await d.sent(1))[0]
    assert nudge.chat_id == d.dm(amira).id
    assert nudge.text == NUDGE
    edits = [e for e in world.seen.events if isinstance(e, Message) and e.is_edit]
    assert len(edits) == 1 and edits[0].message_id == first


async def test_photo_is_flagged_with_its_caption(world: World) -> None:
    d = world.driver
    amira = await world.person("Amira Hassan")
    group = await world.group("Tuesday Carers")
    await d.say(amira, group, "Our day at the beach", photo=True)
    await d.say(amira, d.dm(amira), "/privacy")  # a barrier
    await d.sent(1)
    photos = [e for e in world.seen.events if isinstance(e, Message) and e.has_photo]
    assert len(photos) == 1 and photos[0].text == "Our day at the beach"


async def test_refused_private_nudge_falls_back_to_a_neutral_line(world: World) -> None:
    d = world.driver
    amira = await world.person("Amira Hassan")
    group = await world.group("Tuesday Carers")
    d.refuse_private_messages(amira)
    await d.say(amira, group, "We saw a purple elephant today")
    line = (await d.sent(1))[0]
    assert line.chat_id == group.id
    assert "Amira Hassan" in line.text
    assert [url for _, url in line.links] == [d.private_chat_link(PRIVATE_CHAT_PAYLOAD)]
    for word in ("private word", "edit", "purple", "elephant"):
        assert word.lower() not in line.text.lower()


async def test_removed_from_a_group_marks_it_inactive_and_tells_staff(world: World) -> None:
    d = world.driver
    sam = await world.person("Sam Staff", Role.STAFF)
    amira = await world.person("Amira Hassan")
    group = await world.group("Tuesday Carers")
    d.remove_bot_from(group)
    await d.say(amira, group, "/rules")
    told = (await d.sent(1))[0]
    assert told.chat_id == d.dm(sam).id
    assert "removed from" in told.text and "Tuesday Carers" in told.bold
    async with world.app.services.db.sessions() as db:
        active = await db.scalar(select(Group.active).where(Group.chat_id == group.id))
    assert active is False

    await d.say(amira, d.dm(amira), "/privacy")  # and carebot carries on
    still = (await d.sent(2))[1]
    assert still.chat_id == d.dm(amira).id and still.chat_id != group.id
    assert d.dm(amira).kind is ChatKind.DM
