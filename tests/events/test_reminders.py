"""Reminder times: default offsets, quiet hours, the past, and clock changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.features.events.reminders import (
    DEFAULT_OFFSETS,
    Offset,
    QuietHours,
    parse_offset,
    reminder_times,
)

LONDON = ZoneInfo("Europe/London")
NIGHT = QuietHours(time(21, 0), time(8, 0))
EARLY = datetime(2026, 1, 1, tzinfo=UTC)


def local(found: list[datetime]) -> list[str]:
    return [f.astimezone(LONDON).strftime("%a %d %b %H:%M") for f in found]


def remind(start: datetime, offsets: tuple[str, ...] = DEFAULT_OFFSETS, **kw: object) -> list[str]:
    quiet = kw.pop("quiet_hours", NIGHT)
    now = kw.pop("now", EARLY)
    found = reminder_times(
        start,
        offsets=offsets,
        quiet_hours=quiet,  # type: ignore[arg-type]
        zone=LONDON,
        now=now,  # type: ignore[arg-type]
    )
    assert all(f.tzinfo is UTC for f in found)
    return local(found)


def test_defaults_day_before_at_six_and_an_hour_before() -> None:
    start = datetime(2026, 3, 12, 19, 0, tzinfo=LONDON)
    assert remind(start) == ["Wed 11 Mar 18:00", "Thu 12 Mar 18:00"]


def test_early_morning_reminder_moves_to_the_evening_before() -> None:
    start = datetime(2026, 3, 12, 8, 30, tzinfo=LONDON)  # 1h before = 07:30, in quiet hours
    assert remind(start) == ["Wed 11 Mar 18:00", "Wed 11 Mar 21:00"]


def test_late_reminder_moves_to_when_quiet_hours_start() -> None:
    start = datetime(2026, 3, 12, 19, 0, tzinfo=LONDON)
    assert remind(start, ("day_before_at 22:30",)) == ["Wed 11 Mar 21:00"]


def test_quiet_hours_edges_are_allowed() -> None:
    start = datetime(2026, 3, 12, 9, 0, tzinfo=LONDON)
    assert remind(start, ("1h before", "day_before_at 21:00")) == [
        "Wed 11 Mar 21:00",
        "Thu 12 Mar 08:00",
    ]


def test_daytime_quiet_hours() -> None:
    lunch = QuietHours(time(12, 0), time(14, 0))
    start = datetime(2026, 3, 12, 14, 30, tzinfo=LONDON)
    assert remind(start, ("1h before",), quiet_hours=lunch) == ["Thu 12 Mar 12:00"]


def test_no_quiet_hours() -> None:
    start = datetime(2026, 3, 12, 8, 30, tzinfo=LONDON)
    assert remind(start, ("1h before",), quiet_hours=None) == ["Thu 12 Mar 07:30"]


def test_reminders_in_the_past_are_dropped() -> None:
    start = datetime(2026, 3, 12, 19, 0, tzinfo=LONDON)
    now = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)
    assert remind(start, now=now) == ["Thu 12 Mar 18:00"]
    assert remind(start, now=start.astimezone(UTC)) == []


def test_same_moment_is_sent_once() -> None:
    start = datetime(2026, 3, 12, 19, 0, tzinfo=LONDON)
    assert remind(start, ("1h before", "60 minutes before", "same_day_at 18:00")) == [
        "Thu 12 Mar 18:00"
    ]


def test_reminder_after_the_start_is_dropped() -> None:
    start = datetime(2026, 3, 12, 9, 0, tzinfo=LONDON)
    assert remind(start, ("same_day_at 18:00",)) == []


def test_an_hour_before_is_real_time_on_clock_change_day() -> None:
    start = datetime(2026, 3, 29, 10, 30, tzinfo=LONDON)
    found = reminder_times(start, offsets=["1h before"], quiet_hours=None, zone=LONDON, now=EARLY)
    assert found == [datetime(2026, 3, 29, 8, 30, tzinfo=UTC)]  # 09:30 BST


def test_day_before_at_is_wall_clock_across_the_change() -> None:
    start = datetime(2026, 3, 29, 10, 30, tzinfo=LONDON)
    assert remind(start, ("day_before_at 18:00",)) == ["Sat 28 Mar 18:00"]
    found = reminder_times(
        datetime(2026, 3, 30, 10, 30, tzinfo=LONDON),
        offsets=["day_before_at 18:00"],
        quiet_hours=None,
        zone=LONDON,
        now=EARLY,
    )
    assert found == [datetime(2026, 3, 29, 17, 0, tzinfo=UTC)]  # 18:00 BST


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("day_before_at 18:00", Offset(days_before=1, at=time(18, 0))),
        ("2_days_before_at 10:00", Offset(days_before=2, at=time(10, 0))),
        ("same_day_at 08:30", Offset(days_before=0, at=time(8, 30))),
        ("1h before", Offset(before=timedelta(hours=1))),
        ("30m before", Offset(before=timedelta(minutes=30))),
        ("90 minutes before", Offset(before=timedelta(minutes=90))),
        ("2 hours before", Offset(before=timedelta(hours=2))),
        ("2d before", Offset(before=timedelta(days=2))),
        ("1 week before", Offset(before=timedelta(weeks=1))),
    ],
)
def test_parse_offset(text: str, expected: Offset) -> None:
    assert parse_offset(text) == expected


@pytest.mark.parametrize("text", ["", "soon", "day_before_at 25:00", "0h before", "1h after"])
def test_parse_offset_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="reminder offset"):
        parse_offset(text)


def test_quiet_hours_parse() -> None:
    assert QuietHours.parse("21:00-08:00") == NIGHT
    assert QuietHours.parse(" 12:00 – 14:00 ") == QuietHours(time(12), time(14))
    for bad in ("9pm-8am", "25:00-08:00"):
        with pytest.raises(ValueError, match="quiet hours"):
            QuietHours.parse(bad)
    assert not QuietHours(time(9), time(9)).contains(time(9, 30))
