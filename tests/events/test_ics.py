"""Calendar files: RFC 5545 structure, and read back with the icalendar library."""

from __future__ import annotations

import random
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.features.events.ics import (
    CalendarEvent,
    escape_text,
    event_ics,
    fold,
    group_ics,
    rrule,
    stable_uid,
)
from bot.features.events.parse import EventDraft, parse_event
from bot.features.events.recurrence import Freq, Recurrence, occurrences
from bot.features.events.vtimezone import vtimezone_lines

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
MO, TU, WE, TH, FR, SA, SU = range(7)


def draft(text: str) -> EventDraft:
    found = parse_event(text, now=NOW, zone=LONDON)
    assert isinstance(found, EventDraft), found
    return found


def event(text: str, uid: str = "event-1@test", **kw: object) -> CalendarEvent:
    return CalendarEvent.from_draft(draft(text), uid=uid, **kw)  # type: ignore[arg-type]


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")[:-1]


COFFEE = (
    "Coffee morning every 2nd Tuesday at 10:30 at Holly Lodge Community Centre, "
    "children welcome; parking at the back"
)


def test_line_endings_and_folding() -> None:
    long = "Résumé writing; with a very long title, that needs folding " * 3
    text = event_ics(event(f'"{long.strip()}" tomorrow at 7pm'), zone=LONDON, dtstamp=NOW)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    summary = next(line for line in unfold(text) if line.startswith("SUMMARY:"))
    assert summary == "SUMMARY:" + escape_text(long.strip())


def test_fold_never_splits_a_character() -> None:
    line = "DESCRIPTION:" + "é" * 100
    folded = fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode()) <= 75
        part.encode().decode()  # each part is whole UTF-8
    assert folded.replace("\r\n ", "") == line


def test_escaping() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_required_properties_and_timezone() -> None:
    lines = unfold(event_ics(event(COFFEE), zone=LONDON, dtstamp=NOW))
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    for needed in ("VERSION:2.0", "PRODID:-//carebot//group events//EN", "TZID:Europe/London"):
        assert needed in lines
    assert "DTSTAMP:20260310T090000Z" in lines
    assert "DTSTART;TZID=Europe/London:20260310T103000" in lines
    assert "DTEND;TZID=Europe/London:20260310T123000" in lines
    assert "RRULE:FREQ=MONTHLY;BYDAY=2TU" in lines
    assert "LOCATION:Holly Lodge Community Centre" in lines
    assert "DESCRIPTION:children welcome\\, parking at the back" in lines
    assert "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" in lines
    assert "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU" in lines


