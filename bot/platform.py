"""What carebot needs from a platform adapter. Adapters translate; they never decide.

An adapter receives its platform's updates, turns each into a neutral event and
hands it to `EventSink`; it sends what the delivery worker gives its `sender`;
and it says truthfully what it can do, per chat where that differs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol

from bot.capabilities import Capabilities
from bot.delivery.ports import RateLimits, Sender
from bot.events import ChatRef, Event

EventSink = Callable[[Event], Awaitable[None]]


class CommandMenuEntry(Protocol):
    name: str
    description: str


class PlatformAdapter(Protocol):
    @property
    def name(self) -> str:
        """The platform's id in carebot (`telegram`, `console`, ...)."""
        ...

    @property
    def username(self) -> str | None:
        """The bot's own name on the platform, known once started (None if it has none)."""
        ...

    @property
    def limits(self) -> RateLimits: ...

    @property
    def sender(self) -> Sender: ...

    def capabilities(self, chat: ChatRef | None = None) -> Capabilities:
        """What the platform can do, in this chat if given (e.g. delete only where admin)."""
        ...

    async def start(self, sink: EventSink) -> None:
        """Begin receiving; returns once receiving has started."""
        ...

    async def stop(self) -> None: ...

    async def publish_commands(
        self, everyone: Sequence[tuple[str, str]], admins: Sequence[tuple[str, str]]
    ) -> None:
        """Publish a native command menu where the platform has one (else do nothing)."""
        ...
