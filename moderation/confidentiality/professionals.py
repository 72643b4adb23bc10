"""Named professionals spoken of negatively.

Each complaint word is pinned to the nearest named professional before it in the same or the
previous sentence (or, failing that, the next one after it in the same sentence), unless an
unnamed professional ("the IRO") stands in between: then the complaint is about that person.
Praise of one professional and a complaint about another therefore mark only the second.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .text import Doc

_UNNAMED = re.compile(
    r"\b(?:the|our|my|his|her|their|a|new)\s+(?:new\s+)?(?:sw|social worker|ssw|iro|teacher|"
    r"head|headteacher|senco|manager|team manager|worker|nurse|gp|doctor|judge|guardian|"
    r"solicitor|therapist|supervisor|la|council|school|agency)\b",
    re.IGNORECASE,
)


_BREAK = re.compile(r"[,.;!?]|\b(?:but|unlike|whereas|while|and)\b", re.IGNORECASE)


def _someone_else(between: str) -> bool:
    """An unnamed professional after a clause break: the complaint is about them instead."""
    brk = _BREAK.search(between)
    return brk is not None and _UNNAMED.search(between, brk.end()) is not None


@cache
def _cues() -> tuple[frozenset[str], re.Pattern[str]]:
    """First words of the complaint phrases, and a pattern matching any phrase at a position."""
    cues = sorted(set(lexicon().negative_cues), key=len, reverse=True)
    firsts = frozenset(c.split()[0] for c in cues)
    alternation = "|".join(re.escape(c) for c in cues)
    return firsts, re.compile(rf"(?:{alternation})(?![\w])")


def _complaints(doc: Doc) -> list[tuple[int, int]]:
    firsts, pattern = _cues()
    hits = doc.wordset & firsts
    out: list[tuple[int, int]] = []
    if not hits:
        return out
    for k, base in enumerate(doc.bases):
        if base in hits:
            m = pattern.match(doc.low, doc.starts[k])
            if m is not None:
                out.append(m.span())
    return out


def criticised(doc: Doc, pros: list[tuple[int, int]]) -> set[int]:
    """Indexes into `pros` (character spans of named professionals) that are criticised."""
    if not pros:
        return set()
    hits: set[int] = set()
    text = doc.text
    sentences = [doc.sentence(s) for s, _ in pros]
    for pos, cue_end in _complaints(doc):
        cue_sentence = doc.sentence(pos)
        best = -1
        for k, (_, e) in enumerate(pros):
            if e <= pos and sentences[k] in (cue_sentence, cue_sentence - 1):
                best = k  # the latest one before the cue
        if best >= 0:
            if _someone_else(text[pros[best][1] : pos]):
                continue
        else:
            after = [
                k for k, (s, _) in enumerate(pros) if s >= pos and sentences[k] == cue_sentence
            ]
            if not after:
                continue
            best = after[0]
            if _someone_else(text[cue_end : pros[best][0]]):
                continue
        hits.add(best)
    return hits
