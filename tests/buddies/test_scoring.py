"""One mentor against one carer: what counts, how much, and what rules a pair out."""

from __future__ import annotations

import pytest

from bot.features.buddies.matching import DEFAULT_WEIGHTS, MatchWeights, score
from bot.features.buddies.profiles import (
    AgeRange,
    Availability,
    CareKind,
    ContactWay,
    MenteeProfile,
    MentorProfile,
)
from bot.features.buddies.reasons import Reason, ReasonKind
from bot.features.buddies.solver import score_matrix
from tests.buddies.support import mentee, mentor, random_people

C = CareKind
LOOSE = MatchWeights(require_shared_care_kind=False)


def total(m: MentorProfile, t: MenteeProfile, weights: MatchWeights = DEFAULT_WEIGHTS) -> int:
    result = score(m, t, weights)
    assert result is not None
    return result.total


def test_same_kind_of_care_outweighs_everything_else_together() -> None:
    carer = mentee(100, [C.KINSHIP], ages=[AgeRange.UNDER_5], languages=["english", "urdu"])
    same_care_far_away = mentor(1, [C.KINSHIP], region="London", council="Camden")
    everything_but_care = mentor(
        2,
        [C.MAINSTREAM],
        ages=list(AgeRange),
        languages=["english", "urdu"],
        times=list(Availability),
        ways=list(ContactWay),
        years=30,
    )
    assert total(same_care_far_away, carer, LOOSE) > total(everything_but_care, carer, LOOSE)


def test_without_shared_care_kind_a_pair_is_not_allowed_by_default() -> None:
    assert score(mentor(1, [C.MAINSTREAM]), mentee(100, [C.KINSHIP])) is None
    assert score(mentor(1, [C.MAINSTREAM]), mentee(100, [C.KINSHIP]), LOOSE) is not None


@pytest.mark.parametrize(
    ("better", "worse"),
    [
        ({"region": "North East", "council": "Durham"}, {"region": "London", "council": "Camden"}),
        ({"council": "Leeds"}, {"council": "Bradford"}),
        ({"ages": [AgeRange.UNDER_5]}, {"ages": [AgeRange.OVER_16]}),
        ({"languages": ["english", "urdu"]}, {"languages": ["english"]}),
        ({"times": [Availability.EVENINGS]}, {"times": [Availability.WEEKENDS]}),
        ({"ways": [ContactWay.PHONE]}, {"ways": [ContactWay.MESSAGES]}),
        ({"years": 8}, {"years": 2}),
    ],
)
def test_each_thing_in_common_adds(better: dict[str, object], worse: dict[str, object]) -> None:
    carer = mentee(
        100,
        region="North East" if "region" in better else "Yorkshire and the Humber",
        council="Durham" if "region" in better else "Leeds",
        ages=[AgeRange.UNDER_5],
        languages=["english", "urdu"],
        times=[Availability.EVENINGS],
        ways=[ContactWay.PHONE],
    )
    assert total(mentor(1, **better), carer) > total(mentor(2, **worse), carer)  # type: ignore[arg-type]


def test_region_outweighs_ages_and_ages_outweigh_languages() -> None:
    carer = mentee(100, ages=[AgeRange.UNDER_5], languages=["english", "polish"])
    near = mentor(1, council="Bradford")
    far_same_ages = mentor(2, region="Wales", council="Cardiff", ages=[AgeRange.UNDER_5])
    far_same_language = mentor(3, region="Wales", council="Cardiff", languages=["polish"])
    assert total(near, carer) > total(far_same_ages, carer) > total(far_same_language, carer)


@pytest.mark.parametrize(
    ("who", "why"),
    [
        (mentor(100), "the same person"),
        (mentor(1, paused=True), "paused"),
        (mentor(1, capacity=2, active=2), "full"),
        (mentor(1, languages=["welsh"]), "no shared language"),
    ],
)
def test_pairs_that_are_not_allowed(who: MentorProfile, why: str) -> None:
    assert score(who, mentee(100)) is None, why


