"""A feature's declarations: its commands, buttons, message matchers, events and jobs.

Each feature module builds one Router; the composition root lists them. The
dispatcher checks roles and places from these declarations, nowhere else.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.commands import ParsedCommand
from bot.context import Context
from bot.delivery.outbox import Outbox
from bot.events import Message
from bot.roles import Role
from bot.services import DataEraser, DataExporter, Services
from config.texts import TextSection
from storage.models import ConversationState

CommandHandler = Callable[[Context, ParsedCommand], Awaitable[None]]
ButtonHandler = Callable[[Context, str], Awaitable[None]]
MessageHandler = Callable[[Context, Message], Awaitable[bool]]
EventHandler = Callable[[Context], Awaitable[None]]
FlowHandler = Callable[[Context, Message, "ConversationState"], Awaitable[None]]
JobHandler = Callable[["JobContext", dict[str, Any]], Awaitable[None]]


StartupHook = Callable[[AsyncSession, Services], Awaitable[None]]


class Where(StrEnum):
    ANYWHERE = "anywhere"
    DM = "dm"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """One handler for a command; a name may have one for groups and another for private chats."""

    name: str
    handler: CommandHandler
    role: Role
    where: Where
    hidden: bool = False
    help_key: str = ""
    """Its line in `[core.command_help]`; the command's name unless set."""

    @property
    def help_line_key(self) -> str:
        return self.help_key or self.name

    def serves(self, where: Where) -> bool:
        """Whether this handler answers in that kind of chat (GROUP or DM)."""
        return self.where is Where.ANYWHERE or self.where is where


@dataclass(frozen=True, slots=True)
class ButtonSpec:
    prefix: str
    handler: ButtonHandler
    role: Role


@dataclass(frozen=True, slots=True)
class MessageSpec:
    handler: MessageHandler
    role: Role
    where: Where


@dataclass(slots=True)
class JobContext:
    """What a scheduled job gets: storage, services and a way to queue messages."""

    db: AsyncSession
    services: Services
    outbox: Outbox | None


@dataclass(slots=True)
class Router:
    name: str
    commands: list[CommandSpec] = field(default_factory=list)
    buttons: list[ButtonSpec] = field(default_factory=list)
    messages: list[MessageSpec] = field(default_factory=list)
    on_join: list[EventHandler] = field(default_factory=list)
    on_leave: list[EventHandler] = field(default_factory=list)
    on_chat_change: list[EventHandler] = field(default_factory=list)
    jobs: dict[str, JobHandler] = field(default_factory=dict)
    flows: dict[str, FlowHandler] = field(default_factory=dict)
    text_sections: list[type[TextSection]] = field(default_factory=list)
    startup: list[StartupHook] = field(default_factory=list)
    exporters: list[DataExporter] = field(default_factory=list)
    erasers: list[DataEraser] = field(default_factory=list)

    def command(
        self,
        name: str,
        *,
        role: Role = Role.CARER,
        where: Where = Where.ANYWHERE,
        hidden: bool = False,
        help_key: str = "",
    ) -> Callable[[CommandHandler], CommandHandler]:
        """Declare a command. The same name may be declared once for GROUP and once for DM."""

        def register(handler: CommandHandler) -> CommandHandler:
            self.commands.append(CommandSpec(name, handler, role, where, hidden, help_key))
            return handler

        return register

    def button(
        self, prefix: str, *, role: Role = Role.GUEST
    ) -> Callable[[ButtonHandler], ButtonHandler]:
        if ":" in prefix:
            raise ValueError("a button prefix may not contain ':'")

        def register(handler: ButtonHandler) -> ButtonHandler:
            self.buttons.append(ButtonSpec(prefix, handler, role))
            return handler

        return register

    def message(
        self, *, role: Role = Role.GUEST, where: Where = Where.ANYWHERE
    ) -> Callable[[MessageHandler], MessageHandler]:
        def register(handler: MessageHandler) -> MessageHandler:
            self.messages.append(MessageSpec(handler, role, where))
            return handler

        return register

    def joined(self, handler: EventHandler) -> EventHandler:
        self.on_join.append(handler)
        return handler

    def left(self, handler: EventHandler) -> EventHandler:
        self.on_leave.append(handler)
        return handler

    def chat_changed(self, handler: EventHandler) -> EventHandler:
        """carebot added to, removed from, or following a group (see bot.events.ChatChanged)."""
        self.on_chat_change.append(handler)
        return handler

    def job(self, kind: str) -> Callable[[JobHandler], JobHandler]:
        def register(handler: JobHandler) -> JobHandler:
            self.jobs[kind] = handler
            return handler

        return register

    def flow(self, name: str) -> Callable[[FlowHandler], FlowHandler]:
        """The handler for answers to questions this feature asked with bot.conversation.ask."""

        def register(handler: FlowHandler) -> FlowHandler:
            self.flows[name] = handler
            return handler

        return register

    def texts(self, *models: type[TextSection]) -> None:
        self.text_sections.extend(models)

    def exporter(self, func: DataExporter) -> DataExporter:
        self.exporters.append(func)
        return func

    def eraser(self, func: DataEraser) -> DataEraser:
        self.erasers.append(func)
        return func


def button_data(prefix: str, arg: str = "") -> str:
    """Compose button data; kept short because Telegram allows 64 bytes."""
    data = f"{prefix}:{arg}"
    if len(data.encode()) > 64:
        raise ValueError(f"button data too long: {prefix}")
    return data
