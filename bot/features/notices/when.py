"""When a notice goes out: "now", or a day and time in plain words, kept out of quiet hours.

Dates and times are read with the events feature's phrase readers, so "tomorrow 9am",
"Friday at 10:30", "3 March 2pm" and "in 2 hours" mean what they mean in `/event`
(a bare 7 is 7pm, dates are day first). A time with no day means today. Quiet hours
are an open interval in local time: a notice due inside them waits until they end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.features.events import scan
from bot.features.events.dates import resolve, spec_from
from bot.features.events.phrases import PhraseProblem, format_clock, format_day
from bot.features.events.recurrence import wall_to_utc
from bot.features.events.reminders import QuietHours
from bot.features.events.timing import read_time, settle_time
from config.settings import NoticeSettings

MAX_AHEAD = timedelta(days=366)
NOW_WORDS = {"now", "right now", "straight away", "straightaway", "asap", "immediately"}
_NOW_FILLER = re.compile(r"\b(?:send|it|please|go|out|ahead)\b")
_IN = re.compile(
    r"^in\s+(?P<n>\d{1,3}|an?|half\s+an)\s*(?P<unit>minutes?|mins?|hours?|hrs?|h|days?)$"
)
_LEFTOVER_OK = re.compile(r"^(?:at|on|send|it|please|from|the)$")


@dataclass(frozen=True, slots=True)
class WhenProblem:
    """Why the words were not a time to send: `kind` names a text, `details` fill it."""

    kind: str  # not_understood, no_time, in_the_past, too_far, or a phrase problem
    details: dict[str, str] = field(default_factory=dict)


def _tidy(text: str) -> str:
    text = text.replace("’", "'").replace("\u00a0", " ").replace("–", "-")
    return " ".join(text.strip().rstrip(".!").split())


def is_now(text: str) -> bool:
    spoken = " ".join(_NOW_FILLER.sub(" ", _tidy(text).lower()).split())
    return spoken in NOW_WORDS


def _relative(spoken: str, now: datetime) -> datetime | None:
    m = _IN.match(spoken)
    if m is None:
        return None
    amount = m.group("n")
    count = 1 if amount in ("a", "an") else (0 if amount.startswith("half") else int(amount))
    unit = m.group("unit")[0]
    if amount.startswith("half"):
        return now + timedelta(minutes=30)
    step = {"m": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1)}[unit]
    return now + count * step


def read_when(text: str, *, now: datetime, zone: ZoneInfo) -> datetime | WhenProblem:
    """The moment (aware UTC) staff asked for; `now` itself for "now"."""
    if is_now(text):
        return now
    said = _tidy(text)
    relative = _relative(said.lower(), now)
    if relative is not None:
        return _check(relative, now, zone)
    try:
        return _absolute(said, now, zone)
    except PhraseProblem as problem:
        return WhenProblem(problem.kind, problem.details)


def _absolute(said: str, now: datetime, zone: ZoneInfo) -> datetime | WhenProblem:
    s = scan.Scanner(said)
    found = s.take(scan.DATE) or s.take(scan.BARE_WEEKDAY)
    clock = read_time(s)
    leftover = [w for _, piece in s.pieces() for w in piece.lower().split()]
    if (found is None and clock is None) or any(not _LEFTOVER_OK.match(w) for w in leftover):
        return WhenProblem("not_understood", {"said": said})
    today = now.astimezone(zone).date()
    spec = spec_from(found, s.said(found)) if found is not None else None
    day = resolve(spec, today) if spec is not None else today
    if clock is None:
        return WhenProblem("no_time", {"date": format_day(day)})
    at, _, _ = settle_time(clock, evening=spec is not None and spec.evening)
    return _check(wall_to_utc(day, at, zone), now, zone)


def _check(moment: datetime, now: datetime, zone: ZoneInfo) -> datetime | WhenProblem:
    local = moment.astimezone(zone)
    if moment <= now:
        words = {"date": format_day(local.date()), "time": format_clock(local.time())}
        return WhenProblem("in_the_past", words)
    if moment - now > MAX_AHEAD:
        return WhenProblem("too_far", {"date": format_day(local.date())})
    return moment.astimezone(UTC)


def quiet_hours_for(settings: NoticeSettings, org_name: str) -> QuietHours | None:
    """The organisation's own quiet hours if it has them, else everyone's (None: none)."""
    wanted = org_name.strip().lower()
    chosen = settings.quiet_hours
    for name, hours in settings.org_quiet_hours.items():
        if name.lower() == wanted:
            chosen = hours
    return QuietHours.parse(chosen) if chosen else None


def release_time(moment: datetime, quiet: QuietHours | None, zone: ZoneInfo) -> datetime:
    """`moment`, or the end of the quiet hours it falls in (aware UTC)."""
    local = moment.astimezone(zone)
    if quiet is None or not quiet.contains(local.time()):
        return moment.astimezone(UTC)
    began = quiet.began(local)
    ends_on = began + timedelta(days=1) if quiet.start > quiet.end else began
    return wall_to_utc(ends_on, quiet.end, zone)


def spoken_time(moment: datetime, zone: ZoneInfo, template: str) -> str:
    """A moment as people in the UK say it; `template` has {time} and {date}."""
    local = moment.astimezone(zone)
    return template.format(time=format_clock(local.time()), date=format_day(local.date()))
