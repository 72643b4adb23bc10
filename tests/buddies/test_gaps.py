"""Telling staff where mentors are missing, and each waiting carer why."""

from __future__ import annotations

import pytest

from bot.features.buddies.gaps import (
    GapCause,
    GapReason,
    describe_gap,
    diagnose,
    mentor_coverage,
    summarise,
)
from bot.features.buddies.matching import match
from bot.features.buddies.profiles import CareKind, MentorProfile
from tests.buddies.support import DEFAULT_REASON_TEMPLATES, mentee, mentor

C = CareKind
NE = "North East"


def test_kinship_carers_in_the_north_east_with_no_mentor_show_as_one_gap() -> None:
    mentors = [
        mentor(1, [C.MAINSTREAM], region=NE, council="Durham"),
        mentor(2, [C.KINSHIP], region="London"),
    ]
    mentees = [
        mentee(100 + i, [C.KINSHIP], waited_days=i, region=NE, council="Durham") for i in range(4)
    ]
    result = match(mentors, mentees, rather_not={(2, 100), (2, 101), (2, 102), (2, 103)})
    assert result.gaps() == [GapReason("kinship", "North East", GapCause.NO_MENTOR_WITH_KIND, 4)]
    text = describe_gap(result.gaps()[0], DEFAULT_REASON_TEMPLATES)
    assert text == "4 waiting: no mentor with kinship care experience in North East"


def test_gap_kind_is_the_scarcest_kind_where_they_live() -> None:
    coverage = mentor_coverage(
        [
            mentor(1, [C.TEENAGERS], region=NE, council="Durham"),
            mentor(2, [C.TEENAGERS], region=NE, council="Durham"),
        ]
    )
    carer = mentee(100, [C.TEENAGERS, C.KINSHIP], region=NE, council="Durham")
    assert diagnose(carer, coverage, had_candidates=False) == GapReason(
        "kinship", "North East", GapCause.NO_MENTOR_WITH_KIND
    )


@pytest.mark.parametrize(
    ("mentors", "had", "cause"),
    [
        ([], False, GapCause.NO_MENTOR_WITH_KIND),
        ([mentor(1, [C.KINSHIP], paused=True)], False, GapCause.NO_MENTOR_WITH_KIND),
        ([mentor(1, [C.KINSHIP])], False, GapCause.NO_SUITABLE_MENTOR),
        ([mentor(1, [C.KINSHIP])], True, GapCause.MENTORS_FULL),
    ],
)
def test_causes(mentors: list[MentorProfile], had: bool, cause: GapCause) -> None:
    why = diagnose(mentee(100, [C.KINSHIP]), mentor_coverage(mentors), had_candidates=had)
    assert why.cause is cause


def test_carer_without_a_kind_of_care() -> None:
    why = diagnose(mentee(100, []), mentor_coverage([]), had_candidates=False)
    assert (why.kind, why.cause) == ("any", GapCause.NO_MENTOR_WITH_KIND)


def test_summarise_folds_and_orders() -> None:
    full = GapCause.MENTORS_FULL
    none = GapCause.NO_MENTOR_WITH_KIND
    gaps = [
        GapReason("kinship", "North East", none),
        GapReason("teenagers", "London", full),
        GapReason("kinship", "north  east", none),
        GapReason("teenagers", "London", full, 2),
        GapReason("respite", "Wales", none),
    ]
    assert summarise(gaps) == [
        GapReason("teenagers", "London", full, 3),
        GapReason("kinship", "North East", none, 2),
        GapReason("respite", "Wales", none, 1),
    ]
    assert summarise([]) == []


@pytest.mark.parametrize(
    ("gap", "text"),
    [
        (
            GapReason("teenagers", "London", GapCause.MENTORS_FULL, 3),
            "3 waiting: not enough mentor places for teenagers in London",
        ),
        (
            GapReason("respite", "", GapCause.NO_SUITABLE_MENTOR),
            "1 waiting: no suitable mentor for short breaks in an unknown area",
        ),
    ],
)
def test_describe_gap(gap: GapReason, text: str) -> None:
    assert describe_gap(gap, DEFAULT_REASON_TEMPLATES) == text


def test_describe_gap_names_a_missing_template() -> None:
    with pytest.raises(KeyError, match=r"gap\.mentors_full"):
        describe_gap(GapReason("teenagers", "London", GapCause.MENTORS_FULL), {})
