"""Every way writing a notice can go wrong gets a kind, clear answer, and nothing is sent."""

from __future__ import annotations

import pytest

from bot.features.notices import preview as previews
from bot.roles import Role
from storage.models import OutboxItem
from storage.notices_tables import Notice
from tests.engine.helpers import count, outgoing, rows
from tests.engine.notices_support import group_in
from tests.support.harness import Actor, Harness, only_text


async def ready_to_choose(h: Harness, sam: Actor, text: str = "Training on Thursday") -> None:
    await group_in(h, "Tuesday Group", region="Leeds")
    await group_in(h, "York Coffee", purpose="coffee_morning", region="York")
    await h.say(f"/notice {text}", as_=sam)


async def test_only_staff_send_notices_and_only_privately(harness: Harness) -> None:
    h = harness
    ann = await h.person("Ann")
    fay = await h.person("Fay", Role.FACILITATOR)
    guest = h.guest("Stranger")
    for person in (ann, fay):
        answer = only_text(await h.say("/notice Hello everyone", as_=person))
        assert "staff" in answer.lower()
    assert "join" in only_text(await h.say("/notice", as_=guest)).lower()
    sam = await h.person("Sam", Role.STAFF)
    group = await group_in(h, "Tuesday Group")
    [answer] = outgoing(await h.say("/notice Hello", as_=sam, in_=group))
    assert answer.chat == group
    assert "private" in answer.text.lower()
    assert await count(h, Notice) == 0


async def test_an_empty_or_overlong_text_and_a_region_nobody_set_are_asked_again(
    harness: Harness,
) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    await h.say("/notice", as_=sam)
    empty = only_text(await h.say("   ", as_=sam))
    assert empty.startswith("I need some words to send.")
    assert "What would you like it to say?" in empty
    photo = only_text(await h.say("", as_=sam, photo=True))
    assert photo.startswith("I need some words to send.")
    long = only_text(await h.say("x" * 3600, as_=sam))
    assert long.startswith("That's a bit long for one message (3600 characters).")
    assert "Who should get it?" in only_text(await h.say("Office closed Friday", as_=sam))
    await group_in(h, "Tuesday Group")  # a group with no region
    answer = only_text(await h.press("Groups in one region", as_=sam))
    assert answer.startswith("Your groups don't have regions yet")
    typed = only_text(await h.say("groups in Leeds", as_=sam))
    assert typed.startswith("Your groups don't have regions yet")


