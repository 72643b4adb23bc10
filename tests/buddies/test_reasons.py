"""Reasons rendered in plain words from templates the organisation can edit."""

from __future__ import annotations

import pytest

from bot.features.buddies.matching import score
from bot.features.buddies.profiles import AgeRange, CareKind
from bot.features.buddies.reasons import (
    REQUIRED_TEMPLATE_KEYS,
    Reason,
    ReasonKind,
    check_templates,
    describe,
    join_words,
)
from tests.buddies.support import DEFAULT_REASON_TEMPLATES, mentee, mentor

R = ReasonKind
T = DEFAULT_REASON_TEMPLATES


@pytest.mark.parametrize(
    ("reasons", "text"),
    [
        ([], ""),
        (
            [Reason(R.CARE_KINDS, ("teenagers",)), Reason(R.LOCAL_AUTHORITY, ("Leeds",))],
            "you both have experience of teenagers, you are both in Leeds",
        ),
        (
            [Reason(R.CARE_KINDS, ("kinship", "teenagers", "respite"))],
            "you both have experience of kinship care, teenagers and short breaks",
        ),
        (
            [Reason(R.AGE_RANGES, ("0-4", "16+"))],
            "you both care for children aged 0 to 4 and 16 and over",
        ),
        ([Reason(R.LANGUAGES, ("Urdu",))], "you both speak Urdu"),
        (
            [Reason(R.AVAILABILITY, ("evenings", "weekends"))],
            "you are both free in the evenings and at weekends",
        ),
        (
            [Reason(R.CONTACT_WAYS, ("phone", "meet_up"))],
            "you both like phone calls and meeting up",
        ),
        ([Reason(R.STAFF_CHOICE)], "our staff team suggested you"),
    ],
)
def test_describe(reasons: list[Reason], text: str) -> None:
    assert describe(reasons, T) == text


def test_describe_a_real_proposal_and_limit_it() -> None:
    result = score(
        mentor(1, [CareKind.TEENAGERS], ages=[AgeRange.FROM_11_TO_15]),
        mentee(100, [CareKind.TEENAGERS], ages=[AgeRange.FROM_11_TO_15]),
    )
    assert result is not None
    assert describe(result.reasons, T, limit=2) == (
        "you both have experience of teenagers, you are both in Leeds"
    )


def test_unlabelled_values_fall_back_to_plain_words() -> None:
    bare = {"care_kinds": "same care: {values}"}
    assert describe([Reason(R.CARE_KINDS, ("long_term",))], bare) == "same care: long term"


def test_wording_and_joiners_come_from_templates() -> None:
    welsh = {"region": "mae'r ddau ohonoch yn {values}", "separator": "; ", "list_and": " a "}
    reasons = [Reason(R.REGION, ("Gwynedd", "Conwy")), Reason(R.REGION, ("Cymru",))]
    assert (
        describe(reasons, welsh)
        == "mae'r ddau ohonoch yn Gwynedd a Conwy; mae'r ddau ohonoch yn Cymru"
    )


def test_missing_template_names_the_key() -> None:
    with pytest.raises(KeyError, match="languages"):
        describe([Reason(R.LANGUAGES, ("Urdu",))], {})


@pytest.mark.parametrize(
    ("words", "text"),
    [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")],
)
def test_join_words(words: list[str], text: str) -> None:
    assert join_words(words, T) == text


def test_check_templates() -> None:
    assert check_templates(T) == []
    assert set(T) >= REQUIRED_TEMPLATE_KEYS
    problems = check_templates({**T, "region": "nearby"})
    assert problems == ["reason template 'region' does not mention {values}"]
    assert "missing reason template 'languages'" in check_templates({})
