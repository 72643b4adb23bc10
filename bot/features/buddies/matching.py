"""Pair waiting carers with mentors, best for the whole waiting list at once.

``score`` says how well one mentor suits one carer and why (None when the pair is not
allowed). ``match`` takes everyone at once and solves it as an assignment problem:
first as many carers as possible get a buddy, then the pairs are as good as possible,
then longer-waiting carers win ties. First-come greedy pairing would let an early
carer take the only mentor a later carer could have had; this does not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from bot.features.buddies import gaps, solver
from bot.features.buddies.profiles import (
    ContactWay,
    MenteeProfile,
    MentorProfile,
    place_key,
)
from bot.features.buddies.reasons import Reason, ReasonKind


@dataclass(frozen=True, slots=True)
class MatchWeights:
    """What matters, in points. Same kind of care outweighs everything else together."""

    care_kind: int = 200
    care_kind_extra: int = 10
    """For each shared kind of care after the first."""
    region: int = 40
    local_authority: int = 15
    """On top of ``region``: the same council means the same support services."""
    age_range: int = 25
    language: int = 15
    """A shared language other than ``common_language``."""
    availability_each: int = 8
    contact_each: int = 5
    experience_per_year: int = 1
    experience_cap_years: int = 10
    common_language: str = "english"
    require_shared_care_kind: bool = True
    require_shared_language: bool = True
    """When both list languages and none is shared, they could not talk."""
    meet_up_needs_same_area: bool = True
    """Meeting up only counts when they share a region or council."""


DEFAULT_WEIGHTS = MatchWeights()


@dataclass(frozen=True, slots=True)
class Score:
    total: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Proposal:
    mentor_id: int
    mentee_id: int
    score: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Unmatched:
    mentee_id: int
    why: gaps.GapReason


@dataclass(frozen=True, slots=True)
class MatchResult:
    proposals: list[Proposal]
    """In waiting order, longest-waiting carer first."""
    unmatched: list[Unmatched]
    """In waiting order; every carer given to ``match`` is in exactly one of the two lists."""

    def gaps(self) -> list[gaps.GapReason]:
        """The unmatched carers folded into gaps for staff, biggest first."""
        return gaps.summarise(item.why for item in self.unmatched)


class MatchError(ValueError):
    """Bad input, or a staff override that breaks a rule matching never breaks."""


def _in_order(members: frozenset[Enum]) -> tuple[str, ...]:
    """Enum values in the order the enum lists them, so reasons read the same every time."""
    if not members:
        return ()
    kind = type(next(iter(members)))
    return tuple(member.value for member in kind if member in members)


def _same(a: str, b: str) -> bool:
    key = place_key(a)
    return bool(key) and key == place_key(b)


def _evaluate(
    mentor: MentorProfile, mentee: MenteeProfile, weights: MatchWeights
) -> tuple[Score, bool]:
    """The score and reasons, and whether the pair meets the weights' requirements."""
    kinds = mentor.care_kinds & mentee.care_kinds
    same_council = _same(mentor.local_authority, mentee.local_authority)
    same_region = _same(mentor.region, mentee.region)
    ages = mentor.age_ranges & mentee.age_ranges
    mentor_languages = {place_key(name) for name in mentor.languages}
    mentee_languages = {place_key(name) for name in mentee.languages}
    languages = mentor_languages & mentee_languages
    special_languages = languages - {place_key(weights.common_language)}
    times = mentor.availability & mentee.availability
    ways = mentor.contact_ways & mentee.contact_ways
    if weights.meet_up_needs_same_area and not (same_region or same_council):
        ways -= {ContactWay.MEET_UP}

    total = min(mentor.years_caring, weights.experience_cap_years) * weights.experience_per_year
    reasons: list[Reason] = []
    if kinds:
        total += weights.care_kind + weights.care_kind_extra * (len(kinds) - 1)
        reasons.append(Reason(ReasonKind.CARE_KINDS, _in_order(kinds)))
    if same_council:
        total += weights.local_authority
        reasons.append(Reason(ReasonKind.LOCAL_AUTHORITY, (mentee.local_authority.strip(),)))
    if same_region:
        total += weights.region
        if not same_council:
            reasons.append(Reason(ReasonKind.REGION, (mentee.region.strip(),)))
    if ages:
        total += weights.age_range
        reasons.append(Reason(ReasonKind.AGE_RANGES, _in_order(ages)))
    if special_languages:
        total += weights.language
        names = tuple(sorted(name.title() for name in special_languages))
        reasons.append(Reason(ReasonKind.LANGUAGES, names))
    if times:
        total += weights.availability_each * len(times)
        reasons.append(Reason(ReasonKind.AVAILABILITY, _in_order(times)))
    if ways:
        total += weights.contact_each * len(ways)
        reasons.append(Reason(ReasonKind.CONTACT_WAYS, _in_order(ways)))

    allowed = mentor.person_id != mentee.person_id
    if weights.require_shared_care_kind and not kinds:
        allowed = False
    if weights.require_shared_language and mentor_languages and mentee_languages:
        allowed = allowed and bool(languages)
    return Score(total, tuple(reasons)), allowed


