"""Double consent: both sides are asked privately; only two yeses lead to an introduction.

Whoever says no (no reason asked), or does not answer in time, the other side hears only
that it will not go ahead, never who or why, and the carer goes back to the front of
the search. Every change is a guarded status move, so stale or doubled presses are harmless.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from bot.context import Context
from bot.events import Button
from bot.features.buddies import store
from bot.features.buddies.post import Post, from_context, from_job
from bot.features.buddies.reasons import describe
from bot.features.buddies.routing import CHECKIN, ENDING, OFFER_LAPSES, REMATCH, router
from bot.features.buddies.texts import BuddyTexts
from bot.features.buddies.when import add_months
from bot.roles import Role
from bot.router import JobContext, button_data
from storage.buddies_tables import BuddyPairing
from storage.models import Account


def lapse_key(pairing_id: int) -> str:
    return f"buddies:lapse:{pairing_id}"


def side_of(pairing: BuddyPairing | None, person_id: int | None) -> str | None:
    """Which side of the pairing this person is on, if either."""
    if pairing is None or person_id is None:
        return None
    if pairing.mentor_id == person_id:
        return store.MENTOR
    if pairing.mentee_id == person_id:
        return store.MENTEE
    return None


async def schedule_rematch(post: Post, org_id: int) -> None:
    timers = post.services.timers
    assert timers is not None
    await timers.schedule(post.db, REMATCH, post.services.clock.now(), {"org_id": org_id})


async def send_offer(post: Post, pairing: BuddyPairing) -> None:
    """Ask both sides privately, with the reasons and the buddy agreement."""
    services = post.services
    texts = services.texts.get(BuddyTexts)
    named = await store.names(post.db, [pairing.mentor_id, pairing.mentee_id])
    mentor, mentee = named.get(pairing.mentor_id or 0, ""), named.get(pairing.mentee_id or 0, "")
    reasons = describe(store.reasons_from_json(pairing.reasons), texts.reasons)
    days = services.settings.buddies.response_days
    buttons = [
        Button(texts.yes_button, button_data("boffer", f"{pairing.id}:y")),
        Button(texts.no_button, button_data("boffer", f"{pairing.id}:n")),
    ]
    common: dict[str, Any] = {"reasons": reasons, "agreement": texts.agreement, "days": days}
    await post.to(
        pairing.mentee_id,
        texts.offer_to_mentee.format(name=mentee, other=mentor, **common),
        buttons,
    )
    await post.to(
        pairing.mentor_id,
        texts.offer_to_mentor.format(name=mentor, other=mentee, **common),
        buttons,
    )
    assert services.timers is not None
    when = services.clock.now() + timedelta(days=days)
    await services.timers.schedule(
        post.db, OFFER_LAPSES, when, {"pairing_id": pairing.id}, dedupe_key=lapse_key(pairing.id)
    )


@router.button("boffer", role=Role.CARER)
async def answered(ctx: Context, arg: str) -> None:
    texts = ctx.texts(BuddyTexts)
    pairing_id, _, choice = arg.partition(":")
    pairing = await store.pairing(ctx.db, pairing_id)
    side = side_of(pairing, ctx.person.id if ctx.person else None)
    if pairing is None or side is None or choice not in ("y", "n"):
        ctx.reply(texts.not_yours)
        return
    if pairing.status != "offered":
        ctx.reply(texts.already_introduced if pairing.status == "active" else texts.offer_closed)
        return
    if choice == "n":
        await _decline(ctx, pairing, side)
    else:
        await _accept(ctx, pairing, side)


async def _decline(ctx: Context, pairing: BuddyPairing, side: str) -> None:
    texts = ctx.texts(BuddyTexts)
    now = ctx.now()
    moved = await store.move(
        ctx.db,
        pairing.id,
        ("offered",),
        "declined",
        ended_at=now,
        end_reason="declined",
        **{f"{side}_answer": "no"},
    )
    if moved is None:
        ctx.reply(texts.offer_closed)
        return
    assert ctx.services.timers is not None
    await ctx.services.timers.cancel(ctx.db, lapse_key(moved.id))
    post = from_context(ctx)
    named = await store.names(ctx.db, [moved.mentor_id, moved.mentee_id])
    if side == store.MENTEE:
        ctx.reply(texts.declined_thanks_mentee)
        other = named.get(moved.mentee_id or 0, "")
        await post.to(moved.mentor_id, texts.not_going_ahead_mentor.format(other=other))
    else:
        ctx.reply(texts.declined_thanks_mentor)
        other = named.get(moved.mentor_id or 0, "")
        await post.to(moved.mentee_id, texts.not_going_ahead_mentee.format(other=other))
    await schedule_rematch(post, moved.org_id)


async def _accept(ctx: Context, pairing: BuddyPairing, side: str) -> None:
    texts = ctx.texts(BuddyTexts)
    column = BuddyPairing.mentor_answer if side == store.MENTOR else BuddyPairing.mentee_answer
    answers = (
        await ctx.db.execute(
            update(BuddyPairing)
            .where(BuddyPairing.id == pairing.id, BuddyPairing.status == "offered")
            .values({column: "yes"})
            .returning(BuddyPairing.mentor_answer, BuddyPairing.mentee_answer)
            .execution_options(synchronize_session=False)
        )
    ).one_or_none()
    if answers is None:
        ctx.reply(texts.offer_closed)
        return
    if tuple(answers) != ("yes", "yes"):
        other_id = pairing.mentee_id if side == store.MENTOR else pairing.mentor_id
        ctx.reply(texts.waiting_for_other.format(other=await store.name_of(ctx.db, other_id)))
        return
    moved = await store.move(ctx.db, pairing.id, ("offered",), "active", introduced_at=ctx.now())
    if moved is None:
        ctx.reply(texts.offer_closed)
        return
    await introduce(from_context(ctx), moved)


async def _reach(post: Post, person_id: int | None, name: str, texts: BuddyTexts) -> str:
    """How to reach someone on each platform they use, one line each."""
    if person_id is None:
        return ""
    accounts = await post.db.execute(
        select(Account.platform, Account.external_id)
        .where(Account.person_id == person_id)
        .order_by(Account.id)
    )
    lines = [
        texts.reach.get(platform, texts.reach_default).format(
            name=name, id=external_id, platform=platform.title()
        )
        for platform, external_id in accounts.all()
    ]
    return "\n".join(lines)


async def introduce(post: Post, pairing: BuddyPairing) -> None:
    """Both said yes: introduce them privately and plan the follow-up."""
    services, db = post.services, post.db
    texts = services.texts.get(BuddyTexts)
    now = services.clock.now()
    named = await store.names(db, [pairing.mentor_id, pairing.mentee_id])
    mentor, mentee = named.get(pairing.mentor_id or 0, ""), named.get(pairing.mentee_id or 0, "")
    suggestion = {"mentor": mentor, "mentee": mentee}
    await post.to(
        pairing.mentee_id,
        texts.intro_mentee.format(
            other=mentor,
            reach=await _reach(post, pairing.mentor_id, mentor, texts),
            suggestion=texts.suggestion_mentee.format(**suggestion),
        ),
    )
    await post.to(
        pairing.mentor_id,
        texts.intro_mentor.format(
            other=mentee,
            reach=await _reach(post, pairing.mentee_id, mentee, texts),
            suggestion=texts.suggestion_mentor.format(**suggestion),
        ),
    )
    await store.set_mentee_status(
        db, pairing.org_id, pairing.mentee_id, "paired", now, priority=False, gap_told=None
    )
    settings = services.settings.buddies
    timers = services.timers
    assert timers is not None
    await timers.cancel(db, lapse_key(pairing.id))
    await timers.schedule(
        db,
        CHECKIN,
        now + timedelta(days=settings.first_checkin_days),
        {"pairing_id": pairing.id, "round": 1},
        dedupe_key=f"buddies:checkin:{pairing.id}:1",
    )
    await timers.schedule(
        db,
        ENDING,
        add_months(now, settings.pairing_months, services.settings.zone),
        {"pairing_id": pairing.id},
        dedupe_key=f"buddies:ending:{pairing.id}",
    )


@router.job(OFFER_LAPSES)
async def lapse(job: JobContext, payload: dict[str, Any]) -> None:
    """Nobody (or only one side) answered in time: let it go kindly, find the next match."""
    now: datetime = job.services.clock.now()
    moved = await store.move(
        job.db,
        int(payload["pairing_id"]),
        ("offered",),
        "expired",
        ended_at=now,
        end_reason="expired",
    )
    if moved is None:
        return
    texts = job.services.texts.get(BuddyTexts)
    post = from_job(job)
    named = await store.names(job.db, [moved.mentor_id, moved.mentee_id])
    mentor, mentee = named.get(moved.mentor_id or 0, ""), named.get(moved.mentee_id or 0, "")
    if moved.mentee_answer is None:
        await store.set_mentee_status(job.db, moved.org_id, moved.mentee_id, "paused", now)
        await post.to(moved.mentee_id, texts.lapsed_mentee.format(other=mentor))
    else:
        await post.to(moved.mentee_id, texts.not_going_ahead_mentee.format(other=mentor))
    if moved.mentor_answer is None and moved.mentor_id is not None:
        row = await store.profile(job.db, moved.org_id, moved.mentor_id, store.MENTOR)
        if row is not None:
            row.status, row.updated_at = "paused", now
        await post.to(moved.mentor_id, texts.lapsed_mentor.format(other=mentee))
    else:
        await post.to(moved.mentor_id, texts.not_going_ahead_mentor.format(other=mentee))
    await schedule_rematch(post, moved.org_id)
