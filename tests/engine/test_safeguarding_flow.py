"""Safeguarding, as conversations: urgent routes for the author, alerts and escalation for leads."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.people.members import ensure_person
from bot.roles import Role
from config.settings import SafeguardingSettings, Settings, load_settings
from storage.models import DailyCount, Group
from storage.moderation_tables import (
    SafeguardingAlert,
    SafeguardingNotice,
    SafeguardingRotaEntry,
)
from tests.engine.helpers import count, rows
from tests.engine.moderation_support import in_groups, queued_for, to
from tests.support.harness import Actor, Harness, deletes, only_text

DISCLOSURE = "She told me tonight that her dad hits her"
ALERT = "safeguarding_alert"
YOUNG_PERSON = "im 14 and my foster dad hit me again, i dont want to go home"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    base = load_settings(env={"CAREBOT_DATA_DIR": str(tmp_path / "data")})
    return base.model_copy(update={"safeguarding": SafeguardingSettings(edt_number="01632 960000")})


async def run_due(h: Harness) -> None:
    timers = h.app.services.timers
    assert timers is not None
    await timers.run_due()


async def alerts_for(h: Harness, actor: Actor) -> list[str]:
    return [item.text for item in await queued_for(h, actor, ALERT)]


async def ack_data(h: Harness, actor: Actor) -> str:
    [item, *_] = await queued_for(h, actor, ALERT)
    [button] = item.buttons
    assert button["label"] == "I'm dealing with this"
    return str(button["data"])


async def lead_rota(h: Harness, *names: str) -> list[Actor]:
    """Staff members put on the rota in this order (as `/dsl add` would)."""
    await h.person("Sam", Role.ADMIN)
    leads = [await h.person(name, Role.STAFF) for name in names]
    org = await h.org()
    async with h.db.transaction() as db:
        for position, lead in enumerate(leads, 1):
            person = await ensure_person(db, lead.user, h.clock.now())
            db.add(
                SafeguardingRotaEntry(
                    org_id=org.id, person_id=person.id, position=position, added_at=h.clock.now()
                )
            )
    return leads


async def test_a_disclosure_gets_routes_privately_and_alerts_the_lead(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    [dana] = await lead_rota(h, "Dana")
    amira = await h.person("Amira")
    actions = await h.say(DISCLOSURE, as_=amira, in_=group)
    assert in_groups(actions) == []
    [routes] = to(amira, actions)
    assert "A child has told you something worrying" in routes.text
    assert "Emergency Duty Team on 01632 960000" in routes.text
    assert "safeguarding lead has been told privately" in routes.text
    assert routes.fallback is None  # the group never sees anything
    [alert] = await alerts_for(h, dana)
    assert "Amira wrote something in the group “Tuesday” at 09:00" in alert
    assert "a child may have told them about abuse" in alert
    assert "please look in the group or contact Amira directly" in alert
    assert "dad" not in alert and "hits" not in alert
    assert await alerts_for(h, await h.person("Sam", Role.ADMIN)) == []
    assert await count(h, DailyCount) == 0  # never in moderation's counts


async def test_no_answer_escalates_down_the_rota_then_to_all_staff(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    dana, eli = await lead_rota(h, "Dana", "Eli")
    sam = await h.person("Sam", Role.ADMIN)
    amira = await h.person("Amira")
    await h.say(DISCLOSURE, as_=amira, in_=group)
    h.clock.advance(timedelta(minutes=14))
    await run_due(h)
    assert await alerts_for(h, eli) == []
    h.clock.advance(timedelta(minutes=1))
    await run_due(h)
    [escalated] = await alerts_for(h, eli)
    assert "Nobody has said they're dealing with it after 15 minutes" in escalated
    assert await alerts_for(h, sam) == []
    h.clock.advance(timedelta(minutes=15))
    await run_due(h)
    assert len(await alerts_for(h, sam)) == 1
    assert len(await alerts_for(h, dana)) == 1 and len(await alerts_for(h, eli)) == 1
    h.clock.advance(timedelta(hours=2))
    await run_due(h)
    assert await count(h, SafeguardingNotice) == 3


async def test_acknowledging_stops_escalation_and_tells_the_others(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    dana, eli = await lead_rota(h, "Dana", "Eli")
    amira = await h.person("Amira")
    await h.say(DISCLOSURE, as_=amira, in_=group)
    h.clock.advance(timedelta(minutes=15))
    await run_due(h)
    actions = await h.press_data(await ack_data(h, eli), as_=eli)
    assert "I've let Dana know" in to(eli, actions)[0].text
    assert "Eli is dealing with the safeguarding concern from the group “Tuesday”" in (
        to(dana, actions)[0].text
    )
    [alert] = await rows(h, SafeguardingAlert)
    assert alert.acknowledged_at == h.clock.now()
    h.clock.advance(timedelta(hours=1))
    await run_due(h)
    assert len(await alerts_for(h, await h.person("Sam", Role.ADMIN))) == 0
    assert "Eli is already dealing" in only_text(
        await h.press_data(await ack_data(h, dana), as_=dana)
    )
    assert "already down as dealing" in only_text(
        await h.press_data(await ack_data(h, eli), as_=eli)
    )


async def test_the_first_lead_acknowledging_stops_it_before_anyone_else_hears(
    harness: Harness,
) -> None:
    h = harness
    group = await h.group("Tuesday")
    dana, eli = await lead_rota(h, "Dana", "Eli")
    amira = await h.person("Amira")
    await h.say(DISCLOSURE, as_=amira, in_=group)
    assert "Thank you for dealing with it" in only_text(
        await h.press_data(await ack_data(h, dana), as_=dana)
    )
    h.clock.advance(timedelta(minutes=30))
    await run_due(h)
    assert await alerts_for(h, eli) == []


async def test_acknowledge_button_errors(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    [dana] = await lead_rota(h, "Dana")
    amira, ben = await h.person("Amira"), await h.person("Ben")
    await h.say(DISCLOSURE, as_=amira, in_=group)
    data = await ack_data(h, dana)
    assert "for the safeguarding leads" in only_text(await h.press_data(data, as_=ben))
    assert "for the safeguarding leads" in only_text(await h.press_data(data, as_=h.guest("Vi")))
    assert "has been closed" in only_text(await h.press_data("sgack:999", as_=dana))
    assert "has been closed" in only_text(await h.press_data("sgack:x", as_=dana))
    sam = await h.person("Sam", Role.ADMIN)  # staff who weren't alerted may still take it
    actions = await h.press_data(data, as_=sam)
    assert "I've let Dana know" in to(sam, actions)[0].text
    assert "Sam is dealing with" in to(dana, actions)[0].text


async def test_with_no_rota_every_staff_member_and_admin_is_told(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    sam, tess = await h.person("Sam", Role.ADMIN), await h.person("Tess", Role.STAFF)
    fran = await h.person("Fran", Role.FACILITATOR)
    amira = await h.person("Amira")
    await h.say(DISCLOSURE, as_=amira, in_=group)
    assert len(await alerts_for(h, sam)) == 1 and len(await alerts_for(h, tess)) == 1
    assert await alerts_for(h, fran) == []
    h.clock.advance(timedelta(hours=1))
    await run_due(h)
    assert await count(h, SafeguardingNotice) == 2


async def test_with_nobody_to_tell_the_reply_does_not_pretend(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    [routes] = to(amira, await h.say(DISCLOSURE, as_=amira, in_=group))
    assert "has been told" not in routes.text
    assert "couldn't reach a safeguarding lead" in routes.text


async def test_a_private_chat_raises_it_too(harness: Harness) -> None:
    h = harness
    [dana] = await lead_rota(h, "Dana")
    amira = await h.person("Amira")
    actions = await h.say("I just want to die, everyone would be better off without me", as_=amira)
    [routes] = to(amira, actions)  # the routes are the whole answer, nothing cheery after
    assert "Samaritans" in routes.text and "116 123" in routes.text
    assert "safeguarding lead has been told" in routes.text
    [alert] = await alerts_for(h, dana)
    assert "in a private chat with carebot" in alert
    assert "nobody else can see that chat, so please contact Amira directly" in alert
    assert "an adult may be at risk of hurting themselves" in alert


async def test_someone_not_yet_joined_still_gets_the_routes(harness: Harness) -> None:
    h = harness
    visitor = h.guest("Visitor")
    actions = await h.say("J has been missing since 6pm and his phone is off", as_=visitor)
    [routes] = [a.text for a in to(visitor, actions)]
    assert "Ring the police now" in routes
    assert "couldn't reach a safeguarding lead" in routes
    assert await count(h, SafeguardingAlert) == 0


async def test_a_young_person_writing_privately_is_pointed_to_childline(harness: Harness) -> None:
    h = harness
    visitor = h.guest("Kai")
    actions = await h.say(YOUNG_PERSON, as_=visitor)
    [routes] = [a.text for a in to(visitor, actions)]
    assert "Childline is free and private on 0800 1111" in routes
    assert "Tell the child's social worker" not in routes  # a carer's steps, not theirs


async def test_a_member_is_never_taken_for_a_young_person(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira")
    actions = await h.say(YOUNG_PERSON, as_=amira)
    [routes] = [a.text for a in to(amira, actions)]
    assert "Childline" not in routes


async def test_the_author_is_never_alerted_about_their_own_message(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    dana, eli = await lead_rota(h, "Dana", "Eli")
    await h.say(DISCLOSURE, as_=dana, in_=group)
    assert await alerts_for(h, dana) == []
    assert len(await alerts_for(h, eli)) == 1


async def test_an_edit_does_not_raise_it_twice(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    [dana] = await lead_rota(h, "Dana")
    amira = await h.person("Amira")
    await h.say(DISCLOSURE, as_=amira, in_=group)
    h.clock.advance(timedelta(minutes=1))
    again = await h.say(DISCLOSURE + ".", as_=amira, in_=group, edit_of="1")
    assert to(amira, again) == []
    assert len(await alerts_for(h, dana)) == 1


async def test_an_edit_that_adds_a_concern_raises_it(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    [dana] = await lead_rota(h, "Dana")
    amira = await h.person("Amira")
    await h.say("Long day here", as_=amira, in_=group)
    h.clock.advance(timedelta(minutes=1))
    actions = await h.say(DISCLOSURE, as_=amira, in_=group, edit_of="1")
    assert len(to(amira, actions)) == 1
    assert len(await alerts_for(h, dana)) == 1


async def test_safeguarding_comes_first_and_the_nudge_is_one_line(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    await lead_rota(h, "Dana")
    amira = await h.person("Amira")
    actions = await h.say("Kyle McAllister told me his dad hits him", as_=amira, in_=group)
    routes, nudge = to(amira, actions)
    assert "A child has told you something worrying" in routes.text
    assert "\n" not in nudge.text
    assert "“[child's name] told me his dad hits him”" in nudge.text
    assert {c.metric for c in await rows(h, DailyCount)} == {"nudge.child_name"}


async def test_under_hold_a_safeguarding_message_stays_for_the_lead_to_read(
    harness: Harness,
) -> None:
    h = harness
    group = await h.group("Tuesday")
    await lead_rota(h, "Dana")
    amira = await h.person("Amira")
    async with h.db.transaction() as db:
        await db.execute(update(Group).values(confidentiality_policy="hold"))
    actions = await h.say("Kyle McAllister told me his dad hits him", as_=amira, in_=group)
    assert deletes(actions) == []
    assert "taken it down" not in to(amira, actions)[1].text


async def test_alerts_are_forgotten_after_a_week(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    [dana] = await lead_rota(h, "Dana")
    amira = await h.person("Amira")
    await h.say(DISCLOSURE, as_=amira, in_=group)
    await h.press_data(await ack_data(h, dana), as_=dana)
    h.clock.advance(timedelta(days=7, minutes=1))
    await run_due(h)
    assert await count(h, SafeguardingAlert) == 0
    assert "has been closed" in only_text(await h.press_data(await ack_data(h, dana), as_=dana))


async def test_mydata_and_forgetme(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    [dana] = await lead_rota(h, "Dana")
    amira = await h.person("Amira")
    await h.say(DISCLOSURE, as_=amira, in_=group)
    await h.press_data(await ack_data(h, dana), as_=dana)
    assert "Harbour Fostering: number 1" in only_text(await h.say("/mydata", as_=dana))
    assert "alerts you picked up (kept a week)*: 1" in only_text(await h.say("/mydata", as_=dana))
    mine = only_text(await h.say("/mydata", as_=amira))
    assert "raised from your messages (kept a week)*: 1" in mine
    await h.say("/forgetme", as_=amira)
    await h.press_data("forget:yes", as_=amira)
    [alert] = await rows(h, SafeguardingAlert)
    assert alert.author_name == "" and alert.author_id is None
