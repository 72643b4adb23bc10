"""The buddy programme as one feature: import this module to get its Router.

Importing the handler modules registers their commands, buttons, flows and jobs on the
shared router (see `routing`).
"""

from __future__ import annotations

from bot.features.buddies import (  # noqa: F401  (each registers its handlers)
    asking,
    commands,
    followup,
    leaving,
    offers,
    rathernot,
    run,
    staff,
)
from bot.features.buddies.routing import router

__all__ = ["router"]
