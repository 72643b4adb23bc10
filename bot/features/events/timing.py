"""Reading when an event starts and how long it lasts: "7.30pm", "10:30-12", "for 90 minutes".

A range lends its am/pm across ("7-9pm" is 7pm to 9pm, "11-1pm" is 11am to 1pm). Without any
am/pm the start follows the conventions in `phrases.py` and the end is the first matching
clock time after the start ("10:30 to 1" ends at 1pm).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.features.events import scan
from bot.features.events.phrases import (
    ClockReading,
    PhraseProblem,
    format_clock,
    number_of,
    read_clock,
    settle,
    with_meridiem,
)


@dataclass(frozen=True, slots=True)
class ClockSpec:
    """A start time as written, and an end time if a range was given."""

    said: str
    start: ClockReading
    end: ClockReading | None = None


def read_duration(s: scan.Scanner) -> timedelta | None:
    """'for 90 minutes', 'for 1.5 hours', 'for an hour and a half'."""
    m = s.take(scan.DURATION)
    if m is None:
        return None
    if m.group("mn"):
        return timedelta(minutes=int(m.group("mn")))
    if m.group("hh"):
        return timedelta(minutes=30)
    if m.group("hx"):
        return timedelta(hours=int(m.group("hx")), minutes=int(m.group("hxm")))
    word = m.group("hn").lower()
    hours = 1.0 if word in ("a", "an") else float(number_of(word) if word.isalpha() else word)
    minutes = 30 if m.group("half") else int(m.group("hm") or 0)
    return timedelta(hours=hours, minutes=minutes)


def _range_ok(m: re.Match[str]) -> bool:
    pre = (m.group("pre") or "").lower()
    if m.group("sep").lower() == "and":
        return pre == "between"
    written = (m.group("a") + m.group("b")).lower()
    return pre in ("from", "between") or any(c in written for c in (":", ".", "m", "noon"))


def _reading(m: re.Match[str]) -> ClockReading:
    g = m.groupdict()
    if g.get("h"):
        return read_clock(f"{g['h']}:{g.get('m') or '00'}{g['ap']}") or ClockReading(99, 0, None)
    if g.get("h24"):
        lead = g["h24"].startswith("0")
        return ClockReading(int(g["h24"]), int(g["m24"]), None, leading_zero=lead)
    if g.get("word"):
        return read_clock(g["word"].lower().replace("12 ", "")) or ClockReading(12, 0, "pm")
    meridiem = (g.get("hap") or g.get("qap") or "").replace(".", "").lower() or None
    if g.get("hh"):
        return ClockReading(number_of(g["hh"]), 30, meridiem)
    if g.get("qh"):
        hour = number_of(g["qh"])
        if g["qd"].lower() == "past":
            return ClockReading(hour, 15, meridiem)
        return ClockReading((hour - 1) or 12, 45, meridiem)
    return ClockReading(number_of(g.get("oh") or g.get("bh") or "99"), None, None)


def read_time(s: scan.Scanner) -> ClockSpec | None:
    """Find the start time (or range). Two different times is a question, not a guess."""
    found: ClockSpec | None = None
    if m := s.take(scan.TIME_RANGE, _range_ok):
        a, b = read_clock(m.group("a")), read_clock(m.group("b"))
        if a is None or b is None:
            raise PhraseProblem("time_does_not_exist", said=s.said(m))
        found = ClockSpec(s.said(m), a, b)
    elif m := s.take(scan.TIME):
        found = ClockSpec(s.said(m), _reading(m))
    elif m := s.take(scan.LOOSE_RANGE):
        a, b = read_clock(m.group("a")), read_clock(m.group("b"))
        assert a is not None and b is not None
        found = ClockSpec(s.said(m), a, b)
    elif m := s.take(scan.BARE_HOUR, lambda m: scan.bare_hour_ok(s.work, m)):
        found = ClockSpec(s.said(m), ClockReading(int(m.group("h")), None, None))
    if found is not None and (again := s.take(scan.TIME)) is not None:
        raise PhraseProblem("conflicting", first=found.said, second=s.said(again))
    return found


def _flip(meridiem: str) -> str:
    return "am" if meridiem == "pm" else "pm"


def _lend(to: ClockReading, other: ClockReading, *, before: bool) -> ClockReading:
    """Give `to` the other's am/pm, or the opposite one if that puts the range backwards."""
    if to.meridiem is not None or other.meridiem is None or to.hour > 12:
        return to
    cand = with_meridiem(to, other.meridiem)
    mine, theirs = settle(cand), settle(other)
    if mine and theirs and (mine[0] >= theirs[0] if before else mine[0] <= theirs[0]):
        cand = with_meridiem(to, _flip(other.meridiem))
    return cand


def settle_time(clock: ClockSpec, *, evening: bool) -> tuple[time, timedelta | None, bool]:
    """The start time, the length if a range was given, and whether am/pm was assumed."""
    a = _lend(clock.start, clock.end, before=True) if clock.end else clock.start
    start = settle(a, evening=evening)
    if start is None:
        raise PhraseProblem("time_does_not_exist", said=clock.said)
    if clock.end is None:
        return start[0], None, start[1]
    b = _lend(clock.end, a, before=False)
    end = settle(b, evening=evening)
    if end is None:
        raise PhraseProblem("time_does_not_exist", said=clock.said)
    finish = end[0]
    if finish <= start[0] and b.meridiem is None and b.hour < 12:
        finish = time(b.hour + 12, finish.minute)
    if finish <= start[0]:
        raise PhraseProblem(
            "end_before_start", start=format_clock(start[0]), end=format_clock(finish)
        )
    length = datetime.combine(date.min, finish) - datetime.combine(date.min, start[0])
    return start[0], length, start[1]
