"""Telegram as a carebot platform, on python-telegram-bot's Application.

It receives (long polling by default, a webhook when TELEGRAM_WEBHOOK_URL is set),
translates each update and hands the events to the runner; it sends through
`TelegramSender` and reports per-chat capabilities. It decides nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeDefault,
    CallbackQuery,
    Update,
)
from telegram.error import InvalidToken, TelegramError
from telegram.ext import Application, ContextTypes, TypeHandler

from adapters.telegram.capabilities import ChatPowers
from adapters.telegram.sender import TelegramSender
from adapters.telegram.translate import PLATFORM, BotIdentity, translate
from adapters.telegram.webhook import WebhookServer
from bot.capabilities import Capabilities
from bot.delivery.ports import TELEGRAM_LIMITS, RateLimits
from bot.events import ChatKind, ChatRef, Event
from bot.platform import EventSink
from config.settings import TELEGRAM_PUBLIC_API, ConfigError, Settings

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ("message", "edited_message", "callback_query", "my_chat_member")
_COMMAND_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


@dataclass(frozen=True, slots=True)
class TelegramConfig:
    token: str
    api_base_url: str = TELEGRAM_PUBLIC_API
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_secret: str | None = None
    poll_timeout: float = 10.0  # seconds Telegram may hold each long-poll open
    bot_name: str | None = None  # carebot's bot_name setting (the username is also recognised)

    @classmethod
    def from_settings(cls, settings: Settings) -> TelegramConfig:
        if settings.telegram_bot_token is None:
            raise ConfigError("environment: field 'TELEGRAM_BOT_TOKEN': not set")
        secret = settings.telegram_webhook_secret
        return cls(
            token=settings.telegram_bot_token.get_secret_value(),
            api_base_url=settings.telegram_api_base_url,
            webhook_url=settings.telegram_webhook_url,
            webhook_listen=settings.telegram_webhook_listen,
            webhook_port=settings.telegram_webhook_port,
            webhook_secret=secret.get_secret_value() if secret is not None else None,
            bot_name=settings.bot_name,
        )


def build_application(
    config: TelegramConfig, *, polling: bool
) -> Application[Any, Any, Any, Any, Any, Any]:
    """python-telegram-bot's Application pointed at the configured Bot API server."""
    base = config.api_base_url.rstrip("/")
    builder = Application.builder().token(config.token)
    builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
    if not polling:
        builder = builder.updater(None)
    return builder.build()


