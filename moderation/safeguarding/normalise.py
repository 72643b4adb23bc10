"""Text clean-up run once per message before any rule sees it.

Rules are written against one canonical form (lower case, no apostrophes, plain
ASCII look-alikes, common text-speak expanded) so that "She hasn't", "she hasnt"
and "ѕhe hasn’t" all meet the same patterns, and so that zero-width or
mixed-script characters cannot hide a signal or break a pattern.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that render as nothing and are deleted outright.
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
# Apostrophes of every kind are dropped: rules are written as "hasnt", "shes".
_APOSTROPHES = "'\u2018\u2019\u201b\u0060\u00b4\u02bc\u02b9\u2032"
_TRANSLATE: dict[int, int | str | None] = {ord(c): None for c in _INVISIBLE + _APOSTROPHES}
_TRANSLATE.update({ord(c): '"' for c in "\u201c\u201d\u201e\u00ab\u00bb"})
_TRANSLATE.update({ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
_TRANSLATE.update({ord(c): " " for c in "\u00a0\u2007\u202f\u3000\t\r\f\v"})
# Cyrillic and Greek letters that look like Latin ones (after lower-casing).
_LOOKALIKES = str.maketrans(
    "аеорсхуіјѕԁһкмтвнοαειкντρχυ",
    "aeopcxyijsdhkmtbhoaeikvtpxu",
)

_SLANG = {
    "u": "you",
    "ya": "you",
    "ur": "your",
    "r": "are",
    "nite": "night",
    "2nite": "tonight",
    "tonite": "tonight",
    "2day": "today",
    "2moro": "tomorrow",
    "tmrw": "tomorrow",
    "b4": "before",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "wanna": "want to",
    "gonna": "going to",
    "coz": "because",
    "cos": "because",
    "cuz": "because",
    "ppl": "people",
    "wiv": "with",
    "da": "dad",
    "every1": "everyone",
    "any1": "anyone",
    "some1": "someone",
    "no1": "no one",
    "wud": "would",
    "cud": "could",
    "shud": "should",
    "ded": "dead",
    "kms": "kill myself",
    "kys": "kill yourself",
    "idk": "i dont know",
    "tbh": "to be honest",
    "yr": "year",
    "yrs": "years",
}
_SLANG_KEYS = frozenset(_SLANG)
_WORD_RE = re.compile(r"[a-z0-9]+")
_SLANG_RE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _SLANG), key=len)[::-1]) + r")\b")
# "i want 2 die", "nobody 4 me": a lone digit between two words.
_DIGIT_WORD_RE = re.compile(r"(?<=[a-z] )([24])(?= [a-z])")
_REPEAT_RE = re.compile(r"([a-z])\1{2,}")
_SPACE_RE = re.compile(r"[ ]{2,}")
_NEWLINES_RE = re.compile(r" ?\n[\n ]*")


def _slang(match: re.Match[str]) -> str:
    return _SLANG[match.group(0)]


def _digit_word(match: re.Match[str]) -> str:
    return "to" if match.group(1) == "2" else "for"


def normalise(text: str) -> str:
    """Return the canonical form of ``text`` that every rule pattern expects."""
    if not text:
        return ""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = text.translate(_TRANSLATE).lower()
    if not text.isascii():
        text = text.translate(_LOOKALIKES)
    # Substitutions are only run when they could change something (the common case is not).
    if not _SLANG_KEYS.isdisjoint(_WORD_RE.findall(text)):
        text = _SLANG_RE.sub(_slang, text)
    if "2 " in text or "4 " in text:
        text = _DIGIT_WORD_RE.sub(_digit_word, text)
    if _REPEAT_RE.search(text):
        text = _REPEAT_RE.sub(r"\1\1", text)
    if "  " in text:
        text = _SPACE_RE.sub(" ", text)
    if "\n" in text:
        text = _NEWLINES_RE.sub("\n", text)
    return text.strip()
