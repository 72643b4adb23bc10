"""Shortcuts the scanner takes for speed must find exactly what the plain pattern finds."""

from __future__ import annotations

from moderation.confidentiality import family, roles, schools
from moderation.confidentiality.text import prepare
from tests.moderation.corpus import labelled_texts

FAMILY_PHRASES = [
    "my mum", "His Mum's boyfriend", "the kids' dad", "the children's nan", "our little sister",
    "half-brother", "step-dad", "stepmum", "Birth Mum", "bio dad", "older brother", "Grandad",
    "big cousin", "baby sister", "younger half brother", "their aunty", "Uncle", "son",
    "daughter", "Dad's girlfriend", "x-mum", "o'mum", "MUM", "nanna", "granny", "parents",
    "re-mum", "grand-dad", "ſon", "a ſister", "\u212aousin Kim",
]  # fmt: skip


def _texts() -> list[str]:
    texts = [*labelled_texts(), *FAMILY_PHRASES]
    texts += [f"we saw {a}, then {b} ({c}) - {d}!" for a, b, c, d in zip(
        FAMILY_PHRASES, FAMILY_PHRASES[1:], FAMILY_PHRASES[2:], FAMILY_PHRASES[3:], strict=False
    )]  # fmt: skip
    return texts


def test_relatives_match_the_pattern_searched_everywhere() -> None:
    compared = 0
    for text in _texts():
        doc = prepare(text)
        n = len(doc.text)
        for lo, hi in ((0, n), (n // 3, n), (0, n // 2), (n // 4, 3 * n // 4)):
            expected = [m.span() for m in family._RELATIVE.finditer(doc.text, lo, hi)]
            assert [m.span() for m in family._relatives(doc, lo, hi)] == expected, text
            compared += len(expected)
    assert compared > 200  # the comparison saw plenty of real matches


def test_left_family_matches_the_pattern_searched_everywhere() -> None:
    windows: list[str] = []
    for text in _texts():
        low = text.lower()
        windows += [low[max(0, end - 48) : end] for end in range(1, len(low) + 1, 3)]
    windows += [
        "x,my mum", "( my mum", "our foster son -", "her mum's new fella,", "the kids' dad :",
        "the children's great nan", "my  little   brother", "gave it to   his half-sister",
        "their young person", "mymum", "abc the kids' step dad ,",
    ]  # fmt: skip
    found = 0
    for window in windows:
        expected = roles._LEFT_FAMILY.search(window)
        got = roles.left_family(window)
        assert (got and got.span(), got and got.groupdict()) == (
            expected and expected.span(),
            expected and expected.groupdict(),
        ), window
        found += expected is not None
    assert found > 100


def test_school_cues_are_tried_wherever_a_name_could_follow() -> None:
    texts = [
        *_texts(),
        "she got a place at Oakfield", "he is a deputy head at Riverside Primary",
        "starts in year 7 at Heathfield", "moving to St. Ann's", "going to the park",
        "goes to OLOL", "head teacher at  Brook Lane", "offered\nGreenbank",
    ]  # fmt: skip
    found = 0
    for text in texts:
        doc = prepare(text)
        words = doc.wordset & schools._CONTEXT_WORDS
        expected = [
            m.span()
            for k in doc.where(words)
            if (m := schools._CONTEXT.match(doc.text, doc.starts[k])) is not None
        ]
        assert [m.span() for m in schools._context_matches(doc)] == expected, text
        found += len(expected)
    assert found > 20
