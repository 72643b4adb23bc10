"""The sessions feature's routers, for the composition root (bot/app.py)."""

from __future__ import annotations

from bot.features.sessions import attendance, floor, running
from bot.router import Router


def routers() -> list[Router]:
    return [running.router, floor.router, attendance.router]
