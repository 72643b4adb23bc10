"""Telling the safeguarding lead: the alert, and escalation down the rota.

An alert says who wrote, where, when and what kind of concern, in plain words;
never the message. It goes to the first lead on the rota (or every staff member
and admin when there is no rota). If nobody presses "I'm dealing with this" in
time (see acknowledge.py), the next lead is told, and when the rota runs out,
every staff member and admin. Alerts are forgotten after a week.
"""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import Insert

from bot.events import Button
from bot.people.contacts import private_chat, staff_and_admins
from bot.router import JobContext, Router, button_data
from bot.services import Services
from config.settings import ConfigError
from moderation.safeguarding import RoutesError
from moderation.safeguarding.routes import default_routes
from moderation.safeguarding_alerts.rota import rota_people
from moderation.safeguarding_alerts.texts import SafeguardingTexts
from storage.moderation_tables import SafeguardingAlert, SafeguardingNotice

log = logging.getLogger(__name__)

ACK_BUTTON = "sgack"
ALERT_KIND = "safeguarding_alert"
ESCALATE_JOB = "safeguarding.escalate"
FORGET_JOB = "safeguarding.forget"
ALERT_KEEP = timedelta(days=7)  # long enough to see who took it; the lead keeps the record

# Characters no database or chat platform accepts, in a name from a platform.
_UNSENDABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")

router = Router("safeguarding_alerts")
router.texts(SafeguardingTexts)


async def raise_alert(
    db: AsyncSession,
    services: Services,
    *,
    org_id: int,
    source: str,
    category: str,
    author_id: int | None,
    author_name: str,
    place: str,
    platform: str,
) -> int | None:
    """Record the concern and tell the first lead(s): how many were told.

    None when this message (or an earlier version of it) already raised one.
    """
    now = services.clock.now()
    values: dict[str, Any] = {
        "org_id": org_id,
        "source": source,
        "category": category,
        "author_id": author_id,
        "author_name": _UNSENDABLE.sub("", author_name)[:200],
        "place": place[:200],
        "platform": platform,
        "created_at": now,
        "everyone_told": False,
    }
    stmt: Insert
    if db.get_bind().dialect.name == "postgresql":
        stmt = postgresql.insert(SafeguardingAlert).values(values).on_conflict_do_nothing()
    else:
        stmt = sqlite.insert(SafeguardingAlert).values(values).on_conflict_do_nothing()
    alert_id = (await db.execute(stmt.returning(SafeguardingAlert.id))).scalar_one_or_none()
    if alert_id is None:
        return None
    alert = await db.get(SafeguardingAlert, alert_id)
    assert alert is not None
    timers = services.timers
    assert timers is not None
    await timers.schedule(db, FORGET_JOB, now + ALERT_KEEP, {"alert": alert_id})
    leads = [p for p in await rota_people(db, org_id) if p != author_id]
    if leads:
        told = await _tell(db, services, alert, leads[:1], escalated=False)
        await _schedule_escalation(db, services, alert)
        return told
    alert.everyone_told = True
    everyone = [p for p in await staff_and_admins(db, org_id) if p != author_id]
    return await _tell(db, services, alert, everyone, escalated=False)


async def notified(db: AsyncSession, alert_id: int) -> list[int]:
    found = await db.execute(
        select(SafeguardingNotice.person_id)
        .where(SafeguardingNotice.alert_id == alert_id)
        .order_by(SafeguardingNotice.id)
    )
    return list(found.scalars().all())


def escalation_key(alert_id: int, told_so_far: int) -> str:
    return f"{ESCALATE_JOB}:{alert_id}:{told_so_far}"


async def _schedule_escalation(
    db: AsyncSession, services: Services, alert: SafeguardingAlert
) -> None:
    assert services.timers is not None
    minutes = services.settings.safeguarding.escalate_after_minutes
    told = len(await notified(db, alert.id))
    await services.timers.schedule(
        db,
        ESCALATE_JOB,
        services.clock.now() + timedelta(minutes=minutes),
        {"alert": alert.id},
        dedupe_key=escalation_key(alert.id, told),
    )


async def _tell(
    db: AsyncSession,
    services: Services,
    alert: SafeguardingAlert,
    people: list[int],
    *,
    escalated: bool,
) -> int:
    """Queue the alert privately to each person; how many could be reached."""
    assert services.outbox is not None
    texts = services.texts.get(SafeguardingTexts)
    settings = services.settings
    template = texts.alert_escalated if escalated else texts.alert
    next_step = texts.next_step_group if alert.place else texts.next_step_private
    words = {
        "who": alert.author_name or texts.someone,
        "where": texts.place(alert.place),
        "time": f"{alert.created_at.astimezone(settings.zone):%H:%M}",
        "concern": texts.concerns.get(alert.category, alert.category),
        "minutes": settings.safeguarding.escalate_after_minutes,
    }
    text = f"{template.format(**words)}\n{next_step.format(**words)}"
    button = Button(texts.ack_button, button_data(ACK_BUTTON, str(alert.id)))
    now = services.clock.now()
    told = 0
    for person_id in people:
        # Noted even when unreachable, so escalation moves on to the next person.
        db.add(SafeguardingNotice(alert_id=alert.id, person_id=person_id, sent_at=now))
        chat = await private_chat(db, person_id, prefer_platform=alert.platform)
        if chat is None:
            continue
        await services.outbox.enqueue(
            db,
            kind=ALERT_KIND,
            text=text,
            chats=[chat],
            buttons=[button],
            dedupe_key=f"{ALERT_KIND}:{alert.id}:{person_id}",
        )
        told += 1
    await db.flush()
    log.info("safeguarding alert %s: told %d (escalated=%s)", alert.id, told, escalated)
    return told


@router.job(ESCALATE_JOB)
async def escalate(job: JobContext, payload: dict[str, Any]) -> None:
    """Nobody has taken the concern yet: tell the next lead, or finally everyone."""
    alert = await job.db.get(SafeguardingAlert, int(payload.get("alert", 0)))
    if alert is None or alert.acknowledged_at is not None:
        return
    told = set(await notified(job.db, alert.id))
    skip = told | {alert.author_id}
    leads = [p for p in await rota_people(job.db, alert.org_id) if p not in skip]
    if leads:
        await _tell(job.db, job.services, alert, leads[:1], escalated=True)
        await _schedule_escalation(job.db, job.services, alert)
        return
    if alert.everyone_told:
        return
    alert.everyone_told = True
    everyone = [p for p in await staff_and_admins(job.db, alert.org_id) if p not in skip]
    if not everyone:
        log.warning("safeguarding alert %s: nobody left to tell", alert.id)
        return
    await _tell(job.db, job.services, alert, everyone, escalated=True)


@router.job(FORGET_JOB)
async def forget(job: JobContext, payload: dict[str, Any]) -> None:
    await job.db.execute(
        delete(SafeguardingAlert).where(SafeguardingAlert.id == int(payload.get("alert", 0)))
    )


async def _check_routes(_db: AsyncSession, _services: Services) -> None:
    """Load the urgent routes at start: a broken routes file must stop the start, not a reply."""
    try:
        default_routes()
    except RoutesError as exc:
        raise ConfigError(str(exc)) from exc


router.startup.append(_check_routes)
