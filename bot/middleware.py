"""The shape of a middleware: it sees the context and decides whether to call `next`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.context import Context

Next = Callable[[], Awaitable[None]]
Middleware = Callable[[Context, Next], Awaitable[None]]
