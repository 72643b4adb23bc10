"""Routes one event to one feature handler, checking roles and places on the way.

Also owns the two things every command shares: `/help`, generated from what the
commands declare, and the friendly answer to a command nobody declared.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Sequence

from bot import conversation
from bot.commands import ParsedCommand, parse_command
from bot.context import Context
from bot.core_texts import CoreTexts
from bot.events import ButtonPressed, ChatChanged, MemberJoined, MemberLeft, Message
from bot.roles import Role
from bot.router import ButtonSpec, CommandSpec, FlowHandler, Router, Where
from config.settings import ConfigError
from config.texts import Texts

log = logging.getLogger(__name__)

SUGGEST_CUTOFF = 0.6  # how alike a typo and a command must be to suggest it


class Dispatcher:
    def __init__(self, routers: Sequence[Router], bot_names: tuple[str, ...]) -> None:
        self.routers = tuple(routers)
        self.bot_names = bot_names
        # One handler per place: a name may have one for groups and another for private chats.
        self.commands: dict[str, tuple[CommandSpec, ...]] = {}
        self.buttons: dict[str, ButtonSpec] = {}
        self.flows: dict[str, FlowHandler] = {}
        for router in self.routers:
            for spec in router.commands:
                self._add_command(spec, router.name)
            for name, flow in router.flows.items():
                if name in self.flows:
                    raise ValueError(f"flow {name!r} declared twice")
                self.flows[name] = flow
            for button in router.buttons:
                if button.prefix in self.buttons:
                    raise ValueError(f"button prefix {button.prefix!r} declared twice")
                self.buttons[button.prefix] = button

    def _add_command(self, spec: CommandSpec, router_name: str) -> None:
        earlier = self.commands.get(spec.name, ())
        clash = any(spec.serves(other.where) or other.serves(spec.where) for other in earlier)
        if clash or spec.name in ("help", "cancel"):
            raise ValueError(f"command /{spec.name} declared twice ({router_name})")
        self.commands[spec.name] = (*earlier, spec)

    def recognise_name(self, name: str | None) -> None:
        """Also answer to this name (`/help@name`, `@name help`): a platform's bot username."""
        if name and name.lower() not in {n.lower() for n in self.bot_names}:
            self.bot_names = (*self.bot_names, name)

    def validate(self, texts: Texts) -> None:
        """Fail at start, with one clear line, if any text a feature needs is missing."""
        core = texts.get(CoreTexts)
        for router in self.routers:
            for model in router.text_sections:
                texts.get(model)
        for specs in self.commands.values():
            for spec in specs:
                key = spec.help_line_key
                if not spec.hidden and key not in core.command_help:
                    raise ConfigError(f"messages: [core.command_help] has no line for {key!r}")

    def command_menu(self, texts: Texts) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(carers' commands, the fuller list for chat administrators) for native menus."""
        lines = texts.get(CoreTexts).command_help

        def menu(role: Role) -> list[tuple[str, str]]:
            first: dict[str, str] = {}  # a name once, with its everyday (least-role) line
            for c in self.visible_commands(role):
                first.setdefault(c.name, lines[c.help_line_key])
            return list(first.items())

        return menu(Role.CARER), menu(Role.ADMIN)

    def visible_commands(self, role: Role) -> list[CommandSpec]:
        """What this role may use, everyday commands first; a name may appear once per place."""
        allowed = [
            c for specs in self.commands.values() for c in specs if not c.hidden and c.role <= role
        ]
        return sorted(allowed, key=lambda c: (c.role, c.name, c.where))

    async def dispatch(self, ctx: Context) -> None:
        event = ctx.event
        if isinstance(event, Message):
            command = parse_command(event.text, self.bot_names)
            if command is not None and (
                not command.via_mention
                or command.name in self.commands
                or command.name in ("help", "cancel")
            ):
                await self._command(ctx, command)
                return
            await self._message(ctx, event)
        elif isinstance(event, ButtonPressed):
            await self._button(ctx, event)
        elif isinstance(event, MemberJoined):
            for router in self.routers:
                for joined in router.on_join:
                    await joined(ctx)
        elif isinstance(event, MemberLeft):
            for router in self.routers:
                for left in router.on_leave:
                    await left(ctx)
        elif isinstance(event, ChatChanged):
            for router in self.routers:
                for changed in router.on_chat_change:
                    await changed(ctx)

    async def _command(self, ctx: Context, command: ParsedCommand) -> None:
        texts = ctx.texts(CoreTexts)
        if command.name in ("help", "commands"):
            self._help(ctx)
            return
        if command.name == "cancel":
            await self._cancel(ctx)
            return
        specs = self.commands.get(command.name)
        if not specs:
            self._unknown(ctx, command.name)
            return
        here = Where.DM if ctx.in_dm else Where.GROUP
        spec = next((s for s in specs if s.serves(here)), specs[0])
        if ctx.role < spec.role and self._other_place(ctx, spec, specs, texts):
            return
        if not self._allowed(ctx, spec.role, spec.name, texts):
            return
        if not spec.serves(here):
            place_text = texts.dm_only if spec.where is Where.DM else texts.group_only
            ctx.reply(place_text.format(name=spec.name))
            return
        await spec.handler(ctx, command)

    def _other_place(
        self, ctx: Context, spec: CommandSpec, specs: Sequence[CommandSpec], texts: CoreTexts
    ) -> bool:
        """Not allowed here, but the same name does something else, which this person may
        use, in the other kind of chat ("/report" flags a message in a group and sends staff
        a report in private): say what it does there. True when that was said."""
        if ctx.person is None:
            return False
        other = next((s for s in specs if s is not spec and ctx.role >= s.role), None)
        if other is None or other.where is Where.ANYWHERE or other.hidden:
            return False
        what = texts.command_help.get(other.help_line_key)
        if what is None:
            return False
        role_name = texts.role_names.get(spec.role.label, spec.role.label)
        here = (
            texts.needs_role_here_dm if other.where is Where.GROUP else texts.needs_role_here_group
        )
        ctx.reply(here.format(name=spec.name, role=role_name, what=what))
        return True

    def _allowed(self, ctx: Context, needed: Role, name: str, texts: CoreTexts) -> bool:
        if ctx.role >= needed:
            return True
        if ctx.role is Role.GUEST and ctx.person is None:
            ctx.reply(texts.needs_join)
        else:
            role_name = texts.role_names.get(needed.label, needed.label)
            ctx.reply(texts.needs_role.format(name=name, role=role_name))
        return False

    def _help(self, ctx: Context) -> None:
        texts = ctx.texts(CoreTexts)
        lines = [texts.help_header]
        for spec in self.visible_commands(ctx.role):
            text = texts.command_help[spec.help_line_key]
            lines.append(texts.help_line.format(name=spec.name, text=text))
        lines.append(texts.help_footer_guest if ctx.role is Role.GUEST else texts.help_footer)
        ctx.reply("\n".join(lines))

    async def _cancel(self, ctx: Context) -> None:
        texts = ctx.texts(CoreTexts)
        if await conversation.current(ctx.db, ctx.sender, ctx.now()) is None:
            ctx.reply(texts.nothing_to_cancel)
            return
        await conversation.finish(ctx.db, ctx.sender)
        ctx.reply(texts.cancelled)

    def _unknown(self, ctx: Context, name: str) -> None:
        texts = ctx.texts(CoreTexts)
        names = list(dict.fromkeys(spec.name for spec in self.visible_commands(ctx.role)))
        names.append("help")
        close = _close_matches(name, names)
        if close:
            suggestions = " or ".join(f"/{n}" for n in close)
            ctx.reply(texts.unknown_command_suggest.format(name=name, suggestions=suggestions))
        else:
            ctx.reply(texts.unknown_command_none.format(name=name))

    async def _message(self, ctx: Context, message: Message) -> None:
        if ctx.in_dm and await self._answer_to_question(ctx, message):
            return
        for router in self.routers:
            for spec in router.messages:
                if ctx.role < spec.role:
                    continue
                if spec.where is Where.DM and not ctx.in_dm:
                    continue
                if spec.where is Where.GROUP and ctx.in_dm:
                    continue
                if await spec.handler(ctx, message):
                    return

    async def _answer_to_question(self, ctx: Context, message: Message) -> bool:
        """A private message answering an open question goes to the flow that asked it."""
        state = await conversation.current(ctx.db, ctx.sender, ctx.now())
        if state is None:
            return False
        handler = self.flows.get(state.flow)
        if handler is None:
            await conversation.finish(ctx.db, ctx.sender)
            return False
        await handler(ctx, message, state)
        return True

    async def _button(self, ctx: Context, press: ButtonPressed) -> None:
        texts = ctx.texts(CoreTexts)
        prefix, _, arg = press.data.partition(":")
        spec = self.buttons.get(prefix)
        if spec is None:
            ctx.dm(texts.button_expired)
            return
        if not self._allowed(ctx, spec.role, prefix, texts):
            return
        await spec.handler(ctx, arg)


def _close_matches(typed: str, names: list[str]) -> list[str]:
    """The commands a typo most likely meant: at most two, and only near-best ones."""
    scored = sorted(
        ((difflib.SequenceMatcher(None, typed, name).ratio(), name) for name in names),
        key=lambda pair: (-pair[0], pair[1]),
    )
    best = scored[0][0] if scored else 0.0
    return [name for score, name in scored[:2] if score >= SUGGEST_CUTOFF and best - score <= 0.15]
