"""A conversation harness: the real engine and storage, a fake clock, the console platform.

Tests read like transcripts: `await h.say("/register support group", as_=staff, in_=group)`.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.app import App
from bot.clock import FakeClock
from bot.events import (
    Action,
    Attachment,
    Button,
    ButtonPressed,
    ChatChange,
    ChatChanged,
    ChatKind,
    ChatRef,
    DeleteMessage,
    MemberJoined,
    Message,
    Outgoing,
    UserRef,
)
from bot.people.setup import ensure_group, ensure_member, ensure_org
from bot.roles import Role
from storage.models import Organisation

PLATFORM = "console"


@dataclass(frozen=True)
class Actor:
    name: str
    user: UserRef

    @property
    def dm(self) -> ChatRef:
        return ChatRef(platform=self.user.platform, id=self.user.id, kind=ChatKind.DM)


@dataclass
class Harness:
    app: App
    clock: FakeClock
    org_name: str = "Harbour Fostering"
    sent: list[Action] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def db(self):  # type: ignore[no-untyped-def]
        return self.app.services.db

    def guest(self, name: str, platform: str = PLATFORM) -> Actor:
        """Someone carebot has never met: nothing about them is stored."""
        user_id = name.lower().replace(" ", "-")
        return Actor(name, UserRef(platform=platform, id=user_id, display_name=name))

    async def org(self, name: str | None = None) -> Organisation:
        async with self.db.transaction() as db:
            return await ensure_org(db, name or self.org_name, self.clock.now())

    async def person(
        self, name: str, role: Role = Role.CARER, org: str | None = None, platform: str = PLATFORM
    ) -> Actor:
        actor = self.guest(name, platform)
        version = self.app.services.settings.privacy_notice_version
        async with self.db.transaction() as db:
            organisation = await ensure_org(db, org or self.org_name, self.clock.now())
            await ensure_member(db, organisation, actor.user, role, self.clock.now(), version)
        return actor

    async def group(
        self,
        name: str,
        purpose: str = "support_group",
        *,
        org: str | None = None,
        register: bool = True,
        platform: str = PLATFORM,
    ) -> ChatRef:
        chat = ChatRef(platform=platform, id=f"group-{name}", kind=ChatKind.GROUP, title=name)
        if register:
            async with self.db.transaction() as db:
                organisation = await ensure_org(db, org or self.org_name, self.clock.now())
                await ensure_group(db, organisation, chat, purpose, self.clock.now())
        return chat

    async def say(
        self,
        text: str,
        *,
        as_: Actor,
        in_: ChatRef | None = None,
        replying_to: Actor | None = None,
        photo: bool = False,
        edit_of: str | None = None,
    ) -> list[Action]:
        chat = in_ or as_.dm
        event = Message(
            chat=chat,
            sender=as_.user,
            text=text,
            message_id=edit_of or str(next(self._ids)),
            sent_at=self.clock.now(),
            reply_to_message_id="earlier" if replying_to else None,
            reply_to_sender=replying_to.user if replying_to else None,
            has_photo=photo,
            is_edit=edit_of is not None,
        )
        return self._record(await self.app.engine.handle(event))

    async def press(self, label: str, *, as_: Actor, in_: ChatRef | None = None) -> list[Action]:
        """Press the button with this label (or data) on the latest message offering it."""
        chat = in_ or as_.dm
        button = self.find_button(label, chat)
        event = ButtonPressed(
            chat=chat,
            sender=as_.user,
            data=button.data,
            message_id=str(next(self._ids)),
            sent_at=self.clock.now(),
            press_id=str(next(self._ids)),
        )
        return self._record(await self.app.engine.handle(event))

    async def press_data(
        self, data: str, *, as_: Actor, in_: ChatRef | None = None
    ) -> list[Action]:
        event = ButtonPressed(
            chat=in_ or as_.dm,
            sender=as_.user,
            data=data,
            message_id=str(next(self._ids)),
            sent_at=self.clock.now(),
            press_id=str(next(self._ids)),
        )
        return self._record(await self.app.engine.handle(event))

    async def joins(self, actor: Actor, chat: ChatRef) -> list[Action]:
        event = MemberJoined(chat=chat, member=actor.user, sent_at=self.clock.now())
        return self._record(await self.app.engine.handle(event))

    async def carebot_changed(
        self, chat: ChatRef, change: ChatChange, *, by: Actor, new_id: str | None = None
    ) -> list[Action]:
        """The platform says carebot was added to, removed from, or moved with `chat`."""
        event = ChatChanged(
            chat, by.user, change, self.clock.now(), new_id, f"change-{next(self._ids)}"
        )
        return self._record(await self.app.engine.handle(event))

    def find_button(self, label: str, chat: ChatRef) -> Button:
        for action in reversed(self.sent):
            if isinstance(action, Outgoing) and action.chat.id == chat.id:
                for button in action.buttons:
                    if label in (button.label, button.data):
                        return button
        raise AssertionError(f"no button {label!r} was offered in {chat.id}")

    def files_sent_to(self, chat: ChatRef | Actor) -> list[Attachment]:
        """Every file carebot has sent so far in one chat (a group, or someone's private chat)."""
        return attachments(self.sent, chat.dm if isinstance(chat, Actor) else chat)

    def _record(self, actions: list[Action]) -> list[Action]:
        self.sent.extend(actions)
        return actions


def texts(actions: Sequence[Action]) -> list[str]:
    return [a.text for a in actions if isinstance(a, Outgoing)]


def only_text(actions: Sequence[Action]) -> str:
    found = texts(actions)
    assert len(found) == 1, f"expected one message, got {found!r}"
    return found[0]


def attachments(actions: Sequence[Action], chat: ChatRef | None = None) -> list[Attachment]:
    """The files among these actions (only those to `chat`, if given), in order."""
    return [
        a.attachment
        for a in actions
        if isinstance(a, Outgoing)
        and a.attachment is not None
        and (chat is None or (a.chat.platform, a.chat.id) == (chat.platform, chat.id))
    ]


def deletes(actions: Sequence[Action]) -> list[DeleteMessage]:
    return [a for a in actions if isinstance(a, DeleteMessage)]
