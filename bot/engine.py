"""The one conversation engine: every platform's events go through `Engine.handle`.

Order: drop duplicates and bots' own messages; then, inside one unit of work,
identify the sender, run the moderation hooks, and route to one feature. The
answers are returned only once the unit of work is saved.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.choices import as_numbered, as_press, remember
from bot.context import Context
from bot.core_texts import CoreTexts
from bot.delivery.attachments import deliverable
from bot.dispatch import Dispatcher
from bot.events import Action, Event, Message, Outgoing, event_id, event_sender
from bot.identity import identify
from bot.middleware import Middleware, Next
from bot.services import Services

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

DEDUPE_WINDOW = 10_000
TRANSIENT_SQLSTATES = {"40001", "40P01", "55P03"}  # serialization, deadlock, lock not available


def is_transient_db_error(exc: BaseException) -> bool:
    """A briefly locked or contended database, worth one more try."""
    if isinstance(exc, OperationalError) and "locked" in str(exc).lower():
        return True
    if isinstance(exc, DBAPIError):
        code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
        return code in TRANSIENT_SQLSTATES
    return False


class Engine:
    def __init__(
        self,
        services: Services,
        dispatcher: Dispatcher,
        middlewares: Sequence[Middleware] = (),
        *,
        attempts: int = 3,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.services = services
        self.dispatcher = dispatcher
        self.middlewares = tuple(middlewares)
        self.attempts = attempts
        self.sleep = sleep
        self._seen: OrderedDict[str, None] = OrderedDict()

    def _first_time(self, event: Event) -> bool:
        key = f"{event.chat.key}|{event_id(event)}"
        if key in self._seen:
            return False
        self._seen[key] = None
        if len(self._seen) > DEDUPE_WINDOW:
            self._seen.popitem(last=False)
        return True

    async def handle(self, event: Event) -> list[Action]:
        """Everything carebot does in answer to one event. Never raises."""
        if event_sender(event).is_bot or not self._first_time(event):
            return []
        texts = self.services.texts.get(CoreTexts)
        for attempt in range(1, self.attempts + 1):
            try:
                return await self._unit_of_work(event)
            except Exception as exc:
                if is_transient_db_error(exc) and attempt < self.attempts:
                    log.warning("database busy, retrying (attempt %d)", attempt)
                    await self.sleep(0.05 * 2**attempt)
                    continue
                if is_transient_db_error(exc):
                    log.error("database still busy after %d attempts", attempt)
                    return [Outgoing(chat=event.chat, text=texts.busy)]
                log.exception("handler failed for %s event", type(event).__name__)
                return [Outgoing(chat=event.chat, text=texts.something_wrong)]
        return []

    async def _unit_of_work(self, event: Event) -> list[Action]:
        settings = self.services.settings
        async with self.services.db.transaction() as db:
            caps = self.services.capabilities_for(event.chat.platform, event.chat)
            if isinstance(event, Message) and not caps.buttons:
                press = await as_press(db, event)
                if isinstance(press, int):
                    texts = self.services.texts.get(CoreTexts)
                    return [Outgoing(event.chat, texts.number_out_of_range.format(count=press))]
                if press is not None:
                    event = press
            identity = await identify(db, event_sender(event), event.chat)
            ctx = Context(event=event, services=self.services, db=db, identity=identity)
            await self._run_chain(ctx)
            actions = self._files_where_supported(ctx.actions)
            if any(isinstance(a, Outgoing) and a.buttons for a in actions):
                actions = await self._numbered(
                    db, actions, settings.retention.pending_choice_hours, event_sender(event).id
                )
            return actions

    async def _run_chain(self, ctx: Context) -> None:
        chain = (*self.middlewares, self._route)

        async def step(index: int) -> None:
            if index < len(chain):
                await chain[index](ctx, lambda: step(index + 1))

        await step(0)

    async def _route(self, ctx: Context, _next: Next) -> None:
        await self.dispatcher.dispatch(ctx)

    def _files_where_supported(self, actions: list[Action]) -> list[Action]:
        """A file goes only where the platform takes files; elsewhere its text and a kind line."""
        if not any(isinstance(a, Outgoing) and a.attachment for a in actions):
            return actions
        texts = self.services.texts.get(CoreTexts)
        return [
            deliverable(a, self.services.capabilities_for(a.chat.platform, a.chat), texts)
            if isinstance(a, Outgoing)
            else a
            for a in actions
        ]

    async def _numbered(
        self, db: AsyncSession, actions: list[Action], hours: int, asked_by: str
    ) -> list[Action]:
        texts = self.services.texts.get(CoreTexts)
        result: list[Action] = []
        for action in actions:
            caps = self.services.capabilities_for(action.chat.platform, action.chat)
            if isinstance(action, Outgoing) and action.buttons and not caps.buttons:
                expires = self.services.clock.now() + timedelta(hours=hours)
                await remember(db, action, expires, asked_by)
                action = as_numbered(action, texts)
            result.append(action)
        return result
