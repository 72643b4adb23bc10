"""Finding the pieces of an `/event` message: each phrase is found, noted and blanked out.

Blanking what was understood (rather than deleting it) keeps positions, so what is left over
falls naturally into title, place and practicalities. Only patterns live here; what the
pieces mean (which date, which year, is it in the past) is decided in `parse.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.features.events.phrases import (
    DAYNUM,
    MON,
    MON_FULL,
    NUM,
    NUM_WORD,
    ORD,
    WD,
    WD_FULL,
    WD_LIST,
)

BLANK = "\x1f"
_FLAGS = re.IGNORECASE | re.VERBOSE


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]]", re.IGNORECASE)
QUOTED = re.compile(r"^\s*[\"“‘'](?P<title>[^\"”’]{1,200}?)[\"”’']")

# --- how it repeats -------------------------------------------------------------------------
_EVERY = r"(?:every|each)"
_A_MONTH = r"(?:(?:of|in)\s+(?:the|every|each|a)\s+month|every\s+month|each\s+month|monthly)"
MONTHLY_NTH = _rx(
    rf"""\b(?:{_EVERY}\s+)?(?:on\s+)?(?:the\s+)?(?P<ord>{ORD})\s+(?P<wd>{WD})\s+{_A_MONTH}\b
    | \b(?:monthly|{_EVERY}\s+month)\s*,?\s*on\s+the\s+(?P<ord2>{ORD})\s+(?P<wd2>{WD})
    | \b{_EVERY}\s+(?P<ord3>{ORD})\s+(?P<wd3>{WD})"""
)
MONTHLY_DATE = _rx(
    rf"""\b(?:{_EVERY}\s+)?(?:on\s+)?(?:the\s+)?(?P<day>{DAYNUM})\s+(?:day\s+)?{_A_MONTH}\b
    | \b(?:monthly|{_EVERY}\s+month)\s*,?\s*on\s+the\s+(?P<day2>{DAYNUM})"""
)
WEEKLY_INTERVAL = _rx(
    rf"""\b(?:{_EVERY}\s+(?P<n>other|second|2nd|third|3rd|fourth|4th|{NUM})\s+weeks?\b
        | (?P<fort>fortnightly|(?:{_EVERY}|once\s+a)\s+fortnight)
        | (?P<nw>{NUM})[\s-]weekly\b )
      (?:\s*,?\s*(?:on\s+)?(?:a\s+)?(?P<days>{WD_LIST}))?
    | \b(?:{_EVERY}\s+other|(?:on\s+)?alternate)\s+(?P<days2>{WD_LIST})"""
)
WEEKDAY_RANGE = _rx(
    rf"\b(?:(?:{_EVERY}|on)\s+)?(?P<a>{WD})\s*(?:-|to)\s*(?P<b>{WD})"
    rf"| \b(?:{_EVERY}\s+|on\s+)?week\s?days\b|\b{_EVERY}\s+week\s?day\b"
)
WEEKLY = _rx(
    rf"""\b(?:{_EVERY}|weekly\s*,?\s*(?:on\s+)?(?:a\s+)?|{_EVERY}\s+week\s*,?\s*on\s+)\s*
        (?P<days>{WD_LIST})
    | \bon\s+(?P<plural>(?:{WD_FULL}\s*(?:,|and|&)\s*)*{WD_FULL})(?<=s)\b
    | \b(?P<bare>weekly|{_EVERY}\s+week)\b"""
)
DAILY = _rx(rf"\b(?:daily|{_EVERY}\s+day)\b|\b{_EVERY}\s+(?P<n>other|{NUM})\s+days?\b")
MONTHLY = _rx(rf"\b(?:monthly|{_EVERY}\s+month|once\s+a\s+month)\b")

# --- dates ------------------------------------------------------------------------------------
_DATE_CORE = rf"""(?:
    (?:(?P<wa>{WD})\s*,?\s+(?:the\s+)?)?(?<!\d)(?P<da>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<ma>{MON})
        (?:\s*,?\s*(?P<ya>\d{{4}})\b)?
  | (?:(?P<wb>{WD})\s*,?\s+)?(?P<mb>{MON})\s+(?:the\s+)?(?P<db>\d{{1,2}})(?:st|nd|rd|th)?\b
        (?:\s*,?\s*(?P<yb>\d{{4}})\b)?
  | \b(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})\b
  | (?<![\d/])(?P<nd>\d{{1,2}})\s?/\s?(?P<nm>\d{{1,2}})(?:\s?/\s?(?P<ny>\d{{4}}|\d{{2}}))?\b(?!/)
  | (?<![\d.])(?P<pd>\d{{1,2}})\.(?P<pm>\d{{1,2}})\.(?P<py>\d{{4}}|\d{{2}})\b
  | \b(?P<rel>today|tonight|tomorrow)\b(?:\s+(?P<part>morning|afternoon|evening|night))?
  | \b(?P<mode>next|this|on|coming)\s+(?P<wc>{WD})
  | \bthe\s+(?P<dn>\d{{1,2}})(?:st|nd|rd|th)\b
)"""
DATE = _rx(rf"(?:\bon\s+)?{_DATE_CORE}")
BARE_WEEKDAY = _rx(rf"\b(?P<wd>{WD_FULL})(?:\s+(?P<part>morning|afternoon|evening|night))?")
_ENDING = r"until|till|til|'til|up\s+to(?:\s+and\s+including)?|ending(?:\s+on)?|ends?(?:\s+on)?|finishing(?:\s+on)?|through|last\s+one(?:\s+on)?"  # noqa: E501
UNTIL = _rx(rf"\b(?:{_ENDING})\s+(?:the\s+)?{_DATE_CORE}")
UNTIL_MONTH = _rx(
    rf"\b(?:{_ENDING})\s+(?:the\s+)?(?:end\s+of\s+)?(?P<me>{MON_FULL}|{MON})(?:\s+(?P<mey>\d{{4}}))?\b"
)
_STARTING = (
    r"from|starting(?:\s+(?:on|from))?|beginning(?:\s+on)?|commencing(?:\s+on)?|starts?\s+on"
)
FROM = _rx(rf"\b(?:{_STARTING})\s+(?:the\s+)?{_DATE_CORE}")
SPAN = _rx(
    rf"\bfor\s+(?:the\s+next\s+)?(?P<n>{NUM}|a|an)\s+(?P<unit>weeks?|months?|fortnights?|days?|years?)\b"
)
COUNT = _rx(
    rf"(?<![\d:.])\b(?:for\s+)?(?P<n>[1-9]\d{{0,2}}\b|{NUM_WORD})\s+"
    r"(?:times|sessions|meetings|occasions|occurrences|weeks\s+running)\b"
)

# --- times ------------------------------------------------------------------------------------
_AP = r"(?:a\.?m\.?|p\.?m\.?)(?!\w)"
DURATION = _rx(
    rf"""\bfor\s+(?:
        (?P<hn>\d+(?:\.\d+)?|{NUM}|an?)\s*(?:hours?|hrs?|h)\b
          (?:\s*(?:and\s+)?(?P<half>a\s+half)|\s*(?:and\s+)?(?P<hm>\d{{1,2}})\s*(?:minutes?|mins?)\b)?
      | (?P<mn>\d{{1,3}})\s*(?:minutes?|mins?)\b
      | (?P<hh>half\s+an\s+hour)
      | (?P<hx>\d)h(?P<hxm>\d{{2}})\b )"""
)
_T = rf"(?:\d{{1,2}}(?:\s*[:.]\s*\d{{2}})?(?:\s*{_AP})?|noon|midday)"
TIME_RANGE = _rx(
    rf"(?:\b(?P<pre>from|between|at)\s+)?(?<![\w/:.])(?P<a>{_T})\s*(?P<sep>-|to|till|until|and)\s*"
    rf"(?P<b>{_T})(?![\w/:])"
)
_HOURWORD = rf"\d{{1,2}}|{NUM}"
TIME = _rx(
    rf"""(?:\b(?:at|from)\s+|@\s*)?(?<![\w/:.])(?:
        (?P<h>\d{{1,2}})(?:\s*[:.]\s*(?P<m>\d{{2}}))?\s*(?P<ap>{_AP})
      | (?P<h24>\d{{1,2}})[:.](?P<m24>\d{{2}})\b(?![:./]\d)
      | (?P<word>(?:12\s+)?noon|midday|midnight)\b
      | half\s+(?:past\s+)?(?P<hh>{_HOURWORD})(?:\s*(?P<hap>{_AP}))?
      | quarter\s+(?P<qd>past|to)\s+(?P<qh>{_HOURWORD})(?:\s*(?P<qap>{_AP}))?
      | (?P<oh>{_HOURWORD})\s*o['’]?\s*clock\b )"""
)
# "12-2" with no am/pm or minutes, but not "10-12 year olds".
LOOSE_RANGE = _rx(
    r"(?<![\w/:.])(?P<a>\d{1,2})\s*(?P<sep>-|to)\s*(?P<b>\d{1,2})(?![\w/:.])"
    r"(?!\s*(?:years?|yrs?|y/?o|months?|weeks?|people|places|kids|children)\b)"
)
BARE_HOUR = _rx(r"\b(?:at|from)\s+(?P<h>\d{1,2})\b(?![:./]\d)")
# Words that may follow "at 7" without making it "at 7 Church Lane".
_AFTER_BARE_HOUR = {"on", "every", "each", "from", "until", "till", "for", "at", "in", "this"}
_AFTER_BARE_HOUR |= {"next", "tomorrow", "today", "tonight", "starting", "online", "and", "with"}


def bare_hour_ok(work: str, m: re.Match[str]) -> bool:
    """'at 7' is a time only when nothing that looks like a street name follows it."""
    rest = work[m.end() :].lstrip(" ")
    if not rest or rest[0] in f",;.!)-–\n{BLANK}":
        return True
    word = re.match(r"[a-z]+", rest.lower())
    return word is not None and word.group() in _AFTER_BARE_HOUR


@dataclass
class Scanner:
    """The message, and a copy in which every phrase understood so far is blanked out."""

    text: str
    work: str = ""

    def __post_init__(self) -> None:
        self.work = self.text

    def take(
        self,
        pattern: re.Pattern[str],
        accept: Callable[[re.Match[str]], bool] | None = None,
    ) -> re.Match[str] | None:
        """Find the first acceptable match, blank it out, and return it."""
        for m in pattern.finditer(self.work):
            if accept is None or accept(m):
                width = m.end() - m.start()
                self.work = self.work[: m.start()] + BLANK * width + self.work[m.end() :]
                return m
        return None

    def said(self, m: re.Match[str]) -> str:
        """The words as the person wrote them (original case)."""
        return " ".join(self.text[m.start() : m.end()].split())

    def pieces(self) -> list[tuple[int, str]]:
        """What is left, split at blanked phrases and at commas: (position, text) pairs."""
        found = []
        for m in re.finditer(rf"[^{BLANK},;\n]+", self.work):
            if m.group().strip():
                found.append((m.start(), m.group().strip()))
        return found


_PLACE = re.compile(
    r"^(?:at|in(?!\s+person\b)|@|venue:?|location:?|where:?|held\s+at|meet(?:ing)?\s+at)\s*",
    re.IGNORECASE,
)
_ONLINE = re.compile(
    r"(?:^|\s+)(?:online|virtual(?:ly)?|(?:on|via)\s+(?P<app>zoom|(?:microsoft\s+)?teams|google\s+meet))$",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:[\s\-:.]+|\s+(?:on|at|from|in|for|every|and|the|with|of|by|between|starting|is))+$",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^(?:[\s\-:.)]+|(?:and|then|on|at|from|with)\b\s*$)+", re.IGNORECASE)


def _clean(piece: str) -> str:
    piece = _TRAILING.sub("", " " + piece).strip()
    return _LEADING.sub("", piece).strip()


def leftovers(
    s: Scanner, quoted: re.Match[str] | None
) -> tuple[str | None, str | None, bool, str | None]:
    """Title, place, online, practicalities from what no date or time phrase used."""
    title = None if quoted is None else quoted.group("title").strip()
    place: str | None = None
    online = False
    rest: list[str] = []
    for _, raw in s.pieces():
        piece = _clean(raw)
        if (m := _ONLINE.search(piece)) is not None:
            online = True
            place = place or (m.group("app") or "").title() or None
            piece = _clean(piece[: m.start()])
        if not piece:
            continue
        if title is None and not _PLACE.match(piece):
            title = piece
        elif place is None and (m := _PLACE.match(piece)) and piece[m.end() :]:
            place = piece[m.end() :].strip()
        else:
            rest.append(piece)
    return title, place, online, ", ".join(rest) or None
