"""Health details: diagnoses, conditions and medicines (with their dose).

Matched token by token against the shipped list, so "type 1 diabetes", "20mg methylphenidate"
and "ADHD + ODD" come out as one span each. Whether the detail is tied to a named child is
decided by the scanner: generic health talk with no name is not identifying.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .text import Doc
from .types import HEALTH, Span

# Abbreviations that are also English words: only taken in capitals ("ADD", not "add").
_CAPS_ONLY = frozenset({"add", "odd", "rad", "nas", "asc", "fas", "spd", "dld", "gdd", "pda"})
_DOSE = re.compile(r"\d+(?:\.\d+)?(?:mg|ml|mcg|g)", re.IGNORECASE)
_UNITS = frozenset({"mg", "ml", "mcg"})
_JOIN = re.compile(r"\s*(?:\+|&|and|,|/|with)\s*", re.IGNORECASE)
_ALLERGENS = frozenset(
    {"peanut", "peanuts", "nut", "nuts", "tree", "sesame", "egg", "eggs", "milk", "dairy",
     "wheat", "gluten", "soya", "soy", "shellfish", "fish", "kiwi", "penicillin", "latex",
     "severe", "food", "multiple"}
)  # fmt: skip
_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")


def _base(word: str) -> str:
    return word[:-2] if word.endswith("'s") and len(word) > 2 else word


@cache
def _phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Health phrases keyed by their first token, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in lexicon().health_terms:
        toks = tuple(_base(t) for t in _TOKEN.findall(phrase))
        if toks:
            table.setdefault(toks[0], []).append(toks)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


@cache
def _heads() -> frozenset[str]:
    """First tokens of the phrases, as a set: set operations with a set run over the smaller
    side, but with a dict they walk every key."""
    return frozenset(_phrases())


def health_phrase_at(doc: Doc, i: int) -> bool:
    """A whole health phrase starts at token i ("Kit's FASD": a person's condition, but not
    "Children's Hearing")."""
    return doc.bases[i] in _heads() and _match_at(doc, i, _phrases()) > 0


def has_health_word(doc: Doc) -> bool:
    return not doc.wordset.isdisjoint(_heads())


def _match_at(doc: Doc, i: int, table: dict[str, tuple[tuple[str, ...], ...]]) -> int:
    """Index one past the last token of the longest phrase starting at token i, or -1."""
    options = table.get(doc.bases[i])
    if options is None:
        return -1
    if doc.bases[i] in _CAPS_ONLY and not doc.word(i).isupper():
        return -1
    n = len(doc.bases)
    for toks in options:
        end = i + len(toks)
        if end <= n and all(doc.bases[i + k] == toks[k] for k in range(1, len(toks))):
            return end
    return -1


def find_health(doc: Doc) -> list[Span]:
    table = _phrases()
    spans: list[Span] = []
    n = len(doc.bases)
    i = 0
    for i0 in doc.where(_heads()):
        if i0 < i:
            continue
        i = i0
        end = _match_at(doc, i, table)
        if end < 0:
            continue
        first = i
        # Dose before a medicine: "18mg concerta", "10 mg melatonin".
        if first > 0 and (
            _DOSE.fullmatch(doc.bases[first - 1])
            or (doc.bases[first - 1] in _UNITS and first > 1 and doc.bases[first - 2].isdigit())
        ):
            first -= 2 if doc.bases[first - 1] in _UNITS else 1
        if doc.bases[end - 1].startswith("allerg"):
            while first > 0 and doc.bases[first - 1] in _ALLERGENS:
                first -= 1
        last = end
        # Dose after a medicine: "melatonin 3mg", "keppra 250 mg".
        if last < n and _DOSE.fullmatch(doc.bases[last]):
            last += 1
        elif last + 1 < n and doc.bases[last].isdigit() and doc.bases[last + 1] in _UNITS:
            last += 2
        # Join lists of conditions: "ADHD + ODD", "autistic and non-verbal".
        while last < n:
            gap = doc.text[doc.ends[last - 1] : doc.starts[last]]
            if _JOIN.fullmatch(gap) is None:
                break
            nxt = _match_at(doc, last, table)
            if nxt < 0:
                break
            last = nxt
        spans.append(Span(doc.starts[first], doc.ends[last - 1], HEALTH))
        i = last
    return spans