async def test_an_unknown_region_names_the_ones_there_are(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    await ready_to_choose(h, sam)
    answer = only_text(await h.say("support groups in Leds", as_=sam))
    assert answer.startswith("I don't know a region called “leds”. Your regions are: Leeds, York.")
    assert "Who should get it?" in answer
    words = only_text(await h.say("knitting circles", as_=sam))
    assert words.startswith("I didn't understand “knitting circle”.")
    by_place = only_text(await h.say("carers in Leeds", as_=sam))
    assert by_place.startswith("I can send to people by their role, but I don't know where")
    mixed = only_text(await h.say("support groups and mentors", as_=sam))
    assert mixed.startswith("Please choose either groups or people by role")


async def test_regions_and_kinds_by_button_and_nobody_to_send_to(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    await ready_to_choose(h, sam)
    [regions] = outgoing(await h.press("Groups in one region", as_=sam))
    assert [b.label for b in regions.buttons] == ["Leeds", "York"]
    await h.press("York", as_=sam)
    await h.press("No need", as_=sam)
    preview = only_text(await h.press("Now", as_=sam))
    assert "*To:* all groups in York: 1 group" in preview
    await h.press("Change the text", as_=sam)
    preview = only_text(await h.say("Training on Friday", as_=sam))
    assert "Training on Friday" in preview and "*To:* all groups in York" in preview

    await h.say("/notice Another one", as_=sam)
    [kinds] = outgoing(await h.press("One kind of group", as_=sam))
    assert "constellations" in [b.label for b in kinds.buttons]
    nobody = only_text(await h.press("constellations", as_=sam))
    assert nobody.startswith("I couldn't find any constellations registered with me")
    nobody = only_text(await h.press("All mentors, privately", as_=sam))
    assert nobody.startswith("Nobody would get that yet (mentors, privately)")
    assert await count(h, Notice) == 0


async def test_read_receipts_and_times_that_cannot_be_read(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    await ready_to_choose(h, sam)
    await h.say("all groups", as_=sam)
    assert only_text(await h.say("perhaps", as_=sam)).startswith("Sorry, I didn't catch that.")
    await h.say("yes", as_=sam)
    blah = only_text(await h.say("whenever suits", as_=sam))
    assert blah.startswith("I couldn't read “whenever suits” as a day and time.")
    past = only_text(await h.say("8am", as_=sam))
    assert past.startswith("8am on Monday 5 January 2026 has already gone by.")
    day = only_text(await h.say("Friday", as_=sam))
    assert day.startswith("What time on Friday 9 January 2026?")
    far = only_text(await h.say("3 March 2028 9am", as_=sam))
    assert far.startswith("Friday 3 March 2028 is more than a year away.")
    feb = only_text(await h.say("30 February 9am", as_=sam))
    assert feb.startswith("I can't find “30 February” on the calendar.")
    preview = only_text(await h.say("Friday at 10:30", as_=sam))
    assert "*When:* 10:30am on Friday 9 January 2026" in preview


async def test_identifying_details_are_flagged_and_need_a_change_or_an_explicit_send(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    await ready_to_choose(h, sam, "Well done to Jayden at St Mary's Primary for his award!")
    await h.say("all groups", as_=sam)
    await h.say("no", as_=sam)
    [preview] = outgoing(await h.say("now", as_=sam))
    assert "*Please check:* this mentions a child's name and a school." in preview.text
    assert "Without them, it would read:" in preview.text
    assert [b.label for b in preview.buttons] == [
        "Use the version without them",
        "Change the text",
        "Send anyway",
        "Don't send",
    ]
    safer = only_text(await h.press("Use the version without them", as_=sam))
    assert "Jayden" not in safer and "*Please check:*" not in safer
    assert "Well done to [child's name]" in safer
    stale = only_text(await h.press("Send anyway", as_=sam))  # the old preview's button
    assert stale.startswith("That preview has closed, so I haven't sent anything.")
    assert await count(h, Notice) == 0
    await h.press("Change the text", as_=sam)
    phone = only_text(await h.say("Please call Jo on 07700 900123 to book a place.", as_=sam))
    assert "*Please check:* this mentions a phone number." in phone
    await h.press("Send anyway", as_=sam)
    [notice] = await rows(h, Notice)
    assert notice.flagged == ["phone"]
    status = only_text(await h.say("/notice status 1", as_=sam))
    assert "It was sent knowing it mentions a phone number." in status

    def broken(_text: str, _placeholders: object) -> None:
        raise RuntimeError("detector bug")

    monkeypatch.setattr(previews, "check_text", broken)  # the check itself fails
    await h.say("/notice Coffee morning moved to Friday", as_=sam)
    await h.say("all groups", as_=sam)
    await h.say("no", as_=sam)
    unchecked = only_text(await h.say("now", as_=sam))
    assert "I couldn't check this one for details that could identify a child" in unchecked
    assert only_text(await h.press("Send", as_=sam)).startswith("Done. Notice 2")


async def test_stopping_cancelling_and_stale_buttons_send_nothing(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    await ready_to_choose(h, sam)
    await h.say("all groups", as_=sam)
    moved_on = only_text(await h.press("All groups", as_=sam))  # a question already answered
    assert moved_on.startswith("That question has moved on.")
    await h.press("No need", as_=sam)
    await h.press("Now", as_=sam)
    typed = only_text(await h.say("looks good", as_=sam))
    assert typed == "Please use the buttons under the preview, or send /cancel to stop."
    assert only_text(await h.press("Don't send", as_=sam)) == (
        "OK, I won't send it. Nothing has gone out."
    )
    assert only_text(await h.press("Send", as_=sam)).startswith("That preview has closed")
    assert only_text(await h.press_data("ntq:ack:yes", as_=sam)).startswith("That question")
    assert only_text(await h.press_data("ntp:send:nonsense", as_=sam)).startswith(
        "That preview has closed"
    )
    await h.say("/notice Second try", as_=sam)
    assert only_text(await h.say("/cancel", as_=sam)).startswith("OK, I've stopped there.")
    assert only_text(await h.press("All groups", as_=sam)).startswith("That question")
    assert await count(h, Notice) == 0 and await count(h, OutboxItem) == 0


async def test_someone_no_longer_staff_cannot_finish_a_notice(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    await ready_to_choose(h, sam)
    await h.person("Sam", Role.CARER)  # their role changed mid-way
    assert "staff" in only_text(await h.press("All groups", as_=sam)).lower()
    answer = only_text(await h.say("all groups", as_=sam))
    assert answer.startswith("That preview has closed")
    assert await count(h, Notice) == 0


async def test_status_and_cancel_need_a_number_they_can_see(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    other = await h.person("Olu", Role.STAFF, org="Other Fostering")
    await group_in(h, "Tuesday Group")
    await h.say("/notice Hello", as_=sam)
    await h.say("all groups", as_=sam)
    await h.say("no", as_=sam)
    await h.say("now", as_=sam)
    await h.press("Send", as_=sam)
    needs = only_text(await h.say("/notice status", as_=sam))
    assert needs == "Which notice? For example /notice status 3. /notice list shows their numbers."
    assert only_text(await h.say("/notice cancel two", as_=sam)).startswith("Which notice?")
    missing = only_text(await h.say("/notice status 9", as_=sam))
    assert missing == "I can't find notice 9. /notice list shows your organisation's notices."
    theirs = only_text(await h.say("/notice status 1", as_=other))  # another organisation's
    assert theirs.startswith("I can't find notice 1.")
    assert only_text(await h.say("/notice cancel 1", as_=other)).startswith("I can't find")
