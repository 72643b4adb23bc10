"""Helpers for the buddy programme's conversation tests.

`Buddies` wraps the harness: it answers the profile questions the way a carer would,
runs due jobs with the fake clock, and collects what jobs queued in the outbox so the
tests can read (and press buttons on) those messages like any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select

from bot.events import Action, Button, ChatKind, ChatRef, Outgoing
from bot.features.buddies import questions, store
from bot.people.members import account_for
from bot.people.orgs import find_org
from bot.roles import Role
from storage.buddies_tables import BuddyProfile
from storage.models import Delivery, OutboxItem
from tests.support.harness import Actor, Harness

# Mo: six years of kinship care and teenagers in Leeds.
MO = ("6 years", "kinship and teenagers", "11-15 and 16+", "Yorkshire", "Leeds", "English")
MO_REST = ("evenings and weekends", "messages and phone", "2")
# Amira: new to kinship care for a teenager, also in Leeds.
AMIRA = ("kinship care", "teenagers", "Yorkshire", "Leeds", "English", "evenings", "messages")


def said_to(actions: Sequence[Action], actor: Actor) -> list[str]:
    """What carebot said privately to one person, in order."""
    return [
        a.text
        for a in actions
        if isinstance(a, Outgoing) and a.chat.kind is ChatKind.DM and a.chat.id == actor.user.id
    ]


def one_to(actions: Sequence[Action], actor: Actor) -> str:
    found = said_to(actions, actor)
    assert len(found) == 1, f"expected one message to {actor.name}, got {found!r}"
    return found[0]


def labels(actions: Sequence[Action], actor: Actor) -> list[str]:
    """Button labels on the last message to this person."""
    mine = [
        a
        for a in actions
        if isinstance(a, Outgoing) and a.chat.kind is ChatKind.DM and a.chat.id == actor.user.id
    ]
    return [b.label for b in mine[-1].buttons] if mine else []


@dataclass
class Buddies:
    h: Harness
    _seen: int = 0
    staff: Actor | None = field(default=None)

    async def mentor(self, name: str, answers: Sequence[str] = (*MO, *MO_REST)) -> Actor:
        """A mentor whose answers are on file (read exactly as typed answers are)."""
        actor = await self.h.person(name, Role.MENTOR)
        await self.on_file(actor, "mentor", answers)
        return actor

    async def carer(self, name: str, answers: Sequence[str] = AMIRA) -> Actor:
        """A carer waiting for a buddy since now (see test_buddies_optin for the questions)."""
        actor = await self.h.person(name, Role.CARER)
        await self.on_file(actor, "mentee", answers)
        return actor

    async def on_file(self, actor: Actor, role: str, answers: Sequence[str]) -> None:
        """Store a profile from typed answers without the round trips (tests stay fast)."""
        values = {}
        for step, text in zip(questions.steps(role), answers, strict=True):
            reading = questions.read(step, text)
            assert reading.done, f"{step}: {text!r} is not an answer carebot understands"
            values[step] = reading.value
        now = self.h.clock.now()
        async with self.h.db.transaction() as db:
            person = await account_for(db, actor.user)
            org = await find_org(db, self.h.org_name)
            assert person is not None and org is not None
            row = await store.profile(db, org.id, person.person_id, role)
            if row is None:
                row = BuddyProfile(
                    org_id=org.id,
                    person_id=person.person_id,
                    role=role,
                    status="active" if role == "mentor" else "waiting",
                    asked_at=now,
                    waiting_since=now,
                    updated_at=now,
                )
                db.add(row)
            for step, value in values.items():
                setattr(row, step, value)

    async def answers(self, actor: Actor, command: str, answers: Sequence[str]) -> list[Action]:
        actions = list(await self.h.say(command, as_=actor))
        for answer in answers:
            actions += await self.h.say(answer, as_=actor)
        return actions

    async def staff_member(self, name: str = "Sam") -> Actor:
        self.staff = await self.h.person(name, Role.STAFF)
        return self.staff

    async def jobs(self, after: timedelta | None = None) -> list[Action]:
        """Move the clock on (if asked), run what is due, and return what jobs queued."""
        if after is not None:
            self.h.clock.advance(after)
        timers = self.h.app.services.timers
        assert timers is not None
        await timers.run_due()
        return await self.queued()

    async def queued(self) -> list[Action]:
        """Messages queued in the outbox since the last look (also recorded for presses)."""
        async with self.h.db.transaction() as db:
            rows = await db.execute(
                select(Delivery, OutboxItem)
                .join(OutboxItem, OutboxItem.id == Delivery.item_id)
                .where(Delivery.id > self._seen)
                .order_by(Delivery.id)
            )
            found: list[Action] = []
            for delivery, item in rows.all():
                self._seen = max(self._seen, delivery.id)
                chat = ChatRef(delivery.platform, delivery.chat_id, ChatKind(delivery.chat_kind))
                buttons = tuple(Button(b["label"], b["data"]) for b in item.buttons)
                found.append(Outgoing(chat=chat, text=item.text, buttons=buttons))
        self.h.sent.extend(found)
        return found

    async def matched(self) -> list[Action]:
        """Staff ask for a matching run now, then send every proposal shown."""
        assert self.staff is not None
        return await self.h.say("/buddies match", as_=self.staff)

    async def send_all(self, actions: Sequence[Action]) -> list[Action]:
        assert self.staff is not None
        sent: list[Action] = []
        for action in actions:
            if not isinstance(action, Outgoing):
                continue
            for button in action.buttons:
                if button.data.startswith("bsend:"):
                    sent += await self.h.press_data(button.data, as_=self.staff)
        return sent

    async def introduce(self, mentor: Actor, carer: Actor) -> list[Action]:
        """Staff match and send; both say yes. Returns the introduction messages."""
        await self.send_all(await self.matched())
        await self.h.press("Yes, introduce us", as_=carer)
        return await self.h.press("Yes, introduce us", as_=mentor)
