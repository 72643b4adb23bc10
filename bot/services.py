"""The long-lived things every handler may use, passed explicitly (no globals)."""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.capabilities import Capabilities
from bot.clock import Clock
from bot.delivery.outbox import Outbox
from bot.events import ChatRef
from bot.scheduling.timers import Timers
from config.settings import Settings
from config.texts import Texts
from storage.database import Database

CapabilitySource = Callable[[ChatRef | None], Capabilities]
DataExporter = Callable[[AsyncSession, int], Awaitable[dict[str, Any]]]
DataEraser = Callable[[AsyncSession, int], Awaitable[None]]


@dataclass(slots=True)
class Services:
    settings: Settings
    texts: Texts
    clock: Clock
    db: Database
    capabilities: Mapping[str, Capabilities | CapabilitySource] = field(default_factory=dict)
    rng: random.Random = field(default_factory=random.SystemRandom)
    exporters: Sequence[DataExporter] = ()
    erasers: Sequence[DataEraser] = ()

    outbox: Outbox | None = None
    timers: Timers | None = None

    def capabilities_for(self, platform: str, chat: ChatRef | None = None) -> Capabilities:
        """What the platform can do, in this chat when the adapter knows per chat."""
        found = self.capabilities.get(platform)
        if found is None:
            return Capabilities()
        return found if isinstance(found, Capabilities) else found(chat)
