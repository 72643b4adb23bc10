"""Text preparation shared by every rule: invisible-character removal, tokens and sentences.

Rules work on one `Doc` so the message is lowercased and tokenised once per scan. Character
offsets in a `Doc` refer to the cleaned text; `Doc.origin` maps them back to the caller's text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

# Zero-width and direction-control characters: dropped before matching so that "Ja\u200bke"
# still reads as "Jake". Offsets are mapped back afterwards.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# Words: runs of letters or digits, joined by apostrophes or hyphens ("o'brien", "tia-mae").
_TOKEN = re.compile(r"\w+(?:['\-]\w+)*")
# Sentence ends: terminal punctuation before a space or the end, or a line break.
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")


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
    _bounds: list[int] | None = field(default=None)
    _digit_tokens: list[int] | None = field(default=None)

    @property
    def digit_tokens(self) -> list[int]:
        """Indexes of tokens that contain a digit, built on first use."""
        if self._digit_tokens is None:
            found: list[int] = []
            for m in _DIGITS.finditer(self.text):
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
    if _INVISIBLE.search(raw) is not None:
        keep = [i for i, ch in enumerate(raw) if _INVISIBLE.match(ch) is None]
        text = "".join(raw[i] for i in keep)
        origin = [*keep, len(raw)]
    if "\u2019" in text or "\u2018" in text:
        # Curly apostrophes become straight ones; same length, so offsets are unchanged.
        text = text.replace("\u2019", "'").replace("\u2018", "'")
    low = _lower_same_length(text)
    spans = [m.span() for m in _TOKEN.finditer(low)]
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    bases = [low[s:e] for s, e in spans]
    if "'" in low:
        bases = [b[:-2] if b.endswith("'s") and len(b) > 2 else b for b in bases]
    return Doc(text, low, origin, starts, ends, bases, frozenset(bases))
