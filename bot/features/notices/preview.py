"""The preview staff confirm: the notice as people will see it, who it reaches, and when.

The confidentiality scanner reads the text first. When it finds details that could
identify a child, the preview names the kinds, shows a version without them, and the
only ways on are to use that version, change the text, or press "Send anyway".
Each preview carries a fresh token in its buttons, so only the latest one can send.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from bot import conversation
from bot.context import Context
from bot.events import Button
from bot.features.events.phrases import format_clock
from bot.features.notices import store
from bot.features.notices.audience import Audience, describe
from bot.features.notices.reach import Reach, regions_of
from bot.features.notices.routing import FLOW, PREVIEW_BUTTON
from bot.features.notices.sending import reach_words
from bot.features.notices.texts import NoticeTexts
from bot.features.notices.when import quiet_hours_for, release_time, spoken_time
from bot.router import button_data
from moderation.nudging import Finding, NudgeTexts, check_text

log = logging.getLogger(__name__)


async def describe_audience(ctx: Context, audience: Audience, org_id: int | None = None) -> str:
    texts = ctx.texts(NoticeTexts)
    regions = dict(await regions_of(ctx.db, org_id or ctx.org_id or 0))
    return describe(
        audience,
        region_names=regions,
        purpose_names=texts.purpose_names,
        role_names=texts.role_names,
        words={"and": texts.and_word, **texts.audience_words},
    )


def scan(ctx: Context, text: str) -> tuple[Finding | None, bool]:
    """The scanner's finding, and whether the check ran (a scanner fault is logged, not fatal)."""
    try:
        return check_text(text, ctx.texts(NudgeTexts).placeholders), True
    except Exception as exc:
        log.error("confidentiality check of a notice failed: %s", type(exc).__name__)
        return None, False


def send_moment(ctx: Context, data: dict[str, Any]) -> datetime:
    """When staff asked for it: now, or the time they gave."""
    when = data.get("when")
    return ctx.now() if when == "now" else datetime.fromisoformat(str(when))


async def release_at(ctx: Context, org_id: int, moment: datetime) -> datetime:
    """The moment, or the end of the organisation's quiet hours if it falls inside them."""
    settings = ctx.services.settings
    quiet = quiet_hours_for(settings.notices, await store.org_name(ctx.db, org_id))
    return release_time(moment, quiet, settings.zone)


async def _when_line(ctx: Context, data: dict[str, Any], org: str) -> str:
    texts = ctx.texts(NoticeTexts)
    settings = ctx.services.settings
    zone = settings.zone
    moment = send_moment(ctx, data)
    quiet = quiet_hours_for(settings.notices, org)
    release = release_time(moment, quiet, zone)
    if release != moment and quiet is not None:
        hours = texts.quiet_format.format(
            start=format_clock(quiet.start), end=format_clock(quiet.end)
        )
        when = spoken_time(release, zone, texts.when_format)
        return texts.preview_held.format(when=when, quiet=hours)
    if data.get("when") == "now":
        return texts.preview_now
    return texts.preview_at.format(when=spoken_time(moment, zone, texts.when_format))


async def show_preview(ctx: Context, data: dict[str, Any], reach: Reach) -> None:
    texts = ctx.texts(NoticeTexts)
    org_id = int(data["org"])
    org = await store.org_name(ctx.db, org_id)
    audience = await describe_audience(ctx, Audience.from_json(data["audience"]), org_id)
    finding, checked = scan(ctx, str(data["text"]))
    token = f"{ctx.services.rng.getrandbits(48):012x}"
    lines = [texts.preview_header, "", texts.header.format(org=org), "", str(data["text"]), ""]
    lines.append(
        texts.preview_to.format(
            audience=audience, reach=reach_words(texts, reach.groups, reach.people)
        )
    )
    lines.append(texts.preview_ack_yes if data.get("ack") else texts.preview_ack_no)
    lines.append(await _when_line(ctx, data, org))
    later = data.get("when") != "now" or await release_at(ctx, org_id, ctx.now()) > ctx.now()
    if finding is not None:
        details = ctx.texts(NudgeTexts).details(finding.categories)
        lines += ["", texts.flagged.format(details=details)]
        lines += ["", texts.safer_version.format(suggestion=finding.suggestion)]
    elif not checked:
        lines += ["", texts.scan_failed]
    saved = {
        **data,
        "token": token,
        "flagged": list(finding.categories) if finding else [],
        "suggestion": finding.suggestion if finding else None,
    }
    await conversation.ask(ctx.db, ctx.sender, flow=FLOW, step="preview", data=saved, now=ctx.now())
    ctx.reply("\n".join(lines), _buttons(texts, token, flagged=finding is not None, later=later))


def _buttons(texts: NoticeTexts, token: str, *, flagged: bool, later: bool) -> list[Button]:
    def button(label: str, action: str) -> Button:
        return Button(label, button_data(PREVIEW_BUTTON, f"{action}:{token}"))

    if flagged:
        go = texts.schedule_anyway_button if later else texts.send_anyway_button
        return [
            button(texts.safer_button, "safe"),
            button(texts.edit_button, "edit"),
            button(go, "send"),
            button(texts.stop_button, "stop"),
        ]
    go = texts.schedule_button if later else texts.send_button
    return [
        button(go, "send"),
        button(texts.edit_button, "edit"),
        button(texts.stop_button, "stop"),
    ]
