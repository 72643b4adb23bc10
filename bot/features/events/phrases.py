"""The words people use for days, dates and times, and how carebot reads each one.

Kept apart from `parse.py` so the vocabulary (and its UK conventions) can be read and extended
in one place. Conventions chosen here, all shown back in the confirmation before saving:

- Numeric dates are day first (03/04 is 3 April); a year of two digits means 20xx.
- A clock time without am/pm from 1 to 7 (``7``, ``7.30``, ``half 7``) means the evening:
  groups rarely meet before 8 in the morning. 8 to 11 means the morning, 12 means midday,
  13 and later is the 24-hour clock, and a leading zero (``07:30``) means exactly that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_WEEKDAY_ALIASES = {
    **{name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)},
    **{a: i for i, names in enumerate(WEEKDAY_NAMES) for a in [names[:3].lower()]},
    "tues": 1,
    "tue": 1,
    "weds": 2,
    "thur": 3,
    "thurs": 3,
}
_MONTH_ALIASES = {
    **{name.lower(): i + 1 for i, name in enumerate(MONTH_NAMES)},
    **{name[:3].lower(): i + 1 for i, name in enumerate(MONTH_NAMES)},
    "sept": 9,
}
NUMBER_WORDS = {
    w: i + 1
    for i, w in enumerate(
        [
            *("one", "two", "three", "four", "five", "six"),
            *("seven", "eight", "nine", "ten", "eleven", "twelve"),
        ]
    )
}
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "last": -1,
}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))


# Regex fragments (use with re.IGNORECASE | re.VERBOSE).
WD = rf"(?:{_alternation(_WEEKDAY_ALIASES)})(?:s\b|\b)\.?"
WD_FULL = rf"(?:{_alternation(n.lower() for n in WEEKDAY_NAMES)})s?\b"
WD_LIST = rf"{WD}(?:\s*(?:,|and|&|\+|or)\s*{WD})*"
MON = rf"(?:{_alternation(_MONTH_ALIASES)})\b\.?"
MON_FULL = rf"(?:{_alternation(n.lower() for n in MONTH_NAMES)})\b"
ORD = rf"(?:{_alternation(_ORDINALS)})\b"
NUM_WORD = rf"(?:{_alternation(NUMBER_WORDS)})\b"
NUM = rf"(?:\d{{1,3}}|{_alternation(NUMBER_WORDS)})\b"
DAYNUM = r"\d{1,2}(?:st|nd|rd|th)?\b"


def weekday_of(word: str) -> int:
    word = word.lower().rstrip(".")
    return _WEEKDAY_ALIASES.get(word, _WEEKDAY_ALIASES.get(word.removesuffix("s"), -1))


def weekdays_in(text: str) -> tuple[int, ...]:
    """Every weekday named in a phrase like "Tuesdays and Thursdays", in week order."""
    found = {weekday_of(w) for w in re.findall(r"[a-z]+", text.lower())}
    return tuple(sorted(d for d in found if d >= 0))


def month_of(word: str) -> int:
    return _MONTH_ALIASES[word.lower().rstrip(".")]


def number_of(word: str) -> int:
    word = word.lower()
    return NUMBER_WORDS[word] if word in NUMBER_WORDS else int(word)


def ordinal_of(word: str) -> int:
    return _ORDINALS[word.lower()]


def day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text) or "0")


def format_day(day: date) -> str:
    """'Tuesday 3 March 2026': the full form used in confirmations and problem messages."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def format_clock(at: time) -> str:
    """'7pm', '10:30am', '12 noon': how people in the UK write times."""
    if at.hour == 12 and at.minute == 0:
        return "12 noon"
    if at.hour == 0 and at.minute == 0:
        return "midnight"
    hour = at.hour % 12 or 12
    suffix = "am" if at.hour < 12 else "pm"
    return f"{hour}{suffix}" if at.minute == 0 else f"{hour}:{at.minute:02d}{suffix}"


class PhraseProblem(Exception):
    """A phrase that can't mean one date or time: a problem `kind` and message details."""

    def __init__(self, kind: str, **details: str) -> None:
        super().__init__(kind)
        self.kind = kind
        self.details = details


@dataclass(frozen=True, slots=True)
class ClockReading:
    """A time as written: the hour, minutes if given, am/pm if given."""

    hour: int
    minute: int | None
    meridiem: str | None  # "am", "pm" or None
    leading_zero: bool = False


_READING = re.compile(
    r"(?P<h>\d{1,2})(?:\s*[:.]\s*(?P<m>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?$", re.IGNORECASE
)


def read_clock(text: str) -> ClockReading | None:
    """Read '7', '7.30pm', '19:30', 'noon' into its parts (not yet validated)."""
    text = text.strip().lower()
    if text in ("noon", "midday", "12 noon"):
        return ClockReading(12, 0, "pm")
    if text == "midnight":
        return ClockReading(0, 0, None, leading_zero=True)
    m = _READING.match(text)
    if m is None:
        return None
    ap = m.group("ap")
    meridiem = None if ap is None else ap.replace(".", "")
    minute = None if m.group("m") is None else int(m.group("m"))
    return ClockReading(int(m.group("h")), minute, meridiem, m.group("h").startswith("0"))


def settle(reading: ClockReading, *, evening: bool = False) -> tuple[time, bool] | None:
    """The clock time a reading means, and whether we had to assume am or pm.

    None when no such time exists (25:00, 13pm, 7:75).
    """
    minute = reading.minute or 0
    hour = reading.hour
    if minute > 59:
        return None
    if reading.meridiem is not None:
        if not 1 <= hour <= 12:
            return None
        return time(hour % 12 + (12 if reading.meridiem == "pm" else 0), minute), False
    if hour > 23:
        return None
    if hour == 0 or hour >= 12 or reading.leading_zero:
        return time(hour, minute), False
    if evening or hour <= 7:
        return time(hour + 12, minute), not evening
    return time(hour, minute), reading.minute is None


def with_meridiem(reading: ClockReading, meridiem: str) -> ClockReading:
    return ClockReading(reading.hour, reading.minute, meridiem, reading.leading_zero)
