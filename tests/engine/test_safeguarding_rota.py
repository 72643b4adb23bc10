"""Managing the safeguarding rota with /dsl, and everything that can go wrong doing it."""

from __future__ import annotations

from bot.roles import Role
from storage.moderation_tables import SafeguardingRotaEntry
from tests.engine.helpers import rows
from tests.support.harness import Harness, only_text, texts


async def test_staff_build_and_read_the_rota(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.ADMIN)
    await h.person("Dana Fox", Role.STAFF)
    await h.person("Eli", Role.STAFF)
    assert "Nobody is on the safeguarding rota yet" in only_text(await h.say("/dsl", as_=sam))
    added = texts(await h.say("/dsl add dana fox", as_=sam))
    assert added[0] == "Added Dana Fox to the safeguarding rota."
    assert "1. Dana Fox" in added[1]
    await h.say("/dsl add Eli", as_=sam)
    shown = only_text(await h.say("/dsl", as_=sam))
    assert shown.splitlines() == [
        "Safeguarding rota for Harbour Fostering (alerted in this order):",
        "1. Dana Fox",
        "2. Eli",
    ]


async def test_removing_someone_closes_the_gap(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.ADMIN)
    for name in ("Dana", "Eli", "Fay"):
        await h.person(name, Role.STAFF)
        await h.say(f"/dsl add {name}", as_=sam)
    removed = texts(await h.say("/dsl remove Eli", as_=sam))
    assert removed[0] == "Removed Eli from the safeguarding rota."
    assert "1. Dana\n2. Fay" in removed[1]
    positions = sorted(e.position for e in await rows(h, SafeguardingRotaEntry))
    assert positions == [1, 2]


async def test_rota_mistakes_get_a_kind_answer_and_change_nothing(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.ADMIN)
    await h.person("Dana", Role.STAFF)
    await h.person("Jo Smith", Role.STAFF)
    await h.person("Jo Brown", Role.STAFF)
    await h.person("Carla", Role.CARER)
    await h.say("/dsl add Dana", as_=sam)
    assert "already on the safeguarding rota" in only_text(await h.say("/dsl add Dana", as_=sam))
    assert "Carla is a carer. Only staff members and admins" in only_text(
        await h.say("/dsl add Carla", as_=sam)
    )
    assert "couldn't find anyone called Nobody in Harbour Fostering" in only_text(
        await h.say("/dsl add Nobody", as_=sam)
    )
    several = only_text(await h.say("/dsl add Jo", as_=sam))
    assert "More than one person matches Jo: Jo Smith and Jo Brown" in several
    assert "Carla isn't on the safeguarding rota" in only_text(
        await h.say("/dsl remove Carla", as_=sam)
    )
    for wrong in ("/dsl add", "/dsl remove", "/dsl shuffle Dana", "/dsl please"):
        assert "/dsl add NAME" in only_text(await h.say(wrong, as_=sam)), wrong
    assert len(await rows(h, SafeguardingRotaEntry)) == 1


async def test_only_staff_may_manage_the_rota(harness: Harness) -> None:
    h = harness
    carla = await h.person("Carla", Role.CARER)
    fran = await h.person("Fran", Role.FACILITATOR)
    assert "for staff" in only_text(await h.say("/dsl", as_=carla))
    assert "for staff" in only_text(await h.say("/dsl add Fran", as_=fran))
    assert "join first" in only_text(await h.say("/dsl", as_=h.guest("Visitor")))


async def test_the_rota_works_from_a_group_too(harness: Harness) -> None:
    h = harness
    staff_room = await h.group("Staff room", purpose="staff")
    sam = await h.person("Sam", Role.ADMIN)
    await h.person("Dana", Role.STAFF)
    assert "Added Dana" in texts(await h.say("/dsl add Dana", as_=sam, in_=staff_room))[0]


async def test_leaving_carebot_takes_you_off_the_rota(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.ADMIN)
    dana = await h.person("Dana", Role.STAFF)
    await h.person("Eli", Role.STAFF)
    await h.say("/dsl add Dana", as_=sam)
    await h.say("/dsl add Eli", as_=sam)
    await h.say("/forgetme", as_=dana)
    await h.press_data("forget:yes", as_=dana)
    assert only_text(await h.say("/dsl", as_=sam)).splitlines()[1:] == ["1. Eli"]