def score(
    mentor: MentorProfile, mentee: MenteeProfile, weights: MatchWeights = DEFAULT_WEIGHTS
) -> Score | None:
    """How well this mentor suits this carer, or None if they may not be paired.

    Not allowed: the same person, a paused or full mentor, no shared kind of care or no
    shared language (when the weights require them). Past pairs and 'rather not' lists
    are about history and privacy, not profiles, so ``match`` applies those.
    """
    if mentor.room <= 0:
        return None
    result, allowed = _evaluate(mentor, mentee, weights)
    return result if allowed else None


def _pair_key(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a <= b else (b, a)


def _unique(people: Iterable[MentorProfile | MenteeProfile], what: str) -> None:
    seen = Counter(person.person_id for person in people)
    repeated = sorted(pid for pid, n in seen.items() if n > 1)
    if repeated:
        raise MatchError(f"{what} listed more than once: {repeated}")


def match(
    mentors: Sequence[MentorProfile],
    mentees: Sequence[MenteeProfile],
    *,
    past_pairs: Collection[tuple[int, int]] = frozenset(),
    rather_not: Collection[tuple[int, int]] = frozenset(),
    min_score: int = 0,
    weights: MatchWeights = DEFAULT_WEIGHTS,
    pinned: Collection[tuple[int, int]] = (),
) -> MatchResult:
    """Propose buddies for everyone waiting, optimally for the whole list.

    ``past_pairs`` and ``rather_not`` hold (person, person) in either order; both block
    the pair whichever way round. ``pinned`` holds staff overrides as (mentor_id,
    mentee_id): they are kept as given (even below ``min_score``), use up the mentor's
    room, and everyone else is matched around them. A pinned pair that repeats a past
    pair, crosses a 'rather not', pairs someone with themself or overfills a mentor
    raises ``MatchError``: staff overrides taste, not those rules.
    """
    _unique(mentors, "mentor")
    _unique(mentees, "mentee")
    blocked = {_pair_key(a, b) for a, b in (*past_pairs, *rather_not)}
    mentors = sorted(mentors, key=lambda m: m.person_id)
    mentees = sorted(mentees, key=lambda m: (m.waiting_since, m.person_id))
    room = {mentor.person_id: mentor.room for mentor in mentors}

    fixed = _pinned_proposals(mentors, mentees, pinned, blocked, room, weights)
    free_mentees = [mentee for mentee in mentees if mentee.person_id not in fixed]
    solved = solver.solve(
        mentors,
        free_mentees,
        rooms=[room[mentor.person_id] for mentor in mentors],
        blocked=blocked,
        min_score=min_score,
        weights=weights,
    )
    found = dict(fixed)
    for row, col in solved.pairs:
        mentor, mentee = mentors[col], free_mentees[row]
        result = score(mentor, mentee, weights)
        if result is None:  # the solver and ``score`` disagree: a bug, never a pair
            raise AssertionError(f"solver proposed a pair score() forbids: {mentor}, {mentee}")
        found[mentee.person_id] = Proposal(
            mentor.person_id, mentee.person_id, result.total, result.reasons
        )

    coverage = gaps.mentor_coverage(mentors)
    unmatched: list[Unmatched] = []
    for row, mentee in enumerate(free_mentees):
        if mentee.person_id not in found:
            had = bool(solved.had_candidates[row])
            why = gaps.diagnose(mentee, coverage, had_candidates=had)
            unmatched.append(Unmatched(mentee.person_id, why))
    proposals = [found[m.person_id] for m in mentees if m.person_id in found]
    return MatchResult(proposals, unmatched)


def _pinned_proposals(
    mentors: Sequence[MentorProfile],
    mentees: Sequence[MenteeProfile],
    pinned: Collection[tuple[int, int]],
    blocked: set[tuple[int, int]],
    room: dict[int, int],
    weights: MatchWeights,
) -> dict[int, Proposal]:
    """Staff overrides as proposals, checked against the rules; uses up mentors' room."""
    mentor_by_id = {mentor.person_id: mentor for mentor in mentors}
    mentee_by_id = {mentee.person_id: mentee for mentee in mentees}
    fixed: dict[int, Proposal] = {}
    for mentor_id, mentee_id in sorted(pinned):
        mentor, mentee = mentor_by_id.get(mentor_id), mentee_by_id.get(mentee_id)
        if mentor is None or mentee is None:
            raise MatchError(f"pinned pair ({mentor_id}, {mentee_id}): unknown mentor or carer")
        if mentee_id in fixed:
            raise MatchError(f"carer {mentee_id} is pinned to more than one mentor")
        if mentor_id == mentee_id or _pair_key(mentor_id, mentee_id) in blocked:
            raise MatchError(f"pinned pair ({mentor_id}, {mentee_id}) is self, past or blocked")
        if room[mentor_id] <= 0:
            raise MatchError(f"pinned pair ({mentor_id}, {mentee_id}): mentor has no room")
        room[mentor_id] -= 1
        result, _ = _evaluate(mentor, mentee, weights)
        reasons = (Reason(ReasonKind.STAFF_CHOICE), *result.reasons)
        fixed[mentee_id] = Proposal(mentor_id, mentee_id, result.total, reasons)
    return fixed
