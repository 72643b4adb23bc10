"""The whole waiting list at once: rules kept, best overall, the same answer every time."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Sequence

import pytest

from bot.features.buddies.gaps import GapCause
from bot.features.buddies.matching import MatchError, MatchResult, MatchWeights, match, score
from bot.features.buddies.profiles import CareKind, MenteeProfile, MentorProfile
from bot.features.buddies.reasons import ReasonKind
from tests.buddies.support import mentee, mentor, random_people

C = CareKind


def pairs(result: MatchResult) -> set[tuple[int, int]]:
    return {(p.mentor_id, p.mentee_id) for p in result.proposals}


def greedy_first_come(
    mentors: Sequence[MentorProfile], mentees: Sequence[MenteeProfile]
) -> set[tuple[int, int]]:
    """What we must beat: each carer in turn takes their best mentor with room."""
    room = {m.person_id: m.room for m in mentors}
    chosen = set()
    for carer in sorted(mentees, key=lambda t: t.waiting_since):
        options = [
            (s.total, m.person_id)
            for m in mentors
            if room[m.person_id] > 0 and (s := score(m, carer)) is not None
        ]
        if options:
            _, best = max(options)
            room[best] -= 1
            chosen.add((best, carer.person_id))
    return chosen


def test_beats_first_come_greedy() -> None:
    both = mentor(1, [C.KINSHIP, C.TEENAGERS])
    teens_only = mentor(2, [C.TEENAGERS])
    early = mentee(100, [C.KINSHIP, C.TEENAGERS], waited_days=30)
    late = mentee(101, [C.KINSHIP], waited_days=1)
    assert greedy_first_come([both, teens_only], [early, late]) == {(1, 100)}

    result = match([both, teens_only], [early, late])
    assert pairs(result) == {(2, 100), (1, 101)}
    assert result.unmatched == []


def test_longest_waiting_wins_a_tie() -> None:
    only = mentor(1)
    result = match([only], [mentee(100, waited_days=2), mentee(101, waited_days=9)])
    assert pairs(result) == {(1, 101)}
    assert [u.mentee_id for u in result.unmatched] == [100]
    assert result.unmatched[0].why.cause is GapCause.MENTORS_FULL


def test_better_pair_beats_waiting_time() -> None:
    kin = mentor(1, [C.KINSHIP, C.TEENAGERS])
    result = match(
        [kin], [mentee(100, [C.KINSHIP], waited_days=9), mentee(101, [C.KINSHIP, C.TEENAGERS])]
    )
    assert pairs(result) == {(1, 101)}


def test_capacity_is_never_exceeded() -> None:
    mentors = [mentor(1, capacity=3, active=1), mentor(2, capacity=1)]
    mentees = [mentee(100 + i, waited_days=i) for i in range(6)]
    result = match(mentors, mentees)
    assert Counter(p.mentor_id for p in result.proposals) == {1: 2, 2: 1}
    assert len(result.unmatched) == 3


def test_paused_and_full_mentors_get_nobody() -> None:
    result = match([mentor(1, paused=True), mentor(2, capacity=2, active=2)], [mentee(100)])
    assert result.proposals == []
    assert result.unmatched[0].why.cause is GapCause.NO_MENTOR_WITH_KIND


@pytest.mark.parametrize("blocked", [(1, 100), (100, 1)])
def test_past_pairs_are_never_repeated_either_way(blocked: tuple[int, int]) -> None:
    result = match([mentor(1), mentor(2)], [mentee(100)], past_pairs={blocked})
    assert pairs(result) == {(2, 100)}


@pytest.mark.parametrize("blocked", [(1, 100), (100, 1)])
def test_rather_not_blocks_both_directions(blocked: tuple[int, int]) -> None:
    result = match([mentor(1)], [mentee(100)], rather_not={blocked})
    assert result.proposals == []
    assert result.unmatched[0].why.cause is GapCause.NO_SUITABLE_MENTOR


def test_nobody_is_paired_with_themself() -> None:
    result = match([mentor(7, capacity=2), mentor(8)], [mentee(7), mentee(8)])
    assert pairs(result) == {(7, 8), (8, 7)}
    result = match([mentor(7)], [mentee(7)])
    assert result.proposals == []


def test_min_score_leaves_poor_pairs_unproposed() -> None:
    far = mentor(1, region="Wales", council="Cardiff")
    assert match([far], [mentee(100)], min_score=0).proposals
    result = match([far], [mentee(100)], min_score=230)
    assert result.proposals == []
    assert result.unmatched[0].why.cause is GapCause.NO_MENTOR_WITH_KIND


def test_proposals_carry_score_and_reasons() -> None:
    result = match([mentor(1, [C.TEENAGERS])], [mentee(100, [C.TEENAGERS])])
    (proposal,) = result.proposals
    expected = score(mentor(1, [C.TEENAGERS]), mentee(100, [C.TEENAGERS]))
    assert expected is not None
    assert (proposal.score, proposal.reasons) == (expected.total, expected.reasons)
    assert proposal.reasons[0].values == ("teenagers",)


def test_empty_inputs() -> None:
    assert match([], []) == MatchResult([], [])
    assert match([mentor(1)], []) == MatchResult([], [])
    result = match([], [mentee(100), mentee(101, waited_days=3)])
    assert [u.mentee_id for u in result.unmatched] == [101, 100]


def test_more_mentors_than_carers_everyone_gets_the_best() -> None:
    mentors = [mentor(i, region="Wales", council="Cardiff") for i in range(1, 6)]
    mentors.append(mentor(9, council="Leeds"))
    result = match(mentors, [mentee(100)])
    assert pairs(result) == {(9, 100)}


def test_more_carers_than_mentors_fills_every_place() -> None:
    mentors = [mentor(1, capacity=2), mentor(2)]
    result = match(mentors, [mentee(100 + i, waited_days=i) for i in range(10)])
    assert len(result.proposals) == 3
    assert len(result.unmatched) == 7
    assert {p.mentee_id for p in result.proposals} == {107, 108, 109}  # longest waiting


def test_results_are_in_waiting_order() -> None:
    mentees = [mentee(100 + i, waited_days=d) for i, d in enumerate([3, 9, 1, 5])]
    result = match([mentor(1, capacity=3), mentor(2)], mentees)
    assert [p.mentee_id for p in result.proposals] == [101, 103, 100, 102]


def test_input_order_does_not_change_the_answer() -> None:
    mentors, mentees = random_people(11, 30, 60)
    first = match(mentors, mentees, rather_not={(1, 1003)})
    rng = random.Random(3)
    for _ in range(5):
        rng.shuffle(mentors)
        rng.shuffle(mentees)
        assert match(mentors, mentees, rather_not={(1003, 1)}) == first


def test_duplicate_people_are_refused() -> None:
    with pytest.raises(MatchError):
        match([mentor(1), mentor(1)], [mentee(100)])
    with pytest.raises(MatchError):
        match([mentor(1)], [mentee(100), mentee(100)])


def test_staff_pin_a_pair_and_the_rest_rearranges() -> None:
    kin = mentor(1, [C.KINSHIP])
    other = mentor(2, [C.MAINSTREAM, C.KINSHIP], region="Wales", council="Cardiff")
    a = mentee(100, [C.KINSHIP], waited_days=5)
    b = mentee(101, [C.MAINSTREAM])
    assert pairs(match([kin, other], [a, b])) == {(1, 100), (2, 101)}
    result = match([kin, other], [a, b], pinned={(2, 100)})
    assert pairs(result) == {(2, 100)}
    assert [u.mentee_id for u in result.unmatched] == [101]
    pinned = result.proposals[0]
    assert pinned.reasons[0].kind is ReasonKind.STAFF_CHOICE


def test_staff_may_pin_below_the_usual_bar_but_not_break_the_rules() -> None:
    far = mentor(1, [C.RESPITE], region="Wales", council="Cardiff")
    result = match([far], [mentee(100, [C.KINSHIP])], pinned={(1, 100)}, min_score=500)
    assert pairs(result) == {(1, 100)}
    with pytest.raises(MatchError):
        match([far], [mentee(100)], pinned={(1, 100)}, rather_not={(100, 1)})
    with pytest.raises(MatchError):
        match([far], [mentee(100)], pinned={(1, 100)}, past_pairs={(1, 100)})
    with pytest.raises(MatchError):
        match([far], [mentee(100), mentee(101)], pinned={(1, 100), (1, 101)})
    with pytest.raises(MatchError):
        match([mentor(1, paused=True)], [mentee(100)], pinned={(1, 100)})
    with pytest.raises(MatchError):
        match([mentor(100)], [mentee(100)], pinned={(100, 100)})
    with pytest.raises(MatchError):
        match([far], [mentee(100)], pinned={(1, 999)})


def test_huge_weights_still_solve_exactly_or_refuse() -> None:
    mentors = [mentor(1, capacity=2), mentor(2)]
    mentees = [mentee(100 + i, waited_days=i) for i in range(5)]
    for heavy in (10**9, 3 * 10**13):  # the second needs coarser waiting bands
        result = match(mentors, mentees, weights=MatchWeights(care_kind=heavy))
        assert {p.mentee_id for p in result.proposals} == {102, 103, 104}
    with pytest.raises(ValueError):
        match(mentors, mentees, weights=MatchWeights(care_kind=10**15))


def _brute_force_best(
    mentors: Sequence[MentorProfile], mentees: Sequence[MenteeProfile]
) -> tuple[int, int]:
    """(most pairs, best total score among those) by trying every assignment."""
    options = [[None] + [m for m in mentors if score(m, t) is not None] for t in mentees]
    best = (0, 0)
    for choice in itertools.product(*options):
        used = Counter(m.person_id for m in choice if m is not None)
        if any(used[m.person_id] > m.room for m in mentors):
            continue
        chosen = [(m, t) for m, t in zip(choice, mentees, strict=True) if m is not None]
        totals = [score(m, t) for m, t in chosen]
        best = max(best, (len(chosen), sum(s.total for s in totals if s is not None)))
    return best


@pytest.mark.parametrize("seed", range(30))
def test_optimal_against_brute_force(seed: int) -> None:
    mentors, mentees = random_people(seed, 3, 5)
    result = match(mentors, mentees)
    assert (len(result.proposals), sum(p.score for p in result.proposals)) == _brute_force_best(
        mentors, mentees
    )
