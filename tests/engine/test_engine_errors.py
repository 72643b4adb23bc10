"""When things go wrong: a locked database, a crashing handler, and platforms without buttons."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import pytest
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app import build_app, feature_routers
from bot.capabilities import Capabilities
from bot.clock import FakeClock
from bot.commands import ParsedCommand
from bot.context import Context
from bot.core_texts import CoreTexts
from bot.engine import is_transient_db_error
from bot.events import Action, Outgoing
from bot.roles import Role
from bot.router import Router
from config.settings import Settings
from config.texts import Texts
from storage.database import Database
from storage.models import Invite, Membership, PendingChoice, PendingJoin, Person
from tests.engine.helpers import count, make_invite, outgoing, rows
from tests.support.harness import PLATFORM, Harness, only_text, texts


@pytest.fixture
def capabilities() -> dict[str, Capabilities]:
    """The console platform here has no buttons: choices become numbered replies."""
    return {PLATFORM: Capabilities(buttons=False), "buttons": Capabilities(buttons=True)}


def core(h: Harness) -> CoreTexts:
    return h.app.services.texts.get(CoreTexts)


class Locked:
    """Makes the next `failures` units of work fail at commit with 'database is locked'."""

    def __init__(self, h: Harness, monkeypatch: pytest.MonkeyPatch, failures: int) -> None:
        self.failures = failures
        self.attempts = 0
        original = h.db.transaction

        @asynccontextmanager
        async def transaction() -> AsyncIterator[AsyncSession]:
            async with original() as session:
                yield session
                self.attempts += 1
                if self.failures > 0:
                    self.failures -= 1
                    raise OperationalError("COMMIT", None, Exception("database is locked"))

        monkeypatch.setattr(h.db, "transaction", transaction)


# --- a briefly locked database -------------------------------------------------------------


async def test_a_briefly_locked_database_is_retried_with_one_answer(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    locked = Locked(h, monkeypatch, failures=2)
    answers = outgoing(await h.say("/invite mentor", as_=sue))
    assert len(answers) == 1
    assert only_text(answers).startswith("Here's a one-time invite code to join as a mentor")
    assert locked.attempts == 3
    [invite] = await rows(h, Invite)
    assert invite.role == "mentor"


async def test_a_database_that_stays_locked_says_busy_and_saves_nothing(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = harness
    code = await make_invite(h)
    amira = h.guest("Amira")
    await h.say(f"/join {code}", as_=amira)
    assert await count(h, PendingJoin) == 1

    Locked(h, monkeypatch, failures=3)
    assert only_text(await h.say("1", as_=amira)) == core(h).busy
    assert await count(h, Person) == 0  # nothing half-saved
    assert await count(h, PendingJoin) == 1  # and nothing half-deleted
    assert await count(h, PendingChoice) == 1
    [invite] = await rows(h, Invite)
    assert invite.redeemed_at is None

    assert "Welcome, Amira" in only_text(await h.say("1", as_=amira))  # trying again works
    assert await count(h, Person) == 1 and await count(h, PendingJoin) == 0


async def test_busy_is_said_where_the_person_wrote(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    group = await h.group("Tuesday", register=False)
    Locked(h, monkeypatch, failures=5)
    [answer] = await h.say("/register support", as_=sue, in_=group)
    assert isinstance(answer, Outgoing) and answer.chat == group and answer.text == core(h).busy


class _Orig(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__("could not serialize access")
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (OperationalError("x", None, Exception("database is locked")), True),
        (OperationalError("x", None, Exception("database table is locked")), True),
        (OperationalError("x", None, _Orig("40001")), True),
        (OperationalError("x", None, _Orig("40P01")), True),
        (OperationalError("x", None, _Orig("23505")), False),
        (OperationalError("x", None, Exception("disk I/O error")), False),
        (RuntimeError("database is locked"), False),
    ],
)
def test_which_database_errors_are_worth_retrying(error: Exception, transient: bool) -> None:
    assert is_transient_db_error(error) is transient


# --- a handler that crashes -------------------------------------------------------------------


def crashing_router() -> Router:
    router = Router("crash")

    @router.command("boom", role=Role.GUEST, hidden=True)
    async def boom(ctx: Context, _command: ParsedCommand) -> None:
        ctx.db.add(Person(display_name="half saved", created_at=ctx.now()))
        await ctx.db.flush()
        ctx.reply("this must never be sent")
        raise RuntimeError("a bug in a feature")

    @router.button("boom")
    async def boom_button(_ctx: Context, _arg: str) -> None:
        raise KeyError("missing")

    return router


@pytest.fixture
def crashing(database: Database, settings: Settings, texts: Texts, clock: FakeClock) -> Harness:
    app = build_app(
        settings=settings,
        texts=texts,
        clock=clock,
        db=database,
        routers=[*feature_routers(), crashing_router()],
    )
    return Harness(app=app, clock=clock)


async def test_a_crashing_handler_is_apologised_for_and_the_engine_carries_on(
    crashing: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h = crashing
    carer = await h.person("Cara")
    with caplog.at_level(logging.ERROR, logger="bot.engine"):
        answers = outgoing(await h.say("/boom", as_=carer))
    assert only_text(answers) == core(h).something_wrong
    assert "wasn't anything you did" in answers[0].text
    assert any("handler failed" in r.message for r in caplog.records)
    assert await count(h, Person, Person.display_name == "half saved") == 0
    assert only_text(await h.press_data("boom:1", as_=carer)) == core(h).something_wrong

    assert "Here's what I can do" in only_text(await h.say("/help", as_=carer))
    assert "/boom" not in only_text(await h.say("/help", as_=carer))  # hidden
    assert await count(h, Membership) == 1


# --- numbered choices where a platform has no buttons --------------------------------------


async def test_buttons_become_numbered_lines(harness: Harness) -> None:
    h = harness
    carer = await h.person("Cara")
    [confirm] = outgoing(await h.say("/forgetme", as_=carer))
    assert isinstance(confirm, Outgoing) and confirm.buttons == ()
    lines = confirm.text.splitlines()
    assert lines[-3:] == ["Reply with a number:", "1. Yes, erase it all", "2. No, keep it"]
    assert lines[0].startswith("Are you sure?")
    [choice] = await rows(h, PendingChoice)
    assert choice.chat_key == f"{carer.dm.key}|{carer.user.id}"
    assert choice.options == ["forget:yes", "forget:no"]
    assert choice.expires_at == h.clock.now() + timedelta(hours=48)


async def test_replying_with_a_number_presses_that_button(harness: Harness) -> None:
    h = harness
    carer = await h.person("Cara")
    await h.say("/forgetme", as_=carer)
    assert only_text(await h.say(" 1. ", as_=carer)).startswith("Done. I've erased everything")
    assert await count(h, Person) == 0
    assert await count(h, PendingChoice) == 0


async def test_out_of_range_numbers_are_explained_and_the_choice_stays(harness: Harness) -> None:
    h = harness
    carer = await h.person("Cara")
    await h.say("/forgetme", as_=carer)
    out_of_range = core(h).number_out_of_range.format(count=2)
    assert out_of_range == "Please reply with a number from 1 to 2."
    assert only_text(await h.say("9", as_=carer)) == out_of_range
    assert only_text(await h.say("0", as_=carer)) == out_of_range
    assert await count(h, Person) == 1
    assert only_text(await h.say("2)", as_=carer)) == "No problem, nothing has been erased."
    assert await h.say("1", as_=carer) == []  # the choice was used up: just a number now
    assert await count(h, Person) == 1


async def test_a_number_after_the_choices_expired_is_an_ordinary_message(
    harness: Harness,
) -> None:
    h = harness
    carer = await h.person("Cara")
    await h.say("/forgetme", as_=carer)
    h.clock.advance(timedelta(hours=49))
    assert await h.say("1", as_=carer) == []
    assert await h.say("9", as_=carer) == []
    assert await count(h, Person) == 1
    assert "Reply with a number" in only_text(await h.say("/forgetme", as_=carer))
    assert only_text(await h.say("1", as_=carer)).startswith("Done.")


async def test_numbers_mean_nothing_without_a_choice_or_in_other_chats(harness: Harness) -> None:
    h = harness
    carer, other = await h.person("Cara"), await h.person("Dan")

    def no_choice_taken(actions: list[Action]) -> bool:
        return not any("reply with a number" in t.lower() for t in texts(actions))

    assert no_choice_taken(await h.say("1", as_=carer))
    await h.say("/forgetme", as_=carer)
    assert no_choice_taken(await h.say("1", as_=other))
    assert no_choice_taken(await h.say("1 or 2?", as_=carer))
    assert await count(h, Person) == 2


async def test_joining_by_numbers(harness: Harness) -> None:
    h = harness
    code = await make_invite(h)
    amira = h.guest("Amira")
    offer = only_text(await h.say(f"/join {code}", as_=amira))
    assert offer.endswith("Reply with a number:\n1. I agree\n2. No thanks")
    assert "Welcome, Amira" in only_text(await h.say("1", as_=amira))
    assert await count(h, Person) == 1


async def test_numbered_role_choice_in_a_group(harness: Harness) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    await h.person("Sam Taylor")
    await h.person("Sam Smith")
    group = await h.group("Tuesday")
    offer = only_text(await h.say("/role sam mentor", as_=sue, in_=group))
    assert "1. Sam Taylor (#" in offer and "2. Sam Smith (#" in offer
    carer = await h.person("Cara")
    assert await h.say("7", as_=carer, in_=group) == []  # conversation, not a choice
    assert await h.say("9", as_=sue, in_=group) == []
    answers = outgoing(await h.say("2", as_=sue, in_=group))
    assert answers[0].text == "Done: Sam Smith was a carer and is now a mentor."
    smith = (await rows(h, Person, Person.display_name == "Sam Smith"))[0]
    [member] = await rows(h, Membership, Membership.person_id == smith.id)
    assert member.role == "mentor"


async def test_platforms_with_buttons_keep_them(harness: Harness) -> None:
    h = harness
    carer = await h.person("Cara", platform="buttons")
    [confirm] = outgoing(await h.say("/forgetme", as_=carer))
    assert isinstance(confirm, Outgoing) and len(confirm.buttons) == 2
    assert "Reply with a number" not in confirm.text
    assert await count(h, PendingChoice) == 0


async def test_forgetting_removes_pending_choices_keyed_by_the_private_chat(
    harness: Harness,
) -> None:
    h = harness
    cara = await h.person("Cara")
    code = only_text(await h.say("/link", as_=cara)).split("/link ")[1].split()[0]
    elsewhere = h.guest("Cara", platform="buttons")
    assert only_text(await h.say(f"/link {code}", as_=elsewhere)).startswith("Linked!")
    await h.say("/forgetme", as_=cara)  # numbered, waiting in the console private chat
    assert await count(h, PendingChoice) == 1
    await h.say("/forgetme", as_=elsewhere)
    assert only_text(await h.press("Yes, erase it all", as_=elsewhere)).startswith("Done.")
    assert await count(h, PendingChoice) == 0
    assert await h.say("1", as_=cara) == []


async def test_in_a_group_only_the_person_offered_the_choice_may_answer_it(
    harness: Harness,
) -> None:
    h = harness
    sue = await h.person("Sue", Role.STAFF)
    carer = await h.person("Cara")
    await h.person("Sam Taylor")
    await h.person("Sam Smith")
    group = await h.group("Tuesday")
    await h.say("/role sam mentor", as_=sue, in_=group)
    assert await h.say("1", as_=carer, in_=group) == []
    answers = outgoing(await h.say("1", as_=sue, in_=group))
    assert answers and answers[0].text.startswith("Done: Sam Taylor")
