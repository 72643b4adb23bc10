"""`/mydata` and `/forgetme`: people see and erase what carebot holds about them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from bot.commands import ParsedCommand
from bot.context import Context
from bot.events import Button
from bot.people.data_rights import core_export, erase_person
from bot.roles import Role
from bot.router import Router, button_data
from config.texts import TextSection
from storage.models import Membership


class DataTexts(TextSection):
    section = "data_rights"
    sent_privately: str
    export_header: str
    export_footer: str
    labels: dict[str, str]
    nothing_held: str
    forget_confirm: str
    forget_yes: str
    forget_no: str
    forgotten: str
    kept: str


router = Router("data_rights")
router.texts(DataTexts)


def _render(value: Any, zone: Any) -> str:
    if isinstance(value, datetime):
        return f"{value.astimezone(zone):%d %b %Y}"
    if isinstance(value, list):
        return "\n" + "\n".join(f"- {_render(v, zone)}" for v in value) if value else "none"
    if isinstance(value, dict):
        return "\n" + "\n".join(f"- {k}: {_render(v, zone)}" for k, v in value.items())
    return str(value)


@router.command("mydata", role=Role.GUEST)
async def mydata(ctx: Context, _command: ParsedCommand) -> None:
    texts = ctx.texts(DataTexts)
    if not ctx.in_dm:
        ctx.reply(texts.sent_privately)
    if ctx.person is None:
        ctx.dm(texts.nothing_held)
        return
    zone = ctx.services.settings.zone
    sections: dict[str, Any] = await core_export(ctx.db, ctx.person.id, zone)
    for exporter in ctx.services.exporters:
        sections.update(await exporter(ctx.db, ctx.person.id))
    lines = [texts.export_header]
    for key, value in sections.items():
        rendered = _render(value, zone)
        separator = ":" if rendered.startswith("\n") else ": "
        lines.append(f"*{texts.labels.get(key, key)}*{separator}{rendered}")
    lines.append(texts.export_footer)
    ctx.dm("\n".join(lines))


@router.command("forgetme", role=Role.GUEST)
async def forgetme(ctx: Context, _command: ParsedCommand) -> None:
    texts = ctx.texts(DataTexts)
    if not ctx.in_dm:
        ctx.reply(texts.sent_privately)
    if ctx.person is None:
        ctx.dm(texts.nothing_held)
        return
    ctx.dm(
        texts.forget_confirm,
        [
            Button(texts.forget_yes, button_data("forget", "yes")),
            Button(texts.forget_no, button_data("forget", "no")),
        ],
    )


@router.button("forget")
async def forget_button(ctx: Context, answer: str) -> None:
    texts = ctx.texts(DataTexts)
    if answer != "yes":
        ctx.dm(texts.kept)
        return
    if ctx.person is None:
        ctx.dm(texts.nothing_held)
        return
    person_id = ctx.person.id
    org_ids = list(
        (await ctx.db.execute(select(Membership.org_id).where(Membership.person_id == person_id)))
        .scalars()
        .all()
    )
    for eraser in ctx.services.erasers:
        await eraser(ctx.db, person_id)
    await erase_person(ctx.db, person_id, org_ids, ctx.now())
    ctx.dm(texts.forgotten)
