"""Text preparation shared by every rule: invisible-character removal, tokens and sentences.

Rules work on one `Doc` so the message is lowercased and tokenised once per scan. Character
offsets in a `Doc` refer to the cleaned text; `Doc.origin` maps them back to the caller's text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate, compress

# Zero-width and direction-control characters: dropped before matching so that "Ja\u200bke"
# still reads as "Jake". Offsets are mapped back afterwards.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# Words: runs of letters or digits, joined by apostrophes or hyphens ("o'brien", "tia-mae").
# Captured so that `split` returns the text between tokens too; possessive quantifiers give the
# same tokens as greedy ones here (nothing follows them) without keeping backtrack points.
_TOKEN = re.compile(r"(\w++(?:['\-]\w++)*+)")
_DIGITS = re.compile(r"\d+")
# On ASCII text, \w and \d mean the same in ASCII mode, where they are table lookups instead of
# Unicode database calls; most messages are ASCII, so these twins are used whenever they can be.
_TOKEN_ASCII = re.compile(_TOKEN.pattern, re.ASCII)
_DIGITS_ASCII = re.compile("[0-9]+")
# Sentence ends: terminal punctuation before a space or the end, or a line break.
# Written to start with a character class so the regex engine can skip ahead to candidates
# ("[.!?]+(?=\s|$)|\n" would be tried in full at every position).
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|[.!?]*(?=\s|$))")


def may_contain(window: str, stems: tuple[str, ...]) -> bool:
    """False only when `window` certainly contains none of the lowercase ASCII `stems`, in any
    case: a cheap test to run before a case-insensitive pattern whose every match holds a stem.

    Non-ASCII windows always pass, since case-insensitive matching also folds a few non-ASCII
    letters ("ſ", "ı", "K") onto ASCII ones.
    """
    if not window.isascii():
        return True
    low = window.lower()
    return any(stem in low for stem in stems)


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters (e.g. "İ") grow when lowercased; keep offsets aligned.
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


@dataclass(slots=True)
class Doc:
    """One message, prepared for matching. Built per scan; never shared."""

    text: str
    low: str
    origin: list[int] | None
    starts: list[int]
    ends: list[int]
    bases: list[str]
    wordset: frozenset[str]
    # Indexes, in order, of the tokens written with a possessive "'s" ("Lexi's"); usually few.
    possessive: list[int]
    _bounds: list[int] | None = field(default=None)
    _digit_tokens: list[int] | None = field(default=None)
    _capitalised: list[int] | None = field(default=None)

    def where(self, words: Iterable[str]) -> list[int]:
        """Indexes, in order, of the tokens whose base is in `words`.

        Most words of a rule never occur, so the set intersection (in C) leaves one or two to
        find with list.index instead of a Python loop over every token.
        """
        bases = self.bases
        found: list[int] = []
        hits = self.wordset.intersection(words)
        for word in hits:
            i = -1
            for _ in range(bases.count(word)):
                i = bases.index(word, i + 1)
                found.append(i)
        if len(hits) > 1:
            found.sort()
        return found

    @property
    def capitalised(self) -> list[int]:
        """Indexes of tokens that start with a capital letter, built on first use."""
        if self._capitalised is None:
            firsts = map(self.text.__getitem__, self.starts)
            self._capitalised = list(compress(range(len(self.starts)), map(str.isupper, firsts)))
        return self._capitalised

    @property
    def digit_tokens(self) -> list[int]:
        """Indexes of tokens that contain a digit, built on first use."""
        if self._digit_tokens is None:
            found: list[int] = []
            digits = _DIGITS_ASCII if self.text.isascii() else _DIGITS
            for m in digits.finditer(self.text):
                i = bisect_right(self.starts, m.start()) - 1
                if i >= 0 and self.ends[i] > m.start() and (not found or found[-1] != i):
                    found.append(i)
            self._digit_tokens = found
        return self._digit_tokens

    def match_at(self, pattern: re.Pattern[str], indexes: list[int]) -> list[re.Match[str]]:
        """Non-overlapping matches of `pattern` starting at the given tokens."""
        found: list[re.Match[str]] = []
        last = -1
        for i in indexes:
            start = self.starts[i]
            if start < last:
                continue
            m = pattern.match(self.text, start)
            if m is not None:
                found.append(m)
                last = m.end()
        return found

    def word(self, i: int) -> str:
        """Token i as written (original case)."""
        return self.text[self.starts[i] : self.ends[i]]

    def cap(self, i: int) -> bool:
        """Token i starts with a capital letter."""
        return self.text[self.starts[i]].isupper()

    def sentence(self, pos: int) -> int:
        """Index of the sentence containing character `pos`."""
        if self._bounds is None:
            self._bounds = [m.end() for m in _SENTENCE_END.finditer(self.text)]
        return bisect_right(self._bounds, pos)

    def sentence_start(self, pos: int) -> int:
        """Offset where the sentence containing character `pos` begins."""
        k = self.sentence(pos)
        assert self._bounds is not None
        return self._bounds[k - 1] if k > 0 else 0

    def gap(self, i: int) -> str:
        """The characters between token i and token i + 1."""
        return self.text[self.ends[i] : self.starts[i + 1]]

    def joined(self, i: int) -> bool:
        """Token i + 1 follows token i with only spaces between (same phrase)."""
        if i + 1 >= len(self.starts):
            return False
        gap = self.gap(i)
        return gap == " " or (gap.isspace() and "\n" not in gap)

    def initial(self, i: int) -> bool:
        """Token i starts a sentence (or the message)."""
        if i == 0:
            return True
        gap = self.text[self.ends[i - 1] : self.starts[i]]
        return any(ch in ".!?\n:" for ch in gap)

    def to_origin(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned-text span back to the caller's text."""
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1 if end > start else self.origin[start]


def prepare(raw: str) -> Doc:
    """Clean, lowercase and tokenise a message."""
    origin: list[int] | None = None
    text = raw
    ascii = raw.isascii()  # a flag CPython keeps on every string: free to read
    if not ascii and _INVISIBLE.search(raw) is not None:
        keep = [i for i, ch in enumerate(raw) if _INVISIBLE.match(ch) is None]
        text = "".join(raw[i] for i in keep)
        origin = [*keep, len(raw)]
    if not ascii and ("\u2019" in text or "\u2018" in text):
        # Curly apostrophes become straight ones; same length, so offsets are unchanged.
        text = text.replace("\u2019", "'").replace("\u2018", "'")
    low = _lower_same_length(text)
    # Splitting keeps every character, alternating gap, token, gap, ..., gap: the running total
    # of their lengths gives each token's start and end without a Python loop over tokens.
    parts = (_TOKEN_ASCII if ascii else _TOKEN).split(low)
    bases = parts[1::2]
    offsets = list(accumulate(map(len, parts)))
    starts = offsets[0:-1:2]
    ends = offsets[1::2]
    possessive: list[int] = []
    at = low.find("'s")
    while at != -1:
        # A possessive "'s" closing a token: "lexi's" has the base "lexi".
        i = bisect_right(ends, at + 2) - 1
        if i >= 0 and ends[i] == at + 2 and starts[i] < at:
            bases[i] = bases[i][:-2]
            possessive.append(i)
        at = low.find("'s", at + 2)
    return Doc(text, low, origin, starts, ends, bases, frozenset(bases), possessive)
