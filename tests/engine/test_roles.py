"""/role: staff change people's roles, admins guard the top roles, and every change is audited."""

from __future__ import annotations

from bot.events import ChatKind, Outgoing
from bot.roles import Role
from storage.models import Membership, Person, RoleChange
from tests.engine.helpers import rows
from tests.support.harness import Actor, Harness, only_text, texts


async def role_of(h: Harness, name: str) -> str:
    [person] = await rows(h, Person, Person.display_name == name)
    [member] = await rows(h, Membership, Membership.person_id == person.id)
    return str(member.role)


async def person_id(h: Harness, actor: Actor) -> int:
    [person] = await rows(h, Person, Person.display_name == actor.name)
    return int(person.id)


async def test_staff_makes_a_carer_a_mentor_and_the_person_is_told(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    sam = await h.person("Sam Taylor")
    answers = await h.say("/role Sam Taylor mentor", as_=sue)
    assert texts(answers) == [
        "Done: Sam Taylor was a carer and is now a mentor.",
        "You're now a mentor with *Harbour Fostering*. Send /help to see what that lets you do.",
    ]
    told = answers[1]
    assert isinstance(told, Outgoing)
    assert told.chat.kind is ChatKind.DM and told.chat.id == sam.user.id
    assert await role_of(h, "Sam Taylor") == "mentor"

    changes = await rows(h, RoleChange, RoleChange.reason == "staff")
    assert len(changes) == 1
    change = changes[0]
    assert (change.old_role, change.new_role) == ("carer", "mentor")
    assert change.person_id == await person_id(h, sam)
    assert change.changed_by == await person_id(h, sue)
    assert change.at == h.clock.now()


async def test_how_names_may_be_typed(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    await h.person("Sam Taylor")
    await h.person("Niamh O’Brien")
    steps = [
        ('/role "Sam Taylor" facilitator', "Sam Taylor was a carer and is now a facilitator"),
        ("/role sam   TAYLOR Carers", "Sam Taylor was a facilitator and is now a carer"),
        ("/role @Sam Taylor mentor", "Sam Taylor was a carer and is now a mentor"),
        ("!role Sam FACILITATORS", "Sam Taylor was a mentor and is now a facilitator"),
        ("/role niamh o'brien mentor", "Niamh O’Brien was a carer and is now a mentor"),
        (
            "/role “Niamh O’Brien” facilitator",
            "Niamh O’Brien was a mentor and is now a facilitator",
        ),
        ("@carebot role @niamh carer", "Niamh O’Brien was a facilitator and is now a carer"),
    ]
    for typed, expected in steps:
        assert texts(await h.say(typed, as_=sue))[0] == f"Done: {expected}.", typed
    assert await role_of(h, "Sam Taylor") == "facilitator"
    assert await role_of(h, "Niamh O’Brien") == "carer"


async def test_unknown_person_and_unknown_role(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    await h.person("Sam Taylor")
    assert only_text(await h.say("/role @Nobody Here mentor", as_=sue)) == (
        "I couldn't find anyone called Nobody Here in your organisation. "
        "Check the spelling, or ask them to join first."
    )
    assert only_text(await h.say("/role Sam boss", as_=sue)) == (
        'I don\'t know the role "boss". The roles are: carer, mentor, facilitator, staff, admin.'
    )
    assert "I don't know the role" in only_text(await h.say("/role Sam guest", as_=sue))
    for usage in ("/role", "/role mentor", "/role Sam"):
        assert only_text(await h.say(usage, as_=sue)).startswith("Please say who and which role")
    assert await role_of(h, "Sam Taylor") == "carer"


async def test_people_in_another_organisation_are_not_found(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    await h.person("Sam Taylor", org="Other Fostering")
    assert "couldn't find anyone called Sam" in only_text(await h.say("/role Sam mentor", as_=sue))
    assert await role_of(h, "Sam Taylor") == "carer"


async def test_several_matches_offer_buttons_and_a_press_chooses(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    taylor = await h.person("Sam Taylor")
    await h.person("Sam Smith")
    await h.person("Samira")
    [offer] = await h.say("/role sam mentor", as_=sue)
    assert isinstance(offer, Outgoing)
    assert offer.text == "More than one person matches sam. Which one did you mean?"
    taylor_id = await person_id(h, taylor)
    assert [b.label for b in offer.buttons] == [
        f"Sam Taylor (#{taylor_id})",
        f"Sam Smith (#{taylor_id + 1})",
        f"Samira (#{taylor_id + 2})",
    ]
    answers = await h.press(f"Sam Taylor (#{taylor_id})", as_=sue)
    assert texts(answers)[0] == "Done: Sam Taylor was a carer and is now a mentor."
    assert answers[1].chat.id == taylor.user.id
    assert await role_of(h, "Sam Taylor") == "mentor"
    assert await role_of(h, "Sam Smith") == "carer"


async def test_an_exact_name_beats_longer_names(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    await h.person("Sam")
    await h.person("Samira")
    assert "Sam was a carer" in texts(await h.say("/role sam mentor", as_=sue))[0]
    assert await role_of(h, "Samira") == "carer"


async def test_only_staff_may_press_the_role_buttons(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    carer = await h.person("Cara")
    sam = await h.person("Sam Taylor")
    await h.person("Sam Smith")
    group = await h.group("Tuesday")
    await h.say("/role sam mentor", as_=sue, in_=group)
    sam_id = await person_id(h, sam)
    reply = only_text(await h.press(f"Sam Taylor (#{sam_id})", as_=carer, in_=group))
    assert reply.startswith("Sorry, /role is for staff members.")
    assert await role_of(h, "Sam Taylor") == "carer"


async def test_a_stale_or_forged_role_button(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    elsewhere = await h.person("Eve", org="Other Fostering")
    gone = "That person is no longer in your organisation, so nothing has changed."
    assert only_text(await h.press_data("role:99999:mentor", as_=sue)) == gone
    assert only_text(await h.press_data("role:abc:mentor", as_=sue)) == gone
    assert only_text(await h.press_data("role:1:boss", as_=sue)) == gone
    eve_id = await person_id(h, elsewhere)
    assert only_text(await h.press_data(f"role:{eve_id}:mentor", as_=sue)) == gone
    assert await role_of(h, "Eve") == "carer"


async def test_staff_cannot_make_or_unmake_staff_and_admins(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    await h.person("Sam Taylor")
    await h.person("Stan", Role.STAFF)
    refused = "Only an admin can make someone staff or admin, or change a staff member's role."
    assert only_text(await h.say("/role Sam Taylor staff", as_=sue)) == refused
    assert only_text(await h.say("/role Sam Taylor admin", as_=sue)) == refused
    assert only_text(await h.say("/role Stan carer", as_=sue)) == refused
    assert only_text(await h.say("/role Stan staff", as_=sue)) == refused
    assert await role_of(h, "Sam Taylor") == "carer"
    assert await role_of(h, "Stan") == "staff"
    assert await rows(h, RoleChange, RoleChange.reason == "staff") == []


async def test_an_admin_may(harness: Harness) -> None:
    h = harness
    ada = await h.person("Ada", Role.ADMIN)
    await h.person("Sam Taylor")
    await h.person("Stan", Role.STAFF)
    answers = await h.say("/role Sam Taylor staff", as_=ada)
    assert texts(answers)[0] == "Done: Sam Taylor was a carer and is now a staff member."
    assert texts(answers)[1].startswith("You're now a staff member with *Harbour Fostering*.")
    assert (
        "was a staff member and is now an admin"
        in texts(await h.say("/role Stan admin", as_=ada))[0]
    )
    assert "was an admin and is now a carer" in texts(await h.say("/role Stan carer", as_=ada))[0]
    assert await role_of(h, "Sam Taylor") == "staff"
    history = [
        (c.old_role, c.new_role) for c in await rows(h, RoleChange, RoleChange.reason == "staff")
    ]
    assert sorted(history) == sorted([("carer", "staff"), ("staff", "admin"), ("admin", "carer")])


async def test_nobody_changes_their_own_role(harness: Harness) -> None:
    h = harness
    ada = await h.person("Ada", Role.ADMIN)
    sue = await h.person("Sue", Role.STAFF)
    yourself = "You can't change your own role. Please ask another staff member or an admin."
    assert only_text(await h.say("/role Ada carer", as_=ada)) == yourself
    assert only_text(await h.say("/role Sue admin", as_=sue)) == yourself
    assert await role_of(h, "Ada") == "admin" and await role_of(h, "Sue") == "staff"


async def test_the_same_role_changes_nothing(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    await h.person("Sam Taylor", Role.MENTOR)
    before = await rows(h, RoleChange)
    reply = only_text(await h.say("/role Sam Taylor mentors", as_=sue))
    assert reply == "Sam Taylor is already a mentor, so nothing has changed."
    assert len(await rows(h, RoleChange)) == len(before)


async def test_role_in_a_group_answers_there_and_tells_the_person_privately(
    harness: Harness,
) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    sam = await h.person("Sam Taylor")
    group = await h.group("Tuesday")
    answers = await h.say("/role Sam Taylor facilitator", as_=sue, in_=group)
    assert [a.chat.id for a in answers] == [group.id, sam.user.id]
    assert "/register" not in texts(await h.say("/help", as_=sam))[0]
    assert await role_of(h, "Sam Taylor") == "facilitator"


async def test_linked_people_are_told_on_their_first_account(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    sam = await h.person("Sam Taylor")
    code = texts(await h.say("/link", as_=sam))[0].split("/link ")[1].split()[0]
    other = h.guest("Sam Taylor", platform="other")
    assert "Linked" in only_text(await h.say(f"/link {code}", as_=other))
    answers = await h.say("/role Sam Taylor mentor", as_=sue)
    assert answers[1].chat.platform == "console" and answers[1].chat.id == sam.user.id
