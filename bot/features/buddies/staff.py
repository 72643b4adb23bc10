"""/buddies for staff: proposals with Send, Swap and Hold; the waiting list and the gaps.

Nothing goes to carers until a staff member presses Send (unless the organisation chose
automatic sending). Send is a guarded status move, so two staff pressing it at once
send one offer. Swap lists other mentors who could take the carer, never saying who
was left out or why (rather-not lists stay private).
"""

from __future__ import annotations

from sqlalchemy import func, select

from bot.commands import ParsedCommand
from bot.context import Context
from bot.events import Button
from bot.features.buddies import report, store
from bot.features.buddies.gaps import describe_gap
from bot.features.buddies.matching import MatchError, match, score
from bot.features.buddies.offers import send_offer
from bot.features.buddies.post import from_context
from bot.features.buddies.profiles import MentorProfile
from bot.features.buddies.reasons import describe
from bot.features.buddies.routing import router
from bot.features.buddies.run import Plan, plan, run
from bot.features.buddies.texts import BuddyTexts, StaffTexts
from bot.features.buddies.when import day
from bot.roles import Role
from bot.router import Where, button_data
from storage.buddies_tables import BuddyPairing

SHOWN_PROPOSALS = 10
SHOWN_WAITING = 15
SWAP_CHOICES = 8


@router.command("buddies", role=Role.STAFF, where=Where.DM)
async def buddies(ctx: Context, command: ParsedCommand) -> None:
    word = (command.arg(0) or "").casefold()
    if word == "":
        await overview(ctx)
    elif word == "match":
        await _match_now(ctx)
    elif word == "report":
        await report.show(ctx)
    else:
        ctx.reply(ctx.texts(StaffTexts).usage)


@router.button("bmatch", role=Role.STAFF)
async def match_button(ctx: Context, _arg: str) -> None:
    await _match_now(ctx)


async def _match_now(ctx: Context) -> None:
    assert ctx.org_id is not None
    outcome = await run(from_context(ctx), ctx.org_id, alert_staff=False)
    ctx.reply(ctx.texts(StaffTexts).ran.format(new=outcome.new, unmatched=outcome.unmatched))
    await overview(ctx)


async def _count(ctx: Context, *statuses: str) -> int:
    found = await ctx.db.scalar(
        select(func.count())
        .select_from(BuddyPairing)
        .where(BuddyPairing.org_id == ctx.org_id, BuddyPairing.status.in_(statuses))
    )
    return int(found or 0)


async def overview(ctx: Context) -> None:
    texts = ctx.texts(StaffTexts)
    assert ctx.org_id is not None
    proposals = list(
        (
            await ctx.db.execute(
                select(BuddyPairing)
                .where(BuddyPairing.org_id == ctx.org_id, BuddyPairing.status.in_(store.UNSENT))
                .order_by(BuddyPairing.asked_at, BuddyPairing.id)
            )
        ).scalars()
    )
    planned = await plan(ctx.db, ctx.org_id, ctx.services.settings.buddies)
    header = texts.overview.format(
        proposals=len(proposals),
        offered=await _count(ctx, "offered"),
        waiting=len(planned.waiting),
        active=await _count(ctx, "active"),
    )
    ctx.reply(header, [Button(texts.match_button, button_data("bmatch"))])
    named = await store.names(
        ctx.db,
        [p.mentor_id for p in proposals] + [p.mentee_id for p in proposals] + list(planned.waiting),
    )
    for pairing in proposals[:SHOWN_PROPOSALS]:
        _show(ctx, pairing, named)
    if len(proposals) > SHOWN_PROPOSALS:
        ctx.reply(texts.more_proposals.format(count=len(proposals) - SHOWN_PROPOSALS))
    ctx.reply(_waiting_and_gaps(ctx, planned, named))


