"""Double consent: only two yeses introduce; a no or a week's silence is let go kindly."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.roles import Role
from storage.buddies_tables import BuddyPairing, BuddyProfile
from tests.engine.buddies_helpers import MO_REST, Buddies, one_to, said_to
from tests.engine.helpers import rows
from tests.support.harness import Actor, Harness, only_text

PAT = ("20", "kinship", "11-15", "Yorkshire", "Bradford", "English", *MO_REST)


async def offered(h: Harness) -> tuple[Buddies, Actor, Actor, Actor]:
    """Mo and Amira have both been sent the suggestion by Sam."""
    b = Buddies(h)
    mo = await b.mentor("Mo")
    amira = await b.carer("Amira")
    sam = await b.staff_member()
    await b.send_all(await b.matched())
    return b, mo, amira, sam


async def test_two_yeses_introduce_them_privately(harness: Harness) -> None:
    h = harness
    b, mo, amira, _ = await offered(h)
    first = await h.press("Yes, introduce us", as_=amira)
    assert only_text(first) == "Thank you! I'll introduce you as soon as Mo has answered too."
    intro = await h.press("Yes, introduce us", as_=mo)
    to_amira, to_mo = one_to(intro, amira), one_to(intro, mo)
    assert to_amira.startswith("Lovely: you and *Mo* both said yes, so let me introduce you!")
    assert "You can reach Mo here as @mo." in to_amira
    assert "_Hi Mo, I'm Amira. carebot put us in touch as buddies." in to_amira
    assert "You can reach Amira here as @amira." in to_mo
    assert "_Hi Amira, I'm Mo, your buddy from carebot." in to_mo
    [pairing] = await rows(h, BuddyPairing)
    assert pairing.status == "active" and pairing.introduced_at == h.clock.now()
    [waiting, _] = sorted(await rows(h, BuddyProfile), key=lambda r: r.role)
    assert waiting.status == "paired"
    # A week later nothing has lapsed: the offer's timer was cancelled.
    queued = await b.jobs(timedelta(days=7))
    assert all("let that go" not in text for text in said_to(queued, amira))


async def test_a_telegram_buddy_gets_a_link_to_tap(harness: Harness) -> None:
    h = harness
    b = Buddies(h)
    mo = await h.person("Mo", Role.MENTOR, platform="telegram")
    await b.on_file(
        mo, "mentor", ("6", "kinship", "11-15", "Yorkshire", "Leeds", "English", *MO_REST)
    )
    amira = await b.carer("Amira")
    await b.staff_member()
    intro = await b.introduce(mo, amira)
    assert "Tap here to message them on Telegram: [Mo](tg://user?id=mo)" in one_to(intro, amira)


async def test_both_saying_yes_at_the_same_moment_introduces_them_once(harness: Harness) -> None:
    h = harness
    _, mo, amira, _ = await offered(h)
    yes_mo = h.find_button("Yes, introduce us", mo.dm).data
    yes_amira = h.find_button("Yes, introduce us", amira.dm).data
    first, second = await asyncio.gather(
        h.press_data(yes_mo, as_=mo), h.press_data(yes_amira, as_=amira)
    )
    both = [*first, *second]
    intros = [t for t in said_to(both, mo) + said_to(both, amira) if "let me introduce" in t]
    assert len(intros) == 2  # one for each of them, exactly once
    [pairing] = await rows(h, BuddyPairing)
    assert pairing.status == "active"


async def test_a_mentor_saying_no_is_never_named_and_the_next_match_is_found(
    harness: Harness,
) -> None:
    h = harness
    b, mo, amira, sam = await offered(h)
    await b.mentor("Pat", PAT)
    await h.press("Yes, introduce us", as_=amira)
    declined = await h.press("Not this time", as_=mo)
    assert one_to(declined, mo).startswith("Thanks for letting me know: that's absolutely fine")
    told = one_to(declined, amira)
    assert told == (
        "I'm sorry: the introduction to Mo won't go ahead this time. That happens, and it's "
        "nothing you did. I'll look for someone else for you and be in touch."
    )
    queued = await b.jobs()
    assert one_to(queued, sam) == "New buddy proposals to check: 1. Send /buddies to see them."
    sent = await b.send_all(await h.say("/buddies", as_=sam))
    assert one_to(sent, amira).startswith("Good news, Amira! I'd like to introduce you to *Pat*")
    assert said_to(sent, mo) == []  # a declined pair is never suggested again
    assert "suggestion has closed" in only_text(await h.press_data(yes_of(h, mo), as_=mo))


def yes_of(h: Harness, who: Actor) -> str:
    """The first 'Yes' button this person was ever offered."""
    for action in h.sent:
        for button in getattr(action, "buttons", ()):
            if getattr(action, "chat", None) == who.dm and button.label == "Yes, introduce us":
                return str(button.data)
    raise AssertionError("never offered")


async def test_a_carer_saying_no_needs_no_reason_and_mo_is_told_kindly(harness: Harness) -> None:
    h = harness
    _, mo, amira, _ = await offered(h)
    declined = await h.press("Not this time", as_=amira)
    assert "no reason is needed" in one_to(declined, amira)
    assert one_to(declined, mo).startswith("The introduction to Amira won't go ahead this time.")
    assert "declined" not in one_to(declined, mo)
    [pairing] = await rows(h, BuddyPairing)
    assert (pairing.status, pairing.end_reason) == ("declined", "declined")
    [waiting, _] = sorted(await rows(h, BuddyProfile), key=lambda r: r.role)
    assert waiting.status == "waiting"  # still on the list, for someone else


async def test_a_week_without_an_answer_lets_it_go_and_pauses_the_silent_mentor(
    harness: Harness,
) -> None:
    h = harness
    b, mo, amira, _ = await offered(h)
    await h.press("Yes, introduce us", as_=amira)
    assert await b.jobs(timedelta(days=6, hours=23)) == []
    lapsed = await b.jobs(timedelta(hours=1))
    assert one_to(lapsed, mo).startswith("I didn't hear back about being Amira's buddy")
    assert "/mentor resume" in one_to(lapsed, mo)
    sorry, still_looking = said_to(lapsed, amira)
    assert sorry.startswith("I'm sorry: the introduction to Mo won't go ahead")
    # The search runs again straight away: with Mo paused there is nobody, and she's told.
    assert still_looking.startswith("Thank you for waiting, Amira. I haven't found your buddy")
    [waiting, mentor] = sorted(await rows(h, BuddyProfile), key=lambda r: r.role)
    assert (mentor.status, waiting.status) == ("paused", "waiting")
    [pairing] = await rows(h, BuddyPairing)
    assert pairing.status == "expired"
    assert "suggestion has closed" in only_text(await h.press("Yes, introduce us", as_=mo))


async def test_when_nobody_answers_both_are_paused_kindly(harness: Harness) -> None:
    h = harness
    b, _, amira, _ = await offered(h)
    lapsed = await b.jobs(timedelta(days=7))
    assert one_to(lapsed, amira).startswith("I didn't hear back about meeting Mo")
    assert "send /buddy" in one_to(lapsed, amira)
    statuses = sorted((r.role, r.status) for r in await rows(h, BuddyProfile))
    assert statuses == [("mentee", "paused"), ("mentor", "paused")]


async def test_offer_buttons_that_are_stale_or_not_yours(harness: Harness) -> None:
    h = harness
    b, mo, amira, _ = await offered(h)
    data = h.find_button("Yes, introduce us", amira.dm).data
    nosy = await h.person("Nosy")
    assert "isn't one I can use for you" in only_text(await h.press_data(data, as_=nosy))
    for bad in ("boffer:abc:y", "boffer:999:y", data.replace(":y", ":maybe")):
        assert "isn't one I can use" in only_text(await h.press_data(bad, as_=amira))
    await h.press_data(data, as_=amira)
    again = await h.press_data(data, as_=amira)
    assert only_text(again) == "Thank you! I'll introduce you as soon as Mo has answered too."
    await h.press("Yes, introduce us", as_=mo)
    assert "already been introduced" in only_text(await h.press_data(data, as_=amira))
    assert "already been introduced" in only_text(await h.press("Not this time", as_=mo))
    [pairing] = await rows(h, BuddyPairing)
    assert pairing.status == "active"
    assert await b.queued() == []
