"""Someone leaves mid-pairing: the other side is told kindly; a carer goes first in line again."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete

from storage.buddies_tables import BuddyPairing, BuddyProfile, BuddyRatherNot
from storage.models import ConversationState, Membership, Person
from tests.engine.buddies_helpers import MO, MO_REST, Buddies, one_to, said_to
from tests.engine.helpers import count, rows
from tests.support.harness import Actor, Harness, only_text

PAT = ("20", "kinship and teenagers", "11-15", "Yorkshire", "Leeds", "English", *MO_REST)


async def forget(h: Harness, who: Actor) -> None:
    await h.say("/forgetme", as_=who)
    await h.press("Yes, erase it all", as_=who)


async def introduced(h: Harness) -> tuple[Buddies, Actor, Actor]:
    b = Buddies(h)
    mo = await b.mentor("Mo")
    amira = await b.carer("Amira")
    await b.staff_member()
    await b.introduce(mo, amira)
    return b, mo, amira


async def test_a_mentor_who_is_no_longer_a_mentor_and_amira_is_rematched_first(
    harness: Harness,
) -> None:
    h = harness
    b = Buddies(h)
    mo = await b.mentor("Mo", (*MO, "evenings", "messages", "1"))
    bea = await b.carer("Bea")  # asked first, but would rather not have Mo
    await h.say("/buddy notwith Mo", as_=bea)
    h.clock.advance(timedelta(hours=1))
    amira = await b.carer("Amira")
    sam = await b.staff_member()
    await b.introduce(mo, amira)
    await h.say("/role Mo carer", as_=sam)
    await b.mentor("Pat", (*PAT[:-1], "1"))  # one place: Bea waited longer, Amira goes first
    ran = await b.matched()
    told = one_to(ran, amira)
    assert told.startswith("Hello Amira. I'm sorry to tell you that your buddy isn't able")
    assert "I'll look for a new buddy for you first" in told and "Mo" not in told
    assert any(t.startswith("*Pat* as buddy for *Amira*") for t in said_to(ran, sam))
    assert "supporting other carers just now" in one_to(ran, bea)
    assert said_to(ran, mo) == []
    ended = [p for p in await rows(h, BuddyPairing) if p.status == "ended"]
    assert [(p.end_reason, p.mentor_id is not None) for p in ended] == [("mentor_left", True)]


async def test_a_mentor_who_erases_their_data_mid_pairing(harness: Harness) -> None:
    h = harness
    b, mo, amira = await introduced(h)
    await b.mentor("Pat", PAT)
    await forget(h, mo)
    assert await count(h, BuddyProfile, BuddyProfile.role == "mentor") == 1  # only Pat's
    [pairing] = await rows(h, BuddyPairing)
    assert pairing.mentor_id is None and pairing.mentee_id is not None
    queued = await b.jobs()  # carebot tells Amira and looks again, within a minute for real
    told = one_to(queued, amira)
    assert told.startswith("Hello Amira. I'm sorry to tell you that your buddy isn't able")
    assert "Mo" not in told
    assert "New buddy proposals to check: 1." in one_to(queued, b.staff)
    [ended, proposed] = await rows(h, BuddyPairing)
    assert (ended.status, ended.end_reason) == ("ended", "mentor_left")
    assert proposed.status == "proposed"
    assert await b.jobs() == []  # told once


async def test_a_carer_who_erases_their_data_mid_pairing(harness: Harness) -> None:
    h = harness
    b, mo, amira = await introduced(h)
    await h.say("/buddy notwith Pat", as_=amira)
    await b.mentor("Pat", PAT)
    await h.say("/buddy notwith Pat", as_=amira)
    await h.say("/buddy", as_=amira)  # in the middle of updating her answers
    await forget(h, amira)
    assert await count(h, BuddyProfile, BuddyProfile.role == "mentee") == 0
    assert await count(h, BuddyRatherNot) == 0
    assert await count(h, ConversationState) == 0
    queued = await b.jobs()
    assert one_to(queued, mo) == (
        "Hello Mo. Your buddy pairing has come to an end, as the carer you were supporting is "
        "no longer taking part. Thank you for everything you did for them. You don't need to "
        "do anything else."
    )
    [pairing] = await rows(h, BuddyPairing)
    assert (pairing.status, pairing.mentee_id, pairing.end_reason) == ("ended", None, "mentee_left")
    report = said_to(await h.say("/buddies report", as_=b.staff), b.staff)
    assert "- Endings: carer left 1" in report[0]
    assert len(report) == 1  # no active pairs left to name


async def test_erasing_while_a_suggestion_is_out_withdraws_it_kindly(harness: Harness) -> None:
    h = harness
    b = Buddies(h)
    mo = await b.mentor("Mo")
    amira = await b.carer("Amira")
    await b.staff_member()
    await b.send_all(await b.matched())
    await forget(h, mo)
    withdrawn, still_looking = said_to(await b.jobs(), amira)
    assert withdrawn.startswith("The buddy suggestion I sent you earlier won't go ahead")
    assert "Mo" not in withdrawn
    assert still_looking.startswith("Thank you for waiting, Amira. I haven't found your buddy")
    [pairing] = await rows(h, BuddyPairing)
    assert pairing.status == "cancelled"
    assert "suggestion has closed" in only_text(await h.press("Yes, introduce us", as_=amira))


async def test_a_carer_who_leaves_the_service_ends_the_pairing(harness: Harness) -> None:
    h = harness
    b, mo, amira = await introduced(h)
    [person] = await rows(h, Person, Person.display_name == "Amira")
    async with h.db.transaction() as db:  # as an administrator removing her would
        await db.execute(delete(Membership).where(Membership.person_id == person.id))
    ran = await b.matched()
    assert one_to(ran, mo).startswith("Hello Mo. Your buddy pairing has come to an end")
    assert said_to(ran, amira) == []
    [pairing] = await rows(h, BuddyPairing)
    assert (pairing.status, pairing.end_reason) == ("ended", "mentee_left")


async def test_mydata_shows_buddy_answers_lists_and_pairings(harness: Harness) -> None:
    h = harness
    _, mo, amira = await introduced(h)
    await h.person("Kim")
    await h.say("/buddy notwith Kim", as_=amira)
    mine = only_text(await h.say("/mydata", as_=amira))
    assert "*Your answers when asking for a buddy*: status: paired; kinds of care: kinship" in mine
    assert "*People you'd rather not be paired with*:\n- Kim" in mine
    assert "*Your buddy pairings*:\n- as mentee, with Mo: active" in mine
    his = only_text(await h.say("/mydata", as_=mo))
    assert (
        "*Your buddy (mentor) answers*: status: active; years caring: 6; buddies at once: 2" in his
    )
    assert "Kim" not in his
    assert "- as mentor, with Amira: active" in his
