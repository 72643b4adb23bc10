"""Matching and the staff view: proposals with reasons, Send / Swap / Hold, gaps, the daily run."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.app import build_app
from bot.cli.buddies import describe_plan
from bot.features.buddies.routing import DAILY_MATCH
from bot.people.orgs import find_org
from bot.roles import Role
from config.settings import BuddySettings
from storage.buddies_tables import BuddyPairing
from storage.models import ScheduledJob
from tests.engine.buddies_helpers import MO, MO_REST, Buddies, labels, one_to, said_to
from tests.engine.helpers import rows
from tests.support.harness import Harness, only_text, texts

NIA = ("parent and child", "0-4", "NE", "Durham", "English", "weekends", "phone")
MO_REASONS = (
    "you both have experience of kinship care, you are both in Leeds, you both care for "
    "children aged 11 to 15 and 16 and over, you are both free in the evenings, "
    "you both like messages"
)


async def test_staff_see_proposals_with_reasons_the_waiting_list_and_gaps(
    harness: Harness,
) -> None:
    h = harness
    b = Buddies(h)
    mo = await b.mentor("Mo")
    amira = await b.carer("Amira")
    nia = await b.carer("Nia", NIA)
    sam = await b.staff_member()
    before = texts(await h.say("/buddies", as_=sam))
    assert before[0].startswith("*Buddy programme*: 0 to check, 0 waiting for answers, 2 waiting")
    ran = await b.matched()
    report, header, proposal, waiting = said_to(ran, sam)
    assert report == "I've looked for matches. New proposals: 1. Still waiting for a match: 1."
    assert header.startswith("*Buddy programme*: 1 to check")
    assert (
        proposal == f"*Mo* as buddy for *Amira* (asked 5 Jan)\nWhat they'll be told: {MO_REASONS}."
    )
    assert labels(ran, sam) == []  # the last message, the waiting list, has no buttons
    assert "- Nia, since 5 Jan" in waiting
    assert (
        "- 1 waiting: no mentor with parent and child placements experience in North East"
        in waiting
    )
    # Nia is told kindly; Mo and Amira hear nothing until staff press Send.
    assert one_to(ran, nia).startswith("Thank you for waiting, Nia. I haven't found your buddy yet")
    assert "no mentor who knows parent and child placements near you" in one_to(ran, nia)
    assert said_to(ran, mo) == [] and said_to(ran, amira) == []


async def test_a_carer_with_no_good_match_is_told_once_then_again_on_a_change(
    harness: Harness,
) -> None:
    h = harness
    b = Buddies(h)
    nia = await b.carer("Nia", NIA)
    await b.staff_member()
    assert len(said_to(await b.matched(), nia)) == 1
    assert said_to(await b.matched(), nia) == []
    assert said_to(await b.jobs(timedelta(days=2)), nia) == []
    # A mentor who knows parent and child arrives, but only speaks Polish: a new reason.
    await b.mentor("Piotr", ("9", "P&C", "0-4", "NE", "Durham", "Polish", *MO_REST))
    told = one_to(await b.matched(), nia)
    assert told.startswith("Thank you for waiting, Nia. I haven't found the right buddy")


async def test_send_asks_both_privately_and_only_once(harness: Harness) -> None:
    h = harness
    b = Buddies(h)
    mo = await b.mentor("Mo")
    amira = await b.carer("Amira")
    sam = await b.staff_member()
    await b.matched()
    sent = await h.press("Send", as_=sam)
    assert one_to(sent, sam) == (
        "Sent: I've asked Mo and Amira privately. I'll introduce them only if both say yes."
    )
    assert one_to(sent, amira).startswith("Good news, Amira! I'd like to introduce you to *Mo*")
    assert f"Why I thought of Mo: {MO_REASONS}." in one_to(sent, amira)
    assert "*The buddy agreement*" in one_to(sent, amira)
    assert "at least twice a month for six months" in one_to(sent, mo)
    assert "supervising social worker instead" in one_to(sent, mo)
    assert labels(sent, mo) == ["Yes, introduce us", "Not this time"]
    again = await h.press("Send", as_=sam)
    assert only_text(again) == (
        "Someone has already dealt with that proposal, so there's nothing more to do."
    )


async def test_two_staff_pressing_send_at_once_send_one_offer(harness: Harness) -> None:
    h = harness
    b = Buddies(h)
    mo = await b.mentor("Mo")
    amira = await b.carer("Amira")
    sam = await b.staff_member()
    kay = await h.person("Kay", Role.STAFF)
    await b.matched()
    data = h.find_button("Send", sam.dm).data
    first, second = await asyncio.gather(h.press_data(data, as_=sam), h.press_data(data, as_=kay))
    both = [*first, *second]
    assert len(said_to(both, mo)) == 1 and len(said_to(both, amira)) == 1
    staff_said = said_to(both, sam) + said_to(both, kay)
    assert sum(text.startswith("Sent:") for text in staff_said) == 1
    assert sum("already dealt with" in text for text in staff_said) == 1
    [pairing] = await rows(h, BuddyPairing)
    assert pairing.status == "offered"


async def test_hold_keeps_a_proposal_back_until_someone_sends_it(harness: Harness) -> None:
    h = harness
    b = Buddies(h)
    amira = await b.carer("Amira")
    await b.mentor("Mo")
    sam = await b.staff_member()
    await b.matched()
    held = await h.press("Hold", as_=sam)
    assert only_text(held).startswith("On hold: the suggestion of Mo for Amira")
    assert said_to(held, amira) == []
    shown = await h.say("/buddies", as_=sam)
    assert any("_On hold: it won't go out until you press Send._" in t for t in texts(shown))
    assert "Hold" not in [b.label for a in shown for b in getattr(a, "buttons", ())]
    assert "already dealt with" in only_text(await h.press_data(held_data(h, sam), as_=sam))
    sent = await h.press("Send", as_=sam)
    assert one_to(sent, amira).startswith("Good news, Amira!")


def held_data(h: Harness, sam: object) -> str:
    for action in reversed(h.sent):
        for button in getattr(action, "buttons", ()):
            if button.data.startswith("bhold:"):
                return str(button.data)
    raise AssertionError("no Hold button was shown")


async def test_swap_lists_other_mentors_and_keeps_the_staff_choice(harness: Harness) -> None:
    h = harness
    b = Buddies(h)
    await b.mentor("Mo")
    await b.mentor("Pat", ("20", "kinship", "0-4", "London", "Camden", "English", *MO_REST))
    await b.mentor("Kim", ("3", "kinship", "11-15", "Yorkshire", "York", "English", *MO_REST))
    amira = await b.carer("Amira")
    await h.say("/buddy notwith Kim", as_=amira)
    sam = await b.staff_member()
    await b.matched()
    choices = await h.press("Swap", as_=sam)
    assert only_text(choices) == "Who should be Amira's buddy instead?"
    assert labels(choices, sam) == ["Pat"]  # Kim is on Amira's private list: simply not offered
    swapped = said_to(await h.press("Pat", as_=sam), sam)
    assert swapped[0] == "Done: Pat is now proposed for Amira. Press Send when you're happy."
    assert swapped[1].startswith("*Pat* as buddy for *Amira*")
    assert (
        "What they'll be told: our staff team suggested you, you both have experience"
        in (swapped[1])
    )
    statuses = sorted(p.status for p in await rows(h, BuddyPairing))
    assert statuses == ["cancelled", "proposed"]
    sent = await h.press("Send", as_=sam)
    assert "our staff team suggested you" in one_to(sent, amira)
    assert "already dealt with" in only_text(await h.press("Pat", as_=sam))


async def test_swap_with_nobody_else_and_stale_staff_buttons(harness: Harness) -> None:
    h = harness
    b = Buddies(h)
    await b.mentor("Mo")
    await b.carer("Amira")
    sam = await b.staff_member()
    await b.matched()
    assert "no other mentor with room" in only_text(await h.press("Swap", as_=sam))
    assert "isn't one you can change" in only_text(await h.press_data("bsend:999", as_=sam))
    assert "isn't one you can change" in only_text(await h.press_data("bswap:x", as_=sam))
    other = await h.person("Olga", Role.STAFF, org="Other Fostering")
    data = h.find_button("Send", sam.dm).data
    assert "isn't one you can change" in only_text(await h.press_data(data, as_=other))
    carer = await h.person("Cara")
    assert "for staff members" in only_text(await h.press_data(data, as_=carer))
    [pairing] = await rows(h, BuddyPairing)
    assert pairing.status == "proposed"
    assert "/buddies match" in only_text(await h.say("/buddies later", as_=sam))


async def test_capacity_counts_proposals_and_the_longest_waiting_goes_first(
    harness: Harness,
) -> None:
    h = harness
    b = Buddies(h)
    await b.mentor("Mo", (*MO, "evenings", "messages", "1"))
    amira = await b.carer("Amira")
    h.clock.advance(timedelta(hours=1))
    bea = await b.carer("Bea")
    sam = await b.staff_member()
    ran = await b.matched()
    assert any(t.startswith("*Mo* as buddy for *Amira*") for t in said_to(ran, sam))
    assert one_to(ran, bea).startswith("Thank you for waiting, Bea. The mentors who'd suit you")
    assert said_to(ran, amira) == []
    assert "New proposals: 0." in said_to(await b.matched(), sam)[0]


async def test_someone_can_be_a_mentor_and_ask_for_a_buddy_too(harness: Harness) -> None:
    h = harness
    b = Buddies(h)
    jo = await b.mentor("Jo")  # kinship mentor, and new to special guardianship
    await b.answers(jo, "/buddy", ("SGO", "5-10", "Yorkshire", "Leeds", "English", "any", "any"))
    pat = ("20", "special guardianship", "5-10", "Yorkshire", "Leeds", "English", *MO_REST)
    await b.mentor("Pat", pat)
    await b.carer("Amira")
    sam = await b.staff_member()
    proposals = [t for t in said_to(await b.matched(), sam) if t.startswith("*")][1:]
    assert sorted(p.split(" (")[0] for p in proposals) == [
        "*Jo* as buddy for *Amira*",
        "*Pat* as buddy for *Jo*",
    ]


async def test_proposals_can_go_out_without_a_staff_check_if_the_service_says_so(
    harness: Harness,
) -> None:
    h = harness
    services = h.app.services
    settings = services.settings.model_copy(
        update={"buddies": BuddySettings(auto_send_orgs=("Harbour Fostering",))}
    )
    h.app = build_app(
        settings=settings,
        texts=services.texts,
        clock=h.clock,
        db=services.db,
        capabilities=services.capabilities,
    )
    b = Buddies(h)
    mo = await b.mentor("Mo")
    amira = await b.carer("Amira")
    sam = await b.staff_member()
    ran = await b.matched()
    assert one_to(ran, amira).startswith("Good news, Amira!")
    assert one_to(ran, mo).startswith("Hello Mo. *Amira* has asked for a buddy")
    assert "New proposals: 1." in said_to(ran, sam)[0]
    [pairing] = await rows(h, BuddyPairing)
    assert pairing.status == "offered"


async def test_the_daily_run_is_scheduled_and_tells_staff(harness: Harness) -> None:
    h = harness
    b = Buddies(h)
    await b.mentor("Mo")
    await b.carer("Amira")
    sam = await b.staff_member()
    await h.app.started()
    await h.app.started()
    async with h.db.transaction() as db:
        jobs = list(
            (
                await db.execute(
                    select(ScheduledJob).where(
                        ScheduledJob.kind == DAILY_MATCH, ScheduledJob.status == "pending"
                    )
                )
            ).scalars()
        )
    assert len(jobs) == 1
    local = jobs[0].run_at.astimezone(h.app.services.settings.zone)
    assert (local.hour, local.minute) == (10, 0)
    queued = await b.jobs(timedelta(hours=2))
    assert one_to(queued, sam) == "New buddy proposals to check: 1. Send /buddies to see them."
    [pairing] = await rows(h, BuddyPairing)
    assert pairing.status == "proposed"
    async with h.db.transaction() as db:
        pending = await db.scalar(
            select(ScheduledJob.run_at).where(
                ScheduledJob.kind == DAILY_MATCH, ScheduledJob.status == "pending"
            )
        )
    assert pending == jobs[0].run_at + timedelta(days=1)


async def test_the_command_line_dry_run_prints_proposals_and_gaps(harness: Harness) -> None:
    h = harness
    b = Buddies(h)
    await b.mentor("Mo")
    await b.carer("Amira")
    await b.carer("Nia", NIA)
    services = h.app.services
    async with h.db.transaction() as db:
        org = await find_org(db, h.org_name)
        assert org is not None
        lines = await describe_plan(db, org.id, org.name, services.settings, services.texts)
    assert lines[0] == (
        "Buddy proposals for Harbour Fostering (dry run: nothing changed, nobody told): 1"
    )
    assert lines[1].startswith("  Mo for Amira (score ") and lines[1].endswith(MO_REASONS)
    assert lines[2:] == [
        "Still waiting with no good match: 1",
        "  1 waiting: no mentor with parent and child placements experience in North East",
    ]
    assert await rows(h, BuddyPairing) == []


@pytest.mark.parametrize("word", ["report", "match"])
async def test_buddies_is_for_staff_in_private(harness: Harness, word: str) -> None:
    h = harness
    cara = await h.person("Cara", Role.MENTOR)
    sam = await h.person("Sam", Role.STAFF)
    group = await h.group("Staff room", "staff")
    assert "for staff members" in only_text(await h.say(f"/buddies {word}", as_=cara))
    assert "private chat" in only_text(await h.say(f"/buddies {word}", as_=sam, in_=group))
