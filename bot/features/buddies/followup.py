"""After the introduction: "have you been in touch?", light check-ins, and a planned ending.

A week after the introduction both are asked; then every two weeks. A carer who leaves
three check-ins in a row unanswered is asked, kindly, whether they'd like to carry on,
try a different buddy or pause. At six months the pairing ends with a thank-you, a
1-to-5 question and the choice to carry on informally. Each job checks the pairing is
still active, so a pairing that ended early simply stops being followed up.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import update

from bot.context import Context
from bot.events import Button
from bot.features.buddies import store
from bot.features.buddies.offers import schedule_rematch, side_of
from bot.features.buddies.post import from_context, from_job
from bot.features.buddies.routing import CHECKIN, ENDING, router
from bot.features.buddies.texts import BuddyTexts, FollowupTexts
from bot.features.buddies.when import add_months
from bot.roles import Role
from bot.router import JobContext, button_data
from storage.buddies_tables import BuddyPairing


@router.job(CHECKIN)
async def checkin(job: JobContext, payload: dict[str, Any]) -> None:
    pairing = await store.pairing(job.db, int(payload["pairing_id"]))
    if pairing is None or pairing.status != "active" or pairing.introduced_at is None:
        return
    services = job.services
    settings = services.settings.buddies
    texts = services.texts.get(FollowupTexts)
    number = int(payload["round"])
    if number > 1 and pairing.mentee_answered < number - 1:
        pairing.mentee_missed += 1
    pairing.checkin_round = number
    named = await store.names(job.db, [pairing.mentor_id, pairing.mentee_id])
    mentor, mentee = named.get(pairing.mentor_id or 0, ""), named.get(pairing.mentee_id or 0, "")
    ask = texts.first_checkin if number == 1 else texts.checkin
    buttons = [
        Button(texts.yes_button, button_data("bcheck", f"{pairing.id}:{number}:y")),
        Button(texts.not_yet_button, button_data("bcheck", f"{pairing.id}:{number}:n")),
    ]
    post = from_job(job)
    if pairing.mentee_missed >= settings.missed_checkins_before_asking:
        pairing.mentee_missed = 0
        choices = [
            Button(label, button_data("bnext", f"{pairing.id}:{key}"))
            for key, label in (
                ("c", texts.carry_on_button),
                ("d", texts.different_button),
                ("p", texts.pause_button),
            )
        ]
        await post.to(pairing.mentee_id, texts.missed.format(other=mentor), choices)
    else:
        await post.to(pairing.mentee_id, ask.format(other=mentor), buttons)
    await post.to(pairing.mentor_id, ask.format(other=mentee), buttons)
    now = services.clock.now()
    upcoming = now + timedelta(days=settings.checkin_every_days)
    ends = add_months(pairing.introduced_at, settings.pairing_months, services.settings.zone)
    if upcoming < ends - timedelta(days=1):
        assert services.timers is not None
        await services.timers.schedule(
            job.db,
            CHECKIN,
            upcoming,
            {"pairing_id": pairing.id, "round": number + 1},
            dedupe_key=f"buddies:checkin:{pairing.id}:{number + 1}",
        )


async def _mine(ctx: Context, pairing_id: str) -> tuple[BuddyPairing, str] | None:
    """The pairing a follow-up button points at and the presser's side, or a kind no."""
    pairing = await store.pairing(ctx.db, pairing_id)
    side = side_of(pairing, ctx.person.id if ctx.person else None)
    if pairing is None or side is None:
        ctx.reply(ctx.texts(BuddyTexts).not_yours)
        return None
    return pairing, side


@router.button("bcheck", role=Role.CARER)
async def answered(ctx: Context, arg: str) -> None:
    texts = ctx.texts(FollowupTexts)
    pairing_id, _, rest = arg.partition(":")
    number, _, choice = rest.partition(":")
    found = await _mine(ctx, pairing_id)
    if found is None:
        return
    pairing, side = found
    if pairing.status != "active":
        ctx.reply(texts.pairing_over)
        return
    if not number.isdigit() or int(number) != pairing.checkin_round:
        ctx.reply(texts.old_checkin)
        return
    if side == store.MENTEE:
        pairing.mentee_answered, pairing.mentee_missed = int(number), 0
    else:
        pairing.mentor_answered = int(number)
    if choice == "y":
        pairing.last_contact_at = ctx.now()
        ctx.reply(texts.thanks_yes)
        return
    other = pairing.mentor_id if side == store.MENTEE else pairing.mentee_id
    ctx.reply(texts.thanks_not_yet.format(other=await store.name_of(ctx.db, other)))


