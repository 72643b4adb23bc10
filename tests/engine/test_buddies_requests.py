"""Private rather-not lists, staff inviting a new carer, and a buddy asking the team for help."""

from __future__ import annotations

from bot.roles import Role
from storage.buddies_tables import BuddyPairing, BuddyRatherNot
from storage.models import Person
from tests.engine.buddies_helpers import Buddies, labels, one_to, said_to
from tests.engine.helpers import count, rows
from tests.support.harness import Harness, only_text, texts


async def test_rather_not_is_private_and_can_be_listed_and_removed(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira")
    mo = await h.person("Mo", Role.MENTOR)
    sam = await h.person("Sam", Role.STAFF)
    assert "Your list is empty." in only_text(await h.say("/buddy notwith", as_=amira))
    added = await h.say("/buddy notwith mo", as_=amira)
    assert one_to(added, amira) == (
        "Noted, privately: I won't pair you with Mo. Nobody else will see this, including Mo."
    )
    assert said_to(added, mo) == [] and said_to(added, sam) == []
    await h.say("/buddy notwith Mo", as_=amira)  # twice is still once
    assert await count(h, BuddyRatherNot) == 1
    listed = await h.say("/buddy notwith", as_=amira)
    assert "Only you can see this list" in only_text(listed) and "- Mo" in only_text(listed)
    assert labels(listed, amira) == ["Remove Mo"]
    assert only_text(await h.press("Remove Mo", as_=amira)) == "Done: I've taken Mo off your list."
    assert "no longer on your list" in only_text(await h.press("Remove Mo", as_=amira))
    assert await count(h, BuddyRatherNot) == 0


async def test_rather_not_names_that_are_missing_mine_or_shared(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira")
    await h.person("Mo Khan", Role.MENTOR)
    await h.person("Mo Smith", Role.MENTOR)
    assert "couldn't find anyone called Zed" in only_text(
        await h.say("/buddy notwith Zed", as_=amira)
    )
    assert only_text(await h.say("/buddy notwith amira", as_=amira)).startswith("That's you!")
    several = await h.say("/buddy notwith Mo", as_=amira)
    assert "more than one Mo" in only_text(several)
    assert labels(several, amira) == ["Mo Khan", "Mo Smith"]
    assert "won't pair you with Mo Smith" in only_text(await h.press("Mo Smith", as_=amira))
    assert "no longer on your list" in only_text(await h.press_data("bnot:rm:x", as_=amira))
    [smith] = await rows(h, Person, Person.display_name == "Mo Smith")
    outsider = await h.person("Olly", org="Other Fostering")
    assert "couldn't find" in only_text(await h.press_data(f"bnot:add:{smith.id}", as_=outsider))


async def test_rather_not_withdraws_a_proposal_not_yet_sent(harness: Harness) -> None:
    h = harness
    b = Buddies(h)
    mo = await b.mentor("Mo")
    amira = await b.carer("Amira")
    sam = await b.staff_member()
    await b.matched()
    await h.say("/buddy notwith Mo", as_=amira)
    [pairing] = await rows(h, BuddyPairing)
    assert pairing.status == "cancelled"
    overview = texts(await h.say("/buddies", as_=sam))
    assert overview[0].startswith("*Buddy programme*: 0 to check")
    assert not any("Mo" in line for line in overview)
    # The next run respects the list: no new proposal of Mo for Amira, who is told kindly.
    again = await b.matched()
    assert "New proposals: 0. Still waiting for a match: 1." in said_to(again, sam)[0]
    assert one_to(again, amira).startswith("Thank you for waiting, Amira. I haven't found")
    assert "Mo" not in one_to(again, amira)
    assert not any("Amira" in text for text in said_to(h.sent, mo))


async def test_staff_invite_a_newly_approved_carer(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    amira = await h.person("Amira")
    invited = await h.say("/buddy invite Amira", as_=sam)
    assert one_to(invited, sam) == "I've asked Amira privately whether they'd like a buddy."
    ask = one_to(invited, amira)
    assert ask.startswith("Hello Amira, and welcome to Harbour Fostering!")
    assert labels(invited, amira) == ["Yes, I'd like a buddy", "Not now"]
    assert "If you change your mind" in only_text(await h.press("Not now", as_=amira))
    questions = texts(await h.press("Yes, I'd like a buddy", as_=amira))
    assert questions[0].startswith("Hello Amira. A buddy is")
    assert questions[1].startswith("What kind of care do you give?")


async def test_staff_invite_needs_staff_and_a_name_that_exists(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    cara = await h.person("Cara")
    await h.person("Amira Ali")
    await h.person("Amira Begum")
    assert "one for the staff team" in only_text(await h.say("/buddy invite Amira", as_=cara))
    assert "couldn't find anyone called Zed" in only_text(await h.say("/buddy invite Zed", as_=sam))
    assert "/buddy notwith NAME" in only_text(await h.say("/buddy invite", as_=sam))
    several = await h.say("/buddy invite Amira", as_=sam)
    assert "more than one Amira" in only_text(several)
    [_, second] = labels(several, sam)
    chosen = await h.press(second, as_=sam)
    assert "I've asked Amira Begum privately" in " ".join(said_to(chosen, sam))
    assert "couldn't find" in only_text(await h.press_data("binvp:999", as_=sam))


async def test_a_buddy_asks_the_team_for_a_word(harness: Harness) -> None:
    h = harness
    mo = await h.person("Mo", Role.MENTOR)
    sam = await h.person("Sam", Role.STAFF)
    ada = await h.person("Ada", Role.ADMIN)
    await h.person("Fay", Role.FACILITATOR)
    asked = await h.say("/buddy help", as_=mo)
    assert one_to(asked, mo).startswith("I've let the team know you'd like a word.")
    alert = "Mo, one of your buddies, would like a word with someone from the team."
    assert one_to(asked, sam).startswith(alert) and one_to(asked, ada).startswith(alert)
    assert len(said_to(asked, mo) + said_to(asked, sam) + said_to(asked, ada)) == len(asked)
    cara = await h.person("Cara")
    assert "supervising social worker" in only_text(await h.say("/buddy help", as_=cara))


async def test_a_buddy_with_no_team_to_tell_is_pointed_to_the_service(harness: Harness) -> None:
    h = harness
    mo = await h.person("Mo", Role.MENTOR)
    assert "contact your fostering service directly" in only_text(
        await h.say("/buddy help", as_=mo)
    )
