"""A private, kind word when a group message could identify a child in care.

Runs on every message (and edit) in a registered group whose policy is not `off`.
The author gets one nudge per message: which details, why it matters, and the
message without them, to copy or to post with one tap. Under `hold` the original
is also removed where the platform lets carebot delete. Repeat nudges within a
week get shorter. Only anonymous counts per category per group per day are kept.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.commands import parse_command
from bot.context import Context
from bot.events import Button, Message
from bot.middleware import Next
from bot.people.data_rights import bump_count
from bot.router import button_data
from moderation.nudging import records
from moderation.nudging.check import Finding, check_text
from moderation.nudging.texts import NudgeTexts
from moderation.signals import was_safeguarding_raised

log = logging.getLogger(__name__)

POST_BUTTON = "nudgepost"
MAX_SUGGESTION = 3000  # longer than this is no message to post for someone: ask them instead


class ConfidentialityNudges:
    """The middleware; stateless, so one instance serves every event."""

    async def __call__(self, ctx: Context, call_next: Next) -> None:
        event = ctx.event
        group = ctx.group
        if (
            isinstance(event, Message)
            and group is not None
            and not ctx.in_dm
            and group.confidentiality_policy != "off"
            and event.text.strip()
            and not _is_command(event.text, ctx.services.settings.bot_name)
        ):
            texts = ctx.texts(NudgeTexts)
            finding = _check(event.text, texts)
            if finding is not None:
                await _nudge(ctx, event, finding, texts)
        await call_next()


def _is_command(text: str, bot_name: str) -> bool:
    """Commands to carebot name adults on purpose (/role Sam Taylor staff): not nudged."""
    command = parse_command(text, (bot_name,))
    return command is not None and not command.via_mention


def _check(text: str, texts: NudgeTexts) -> Finding | None:
    try:
        return check_text(text, texts.placeholders)
    except Exception as exc:  # a detector bug must never stop the conversation
        log.error("confidentiality check failed: %s", type(exc).__name__)
        return None


async def _nudge(ctx: Context, message: Message, finding: Finding, texts: NudgeTexts) -> None:
    group = ctx.group
    assert group is not None
    now = ctx.now()
    who = records.user_key(ctx.person.id if ctx.person else None, ctx.sender)
    source = records.digest(ctx.chat.key, message.message_id)
    if not await records.note_once(ctx.db, kind=records.NUDGE, key=source, who=who, now=now):
        return  # this message (or an earlier version of it) has had its nudge
    day = now.astimezone(ctx.services.settings.zone).date().isoformat()
    for category in finding.categories:
        await bump_count(
            ctx.db, org_id=group.org_id, group_id=group.id, day=day, metric=f"nudge.{category}"
        )
    # A message that raised a safeguarding concern stays up: the lead may need to read it.
    raised = was_safeguarding_raised()
    held = (
        group.confidentiality_policy == "hold" and ctx.capabilities.delete_messages and not raised
    )
    if held:
        ctx.delete(message.message_id)
    seen = await records.recent(
        ctx.db, kind=records.NUDGE, who=who, since=now - records.REPEAT_WINDOW
    )
    tier = "brief" if raised or seen >= 3 else ("short" if seen == 2 else "full")
    buttons: list[Button] = []
    suggestion = finding.suggestion if len(finding.suggestion) <= MAX_SUGGESTION else None
    if suggestion is not None:
        row = await records.keep_suggestion(
            ctx.db,
            who=who,
            group_id=group.id,
            thread_id=ctx.chat.thread_id,
            text=suggestion,
            now=now,
        )
        timers = ctx.services.timers
        assert timers is not None
        await timers.schedule(
            ctx.db,
            records.FORGET_JOB,
            row.expires_at + timedelta(seconds=1),
            {"id": row.id},
            dedupe_key=f"{records.FORGET_JOB}:{row.id}",
        )
        buttons.append(Button(texts.post_button, button_data(POST_BUTTON, str(row.id))))
    text = compose(
        texts,
        tier=tier,
        name=ctx.sender.display_name,
        group=group.title or "the group",
        details=texts.details(finding.categories),
        held=held,
        suggestion=suggestion,
    )
    ctx.dm(text, buttons, fallback_to_here=True)


def compose(
    texts: NudgeTexts,
    *,
    tier: str,
    name: str,
    group: str,
    details: str,
    held: bool,
    suggestion: str | None,
) -> str:
    """The nudge: full the first time in a week, shorter the second, one line after that."""
    opener = {"full": texts.opener_full, "short": texts.opener_short}.get(tier, texts.opener_brief)
    parts = [opener.format(name=name, group=group, details=details)]
    if tier == "full":
        parts.append(texts.why)
    if held:
        parts.append(texts.held_brief if tier == "brief" else texts.held)
    if tier == "brief":
        if suggestion is not None:
            parts.append(texts.suggest_brief.format(suggestion=" ".join(suggestion.split())))
        return " ".join(parts)
    if suggestion is None:
        parts.append(texts.too_long)
    else:
        template = texts.suggest_full if tier == "full" else texts.suggest_short
        parts.append(template.format(suggestion=suggestion))
    return " ".join(parts[:-1]) + "\n\n" + parts[-1]