def _show(ctx: Context, pairing: BuddyPairing, named: dict[int, str]) -> None:
    texts = ctx.texts(StaffTexts)
    reasons = describe(store.reasons_from_json(pairing.reasons), ctx.texts(BuddyTexts).reasons)
    text = texts.proposal.format(
        mentor=named.get(pairing.mentor_id or 0, "?"),
        mentee=named.get(pairing.mentee_id or 0, "?"),
        asked=day(pairing.asked_at, ctx.services.settings.zone),
        reasons=reasons,
    )
    buttons = [
        Button(texts.send_button, button_data("bsend", str(pairing.id))),
        Button(texts.swap_button, button_data("bswap", str(pairing.id))),
    ]
    if pairing.status == "held":
        text = f"{text}\n{texts.held_note}"
    else:
        buttons.append(Button(texts.hold_button, button_data("bhold", str(pairing.id))))
    ctx.reply(text, buttons)


def _waiting_and_gaps(ctx: Context, planned: Plan, named: dict[int, str]) -> str:
    texts = ctx.texts(StaffTexts)
    zone = ctx.services.settings.zone
    rows = list(planned.waiting.values())
    lines = [texts.waiting_header.format(count=len(rows))] if rows else [texts.nobody_waiting]
    for row in rows[:SHOWN_WAITING]:
        since = day(row.waiting_since, zone)
        lines.append(texts.waiting_line.format(name=named.get(row.person_id, "?"), since=since))
    if len(rows) > SHOWN_WAITING:
        lines.append(texts.waiting_more.format(count=len(rows) - SHOWN_WAITING))
    if not rows:
        return "\n".join(lines)
    gaps = planned.result.gaps()
    templates = ctx.texts(BuddyTexts).reasons
    lines += ["", texts.gaps_header] if gaps else ["", texts.no_gaps]
    lines += [f"- {describe_gap(gap, templates)}" for gap in gaps]
    return "\n".join(lines)


async def _unsent(ctx: Context, arg: str) -> BuddyPairing | None:
    """The proposal a staff button points at, if it is still this organisation's to act on."""
    pairing = await store.pairing(ctx.db, arg)
    if pairing is None or pairing.org_id != ctx.org_id:
        ctx.reply(ctx.texts(StaffTexts).not_here)
        return None
    if pairing.status not in store.UNSENT or None in (pairing.mentor_id, pairing.mentee_id):
        ctx.reply(ctx.texts(StaffTexts).already_handled)
        return None
    return pairing


@router.button("bsend", role=Role.STAFF)
async def send(ctx: Context, arg: str) -> None:
    texts = ctx.texts(StaffTexts)
    pairing = await _unsent(ctx, arg)
    if pairing is None:
        return
    moved = await store.move(ctx.db, pairing.id, store.UNSENT, "offered", offered_at=ctx.now())
    if moved is None:
        ctx.reply(texts.already_handled)
        return
    await send_offer(from_context(ctx), moved)
    named = await store.names(ctx.db, [moved.mentor_id, moved.mentee_id])
    ctx.reply(
        texts.sent.format(
            mentor=named.get(moved.mentor_id or 0, ""), mentee=named.get(moved.mentee_id or 0, "")
        )
    )


@router.button("bhold", role=Role.STAFF)
async def hold(ctx: Context, arg: str) -> None:
    texts = ctx.texts(StaffTexts)
    pairing = await _unsent(ctx, arg)
    if pairing is None:
        return
    if await store.move(ctx.db, pairing.id, ("proposed",), "held") is None:
        ctx.reply(texts.already_handled)
        return
    named = await store.names(ctx.db, [pairing.mentor_id, pairing.mentee_id])
    ctx.reply(
        texts.held.format(
            mentor=named.get(pairing.mentor_id or 0, ""),
            mentee=named.get(pairing.mentee_id or 0, ""),
        )
    )


