"""One matching round for the programme: carers whose buddy left go first, gaps told truly.

Pure, on top of `matching.match`. Two things the programme needs beyond one solve:
carers whose buddy left mid-pairing are matched before everyone else; and a carer for
whom a suitable mentor exists but is full (with buddies, or with proposals waiting)
is waiting for room, not for someone to be recruited, so their gap says so. Without
that, a carer would hear "there's no mentor who knows kinship care" on the day all
the kinship mentors were simply busy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import replace

import numpy as np

from bot.features.buddies.gaps import GapCause
from bot.features.buddies.matching import (
    DEFAULT_WEIGHTS,
    MatchResult,
    MatchWeights,
    Unmatched,
    match,
)
from bot.features.buddies.profiles import MenteeProfile, MentorProfile
from bot.features.buddies.solver import score_matrix


def match_round(
    mentors: Sequence[MentorProfile],
    mentees: Sequence[MenteeProfile],
    first: Collection[int],
    *,
    past_pairs: Collection[tuple[int, int]],
    rather_not: Collection[tuple[int, int]],
    min_score: int,
    weights: MatchWeights = DEFAULT_WEIGHTS,
) -> MatchResult:
    """Match carers in `first` before everyone else, then the rest; then correct the gaps."""

    def solve(mentors: Sequence[MentorProfile], mentees: list[MenteeProfile]) -> MatchResult:
        return match(
            mentors,
            mentees,
            past_pairs=past_pairs,
            rather_not=rather_not,
            min_score=min_score,
            weights=weights,
        )

    front = [m for m in mentees if m.person_id in first]
    rest = [m for m in mentees if m.person_id not in first]
    early = solve(mentors, front)
    used = Counter(p.mentor_id for p in early.proposals)
    left = [replace(m, active_buddies=m.active_buddies + used[m.person_id]) for m in mentors]
    later = solve(left, rest)
    blocked = [*past_pairs, *rather_not]
    unmatched = [
        *waiting_for_room(early.unmatched, mentors, front, blocked, min_score, weights),
        *waiting_for_room(later.unmatched, left, rest, blocked, min_score, weights),
    ]
    return MatchResult(early.proposals + later.proposals, unmatched)


def waiting_for_room(
    unmatched: Sequence[Unmatched],
    mentors: Sequence[MentorProfile],
    mentees: Sequence[MenteeProfile],
    blocked: Collection[tuple[int, int]],
    min_score: int,
    weights: MatchWeights = DEFAULT_WEIGHTS,
) -> list[Unmatched]:
    """Mark as MENTORS_FULL whoever a full (not paused) mentor could have been paired with."""
    full = [m for m in mentors if not m.paused and m.room == 0]
    todo = [u for u in unmatched if u.why.cause is not GapCause.MENTORS_FULL]
    if not full or not todo:
        return list(unmatched)
    by_id = {m.person_id: m for m in mentees}
    rows = [by_id[u.mentee_id] for u in todo]
    scores, allowed = score_matrix(full, rows, weights)
    allowed &= scores >= min_score
    column = {m.person_id: i for i, m in enumerate(full)}
    row = {m.person_id: i for i, m in enumerate(rows)}
    for a, b in blocked:
        for mentor_id, mentee_id in ((a, b), (b, a)):
            if mentor_id in column and mentee_id in row:
                allowed[row[mentee_id], column[mentor_id]] = False
    fits = {u.mentee_id for u, ok in zip(todo, np.asarray(allowed.any(axis=1)), strict=True) if ok}
    return [
        Unmatched(u.mentee_id, replace(u.why, cause=GapCause.MENTORS_FULL))
        if u.mentee_id in fits
        else u
        for u in unmatched
    ]
