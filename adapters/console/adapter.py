"""The console as a platform: a sender that prints, and an adapter for `carebot run`."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable, Sequence

from adapters.console.reader import LineReader
from adapters.console.session import PLATFORM, ConsoleSession
from bot.capabilities import Capabilities
from bot.delivery.ports import RateLimits, SentMessage
from bot.events import Action, ChatRef, DeleteMessage, Event, Outgoing
from bot.platform import EventSink

CONSOLE_CAPABILITIES = Capabilities(
    buttons=True, delete_messages=True, direct_messages=True, can_send_files=True
)


class ConsoleSender:
    """Shows delivered messages through whatever prints them (the console session)."""

    def __init__(self, show: Callable[[list[Action]], None]) -> None:
        self._show = show
        self._ids = itertools.count(1)

    async def send(self, outgoing: Outgoing) -> SentMessage:
        self._show([outgoing])
        return SentMessage(message_id=f"console-{next(self._ids)}")

    async def delete(self, chat: ChatRef, message_id: str) -> None:
        self._show([DeleteMessage(chat=chat, message_id=message_id)])


class ConsoleAdapter:
    """Reads the keyboard for `carebot run` when no other platform is configured."""

    def __init__(self, session: ConsoleSession, on_end: Callable[[], None]) -> None:
        self._session = session
        self._on_end = on_end
        self._sender = ConsoleSender(session.show)
        self._task: asyncio.Task[None] | None = None

    @property
    def username(self) -> str | None:
        return None

    @property
    def name(self) -> str:
        return PLATFORM

    @property
    def limits(self) -> RateLimits:
        return RateLimits()

    @property
    def sender(self) -> ConsoleSender:
        return self._sender

    def capabilities(self, chat: ChatRef | None = None) -> Capabilities:
        return CONSOLE_CAPABILITIES

    async def start(self, sink: EventSink) -> None:
        async def through_runner(event: Event) -> list[Action]:
            await sink(event)
            return []

        self._session.handle = through_runner
        self._task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        reader = LineReader()
        while True:
            line = await reader.next_line()
            if line is None:
                self._on_end()
                return
            await self._session.feed(line)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    async def publish_commands(
        self, everyone: Sequence[tuple[str, str]], admins: Sequence[tuple[str, str]]
    ) -> None:
        return None
