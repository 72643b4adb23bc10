"""Text preparation shared by every rule: invisible-character removal, tokens and sentences.

Rules work on one `Doc` so the message is lowercased and tokenised once per scan. Character
offsets in a `Doc` refer to the cleaned text; `Doc.origin` maps them back to the caller's text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Set as AbstractSet
from itertools import accumulate
from typing import final

# Zero-width and direction-control characters: dropped before matching so that "Ja\u200bke"
# still reads as "Jake". Offsets are mapped back afterwards.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# Words: runs of letters or digits, joined by apostrophes or hyphens ("o'brien", "tia-mae").
# Captured so that `split` returns the text between tokens too. Used only for letters, digits
# or spaces beyond Latin-1 (other scripts): `_latin1_tokens` finds the same tokens faster.
_TOKEN = re.compile(r"(\w+(?:['\-]\w+)*)")
_DIGITS = re.compile(r"\d+")
# 1 for the Latin-1 capitals (what str.isupper says), 0 otherwise.
_UPPER_BYTES = bytes(1 if chr(b).isupper() else 0 for b in range(256))
# Latin-1 lowercasing as a byte table: every Latin-1 character lowercases to one in Latin-1.
_LOWER_BYTES = bytes(ord(chr(b).lower()) for b in range(256))

# Speed notes for this module (measured): the regex engine costs about a hundred machine
# instructions per character it scans, even for a plain character class, and a match object per
# token costs more; bytes.translate, str.split, str.find and `in` cost a few per character. So
# the per-message passes over the whole text below use those on one byte per character (nearly
# every message: see `_latin1`) and keep a regex only for the rest.
_SPACE = 0x20
# Latin-1 word characters (what \w matches: str.isalnum or "_") and the two joiners are kept.
_WORD_BYTES = bytes(b if chr(b).isalnum() or chr(b) in "_'-" else _SPACE for b in range(256))
# An apostrophe or hyphen beside a space or another joiner cannot join two words.
_JOINERS = (0x27, 0x2D)
_NOT_BETWEEN = (_SPACE, *_JOINERS)
# Both joiners as "'": three substring tests then find the loose ones instead of eight.
_ONE_JOINER = bytes(0x27 if b == 0x2D else b for b in range(256))
# Latin-1 decimal digits are exactly 0-9 (what \d matches).
_DIGIT_MARKS = bytes(0x31 if 0x30 <= b <= 0x39 else _SPACE for b in range(256))
_ASCII_DIGITS = b"0123456789"
# For sentence ends: "." "!" "?" as "p", a line break as "n", other white space (what \s
# matches) as " ", anything else as "x"; and all four stops marked "1" to find them.
_STOP, _BREAK, _BLANK = 0x70, 0x6E, _SPACE
_SENTENCE_MARKS = bytes(
    _STOP if chr(b) in ".!?" else _BREAK if b == 0x0A else _BLANK if chr(b).isspace() else 0x78
    for b in range(256)
)
_STOPS = bytes(0x31 if chr(b) in ".!?\n" else _SPACE for b in range(256))
# Sentence ends: terminal punctuation before a space or the end, or a line break.
# Written to start with a character class so the regex engine can skip ahead to candidates
# ("[.!?]+(?=\s|$)|\n" would be tried in full at every position).
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|[.!?]*(?=\s|$))")


# Marks after which a token opens a sentence (or a list item: "DOB: ...").
_OPENING_MARKS = ".!?\n:"


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


def _latin1(text: str) -> bytes | None:
    """`text` as one byte per character, or None when the passes below cannot use it.

    A character beyond Latin-1 becomes "\\x1a", which they read as punctuation. That is exact
    for emoji, dashes, curly quotes and the like, the usual ones in chat. A letter, digit or
    space beyond Latin-1 (other scripts, "ł", a thin space) would be misread, so then None.
    """
    # "replace" writes "?" for each character beyond Latin-1, so only the "?"s need a look.
    raw = text.encode("latin-1", "replace")
    at = raw.find(b"?")
    if at == -1:
        return raw
    wide: bytearray | None = None
    while at != -1:
        ch = text[at]
        if ch != "?":
            if ch.isalnum() or ch.isspace():
                return None
            if wide is None:
                wide = bytearray(raw)
            wide[at] = 0x1A
        at = raw.find(b"?", at + 1)
    return raw if wide is None else bytes(wide)


def _marked(raw: bytes, marks: bytes) -> list[int]:
    """Offsets of the bytes of `raw` that `marks` maps to "1" (few, so the loop is short)."""
    find = raw.translate(marks).find
    found: list[int] = []
    at = find(b"1")
    while at != -1:
        found.append(at)
        at = find(b"1", at + 1)
    return found


def _marked_runs(raw: bytes, marks: bytes) -> list[int]:
    """Offsets where runs of bytes that `marks` maps to "1" begin."""
    find = raw.translate(marks).find
    found: list[int] = []
    at = find(b"1")
    while at != -1:
        found.append(at)
        end = find(b" ", at)
        if end == -1:
            break
        at = find(b"1", end)
    return found


def _sentence_bounds(text: str, raw: bytes | None) -> list[int]:
    """Ends of the `_SENTENCE_END` matches: a run of "." "!" "?" followed by white space or the
    end of the text, or a line break. A loop over the few stops instead of a regex pass."""
    if raw is None:
        return [m.end() for m in _SENTENCE_END.finditer(text)]
    kinds = raw.translate(_SENTENCE_MARKS)
    size = len(kinds)
    bounds: list[int] = []
    skip = 0
    for at in _marked(raw, _STOPS):
        if at < skip:
            continue
        if kinds[at] == _BREAK:
            bounds.append(at + 1)
            continue
        end = at + 1
        while end < size and kinds[end] == _STOP:
            end += 1
        # A run followed by another character is no end, from any of its positions.
        if end == size or kinds[end] in (_BLANK, _BREAK):
            bounds.append(end)
        skip = end
    return bounds


def _drop_loose_joiners(spaced: bytes) -> bytes:
    """Joiners beside a space or another joiner become spaces: what stays sits between two word
    characters, as in `_TOKEN`. One pass is enough, since dropping a joiner never changes
    whether another one sits between two word characters. `spaced` is padded with spaces."""
    one = spaced.translate(_ONE_JOINER)
    if b" '" not in one and b"' " not in one and b"''" not in one:
        return spaced  # the usual case: every joiner sits between two word characters
    out = bytearray(spaced)
    for joiner in _JOINERS:
        at = spaced.find(joiner)
        while at != -1:
            if spaced[at - 1] in _NOT_BETWEEN or spaced[at + 1] in _NOT_BETWEEN:
                out[at] = _SPACE
            at = spaced.find(joiner, at + 1)
    return bytes(out)


def _latin1_tokens(raw: bytes) -> tuple[list[str], list[int]]:
    """The `_TOKEN` tokens of the lowercased message `raw` (one byte per character, see
    `_latin1`) and their offsets.

    Every character that is not part of a word becomes a space, joiners that do not sit between
    two word characters too, and a split on single spaces leaves the tokens, with an empty part
    for each extra space: counting lengths plus one space per part gives the offsets.
    """
    # Padded so that a joiner at either end has a space beside it.
    spaced = b" " + raw.translate(_WORD_BYTES) + b" "
    if b"'" in spaced or b"-" in spaced:
        spaced = _drop_loose_joiners(spaced)
    tokens: list[str] = []
    starts: list[int] = []
    at = -1  # the padding
    for part in spaced.decode("latin-1").split(" "):
        if part:
            tokens.append(part)
            starts.append(at)
        at += len(part) + 1
    return tokens, starts


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters (e.g. "İ") grow when lowercased; keep offsets aligned.
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


@final
class Doc:
    """One message, prepared for matching. Built per scan; never shared.

    A plain class rather than a dataclass, so that compiled code builds it natively.
    """

    __slots__ = (
        "_bounds", "_capitalised", "_digit_tokens", "bases", "ends", "low", "narrow",
        "origin", "possessive", "starts", "text", "wordset",
    )  # fmt: skip

    def __init__(
        self,
        text: str,
        low: str,
        narrow: bytes | None,
        origin: list[int] | None,
        starts: list[int],
        ends: list[int],
        bases: list[str],
        wordset: frozenset[str],
        possessive: list[int],
    ) -> None:
        self.text = text
        self.low = low
        # The text as one byte per character for the fast passes, if it can be (see `_latin1`).
        self.narrow = narrow
        self.origin = origin
        self.starts = starts
        self.ends = ends
        self.bases = bases
        self.wordset = wordset
        # Indexes, in order, of the tokens written with a possessive "'s" ("Lexi's").
        self.possessive = possessive
        self._bounds: list[int] | None = None
        self._digit_tokens: list[int] | None = None
        self._capitalised: list[int] | None = None

    def where(self, words: AbstractSet[str]) -> list[int]:
        """Indexes, in order, of the tokens whose base is in `words` (a set: the intersection
        then runs over the smaller side).

        Most words of a rule never occur, so the set intersection (in C) usually ends it.
        """
        hits = self.wordset.intersection(words)
        if not hits:
            return []
        if len(hits) == 1:
            (word,) = hits
            return [i for i, base in enumerate(self.bases) if base == word]
        return [i for i, base in enumerate(self.bases) if base in hits]

    @property
    def capitalised(self) -> list[int]:
        """Indexes of tokens that start with a capital letter, built on first use."""
        if self._capitalised is None:
            self._capitalised = self._find_capitalised()
        return self._capitalised

    def _find_capitalised(self) -> list[int]:
        narrow = self.narrow
        if narrow is not None:
            return [i for i, start in enumerate(self.starts) if _UPPER_BYTES[narrow[start]]]
        text = self.text
        return [i for i, start in enumerate(self.starts) if text[start].isupper()]

    @property
    def digit_count(self) -> int:
        """How many ASCII digits the text holds (no other byte of UTF-8 is one of them)."""
        raw = self.text.encode("utf-8", "surrogatepass")
        return len(raw) - len(raw.translate(None, _ASCII_DIGITS))

    @property
    def digit_tokens(self) -> list[int]:
        """Indexes of tokens that contain a digit, built on first use."""
        if self._digit_tokens is None:
            raw = self.narrow
            if raw is not None:
                runs = _marked_runs(raw, _DIGIT_MARKS)
            else:
                runs = [m.start() for m in _DIGITS.finditer(self.text)]
            found: list[int] = []
            for at in runs:
                i = bisect_right(self.starts, at) - 1
                if i >= 0 and self.ends[i] > at and (not found or found[-1] != i):
                    found.append(i)
            self._digit_tokens = found
        return self._digit_tokens

    def word_starts(self, lo: int, hi: int) -> list[int]:
        """Offsets in [lo, hi) where a word begins: each token's start, and the letter after an
        apostrophe or hyphen inside a token ("step-dad"). A pattern that opens with \\b and a
        letter can match nowhere else, so trying it only here finds what a search would."""
        starts = self.starts
        ends = self.ends
        low = self.low
        found: list[int] = []
        i = max(bisect_right(starts, lo) - 1, 0)
        n = len(starts)
        while i < n and starts[i] < hi:
            start = starts[i]
            end = ends[i]
            if start >= lo:
                found.append(start)
            if end - start > 2:
                for k in range(start + 1, end - 1):
                    if low[k] in "'-" and lo <= k + 1 < hi:
                        found.append(k + 1)
            i += 1
        return found

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
            self._bounds = _sentence_bounds(self.text, self.narrow)
        return bisect_right(self._bounds, pos)

    def sentence_start(self, pos: int) -> int:
        """Offset where the sentence containing character `pos` begins."""
        k = self.sentence(pos)
        assert self._bounds is not None
        return self._bounds[k - 1] if k > 0 else 0

    def sentence_end(self, pos: int) -> int:
        """Offset where the sentence containing character `pos` ends (after its closing marks)."""
        k = self.sentence(pos)
        assert self._bounds is not None
        return self._bounds[k] if k < len(self._bounds) else len(self.text)

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
        return any(ch in _OPENING_MARKS for ch in gap)

    def openers(self) -> list[int]:
        """Tokens that may start a sentence (a superset of those `initial` accepts): the first,
        and each one after a mark, found with `str.find` (a few per message) rather than by
        looking at every gap."""
        text = self.text
        starts = self.starts
        found = {0}
        for mark in _OPENING_MARKS:
            at = text.find(mark)
            while at != -1:
                i = bisect_right(starts, at)
                if i < len(starts):
                    found.add(i)
                at = text.find(mark, at + 1)
        return sorted(found)

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
    # Only one invisible character (the soft hyphen) is Latin-1, and none is ASCII.
    if not ascii and _INVISIBLE.search(raw) is not None:
        keep = [i for i, ch in enumerate(raw) if _INVISIBLE.match(ch) is None]
        text = "".join(raw[i] for i in keep)
        origin = [*keep, len(raw)]
    if not ascii and ("\u2019" in text or "\u2018" in text):
        # Curly apostrophes become straight ones; same length, so offsets are unchanged.
        text = text.replace("\u2019", "'").replace("\u2018", "'")
    low = _lower_same_length(text)
    narrow = _latin1(text)
    if narrow is not None:
        bases, starts = _latin1_tokens(narrow.translate(_LOWER_BYTES))
    else:
        # Splitting keeps every character, alternating gap, token, gap, ..., gap: the running
        # total of their lengths gives each token's start.
        parts = _TOKEN.split(low)
        bases = parts[1::2]
        starts = list(accumulate(map(len, parts)))[0:-1:2]
    ends = [starts[i] + len(bases[i]) for i in range(len(bases))]
    possessive: list[int] = []
    at = low.find("'s")
    while at != -1:
        # A possessive "'s" closing a token: "lexi's" has the base "lexi".
        i = bisect_right(ends, at + 2) - 1
        if i >= 0 and ends[i] == at + 2 and starts[i] < at:
            bases[i] = bases[i][:-2]
            possessive.append(i)
        at = low.find("'s", at + 2)
    return Doc(text, low, narrow, origin, starts, ends, bases, frozenset(bases), possessive)