async def _choices(ctx: Context, pairing: BuddyPairing) -> list[int]:
    """Mentors with room who may be paired with this carer, best suited first."""
    assert ctx.org_id is not None and pairing.mentee_id is not None
    mentee_row = await store.profile(ctx.db, ctx.org_id, pairing.mentee_id, store.MENTEE)
    if mentee_row is None:
        return []
    mentee = store.as_mentee(mentee_row)
    mentors = await store.mentor_pool(ctx.db, ctx.org_id)
    people = [m.person_id for m in mentors] + [mentee.person_id]
    blocked = {
        frozenset(pair)
        for pair in (
            *await store.past_pairs(ctx.db, people),
            *await store.rather_not(ctx.db, people),
        )
    }
    allowed = [
        m
        for m in mentors
        if m.room > 0
        and m.person_id != mentee.person_id
        and frozenset((m.person_id, mentee.person_id)) not in blocked
    ]

    def rank(mentor: MentorProfile) -> tuple[int, int]:
        found = score(mentor, mentee)
        return (-(found.total if found else -1), mentor.person_id)

    return [m.person_id for m in sorted(allowed, key=rank)]


@router.button("bswap", role=Role.STAFF)
async def swap(ctx: Context, arg: str) -> None:
    texts = ctx.texts(StaffTexts)
    pairing = await _unsent(ctx, arg)
    if pairing is None:
        return
    choices = (await _choices(ctx, pairing))[:SWAP_CHOICES]
    named = await store.names(ctx.db, [*choices, pairing.mentee_id])
    mentee = named.get(pairing.mentee_id or 0, "")
    if not choices:
        ctx.reply(texts.swap_nobody.format(mentee=mentee))
        return
    buttons = [
        Button(named.get(m, "?"), button_data("bpick", f"{pairing.id}:{m}")) for m in choices
    ]
    ctx.reply(texts.swap_header.format(mentee=mentee), buttons)


@router.button("bpick", role=Role.STAFF)
async def pick(ctx: Context, arg: str) -> None:
    texts = ctx.texts(StaffTexts)
    pairing_id, _, mentor_text = arg.partition(":")
    pairing = await _unsent(ctx, pairing_id)
    if pairing is None:
        return
    if not mentor_text.isdigit() or int(mentor_text) not in await _choices(ctx, pairing):
        ctx.reply(texts.already_handled)
        return
    assert ctx.org_id is not None and pairing.mentee_id is not None
    mentor_id = int(mentor_text)
    mentors = [m for m in await store.mentor_pool(ctx.db, ctx.org_id) if m.person_id == mentor_id]
    mentee_row = await store.profile(ctx.db, ctx.org_id, pairing.mentee_id, store.MENTEE)
    assert mentee_row is not None  # _choices found it
    try:
        result = match(
            mentors, [store.as_mentee(mentee_row)], pinned=[(mentor_id, pairing.mentee_id)]
        )
    except MatchError:
        ctx.reply(texts.already_handled)
        return
    if (
        await store.move(
            ctx.db,
            pairing.id,
            store.UNSENT,
            "cancelled",
            ended_at=ctx.now(),
            end_reason="staff_swap",
        )
        is None
    ):
        ctx.reply(texts.already_handled)
        return
    [proposal] = result.proposals
    row = BuddyPairing(
        org_id=ctx.org_id,
        mentor_id=mentor_id,
        mentee_id=pairing.mentee_id,
        status="proposed",
        score=proposal.score,
        reasons=store.reasons_to_json(proposal.reasons),
        staff_choice=True,
        asked_at=pairing.asked_at,
        proposed_at=ctx.now(),
    )
    ctx.db.add(row)
    await ctx.db.flush()
    named = await store.names(ctx.db, [mentor_id, pairing.mentee_id])
    ctx.reply(
        texts.swapped.format(
            mentor=named.get(mentor_id, ""), mentee=named.get(pairing.mentee_id, "")
        )
    )
    _show(ctx, row, named)
