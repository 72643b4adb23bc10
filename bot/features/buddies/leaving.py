"""When someone leaves mid-pairing: the other side is told kindly, and a carer goes first in line.

Three ways to leave: a mentor loses the mentor role or a member leaves the organisation
(found by `sweep`, run before every matching run), or someone erases their data with
/forgetme (`erase`). Erasers get no clock or outbox, so `erase` removes everything of
theirs at once and leaves a job, due at once, that tells the other side; the timers'
regular sweep runs it within a minute. Also `/mydata` (`export`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.outbox import insert_unless_duplicate
from bot.features.buddies import store
from bot.features.buddies.offers import schedule_rematch
from bot.features.buddies.post import Post, from_job
from bot.features.buddies.routing import PARTNER_LEFT, router
from bot.features.buddies.texts import BuddyTexts
from bot.router import JobContext
from storage.buddies_tables import BuddyPairing, BuddyProfile, BuddyRatherNot
from storage.models import Account, ConversationState, Membership, ScheduledJob

AT_ONCE = datetime(2000, 1, 1, tzinfo=UTC)
"""run_at for jobs an eraser leaves: already due, whatever the clock says."""


async def end_for_departure(post: Post, pairing: BuddyPairing, gone: str) -> None:
    """End an open pairing because one side (`gone`) left; tell the other side kindly."""
    now = post.services.clock.now()
    stage = pairing.status
    after = "ended" if stage == "active" else "cancelled"
    moved = await store.move(
        post.db, pairing.id, store.OPEN, after, ended_at=now, end_reason=f"{gone}_left"
    )
    if moved is None:
        return
    texts = post.services.texts.get(BuddyTexts)
    survivor = moved.mentee_id if gone == store.MENTOR else moved.mentor_id
    if gone == store.MENTOR and survivor is not None:
        await store.set_mentee_status(
            post.db, moved.org_id, survivor, "waiting", now, priority=True, gap_told=None
        )
    elif gone == store.MENTEE:
        await store.set_mentee_status(post.db, moved.org_id, moved.mentee_id, "done", now)
    if stage in store.UNSENT or survivor is None:
        return
    name = await store.name_of(post.db, survivor)
    if stage == "offered":
        await post.to(survivor, texts.partner_offer_withdrawn)
    elif gone == store.MENTOR:
        await post.to(survivor, texts.partner_left_mentee.format(name=name))
    else:
        await post.to(survivor, texts.partner_left_mentor.format(name=name))


async def sweep(post: Post, org_id: int) -> int:
    """End open pairings whose mentor is no longer a mentor, or whose carer has left."""
    pairings = list(
        (
            await post.db.execute(
                select(BuddyPairing)
                .where(BuddyPairing.org_id == org_id, BuddyPairing.status.in_(store.OPEN))
                .order_by(BuddyPairing.id)
            )
        ).scalars()
    )
    if not pairings:
        return 0
    people = {p for row in pairings for p in (row.mentor_id, row.mentee_id) if p is not None}
    roles = dict(
        (
            await post.db.execute(
                select(Membership.person_id, Membership.role).where(
                    Membership.org_id == org_id, Membership.person_id.in_(people)
                )
            )
        ).all()
    )
    ended = 0
    for row in pairings:
        if row.mentor_id is None or roles.get(row.mentor_id) not in store.MENTOR_ROLES:
            await end_for_departure(post, row, store.MENTOR)
        elif row.mentee_id is None or row.mentee_id not in roles:
            await end_for_departure(post, row, store.MENTEE)
        else:
            continue
        ended += 1
    return ended


@router.job(PARTNER_LEFT)
async def partner_left(job: JobContext, payload: dict[str, Any]) -> None:
    row = await store.pairing(job.db, int(payload["pairing_id"]))
    if row is None or row.status not in store.OPEN:
        return
    post = from_job(job)
    gone = str(payload["gone"])
    await end_for_departure(post, row, gone)
    if gone == store.MENTOR and row.mentee_id is not None:
        await schedule_rematch(post, row.org_id)


@router.eraser
async def erase(db: AsyncSession, person_id: int) -> None:
    """Everything of theirs goes; their side of past pairings becomes anonymous."""
    open_rows = (
        await db.execute(
            select(BuddyPairing.id, BuddyPairing.mentor_id).where(
                BuddyPairing.status.in_(store.OPEN),
                or_(BuddyPairing.mentor_id == person_id, BuddyPairing.mentee_id == person_id),
            )
        )
    ).all()
    for pairing_id, mentor_id in open_rows:
        gone = store.MENTOR if mentor_id == person_id else store.MENTEE
        await insert_unless_duplicate(
            db,
            ScheduledJob,
            {
                "kind": PARTNER_LEFT,
                "run_at": AT_ONCE,
                "payload": {"pairing_id": pairing_id, "gone": gone},
                "status": "pending",
                "dedupe_key": f"buddies:left:{pairing_id}",
                "created_at": AT_ONCE,
            },
        )
    for side in (store.MENTOR, store.MENTEE):
        column = getattr(BuddyPairing, f"{side}_id")
        await db.execute(
            update(BuddyPairing)
            .where(column == person_id)
            .values({f"{side}_id": None, f"{side}_rating": None, f"{side}_carry_on": None})
            .execution_options(synchronize_session=False)
        )
    await db.execute(delete(BuddyProfile).where(BuddyProfile.person_id == person_id))
    await db.execute(
        delete(BuddyRatherNot).where(
            or_(BuddyRatherNot.person_id == person_id, BuddyRatherNot.other_id == person_id)
        )
    )
    keys = (
        await db.execute(
            select(Account.platform, Account.external_id).where(Account.person_id == person_id)
        )
    ).all()
    if keys:
        await db.execute(
            delete(ConversationState).where(
                ConversationState.user_key.in_([f"{p}:{e}" for p, e in keys])
            )
        )


def _profile_export(row: BuddyProfile) -> str:
    parts = [
        f"status: {row.status}",
        f"kinds of care: {', '.join(row.care_kinds) or '-'}",
        f"children's ages: {', '.join(row.age_ranges) or '-'}",
        f"region: {row.region or '-'}",
        f"council: {row.local_authority or '-'}",
        f"languages: {', '.join(row.languages) or '-'}",
        f"free: {', '.join(row.availability) or '-'}",
        f"keeping in touch: {', '.join(row.contact_ways) or '-'}",
    ]
    if row.role == store.MENTOR:
        parts[1:1] = [f"years caring: {row.years_caring}", f"buddies at once: {row.capacity}"]
    return "; ".join(parts)


@router.exporter
async def export(db: AsyncSession, person_id: int) -> dict[str, Any]:
    profiles = (
        await db.execute(select(BuddyProfile).where(BuddyProfile.person_id == person_id))
    ).scalars()
    found: dict[str, Any] = {}
    for row in profiles:
        found[f"buddy_{row.role}"] = _profile_export(row)
    others = list(
        (
            await db.execute(
                select(BuddyRatherNot.other_id).where(BuddyRatherNot.person_id == person_id)
            )
        ).scalars()
    )
    if others:
        named = await store.names(db, others)
        found["buddy_rather_not"] = [named.get(o, "?") for o in others]
    pairings = list(
        (
            await db.execute(
                select(BuddyPairing)
                .where(
                    or_(BuddyPairing.mentor_id == person_id, BuddyPairing.mentee_id == person_id)
                )
                .order_by(BuddyPairing.id)
            )
        ).scalars()
    )
    if pairings:
        named = await store.names(
            db, [p.mentor_id for p in pairings] + [p.mentee_id for p in pairings]
        )
        lines = []
        for p in pairings:
            mine = store.MENTOR if p.mentor_id == person_id else store.MENTEE
            other = p.mentee_id if mine == store.MENTOR else p.mentor_id
            lines.append(
                f"as {mine}, with {named.get(other or 0, 'someone who has left')}: {p.status}"
            )
        found["buddy_pairings"] = lines
    return found
