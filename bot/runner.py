"""Everything that runs for real: the engine behind each adapter, the delivery worker,
and the timers. Replies go through the outbox too, so they share the platform's
rate limits and survive a 429 or a restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app import App
from bot.core_texts import CoreTexts
from bot.delivery.attachments import FilesWhereSupported
from bot.delivery.ports import Sender, SendError
from bot.delivery.worker import DeliveryWorker
from bot.events import Action, DeleteMessage, Event, Outgoing
from bot.platform import PlatformAdapter
from bot.undelivered import Undelivered

log = logging.getLogger(__name__)

REPLY_KIND = "reply"


class Runner:
    def __init__(self, app: App, adapters: Sequence[PlatformAdapter]) -> None:
        self.app = app
        self.adapters = {adapter.name: adapter for adapter in adapters}
        services = app.services
        assert services.outbox is not None and services.timers is not None
        self.outbox = services.outbox
        self.timers = services.timers
        core_texts = services.texts.get(CoreTexts)
        senders: dict[str, Sender] = {
            name: FilesWhereSupported(adapter.sender, adapter.capabilities, core_texts)
            for name, adapter in self.adapters.items()
        }
        self.worker = DeliveryWorker(
            services.db,
            senders,
            {name: adapter.limits for name, adapter in self.adapters.items()},
            services.clock,
            services.settings.delivery,
            on_failure=Undelivered(services, senders),
        )
        self.outbox.add_listener(self.worker.wake)
        self._stop = asyncio.Event()
        self._worker_task: asyncio.Task[None] | None = None
        self._scheduler: AsyncIOScheduler | None = None

    async def on_event(self, event: Event) -> None:
        """What an adapter calls for each update it receives."""
        await self.perform(await self.app.engine.handle(event))

    async def perform(self, actions: Sequence[Action]) -> None:
        outgoing = [a for a in actions if isinstance(a, Outgoing)]
        if outgoing:
            async with self.app.services.db.transaction() as db:
                for message in outgoing:
                    await self.outbox.enqueue(
                        db,
                        kind=REPLY_KIND,
                        text=message.text,
                        chats=[message.chat],
                        buttons=message.buttons,
                        fallback=message.fallback,
                        attachment=message.attachment,
                    )
        for action in actions:
            if isinstance(action, DeleteMessage):
                await self._delete(action)

    async def _delete(self, action: DeleteMessage) -> None:
        adapter = self.adapters.get(action.chat.platform)
        if adapter is None:
            return
        try:
            await adapter.sender.delete(action.chat, action.message_id)
        except SendError as problem:
            log.warning("could not delete a message on %s: %s", adapter.name, problem.reason)

    async def start(self) -> None:
        await self.app.started()
        self._scheduler = AsyncIOScheduler(timezone="UTC")
        await self.timers.start(self._scheduler)
        self._scheduler.start()
        self._worker_task = asyncio.create_task(self.worker.run_forever(self._stop))
        menu = self.app.dispatcher.command_menu(self.app.services.texts)
        for adapter in self.adapters.values():
            await adapter.start(self.on_event)
            self.app.dispatcher.recognise_name(adapter.username)
            await adapter.publish_commands(*menu)
        log.info("carebot started on: %s", ", ".join(self.adapters))

    async def stop(self) -> None:
        """Let the sends under way finish and be recorded first, while adapters can still
        send; then stop the adapters. Whatever is still queued goes at the next start."""
        log.info("carebot stopping")
        self._stop.set()
        self.worker.stop()
        if self._worker_task is not None:
            try:
                await asyncio.wait_for(self._worker_task, timeout=self.worker.send_timeout + 5)
            except TimeoutError:  # a send hung past its own timeout: its lease covers it
                log.error("delivery worker did not stop in time; interrupted")
            except asyncio.CancelledError:
                pass
        for adapter in self.adapters.values():
            with contextlib.suppress(Exception):
                await adapter.stop()
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.shutdown(wait=False)
