"""After the introduction: a week's check-in, light check-ins, a kind question, a planned end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage.buddies_tables import BuddyPairing, BuddyProfile
from tests.engine.buddies_helpers import MO_REST, Buddies, labels, one_to, said_to
from tests.engine.helpers import rows
from tests.support.harness import Actor, Harness, only_text

WEEK, FORTNIGHT = timedelta(days=7), timedelta(days=14)


async def introduced(h: Harness) -> tuple[Buddies, Actor, Actor]:
    b = Buddies(h)
    mo = await b.mentor("Mo")
    amira = await b.carer("Amira")
    await b.staff_member()
    await b.introduce(mo, amira)
    return b, mo, amira


async def test_a_week_after_the_introduction_both_are_asked(harness: Harness) -> None:
    h = harness
    b, mo, amira = await introduced(h)
    asked = await b.jobs(WEEK)
    assert one_to(asked, amira) == (
        "It's been a week since I introduced you to Mo. Have you been in touch yet?"
    )
    assert one_to(asked, mo).startswith("It's been a week since I introduced you to Amira.")
    assert labels(asked, amira) == ["Yes, we have", "Not yet"]
    assert only_text(await h.press("Yes, we have", as_=amira)) == (
        "Lovely, thank you for letting me know."
    )
    assert only_text(await h.press("Not yet", as_=mo)).startswith(
        "That's OK: life with children is busy. A short hello to Amira"
    )
    [pairing] = await rows(h, BuddyPairing)
    assert pairing.last_contact_at == h.clock.now()
    assert (
        "last in touch 12 Jan" in said_to(await h.say("/buddies report", as_=b.staff), b.staff)[1]
    )


async def test_light_check_ins_every_two_weeks_then_a_planned_ending(harness: Harness) -> None:
    h = harness
    b, mo, amira = await introduced(h)
    check_ins = 0
    for step in (WEEK, *[FORTNIGHT] * 12):
        asked = await b.jobs(step)
        check_ins += len(said_to(asked, amira))
        await h.press("Yes, we have", as_=amira)  # Amira always answers
        assert one_to(asked, mo)
    assert check_ins == 13
    assert "couple of weeks" in said_to(asked, amira)[0]
    # Introduced at 09:00 on 5 January (GMT); the end is 09:00 on 5 July, London time (BST).
    h.clock.set(datetime(2026, 7, 5, 7, 59, tzinfo=UTC))
    assert await b.jobs() == []
    ending = await b.jobs(timedelta(minutes=1))
    assert one_to(ending, amira).startswith(
        "It's been 6 months since I introduced you to Mo, so your buddy pairing comes to its "
        "planned end. Thank you for taking part!"
    )
    assert labels(ending, amira) == ["1", "2", "3", "4", "5"]
    assert "How helpful was it" in one_to(ending, mo)
    rated = only_text(await h.press("5", as_=amira))
    assert rated.startswith("Thank you, that helps us a lot.")
    assert "carry on with Mo informally" in rated
    assert "already answered" in only_text(await h.press("4", as_=amira))
    assert only_text(await h.press("Yes, we'll keep in touch", as_=amira)) == (
        "Lovely. Enjoy keeping in touch with Mo."
    )
    assert "already answered" in only_text(await h.press("No, thank you", as_=amira))
    await h.press("4", as_=mo)
    assert "All the best" in only_text(await h.press("No, thank you", as_=mo))
    assert "has finished" in only_text(await h.press("Yes, we have", as_=amira))
    assert await b.jobs(timedelta(days=60)) == []  # nothing more after the end
    [pairing] = await rows(h, BuddyPairing)
    assert (pairing.status, pairing.end_reason) == ("ended", "planned")
    assert (pairing.mentee_rating, pairing.mentor_rating) == (5, 4)
    assert (pairing.mentee_carry_on, pairing.mentor_carry_on) == (True, False)
    report = said_to(await h.say("/buddies report", as_=b.staff), b.staff)[0]
    assert "- Endings: finished as planned 1" in report
    assert "- How helpful buddies were: 4.5 out of 5 on average, from 2 answers (5: 1, 4: 1)" in (
        report
    )


async def test_a_carer_who_stops_answering_is_asked_kindly_what_she_would_like(
    harness: Harness,
) -> None:
    h = harness
    b, mo, amira = await introduced(h)
    await b.mentor("Pat", ("20", "kinship", "11-15", "Yorkshire", "York", "English", *MO_REST))
    for step in (WEEK, FORTNIGHT, FORTNIGHT):
        assert "been in touch" in one_to(await b.jobs(step), amira)
    asked = await b.jobs(FORTNIGHT)
    assert one_to(asked, amira).startswith("Hello. I haven't heard from you for a while")
    assert labels(asked, amira) == ["Carry on", "A different buddy", "A pause"]
    assert "been in touch" in one_to(asked, mo)
    assert "older check-in" in only_text(await h.press_data(old_check_in(h, amira), as_=amira))
    changed = await h.press("A different buddy", as_=amira)
    assert one_to(changed, amira).startswith("Of course. I'll look for a different buddy")
    assert one_to(changed, mo).startswith("Your buddy pairing with Amira has come to an end.")
    assert "won't" not in one_to(changed, mo) and "asked" not in one_to(changed, mo)
    queued = await b.jobs()
    assert "New buddy proposals to check: 1." in one_to(queued, b.staff)
    proposals = said_to(await h.say("/buddies", as_=b.staff), b.staff)
    assert any(p.startswith("*Pat* as buddy for *Amira*") for p in proposals)
    assert "has finished" in only_text(await h.press("A pause", as_=amira))
    assert said_to(await b.jobs(timedelta(days=200)), mo) == []  # no more check-ins for Mo


async def test_a_pause_or_carrying_on(harness: Harness) -> None:
    h = harness
    b, mo, amira = await introduced(h)
    for step in (WEEK, FORTNIGHT, FORTNIGHT, FORTNIGHT):
        await b.jobs(step)
    assert only_text(await h.press("Carry on", as_=amira)) == "Lovely. I'll leave you and Mo to it."
    assert "been in touch" in one_to(await b.jobs(FORTNIGHT), amira)  # counting starts again
    for step in (FORTNIGHT, FORTNIGHT, FORTNIGHT):
        await b.jobs(step)
    assert "Carry on" in labels(h.sent, amira)
    paused = await h.press("A pause", as_=amira)
    assert one_to(paused, amira).startswith("Of course. I've paused things for you.")
    assert one_to(paused, mo).startswith("Your buddy pairing with Amira has come to an end.")
    [waiting, _] = sorted(await rows(h, BuddyProfile), key=lambda r: r.role)
    assert waiting.status == "paused"
    assert said_to(await b.jobs(timedelta(days=120)), amira) == []


async def test_follow_up_buttons_that_are_not_yours_or_out_of_date(harness: Harness) -> None:
    h = harness
    b, mo, amira = await introduced(h)
    await b.jobs(WEEK)
    [pairing] = await rows(h, BuddyPairing)
    data = h.find_button("Yes, we have", amira.dm).data
    assert data == f"bcheck:{pairing.id}:1:y"
    nosy = await h.person("Nosy")
    not_yours = "That button isn't one I can use for you. Send /help to see what I can do."
    for bad, who in (
        (data, nosy),
        ("bcheck:x:1:y", amira),
        (f"bnext:{pairing.id}:d", mo),  # only the carer chooses a different buddy
        (f"bnext:{pairing.id}:z", amira),
        (f"brate:{pairing.id}:5", amira),  # not ended yet
        (f"bcarry:{pairing.id}:y", mo),
    ):
        assert only_text(await h.press_data(bad, as_=who)) == not_yours
    old = f"bcheck:{pairing.id}:7:y"
    assert "older check-in" in only_text(await h.press_data(old, as_=mo))
    assert "older check-in" in only_text(await h.press_data(f"bcheck:{pairing.id}:x:y", as_=mo))


def old_check_in(h: Harness, who: Actor) -> str:
    """The first "Yes, we have" button this person was ever shown."""
    for action in h.sent:
        for button in getattr(action, "buttons", ()):
            if getattr(action, "chat", None) == who.dm and button.label == "Yes, we have":
                return str(button.data)
    raise AssertionError("no check-in was shown")
