"""Answering carers in conversation: private chats, `/ask`, mentions, and group suggestions.

In a private chat every message that is not a command gets a reply: the answer, an
offer of a person, or a short friendly line. In a group carebot speaks only when
asked, unless staff turned on gentle suggestions, which offer a topic in one line.
"""

from __future__ import annotations

import re
from datetime import timedelta
from enum import Enum

from bot import conversation
from bot.commands import ParsedCommand
from bot.context import Context
from bot.events import Button, Message
from bot.features.faq import handover, stats, votes
from bot.features.faq.decide import Reply, decide, friendly_word
from bot.features.faq.library import library_for
from bot.features.faq.model import FaqEntry
from bot.features.faq.render import (
    HELPFUL,
    MORE,
    SHOW,
    UNHELPFUL,
    answer_message,
    more_message,
    suggestion_message,
)
from bot.features.faq.texts import FaqTexts, HandoverTexts
from bot.roles import Role
from bot.router import Router
from moderation.signals import was_safeguarding_raised
from storage.faq_tables import FaqGroupSetting
from storage.models import ConversationState

# Scaled match scores (0.5 is the answering threshold, see FaqMatcher.match).
SUGGEST_SCORE = 0.75  # only very confident matches are suggested in a group,
SUGGEST_MARGIN = 0.05  # and only when no other topic comes close
SUGGEST_GAP = timedelta(minutes=30)  # at most one suggestion per group in this time
_LETTER = re.compile(r"[^\W\d_]")
_OTHER_BOTS_COMMAND = re.compile(r"^\s*[/!][A-Za-z]")  # e.g. /help@otherbot: not for carebot


class Asked(Enum):
    """How a question reached carebot; it changes what to say when there is no answer."""

    PRIVATELY = "dm"
    BY_COMMAND = "ask"
    BY_MENTION = "mention"


async def respond(ctx: Context, text: str, how: Asked) -> None:
    """Answer, offer a person, or say a friendly word; silent on a bare emoji or number."""
    texts = ctx.texts(FaqTexts)
    if was_safeguarding_raised():
        return  # the person has just been given the urgent routes: those are the answer
    decision = decide(library_for(ctx.services.settings).matcher, text)
    if decision.reply is Reply.NO_WORDS:
        if how is Asked.BY_COMMAND:
            ctx.reply(texts.ask_usage)
        return
    if decision.entry is not None:
        await send_answer(ctx, decision.entry, texts)
        return
    if decision.offers_person:
        needs_person = decision.reply is Reply.NEEDS_PERSON
        await handover.offer(ctx, text, decision.match.candidate, needs_person=needs_person)
        return
    if how is Asked.BY_MENTION and decision.is_chatter:
        return  # "thanks @carebot" in a group needs no reply
    ctx.reply(friendly_word(decision.reply, texts), quote=not ctx.in_dm)


async def send_answer(
    ctx: Context, entry: FaqEntry, texts: FaqTexts, *, privately: bool = False
) -> None:
    text, buttons = answer_message(entry, texts, votes.new_token())
    if privately and not ctx.in_dm:
        ctx.dm(text, buttons, fallback_to_here=True)
    else:
        ctx.reply(text, buttons, quote=not ctx.in_dm)
    day = stats.local_day(ctx.now(), ctx.services.settings.zone)
    await stats.bump(ctx.db, ctx.org_id, day, stats.ANSWERED, entry.slug)


def addressed_to_bot(text: str, bot_name: str, mentioned: bool) -> str | None:
    """The question in "@carebot what's a PEP?" (or any message that mentions carebot)."""
    handle = re.compile(rf"@{re.escape(bot_name)}\b[,:]?", re.IGNORECASE)
    if not mentioned and handle.match(text.strip()) is None:
        return None
    return " ".join(handle.sub(" ", text).split())


async def on_message(ctx: Context, message: Message) -> bool:
    if message.is_edit or _OTHER_BOTS_COMMAND.match(message.text):
        return False  # edits were answered the first time; "/cmd@otherbot" is another bot's
    if ctx.in_dm:
        await respond(ctx, message.text, Asked.PRIVATELY)
        return True
    bot_name = ctx.services.settings.bot_name
    question = addressed_to_bot(message.text, bot_name, message.mentions_bot)
    if question is not None:
        await respond(ctx, question, Asked.BY_MENTION)
        return True
    await _maybe_suggest(ctx, message.text)
    return False


async def ask(ctx: Context, command: ParsedCommand) -> None:
    await respond(ctx, command.arg_text, Asked.BY_COMMAND)


