"""`/report` in a private chat: staff get their organisation's report as a file.

In a group, `/report` flags a message for the facilitators (moderation.reporting); the
dispatcher sends each place's `/report` to its own handler. Carers who send it privately
are told kindly that it is for staff.
"""

from __future__ import annotations

from bot.commands import ParsedCommand
from bot.context import Context
from bot.events import Attachment
from bot.features.reports.files import make_report
from bot.features.reports.period import PeriodError, parse_period
from bot.features.reports.texts import ReportTexts, problem_words
from bot.roles import Role
from bot.router import Router, Where
from storage.models import Organisation

HTML = "text/html"

router = Router("reports")
router.texts(ReportTexts)


@router.command("report", role=Role.STAFF, where=Where.DM, help_key="report_private")
async def report(ctx: Context, command: ParsedCommand) -> None:
    texts = ctx.texts(ReportTexts)
    zone = ctx.services.settings.zone
    try:
        period = parse_period(command.arg_text, ctx.now().astimezone(zone).date())
    except PeriodError as error:
        ctx.reply(problem_words(texts, error))
        return
    assert ctx.org_id is not None  # staff always belong to an organisation
    org = await ctx.db.get(Organisation, ctx.org_id)
    assert org is not None
    made = await make_report(
        ctx.db,
        org_id=org.id,
        org_name=org.name,
        period=period,
        zone=zone,
        now=ctx.now(),
        texts=texts,
    )
    words = {"org": org.name, "first": texts.day(period.first), "last": texts.day(period.last)}
    if made.report.empty:
        ctx.reply(texts.chat_nothing.format(**words))
        return
    attachment = Attachment(made.files.html_name, made.files.html, HTML)
    ctx.dm(texts.chat_caption.format(**words), attachment=attachment)