class TelegramAdapter:
    """A `PlatformAdapter` for Telegram."""

    def __init__(
        self,
        config: TelegramConfig,
        *,
        limits: RateLimits = TELEGRAM_LIMITS,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._config = config
        self._limits = limits
        self._now = now
        self._app = build_application(config, polling=config.webhook_url is None)
        self._app.add_handler(TypeHandler(Update, self._on_update))
        self._app.add_error_handler(self._on_error)
        self._sender = TelegramSender(self._app.bot)
        self._powers = ChatPowers()
        self._sink: EventSink | None = None
        self._me: BotIdentity | None = None
        self.webhook: WebhookServer | None = None

    @property
    def username(self) -> str | None:
        """The bot's own username once started, so `/cmd@username` is recognised."""
        return self._me.username if self._me is not None else None

    @property
    def name(self) -> str:
        return PLATFORM

    @property
    def limits(self) -> RateLimits:
        return self._limits

    @property
    def sender(self) -> TelegramSender:
        return self._sender

    @property
    def application(self) -> Application[Any, Any, Any, Any, Any, Any]:
        return self._app

    def capabilities(self, chat: ChatRef | None = None) -> Capabilities:
        return self._powers.capabilities(chat)

    async def start(self, sink: EventSink) -> None:
        self._sink = sink
        # httpx logs every request URL at INFO, and a Bot API URL contains the token.
        logging.getLogger("httpx").setLevel(max(logging.WARNING, logging.getLogger().level))
        try:
            await self._app.initialize()  # getMe: who are we?
        except InvalidToken as exc:
            raise ConfigError(
                "environment: field 'TELEGRAM_BOT_TOKEN': Telegram did not accept this token"
            ) from exc
        bot = self._app.bot
        self._me = BotIdentity(bot.id, bot.username)
        await self._app.start()
        if self._config.webhook_url is None:
            assert self._app.updater is not None
            await self._app.updater.start_polling(
                allowed_updates=list(ALLOWED_UPDATES),
                timeout=int(self._config.poll_timeout),
                drop_pending_updates=False,
            )
            log.info("telegram: receiving by long polling as @%s", bot.username)
            return
        assert self._config.webhook_secret is not None  # settings insist on it
        path = urlsplit(self._config.webhook_url).path or "/"
        self.webhook = WebhookServer(
            self._config.webhook_listen,
            self._config.webhook_port,
            path,
            self._config.webhook_secret,
            self._receive,
        )
        await self.webhook.start()
        await bot.set_webhook(
            url=self._config.webhook_url,
            secret_token=self._config.webhook_secret,
            allowed_updates=list(ALLOWED_UPDATES),
        )
        log.info("telegram: receiving by webhook as @%s", bot.username)

    async def stop(self) -> None:
        # The webhook stays registered with Telegram, which keeps updates until we are back.
        if self.webhook is not None:
            await self.webhook.stop()
        if self._app.updater is not None and self._app.updater.running:
            await self._app.updater.stop()
        if self._app.running:
            await self._app.stop()
        await self._app.shutdown()

    async def publish_commands(
        self, everyone: Sequence[tuple[str, str]], admins: Sequence[tuple[str, str]]
    ) -> None:
        """setMyCommands: carers' commands for everyone, the fuller list for chat admins."""
        bot = self._app.bot
        try:
            await bot.set_my_commands(_menu(everyone), scope=BotCommandScopeDefault())
            await bot.set_my_commands(_menu(admins), scope=BotCommandScopeAllChatAdministrators())
        except TelegramError as exc:  # a missing menu is a nuisance, never a reason to stop
            log.warning("telegram: could not publish the command menu: %s", type(exc).__name__)

    # -- receiving ---------------------------------------------------------------------

    async def _receive(self, payload: dict[str, Any]) -> None:
        """A webhook update: queued for the Application, like one fetched by polling."""
        update = Update.de_json(payload, self._app.bot)
        await self._app.update_queue.put(update)

    async def _on_update(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.my_chat_member is not None:
            changed = update.my_chat_member
            self._powers.note(str(changed.chat.id), changed.new_chat_member)
        if update.callback_query is not None:
            await _answer(update.callback_query)
        assert self._sink is not None and self._me is not None
        for event in translate(update, self._me, self._now()):
            await self._deliver(event)

    async def _deliver(self, event: Event) -> None:
        chat = event.chat
        if chat.kind is ChatKind.GROUP and not self._powers.knows(chat.id):
            await self._powers.refresh(self._app.bot, chat.id)
        assert self._sink is not None
        try:
            await self._sink(event)
        except Exception as exc:  # keep receiving; never log the update (it holds text)
            log.error("telegram: handling an update failed: %s", type(exc).__name__)

    async def _on_error(self, _update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log.error("telegram: error while receiving: %s", type(context.error).__name__)


async def _answer(query: CallbackQuery) -> None:
    """Answer a button press at once, so the spinner on the carer's screen stops."""
    try:
        await query.answer()
    except TelegramError as exc:
        log.info("telegram: could not answer a button press: %s", type(exc).__name__)


def _menu(commands: Sequence[tuple[str, str]]) -> list[BotCommand]:
    """Telegram allows names of 1-32 lowercase letters, digits and '_', text up to 256."""
    menu: list[BotCommand] = []
    for name, text in commands:
        if 0 < len(name) <= 32 and set(name) <= _COMMAND_NAME_CHARS and text.strip():
            menu.append(BotCommand(name, text.strip()[:256]))
    return menu[:100]
