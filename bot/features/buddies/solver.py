"""The fast half of matching: every pair scored at once, then one assignment solve.

Scoring 2,000 carers against 500 mentors one pair at a time in Python takes seconds,
so profiles become bit masks and codes and numpy scores the whole table in one go
(``matching.score`` stays the readable reference; the tests hold the two equal).
Each mentor appears once per free place, and scipy's ``linear_sum_assignment`` picks
the pairs. One objective carries three goals in order, by giving each a weight larger
than everything below it can add up to: most carers matched, best total score,
longest-waiting carers first.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy.optimize import linear_sum_assignment  # type: ignore[import-untyped,unused-ignore]

from bot.features.buddies.profiles import (
    AgeRange,
    Availability,
    CareKind,
    ContactWay,
    MenteeProfile,
    MentorProfile,
    place_key,
)

if TYPE_CHECKING:
    from bot.features.buddies.matching import MatchWeights

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

_EXACT = 2**52
"""Float64 holds every integer below 2**53; staying under keeps the solve exact."""
_POPCOUNT = np.array([bin(i).count("1") for i in range(1 << len(CareKind))], dtype=np.int64)
_MEET_UP = 1 << list(ContactWay).index(ContactWay.MEET_UP)
_WORD = 62


@dataclass(frozen=True, slots=True)
class Solved:
    pairs: list[tuple[int, int]]
    """(mentee row, mentor column) into the sequences given to ``solve``."""
    had_candidates: list[bool]
    """Per mentee row: was any mentor with room allowed for them at all?"""


def _mask(members: Iterable[Enum], kind: type[Enum]) -> int:
    order = list(kind)
    return sum(1 << order.index(member) for member in members)


def _masks(
    people: Sequence[MentorProfile] | Sequence[MenteeProfile], field: str, kind: type[Enum]
) -> Ints:
    return np.array([_mask(getattr(p, field), kind) for p in people], dtype=np.int64)


def _shared_bits(
    mentees: Sequence[MenteeProfile],
    mentors: Sequence[MentorProfile],
    field: str,
    kind: type[Enum],
) -> Ints:
    """Bits both sides chose, for every (mentee, mentor) pair."""
    return _masks(mentees, field, kind)[:, None] & _masks(mentors, field, kind)[None, :]


def _codes(values: Iterable[str], table: dict[str, int], missing: int) -> Ints:
    keys = (place_key(value) for value in values)
    return np.array([table.setdefault(k, len(table)) if k else missing for k in keys], np.int64)


def _language_words(
    people: Sequence[MentorProfile] | Sequence[MenteeProfile], table: dict[str, int]
) -> Ints:
    """Each person's languages as bits, split into 62-bit words (one word is the norm)."""
    masks = [sum(1 << table[place_key(name)] for name in p.languages) for p in people]
    words = max(1, -(-len(table) // _WORD))
    rows = [[(mask >> (_WORD * w)) & ((1 << _WORD) - 1) for w in range(words)] for mask in masks]
    return np.array(rows, dtype=np.int64).reshape(len(people), words)


def _overlap(a: Ints, b: Ints) -> Bools:
    shared = np.zeros((a.shape[0], b.shape[0]), dtype=np.bool_)
    for word in range(a.shape[1]):
        shared |= (a[:, None, word] & b[None, :, word]) != 0
    return shared


def score_matrix(
    mentors: Sequence[MentorProfile], mentees: Sequence[MenteeProfile], weights: MatchWeights
) -> tuple[Ints, Bools]:
    """Scores (mentee rows x mentor columns) and whether each pair meets the rules.

    Mirrors ``matching._evaluate`` exactly, leaving out room, which ``solve`` handles.
    """
    places: dict[str, int] = {}
    m_region, t_region = (
        _codes((p.region for p in mentors), places, -1),
        _codes((p.region for p in mentees), places, -2),
    )
    m_council, t_council = (
        _codes((p.local_authority for p in mentors), places, -1),
        _codes((p.local_authority for p in mentees), places, -2),
    )
    same_region = t_region[:, None] == m_region[None, :]
    same_council = t_council[:, None] == m_council[None, :]

    kinds = _POPCOUNT[_shared_bits(mentees, mentors, "care_kinds", CareKind)]
    ages = _shared_bits(mentees, mentors, "age_ranges", AgeRange) != 0
    times = _POPCOUNT[_shared_bits(mentees, mentors, "availability", Availability)]
    ways_bits = _shared_bits(mentees, mentors, "contact_ways", ContactWay)
    if weights.meet_up_needs_same_area:
        ways_bits = np.where(same_region | same_council, ways_bits, ways_bits & ~_MEET_UP)
    ways = _POPCOUNT[ways_bits]

    languages = {place_key(weights.common_language): 0}  # bit 0: not a reason to pair
    for spoken in [*(m.languages for m in mentors), *(m.languages for m in mentees)]:
        for name in spoken:
            languages.setdefault(place_key(name), len(languages))
    m_lang, t_lang = _language_words(mentors, languages), _language_words(mentees, languages)
    speak_any = _overlap(t_lang, m_lang)
    common_bit = np.zeros(t_lang.shape[1], dtype=np.int64)
    common_bit[0] = 1
    speak_special = _overlap(t_lang & ~common_bit, m_lang)

    years = np.array([min(m.years_caring, weights.experience_cap_years) for m in mentors], np.int64)
    total = np.broadcast_to(years * weights.experience_per_year, kinds.shape).copy()
    total += np.where(kinds > 0, weights.care_kind + weights.care_kind_extra * (kinds - 1), 0)
    total += weights.local_authority * same_council + weights.region * same_region
    total += weights.age_range * ages + weights.language * speak_special
    total += weights.availability_each * times + weights.contact_each * ways

    mentor_ids = np.array([m.person_id for m in mentors], dtype=np.int64)
    mentee_ids = np.array([m.person_id for m in mentees], dtype=np.int64)
    allowed = mentee_ids[:, None] != mentor_ids[None, :]
    if weights.require_shared_care_kind:
        allowed &= kinds > 0
    if weights.require_shared_language:
        m_speaks = np.array([bool(m.languages) for m in mentors], dtype=np.bool_)
        t_speaks = np.array([bool(m.languages) for m in mentees], dtype=np.bool_)
        allowed &= speak_any | ~(t_speaks[:, None] & m_speaks[None, :])
    return total, allowed


def _objective(scores: Ints, allowed: Bools) -> npt.NDArray[np.float64]:
    """One weight per (carer, place): matched first, then score, then waiting order.

    Rows arrive longest-waiting first and earn a bonus from ``levels`` down to 1. The
    levels shrink (coarser waiting bands) only if the numbers would not stay exact.
    """
    rows, places = scores.shape
    most = min(rows, places)
    best = int(scores[allowed].max(initial=0))
    levels = rows
    while True:
        step = most * levels + 1  # one point of score beats any difference in bonuses
        top = best * step + levels
        big = most * top + 1  # one more pair beats any difference in quality
        if most * (big + top) < _EXACT or levels == 0:
            break
        levels //= 2
    if most * (big + top) >= _EXACT:
        raise ValueError("scores too large to solve exactly; lower the match weights")
    bonus = levels - (np.arange(rows, dtype=np.int64) * levels) // max(rows, 1)
    quality = big + scores * step + bonus[:, None]
    return np.where(allowed, quality, 0).astype(np.float64)


def solve(
    mentors: Sequence[MentorProfile],
    mentees: Sequence[MenteeProfile],
    *,
    rooms: Sequence[int],
    blocked: Collection[tuple[int, int]],
    min_score: int,
    weights: MatchWeights,
) -> Solved:
    """Best pairs for mentees (in waiting order) with mentors (with ``rooms`` places).

    ``blocked`` holds (person id, person id) pairs, either way round, never to be paired.
    ValueError if the weights are so large the solve could not be exact.
    """
    if not mentors or not mentees:
        return Solved([], [False] * len(mentees))
    scores, allowed = score_matrix(mentors, mentees, weights)
    allowed &= scores >= min_score
    room = np.array(rooms, dtype=np.int64).reshape(len(mentors))
    allowed[:, room <= 0] = False
    mentor_col = {m.person_id: col for col, m in enumerate(mentors)}
    mentee_row = {m.person_id: row for row, m in enumerate(mentees)}
    for a, b in blocked:
        for mentor_id, mentee_id in ((a, b), (b, a)):
            if mentor_id in mentor_col and mentee_id in mentee_row:
                allowed[mentee_row[mentee_id], mentor_col[mentor_id]] = False

    had = np.asarray(allowed.any(axis=1), dtype=np.bool_)
    rows = np.flatnonzero(had)
    cols = np.flatnonzero(allowed.any(axis=0))
    if rows.size == 0 or cols.size == 0:
        return Solved([], [bool(flag) for flag in had])
    sub_allowed = allowed[np.ix_(rows, cols)]
    places = np.minimum(room[cols], sub_allowed.sum(axis=0))  # never more than could use
    place_col = np.repeat(cols, places)
    place_allowed = np.repeat(sub_allowed, places, axis=1)
    place_scores = np.repeat(scores[np.ix_(rows, cols)], places, axis=1)

    objective = _objective(place_scores, place_allowed)
    chosen_rows: npt.NDArray[np.intp]
    chosen_places: npt.NDArray[np.intp]
    chosen_rows, chosen_places = linear_sum_assignment(objective, maximize=True)
    pairs = [
        (int(rows[r]), int(place_col[p]))
        for r, p in zip(chosen_rows.tolist(), chosen_places.tolist(), strict=True)
        if place_allowed[r, p]
    ]
    return Solved(pairs, [bool(flag) for flag in had])
