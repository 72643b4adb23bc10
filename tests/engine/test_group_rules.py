"""Group agreement, /report and the group's confidentiality policy, as conversations."""

from __future__ import annotations

from sqlalchemy import select

from bot.roles import Role
from storage.models import Group, GroupMember
from tests.support.harness import Harness, deletes, only_text, texts


async def test_joining_member_sees_rules_and_agrees(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    actions = await h.joins(amira, group)
    welcome = only_text(actions)
    assert "Welcome, Amira" in welcome
    assert "Limits of confidentiality" in welcome
    thanks = only_text(await h.press("I agree", as_=amira, in_=group))
    assert "Thank you for agreeing" in thanks
    async with h.db.transaction() as db:
        row = (await db.execute(select(GroupMember))).scalar_one()
        assert row.agreed_rules_at == h.clock.now()


async def test_rules_command_and_guest_agreeing(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    guest = h.guest("Visitor")
    assert "Our group agreement" in only_text(await h.say("/rules", as_=guest, in_=group))
    assert "invite code" in only_text(await h.press("I agree", as_=guest, in_=group))


async def test_rules_in_unregistered_group_and_stale_button(harness: Harness) -> None:
    h = harness
    lonely = await h.group("Lonely", register=False)
    amira = await h.person("Amira")
    assert "isn't registered" in only_text(await h.say("/rules", as_=amira, in_=lonely))
    assert "isn't registered" in only_text(await h.press_data("rules:999", as_=amira))
    assert "isn't registered" in only_text(await h.press_data("rules:abc", as_=amira))


async def test_report_alerts_facilitators_privately_and_removes_the_report(
    harness: Harness,
) -> None:
    h = harness
    group = await h.group("Tuesday")
    fran = await h.person("Fran", Role.FACILITATOR)
    amira, ben = await h.person("Amira"), await h.person("Ben")
    await h.say("hello all", as_=fran, in_=group)
    actions = await h.say("/report", as_=amira, in_=group, replying_to=ben)
    assert len(deletes(actions)) == 1
    sent = {a.chat.id: a.text for a in actions if hasattr(a, "text")}
    assert "Amira has flagged a message by Ben" in sent[fran.user.id]
    assert "facilitators know privately" in sent[amira.user.id]
    assert group.id not in sent


async def test_report_without_reply_explains_how(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    actions = await h.say("/report", as_=amira, in_=group)
    assert "reply to that message with /report" in texts(actions)[0]


async def test_report_with_nobody_to_tell_falls_back_to_staff_or_says_so(
    harness: Harness,
) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira, ben = await h.person("Amira"), await h.person("Ben")
    reply = texts(await h.say("/report", as_=amira, in_=group, replying_to=ben))
    assert any("couldn't find a facilitator" in t for t in reply)
    sam = await h.person("Sam", Role.STAFF)
    actions = await h.say("/report", as_=amira, in_=group, replying_to=ben)
    assert any(a.chat.id == sam.user.id for a in actions if hasattr(a, "text"))


async def test_staff_set_the_confidentiality_policy(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    sam = await h.person("Sam", Role.STAFF)
    assert "set to: nudge" in only_text(await h.say("/confidentiality", as_=sam, in_=group))
    assert "remove it" in only_text(await h.say("/confidentiality hold", as_=sam, in_=group))
    assert "Please choose" in only_text(await h.say("/confidentiality maybe", as_=sam, in_=group))
    assert "No photo reminders" in only_text(await h.say("/photos off", as_=sam, in_=group))
    assert "/photos on" in only_text(await h.say("/photos sometimes", as_=sam, in_=group))
    async with h.db.transaction() as db:
        stored = (await db.execute(select(Group))).scalar_one()
        assert stored.confidentiality_policy == "hold"
        assert stored.photo_reminders is False


async def test_carers_cannot_change_policy(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    assert "for staff" in only_text(await h.say("/confidentiality off", as_=amira, in_=group))
