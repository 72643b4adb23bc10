"""/register: staff tell carebot what a group chat is for (and, if they like, its region)."""

from __future__ import annotations

import pytest

from bot.core_texts import CoreTexts
from bot.roles import Role
from storage.models import Group, Region
from tests.engine.helpers import count, rows
from tests.support.harness import Harness, only_text


@pytest.mark.parametrize(
    ("typed", "purpose", "name"),
    [
        ("support group", "support_group", "support group"),
        ("Support Group", "support_group", "support group"),
        ("support", "support_group", "support group"),
        ("supportgroup", "support_group", "support group"),
        ("support-group", "support_group", "support group"),
        ("support_group", "support_group", "support group"),
        ('"support group"', "support_group", "support group"),
        ("coffee morning", "coffee_morning", "coffee morning"),
        ("coffee", "coffee_morning", "coffee morning"),
        ("coffeemorning", "coffee_morning", "coffee morning"),
        ("coffee-morning", "coffee_morning", "coffee morning"),
        ("COFFEE_MORNING", "coffee_morning", "coffee morning"),
        ("constellation", "constellation", "constellation"),
        ("mockingbird", "constellation", "constellation"),
        ("hub", "constellation", "constellation"),
        ("regional network", "regional_network", "regional network"),
        ("regional", "regional_network", "regional network"),
        ("network", "regional_network", "regional network"),
        ("regional-network", "regional_network", "regional network"),
        ("staff", "staff", "staff group"),
        ("staff group", "staff", "staff group"),
        ("team", "staff", "staff group"),
    ],
)
async def test_every_purpose_spelling(
    harness: Harness, typed: str, purpose: str, name: str
) -> None:
    h = harness
    staff = await h.person("Sue", Role.STAFF)
    group = await h.group("Tuesday", register=False)
    reply = only_text(await h.say(f"/register {typed}", as_=staff, in_=group))
    assert reply == (
        f"Done! This chat is now a {name} of *Harbour Fostering*. "
        "Members can send /help to see what I can do here."
    )
    [saved] = await rows(h, Group)
    assert (saved.purpose, saved.region_id, saved.title) == (purpose, None, "Tuesday")
    assert saved.chat_id == group.id and saved.active


async def test_register_with_a_region(harness: Harness) -> None:
    h = harness
    staff = await h.person("Sue", Role.STAFF)
    group = await h.group("Leeds Tuesdays", register=False)
    reply = only_text(await h.say("/register coffee morning North Leeds", as_=staff, in_=group))
    assert "coffee morning of *Harbour Fostering* (North Leeds)" in reply
    [region] = await rows(h, Region)
    assert region.name == "North Leeds"
    [saved] = await rows(h, Group)
    assert saved.region_id == region.id and saved.purpose == "coffee_morning"

    other = await h.group("Leeds Fridays", register=False)
    await h.say("/register hub north   leeds", as_=staff, in_=other)
    assert await count(h, Region) == 1  # the same region, whatever the case and spacing
    assert {g.region_id for g in await rows(h, Group)} == {region.id}


async def test_registering_again_updates_the_group(harness: Harness) -> None:
    h = harness
    staff = await h.person("Sue", Role.STAFF)
    group = await h.group("Tuesday", register=False)
    await h.say("/register support group Leeds", as_=staff, in_=group)
    reply = only_text(await h.say("/register coffee morning", as_=staff, in_=group))
    assert reply == "Updated: this chat is now a coffee morning of *Harbour Fostering*."
    [saved] = await rows(h, Group)
    assert (saved.purpose, saved.region_id) == ("coffee_morning", None)
    reply = only_text(await h.say("/register regional Bradford", as_=staff, in_=group))
    assert (
        reply == "Updated: this chat is now a regional network of *Harbour Fostering* (Bradford)."
    )
    assert await count(h, Group) == 1


async def test_admin_may_register_too(harness: Harness) -> None:
    h = harness
    admin = await h.person("Ada", Role.ADMIN)
    group = await h.group("Staff room", register=False)
    assert "staff group" in only_text(await h.say("/register staff", as_=admin, in_=group))


async def test_another_organisations_group_is_refused_and_left_alone(harness: Harness) -> None:
    h = harness
    theirs = await h.group("Theirs", "support_group", org="Other Fostering")
    ours = await h.person("Sue", Role.STAFF)
    reply = only_text(await h.say("/register coffee morning", as_=ours, in_=theirs))
    core = h.app.services.texts.get(CoreTexts)
    assert reply == core.needs_role.format(name="register", role="staff member")
    [saved] = await rows(h, Group)
    assert saved.purpose == "support_group"


async def test_a_carer_cannot_register(harness: Harness) -> None:
    h = harness
    carer = await h.person("Cara")
    group = await h.group("Tuesday", register=False)
    reply = only_text(await h.say("/register support group", as_=carer, in_=group))
    assert reply.startswith("Sorry, /register is for staff members.")
    assert await count(h, Group) == 0


async def test_a_guest_cannot_register(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday", register=False)
    reply = only_text(await h.say("/register support", as_=h.guest("Gil"), in_=group))
    assert reply.startswith("You'll need to join first.")
    assert await count(h, Group) == 0


async def test_register_in_a_private_chat_is_refused(harness: Harness) -> None:
    h = harness
    staff = await h.person("Sue", Role.STAFF)
    reply = only_text(await h.say("/register support group", as_=staff))
    assert reply == "/register works in a group chat. Please send it there."
    assert await count(h, Group) == 0


@pytest.mark.parametrize("args", ["", "   ", "book club", "Leeds", "groups"])
async def test_no_or_unknown_purpose_gets_the_usage(harness: Harness, args: str) -> None:
    h = harness
    staff = await h.person("Sue", Role.STAFF)
    group = await h.group("Tuesday", register=False)
    reply = only_text(await h.say(f"/register {args}", as_=staff, in_=group))
    assert reply.startswith("Please tell me what this group is for")
    assert "/register support group Leeds" in reply
    assert await count(h, Group) == 0


async def test_register_uses_the_organisation_where_the_person_is_staff(harness: Harness) -> None:
    h = harness
    await h.org("Other Fostering")
    staff = await h.person("Sue", Role.STAFF)
    group = await h.group("Tuesday", register=False)
    assert "*Harbour Fostering*" in only_text(
        await h.say("/register support", as_=staff, in_=group)
    )
    [saved] = await rows(h, Group)
    assert saved.org_id == (await h.org()).id
