"""Fix typos by snapping unknown words to the nearest word the knowledge base uses.

Only words the FAQ never uses are touched, and only by a small edit distance with the
same first letter, so ordinary words about other subjects are rarely pulled into a topic.
In short words a changed consonant usually makes another real word ("tough" is not
"touch", "horse" is not "house"), so there only missed, doubled, swapped or vowel
letters count as typos ("pupul", "schol", "meetin").
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from bot.features.faq.normalise import word_set

MIN_LENGTH = 5
ANY_CHANGE_LENGTH = 7  # from this length, a changed letter is a typo too
VOWELS = frozenset("aeiouy")
# Everyday words one letter away from a topic word: never "corrected".
EVERYDAY = word_set(
    "bother sending playing nearly leave leaves steps scared wound riding calms feels films "
    "teams shoes maths party horse tough leeds paris"
)


def max_edits(length: int) -> int:
    """How many edits (a swap of two letters counts as one) a word of this length may need."""
    return 1 if length < 9 else 2


def _swapped(typed: str, meant: str) -> bool:
    """Two neighbouring letters typed the wrong way round."""
    diffs = [i for i, (a, b) in enumerate(zip(typed, meant, strict=False)) if a != b]
    return (
        len(typed) == len(meant)
        and len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and typed[diffs[0]] == meant[diffs[1]]
        and typed[diffs[1]] == meant[diffs[0]]
    )


def plausible_typo(typed: str, meant: str) -> bool:
    """Whether ``typed`` looks like a slip for ``meant`` rather than a different word."""
    if len(typed) >= ANY_CHANGE_LENGTH or _swapped(typed, meant):
        return True
    return all(
        op.tag != "replace" or (typed[op.src_pos] in VOWELS and meant[op.dest_pos] in VOWELS)
        for op in Levenshtein.editops(typed, meant)
    )


class SpellCorrector:
    """Corrects single lower-case words against a fixed vocabulary, with a cache."""

    def __init__(self, targets: Iterable[str], known: Iterable[str] = ()) -> None:
        target_set = {w for w in targets if w.isalpha() and len(w) >= MIN_LENGTH}
        self._known: frozenset[str] = frozenset(known) | target_set
        buckets: dict[tuple[str, int], list[str]] = {}
        for word in sorted(target_set):
            buckets.setdefault((word[0], len(word)), []).append(word)
        self._buckets = buckets
        self._cache: dict[str, str] = {}

    def _candidates(self, word: str) -> list[str]:
        edits = max_edits(len(word))
        found: list[str] = []
        for length in range(len(word) - edits, len(word) + edits + 1):
            found.extend(self._buckets.get((word[0], length), ()))
        return found

    def correct(self, word: str) -> str:
        """The closest vocabulary word, or ``word`` unchanged when nothing is close."""
        if word in self._known or word in EVERYDAY or len(word) < MIN_LENGTH or not word.isalpha():
            return word
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        best = process.extractOne(
            word,
            self._candidates(word),
            scorer=OSA.distance,
            score_cutoff=max_edits(len(word)),
        )
        result = best[0] if best is not None and plausible_typo(word, best[0]) else word
        if len(self._cache) < 50_000:
            self._cache[word] = result
        return result
