"""Opting in: Mo offers to be a buddy, Amira asks for one, step by step, in private."""

from __future__ import annotations

from bot.roles import Role
from storage.buddies_tables import BuddyProfile
from tests.engine.buddies_helpers import AMIRA, MO, MO_REST, Buddies, labels
from tests.engine.helpers import count, rows
from tests.support.harness import Harness, only_text, texts


async def test_mo_offers_to_be_a_buddy_tapping_buttons(harness: Harness) -> None:
    h = harness
    mo = await h.person("Mo", Role.MENTOR)
    start, first = texts(await h.say("/mentor", as_=mo))
    assert start.startswith("Thank you for offering to be a buddy, Mo!")
    assert first.startswith("How long have you been caring?")
    kinds = await h.say("about 6 years", as_=mo)
    assert "Kinship / connected person" in labels(kinds, mo)
    assert "So far: Kinship / connected person" in only_text(
        await h.press("Kinship / connected person", as_=mo)
    )
    assert (
        only_text(await h.press("Teenagers", as_=mo))
        == "So far: Kinship / connected person, Teenagers. Tap another, or Done."
    )
    assert only_text(await h.press("Done", as_=mo)).startswith("What ages are the children")
    await h.press("11 to 15", as_=mo)
    await h.press("Done", as_=mo)
    assert "Tap Skip" in only_text(await h.press("Yorkshire and the Humber", as_=mo))
    assert "languages" in only_text(await h.say("Leeds", as_=mo))
    await h.press("English", as_=mo)
    await h.say("evenings & weekends", as_=mo)
    await h.press("Messages", as_=mo)
    assert "How many carers" in only_text(await h.press("Done", as_=mo))
    saved = only_text(await h.press("2", as_=mo))
    assert saved.startswith("Thank you, Mo: you're on the list of buddies.")
    assert "- Kinds of care: kinship care and teenagers" in saved
    assert "- Where: Yorkshire and the Humber" in saved
    assert "- Council: Leeds" in saved
    assert "- Buddies at once: 2" in saved
    assert "/mentor pause" in saved
    [row] = await rows(h, BuddyProfile)
    assert (row.role, row.status, row.years_caring, row.capacity) == ("mentor", "active", 6, 2)
    assert row.care_kinds == ["kinship", "teenagers"] and row.age_ranges == ["11-15"]
    assert row.languages == ["english"] and row.contact_ways == ["messages"]


async def test_answers_i_cannot_read_are_asked_again_kindly(harness: Harness) -> None:
    h = harness
    mo = await h.person("Mo", Role.MENTOR)
    await h.say("/mentor", as_=mo)
    again = only_text(await h.say("quite a while", as_=mo))
    assert again.startswith("Sorry, I didn't quite catch that.")
    assert again.endswith('For example, "6 years".')
    await h.say("6", as_=mo)
    again = only_text(await h.say("kinship and fostr stuff", as_=mo))
    assert again.startswith('Sorry, I didn\'t catch "fostr stuff".')
    assert "Which kinds of care" in again
    # What was understood is kept: Done now accepts kinship care.
    assert only_text(await h.press("Done", as_=mo)).startswith("What ages")
    await h.say("teens", as_=mo)
    assert "didn't quite catch" in only_text(await h.say("Narnia", as_=mo))
    await h.say("NE", as_=mo)
    await h.press("Skip", as_=mo)
    await h.say("English, BSL", as_=mo)
    await h.say("weekends", as_=mo)
    await h.say("phone", as_=mo)
    assert "didn't quite catch" in only_text(await h.say("5", as_=mo))
    saved = only_text(await h.say("one", as_=mo))
    assert "- Council: not said" in saved
    assert "- Languages: British Sign Language and English" in saved
    assert "- Where: North East" in saved


async def test_done_with_nothing_chosen_asks_for_one(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira")
    await h.say("/buddy", as_=amira)
    assert only_text(await h.press("Done", as_=amira)) == (
        "Please choose at least one, or type your answer."
    )
    # Tapping the same choice twice takes it away again.
    await h.press("Teenagers", as_=amira)
    assert only_text(await h.press("Teenagers", as_=amira)) == (
        "Please choose at least one, or type your answer."
    )


async def test_cancel_stops_the_questions_and_saves_nothing(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira")
    await h.say("/buddy", as_=amira)
    await h.say("kinship", as_=amira)
    assert "stopped there" in only_text(await h.say("/cancel", as_=amira))
    assert await count(h, BuddyProfile) == 0
    stale = only_text(await h.press("Teenagers", as_=amira))
    assert stale.startswith("That button belongs to an earlier question.")


async def test_amira_asks_for_a_buddy_and_can_update_her_answers(harness: Harness) -> None:
    h = harness
    b = Buddies(h)
    amira = await h.person("Amira")
    actions = await b.answers(amira, "/buddy", AMIRA)
    assert texts(actions)[0].startswith("Hello Amira. A buddy is an experienced carer")
    saved = texts(actions)[-1]
    assert saved.startswith("Thank you, Amira: you're on the list for a buddy.")
    assert "Nothing happens without your say-so." in saved
    assert "Caring for" not in saved and "Buddies at once" not in saved
    await b.answers(
        amira, "/buddy", ("respite", "0-4", "London", "Camden", "English", "any", "any")
    )
    [row] = await rows(h, BuddyProfile)
    assert row.care_kinds == ["respite"] and row.region == "London"
    assert row.availability == ["weekday_daytime", "evenings", "weekends"]


async def test_a_stale_question_button_is_explained(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira")
    await h.say("/buddy", as_=amira)
    await h.say("kinship", as_=amira)
    stale = await h.press_data("bq:care_kinds:kinship", as_=amira)
    assert only_text(stale).startswith("That button belongs to an earlier question.")
    assert "didn't" not in only_text(await h.press_data("bq:region:99", as_=amira))


async def test_mentor_pause_and_resume(harness: Harness) -> None:
    h = harness
    b = Buddies(h)
    mo = await h.person("Mo", Role.MENTOR)
    assert "Send /mentor to start" in only_text(await h.say("/mentor pause", as_=mo))
    await b.answers(mo, "/mentor", (*MO, *MO_REST))
    assert only_text(await h.say("/mentor pause", as_=mo)).startswith("Done: I won't suggest")
    assert "already paused" in only_text(await h.say("/mentor pause", as_=mo))
    updated = texts(await b.answers(mo, "/mentor", (*MO, *MO_REST)))[-1]
    assert "Your buddy offers are paused just now." in updated
    assert only_text(await h.say("/mentor resume", as_=mo)).startswith("Welcome back!")
    assert "already on the list" in only_text(await h.say("/mentor resume", as_=mo))
    assert "/mentor pause to take a break" in only_text(await h.say("/mentor holiday", as_=mo))


async def test_only_the_right_people_in_the_right_place(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    group = await h.group("Tuesday")
    assert "for mentors" in only_text(await h.say("/mentor", as_=cara))
    assert "private chat" in only_text(await h.say("/buddy", as_=cara, in_=group))
    assert "join first" in only_text(await h.say("/buddy", as_=h.guest("Gil")))
    assert "join first" in only_text(await h.press_data("boffer:1:y", as_=h.guest("Gil")))
    assert "/buddy notwith NAME" in only_text(await h.say("/buddy please", as_=cara))
    assert "/mentor" in only_text(await h.say("/help", as_=await h.person("Mo", Role.MENTOR)))
