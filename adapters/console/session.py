"""The console platform: a trusted local playground where one keyboard plays everyone.

It only translates lines into events and prints what the engine answers; what
carebot decides is all in the engine, exactly as on a real platform.
"""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TextIO

from adapters.console.files import FileShelf
from adapters.console.render import address, as_human, as_jsonl
from adapters.console.script import (
    BecomePerson,
    DirectiveError,
    EnterDm,
    EnterGroup,
    Press,
    Say,
    Wait,
    parse_line,
)
from bot.app import App
from bot.clock import Clock, FakeClock
from bot.events import (
    Action,
    Attachment,
    Button,
    ButtonPressed,
    ChatKind,
    ChatRef,
    Event,
    MemberJoined,
    Message,
    Outgoing,
    UserRef,
)
from bot.people.members import account_for, membership
from bot.people.setup import ensure_group, ensure_member, ensure_org
from bot.roles import Role

PLATFORM = "console"
DEFAULT_ORG = "Local Fostering Service"

Tick = Callable[[datetime], Awaitable[list[Action]]]  # run what falls due up to a time
Handle = Callable[[Event], Awaitable[list[Action]]]


async def _nothing_due(until: datetime) -> list[Action]:
    return []


@dataclass
class ConsoleSession:
    app: App
    clock: Clock
    out: TextIO
    err: TextIO
    jsonl: bool = False
    org_name: str = DEFAULT_ORG
    tick: Tick = _nothing_due
    handle: Handle | None = None
    me: UserRef | None = None
    place: ChatRef | None = None
    names: dict[str, str] = field(default_factory=dict)
    shown: list[Outgoing] = field(default_factory=list)
    files: FileShelf | None = None  # where sent files are saved (default: from settings)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def note(self, text: str) -> None:
        """Console-only remarks (not carebot speaking); kept off stdout in JSONL mode."""
        print(f"(console) {text}", file=self.err if self.jsonl else self.out)

    async def feed(self, line: str) -> None:
        try:
            directive = parse_line(line)
        except DirectiveError as problem:
            self.note(str(problem))
            return
        match directive:
            case None:
                return
            case BecomePerson(name, role):
                await self._become(name, role)
            case EnterGroup(name, purpose):
                await self._enter(name, purpose)
            case EnterDm():
                self.place = None
            case Press(choice):
                await self._press(choice)
            case Wait(duration):
                if not isinstance(self.clock, FakeClock):
                    self.note(
                        ":wait only works in `carebot chat`, where the console has its own clock."
                    )
                    return
                target = self.clock.now() + duration
                self.show(await self.tick(target))
                self.clock.set(max(target, self.clock.now()))
            case Say(text):
                await self._say(text)

    async def _become(self, name: str, role: Role | None) -> None:
        user = UserRef(platform=PLATFORM, id=name.casefold(), display_name=name)
        self.names[user.id] = name
        settings = self.app.services.settings
        async with self.app.services.db.transaction() as db:
            org = await ensure_org(db, self.org_name, self.clock.now())
            account = await account_for(db, user)
            known = account is not None and await membership(db, account.person_id, org.id)
            if role is not None or not known:
                version = settings.privacy_notice_version
                await ensure_member(db, org, user, role or Role.CARER, self.clock.now(), version)
        self.me = user

    async def _enter(self, name: str, purpose: str | None) -> None:
        chat = ChatRef(
            platform=PLATFORM, id=f"group:{name.casefold()}", kind=ChatKind.GROUP, title=name
        )
        self.names[chat.id] = name
        async with self.app.services.db.transaction() as db:
            org = await ensure_org(db, self.org_name, self.clock.now())
            await ensure_group(db, org, chat, purpose or "support_group", self.clock.now())
        self.place = chat
        if self.me is not None:
            joined = MemberJoined(
                chat=chat, member=self.me, sent_at=self.clock.now(), event_id=str(next(self._ids))
            )
            self.show(await self._handle(joined))

    def _where(self, me: UserRef) -> ChatRef:
        return self.place or ChatRef(platform=PLATFORM, id=me.id, kind=ChatKind.DM)

    async def _say(self, text: str) -> None:
        me = self._need_me()
        if me is None:
            return
        event = Message(
            chat=self._where(me),
            sender=me,
            text=text,
            message_id=str(next(self._ids)),
            sent_at=self.clock.now(),
            mentions_bot="@" + self.app.services.settings.bot_name in text.lower(),
        )
        self.show(await self._handle(event))

    async def _press(self, choice: str) -> None:
        me = self._need_me()
        if me is None:
            return
        found = self._find_button(me, choice)
        if found is None:
            self.note(f"There's no button {choice!r} on the last message shown to you.")
            return
        chat, button = found
        event = ButtonPressed(
            chat=chat,
            sender=me,
            data=button.data,
            message_id=str(next(self._ids)),
            sent_at=self.clock.now(),
            press_id=str(next(self._ids)),
        )
        self.show(await self._handle(event))

    def _find_button(self, me: UserRef, choice: str) -> tuple[ChatRef, Button] | None:
        visible = {self._where(me).id, me.id}
        for outgoing in reversed(self.shown):
            if outgoing.chat.id in visible and outgoing.buttons:
                for index, button in enumerate(outgoing.buttons, 1):
                    if choice == str(index) or choice.casefold() == button.label.casefold():
                        return outgoing.chat, button
                return None
        return None

    def _need_me(self) -> UserRef | None:
        if self.me is None:
            self.note("Say who you are first, e.g. :as Sam staff")
        return self.me

    async def _handle(self, event: Event) -> list[Action]:
        """The engine's answer, or nothing when answers come back through delivery."""
        if self.handle is not None:
            return await self.handle(event)
        return await self.app.engine.handle(event)

    def show(self, actions: list[Action]) -> None:
        for action in actions:
            saved_to: Path | None = None
            if isinstance(action, Outgoing):
                self.shown.append(action)
                if action.attachment is not None:
                    saved_to = self._save(action.attachment)
            to = address(action, self.names)
            shown = as_jsonl(action, to, saved_to) if self.jsonl else as_human(action, to, saved_to)
            print(shown, file=self.out)

    def _save(self, attachment: Attachment) -> Path | None:
        if self.files is None:
            settings = self.app.services.settings
            self.files = FileShelf(settings.data_dir / settings.console_files_dir)
        try:
            return self.files.save(attachment)
        except OSError as problem:
            self.note(f"couldn't save {attachment.filename}: {problem.strerror or problem}")
            return None
