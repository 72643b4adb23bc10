"""The buddy programme as one conversation: from Mo offering to help, to a week after the hello."""

from __future__ import annotations

from datetime import timedelta

from bot.roles import Role
from tests.engine.buddies_helpers import Buddies, labels, one_to, said_to
from tests.support.harness import Harness, only_text, texts


async def test_mo_and_amira_become_buddies(harness: Harness) -> None:
    h = harness
    b = Buddies(h)
    mo = await h.person("Mo", Role.MENTOR)
    amira = await h.person("Amira")
    sam = await b.staff_member("Sam")

    # Mo offers to be a buddy, answering one question at a time.
    await h.say("/mentor", as_=mo)
    for answer in ("about 8 years", "kinship and teenagers", "teens", "Yorkshire", "Leeds"):
        await h.say(answer, as_=mo)
    await h.press("English", as_=mo)
    await h.say("evenings and weekends", as_=mo)
    await h.say("WhatsApp or a call", as_=mo)
    assert "you're on the list of buddies" in only_text(await h.press("2", as_=mo))

    # Amira, new to kinship care, asks for a buddy.
    await h.say("/buddy", as_=amira)
    await h.press("Kinship / connected person", as_=amira)
    await h.press("Done", as_=amira)
    await h.say("my grandson is 14", as_=amira)  # nothing here to read as an age
    await h.press("11 to 15", as_=amira)
    await h.press("Done", as_=amira)
    await h.press("Yorkshire and the Humber", as_=amira)
    await h.say("Leeds", as_=amira)
    await h.press("English", as_=amira)
    await h.say("evenings", as_=amira)
    saved = only_text(await h.say("messages", as_=amira))
    assert "you're on the list for a buddy" in saved

    # Three days later, staff look, and send the proposal.
    h.clock.advance(timedelta(days=3))
    shown = said_to(await h.say("/buddies match", as_=sam), sam)
    assert shown[0] == "I've looked for matches. New proposals: 1. Still waiting for a match: 0."
    assert shown[2].startswith("*Mo* as buddy for *Amira*")
    assert "you both have experience of kinship care" in shown[2]
    offers = await h.press("Send", as_=sam)
    assert "Why I thought of Mo: you both have experience of kinship care" in one_to(offers, amira)
    assert "Why I thought of you:" in one_to(offers, mo)

    # Both say yes: carebot introduces them privately.
    await h.press("Yes, introduce us", as_=mo)
    intro = await h.press("Yes, introduce us", as_=amira)
    assert "You can reach Mo here as @mo." in one_to(intro, amira)
    assert "You can reach Amira here as @amira." in one_to(intro, mo)
    assert said_to(intro, sam) == []

    # A week later, both are asked how it's going.
    week = await b.jobs(timedelta(days=7))
    assert "Have you been in touch yet?" in one_to(week, amira)
    assert labels(week, mo) == ["Yes, we have", "Not yet"]
    assert "Lovely" in only_text(await h.press("Yes, we have", as_=amira))
    assert "Lovely" in only_text(await h.press("Yes, we have", as_=mo))

    # Staff see how the programme is doing.
    counts, names = texts(await h.say("/buddies report", as_=sam))
    assert "- Active pairs: 1" in counts and "- Introduced so far: 1" in counts
    assert "- From asking to introduction: 3 days (median of 1)" in counts
    assert "Mo" not in counts and "Amira" not in counts
    assert names == (
        "*For staff only: active pairs*\n- Mo and Amira: introduced 8 Jan, last in touch 15 Jan"
    )
