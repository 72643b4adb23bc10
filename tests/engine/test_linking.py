"""/link: one person on two apps. A code from the app they joined on, typed into the other."""

from __future__ import annotations

import re
from datetime import timedelta

from bot.roles import Role
from storage.models import Account, Consent, Group, LinkCode, Membership, Person, RoleChange
from tests.engine.helpers import count, make_invite, rows
from tests.support.harness import Actor, Harness, only_text, texts

NOT_FOUND = (
    "That link code didn't work. It may have run out or been used already. "
    "Send /link where you're already set up to get a new one."
)
LINKED = (
    "Linked! I'll now know you on both apps as the same person. "
    "Your role and settings apply on both."
)


async def link_code(h: Harness, actor: Actor) -> str:
    reply = only_text(await h.say("/link", as_=actor))
    found = re.search(r"/link ([A-Z2-9]{5}-[A-Z2-9]{5})", reply)
    assert found, reply
    return found.group(1)


async def test_link_gives_a_code_that_works_once_on_another_app(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira", Role.MENTOR)
    reply = only_text(await h.say("/link", as_=amira))
    code = await link_code(h, amira)
    assert "The code works once, for 30 minutes." in reply
    assert await count(h, LinkCode) == 2

    elsewhere = h.guest("Amira W", platform="other")
    assert only_text(await h.say(f"/link {code}", as_=elsewhere)) == LINKED
    assert await count(h, Person) == 1
    accounts = {(a.platform, a.external_id) for a in await rows(h, Account)}
    assert accounts == {("console", "amira"), ("other", "amira-w")}
    help_there = only_text(await h.say("/help", as_=elsewhere))
    assert "/mydata" in help_there and "To join" not in help_there
    mydata = only_text(await h.say("/mydata", as_=elsewhere))
    assert "*Name*: Amira" in mydata and "mentor" in mydata
    assert "other: amira-w" in mydata


async def test_the_code_may_be_typed_loosely(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira")
    code = await link_code(h, amira)
    loose = code.lower().replace("-", " ")
    assert only_text(await h.say(f"/link {loose}", as_=h.guest("A", "other"))) == LINKED


async def test_a_used_code_does_not_work_again(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira")
    code = await link_code(h, amira)
    await h.say(f"/link {code}", as_=h.guest("Amira", platform="other"))
    stranger = h.guest("Stranger", platform="third")
    assert only_text(await h.say(f"/link {code}", as_=stranger)) == NOT_FOUND
    assert await count(h, Account, Account.platform == "third") == 0


async def test_an_expired_code_does_not_work(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira")
    code = await link_code(h, amira)
    h.clock.advance(timedelta(minutes=30))
    assert only_text(await h.say(f"/link {code}", as_=h.guest("Amira", "other"))) == NOT_FOUND
    assert await count(h, Account) == 1


async def test_garbage_codes(harness: Harness) -> None:
    h = harness
    guest = h.guest("Gil", "other")
    for typed in ("/link banana", "/link ABCDE-23456", "/link 😀", "/link ABCDE-2345"):
        assert only_text(await h.say(typed, as_=guest)) == NOT_FOUND, typed
    assert await count(h, Account) == 0


async def test_a_guest_without_a_code_is_told_how(harness: Harness) -> None:
    h = harness
    reply = only_text(await h.say("/link", as_=h.guest("Gil")))
    assert reply.startswith("To link accounts, first send /link to me on the app where")
    assert await count(h, LinkCode) == 0


async def test_link_in_a_group_is_refused(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira")
    group = await h.group("Tuesday")
    reply = only_text(await h.say("/link", as_=amira, in_=group))
    assert "private chat" in reply
    assert await count(h, LinkCode) == 0


async def test_the_code_typed_on_the_same_app_stays_usable(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira")
    code = await link_code(h, amira)
    same = only_text(await h.say(f"/link {code}", as_=amira))
    assert same.startswith("That code is from this same account")
    assert only_text(await h.say(f"/link {code}", as_=h.guest("Amira", "other"))) == LINKED


async def test_linking_two_people_merges_them_keeping_the_higher_role(harness: Harness) -> None:
    h = harness
    await h.org("North Fostering")
    on_console = await h.person("Amira", Role.CARER)
    on_other = await h.person("Amira W", Role.FACILITATOR, platform="other")
    await h.person("Amira W", Role.MENTOR, org="North Fostering", platform="other")
    [before_other] = await rows(h, Person, Person.display_name == "Amira W")

    code = await link_code(h, on_console)
    assert only_text(await h.say(f"/link {code}", as_=on_other)) == LINKED

    [person] = await rows(h, Person)
    assert person.display_name == "Amira"
    assert await count(h, Person, Person.id == before_other.id) == 0
    accounts = await rows(h, Account)
    assert {(a.platform, a.person_id) for a in accounts} == {
        ("console", person.id),
        ("other", person.id),
    }
    roles = {m.org_id: m.role for m in await rows(h, Membership)}
    harbour, north = (await h.org()).id, (await h.org("North Fostering")).id
    assert roles == {harbour: "facilitator", north: "mentor"}
    assert await count(h, Consent, Consent.person_id == person.id) == 2
    assert await count(h, RoleChange, RoleChange.person_id == before_other.id) == 0
    raised = await rows(h, RoleChange, RoleChange.reason == "link")
    assert [(c.person_id, c.old_role, c.new_role) for c in raised] == [
        (person.id, "carer", "facilitator")
    ]
    for actor in (on_console, on_other):
        help_text = only_text(await h.say("/help", as_=actor))
        assert "/mydata" in help_text and "/register" not in help_text


async def test_merging_keeps_the_higher_role_whichever_side_has_it(harness: Harness) -> None:
    h = harness
    staff = await h.person("Sue", Role.STAFF)
    carer_elsewhere = await h.person("Sue T", Role.CARER, platform="other")
    code = await link_code(h, carer_elsewhere)
    assert only_text(await h.say(f"/link {code}", as_=staff)) == LINKED
    [member] = await rows(h, Membership)
    assert member.role == "staff"
    [person] = await rows(h, Person)
    assert person.display_name == "Sue T"
    assert "/invite" in only_text(await h.say("/help", as_=carer_elsewhere))


async def test_groups_registered_by_the_merged_person_keep_a_registrar(harness: Harness) -> None:
    h = harness
    on_console = await h.person("Sue", Role.STAFF)
    on_other = await h.person("Sue", Role.STAFF, platform="other")
    group = await h.group("Tuesday", register=False, platform="other")
    assert "Done!" in only_text(await h.say("/register support", as_=on_other, in_=group))
    code = await link_code(h, on_console)
    assert only_text(await h.say(f"/link {code}", as_=on_other)) == LINKED
    [person] = await rows(h, Person)
    [registered] = await rows(h, Group)
    assert registered.registered_by == person.id


async def test_a_joined_person_can_link_a_fresh_account_then_use_it(harness: Harness) -> None:
    h = harness
    code = await make_invite(h)
    amira = h.guest("Amira")
    await h.say(f"/join {code}", as_=amira)
    await h.press("I agree", as_=amira)
    link = await link_code(h, amira)
    elsewhere = h.guest("Amira", "other")
    assert only_text(await h.say(f"/link {link}", as_=elsewhere)) == LINKED
    assert "Hello again!" in only_text(await h.say("/start", as_=elsewhere))
    assert texts(await h.say("/link", as_=elsewhere))[0].startswith("To use me on another app")
