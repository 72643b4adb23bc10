"""/mydata and /forgetme: people see everything carebot holds, and can erase all of it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from bot.events import ChatKind
from bot.roles import Role
from storage.models import (
    Account,
    Base,
    Consent,
    DailyCount,
    Delivery,
    Group,
    Invite,
    LinkCode,
    Membership,
    OutboxItem,
    PendingChoice,
    PendingJoin,
    Person,
    RoleChange,
)
from tests.engine.helpers import count, make_invite, outgoing, rows
from tests.support.harness import Actor, Harness, only_text, texts

NOTHING_HELD = (
    "I don't hold anything about you. I only keep details once someone joins with an invite code."
)
SENT_PRIVATELY = "I've sent you a private message about that."


async def test_mydata_lists_everything_held(harness: Harness) -> None:
    h = harness
    h.clock.set(datetime(2026, 6, 30, 23, 30, tzinfo=UTC))  # 1 July, 00:30 in London
    code = await make_invite(h, Role.CARER)
    amira = h.guest("Amira")
    await h.say(f"/join {code}", as_=amira)
    await h.press("I agree", as_=amira)
    sue = await h.person("Sue", Role.STAFF)
    await h.say("/role Amira mentor", as_=sue)
    link = texts(await h.say("/link", as_=amira))[0].split("/link ")[1].split()[0]
    await h.say(f"/link {link}", as_=h.guest("Amira", "other"))

    [answer] = outgoing(await h.say("/mydata", as_=amira))
    assert answer.chat == amira.dm
    lines = answer.text.splitlines()
    assert lines[0] == "Here is everything I hold about you:"
    assert "*Name*: Amira" in lines
    assert "*First joined*: 01 Jul 2026" in lines
    assert "- console: amira" in lines and "- other: amira" in lines
    assert "- Harbour Fostering: mentor since 01 Jul 2026" in lines
    assert "- privacy_notice version 2026-11, 01 Jul 2026" in lines
    assert "- 01 Jul 2026: none → carer (invite)" in lines
    assert "- 01 Jul 2026: carer → mentor (staff)" in lines
    assert "*Invite codes you made*: 0" in lines
    assert "30 Jun" not in answer.text
    assert lines[-1].startswith("That's all. To erase it, send /forgetme.")


async def test_mydata_asked_in_a_group_is_answered_privately(harness: Harness) -> None:
    h = harness
    carer = await h.person("Cara")
    group = await h.group("Tuesday")
    note, private = outgoing(await h.say("/mydata", as_=carer, in_=group))
    assert note.chat == group and note.text == SENT_PRIVATELY
    assert private.chat == carer.dm and private.chat.kind is ChatKind.DM
    assert "*Name*: Cara" in private.text
    assert "Cara" not in note.text


async def test_a_guest_is_told_nothing_is_held(harness: Harness) -> None:
    h = harness
    guest = h.guest("Gil")
    assert only_text(await h.say("/mydata", as_=guest)) == NOTHING_HELD
    assert only_text(await h.say("/forgetme", as_=guest)) == NOTHING_HELD
    note, private = outgoing(await h.say("/mydata", as_=guest, in_=await h.group("Tuesday")))
    assert (note.text, private.text, private.chat) == (SENT_PRIVATELY, NOTHING_HELD, guest.dm)
    assert await count(h, Person) == 0 and await count(h, Account) == 0


async def test_staff_see_the_invites_they_made(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    await h.say("/invite", as_=sue)
    await h.say("/invite mentor", as_=sue)
    assert "*Invite codes you made*: 2" in only_text(await h.say("/mydata", as_=sue))


async def busy_life(h: Harness) -> tuple[Actor, int]:
    """Someone who has done everything carebot can record about a person."""
    await h.org("North Fostering")
    code = await make_invite(h, Role.MENTOR)
    zara = h.guest("Zainab Qureshi")
    await h.say(f"/join {code}", as_=zara)
    await h.press("I agree", as_=zara)
    [person] = await rows(h, Person, Person.display_name == "Zainab Qureshi")
    admin = await h.person("Ada", Role.ADMIN)
    await h.say("/role Zainab Qureshi staff", as_=admin)
    await h.person("Cara")
    await h.say("/role Cara facilitator", as_=zara)
    await h.say("/invite", as_=zara)
    await h.say("/register support group Leeds", as_=zara, in_=await h.group("T", register=False))
    link = texts(await h.say("/link", as_=zara))[0].split("/link ")[1].split()[0]
    await h.say(f"/link {link}", as_=h.guest("Zainab Qureshi", "other"))
    await h.say("/link", as_=zara)  # an unused link code
    north = await make_invite(h, Role.CARER, org="North Fostering")
    await h.say(f"/join {north}", as_=zara)  # opened, never answered: a pending join
    async with h.db.transaction() as db:
        db.add(
            PendingChoice(
                chat_key="other:zainab-qureshi:", options=["x:1"], expires_at=h.clock.now()
            )
        )
        item = OutboxItem(
            kind="reminder",
            text="See you Tuesday",
            buttons=[],
            dedupe_key=None,
            created_at=h.clock.now(),
            not_before=h.clock.now(),
            expires_at=None,
        )
        db.add(item)
        await db.flush()
        db.add(
            Delivery(
                item_id=item.id,
                platform="console",
                chat_id="zainab-qureshi",
                chat_kind="dm",
                thread_id="",
                status="pending",
                attempts=0,
                next_attempt_at=h.clock.now(),
            )
        )
    return zara, person.id


def mentions(row: Any, needle: str) -> bool:
    return any(needle in str(getattr(row, c.key)).lower() for c in row.__table__.columns)


async def test_forgetme_erases_everything_from_every_table(harness: Harness) -> None:
    h = harness
    zara, person_id = await busy_life(h)
    changes_before = await count(h, RoleChange)
    assert await count(h, PendingJoin) == 1 and await count(h, Account) == 4

    [confirm] = outgoing(await h.say("/forgetme", as_=zara))
    assert confirm.text.startswith("Are you sure? I'll erase everything I hold about you")
    assert [b.label for b in confirm.buttons] == ["Yes, erase it all", "No, keep it"]
    done = only_text(await h.press("Yes, erase it all", as_=zara))
    assert done.startswith("Done. I've erased everything I held about you.")

    people_columns = [
        (table, column)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        for fk in column.foreign_keys
        if fk.column.table.name == "people"
    ]
    assert len(people_columns) >= 9
    async with h.db.transaction() as db:
        assert await db.get(Person, person_id) is None
        for table, column in people_columns:
            left = (await db.execute(select(table).where(column == person_id))).all()
            assert left == [], f"{table.name}.{column.name} still points at the person"
        for table in Base.metadata.sorted_tables:
            for row in (await db.execute(select(table))).all():
                text = " ".join(str(v) for v in row).lower()
                assert "zainab" not in text, f"{table.name} still holds {row}"

    assert await count(h, RoleChange) == changes_before
    anonymous = await rows(h, RoleChange, RoleChange.person_id.is_(None))
    assert {(c.old_role, c.new_role) for c in anonymous} >= {(None, "mentor"), ("mentor", "staff")}
    by_nobody = await rows(h, RoleChange, RoleChange.new_role == "facilitator")
    assert [c.changed_by for c in by_nobody] == [None]
    [invite] = await rows(h, Invite, Invite.role == "mentor")
    assert invite.redeemed_by is None and invite.redeemed_at is not None
    assert [g.registered_by for g in await rows(h, Group)] == [None]
    assert await count(h, Delivery) == 0 and await count(h, PendingChoice) == 0
    assert await count(h, LinkCode) == 0 and await count(h, PendingJoin) == 0
    assert await count(h, Consent) == 2  # Ada's and Cara's
    [erased] = await rows(h, DailyCount)
    assert (erased.metric, erased.count, erased.org_id) == ("people_erased", 1, (await h.org()).id)

    assert only_text(await h.say("/mydata", as_=zara)) == NOTHING_HELD
    assert "You'll need to join first" in only_text(await h.say("/invite", as_=zara))
    assert {p.display_name for p in await rows(h, Person)} == {"Ada", "Cara"}
    assert {m.role for m in await rows(h, Membership)} == {"admin", "facilitator"}


async def test_no_keep_it_keeps_everything(harness: Harness) -> None:
    h = harness
    zara, person_id = await busy_life(h)
    snapshot = {}
    for table in Base.metadata.sorted_tables:
        async with h.db.transaction() as db:
            snapshot[table.name] = len((await db.execute(select(table))).all())
    await h.say("/forgetme", as_=zara)
    assert (
        only_text(await h.press("No, keep it", as_=zara)) == "No problem, nothing has been erased."
    )
    for table in Base.metadata.sorted_tables:
        async with h.db.transaction() as db:
            assert len((await db.execute(select(table))).all()) == snapshot[table.name], table.name
    assert "*Name*: Zainab Qureshi" in only_text(await h.say("/mydata", as_=zara))
    assert await count(h, DailyCount) == 0
    assert (await rows(h, Person, Person.id == person_id))[0].display_name == "Zainab Qureshi"


async def test_forgetme_in_a_group_asks_privately(harness: Harness) -> None:
    h = harness
    carer = await h.person("Cara")
    group = await h.group("Tuesday")
    note, confirm = outgoing(await h.say("/forgetme", as_=carer, in_=group))
    assert note.chat == group and note.text == SENT_PRIVATELY and not note.buttons
    assert confirm.chat == carer.dm and len(confirm.buttons) == 2
    await h.press("Yes, erase it all", as_=carer)
    assert await count(h, Person) == 0


async def test_erasing_twice_and_counting_per_day(harness: Harness) -> None:
    h = harness
    one, two = await h.person("Cara"), await h.person("Dan")
    for actor in (one, two):
        await h.say("/forgetme", as_=actor)
    await h.press("Yes, erase it all", as_=one)
    assert only_text(await h.press("Yes, erase it all", as_=one)) == NOTHING_HELD
    h.clock.advance(timedelta(days=1))
    await h.press("Yes, erase it all", as_=two)
    counts = sorted((c.day, c.count) for c in await rows(h, DailyCount))
    assert counts == [("2026-01-05", 1), ("2026-01-06", 1)]
    assert await count(h, Person) == 0