async def _maybe_suggest(ctx: Context, text: str) -> None:
    """In a group that allows it, offer a topic in one line when the match is very good."""
    group = ctx.group
    if group is None or not _LETTER.search(text) or was_safeguarding_raised():
        return
    setting = await ctx.db.get(FaqGroupSetting, group.id)
    chosen = setting.suggestions if setting is not None else None
    if not (ctx.services.settings.faq.group_suggestions if chosen is None else chosen):
        return
    now = ctx.now()
    last = setting.last_suggested_at if setting is not None else None
    if last is not None and now - last < SUGGEST_GAP:
        return
    library = library_for(ctx.services.settings)
    match = library.matcher.match(text)
    entry = library.kb.get(match.topic) if match.topic else None
    clear = match.score - match.runner_up_score >= SUGGEST_MARGIN
    if entry is None or match.needs_person or match.score < SUGGEST_SCORE or not clear:
        return
    line, buttons = suggestion_message(entry, ctx.texts(FaqTexts))
    ctx.reply(line, buttons, quote=True)
    if setting is None:
        setting = FaqGroupSetting(group_id=group.id, suggestions=None, changed_at=now)
        ctx.db.add(setting)
    setting.last_suggested_at = now
    day = stats.local_day(now, ctx.services.settings.zone)
    await stats.bump(ctx.db, ctx.org_id, day, stats.SUGGESTED, entry.slug)


def _here_or_privately(ctx: Context, text: str, buttons: list[Button] | None = None) -> None:
    """Replies to buttons: in place in a private chat, privately from a group."""
    if ctx.in_dm:
        ctx.reply(text, buttons or [])
    else:
        ctx.dm(text, buttons or [], fallback_to_here=True)


async def more(ctx: Context, slug: str) -> None:
    texts = ctx.texts(FaqTexts)
    entry = library_for(ctx.services.settings).kb.get(slug)
    _here_or_privately(ctx, more_message(entry, texts) if entry else texts.topic_gone)


async def show(ctx: Context, slug: str) -> None:
    """A group suggestion's button: the answer goes to whoever asked for it, privately."""
    texts = ctx.texts(FaqTexts)
    entry = library_for(ctx.services.settings).kb.get(slug)
    if entry is None:
        _here_or_privately(ctx, texts.topic_gone)
        return
    await send_answer(ctx, entry, texts, privately=True)


def _voter(ctx: Context) -> str:
    person = ctx.person
    return f"person:{person.id}" if person is not None else f"{ctx.sender.platform}:{ctx.sender.id}"


async def _mark(ctx: Context, arg: str, helpful: bool) -> None:
    """Thank the person; count their vote once per answer (a later tap changes it)."""
    texts = ctx.texts(FaqTexts)
    slug, token = votes.parse_button_arg(arg)
    entry = library_for(ctx.services.settings).kb.get(slug)
    if entry is None:
        _here_or_privately(ctx, texts.topic_gone)
        return
    if ctx.org_id is not None:  # someone not yet joined: nothing is kept
        await votes.record(
            ctx.db,
            org_id=ctx.org_id,
            key=votes.vote_key(ctx.org_id, _voter(ctx), slug, token),
            topic=slug,
            helpful=helpful,
            day=stats.local_day(ctx.now(), ctx.services.settings.zone),
            now=ctx.now(),
        )
    thanks = texts.thanks_helpful if helpful else texts.thanks_unhelpful.format(ask=entry.ask)
    if ctx.in_dm:
        ctx.reply(thanks)
    else:
        ctx.dm(thanks)  # a thank-you is not worth a line in the group if DMs are closed


async def helpful(ctx: Context, arg: str) -> None:
    await _mark(ctx, arg, helpful=True)


async def unhelpful(ctx: Context, arg: str) -> None:
    await _mark(ctx, arg, helpful=False)


async def typed_choice(ctx: Context, message: Message, state: ConversationState) -> None:
    """A typed "yes"/"no" to a hand-over offer; anything else is a new question."""
    texts = ctx.texts(HandoverTexts)
    said = re.sub(r"[^\w\s]", "", message.text).strip().lower()
    token = str(state.data.get("token", ""))
    if said in texts.yes_words:
        await handover.pass_on(ctx, token)
    elif said in texts.no_words:
        await handover.keep(ctx, token)
    else:
        await conversation.finish(ctx.db, ctx.sender)
        await respond(ctx, message.text, Asked.PRIVATELY)


def register(router: Router) -> None:
    router.texts(FaqTexts)
    router.command("ask", role=Role.GUEST)(ask)
    router.message(role=Role.GUEST)(on_message)
    router.flow(handover.FLOW)(typed_choice)
    router.button(MORE)(more)
    router.button(SHOW)(show)
    router.button(HELPFUL)(helpful)
    router.button(UNHELPFUL)(unhelpful)
