"""Carers whose buddy left are matched before everyone else, and the rest hear the truth."""

from __future__ import annotations

from bot.features.buddies.gaps import GapCause
from bot.features.buddies.profiles import CareKind
from bot.features.buddies.rounds import match_round
from tests.buddies.support import mentee, mentor

KINSHIP = (CareKind.KINSHIP,)
RULES: dict[str, object] = {"past_pairs": (), "rather_not": (), "min_score": 0}


def test_without_priority_the_longest_waiting_carer_wins_a_tie() -> None:
    result = match_round(
        [mentor(1, KINSHIP)],
        [mentee(10, KINSHIP, waited_days=30), mentee(11, KINSHIP)],
        (),
        **RULES,
    )
    assert [(p.mentor_id, p.mentee_id) for p in result.proposals] == [(1, 10)]


def test_a_carer_whose_buddy_left_goes_first() -> None:
    result = match_round(
        [mentor(1, KINSHIP)],
        [mentee(10, KINSHIP, waited_days=30), mentee(11, KINSHIP)],
        {11},
        **RULES,
    )
    assert [(p.mentor_id, p.mentee_id) for p in result.proposals] == [(1, 11)]
    [left_out] = result.unmatched
    assert (left_out.mentee_id, left_out.why.cause) == (10, GapCause.MENTORS_FULL)


def test_priority_never_breaks_the_rules() -> None:
    mentors = [mentor(1, KINSHIP), mentor(2, KINSHIP)]
    waiting = [mentee(10, KINSHIP, waited_days=3), mentee(11, KINSHIP)]
    result = match_round(
        mentors, waiting, {11}, past_pairs={(1, 11)}, rather_not={(11, 2)}, min_score=0
    )
    assert [(p.mentor_id, p.mentee_id) for p in result.proposals] == [(1, 10)]
    assert [u.mentee_id for u in result.unmatched] == [11]
    assert result.unmatched[0].why.cause is GapCause.NO_SUITABLE_MENTOR


def test_someone_truly_without_a_mentor_is_not_called_full() -> None:
    result = match_round(
        [mentor(1, KINSHIP)],
        [mentee(10, (CareKind.RESPITE,), waited_days=3), mentee(11, KINSHIP)],
        {11},
        **RULES,
    )
    [left_out] = result.unmatched
    assert (left_out.mentee_id, left_out.why.cause) == (10, GapCause.NO_MENTOR_WITH_KIND)


def test_a_full_mentor_who_would_suit_means_waiting_for_room_not_a_missing_mentor() -> None:
    busy = mentor(1, KINSHIP, capacity=1, active=1)
    result = match_round([busy], [mentee(10, KINSHIP)], (), **RULES)
    assert result.unmatched[0].why.cause is GapCause.MENTORS_FULL
    paused = mentor(1, KINSHIP, paused=True)
    result = match_round([paused], [mentee(10, KINSHIP)], (), **RULES)
    assert result.unmatched[0].why.cause is GapCause.NO_MENTOR_WITH_KIND
    # A full mentor she would rather not have is no reason to say "wait for room".
    blocked = {**RULES, "rather_not": {(10, 1)}}
    result = match_round([busy], [mentee(10, KINSHIP)], (), **blocked)
    assert result.unmatched[0].why.cause is not GapCause.MENTORS_FULL
