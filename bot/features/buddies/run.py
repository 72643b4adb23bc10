"""The matching run: who is waiting, who has room, the best pairs for everyone, and the gaps.

`plan` only reads (it is what `--dry-run` and staff previews show); `run` also sweeps out
people who left, records the proposals, sends them when the organisation lets carebot
do so without a staff check, tells carers with no good match (once per change) and
lets staff know there is something to look at. Runs daily, when staff ask, and after
a "no" or a lapse.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.buddies import store
from bot.features.buddies.gaps import GapReason
from bot.features.buddies.leaving import sweep
from bot.features.buddies.matching import MatchResult
from bot.features.buddies.offers import send_offer
from bot.features.buddies.post import Post, from_job
from bot.features.buddies.profiles import MentorProfile
from bot.features.buddies.reasons import label
from bot.features.buddies.rounds import match_round
from bot.features.buddies.routing import DAILY_MATCH, REMATCH, router
from bot.features.buddies.texts import BuddyTexts, StaffTexts
from bot.features.buddies.when import next_local
from bot.people.contacts import staff_and_admins
from bot.router import JobContext
from bot.services import Services
from config.settings import BuddySettings
from storage.buddies_tables import BuddyPairing, BuddyProfile
from storage.models import Organisation

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Plan:
    result: MatchResult
    waiting: dict[int, BuddyProfile]
    """The waiting carers' rows, by person id."""
    mentors: list[MentorProfile]


async def plan(db: AsyncSession, org_id: int, settings: BuddySettings) -> Plan:
    """The proposals matching would make now, changing nothing."""
    mentors = await store.mentor_pool(db, org_id)
    rows = await store.waiting_rows(db, org_id)
    mentees = [store.as_mentee(row) for row in rows]
    people = [m.person_id for m in mentors] + [m.person_id for m in mentees]
    result = match_round(
        mentors,
        mentees,
        {row.person_id for row in rows if row.priority},
        past_pairs=await store.past_pairs(db, people),
        rather_not=await store.rather_not(db, people),
        min_score=settings.min_score,
    )
    return Plan(result, {row.person_id: row for row in rows}, mentors)


def gap_signature(gap: GapReason) -> str:
    """What a carer was told: only the cause, so a day-to-day shuffle of which kind of care
    is scarcest does not repeat the message. New answers clear it (see asking)."""
    return gap.cause.value


async def auto_sends(db: AsyncSession, org_id: int, settings: BuddySettings) -> bool:
    if settings.auto_send:
        return True
    if not settings.auto_send_orgs:
        return False
    org = await db.get(Organisation, org_id)
    return org is not None and org.name in settings.auto_send_orgs


@dataclass(frozen=True, slots=True)
class Outcome:
    new: int
    unmatched: int
    gaps: list[GapReason]


async def run(post: Post, org_id: int, *, alert_staff: bool = True) -> Outcome:
    """One matching run for one organisation, in the caller's unit of work.

    `alert_staff`: tell the organisation's staff about new proposals (not needed when a
    staff member asked for the run and sees them anyway).
    """
    db, services = post.db, post.services
    settings = services.settings.buddies
    now = services.clock.now()
    await sweep(post, org_id)
    planned = await plan(db, org_id, settings)
    auto = await auto_sends(db, org_id, settings)
    rows = []
    for proposal in planned.result.proposals:
        waiting = planned.waiting[proposal.mentee_id]
        waiting.gap_told = None
        rows.append(
            BuddyPairing(
                org_id=org_id,
                mentor_id=proposal.mentor_id,
                mentee_id=proposal.mentee_id,
                status="offered" if auto else "proposed",
                score=proposal.score,
                reasons=store.reasons_to_json(proposal.reasons),
                staff_choice=False,
                asked_at=waiting.asked_at,
                proposed_at=now,
                offered_at=now if auto else None,
            )
        )
    db.add_all(rows)
    await db.flush()
    if auto:
        await post.prefetch(p for row in rows for p in (row.mentor_id, row.mentee_id) if p)
        for row in rows:
            await send_offer(post, row)
    await _tell_the_unmatched(post, planned)
    new = len(planned.result.proposals)
    if new and not auto and alert_staff:
        alert = services.texts.get(StaffTexts).alert.format(count=new)
        for staff_id in await staff_and_admins(db, org_id):
            await post.to(staff_id, alert)
    log.info(
        "buddy matching for org %s: %d proposed, %d waiting",
        org_id,
        new,
        len(planned.result.unmatched),
    )
    return Outcome(new, len(planned.result.unmatched), planned.result.gaps())


async def _tell_the_unmatched(post: Post, planned: Plan) -> None:
    """A carer with no good match hears so once, and again only if the reason changes."""
    texts = post.services.texts.get(BuddyTexts)
    now = post.services.clock.now()
    news = [
        (u, gap_signature(u.why))
        for u in planned.result.unmatched
        if planned.waiting[u.mentee_id].gap_told != gap_signature(u.why)
    ]
    if not news:
        return
    names = await store.names(post.db, [u.mentee_id for u, _ in news])
    await post.prefetch(u.mentee_id for u, _ in news)
    told = []
    with post.db.no_autoflush:  # one flush at the end, not one per message
        for unmatched, signature in news:
            why = unmatched.why
            text = texts.not_yet[why.cause.value].format(
                name=names.get(unmatched.mentee_id, ""),
                kind=label(why.kind, texts.reasons),
                region=why.region or texts.reasons.get("label.unknown_region", ""),
            )
            if await post.to(unmatched.mentee_id, text):
                told.append((planned.waiting[unmatched.mentee_id], signature))
    for row, signature in told:
        row.gap_told, row.updated_at = signature, now


async def ensure_scheduled(db: AsyncSession, services: Services) -> None:
    """Make sure the next daily run exists (safe to call at every start)."""
    assert services.timers is not None
    zone = services.settings.zone
    when = next_local(services.clock.now(), services.settings.buddies.match_time, zone)
    key = f"{DAILY_MATCH}:{when.astimezone(zone).date().isoformat()}"
    await services.timers.schedule(db, DAILY_MATCH, when, {}, dedupe_key=key)


router.startup.append(ensure_scheduled)


@router.job(DAILY_MATCH)
async def daily(job: JobContext, _payload: dict[str, Any]) -> None:
    orgs = (await job.db.execute(select(BuddyProfile.org_id).distinct())).scalars().all()
    post = from_job(job)
    for org_id in sorted(orgs):
        await run(post, org_id)
    await ensure_scheduled(job.db, job.services)


@router.job(REMATCH)
async def rematch(job: JobContext, payload: dict[str, Any]) -> None:
    await run(from_job(job), int(payload["org_id"]))
