"""The long-lived things every handler may use, passed explicitly (no globals)."""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.capabilities import Capabilities
from bot.clock import Clock
from config.settings import Settings
from config.texts import Texts
from storage.database import Database

DataExporter = Callable[[AsyncSession, int], Awaitable[dict[str, Any]]]
DataEraser = Callable[[AsyncSession, int], Awaitable[None]]


@dataclass(slots=True)
class Services:
    settings: Settings
    texts: Texts
    clock: Clock
    db: Database
    capabilities: Mapping[str, Capabilities] = field(default_factory=dict)
    rng: random.Random = field(default_factory=random.SystemRandom)
    exporters: Sequence[DataExporter] = ()
    erasers: Sequence[DataEraser] = ()

    def capabilities_for(self, platform: str) -> Capabilities:
        return self.capabilities.get(platform, Capabilities())
