"""The FAQ as the app sees it: one Router with every handler, registered explicitly.

Kept apart from the package's `__init__` so the pure parts (knowledge, matcher, CLI
helpers) load without the chat engine.
"""

from __future__ import annotations

from bot.features.faq import answering, handover, staff, upkeep
from bot.router import Router


def build_router() -> Router:
    router = Router("faq")
    answering.register(router)
    handover.register(router)
    staff.register(router)
    upkeep.register(router)
    return router


router = build_router()
