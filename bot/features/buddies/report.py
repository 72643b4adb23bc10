"""/buddies report: how the programme is doing, as counts anyone may see, then names for staff.

The first message holds only numbers (safe to paste into a report for the board); the
second, names of active pairs and their last contact, is for that organisation's staff.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from statistics import median

from sqlalchemy import select

from bot.context import Context
from bot.features.buddies import store
from bot.features.buddies.texts import StaffTexts
from bot.features.buddies.when import day
from storage.buddies_tables import BuddyPairing

ENDINGS = ("planned", "mentee_asked", "mentee_paused", "mentor_left", "mentee_left")
SHOWN_PAIRS = 30


def _median_days(pairs: list[tuple[datetime, datetime]]) -> float | None:
    if not pairs:
        return None
    return round(median((done - asked).total_seconds() / 86400 for asked, done in pairs), 1)


async def show(ctx: Context) -> None:
    texts = ctx.texts(StaffTexts)
    assert ctx.org_id is not None
    rows = list(
        (
            await ctx.db.execute(
                select(BuddyPairing)
                .where(BuddyPairing.org_id == ctx.org_id)
                .order_by(BuddyPairing.introduced_at, BuddyPairing.id)
            )
        ).scalars()
    )
    status = Counter(row.status for row in rows)
    introduced = [(r.asked_at, r.introduced_at) for r in rows if r.introduced_at is not None]
    days = _median_days(introduced)
    endings: Counter[str] = Counter()
    for row in rows:
        if row.status == "ended" and row.end_reason in ENDINGS:
            endings[row.end_reason] += 1
        elif row.status in ("declined", "expired"):
            endings[row.status] += 1
    labels = texts.report_endings
    ending_words = ", ".join(f"{labels.get(k, k)} {n}" for k, n in sorted(endings.items()))
    ratings = [r for row in rows for r in (row.mentor_rating, row.mentee_rating) if r]
    if ratings:
        spread = Counter(ratings)
        rating_words = texts.report_ratings.format(
            average=f"{sum(ratings) / len(ratings):.1f}",
            count=len(ratings),
            spread=", ".join(f"{n}: {spread[n]}" for n in range(5, 0, -1) if spread[n]),
        )
    else:
        rating_words = texts.report_no_ratings
    ctx.reply(
        texts.report.format(
            waiting=len(await store.waiting_rows(ctx.db, ctx.org_id)),
            proposed=status["proposed"] + status["held"],
            offered=status["offered"],
            active=status["active"],
            introduced=len(introduced),
            median=(
                texts.report_median.format(days=f"{days:g}", count=len(introduced))
                if days is not None
                else texts.report_no_median
            ),
            endings=ending_words or labels.get("none", "-"),
            ratings=rating_words,
        )
    )
    active = [row for row in rows if row.status == "active"]
    if not active:
        return
    named = await store.names(ctx.db, [r.mentor_id for r in active] + [r.mentee_id for r in active])
    zone = ctx.services.settings.zone
    lines = [texts.report_names_header]
    for row in active[:SHOWN_PAIRS]:
        assert row.introduced_at is not None
        lines.append(
            texts.report_active_line.format(
                mentor=named.get(row.mentor_id or 0, "?"),
                mentee=named.get(row.mentee_id or 0, "?"),
                since=day(row.introduced_at, zone),
                contact=day(row.last_contact_at, zone)
                if row.last_contact_at
                else texts.report_never,
            )
        )
    ctx.reply("\n".join(lines))
