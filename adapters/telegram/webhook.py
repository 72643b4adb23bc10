"""The webhook receiver: Telegram POSTs updates here when TELEGRAM_WEBHOOK_URL is set.

Every request must carry the secret token carebot gave Telegram with setWebhook
(header X-Telegram-Bot-Api-Secret-Token); a wrong or missing one is refused with
403 and nothing is handled, so nobody who finds the address can feed carebot
invented messages. It listens on a local address behind the organisation's HTTPS
proxy; aiohttp comes with discord.py, one of carebot's platform libraries.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1024 * 1024  # updates are a few kilobytes; refuse anything absurd

Receive = Callable[[dict[str, Any]], Awaitable[None]]


class WebhookServer:
    def __init__(self, listen: str, port: int, path: str, secret: str, receive: Receive) -> None:
        self._listen = listen
        self._port = port
        self._path = path or "/"
        self._secret = secret.encode()
        self._receive = receive
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_post(self._path, self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self._listen, self._port).start()
        log.info("telegram webhook listening on %s:%s", self._listen, self.port)

    @property
    def port(self) -> int:
        """The port actually bound (differs from the setting only when that was 0)."""
        if self._runner is not None and self._runner.addresses:
            return int(self._runner.addresses[0][1])
        return self._port

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _handle(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            log.warning("refused a webhook request without the right secret token")
            return web.Response(status=403)
        try:
            payload = json.loads(await request.read())
        except ValueError:
            return web.Response(status=400)
        if not isinstance(payload, dict):
            return web.Response(status=400)
        await self._receive(payload)
        return web.Response(status=200)
