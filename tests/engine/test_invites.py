"""/invite: staff make one-time codes in a private chat; the code then works with /join."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from bot.people.codes import code_hash
from bot.roles import Role
from storage.models import Invite, Membership, Person
from tests.engine.helpers import count, rows
from tests.support.harness import Actor, Harness, only_text


def code_in(reply: str) -> str:
    found = re.search(r"\*([A-Z2-9]{5}-[A-Z2-9]{5})\*", reply)
    assert found, reply
    return found.group(1)


async def invite(h: Harness, by: Actor, typed: str = "/invite") -> str:
    return code_in(only_text(await h.say(typed, as_=by)))


async def test_staff_invite_a_carer_and_the_code_works_with_join(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    reply = only_text(await h.say("/invite", as_=sue))
    code = code_in(reply)
    assert reply == (
        f"Here's a one-time invite code to join as a carer: *{code}*\n"
        "It works once, for 14 days. Ask them to send me a private message saying:\n"
        f"/join {code}"
    )
    [saved] = await rows(h, Invite)
    assert saved.role == "carer" and saved.expires_at == h.clock.now() + timedelta(days=14)
    assert saved.code_hash == code_hash(code, "invite") and code not in saved.code_hash
    [sue_person] = await rows(h, Person, Person.display_name == "Sue")
    assert saved.created_by == sue_person.id

    amira = h.guest("Amira")
    assert "as a carer" in only_text(await h.say(f"/join {code.lower()}", as_=amira))
    assert "Welcome, Amira" in only_text(await h.press("I agree", as_=amira))
    [person] = await rows(h, Person, Person.display_name == "Amira")
    [member] = await rows(h, Membership, Membership.person_id == person.id)
    assert member.role == "carer"


@pytest.mark.parametrize(
    ("typed", "role", "words"),
    [
        ("/invite carer", "carer", "a carer"),
        ("/invite Mentor", "mentor", "a mentor"),
        ("/invite facilitators", "facilitator", "a facilitator"),
        ("!invite mentor", "mentor", "a mentor"),
    ],
)
async def test_staff_choose_the_role(harness: Harness, typed: str, role: str, words: str) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    reply = only_text(await h.say(typed, as_=sue))
    assert reply.startswith(f"Here's a one-time invite code to join as {words}: *")
    [saved] = await rows(h, Invite)
    assert saved.role == role


async def test_staff_cannot_invite_staff_or_admins(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    for typed in ("/invite staff", "/invite admin"):
        assert only_text(await h.say(typed, as_=sue)) == "Only an admin can invite staff or admins."
    assert await count(h, Invite) == 0


async def test_an_admin_may_invite_staff_and_the_new_staff_can_register(
    harness: Harness,
) -> None:
    h = harness
    ada = await h.person("Ada", Role.ADMIN)
    reply = only_text(await h.say("/invite staff", as_=ada))
    assert "to join as a staff member" in reply
    assert "to join as an admin" in only_text(await h.say("/invite admins", as_=ada))
    stan = h.guest("Stan")
    assert "as a staff member" in only_text(await h.say(f"/join {code_in(reply)}", as_=stan))
    assert "as a staff member" in only_text(await h.press("I agree", as_=stan))
    group = await h.group("Staff room", register=False)
    assert "Done!" in only_text(await h.say("/register staff", as_=stan, in_=group))


@pytest.mark.parametrize("typed", ["/invite boss", "/invite guest", "/invite carer mentor"])
async def test_a_bad_role_word_gets_the_usage(harness: Harness, typed: str) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    assert only_text(await h.say(typed, as_=sue)) == (
        "Please say which role the invite is for, for example: "
        "/invite carer (or mentor, facilitator)."
    )
    assert await count(h, Invite) == 0


async def test_carers_facilitators_and_guests_cannot_invite(harness: Harness) -> None:
    h = harness
    carer = await h.person("Cara")
    fran = await h.person("Fran", Role.FACILITATOR)
    assert only_text(await h.say("/invite", as_=carer)).startswith(
        "Sorry, /invite is for staff members."
    )
    assert only_text(await h.say("/invite", as_=fran)).startswith(
        "Sorry, /invite is for staff members."
    )
    assert only_text(await h.say("/invite", as_=h.guest("Gil"))).startswith(
        "You'll need to join first."
    )
    assert await count(h, Invite) == 0


async def test_invite_in_a_group_is_refused_so_codes_are_never_shown_there(
    harness: Harness,
) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    group = await h.group("Tuesday")
    reply = only_text(await h.say("/invite carer", as_=sue, in_=group))
    assert reply == "Let's keep that between us: please send /invite to me in a private chat."
    assert await count(h, Invite) == 0


async def test_each_code_works_once_and_codes_differ(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    first, second = await invite(h, sue), await invite(h, sue)
    assert first != second
    one, two = h.guest("Dee"), h.guest("Eli")
    await h.say(f"/join {first}", as_=one)
    await h.press("I agree", as_=one)
    assert "already been used" in only_text(await h.say(f"/join {first}", as_=two))
    assert "invited to join" in only_text(await h.say(f"/join {second}", as_=two))


async def test_an_invite_made_in_chat_runs_out(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    code = await invite(h, sue)
    h.clock.advance(timedelta(days=14))
    assert "run out" in only_text(await h.say(f"/join {code}", as_=h.guest("Fay")))


async def test_an_invite_code_is_not_a_link_code(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    code = await invite(h, sue)
    assert "didn't work" in only_text(await h.say(f"/link {code}", as_=h.guest("Gil", "other")))