def test_no_language_listed_means_no_language_rule() -> None:
    assert score(mentor(1, languages=[]), mentee(100, languages=["welsh"])) is not None


def test_common_language_is_not_a_reason_but_others_are() -> None:
    result = score(mentor(1, languages=["English"]), mentee(100, languages=["english"]))
    assert result is not None
    assert ReasonKind.LANGUAGES not in {r.kind for r in result.reasons}
    result = score(mentor(1, languages=["Urdu", "english"]), mentee(100, languages=["urdu"]))
    assert result is not None
    assert Reason(ReasonKind.LANGUAGES, ("Urdu",)) in result.reasons


def test_reasons_come_in_order_with_shared_values() -> None:
    result = score(
        mentor(
            1,
            [C.TEENAGERS, C.KINSHIP, C.RESPITE],
            ages=[AgeRange.OVER_16, AgeRange.FROM_11_TO_15],
            times=[Availability.WEEKENDS, Availability.EVENINGS],
            ways=[ContactWay.MEET_UP, ContactWay.PHONE],
        ),
        mentee(
            100,
            [C.KINSHIP, C.TEENAGERS],
            ages=[AgeRange.FROM_11_TO_15, AgeRange.OVER_16],
            times=[Availability.EVENINGS, Availability.WEEKENDS],
            ways=[ContactWay.MEET_UP],
        ),
    )
    assert result is not None
    assert result.reasons == (
        Reason(ReasonKind.CARE_KINDS, ("kinship", "teenagers")),
        Reason(ReasonKind.LOCAL_AUTHORITY, ("Leeds",)),
        Reason(ReasonKind.AGE_RANGES, ("11-15", "16+")),
        Reason(ReasonKind.AVAILABILITY, ("evenings", "weekends")),
        Reason(ReasonKind.CONTACT_WAYS, ("meet_up",)),
    )


def test_same_region_other_council_gives_a_region_reason() -> None:
    result = score(mentor(1, council="Bradford"), mentee(100, council="Leeds"))
    assert result is not None
    assert Reason(ReasonKind.REGION, ("Yorkshire and the Humber",)) in result.reasons


def test_meeting_up_only_counts_in_the_same_area() -> None:
    meets = [ContactWay.MEET_UP]
    far = score(mentor(1, region="Wales", council="Cardiff", ways=meets), mentee(100, ways=meets))
    near = score(mentor(1, council="Leeds", ways=meets), mentee(100, ways=meets))
    assert far is not None and near is not None
    assert ReasonKind.CONTACT_WAYS not in {r.kind for r in far.reasons}
    assert ReasonKind.CONTACT_WAYS in {r.kind for r in near.reasons}


def test_weights_are_tunable() -> None:
    carer = mentee(100, ages=[AgeRange.UNDER_5])
    ages_first = MatchWeights(age_range=500)
    near = mentor(1)
    same_ages = mentor(2, region="Wales", council="Cardiff", ages=[AgeRange.UNDER_5])
    assert total(near, carer) > total(same_ages, carer)
    assert total(near, carer, ages_first) < total(same_ages, carer, ages_first)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("weights", [DEFAULT_WEIGHTS, LOOSE, MatchWeights(language=0)])
def test_fast_score_table_agrees_with_score(seed: int, weights: MatchWeights) -> None:
    mentors, mentees = random_people(seed, 25, 40, overlap_ids=5)
    mentors = [m for m in mentors if m.room > 0]
    totals, allowed = score_matrix(mentors, mentees, weights)
    for row, carer in enumerate(mentees):
        for col, buddy in enumerate(mentors):
            expected = score(buddy, carer, weights)
            assert bool(allowed[row, col]) == (expected is not None), (buddy, carer)
            if expected is not None:
                assert int(totals[row, col]) == expected.total
