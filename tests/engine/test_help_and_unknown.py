"""/help shows what each person may use; unknown commands get kind, role-aware suggestions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core_texts import CoreTexts
from bot.events import ButtonPressed, Message, UserRef
from bot.roles import Role
from storage.models import Account, Person
from tests.engine.helpers import count
from tests.support.harness import Harness, only_text, texts

GUEST_COMMANDS = {"start", "join", "privacy", "link", "mydata", "forgetme"}
STAFF_ONLY = {"register", "role", "invite"}


def allowed(h: Harness, role: Role) -> set[str]:
    """What the features declare this role may use (the dispatcher must list exactly these)."""
    return {
        name
        for name, specs in h.app.dispatcher.commands.items()
        for spec in specs
        if spec.role <= role and not spec.hidden
    }


def core(h: Harness) -> CoreTexts:
    return h.app.services.texts.get(CoreTexts)


def listed(help_text: str) -> set[str]:
    return {line.split(" ", 1)[0][1:] for line in help_text.splitlines() if line.startswith("/")}


@pytest.mark.parametrize(
    "role", [Role.GUEST, Role.CARER, Role.MENTOR, Role.FACILITATOR, Role.STAFF, Role.ADMIN]
)
async def test_help_lists_only_what_the_role_allows(harness: Harness, role: Role) -> None:
    h = harness
    who = h.guest("Vi") if role is Role.GUEST else await h.person("Vi", role)
    reply = only_text(await h.say("/help", as_=who))
    expected = allowed(h, role)
    assert listed(reply) == expected
    assert expected >= GUEST_COMMANDS
    assert expected & STAFF_ONLY == (STAFF_ONLY if role >= Role.STAFF else set())
    lines = reply.splitlines()
    assert lines[0] == core(h).help_header
    footer = core(h).help_footer_guest if role is Role.GUEST else core(h).help_footer
    assert lines[-1] == footer
    visible = [
        spec
        for specs in h.app.dispatcher.commands.values()
        for spec in specs
        if spec.role <= role and not spec.hidden
    ]
    for spec in visible:  # one line per handler: /report in groups and, for staff, privately
        text = core(h).command_help[spec.help_line_key]
        assert core(h).help_line.format(name=spec.name, text=text) in lines
    assert len([line for line in lines if line.startswith("/")]) == len(visible)
    line_roles = {
        core(h).help_line.format(name=s.name, text=core(h).command_help[s.help_line_key]): s.role
        for s in visible
    }
    roles_in_order = [line_roles[line] for line in lines if line.startswith("/")]
    assert roles_in_order == sorted(roles_in_order)  # the everyday commands first


async def test_help_has_other_spellings(harness: Harness) -> None:
    h = harness
    carer = await h.person("Cara")
    expected = only_text(await h.say("/help", as_=carer))
    for spelling in ("/commands", "!help", "/help@carebot", "@carebot help", "/HELP"):
        assert only_text(await h.say(spelling, as_=carer)) == expected, spelling
    assert await h.say("/help@otherbot", as_=carer) == []


async def test_help_in_a_group_follows_the_role_in_that_group(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    staff = await h.person("Sue", Role.STAFF)
    outsider = await h.person("Olu", Role.STAFF, org="Other Fostering")
    assert "register" in listed(only_text(await h.say("/help", as_=staff, in_=group)))
    outsider_sees = listed(only_text(await h.say("/help", as_=outsider, in_=group)))
    assert outsider_sees == allowed(h, Role.GUEST)


async def test_unknown_command_suggests_close_commands_the_caller_may_use(
    harness: Harness,
) -> None:
    h = harness
    staff = await h.person("Sue", Role.STAFF)
    carer = await h.person("Cara")
    staff_reply = only_text(await h.say("/regster support group", as_=staff))
    assert staff_reply == core(h).unknown_command_suggest.format(
        name="regster", suggestions="/register"
    )
    carer_reply = only_text(await h.say("/regster support group", as_=carer))
    assert "/register" not in carer_reply
    assert carer_reply == core(h).unknown_command_none.format(name="regster")
    assert "Did you mean /mydata?" in only_text(await h.say("/mydat", as_=carer))
    assert "Did you mean /help?" in only_text(await h.say("/helo", as_=carer))
    assert "/invite" not in only_text(await h.say("/invte", as_=carer))
    assert "/invite" in only_text(await h.say("/invte", as_=staff))
    assert "Did you mean /join?" in only_text(await h.say("/jion", as_=carer))


async def test_two_equally_likely_commands_are_both_suggested(harness: Harness) -> None:
    h = harness
    staff = await h.person("Sue", Role.STAFF)
    reply = only_text(await h.say("/loin", as_=staff))
    assert "Did you mean /join or /link?" in reply
    assert "Did you mean /role?" in only_text(await h.say("/rolk", as_=staff))


async def test_unknown_command_with_nothing_close(harness: Harness) -> None:
    h = harness
    reply = only_text(await h.say("/xyzzy", as_=h.guest("Gil")))
    assert reply == core(h).unknown_command_none.format(name="xyzzy")


async def test_mention_of_an_unknown_word_is_conversation_not_a_command(
    harness: Harness,
) -> None:
    h = harness
    carer = await h.person("Cara")
    group = await h.group("Tuesday")
    answer = " ".join(texts(await h.say("@carebot what is PP+?", as_=carer, in_=group)))
    assert "Pupil Premium" in answer  # a question for the FAQ, not a command
    assert not any(
        "I don't know /regster" in t
        for t in texts(await h.say("@carebot regster", as_=carer, in_=group))
    )
    assert "Here's what I can do" in only_text(await h.say("@carebot help", as_=carer, in_=group))


async def test_wrong_role_guest_is_asked_to_join_member_is_told_who_may(
    harness: Harness,
) -> None:
    h = harness
    group = await h.group("Tuesday")
    guest = h.guest("Gil")
    carer = await h.person("Cara")
    assert only_text(await h.say("/register support", as_=guest, in_=group)) == core(h).needs_join
    assert only_text(await h.say("/invite", as_=guest)) == core(h).needs_join
    assert only_text(await h.say("/invite", as_=carer)) == core(h).needs_role.format(
        name="invite", role="staff member"
    )
    reply = only_text(await h.say("/role Sam mentor", as_=carer, in_=group))
    assert reply == "Sorry, /role is for staff members. If you think you should have it, " + (
        "have a word with your fostering service."
    )


async def test_a_member_of_another_organisation_is_not_told_to_join(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    outsider = await h.person("Olu", Role.STAFF, org="Other Fostering")
    reply = only_text(await h.say("/register coffee", as_=outsider, in_=group))
    assert reply == core(h).needs_role.format(name="register", role="staff member")


async def test_dm_only_and_group_only_commands_in_the_wrong_place(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    staff = await h.person("Sue", Role.STAFF)
    assert only_text(await h.say("/invite", as_=staff, in_=group)) == core(h).dm_only.format(
        name="invite"
    )
    assert only_text(await h.say("/link", as_=staff, in_=group)) == core(h).dm_only.format(
        name="link"
    )
    assert only_text(await h.say("/register support", as_=staff)) == core(h).group_only.format(
        name="register"
    )


async def test_a_redelivered_message_is_answered_once(harness: Harness) -> None:
    h = harness
    carer = await h.person("Cara")
    event = Message(
        chat=carer.dm, sender=carer.user, text="/help", message_id="m-1", sent_at=h.clock.now()
    )
    first = await h.app.engine.handle(event)
    assert len(texts(first)) == 1
    assert await h.app.engine.handle(event) == []
    assert await h.app.engine.handle(replace(event, text="/privacy")) == []
    edited = replace(event, text="/privacy", is_edit=True)
    assert "your privacy" in only_text(await h.app.engine.handle(edited)).lower()


async def test_same_message_id_in_two_chats_is_not_a_duplicate(harness: Harness) -> None:
    h = harness
    one, two = await h.person("Cara"), await h.person("Dan")
    for actor in (one, two):
        event = Message(
            chat=actor.dm, sender=actor.user, text="/help", message_id="7", sent_at=h.clock.now()
        )
        assert len(texts(await h.app.engine.handle(event))) == 1


async def test_a_redelivered_button_press_is_handled_once(harness: Harness) -> None:
    h = harness
    carer = await h.person("Cara")
    await h.say("/forgetme", as_=carer)
    press = ButtonPressed(
        chat=carer.dm,
        sender=carer.user,
        data="forget:yes",
        message_id="m-9",
        sent_at=h.clock.now(),
        press_id="p-1",
    )
    assert "erased everything" in only_text(await h.app.engine.handle(press))
    assert await h.app.engine.handle(press) == []


async def test_messages_from_bots_are_ignored(harness: Harness) -> None:
    h = harness
    robot = UserRef(platform="console", id="other-bot", display_name="Other bot", is_bot=True)
    event = Message(
        chat=(await h.group("Tuesday")),
        sender=robot,
        text="/help",
        message_id="b-1",
        sent_at=h.clock.now(),
    )
    assert await h.app.engine.handle(event) == []
    dm = replace(event, chat=h.guest("other-bot").dm, text="/join ABCDE-23456")
    assert await h.app.engine.handle(dm) == []
    assert await count(h, Account) == 0 and await count(h, Person) == 0


async def test_an_unknown_or_expired_button(harness: Harness) -> None:
    h = harness
    carer = await h.person("Cara")
    group = await h.group("Tuesday")
    assert only_text(await h.press_data("nosuch:thing", as_=carer)) == core(h).button_expired
    reply = await h.press_data("nosuch", as_=carer, in_=group)
    assert texts(reply) == [core(h).button_expired]
    assert reply[0].chat == carer.dm  # said privately, not in the group
    guest = h.guest("Gil")
    assert "nothing waiting" in only_text(await h.press_data("consent:yes", as_=guest))
    assert "don't hold anything" in only_text(await h.press_data("forget:yes", as_=guest))


async def test_plain_conversation_gets_no_answer(harness: Harness) -> None:
    h = harness
    carer = await h.person("Cara")
    group = await h.group("Tuesday")
    assert await h.say("Morning all! Anyone going on Thursday?", as_=carer, in_=group) == []
    assert await h.say("", as_=carer, in_=group) == []
    assert await h.say("\u200b", as_=carer) == []
