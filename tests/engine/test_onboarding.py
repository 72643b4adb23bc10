"""Joining with an invite: the privacy notice comes first, and nothing is kept before 'I agree'."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bot.people.invites import create_invite
from bot.roles import Role
from storage.models import Account, PendingJoin, Person
from tests.support.harness import Harness, only_text


async def make_invite(h: Harness, role: Role = Role.CARER) -> str:
    org = await h.org()
    async with h.db.transaction() as db:
        return await create_invite(
            db, org_id=org.id, role=role, created_by=None, now=h.clock.now(), valid_days=14
        )


async def count(h: Harness, model: type) -> int:
    async with h.db.transaction() as db:
        return int(await db.scalar(select(func.count()).select_from(model)) or 0)


async def test_join_shows_privacy_notice_and_stores_nothing_until_agreed(harness: Harness) -> None:
    h = harness
    code = await make_invite(h)
    amira = h.guest("Amira")
    reply = only_text(await h.say(f"/join {code}", as_=amira))
    assert "invited to join *Harbour Fostering* as a carer" in reply
    assert "your privacy" in reply.lower()
    assert await count(h, Person) == 0
    assert await count(h, PendingJoin) == 1

    welcome = only_text(await h.press("I agree", as_=amira))
    assert "Welcome, Amira" in welcome
    assert await count(h, Person) == 1
    assert await count(h, PendingJoin) == 0
    help_text = only_text(await h.say("/help", as_=amira))
    assert "/mydata" in help_text and "/register" not in help_text


async def test_start_deep_link_joins_too(harness: Harness) -> None:
    h = harness
    code = await make_invite(h, Role.MENTOR)
    ben = h.guest("Ben")
    assert "as a mentor" in only_text(await h.say(f"/start {code}", as_=ben))
    await h.press("I agree", as_=ben)
    assert "mentor" in only_text(await h.say("/mydata", as_=ben))


async def test_declining_keeps_nothing(harness: Harness) -> None:
    h = harness
    code = await make_invite(h)
    cal = h.guest("Cal")
    await h.say(f"/join {code}", as_=cal)
    reply = only_text(await h.press("No thanks", as_=cal))
    assert "haven't kept anything" in reply
    assert await count(h, PendingJoin) == 0
    assert await count(h, Account) == 0


async def test_reused_invite_is_refused_kindly(harness: Harness) -> None:
    h = harness
    code = await make_invite(h)
    first, second = h.guest("Dee"), h.guest("Eli")
    await h.say(f"/join {code}", as_=first)
    await h.press("I agree", as_=first)
    reply = only_text(await h.say(f"/join {code}", as_=second))
    assert "already been used" in reply


async def test_expired_invite_is_refused_kindly(harness: Harness) -> None:
    h = harness
    code = await make_invite(h)
    h.clock.advance(timedelta(days=15))
    assert "run out" in only_text(await h.say(f"/join {code}", as_=h.guest("Fay")))


async def test_invite_expiring_while_reading_the_notice(harness: Harness) -> None:
    h = harness
    code = await make_invite(h)
    gus = h.guest("Gus")
    await h.say(f"/join {code}", as_=gus)
    h.clock.advance(timedelta(days=15))
    assert "run out" in only_text(await h.press("I agree", as_=gus))
    assert await count(h, Person) == 0


async def test_two_people_racing_for_one_invite(harness: Harness) -> None:
    h = harness
    code = await make_invite(h)
    one, two = h.guest("Hal"), h.guest("Ivy")
    await h.say(f"/join {code}", as_=one)
    await h.say(f"/join {code}", as_=two)
    assert "Welcome" in only_text(await h.press("I agree", as_=one))
    assert "already been used" in only_text(await h.press("I agree", as_=two))
    assert await count(h, Person) == 1


async def test_bad_codes_and_missing_codes(harness: Harness) -> None:
    h = harness
    jo = h.guest("Jo")
    assert "invite code" in only_text(await h.say("/join", as_=jo))
    assert "couldn't find" in only_text(await h.say("/join banana", as_=jo))
    assert "couldn't find" in only_text(await h.say("/join ABCDE-FGHJK", as_=jo))
    assert "nothing waiting" in only_text(await h.press_data("consent:yes", as_=jo))


async def test_join_in_a_group_is_sent_to_private_chat(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    reply = only_text(await h.say("/join ABCDE-FGHJK", as_=h.guest("Kim"), in_=group))
    assert "private chat" in reply


async def test_member_using_higher_invite_gets_the_higher_role(harness: Harness) -> None:
    h = harness
    lee = await h.person("Lee")
    code = await make_invite(h, Role.FACILITATOR)
    assert "now a facilitator" in only_text(await h.say(f"/join {code}", as_=lee))
    same = await make_invite(h, Role.CARER)
    assert "already part of" in only_text(await h.say(f"/join {same}", as_=lee))


async def test_opening_the_private_chat_from_the_fallback_link(harness: Harness) -> None:
    from bot.events import ChatKind, ChatRef
    from storage.models import Delivery

    h = harness
    cara = h.guest("Cara")
    assert "I can write to you here" in only_text(await h.say("/start note", as_=cara))
    outbox = h.app.services.outbox
    assert outbox is not None
    async with h.db.transaction() as db:
        await outbox.enqueue(
            db, kind="nudge", text="a private word", chats=[ChatRef("console", "cara", ChatKind.DM)]
        )
    async with h.db.transaction() as db:
        delivery = (await db.execute(select(Delivery))).scalar_one()
        delivery.status, delivery.last_error = "failed", "dm_not_started"
    assert "Here is what I wanted to tell you" in only_text(await h.say("/start note", as_=cara))
    async with h.db.transaction() as db:
        delivery = (await db.execute(select(Delivery))).scalar_one()
        assert delivery.status == "pending"