@router.button("bnext", role=Role.CARER)
async def next_step(ctx: Context, arg: str) -> None:
    """The carer's answer to "carry on, a different buddy, or a pause?"."""
    texts = ctx.texts(FollowupTexts)
    pairing_id, _, choice = arg.partition(":")
    found = await _mine(ctx, pairing_id)
    if found is None:
        return
    pairing, side = found
    if side != store.MENTEE or choice not in ("c", "d", "p"):
        ctx.reply(ctx.texts(BuddyTexts).not_yours)
        return
    if pairing.status != "active":
        ctx.reply(texts.pairing_over)
        return
    mentor = await store.name_of(ctx.db, pairing.mentor_id)
    if choice == "c":
        pairing.mentee_answered, pairing.mentee_missed = pairing.checkin_round, 0
        ctx.reply(texts.carry_on_reply.format(other=mentor))
        return
    reason = "mentee_asked" if choice == "d" else "mentee_paused"
    now = ctx.now()
    moved = await store.move(
        ctx.db, pairing.id, ("active",), "ended", ended_at=now, end_reason=reason
    )
    if moved is None:
        ctx.reply(texts.pairing_over)
        return
    assert ctx.services.timers is not None
    await ctx.services.timers.cancel(ctx.db, f"buddies:ending:{pairing.id}")
    post = from_context(ctx)
    mentee = await store.name_of(ctx.db, pairing.mentee_id)
    await post.to(pairing.mentor_id, texts.ended_for_mentor.format(other=mentee))
    if choice == "d":
        await store.set_mentee_status(
            ctx.db,
            pairing.org_id,
            pairing.mentee_id,
            "waiting",
            now,
            waiting_since=now,
            gap_told=None,
        )
        ctx.reply(texts.different_reply)
        await schedule_rematch(post, pairing.org_id)
    else:
        await store.set_mentee_status(ctx.db, pairing.org_id, pairing.mentee_id, "paused", now)
        ctx.reply(texts.pause_reply)


@router.job(ENDING)
async def ending(job: JobContext, payload: dict[str, Any]) -> None:
    """Six months on: a planned end, a thank-you and a 1-to-5 question for each side."""
    now = job.services.clock.now()
    moved = await store.move(
        job.db, int(payload["pairing_id"]), ("active",), "ended", ended_at=now, end_reason="planned"
    )
    if moved is None:
        return
    texts = job.services.texts.get(FollowupTexts)
    months = job.services.settings.buddies.pairing_months
    await store.set_mentee_status(job.db, moved.org_id, moved.mentee_id, "done", now)
    named = await store.names(job.db, [moved.mentor_id, moved.mentee_id])
    post = from_job(job)
    buttons = [
        Button(texts.rating_labels.get(str(n), str(n)), button_data("brate", f"{moved.id}:{n}"))
        for n in range(1, 6)
    ]
    for person, other in ((moved.mentee_id, moved.mentor_id), (moved.mentor_id, moved.mentee_id)):
        text = texts.ending.format(other=named.get(other or 0, ""), months=months)
        await post.to(person, text, buttons)


async def _record_once(ctx: Context, pairing_id: int, column: str, value: object) -> bool:
    """Set an end-of-pairing answer if not already given (a second press changes nothing)."""
    result = await ctx.db.execute(
        update(BuddyPairing)
        .where(BuddyPairing.id == pairing_id, getattr(BuddyPairing, column).is_(None))
        .values({column: value})
        .returning(BuddyPairing.id)
        .execution_options(synchronize_session=False)
    )
    return result.scalar_one_or_none() is not None


@router.button("brate", role=Role.CARER)
async def rated(ctx: Context, arg: str) -> None:
    texts = ctx.texts(FollowupTexts)
    pairing_id, _, number = arg.partition(":")
    found = await _mine(ctx, pairing_id)
    if found is None:
        return
    pairing, side = found
    if pairing.end_reason != "planned" or number not in ("1", "2", "3", "4", "5"):
        ctx.reply(ctx.texts(BuddyTexts).not_yours)
        return
    if not await _record_once(ctx, pairing.id, f"{side}_rating", int(number)):
        ctx.reply(texts.already_answered)
        return
    other = pairing.mentor_id if side == store.MENTEE else pairing.mentee_id
    keep = texts.keep_in_touch.format(other=await store.name_of(ctx.db, other))
    buttons = [
        Button(texts.carry_yes_button, button_data("bcarry", f"{pairing.id}:y")),
        Button(texts.carry_no_button, button_data("bcarry", f"{pairing.id}:n")),
    ]
    ctx.reply(f"{texts.rating_thanks}\n\n{keep}", buttons)


@router.button("bcarry", role=Role.CARER)
async def carry_on(ctx: Context, arg: str) -> None:
    texts = ctx.texts(FollowupTexts)
    pairing_id, _, choice = arg.partition(":")
    found = await _mine(ctx, pairing_id)
    if found is None:
        return
    pairing, side = found
    if pairing.end_reason != "planned" or choice not in ("y", "n"):
        ctx.reply(ctx.texts(BuddyTexts).not_yours)
        return
    if not await _record_once(ctx, pairing.id, f"{side}_carry_on", choice == "y"):
        ctx.reply(texts.already_answered)
        return
    other = pairing.mentor_id if side == store.MENTEE else pairing.mentee_id
    if choice == "y":
        ctx.reply(texts.carry_yes_reply.format(other=await store.name_of(ctx.db, other)))
    else:
        ctx.reply(texts.carry_no_reply)
