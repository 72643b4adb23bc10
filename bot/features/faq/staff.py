"""`/faq gaps` and `/faq suggestions on|off`: what staff need to grow and tune the FAQ.

Gaps show where carebot fell short: how often it was not sure, week by week, the
questions carers chose to pass on (while they are still held), and topics marked
unhelpful. Suggestions let a group hear about a topic when a question clearly fits.
"""

from __future__ import annotations

from datetime import timedelta

from bot.commands import ParsedCommand
from bot.context import Context
from bot.core_texts import CoreTexts
from bot.features.faq import stats, tickets
from bot.features.faq.library import library_for
from bot.features.faq.render import day_month
from bot.features.faq.texts import FaqStaffTexts, FaqTexts
from bot.roles import Role
from bot.router import Router
from storage.faq_tables import FaqGroupSetting

GAP_WEEKS = 8
RECENT_QUESTIONS = 10
UNHELPFUL_DAYS = 90
QUOTE_LENGTH = 200  # a long question is cut in the list; /mydata and the ticket have it whole


def _cut(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_LENGTH else flat[: QUOTE_LENGTH - 1].rstrip() + "…"


async def gaps(ctx: Context) -> None:
    texts = ctx.texts(FaqStaffTexts)
    if not ctx.in_dm:
        ctx.reply(ctx.texts(CoreTexts).dm_only.format(name="faq gaps"))
        return
    if ctx.org_id is None:
        ctx.reply(texts.gaps_no_org)
        return
    zone = ctx.services.settings.zone
    words = ctx.texts(FaqTexts)
    now = ctx.now()
    today = now.astimezone(zone).date()
    lines = [texts.gaps_header.format(weeks=GAP_WEEKS)]
    weeks = await stats.weeks(ctx.db, ctx.org_id, today, GAP_WEEKS)
    lines += [
        texts.gaps_week.format(
            week=f"{w.starts.day} {words.months[w.starts.month - 1]}",
            not_sure=w.not_sure,
            needs_person=w.needs_person,
            passed=w.passed,
        )
        for w in weeks
    ] or [texts.gaps_no_weeks]
    lines += ["", texts.gaps_questions_header]
    recent = await tickets.recent(
        ctx.db, ctx.org_id, now - timedelta(weeks=GAP_WEEKS), RECENT_QUESTIONS
    )
    for ticket in recent:
        status = texts.gaps_status["answered" if ticket.answered else "waiting"]
        when = day_month(ticket.created_at, zone, words)
        template = texts.gaps_question if ticket.question else texts.gaps_question_erased
        lines.append(
            template.format(
                number=ticket.number, date=when, status=status, question=_cut(ticket.question or "")
            )
        )
    if not recent:
        lines.append(texts.gaps_no_questions)
    lines += ["", texts.gaps_unhelpful_header.format(days=UNHELPFUL_DAYS)]
    kb = library_for(ctx.services.settings).kb
    marks = await stats.marks(ctx.db, ctx.org_id, today - timedelta(days=UNHELPFUL_DAYS))
    for mark in marks:
        entry = kb.get(mark.topic)
        lines.append(
            texts.gaps_unhelpful.format(
                title=entry.title if entry else mark.topic,
                unhelpful=mark.unhelpful,
                helpful=mark.helpful,
                answered=mark.answered,
            )
        )
    if not marks:
        lines.append(texts.gaps_no_unhelpful)
    ctx.reply("\n".join(lines))


async def suggestions(ctx: Context, args: tuple[str, ...]) -> None:
    texts = ctx.texts(FaqStaffTexts)
    if ctx.in_dm:
        ctx.reply(ctx.texts(CoreTexts).group_only.format(name="faq suggestions"))
        return
    if ctx.group is None:
        ctx.reply(texts.not_registered)
        return
    setting = await ctx.db.get(FaqGroupSetting, ctx.group.id)
    choice = args[0].lower() if args else ""
    if not choice:
        chosen = setting.suggestions if setting is not None else None
        on = ctx.services.settings.faq.group_suggestions if chosen is None else chosen
        ctx.reply(texts.suggestions_now["on" if on else "off"])
        return
    if choice not in ("on", "off") or len(args) > 1:
        ctx.reply(texts.suggestions_usage)
        return
    if setting is None:
        setting = FaqGroupSetting(group_id=ctx.group.id, changed_at=ctx.now())
        ctx.db.add(setting)
    setting.suggestions = choice == "on"
    setting.changed_at = ctx.now()
    ctx.reply(texts.suggestions_changed[choice])


async def faq(ctx: Context, command: ParsedCommand) -> None:
    word = (command.arg(0) or "").lower()
    if word == "gaps" and len(command.args) == 1:
        await gaps(ctx)
    elif word in ("suggestions", "suggestion", "suggest"):
        await suggestions(ctx, command.args[1:])
    else:
        ctx.reply(ctx.texts(FaqStaffTexts).usage)


def register(router: Router) -> None:
    router.texts(FaqStaffTexts)
    router.command("faq", role=Role.STAFF)(faq)
