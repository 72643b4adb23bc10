"""Fix typos by snapping unknown words to the nearest word the knowledge base uses.

Only words the FAQ never uses are touched, and only by a small edit distance with the
same first letter, so ordinary words about other subjects are rarely pulled into a topic.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

MIN_LENGTH = 5


def max_edits(length: int) -> int:
    """How many edits (a swap of two letters counts as one) a word of this length may need."""
    return 1 if length < 9 else 2


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
        if word in self._known or len(word) < MIN_LENGTH or not word.isalpha():
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
        result = best[0] if best is not None else word
        if len(self._cache) < 50_000:
            self._cache[word] = result
        return result
