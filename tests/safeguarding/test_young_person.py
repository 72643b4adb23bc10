"""Who is taken for a young person writing: their own words, never a carer's."""

from __future__ import annotations

import pytest

from moderation.safeguarding.young_person import writes_as_young_person


@pytest.mark.parametrize(
    "text",
    [
        "my foster dad hit me last night",
        "My foster carers keep shouting at me",
        "I’m 14 and I don't feel safe at home",
        "im 13 yrs old and my carer took my phone",
        "I am in care and nobody listens",
        "i'm in year 9 and my teacher said to message someone",
        "I want to see my real mum",
        "I’m a looked after child and scared",
    ],
)
def test_a_young_persons_own_words_are_recognised(text: str) -> None:
    assert writes_as_young_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "She told me tonight that her dad hits her",
        "I'm 15 minutes late for the school run",
        "I'm 42 and new to fostering",
        "He's 14 and his birth mum has been in touch",
        "our foster child starts year 9 in September",
        "I'm 16 weeks into the assessment",
        "",
        "😀😀😀",
    ],
)
def test_a_carers_words_are_not_taken_for_a_young_persons(text: str) -> None:
    assert not writes_as_young_person(text)