def test_uid_is_stable_across_exports() -> None:
    one = event_ics(event(COFFEE, uid=stable_uid(42)), zone=LONDON, dtstamp=NOW)
    later = NOW + timedelta(days=3)
    two = event_ics(event(COFFEE, uid=stable_uid(42)), zone=LONDON, dtstamp=later)
    uid = [line for line in unfold(one) if line.startswith("UID:")]
    assert uid == ["UID:event-42@carebot.invalid"]
    assert uid == [line for line in unfold(two) if line.startswith("UID:")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Walk daily at 9am", "FREQ=DAILY"),
        ("Walk every other day at 9am", "FREQ=DAILY;INTERVAL=2"),
        ("Walk every Tuesday and Thursday at 9am", "FREQ=WEEKLY;BYDAY=TU,TH;WKST=MO"),
        ("Walk every 3 weeks on Monday at 9am", "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO;WKST=MO"),
        ("Walk on the 15th of every month at 9am", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("Walk last Friday of the month at 9am", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("Walk every Saturday at 9am 10 times", "FREQ=WEEKLY;BYDAY=SA;WKST=MO;COUNT=10"),
        (
            "Walk every Saturday at 9am until 30 May",
            "FREQ=WEEKLY;BYDAY=SA;WKST=MO;UNTIL=20260530T225959Z",
        ),
        ("Walk tomorrow at 9am", None),
    ],
)
def test_rrule(text: str, expected: str | None) -> None:
    assert rrule(event(text), LONDON) == expected


def test_skipped_dates_become_exdate_and_count_becomes_until() -> None:
    skip = frozenset({date(2026, 3, 21)})
    ev = event("Walk every Saturday at 9am 3 times", exceptions=skip)
    lines = unfold(event_ics(ev, zone=LONDON, dtstamp=NOW))
    assert "EXDATE;TZID=Europe/London:20260321T090000" in lines
    # Three meetings held: 14 March, 28 March, 4 April (09:00 BST = 08:00 UTC).
    assert "RRULE:FREQ=WEEKLY;BYDAY=SA;WKST=MO;UNTIL=20260404T080000Z" in lines


def test_group_calendar() -> None:
    events = [
        event(COFFEE, uid=stable_uid(1)),
        event("PP+ workshop on 3 April 7pm online https://example.org/a,b", uid=stable_uid(2)),
    ]
    text = group_ics(events, zone=LONDON, dtstamp=NOW, name="Holly Lodge, carers")
    lines = unfold(text)
    assert lines.count("BEGIN:VEVENT") == 2
    assert lines.count("BEGIN:VTIMEZONE") == 1
    assert "X-WR-CALNAME:Holly Lodge\\, carers" in lines
    assert "URL:https://example.org/a,b" in lines


def test_empty_group_calendar_is_still_valid() -> None:
    lines = unfold(group_ics([], zone=LONDON, dtstamp=NOW, name="Quiet group"))
    assert lines[0] == "BEGIN:VCALENDAR" and "BEGIN:VEVENT" not in lines


def test_naive_dtstamp_is_refused() -> None:
    with pytest.raises(ValueError):
        event_ics(event(COFFEE), zone=LONDON, dtstamp=datetime(2026, 3, 10))


# --- read back with the icalendar library (a dev dependency) ---------------------------------


def test_icalendar_reads_it_back() -> None:
    icalendar = pytest.importorskip("icalendar")
    skip = frozenset({date(2026, 5, 12)})
    text = event_ics(event(COFFEE, uid=stable_uid(7), exceptions=skip), zone=LONDON, dtstamp=NOW)
    cal = icalendar.Calendar.from_ical(text)
    (vevent,) = cal.walk("VEVENT")
    assert str(vevent["UID"]) == "event-7@carebot.invalid"
    assert str(vevent["SUMMARY"]) == "Coffee morning"
    assert str(vevent["DESCRIPTION"]) == "children welcome, parking at the back"
    assert vevent["DTSTART"].dt == datetime(2026, 3, 10, 10, 30, tzinfo=LONDON)
    assert vevent["DTEND"].dt - vevent["DTSTART"].dt == timedelta(hours=2)
    assert vevent["RRULE"]["BYDAY"] == ["2TU"]
    assert [d.dt.date() for d in vevent["EXDATE"].dts] == [date(2026, 5, 12)]


@pytest.mark.parametrize("key", ["Europe/London", "America/New_York", "Australia/Sydney", "UTC"])
def test_vtimezone_matches_the_zone_for_ten_years(key: str) -> None:
    icalendar = pytest.importorskip("icalendar")
    zone = ZoneInfo(key)
    private = f"Test-{key.replace('/', '-')}"  # so icalendar builds it from our rules
    lines = [
        line.replace(f"TZID:{key}", f"TZID:{private}")
        for line in vtimezone_lines(zone, from_year=2025)
    ]
    tz = icalendar.Timezone.from_ical("\r\n".join(lines) + "\r\n").to_tz()
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    while moment < datetime(2036, 1, 1, tzinfo=UTC):
        assert moment.astimezone(tz).utcoffset() == moment.astimezone(zone).utcoffset(), moment
        moment += timedelta(hours=5)


def _random_rule(rng: random.Random) -> tuple[datetime, Recurrence]:
    start_day = date(2026, 1, 1) + timedelta(days=rng.randrange(365))
    start = datetime(start_day.year, start_day.month, start_day.day, 10, 30, tzinfo=LONDON)
    kind = rng.choice(["daily", "weekly", "monthly_day", "monthly_nth"])
    interval = rng.choice([1, 1, 2, 3])
    if kind == "daily":
        return start, Recurrence(Freq.DAILY, interval=interval)
    if kind == "weekly":
        days = tuple(sorted({start_day.weekday(), *rng.sample(range(7), rng.randrange(3))}))
        return start, Recurrence(Freq.WEEKLY, interval=interval, weekdays=days)
    if kind == "monthly_day":
        return start, Recurrence(Freq.MONTHLY, interval=interval, month_day=start_day.day)
    nth = (start_day.day - 1) // 7 + 1
    last_of_month = (start_day + timedelta(days=7)).month != start_day.month
    if last_of_month and rng.random() < 0.5:
        nth = -1
    return start, Recurrence(
        Freq.MONTHLY, interval=interval, weekdays=(start_day.weekday(),), week_of_month=nth
    )


def test_rrule_means_the_same_as_our_expansion() -> None:
    """dateutil (installed with icalendar) expands our RRULE text; it must match ours."""
    pytest.importorskip("icalendar")
    from dateutil.rrule import rrulestr  # type: ignore[import-untyped]

    rng = random.Random(5545)
    for _ in range(200):
        start, rec = _random_rule(rng)
        ours = occurrences((start, rec), after=start, limit=25, inclusive=True)
        text = rrule(CalendarEvent("u", "t", start, timedelta(hours=1), rec), LONDON)
        assert text is not None
        rule = rrulestr(text, dtstart=start.replace(tzinfo=None))
        theirs = [rule[i] for i in range(25)]
        assert [o.astimezone(LONDON).replace(tzinfo=None) for o in ours] == theirs, text


def test_vtimezone_for_fixed_offset_zone() -> None:
    lines = vtimezone_lines(ZoneInfo("Asia/Tokyo"), from_year=2026)
    assert "TZOFFSETFROM:+0900" in lines and "TZOFFSETTO:+0900" in lines
    assert not any(line.startswith("RRULE") for line in lines)


def test_no_unescaped_specials_in_text_values() -> None:
    text = event_ics(event('"Tea, cake; chat" tomorrow at 3pm'), zone=LONDON, dtstamp=NOW)
    summary = next(line for line in unfold(text) if line.startswith("SUMMARY:"))
    assert re.fullmatch(r"SUMMARY:Tea\\, cake\\; chat", summary)
