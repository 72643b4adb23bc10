"""Noticing when someone may be at risk, in a group or a private chat with carebot.

Runs before the confidentiality nudge, on every message and edit with words in it.
On a signal the author gets the urgent routes privately at once, and the
organisation's safeguarding lead gets an alert (who, where, what kind; never the
words). The group sees nothing. One alert per message, edits included. Nothing
of this is counted with moderation. In a private chat the routes are the whole
answer: the message goes no further (a command still does).
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging

from bot.commands import parse_command
from bot.context import Context
from bot.events import Message
from bot.middleware import Next
from moderation.safeguarding import NO_SIGNAL, Assessment, RoutesError, assess, render_routes
from moderation.safeguarding.routes import default_routes
from moderation.safeguarding.young_person import writes_as_young_person
from moderation.safeguarding_alerts.alerts import raise_alert
from moderation.safeguarding_alerts.texts import SafeguardingTexts
from moderation.signals import safeguarding_raised

log = logging.getLogger(__name__)


class SafeguardingWatch:
    async def __call__(self, ctx: Context, call_next: Next) -> None:
        event = ctx.event
        if (
            isinstance(event, Message)
            and (ctx.in_dm or ctx.group is not None)
            and event.text.strip()
        ):
            by_child = _written_by_young_person(ctx, event.text)
            category = _assess(event.text, by_child).category
            if category is not None and await _respond(ctx, event, category, by_child):
                if (
                    ctx.in_dm
                    and parse_command(event.text, (ctx.services.settings.bot_name,)) is None
                ):
                    return  # in private the routes are the answer: no cheery "ask me anything"
                with safeguarding_raised():
                    await call_next()
                return
        await call_next()


def _written_by_young_person(ctx: Context, text: str) -> bool:
    """Only someone who has not joined, writing privately, is ever taken for a young person."""
    if not ctx.in_dm or ctx.person is not None:
        return False
    try:
        return writes_as_young_person(text)
    except Exception as exc:  # a cue bug must never stop the conversation
        log.error("young person check failed: %s", type(exc).__name__)
        return False


def _assess(text: str, by_child: bool) -> Assessment:
    try:
        return assess(text, author_is_child=by_child)
    except Exception as exc:  # a detector bug must never stop the conversation
        log.error("safeguarding check failed: %s", type(exc).__name__)
        return NO_SIGNAL


async def _respond(ctx: Context, message: Message, category: str, by_child: bool) -> bool:
    """Alert the lead and send the author the routes; False if this message was seen before."""
    texts = ctx.texts(SafeguardingTexts)
    group = ctx.group
    org_id = group.org_id if group is not None else ctx.org_id
    told = 0
    if org_id is not None:
        raised = await raise_alert(
            ctx.db,
            ctx.services,
            org_id=org_id,
            source=_source(ctx.chat.key, message.message_id),
            category=category,
            author_id=ctx.person.id if ctx.person else None,
            author_name=ctx.person.display_name if ctx.person else ctx.sender.display_name,
            place=(group.title or "a group") if group is not None else "",
            platform=ctx.chat.platform,
        )
        if raised is None:
            return False
        told = raised
    log.info("safeguarding signal (%s); %d told", category, told)
    ctx.dm(_routes(ctx, category, texts, lead_told=told > 0, by_child=by_child))
    return True


def _source(chat_key: str, message_id: str) -> str:
    """One key per message, edits included, that does not keep the ids readable."""
    return hashlib.sha256(f"{chat_key}\x1f{message_id}".encode()).hexdigest()[:40]


def _routes(
    ctx: Context, category: str, texts: SafeguardingTexts, *, lead_told: bool, by_child: bool
) -> str:
    """The urgent routes; the footer only says a lead was told when one was."""
    edt = ctx.services.settings.safeguarding.edt_number
    try:
        routes = default_routes()
        if not lead_told:
            routes = dataclasses.replace(routes, footer=texts.nobody_told_footer)
        return render_routes(category, edt, by_child, routes=routes)
    except RoutesError as exc:
        log.error("safeguarding routes unavailable: %s", type(exc).__name__)
        return texts.routes_unavailable
