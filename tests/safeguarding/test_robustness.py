"""Odd input must never crash the detector or change its shape of answer."""

from __future__ import annotations

import random

import pytest

from moderation.safeguarding import NO_SIGNAL, Assessment, assess
from moderation.safeguarding.normalise import normalise

ODD_INPUTS = [
    "",
    " ",
    "\n\n\t",
    "😂😂😂🙈❤️",
    "\u200b\u200c\u200d\ufeff",
    "a" * 10_000,
    "missing " * 1_250,
    "told her uncle " * 700,
    ("she said " + "x " * 60) * 80,
    "🙂" * 5_000,
    "\x00\x01\x02 null bytes",
    "ﬁ ﬂ ℌ 𝐤𝐢𝐥𝐥 𝐦𝐲𝐬𝐞𝐥𝐟",
    "文字 عربى עברית русский текст",
    "\ud800 lone surrogate",
    ".!?" * 3_000,
    "'" * 5_000,
]


@pytest.mark.parametrize("text", ODD_INPUTS, ids=range(len(ODD_INPUTS)))
def test_odd_input_never_crashes(text: str) -> None:
    result = assess(text)
    assert isinstance(result, Assessment)
    assert result.category is None or result.category in result.categories
    assert 0.0 <= result.confidence <= 1.0


def test_empty_and_emoji_only_are_no_signal() -> None:
    assert assess("") == NO_SIGNAL
    assert assess("😂😂😂").category is None


def test_zero_width_characters_do_not_hide_a_signal() -> None:
    hidden = "\u200bshe\u200b told\u200d me her un\u200ccle touc\ufeffhes her"
    assert assess(hidden).category == "child_disclosure"


def test_lookalike_letters_do_not_hide_a_signal() -> None:
    # Cyrillic а, е, о and р in place of Latin letters.
    text = "еvеryоnе wоuld bе bеttеr оff withоut mе"
    assert assess(text).category == "self_harm_adult"


def test_curly_apostrophes_and_caps() -> None:
    assert assess("SHE HASN’T COME HOME AND HER PHONE IS OFF").category == "child_missing"


def test_signal_in_the_middle_of_a_long_message() -> None:
    filler = "We had a lovely day at the park and the kids ate ice cream. " * 60
    text = filler + "Then she told me her uncle touches her. " + filler
    assert assess(text).category == "child_disclosure"


def test_random_text_is_deterministic_and_safe() -> None:
    rng = random.Random(20240601)
    alphabet = "abcdefghijklmnopqrstuvwxyz '.,!?\n😂’\u200bаеоé0123456789"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        assert assess(text) == assess(text)


def test_normalise_is_idempotent() -> None:
    for text in ["She’s NOT home!!!", "u r gonna b ok", "ѕhe hasn’t", "a\u200bb"]:
        once = normalise(text)
        assert normalise(once) == once


def test_assessment_is_frozen() -> None:
    result = assess("my partner hits me")
    with pytest.raises(AttributeError):
        result.category = None  # type: ignore[misc]
